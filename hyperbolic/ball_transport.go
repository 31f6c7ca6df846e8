package hyperbolic

// Transport writes the configured vector transport of v ∈ T_x to T_y
// (Parallel unless WithTransport says otherwise).
func (b *PoincareBall) Transport(dst, x, y, v []float64) {
	if b.transp == Projection {
		b.TransportProjection(dst, x, y, v)
		return
	}
	b.ParallelTransport(dst, x, y, v)
}

// TransportProjection writes v itself: every tangent space of the ball is
// Rⁿ, so the projection onto T_y is the identity. It is not an isometry
// (‖v‖_y = (λ_y/λ_x)‖v‖_x).
func (b *PoincareBall) TransportProjection(dst, x, y, v []float64) {
	b.check(dst, x, y, v)
	copy(dst, v)
}

// ParallelTransport writes the parallel transport of v ∈ T_x along the
// geodesic from x to y,
//
//	P(v) = (λ_x/λ_y)·gyr[y, −x]v
//
// (Ganea, Bécigneul & Hofmann 2018; Ungar 2008): the
// gyration is a rotation of the plane of x and y, and the factor
// λ_x/λ_y = δ_y/δ_x makes P an isometry from T_x onto T_y. The gyration is
// evaluated from Ungar's closed form (see Gyration) rewritten in terms of the
// difference e = y − x,
//
//	gyr[y, −x]v = v + 2(A·e + (A − B)·x)/D,
//	A = −cδ_x(xᵀv) − c²‖x‖²(eᵀv) + 2c²(xᵀe)(xᵀv),
//	A − B = cδ_x(eᵀv) − c²‖e‖²(xᵀv),
//	D = c‖e‖² + δ_xδ_y,
//
// so that nothing cancels for nearby points and ParallelTransport(x, x, v)
// = v exactly.
func (b *PoincareBall) ParallelTransport(dst, x, y, v []float64) {
	b.check(dst, x, y, v)
	c := b.c
	dx, xx := ballGap(c, x)
	dy, _ := ballGap(c, y)
	var ee, xe, xv, ev float64
	for i, xi := range x {
		ei := y[i] - xi
		ee += ei * ei
		xe += xi * ei
		xv += xi * v[i]
		ev += ei * v[i]
	}
	if ee == 0 {
		copy(dst, v)
		return
	}
	a := -c*dx*xv - c*c*xx*ev + 2*c*c*xe*xv
	amb := c*dx*ev - c*c*xv*ee
	den := c*ee + dx*dy
	r := dy / dx
	ka, kb := 2*a/den, 2*amb/den
	for i, xi := range x {
		dst[i] = r * (v[i] + ka*(y[i]-xi) + kb*xi)
	}
}
