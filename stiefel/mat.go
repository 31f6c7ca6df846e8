package stiefel

import (
	"math"
)

func sameBits(a, b []float64) bool {
	for i, v := range a {
		if math.Float64bits(v) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

// frob2 returns Σ xᵢ².
func frob2(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v * v
	}
	return s
}

// block copies the r×c block of the row-major matrix a (with cols columns)
// starting at (i0, j0) into dst (r×c).
func getBlock(dst, a []float64, cols, i0, j0, r, c int) {
	for i := range r {
		copy(dst[i*c:(i+1)*c], a[(i0+i)*cols+j0:(i0+i)*cols+j0+c])
	}
}

// setBlock copies the r×c matrix b into a (with cols columns) at (i0, j0).
func setBlock(a []float64, cols, i0, j0 int, b []float64, r, c int) {
	for i := range r {
		copy(a[(i0+i)*cols+j0:(i0+i)*cols+j0+c], b[i*c:(i+1)*c])
	}
}

// detSign returns the sign (+1, −1, or 0 if singular) of the determinant of
// the k×k matrix a, by LU with partial pivoting in the workspace w (k×k).
func detSign(a, w []float64, k int) float64 {
	copy(w, a)
	sgn := 1.0
	for c := range k {
		piv := c
		for r := c + 1; r < k; r++ {
			if math.Abs(w[r*k+c]) > math.Abs(w[piv*k+c]) {
				piv = r
			}
		}
		if w[piv*k+c] == 0 {
			return 0
		}
		if piv != c {
			for j := range k {
				w[c*k+j], w[piv*k+j] = w[piv*k+j], w[c*k+j]
			}
			sgn = -sgn
		}
		if w[c*k+c] < 0 {
			sgn = -sgn
		}
		for r := c + 1; r < k; r++ {
			f := w[r*k+c] / w[c*k+c]
			for j := c + 1; j < k; j++ {
				w[r*k+j] -= f * w[c*k+j]
			}
		}
	}
	return sgn
}

// packSkew writes the strict upper triangle of the p×p matrix a, row by
// row, into dst (length p(p−1)/2), scaled by √2 so that the Euclidean norm
// of the packed vector is the Frobenius norm of the skew part.
func packSkew(dst, a []float64, p int) {
	k := 0
	for i := range p {
		for j := i + 1; j < p; j++ {
			dst[k] = math.Sqrt2 * 0.5 * (a[i*p+j] - a[j*p+i])
			k++
		}
	}
}

// unpackSkew is the inverse of packSkew: a becomes exactly skew-symmetric.
func unpackSkew(a, x []float64, p int) {
	k := 0
	for i := range p {
		a[i*p+i] = 0
		for j := i + 1; j < p; j++ {
			v := x[k] / math.Sqrt2
			a[i*p+j] = v
			a[j*p+i] = -v
			k++
		}
	}
}
