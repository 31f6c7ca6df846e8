package flag_test

import (
	"testing"

	"github.com/geodesic-go/geodesic/flag"
	"github.com/geodesic-go/geodesic/internal/testutil"
)

// TestZeroAllocs checks that the hot methods (and the other
// non-allocating ones) allocate nothing at the small sizes Fl(1, 2; 3),
// Fl(1, 2, 3; 3), Fl(1, 3; 10) and Fl(2, 5; 50), for both metrics, after a
// warm-up call that fills the workspace pools and LAPACK work-size caches.
// Log, Dist and ChordalDist are measured for a far pair and a near pair
// (which takes the doubled-precision residual in ChordalDist).
func TestZeroAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are unreliable under the race detector")
	}
	rng := newRand(1515)
	for _, ty := range []flagType{{3, []int{1, 2}, 0}, {3, []int{1, 2, 3}, 0}, {10, []int{1, 3}, 0}, {50, []int{2, 5}, 0}, {6, []int{2}, 0}} {
		for _, met := range []flag.Metric{flag.Canonical, flag.Euclidean} {
			f := flag.New(ty.n, ty.dims...).With(flag.WithMetric(met))
			x := point(f, rng)
			u, v := tangent(f, x, 0.7, rng), tangent(f, x, 0.3, rng)
			far, near := make([]float64, len(x)), make([]float64, len(x))
			f.Exp(far, x, u)
			f.Exp(near, x, testutil.Scaled(1e-6/0.7, u))
			amb := make([]float64, len(x))
			for i := range amb {
				amb[i] = rng.NormFloat64()
			}
			dst := make([]float64, len(x))
			var sink float64
			ops := []struct {
				name string
				fn   func()
			}{
				{"Inner", func() { sink += f.Inner(x, u, v) }},
				{"Norm", func() { sink += f.Norm(x, v) }},
				{"Proj", func() { f.Proj(dst, x, amb) }},
				{"EGradToRGrad", func() { f.EGradToRGrad(dst, x, amb) }},
				{"EHessToRHess", func() { f.EHessToRHess(dst, x, amb, amb, v) }},
				{"Exp", func() { f.Exp(dst, x, v) }},
				{"Log/far", func() { _ = f.Log(dst, x, far) }},
				{"Log/near", func() { _ = f.Log(dst, x, near) }},
				{"Dist/far", func() { sink += f.Dist(x, far) }},
				{"Dist/near", func() { sink += f.Dist(x, near) }},
				{"ChordalDist/far", func() { sink += f.ChordalDist(x, far) }},
				{"ChordalDist/near", func() { sink += f.ChordalDist(x, near) }},
				{"Retract", func() { f.Retract(dst, x, v) }},
				{"RetractQR", func() { f.RetractQR(dst, x, v) }},
				{"Transport", func() { f.Transport(dst, x, far, v) }},
				{"Project", func() { f.Project(dst, amb) }},
				{"RandomPoint", func() { f.RandomPoint(dst, rng) }},
				{"RandomTangent", func() { f.RandomTangent(dst, x, rng) }},
				{"CheckPoint", func() { _ = f.CheckPoint(x) }},
				{"CheckTangent", func() { _ = f.CheckTangent(x, v) }},
			}
			for _, op := range ops {
				op.fn()
				if a := testing.AllocsPerRun(20, op.fn); a != 0 {
					t.Errorf("%v: %s allocates %.2g times per call", f, op.name, a)
				}
			}
			_ = sink
		}
	}
}
