package hyperbolic

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// Exp writes the exponential map
//
//	Exp_x(v) = x ⊕_c (tanh(√c λ_x‖v‖/2)·v/(√c‖v‖))
//
// (Ganea, Bécigneul & Hofmann 2018), with the Möbius addition
// evaluated in the stable form of MobiusAdd and tanh and sech² of
// τ = √c λ_x‖v‖/2 from expm1, so that 1 − c‖y‖² of the second operand is
// exact to rounding however close to 1 its tanh is. A float64 point x with
// gap δ_x = 1 − c‖x‖² is itself located only to about 2ε/(δ_x√c), and the
// result inherits that for base points near the boundary.
//
// Special cases are:
//
//	Exp(x, 0) = x exactly;
//	Exp saturates: if Exp_x(v) is closer to the boundary than
//	1 − c‖y‖² = BallMinGap (about 36.04/√c from the origin), the result is
//	the point of the same geodesic where 1 − c‖y‖² = BallMinGap (solved in
//	closed form on the Lorentz time coordinate of the geodesic), so huge and
//	even overflowing ‖v‖ give a valid point;
//	Exp writes NaN entries if x or v has a NaN entry or x is not strictly
//	inside the ball.
func (b *PoincareBall) Exp(dst, x, v []float64) {
	b.check(dst, x, v)
	nv, s1, s2 := dirScale(v)
	if nv == 0 {
		copy(dst, x)
		return
	}
	c := b.c
	dx, xx := ballGap(c, x)
	if !(dx > 0) {
		linalg.FillNaN(dst)
		return
	}
	tau := b.sqrtC * nv / dx
	// The Lorentz time coordinate grows at most like e^{2τ}, so the gap of
	// the result is at least δ_x·e^{−2τ}/1.5: no saturation below that.
	if !(dx*math.Exp(-2*tau) >= 1.5*BallMinGap) && tau == tau {
		tau = min(tau, b.tauMax(x, v, s1, s2, dx, xx))
	}
	t, sech2 := tanhSech2(tau)
	kt := t / b.sqrtC // y = kt·v̂, v̂ = (v·s1)·s2
	var ss float64
	for i, xi := range x {
		si := xi + ((v[i]*s1)*s2)*kt
		ss += si * si
	}
	// x ⊕ y = (c‖s‖²·x + δ_x·s)/(c‖s‖² + δ_xδ_y),  s = x + y.
	dy := sech2
	den := c*ss + dx*dy
	ka, kb := c*ss/den, dx/den
	var rr float64
	for i, xi := range x {
		si := xi + ((v[i]*s1)*s2)*kt
		ri := ka*xi + kb*si
		dst[i] = ri
		rr += ri * ri
	}
	// Near the boundary (predicted or, for ill-conditioned inputs such as a
	// point near the boundary sent back through the origin, actual), make
	// sure the rounded result is inside.
	if dx*dy < 0x1p-40*den || !(c*rr < 1-0x1p-40) {
		clampGap(c, dst)
	}
}

// tauMax returns the τ = √c·d/2 at which the geodesic from x in the
// direction v̂ = (v·s1)·s2 reaches the gap BallMinGap. Along the unit-speed
// geodesic the Lorentz time coordinate (in units of 1/√c) of the point at
// distance d is P·cosh u + Q·sinh u, u = √c·d, with P = 2/δ_x − 1 and
// Q = 2√c⟨x, v̂⟩/δ_x (the derivative of 2/δ − 1 along the geodesic), and a
// point with gap δ has time coordinate K = 2/δ − 1. Solving
// P cosh u + Q sinh u = K for the larger root,
//
//	e^u = (K + √(K² − (P² − Q²)))/(P + Q),
//
// with P² − Q² = 1 + 4c‖x_⊥‖²/δ_x² (x_⊥ the part of x orthogonal to v̂) and
// P + Q = (P² − Q²)/(P − Q) when Q < 0, both without cancellation.
func (b *PoincareBall) tauMax(x, v []float64, s1, s2, dx, xx float64) float64 {
	var xv float64
	for i, xi := range x {
		xv += xi * ((v[i] * s1) * s2)
	}
	c := b.c
	p := 2/dx - 1
	q := 2 * b.sqrtC * xv / dx
	m2 := 1 + 4*c*max(0, xx-xv*xv)/(dx*dx)
	k := max(2/BallMinGap-1, p)
	pq := p + q
	if q < 0 {
		pq = m2 / (p - q)
	}
	sm := math.Sqrt(m2)
	u := math.Log(k+math.Sqrt((k-sm)*(k+sm))) - math.Log(pq)
	return 0.5 * max(u, 0)
}

// tanhSech2 returns tanh τ and sech²τ for τ ≥ 0, both to a few ulps (from
// expm1 for small τ, so that tanh τ keeps its relative accuracy).
func tanhSech2(tau float64) (t, sech2 float64) {
	if tau < 1 {
		em := math.Expm1(-2 * tau) // e^{−2τ} − 1
		return -em / (2 + em), 4 * (1 + em) / ((2 + em) * (2 + em))
	}
	e2 := math.Exp(-2 * tau)
	return (1 - e2) / (1 + e2), 4 * e2 / ((1 + e2) * (1 + e2))
}

// dirScale returns ‖v‖ (+Inf if it overflows) and factors s1, s2 such that
// (vᵢ·s1)·s2 is the unit vector v/‖v‖ without overflow or underflow in any
// step. For v = 0 it returns 0.
func dirScale(v []float64) (nv, s1, s2 float64) {
	s := sumSq(v)
	if s >= sqLo && s <= sqHi {
		nv = math.Sqrt(s)
		return nv, 1, 1 / nv
	}
	if s != s {
		return s, 1, s
	}
	m := linalg.MaxAbs(v)
	if m == 0 {
		return 0, 1, 0
	}
	if math.IsInf(m, 1) {
		return m, 1, math.NaN()
	}
	e := scaleExp(m)
	s1 = math.Ldexp(1, -e)
	var t float64
	for _, vi := range v {
		u := vi * s1
		t += u * u
	}
	r := math.Sqrt(t)
	return math.Ldexp(r, e), s1, 1 / r
}
