package hyperbolic

// Retract writes R_x(v) for the configured retraction (Exponential unless
// WithRetraction says otherwise).
func (b *PoincareBall) Retract(dst, x, v []float64) {
	if b.retr == Projective {
		b.RetractProjective(dst, x, v)
		return
	}
	b.Exp(dst, x, v)
}

// RetractProjective writes the first-order retraction R_x(v) = Project(x + v)
// (the update of Riemannian SGD on the ball, Nickel & Kiela 2017,
// with our margin BallMinGap instead of theirs). RetractProjective(x, 0) = x
// exactly.
func (b *PoincareBall) RetractProjective(dst, x, v []float64) {
	b.check(dst, x, v)
	if isZero(v) {
		copy(dst, x)
		return
	}
	for i, xi := range x {
		dst[i] = xi + v[i]
	}
	b.Project(dst, dst)
}

// InverseRetract writes the inverse of the configured retraction: Log for
// Exponential, InverseRetractProjective for Projective.
func (b *PoincareBall) InverseRetract(dst, x, y []float64) error {
	if b.retr == Projective {
		return b.InverseRetractProjective(dst, x, y)
	}
	return b.Log(dst, x, y)
}

// InverseRetractProjective writes v = y − x, the tangent vector with
// RetractProjective(x, v) = y for every y with 1 − c‖y‖² ≥ BallMinGap. It
// never fails, and InverseRetractProjective(x, x) = 0 exactly.
func (b *PoincareBall) InverseRetractProjective(dst, x, y []float64) error {
	b.check(dst, x, y)
	for i, xi := range x {
		dst[i] = y[i] - xi
	}
	return nil
}
