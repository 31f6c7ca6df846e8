package spd

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

var benchSink float64

// BenchmarkSPD runs every operation of every metric at n = 3, 10 and 100:
// go test -run '^$' -bench . ./spd
func BenchmarkSPD(b *testing.B) {
	metricName := map[Metric]string{AffineInvariant: "ai", LogEuclidean: "le", LogCholesky: "lc", BuresWasserstein: "bw"}
	for _, n := range []int{3, 10, 100} {
		for _, g := range allMetrics {
			rng := rand.New(rand.NewPCG(1, 2))
			m := New(n, WithMetric(g))
			nn := n * n
			p, q, u, v, x, r, dst := make([]float64, nn), make([]float64, nn), make([]float64, nn), make([]float64, nn), make([]float64, nn), make([]float64, nn), make([]float64, nn)
			m.RandomPoint(p, rng)
			m.RandomTangent(u, p, rng)
			m.RandomTangent(v, p, rng)
			s := min(1, 0.5*m.InjectivityRadius(p))
			k := s / m.Norm(p, u)
			for i := range u {
				u[i] *= k
			}
			m.Exp(q, p, u)
			m.Retract(r, p, u)
			for i := range x {
				x[i] = rng.NormFloat64()
			}
			ops := []struct {
				name string
				f    func()
			}{
				{"inner", func() { benchSink = m.Inner(p, u, v) }},
				{"norm", func() { benchSink = m.Norm(p, v) }},
				{"proj", func() { m.Proj(dst, p, x) }},
				{"egradtorgrad", func() { m.EGradToRGrad(dst, p, x) }},
				{"ehesstorhess", func() { m.EHessToRHess(dst, p, x, u, v) }},
				{"exp", func() { m.Exp(dst, p, v) }},
				{"log", func() { _ = m.Log(dst, p, q) }},
				{"dist", func() { benchSink = m.Dist(p, q) }},
				{"retract", func() { m.Retract(dst, p, v) }},
				{"inverseretract", func() { _ = m.InverseRetract(dst, p, r) }},
				{"transport", func() { m.Transport(dst, p, q, v) }},
				{"paralleltransport", func() { m.ParallelTransport(dst, p, q, v) }},
				{"project", func() { m.Project(dst, x) }},
				{"randompoint", func() { m.RandomPoint(dst, rng) }},
				{"randomtangent", func() { m.RandomTangent(dst, p, rng) }},
				{"checkpoint", func() { _ = m.CheckPoint(p) }},
			}
			for _, op := range ops {
				if op.name == "paralleltransport" && g == BuresWasserstein {
					continue
				}
				b.Run("op="+op.name+"/metric="+metricName[g]+"/n="+strconv.Itoa(n), func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						op.f()
					}
				})
			}
		}
	}
}
