package manifoldtest

import "math"

// Small dense-vector helpers. They are deliberately independent of the code
// under test (no internal/linalg), so that a bug there cannot hide itself.

// nrm2 returns the Euclidean norm of x without spurious overflow or
// underflow (the scaled sum of squares of the reference BLAS dnrm2). A NaN
// entry gives NaN, an infinite one +Inf.
func nrm2(x []float64) float64 {
	scale, ssq := 0.0, 1.0
	inf := false
	for _, v := range x {
		switch {
		case math.IsNaN(v):
			return math.NaN()
		case math.IsInf(v, 0):
			inf = true
		case v != 0:
			a := math.Abs(v)
			if scale < a {
				r := scale / a
				ssq = 1 + ssq*r*r
				scale = a
			} else {
				r := a / scale
				ssq += r * r
			}
		}
	}
	if inf {
		return math.Inf(1)
	}
	return scale * math.Sqrt(ssq)
}

// dot returns xᵀy.
func dot(x, y []float64) float64 {
	var s float64
	for i, v := range x {
		s += v * y[i]
	}
	return s
}

// diffNorm returns ‖x − y‖₂.
func diffNorm(x, y []float64) float64 {
	d := make([]float64, len(x))
	for i := range x {
		d[i] = x[i] - y[i]
	}
	return nrm2(d)
}

// sub writes x − y into dst.
func sub(dst, x, y []float64) {
	for i := range dst {
		dst[i] = x[i] - y[i]
	}
}

// lincomb writes a·x + b·y into dst.
func lincomb(dst []float64, a float64, x []float64, b float64, y []float64) {
	for i := range dst {
		dst[i] = a*x[i] + b*y[i]
	}
}

// scaled returns a new slice a·x.
func scaled(a float64, x []float64) []float64 {
	d := make([]float64, len(x))
	for i, v := range x {
		d[i] = a * v
	}
	return d
}

// clone returns a copy of x.
func clone(x []float64) []float64 { return append([]float64(nil), x...) }

// maxAbs returns max |x_i| (NaN if an entry is NaN).
func maxAbs(x []float64) float64 {
	var m float64
	for _, v := range x {
		if math.IsNaN(v) {
			return math.NaN()
		}
		m = math.Max(m, math.Abs(v))
	}
	return m
}

// firstNonFinite returns the index of the first NaN or ±Inf entry of x, or −1.
func firstNonFinite(x []float64) int {
	for i, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return i
		}
	}
	return -1
}

// hasNaN reports whether x has a NaN entry.
func hasNaN(x []float64) bool {
	for _, v := range x {
		if math.IsNaN(v) {
			return true
		}
	}
	return false
}

// firstBitDiff returns the first index where x and y differ bitwise, or −1.
func firstBitDiff(x, y []float64) int {
	for i := range x {
		if math.Float64bits(x[i]) != math.Float64bits(y[i]) {
			return i
		}
	}
	return -1
}

// isFinite reports whether v is neither NaN nor ±Inf.
func isFinite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// gaussian writes independent standard normal entries into dst.
func gaussian(dst []float64, rng interface{ NormFloat64() float64 }) {
	for i := range dst {
		dst[i] = rng.NormFloat64()
	}
}
