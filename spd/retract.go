package spd

// Retract writes R_P(V) for the configured retraction: RetractSecondOrder
// (the default for the affine-invariant metric) or the exponential map (the
// default, and only choice, for the other metrics, whose exponential maps
// are closed-form and cost about as much as any retraction would).
func (m *SPD) Retract(dst, p, v []float64) {
	if m.retr == SecondOrder {
		m.RetractSecondOrder(dst, p, v)
		return
	}
	m.Exp(dst, p, v)
}

// RetractExp writes Exp_P(V); it is the retraction selected by Exponential.
func (m *SPD) RetractExp(dst, p, v []float64) { m.Exp(dst, p, v) }

// InverseRetract writes the inverse of the configured retraction:
// InverseRetractSecondOrder for SecondOrder, Log for Exponential.
func (m *SPD) InverseRetract(dst, p, q []float64) error {
	if m.retr == SecondOrder {
		return m.InverseRetractSecondOrder(dst, p, q)
	}
	return m.Log(dst, p, q)
}
