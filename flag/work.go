package flag

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// eps is the machine epsilon 2⁻⁵².
const eps = 0x1p-52

// sameBits reports whether a and b hold the same bits.
func sameBits(a, b []float64) bool {
	for i, v := range a {
		if math.Float64bits(v) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

// firstLess reports whether a precedes b at their first differing entry.
func firstLess(a, b []float64) bool {
	for i, v := range a {
		if v != b[i] {
			return v < b[i]
		}
	}
	return false
}

// frob2 returns Σ xᵢ².
func frob2(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v * v
	}
	return s
}

// corr overwrites the p×p matrix w with
//
//	bd(W) + offdiag(sym(W) + c·skew(W)),
//
// where bd keeps the diagonal blocks of the flag and offdiag the others:
// X·corr(XᵀZ, c) is what Proj (c = 0), EGradToRGrad (c = 1 − 1/β) and
// RandomTangent (c = 1 − 1/√β) subtract from Z.
func (f *Flag) corr(w []float64, c float64) {
	p := f.p
	for i := range p {
		bi := f.blk[i]
		for j := i + 1; j < p; j++ {
			if f.blk[j] == bi {
				continue
			}
			u, l := w[i*p+j], w[j*p+i]
			sy, sk := 0.5*(u+l), 0.5*(u-l)
			w[i*p+j] = sy + c*sk
			w[j*p+i] = sy - c*sk
		}
	}
}

// normalCorrect writes dst = Z − X·corr(XᵀZ, c). dst may alias x or z.
func (f *Flag) normalCorrect(dst, x, z []float64, c float64) {
	n, p := f.n, f.p
	ar := linalg.NewArena(p*p + n*p)
	defer ar.Release()
	w := ar.Take(p * p)
	t := ar.Take(n * p)
	linalg.MulAtB(w, x, z, p, n, p)
	f.corr(w, c)
	copy(t, z)
	linalg.Gemm(false, false, n, p, p, -1, x, w, 1, t)
	copy(dst, t)
}

// keepDiagBlocks zeroes the entries of the p×p matrix w outside the
// diagonal blocks.
func (f *Flag) keepDiagBlocks(w []float64) {
	p := f.p
	for i := range p {
		bi := f.blk[i]
		for j := range p {
			if f.blk[j] != bi {
				w[i*p+j] = 0
			}
		}
	}
}

// getBlock copies the r×c block of the row-major matrix a (with cols
// columns) starting at (i0, j0) into dst (r×c).
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

// unpackSkew writes into the p×p matrix a the skew-symmetric matrix whose
// strict upper triangle, row by row and scaled by √2 (so that ‖x‖₂ is the
// Frobenius norm of a), is x (length p(p−1)/2); a is exactly
// skew-symmetric.
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
			t := w[r*k+c] / w[c*k+c]
			for j := c + 1; j < k; j++ {
				w[r*k+j] -= t * w[c*k+j]
			}
		}
	}
	return sgn
}
