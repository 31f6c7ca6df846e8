package grassmann_test

import (
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/geodesic-go/geodesic/grassmann"
	"github.com/geodesic-go/geodesic/internal/testutil"
)

var benchSink float64

// BenchmarkGrassmann times every operation at 3×2, 50×5 and 1000×10, and
// the retractions and projections also at 4000×50. "near" variants use a
// target at distance 1e-6, which takes the doubled-precision residual.
func BenchmarkGrassmann(b *testing.B) {
	for _, sh := range [][2]int{{3, 2}, {50, 5}, {1000, 10}, {4000, 50}} {
		n, p := sh[0], sh[1]
		np := n * p
		huge := n*p > 100000
		rng := rand.New(rand.NewPCG(1, 2))
		g := grassmann.New(n, p)
		y, u, v, far, near, x, dst := make([]float64, np), make([]float64, np), make([]float64, np), make([]float64, np), make([]float64, np), make([]float64, np), make([]float64, np)
		g.RandomPoint(y, rng)
		g.RandomTangent(u, y, rng)
		g.RandomTangent(v, y, rng)
		scale(u, 0.7/testutil.Frob(u))
		scale(v, 0.3/testutil.Frob(v))
		g.Exp(far, y, u)
		small := append([]float64(nil), u...)
		scale(small, 1e-6/testutil.Frob(small))
		g.Exp(near, y, small)
		for i := range x {
			x[i] = rng.NormFloat64()
		}
		th := make([]float64, p)
		ops := []struct {
			name  string
			large bool // also run at 4000×50
			f     func()
		}{
			{"inner", false, func() { benchSink = g.Inner(y, u, v) }},
			{"norm", false, func() { benchSink = g.Norm(y, v) }},
			{"proj", true, func() { g.Proj(dst, y, x) }},
			{"egradtorgrad", true, func() { g.EGradToRGrad(dst, y, x) }},
			{"ehesstorhess", false, func() { g.EHessToRHess(dst, y, x, x, v) }},
			{"exp", true, func() { g.Exp(dst, y, v) }},
			{"log", false, func() { _ = g.Log(dst, y, far) }},
			{"log-near", false, func() { _ = g.Log(dst, y, near) }},
			{"dist", false, func() { benchSink = g.Dist(y, far) }},
			{"dist-near", false, func() { benchSink = g.Dist(y, near) }},
			{"principalangles", false, func() { g.PrincipalAngles(th, y, far) }},
			{"chordaldist", false, func() { benchSink = g.ChordalDist(y, far) }},
			{"retractpolar", true, func() { g.RetractPolar(dst, y, v) }},
			{"retractqr", true, func() { g.RetractQR(dst, y, v) }},
			{"inverseretract", false, func() { _ = g.InverseRetractPolar(dst, y, far) }},
			{"transport", false, func() { g.TransportProjection(dst, y, far, v) }},
			{"paralleltransport", false, func() { g.ParallelTransport(dst, y, far, v) }},
			{"project", true, func() { g.Project(dst, x) }},
			{"randompoint", false, func() { g.RandomPoint(dst, rng) }},
			{"randomtangent", false, func() { g.RandomTangent(dst, y, rng) }},
			{"checkpoint", false, func() { _ = g.CheckPoint(y) }},
			{"checktangent", false, func() { _ = g.CheckTangent(y, v) }},
		}
		for _, op := range ops {
			if huge && !op.large {
				continue
			}
			b.Run("op="+op.name+"/n="+strconv.Itoa(n)+"/p="+strconv.Itoa(p), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					op.f()
				}
			})
		}
	}
}
