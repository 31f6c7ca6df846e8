package hyperbolic

import "github.com/geodesic-go/geodesic/internal/linalg"

// Transport writes the configured vector transport of v ∈ T_x Hⁿ to T_y Hⁿ
// (Parallel unless WithTransport says otherwise).
func (l *Lorentz) Transport(dst, x, y, v []float64) {
	if l.transp == Projection {
		l.TransportProjection(dst, x, y, v)
		return
	}
	l.ParallelTransport(dst, x, y, v)
}

// TransportProjection writes Proj_y(v) = v + c⟨y, v⟩_L·y, the projection
// transport (Absil, Mahony & Sepulchre 2008, §8.1.3, with the Minkowski
// form). It is not an isometry.
func (l *Lorentz) TransportProjection(dst, x, y, v []float64) {
	l.check(x)
	l.Proj(dst, y, v)
}

// ParallelTransport writes the parallel transport of v ∈ T_x Hⁿ along the
// geodesic from x to y,
//
//	P(v) = v + (c⟨y, v⟩_L/(1 − c⟨x, y⟩_L))·(x + y)
//
// (the formula of Manopt's hyperbolicfactory for c = 1, Boumal 2023, §7.6):
// P is the identity on the Minkowski-orthogonal complement of span(x, y)
// and, in that plane, the hyperbolic rotation (boost) taking x to y, which
// carries the velocity of the geodesic at x to its velocity at y. It is
// computed as
//
//	P(v) = v + (c⟨ỹ − x̃, v⟩_L/(2(1 + X²)))·(x̃ + ỹ),   X = sinh(√c·d/2),
//
// using ⟨x̃, v⟩_L = 0 and 1 − c⟨x̃, ỹ⟩_L = 2(1 + X²), with x̃, ỹ the points
// given by the spatial parts of x and y (see Dist): the coefficient is
// formed from the small difference ỹ − x̃ for nearby points and no quantity
// cancels. As in Inner, the time coordinate of v is implied by its spatial
// part, v₀ = ⟨x_{1:}, v_{1:}⟩/x₀. P is an isometry from T_x onto T_y.
//
// Special cases are:
//
//	ParallelTransport(x, x, v) = v exactly;
//	a NaN entry gives NaN entries.
func (l *Lorentz) ParallelTransport(dst, x, y, v []float64) {
	l.check(dst, x, y, v)
	if !isFinite(x[0]) || !isFinite(y[0]) {
		linalg.FillNaN(dst)
		return
	}
	a, b := x[1:], y[1:]
	p := l.pair(a, b, true)
	if p.X.m == 0 {
		copy(dst, v)
		return
	}
	// The time coordinate of v is implied by its spatial part,
	// v₀ = ⟨a, v_{1:}⟩/α (as in Inner); the given one is only checked for NaN.
	vs := v[1:]
	var fv, av float64
	for i, ai := range a {
		fv += (b[i] - ai) * vs[i]
		av += ai * vs[i]
	}
	v0 := av/p.alpha + 0*v[0]
	fv -= p.f0 * v0
	// w = 1/(1 + X²).
	var w float64
	if p.X.e < 480 {
		xv := p.X.float()
		w = 1 / (1 + xv*xv)
	} else {
		w = mkxf(1).quo(p.X.mul(p.X)).float()
	}
	k := (0.5 * l.c * fv) * w
	s0 := p.alpha + p.beta
	for i, ai := range a {
		dst[i+1] = vs[i] + k*(ai+b[i])
	}
	dst[0] = v0 + k*s0
}
