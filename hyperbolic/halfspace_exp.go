package hyperbolic

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// Exp writes the exponential map. With L = ‖v‖/x_n (the length of v for
// c = 1) and the unit direction w = v/‖v‖, the geodesic is the image of the
// Lorentz geodesic from the origin under the isometry u ↦ x' + x_n·u that
// maps e_n to x:
//
//	Exp_x(v) = (x' + x_n·tanh L·w'/D,  x_n·sech L/D),   D = 1 − tanh L·w_n,
//
// a vertical line when w' = 0 and otherwise a half-circle orthogonal to the
// boundary (Cannon et al. 1997, §7; Ratcliffe 2019, §4.6). D is evaluated as
// (1 − w_n) + w_n(1 − tanh L) with 1 − w_n = ‖w'‖²/(1 + w_n) when w_n > 0,
// and tanh, 1 − tanh and sech from exponentials of −L, so that neither the
// straight-up direction nor long geodesics lose digits. Exp does not depend
// on c.
//
// Special cases are:
//
//	Exp(x, 0) = x exactly;
//	Exp saturates: the geodesic is followed only while its height stays at
//	least min(HalfSpaceMinHeight, x_n) and its Euclidean norm at most
//	max(HalfSpaceMaxNorm, ‖x‖) (a convex region, so the valid part of the
//	geodesic is an interval); beyond, the result is the last point of the
//	geodesic inside (to about 1e-15 relative in L, found by bisection),
//	so huge and even overflowing ‖v‖ give a valid point;
//	Exp writes NaN entries if x or v has a NaN entry or x_n ≤ 0.
func (h *HalfSpace) Exp(dst, x, v []float64) {
	h.check(dst, x, v)
	nv, s1, s2 := dirScale(v)
	if nv == 0 {
		copy(dst, x)
		return
	}
	last := h.n - 1
	xn := x[last]
	if !(xn > 0) || nv != nv || !isFinite(s2) {
		linalg.FillNaN(dst)
		return
	}
	// ‖w'‖², w_n, ‖x'‖ and x'ᵀw' (the last two only for saturation).
	var wp2, xw, xp2 float64
	for i := 0; i < last; i++ {
		wi := (v[i] * s1) * s2
		wp2 += wi * wi
		xw += x[i] * wi
		xp2 += x[i] * x[i]
	}
	wn := (v[last] * s1) * s2
	el := nv / xn
	g := hsGeodesic{xn: xn, wn: wn, wp2: wp2, xw: xw}
	a, ht := g.at(el)
	if !(ht >= min(HalfSpaceMinHeight, xn)) || !g.inside(a, ht, xp2, h.bigNorm(x)) {
		// Bisect for the last L inside the valid (convex) region.
		hmax := h.bigNorm(x)
		lo, hi := 0.0, min(el, 4096)
		if aa, hh := g.at(hi); hh >= min(HalfSpaceMinHeight, xn) && g.inside(aa, hh, xp2, hmax) {
			lo = hi // L beyond 4096 is never valid; hi stays invalid below
			hi = el
		}
		for range 80 {
			mid := lo + 0.5*(hi-lo)
			if mid <= lo || mid >= hi {
				break
			}
			am, hm := g.at(mid)
			if hm >= min(HalfSpaceMinHeight, xn) && g.inside(am, hm, xp2, hmax) {
				lo = mid
			} else {
				hi = mid
			}
		}
		a, ht = g.at(lo)
		ht = max(ht, min(HalfSpaceMinHeight, xn))
	}
	for i := 0; i < last; i++ {
		dst[i] = x[i] + a*((v[i]*s1)*s2)
	}
	dst[last] = ht
}

// hsGeodesic evaluates the unit-speed half-space geodesic from a base point
// of height xn in the direction w (‖w'‖² = wp2, last entry wn).
type hsGeodesic struct {
	xn, wn, wp2, xw float64
}

// at returns the horizontal step a (the point is x' + a·w') and the height
// at parameter L (the c = 1 distance from the base point).
func (g hsGeodesic) at(el float64) (a, ht float64) {
	t, omt, sech := hsTrig(el)
	var d float64
	if g.wn > 0 {
		d = g.wp2/(1+g.wn) + g.wn*omt
	} else {
		d = 1 - t*g.wn
	}
	return g.xn * t / d, g.xn * sech / d
}

// inside reports whether the point (x' + a·w', ht) has Euclidean norm at
// most hmax, from ‖x' + a·w'‖² = ‖x'‖² + 2a·x'ᵀw' + a²‖w'‖², all scaled by
// hmax to avoid overflow.
func (g hsGeodesic) inside(a, ht, xp2, hmax float64) bool {
	s := 1 / hmax
	as, hs := a*s, ht*s
	q := xp2*s*s + 2*as*(g.xw*s) + as*as*g.wp2 + hs*hs
	return q <= 1 && a-a == 0 && ht-ht == 0
}

// bigNorm returns max(HalfSpaceMaxNorm, ‖x‖).
func (h *HalfSpace) bigNorm(x []float64) float64 {
	return max(HalfSpaceMaxNorm, linalg.Nrm2(x))
}

// hsTrig returns tanh L, 1 − tanh L and sech L for L ≥ 0 to a few ulps.
func hsTrig(el float64) (t, omt, sech float64) {
	e1 := math.Exp(-el)
	if el < 1 {
		em := math.Expm1(-2 * el) // e^{−2L} − 1
		return -em / (2 + em), 2 * (1 + em) / (2 + em), 2 * e1 / (1 + e1*e1)
	}
	e2 := e1 * e1
	return (1 - e2) / (1 + e2), 2 * e2 / (1 + e2), 2 * e1 / (1 + e2)
}
