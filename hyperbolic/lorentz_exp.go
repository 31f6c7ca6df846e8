package hyperbolic

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// Exp writes the exponential map
//
//	Exp_x(v) = cosh(θ)·x + (sinh(θ)/θ)·v,   θ = √c‖v‖_L,
//
// the point reached at time 1 along the geodesic leaving x with velocity
// v ∈ T_x Hⁿ (Ratcliffe 2019, §3.2; Nickel & Kiela 2018), with ‖v‖_L as in
// Norm. The spatial part is computed from this formula and the time
// coordinate of the result from the spatial part, x₀ = √(1/c + ‖x_{1:}‖²),
// so the result satisfies the constraint to rounding.
//
// Special cases are:
//
//	Exp(x, 0) = x exactly;
//	the geodesic is followed only while ‖x_{1:}‖ ≤ LorentzMaxNorm = 2¹⁰²⁰:
//	if Exp_x(v) lies beyond (θ above about 708 for x near the origin and
//	c = 1, where cosh θ overflows float64), the result saturates at the
//	point of the same geodesic where ‖x_{1:}‖ reaches LorentzMaxNorm, a
//	finite, valid point; this also holds for ‖v‖_L so large that it
//	overflows;
//	the time coordinate v₀ is not read (a tangent vector is determined by
//	its spatial part, see Inner), except that a NaN or ±Inf in it gives NaN;
//	a NaN entry in x or v gives NaN entries.
func (l *Lorentz) Exp(dst, x, v []float64) {
	l.check(dst, x, v)
	a, vs := x[1:], v[1:]
	var aa, vv float64
	for i, ai := range a {
		aa += ai * ai
		vv += vs[i] * vs[i]
	}
	var s, na float64
	if aa <= sqHi && vv >= sqLo && vv <= sqHi {
		s, na = math.Sqrt(vv), math.Sqrt(aa)
	} else {
		s, na = linalg.Nrm2(vs), linalg.Nrm2(a)
	}
	theta := l.sqrtC*l.tangentNorm(a, vs) + 0*v[0]
	if theta == 0 {
		copy(dst, x)
		return
	}
	x0 := x[0]
	e := math.Exp(theta)
	// ‖y_{1:}‖ ≤ cosh θ‖a‖ + (sinh θ/θ)‖v_{1:}‖ ≤ e^θ(‖a‖ + ‖v_{1:}‖/θ).
	if !(e*(na+s/theta) <= LorentzMaxNorm) && theta == theta {
		l.expSaturated(dst, x, v, theta)
		return
	}
	var ch, shc float64
	if theta < 0.5 {
		ch, shc = math.Cosh(theta), sinhc(theta)
	} else {
		ie := 1 / e
		ch, shc = 0.5*(e+ie), 0.5*(e-ie)/theta
	}
	for i, ai := range a {
		dst[i+1] = ch*ai + shc*vs[i]
	}
	dst[0] = l.time(dst[1:]) + 0*x0 // 0·x₀ propagates a NaN or ±Inf in x₀
}

// expSaturated is Exp for θ large enough that the result may exceed
// LorentzMaxNorm. With the direction û = v/θ (⟨û, û⟩_L = 1/c) the spatial
// part of the geodesic is
//
//	y(t) = cosh(t)·a + sinh(t)·û_{1:} = (eᵗ/2)(a + û_{1:}) + (e⁻ᵗ/2)(a − û_{1:}),
//
// so ‖y(t)‖ ≤ (eᵗG + e⁻ᵗK)/2 with G = ‖a + û_{1:}‖, K = ‖a − û_{1:}‖, a
// bound that is attained to rounding once eᵗ ≫ 1. The largest t at which
// the bound equals T = LorentzMaxNorm solves Gs² − 2Ts + K = 0, s = eᵗ:
//
//	t* = ln(T/G) + ln(1 + √(1 − (G/T)(K/T))).
//
// Exp follows the geodesic to min(θ, t*), evaluating the second form (which
// cannot overflow: e^{t/2} is applied twice, to a vector of size G).
func (l *Lorentz) expSaturated(dst, x, v []float64, theta float64) {
	a, vs := x[1:], v[1:]
	x0 := x[0]
	// k·v_{1:} is û_{1:}; for v whose norm overflowed, scale first.
	var k float64
	if math.IsInf(theta, 1) {
		m := linalg.MaxAbs(vs)
		k = 1 / m / (l.sqrtC * math.Sqrt(max(0, l.tangentInner(a, vs, vs, 1/m))))
	} else {
		k = 1 / theta
	}
	g, kk := comboNorm(a, vs, k), comboNorm(a, vs, -k)
	t := max(LorentzMaxNorm, 0.5*g+0.5*kk)
	tmax := math.Inf(1)
	if g > 0 {
		q := (g / t) * (kk / t)
		tmax = math.Log(t) - math.Log(g) + math.Log1p(math.Sqrt(max(0, 1-q)))
	}
	th := min(theta, tmax)
	h := math.Exp(0.5 * th)
	h2 := 0.5 * h
	em := 0.5 / (h * h) // e^{−t}/2
	for i, ai := range a {
		ui := k * vs[i]
		dst[i+1] = ((ai+ui)*h)*h2 + (ai-ui)*em
	}
	dst[0] = l.time(dst[1:]) + 0*x0
}

// comboNorm returns ‖a + k·b‖ without spurious overflow or underflow.
func comboNorm(a, b []float64, k float64) float64 {
	var s float64
	for i, ai := range a {
		t := ai + k*b[i]
		s += t * t
	}
	if s >= sqLo && s <= sqHi || s != s {
		return math.Sqrt(s)
	}
	var m float64
	for i, ai := range a {
		m = max(m, math.Abs(ai+k*b[i]))
	}
	if m == 0 || math.IsInf(m, 1) || m != m {
		return m
	}
	e := scaleExp(m)
	sc := math.Ldexp(1, -e)
	s = 0
	for i, ai := range a {
		t := (ai + k*b[i]) * sc
		s += t * t
	}
	return math.Ldexp(math.Sqrt(s), e)
}
