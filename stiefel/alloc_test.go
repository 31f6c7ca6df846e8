package stiefel_test

import (
	"testing"

	"github.com/geodesic-go/geodesic/stiefel"
)

// TestZeroAllocs checks that the hot methods allocate nothing at small
// sizes, for every metric, retraction and transport (testing.AllocsPerRun
// after a warm-up call).
func TestZeroAllocs(t *testing.T) {
	if testing.CoverMode() != "" {
		t.Skip("coverage instrumentation may allocate")
	}
	rng := newRand(61)
	for _, sh := range [][2]int{{3, 2}, {4, 4}, {50, 5}} {
		n, p := sh[0], sh[1]
		for _, met := range []stiefel.Metric{stiefel.Euclidean, stiefel.Canonical, stiefel.Family(0.3)} {
			for _, tr := range []stiefel.Transport{stiefel.Projection, stiefel.DifferentiatedQR, stiefel.DifferentiatedPolar} {
				m := stiefel.New(n, p, stiefel.WithMetric(met), stiefel.WithTransport(tr))
				x, q, u, v, dst := make([]float64, n*p), make([]float64, n*p), make([]float64, n*p), make([]float64, n*p), make([]float64, n*p)
				m.RandomPoint(x, rng)
				u = tangentOf(m, x, dirRandom, 0.4, rng)
				v = tangentOf(m, x, dirMixed, 0.7, rng)
				m.Exp(q, x, u)
				var sink float64
				ops := []struct {
					name string
					fn   func()
				}{
					{"Inner", func() { sink += m.Inner(x, u, v) }},
					{"Norm", func() { sink += m.Norm(x, v) }},
					{"Proj", func() { m.Proj(dst, x, q) }},
					{"EGradToRGrad", func() { m.EGradToRGrad(dst, x, q) }},
					{"EHessToRHess", func() { m.EHessToRHess(dst, x, q, u, v) }},
					{"Exp", func() { m.Exp(dst, x, v) }},
					{"Log", func() { _ = m.Log(dst, x, q) }},
					{"Dist", func() { sink += m.Dist(x, q) }},
					{"RetractQR", func() { m.RetractQR(dst, x, v) }},
					{"RetractPolar", func() { m.RetractPolar(dst, x, v) }},
					{"RetractCayley", func() { m.RetractCayley(dst, x, v) }},
					{"InverseRetractQR", func() { _ = m.InverseRetractQR(dst, x, q) }},
					{"InverseRetractPolar", func() { _ = m.InverseRetractPolar(dst, x, q) }},
					{"Transport", func() { m.Transport(dst, x, q, v) }},
					{"Project", func() { m.Project(dst, q) }},
					{"CheckPoint", func() { _ = m.CheckPoint(x) }},
					{"CheckTangent", func() { _ = m.CheckTangent(x, v) }},
					{"RandomPoint", func() { m.RandomPoint(dst, rng) }},
					{"RandomTangent", func() { m.RandomTangent(dst, x, rng) }},
				}
				for _, op := range ops {
					op.fn()
					a := testing.AllocsPerRun(20, op.fn)
					for k := 0; k < 2 && a > 0; k++ {
						a = min(a, testing.AllocsPerRun(20, op.fn))
					}
					if a != 0 {
						t.Errorf("%v %dx%d transport %v: %s allocates %.1f times per call", met, n, p, tr, op.name, a)
					}
				}
				_ = sink
			}
		}
	}
}
