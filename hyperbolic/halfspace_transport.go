package hyperbolic

import "math"

// Transport writes the configured vector transport of v ∈ T_x to T_y
// (Parallel unless WithTransport says otherwise).
func (h *HalfSpace) Transport(dst, x, y, v []float64) {
	if h.transp == Projection {
		h.TransportProjection(dst, x, y, v)
		return
	}
	h.ParallelTransport(dst, x, y, v)
}

// TransportProjection writes v itself: every tangent space of the
// half-space is Rⁿ. It is not an isometry (‖v‖_y = (x_n/y_n)‖v‖_x).
func (h *HalfSpace) TransportProjection(dst, x, y, v []float64) {
	h.check(dst, x, y, v)
	copy(dst, v)
}

// ParallelTransport writes the parallel transport of v ∈ T_x along the
// geodesic from x to y,
//
//	P(v) = (y_n/x_n)·F(v − 2(ĝᵀv)ĝ),   ĝ = (y' − x', −(x_n + y_n))/‖(y' − x', −(x_n + y_n))‖,
//
// where F flips the sign of the last coordinate: a rotation of the vertical
// plane of the geodesic (the product of two reflections) scaled by y_n/x_n.
// This is the Lorentz-model transport carried through the half-space chart
// (derived by mapping x to e_n with the isometry u ↦ x' + x_n·u and
// simplifying; checked against an ODE integration in the tests); ĝ is the
// direction from x to the mirror image (y', −y_n) of y, which never
// degenerates. It does not depend on c.
//
// Special cases are:
//
//	ParallelTransport(x, x, v) = v exactly;
//	a NaN entry gives NaN entries.
func (h *HalfSpace) ParallelTransport(dst, x, y, v []float64) {
	h.check(dst, x, y, v)
	last := h.n - 1
	xn, yn := x[last], y[last]
	var dd float64
	for i := 0; i < last; i++ {
		d := y[i] - x[i]
		dd += d * d
	}
	if dd == 0 && xn == yn {
		copy(dst, v)
		return
	}
	sn := -(xn + yn)
	var gg, gv float64
	k := 1.0
	if (dd == 0 || dd >= sqLo && dd <= sqHi) && sn*sn >= sqLo && sn*sn <= sqHi {
		for i := 0; i < last; i++ {
			gv += (y[i] - x[i]) * v[i]
		}
		gg = dd
	} else {
		// ‖g‖ without overflow: scale by the largest entry.
		m := math.Abs(sn)
		for i := 0; i < last; i++ {
			m = max(m, math.Abs(y[i]-x[i]))
		}
		k = 1 / m
		for i := 0; i < last; i++ {
			gi := (y[i] - x[i]) * k
			gg += gi * gi
			gv += gi * v[i]
		}
	}
	gn := sn * k
	gg += gn * gn
	gv += gn * v[last]
	// ĝ = g/‖g‖: v − 2(ĝᵀv)ĝ = v − (2gᵀv/‖g‖²)g.
	beta := 2 * gv / gg
	rho := yn / xn
	vn := v[last]
	for i := 0; i < last; i++ {
		gi := (y[i] - x[i]) * k
		dst[i] = rho * (v[i] - beta*gi)
	}
	dst[last] = -rho * (vn - beta*gn)
}
