package hyperbolic

// Project writes the point of the hyperboloid with the same spatial part as
// x, (√(1/c + ‖x_{1:}‖²), x_{1:}), whatever x₀ is: the re-projection that
// restores ⟨x, x⟩_L = −1/c after rounding or an ambient update (Nickel &
// Kiela 2018, §3.2). It is the identity on points of the hyperboloid up to
// the rounding of x₀.
//
// Special cases are:
//
//	a NaN entry in x_{1:} gives NaN;
//	an infinite entry in x_{1:} gives an infinite x₀.
func (l *Lorentz) Project(dst, x []float64) {
	l.check(dst, x)
	copy(dst[1:], x[1:])
	dst[0] = l.time(dst[1:])
}
