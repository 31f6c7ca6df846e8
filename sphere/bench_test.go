package sphere

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

var sink float64

func BenchmarkSphere(b *testing.B) {
	for _, n := range []int{3, 100, 10000} {
		rng := rand.New(rand.NewPCG(1, 2))
		s := New(n)
		p, q, u, v, dst := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
		s.RandomPoint(p, rng)
		s.RandomTangent(u, p, rng)
		s.RandomTangent(v, p, rng)
		s.RetractProjective(q, p, u) // a point in the open hemisphere of p
		ops := []struct {
			name string
			f    func()
		}{
			{"inner", func() { sink = s.Inner(p, u, v) }},
			{"norm", func() { sink = s.Norm(p, v) }},
			{"proj", func() { s.Proj(dst, p, q) }},
			{"egradtorgrad", func() { s.EGradToRGrad(dst, p, q) }},
			{"ehesstorhess", func() { s.EHessToRHess(dst, p, q, u, v) }},
			{"exp", func() { s.Exp(dst, p, v) }},
			{"log", func() { _ = s.Log(dst, p, q) }},
			{"dist", func() { sink = s.Dist(p, q) }},
			{"retract", func() { s.Retract(dst, p, v) }},
			{"inverseretract", func() { _ = s.InverseRetract(dst, p, q) }},
			{"transport", func() { s.Transport(dst, p, q, v) }},
			{"paralleltransport", func() { s.ParallelTransport(dst, p, q, v) }},
			{"project", func() { s.Project(dst, q) }},
			{"randompoint", func() { s.RandomPoint(dst, rng) }},
			{"randomtangent", func() { s.RandomTangent(dst, p, rng) }},
		}
		for _, op := range ops {
			b.Run("op="+op.name+"/n="+strconv.Itoa(n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					op.f()
				}
			})
		}
	}
}
