package hyperbolic

import "math"

// This file holds the small scalar kernels shared by the three models: an
// extended-exponent float for the rare inputs whose intermediate quantities
// leave the float64 range, a doubled-precision sum of squares for the
// conformal factor of the Poincaré ball, and overflow-safe norms.

// xf is the positive (or zero, or NaN) number m·2^e with m in [½, 1), used
// where products such as √c‖a‖·√c‖b‖ of far-away points would overflow
// float64 although the quantity wanted, a distance, is moderate. Every
// operation rounds once, like the float64 operation it replaces.
type xf struct {
	m float64
	e int
}

// scaleExp returns the exponent e with m·2^−e in [½, 1) for a positive
// finite m, limited to e ≥ −1000 so that 2^−e never overflows (a subnormal
// m then scales to at least 2⁻⁷⁴, enough for its square not to underflow).
func scaleExp(m float64) int {
	_, e := math.Frexp(m)
	return max(e, -1000)
}

func mkxf(v float64) xf {
	m, e := math.Frexp(v)
	return xf{m, e}
}

// xfScaled returns v·2^k.
func xfScaled(v float64, k int) xf {
	m, e := math.Frexp(v)
	return xf{m, e + k}
}

func (a xf) mul(b xf) xf { return xfScaled(a.m*b.m, a.e+b.e) }
func (a xf) quo(b xf) xf { return xfScaled(a.m/b.m, a.e-b.e) }

// add returns a + b for a, b ≥ 0 (or NaN).
func (a xf) add(b xf) xf {
	if a.m == 0 {
		return b
	}
	if b.m == 0 {
		return a
	}
	if a.e < b.e {
		a, b = b, a
	}
	d := a.e - b.e
	if d > 120 {
		return a
	}
	return xfScaled(a.m+math.Ldexp(b.m, -d), a.e)
}

func (a xf) sqrt() xf {
	m, e := a.m, a.e
	if e&1 != 0 {
		m *= 2
		e--
	}
	return xfScaled(math.Sqrt(m), e/2)
}

// float returns the nearest float64 (±Inf or 0 outside the range).
func (a xf) float() float64 { return math.Ldexp(a.m, a.e) }

// log returns the natural logarithm.
func (a xf) log() float64 { return math.Log(a.m) + float64(a.e)*math.Ln2 }

// asinh returns asinh(a) for a ≥ 0 without overflow: for a ≥ 2²⁸,
// asinh(a) = ln(2a) to within a relative 2⁻⁵⁸.
func (a xf) asinh() float64 {
	if a.e > 28 {
		return math.Ln2 + a.log()
	}
	return math.Asinh(a.float())
}

// sumSqDD returns Σ xᵢ² as the unevaluated sum hi + lo, with an error of a
// few units of 2⁻¹⁰⁶ relative to the sum: the products are split exactly with
// a fused multiply-add and accumulated by TwoSum (Ogita, Rump & Oishi 2005,
// "Accurate sum and dot product", Algorithm Sum2/Dot2). Two independent
// chains halve the latency of the loop-carried dependency.
func sumSqDD(x []float64) (hi, lo float64) {
	var h0, l0, h1, l1 float64
	n := len(x)
	i := 0
	for ; i+2 <= n; i += 2 {
		v0, v1 := x[i], x[i+1]
		p0, p1 := v0*v0, v1*v1
		e0, e1 := math.FMA(v0, v0, -p0), math.FMA(v1, v1, -p1)
		s0, s1 := h0+p0, h1+p1
		z0, z1 := s0-h0, s1-h1
		l0 += (h0 - (s0 - z0)) + (p0 - z0) + e0
		l1 += (h1 - (s1 - z1)) + (p1 - z1) + e1
		h0, h1 = s0, s1
	}
	if i < n {
		v := x[i]
		p := v * v
		e := math.FMA(v, v, -p)
		s := h0 + p
		z := s - h0
		l0 += (h0 - (s - z)) + (p - z) + e
		h0 = s
	}
	// Combine the two chains with one more TwoSum.
	s := h0 + h1
	z := s - h0
	lo = (h0 - (s - z)) + (h1 - z) + l0 + l1
	hi = s + lo
	lo -= hi - s
	return hi, lo
}

// sumSq returns Σ xᵢ² in plain float64 with four accumulators.
func sumSq(x []float64) float64 {
	var s0, s1, s2, s3 float64
	n := len(x)
	i := 0
	for ; i+4 <= n; i += 4 {
		s0 += x[i] * x[i]
		s1 += x[i+1] * x[i+1]
		s2 += x[i+2] * x[i+2]
		s3 += x[i+3] * x[i+3]
	}
	for ; i < n; i++ {
		s0 += x[i] * x[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// dot returns Σ xᵢyᵢ with four accumulators.
func dot(x, y []float64) float64 {
	var s0, s1, s2, s3 float64
	n := len(x)
	y = y[:n]
	i := 0
	for ; i+4 <= n; i += 4 {
		s0 += x[i] * y[i]
		s1 += x[i+1] * y[i+1]
		s2 += x[i+2] * y[i+2]
		s3 += x[i+3] * y[i+3]
	}
	for ; i < n; i++ {
		s0 += x[i] * y[i]
	}
	return (s0 + s1) + (s2 + s3)
}

// Bounds of the plain sum of squares: inside [sqLo, sqHi] it neither
// overflowed nor lost anything that matters to underflow.
const (
	sqLo = 0x1p-960
	sqHi = 0x1p960
)

// hypot returns √(a² + b²) for a, b ≥ 0 without overflow (math.Hypot without
// its special-case checks, which callers do not need).
func hypot(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	if a == 0 {
		return 0
	}
	if a > 0x1p500 || a < 0x1p-500 {
		return math.Hypot(a, b)
	}
	return math.Sqrt(a*a + b*b)
}

func isFinite(v float64) bool { return v-v == 0 }

func hasInf(x []float64) bool {
	for _, v := range x {
		if math.IsInf(v, 0) {
			return true
		}
	}
	return false
}

func hasNaN(x []float64) bool {
	for _, v := range x {
		if v != v {
			return true
		}
	}
	return false
}

// sinhc returns sinh(t)/t for t ≥ 0 (1 at t = 0).
func sinhc(t float64) float64 {
	if t < 0x1p-26 {
		return 1
	}
	return math.Sinh(t) / t
}
