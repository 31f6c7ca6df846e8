package spd

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// symInto writes k·sym(x) into dst, exactly symmetric. dst may alias x. The
// halves are formed as 0.5·a + 0.5·b, which cannot overflow; k is a power of
// two (or 1), so scaling is exact.
func symInto(dst, x []float64, n int, k float64) {
	for i := range n {
		dst[i*n+i] = k * x[i*n+i]
		for j := i + 1; j < n; j++ {
			v := k * (0.5*x[i*n+j] + 0.5*x[j*n+i])
			dst[i*n+j] = v
			dst[j*n+i] = v
		}
	}
}

// mirror copies the strict upper triangle of s onto the lower one.
func mirror(s []float64, n int) {
	for i := range n {
		for j := i + 1; j < n; j++ {
			s[j*n+i] = s[i*n+j]
		}
	}
}

// addSymInto writes dst = sym(a) + b for symmetric b, reading the upper
// triangle of b, exactly symmetric; dst may alias a or b.
func addSymInto(dst, a, b []float64, n int) {
	for i := range n {
		dst[i*n+i] = a[i*n+i] + b[i*n+i]
		for j := i + 1; j < n; j++ {
			v := (0.5*a[i*n+j] + 0.5*a[j*n+i]) + b[i*n+j]
			dst[i*n+j] = v
			dst[j*n+i] = v
		}
	}
}

func hasNaN(x []float64) bool {
	for _, v := range x {
		if v != v {
			return true
		}
	}
	return false
}

// scaleOf returns a power of two s with max|xᵢ|/s in [0.5, 1), so that x/s
// can be squared and summed without overflow or underflow; 0 if x = 0, NaN
// if x has a NaN and +Inf if it has an infinite entry.
func scaleOf(x []float64) float64 {
	var m float64
	for _, v := range x {
		a := math.Abs(v)
		if !(a <= m) {
			if a != a {
				return math.NaN()
			}
			m = a
		}
	}
	if m == 0 || math.IsInf(m, 1) {
		return m
	}
	_, e := math.Frexp(m)
	return math.Ldexp(1, e)
}

// dot returns Σ aᵢbᵢ.
func dot(a, b []float64) float64 {
	var s float64
	for i, v := range a {
		s += v * b[i]
	}
	return s
}

// matMul writes C = op(A)·op(B) for n×n matrices; c must not overlap a, b.
func matMul(c []float64, tA bool, a []float64, tB bool, b []float64, n int) {
	linalg.Gemm(tA, tB, n, n, n, 1, a, b, 0, c)
}

// scaleCols multiplies column j of the n×n matrix a by d[j].
func scaleCols(a, d []float64, n int) {
	for i := range n {
		row := a[i*n : i*n+n]
		for j, v := range d {
			row[j] *= v
		}
	}
}

// congT writes dst = Zᵀ·A·Z using tmp; dst may alias a, not z or tmp.
func congT(dst, z, a, tmp []float64, n int) {
	matMul(tmp, false, a, false, z, n)
	matMul(dst, true, z, false, tmp, n)
}

// cong writes dst = Z·A·Zᵀ using tmp; dst may alias a, not z or tmp.
func cong(dst, z, a, tmp []float64, n int) {
	matMul(tmp, false, z, false, a, n)
	matMul(dst, false, tmp, true, z, n)
}

// eigPD computes P = Z·diag(ev)·Zᵀ and reports whether every eigenvalue is
// positive (false for NaN entries or a failed eigensolver).
func eigPD(ev, z, p []float64, n int) bool {
	if err := linalg.EigSym(ev, z, p, n); err != nil {
		return false
	}
	for _, x := range ev {
		if !(x > 0) {
			return false
		}
	}
	return true
}
