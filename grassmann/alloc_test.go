package grassmann_test

import (
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/grassmann"
	"github.com/geodesic-go/geodesic/internal/testutil"
)

// TestZeroAllocs checks that the hot methods (and the other non-allocating
// ones) allocate nothing at the small sizes 3×2 and 50×5, after a warm-up
// call that fills the workspace pools and LAPACK work-size caches. Log, Dist
// and the inverse retraction are measured both for a far pair and for a
// near pair (which takes the doubled-precision residual), RetractPolar on
// both sides of its switch to the SVD form.
func TestZeroAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are unreliable under the race detector")
	}
	rng := rand.New(rand.NewPCG(501, 502))
	for _, sh := range [][2]int{{3, 2}, {50, 5}} {
		n, p := sh[0], sh[1]
		np := n * p
		for _, opts := range [][]grassmann.Option{
			{grassmann.WithRetraction(grassmann.Polar), grassmann.WithTransport(grassmann.Projection)},
			{grassmann.WithRetraction(grassmann.QR), grassmann.WithTransport(grassmann.Parallel)},
			{grassmann.WithRetraction(grassmann.Exponential), grassmann.WithTransport(grassmann.Parallel)},
		} {
			g := grassmann.New(n, p, opts...)
			y, u, v, far, near, x, dst := make([]float64, np), make([]float64, np), make([]float64, np), make([]float64, np), make([]float64, np), make([]float64, np), make([]float64, np)
			big := make([]float64, np)
			g.RandomPoint(y, rng)
			g.RandomTangent(u, y, rng)
			g.RandomTangent(v, y, rng)
			scale(u, 0.7/testutil.Frob(u))
			scale(v, 0.3/testutil.Frob(v))
			copy(big, v)
			scale(big, 5/testutil.Frob(big))
			g.Exp(far, y, u)
			small := append([]float64(nil), u...)
			scale(small, 1e-6/testutil.Frob(small))
			g.Exp(near, y, small)
			for i := range x {
				x[i] = rng.NormFloat64()
			}
			th := make([]float64, p)
			var sink float64
			ops := []struct {
				name string
				f    func()
			}{
				{"Inner", func() { sink += g.Inner(y, u, v) }},
				{"Norm", func() { sink += g.Norm(y, v) }},
				{"Proj", func() { g.Proj(dst, y, x) }},
				{"EGradToRGrad", func() { g.EGradToRGrad(dst, y, x) }},
				{"EHessToRHess", func() { g.EHessToRHess(dst, y, x, x, v) }},
				{"Exp", func() { g.Exp(dst, y, v) }},
				{"Log/far", func() { _ = g.Log(dst, y, far) }},
				{"Log/near", func() { _ = g.Log(dst, y, near) }},
				{"Dist/far", func() { sink += g.Dist(y, far) }},
				{"Dist/near", func() { sink += g.Dist(y, near) }},
				{"PrincipalAngles", func() { g.PrincipalAngles(th, y, far) }},
				{"ChordalDist", func() { sink += g.ChordalDist(y, near) }},
				{"Retract", func() { g.Retract(dst, y, v) }},
				{"RetractPolar/svd", func() { g.RetractPolar(dst, y, big) }},
				{"RetractQR", func() { g.RetractQR(dst, y, v) }},
				{"InverseRetract/far", func() { _ = g.InverseRetract(dst, y, far) }},
				{"InverseRetract/near", func() { _ = g.InverseRetract(dst, y, near) }},
				{"Transport", func() { g.Transport(dst, y, far, v) }},
				{"ParallelTransport", func() { g.ParallelTransport(dst, y, far, v) }},
				{"Project", func() { g.Project(dst, x) }},
				{"CheckPoint", func() { _ = g.CheckPoint(y) }},
				{"CheckTangent", func() { _ = g.CheckTangent(y, v) }},
			}
			for _, op := range ops {
				op.f()
				if a := testing.AllocsPerRun(20, op.f); a != 0 {
					t.Errorf("%v %d×%d: %s allocates %.2g times per call", g, n, p, op.name, a)
				}
			}
			_ = sink
		}
	}
}

func scale(x []float64, a float64) {
	for i := range x {
		x[i] *= a
	}
}
