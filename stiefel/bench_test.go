package stiefel_test

import (
	"fmt"
	"testing"

	"github.com/geodesic-go/geodesic/stiefel"
)

// BenchmarkStiefel times every operation at 3×2, 50×5 and 1000×10, and
// the retractions and projections also at 4000×50.
func BenchmarkStiefel(b *testing.B) {
	for _, sh := range [][2]int{{3, 2}, {50, 5}, {1000, 10}, {4000, 50}} {
		n, p := sh[0], sh[1]
		big := n*p > 100000
		for _, met := range []stiefel.Metric{stiefel.Euclidean, stiefel.Canonical, stiefel.Family(0.3)} {
			rng := newRand(62)
			m := stiefel.New(n, p, stiefel.WithMetric(met))
			x, q, u, v, dst := make([]float64, n*p), make([]float64, n*p), make([]float64, n*p), make([]float64, n*p), make([]float64, n*p)
			m.RandomPoint(x, rng)
			u = tangentOf(m, x, dirRandom, 1, rng)
			v = tangentOf(m, x, dirRandom, 0.5, rng)
			m.Exp(q, x, u)
			var sink float64
			ops := []struct {
				name  string
				large bool // also run at 4000×50
				perM  bool // depends on the metric
				fn    func()
			}{
				{"inner", false, true, func() { sink += m.Inner(x, u, v) }},
				{"norm", false, true, func() { sink += m.Norm(x, v) }},
				{"proj", true, false, func() { m.Proj(dst, x, q) }},
				{"egradtorgrad", true, true, func() { m.EGradToRGrad(dst, x, q) }},
				{"ehesstorhess", false, true, func() { m.EHessToRHess(dst, x, q, u, v) }},
				{"exp", false, true, func() { m.Exp(dst, x, v) }},
				{"log", false, true, func() { _ = m.Log(dst, x, q) }},
				{"dist", false, true, func() { sink += m.Dist(x, q) }},
				{"retractqr", true, false, func() { m.RetractQR(dst, x, v) }},
				{"retractpolar", true, false, func() { m.RetractPolar(dst, x, v) }},
				{"retractcayley", true, false, func() { m.RetractCayley(dst, x, v) }},
				{"inverseretractqr", false, false, func() { _ = m.InverseRetractQR(dst, x, q) }},
				{"inverseretractpolar", false, false, func() { _ = m.InverseRetractPolar(dst, x, q) }},
				{"transportprojection", true, false, func() { m.TransportProjection(dst, x, q, v) }},
				{"transportdiffqr", false, false, func() { m.TransportDifferentiatedQR(dst, x, q, v) }},
				{"transportdiffpolar", false, false, func() { m.TransportDifferentiatedPolar(dst, x, q, v) }},
				{"project", true, false, func() { m.Project(dst, q) }},
				{"checkpoint", false, false, func() { _ = m.CheckPoint(x) }},
				{"randompoint", false, false, func() { m.RandomPoint(dst, rng) }},
				{"randomtangent", false, false, func() { m.RandomTangent(dst, x, rng) }},
			}
			for _, op := range ops {
				if big && !op.large || met != stiefel.Euclidean && !op.perM {
					continue
				}
				name := fmt.Sprintf("op=%s/n=%d/p=%d", op.name, n, p)
				if op.perM {
					name = fmt.Sprintf("op=%s/metric=%s/n=%d/p=%d", op.name, metricName(met), n, p)
				}
				b.Run(name, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						op.fn()
					}
				})
			}
			_ = sink
		}
	}
}

// metricName is an ASCII name of the metric for benchmark and test names.
func metricName(m stiefel.Metric) string {
	switch m {
	case stiefel.Euclidean:
		return "euclidean"
	case stiefel.Canonical:
		return "canonical"
	}
	return fmt.Sprintf("beta%g", m.Beta())
}
