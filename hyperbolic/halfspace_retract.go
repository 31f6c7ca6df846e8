package hyperbolic

import "math"

// Retract writes R_x(v) for the configured retraction (Exponential unless
// WithRetraction says otherwise).
func (h *HalfSpace) Retract(dst, x, v []float64) {
	if h.retr == Projective {
		h.RetractProjective(dst, x, v)
		return
	}
	h.Exp(dst, x, v)
}

// RetractProjective writes the first-order retraction
//
//	R_x(v) = (x' + v', x_n·exp(v_n/x_n)),
//
// which adds v in the chart (x', ln x_n) of the half-space, so that the
// height stays positive without clamping; its differential at 0 is the
// identity. The height is kept in [HalfSpaceMinHeight, HalfSpaceMaxNorm]
// (or at x_n if that is outside), so huge v give a valid point.
// RetractProjective(x, 0) = x exactly.
func (h *HalfSpace) RetractProjective(dst, x, v []float64) {
	h.check(dst, x, v)
	if isZero(v) {
		copy(dst, x)
		return
	}
	last := h.n - 1
	xn := x[last]
	ht := xn * math.Exp(v[last]/xn)
	ht = min(max(ht, min(HalfSpaceMinHeight, xn)), max(HalfSpaceMaxNorm, xn))
	for i := 0; i < last; i++ {
		dst[i] = x[i] + v[i]
	}
	dst[last] = ht
}

// InverseRetract writes the inverse of the configured retraction: Log for
// Exponential, InverseRetractProjective for Projective.
func (h *HalfSpace) InverseRetract(dst, x, y []float64) error {
	if h.retr == Projective {
		return h.InverseRetractProjective(dst, x, y)
	}
	return h.Log(dst, x, y)
}

// InverseRetractProjective writes v = (y' − x', x_n·ln(y_n/x_n)), the
// inverse of RetractProjective, defined for every y;
// InverseRetractProjective(x, x) = 0 exactly. It returns an error wrapping
// ErrOverflow if a coordinate overflows.
func (h *HalfSpace) InverseRetractProjective(dst, x, y []float64) error {
	h.check(dst, x, y)
	last := h.n - 1
	xn, yn := x[last], y[last]
	r := yn / xn
	var l float64
	if r > 0x1p-1000 && r < 0x1p1000 {
		l = math.Log(r)
	} else {
		l = math.Log(yn) - math.Log(xn)
	}
	for i := 0; i < last; i++ {
		dst[i] = y[i] - x[i]
	}
	dst[last] = xn * l
	if hasInf(dst) {
		return errOverflow("InverseRetractProjective")
	}
	return nil
}
