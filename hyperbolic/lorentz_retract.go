package hyperbolic

// Retract writes R_x(v) for the configured retraction (Exponential unless
// WithRetraction says otherwise).
func (l *Lorentz) Retract(dst, x, v []float64) {
	if l.retr == Projective {
		l.RetractProjective(dst, x, v)
		return
	}
	l.Exp(dst, x, v)
}

// RetractProjective writes the first-order retraction
//
//	R_x(v) = Project(x + v) = (√(1/c + ‖x_{1:} + v_{1:}‖²), x_{1:} + v_{1:}),
//
// which moves the spatial part by v_{1:} and recomputes the time coordinate
// (a retraction because the spatial part is a chart of Hⁿ whose differential
// at x maps v to v_{1:}). It agrees with Exp to first order only.
//
// Special cases are:
//
//	RetractProjective(x, 0) = x exactly;
//	if ‖x_{1:} + v_{1:}‖ exceeds LorentzMaxNorm the spatial part is scaled
//	back to norm LorentzMaxNorm (saturation).
func (l *Lorentz) RetractProjective(dst, x, v []float64) {
	l.check(dst, x, v)
	if isZero(v) {
		copy(dst, x)
		return
	}
	x0 := x[0]
	a, vs, ds := x[1:], v[1:], dst[1:]
	nrm := comboNorm(a, vs, 1)
	if nrm > LorentzMaxNorm {
		// Scale before adding when the sum itself may overflow.
		k := LorentzMaxNorm / nrm
		for i, ai := range a {
			ds[i] = ai*k + vs[i]*k
		}
	} else {
		for i, ai := range a {
			ds[i] = ai + vs[i]
		}
	}
	dst[0] = l.time(ds) + 0*x0 + 0*v[0]
}

// InverseRetract writes the inverse of the configured retraction: Log for
// Exponential, InverseRetractProjective for Projective.
func (l *Lorentz) InverseRetract(dst, x, y []float64) error {
	if l.retr == Projective {
		return l.InverseRetractProjective(dst, x, y)
	}
	return l.Log(dst, x, y)
}

// InverseRetractProjective writes the v ∈ T_x Hⁿ with
// RetractProjective(x, v) = y: v_{1:} = y_{1:} − x_{1:} and
// v₀ = ⟨x_{1:}, v_{1:}⟩/x₀, the time coordinate that makes ⟨x, v⟩_L = 0. It
// is defined for every y (it returns an error wrapping ErrOverflow only if a
// coordinate overflows) and InverseRetractProjective(x, x) = 0 exactly.
func (l *Lorentz) InverseRetractProjective(dst, x, y []float64) error {
	l.check(dst, x, y)
	x0 := x[0]
	a, b, ds := x[1:], y[1:], dst[1:]
	var av float64 // ⟨a, y_{1:} − a⟩, before dst (which may alias x) is written
	for i, ai := range a {
		av += ai * (b[i] - ai)
	}
	for i, ai := range a {
		ds[i] = b[i] - ai
	}
	dst[0] = av/x0 + 0*y[0]
	if hasInf(dst) {
		return errOverflow("InverseRetractProjective")
	}
	return nil
}

func isZero(v []float64) bool {
	for _, x := range v {
		if x != 0 {
			return false
		}
	}
	return true
}
