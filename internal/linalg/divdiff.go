package linalg

import "math"

// The first divided difference f[x, y] = (f(x) − f(y))/(x − y), with
// f[x, x] = f'(x), is the entry of the Loewner matrix in the Daleckii–Krein
// formula (see SymFrechet). Computed naively it loses all accuracy as y → x;
// the functions below rewrite it without cancellation.

// Nodes and weights of the 4-point Gauss–Legendre rule on [0, 1].
var (
	glNodes   = [4]float64{0.06943184420297371, 0.33000947820757187, 0.6699905217924281, 0.9305681557970263}
	glWeights = [4]float64{0.17392742256872692, 0.32607257743127307, 0.32607257743127307, 0.17392742256872692}
)

// DivDiff returns the first divided difference f[x, y] of a general function
// f with derivative df: f'(x) when x = y, the quotient (f(x) − f(y))/(x − y)
// when it loses at most 8 bits to cancellation, that is when
// |f(x) − f(y)| ≥ 2⁻⁸·max(|f(x)|, |f(y)|), and otherwise the Hermite–Genocchi
// integral
//
//	f[x, y] = ∫₀¹ f'(y + s·(x − y)) ds
//
// by 4-point Gauss–Legendre quadrature, exact for polynomials f of degree up
// to 8 (Higham, Functions of Matrices, 2008, on divided differences; Davis &
// Rabinowitz, Methods of Numerical Integration, 1984, for the rule). The
// result is accurate to about 2⁸·ε relative when f' varies smoothly on the
// scale of |x − y|, which is the case when f itself changes by less than
// 2⁻⁸ relative there. Prefer the exact rewritings DivDiffExp, DivDiffLog,
// DivDiffSqrt, DivDiffInvSqrt and DivDiffPow when they apply.
func DivDiff(f, df func(float64) float64, x, y float64) float64 {
	if x == y {
		return df(x)
	}
	fx, fy := f(x), f(y)
	if math.Abs(fx-fy) >= 0x1p-8*max(math.Abs(fx), math.Abs(fy)) {
		return (fx - fy) / (x - y)
	}
	d := x - y
	var s float64
	for i, t := range glNodes {
		s += glWeights[i] * df(y+t*d)
	}
	return s
}

// DivDiffExp returns exp[x, y] = (eˣ − eʸ)/(x − y) (eˣ when x = y) to a few
// ulps. For |x − y| < 1 it uses exp((x+y)/2)·sinh(h)/h with h = (x − y)/2;
// otherwise e^{max}·(1 − e^{−|x−y|})/|x − y| evaluated as
// exp(max − log|x − y|)·(−expm1(−|x − y|)), which neither cancels nor
// overflows early (the same rewriting Higham 2008, Ch. 10, uses for the
// off-diagonal of exp of a 2×2 triangular matrix).
func DivDiffExp(x, y float64) float64 {
	if x == y {
		return math.Exp(x)
	}
	if x < y {
		x, y = y, x
	}
	d := x - y
	if d < 1 {
		h := 0.5 * d
		return math.Exp(0.5*x+0.5*y) * (math.Sinh(h) / h)
	}
	return math.Exp(x-math.Log(d)) * -math.Expm1(-d)
}

// DivDiffLog returns log[x, y] = (log x − log y)/(x − y) (1/x when x = y) for
// x, y > 0 to a few ulps. When the ratio r = max/min is below 2 it uses
//
//	log[x, y] = 2·atanh(z)/(x − y),  z = (x − y)/(x + y),
//
// in which x − y is exact (Sterbenz) and atanh is well conditioned for
// |z| < 1/3 (the atanh form Higham 2008, Ch. 11, gives for the
// off-diagonal of log of a 2×2 triangular matrix); otherwise log(r)/(x − y), which has no
// cancellation. A zero or negative argument follows math.Log (giving ±Inf or
// NaN).
func DivDiffLog(x, y float64) float64 {
	if x == y {
		return 1 / x
	}
	if x < y {
		x, y = y, x
	}
	if !(y > 0) {
		return (math.Log(x) - math.Log(y)) / (x - y)
	}
	d := x - y
	r := x / y
	if r < 2 {
		z := d / (x + y)
		return 2 * math.Atanh(z) / d
	}
	if math.IsInf(r, 0) {
		return (math.Log(x) - math.Log(y)) / d
	}
	return math.Log(r) / d
}

// DivDiffSqrt returns √[x, y] = (√x − √y)/(x − y) = 1/(√x + √y), exact to
// rounding, with negative arguments treated as zero to match SymSqrt. It is
// +Inf for x = y = 0.
func DivDiffSqrt(x, y float64) float64 {
	return 1 / (sqrtClamped(x) + sqrtClamped(y))
}

// DivDiffInvSqrt returns the divided difference of t ↦ t^{-1/2},
// (x^{-1/2} − y^{-1/2})/(x − y) = −1/(√x·√y·(√x + √y)), exact to rounding for
// x, y > 0.
func DivDiffInvSqrt(x, y float64) float64 {
	sx, sy := math.Sqrt(x), math.Sqrt(y)
	return -1 / (sx * sy * (sx + sy))
}

// DivDiffPow returns the divided difference of s ↦ s^t,
// (xᵗ − yᵗ)/(x − y) (t·x^{t−1} when x = y), for x, y > 0 to a few ulps.
// With x > y and L = log(x/y) (computed as log1p((x − y)/y) when x/y < 2),
//
//	(xᵗ − yᵗ)/(x − y) = yᵗ·expm1(t·L)/(x − y),
//
// which has no cancellation for any t (the expm1/log1p technique Higham 2008
// applies to 2×2 triangular blocks). A
// zero or negative argument falls back to the quotient with math.Pow.
func DivDiffPow(x, y, t float64) float64 {
	if x == y {
		return t * math.Pow(x, t-1)
	}
	if x < y {
		x, y = y, x
	}
	d := x - y
	if !(y > 0) {
		return (math.Pow(x, t) - math.Pow(y, t)) / d
	}
	r := x / y
	var l float64
	switch {
	case r < 2:
		l = math.Log1p(d / y)
	case math.IsInf(r, 0):
		return (math.Pow(x, t) - math.Pow(y, t)) / d
	default:
		l = math.Log(r)
	}
	return math.Pow(y, t) * math.Expm1(t*l) / d
}
