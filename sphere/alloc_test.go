package sphere

import (
	"math/rand/v2"
	"testing"
)

// TestZeroAllocs checks that the hot methods allocate nothing.
func TestZeroAllocs(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	for _, n := range []int{3, 100, 10000} {
		for _, opt := range []Option{WithRetraction(Projective), WithRetraction(Exponential), WithTransport(Parallel)} {
			s := New(n, opt)
			p, q, u, v, dst := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
			s.RandomPoint(p, rng)
			s.RandomTangent(u, p, rng)
			s.RandomTangent(v, p, rng)
			s.Exp(q, p, u)               // ‖u‖ is a few units: not antipodal
			s.RetractProjective(q, p, u) // in the open hemisphere of p
			ops := map[string]func(){
				"Inner":          func() { _ = s.Inner(p, u, v) },
				"Norm":           func() { _ = s.Norm(p, v) },
				"Proj":           func() { s.Proj(dst, p, q) },
				"EGradToRGrad":   func() { s.EGradToRGrad(dst, p, q) },
				"EHessToRHess":   func() { s.EHessToRHess(dst, p, q, u, v) },
				"Exp":            func() { s.Exp(dst, p, v) },
				"Log":            func() { _ = s.Log(dst, p, q) },
				"Dist":           func() { _ = s.Dist(p, q) },
				"Retract":        func() { s.Retract(dst, p, v) },
				"InverseRetract": func() { _ = s.InverseRetract(dst, p, q) },
				"Transport":      func() { s.Transport(dst, p, q, v) },
				"Parallel":       func() { s.ParallelTransport(dst, p, q, v) },
				"Project":        func() { s.Project(dst, q) },
				"CheckPoint":     func() { _ = s.CheckPoint(p) },
				"CheckTangent":   func() { _ = s.CheckTangent(p, v) },
			}
			for name, f := range ops {
				if a := testing.AllocsPerRun(20, f); a != 0 {
					t.Errorf("n=%d: %s allocates %.0f times per call", n, name, a)
				}
			}
		}
	}
}
