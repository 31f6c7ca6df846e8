package testutil

// RK4 integrates the autonomous system y' = f(y) from t = 0 to t = 1 with
// steps steps of the classical fourth-order Runge–Kutta method (Hairer,
// Nørsett & Wanner, Solving Ordinary Differential Equations I, 2nd ed.,
// 1993, §II.1), overwriting y with the solution at t = 1. f writes y'(y)
// into dy; it must not retain either slice. With step h = 1/steps the
// update is
//
//	y ← y + h/6·(k₁ + 2k₂ + 2k₃ + k₄),
//
// k₁ = f(y), k₂ = f(y + h/2·k₁), k₃ = f(y + h/2·k₂), k₄ = f(y + h·k₃), each
// sum evaluated entry by entry in exactly that form, so the result is
// reproducible bit for bit. The global error is O(h⁴).
func RK4(y []float64, steps int, f func(dy, y []float64)) {
	RK4Each(y, steps, f, nil)
}

// RK4Each is RK4 calling each(y) after every step (unless each is nil),
// for quantities monitored along the solution; each must not modify y.
func RK4Each(y []float64, steps int, f func(dy, y []float64), each func(y []float64)) {
	n := len(y)
	k1, k2, k3, k4, tmp := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	h := 1 / float64(steps)
	for range steps {
		f(k1, y)
		for i := range y {
			tmp[i] = y[i] + h/2*k1[i]
		}
		f(k2, tmp)
		for i := range y {
			tmp[i] = y[i] + h/2*k2[i]
		}
		f(k3, tmp)
		for i := range y {
			tmp[i] = y[i] + h*k3[i]
		}
		f(k4, tmp)
		for i := range y {
			y[i] += h / 6 * (k1[i] + 2*k2[i] + 2*k3[i] + k4[i])
		}
		if each != nil {
			each(y)
		}
	}
}
