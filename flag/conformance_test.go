package flag_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/flag"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/manifold/manifoldtest"
)

// flagDist is the representative-invariant distance the conformance suite
// compares points with: √(Σ_i ‖X_iX_iᵀ − Y_iY_iᵀ‖²_F) = √2·d_c(X, Y),
// computed here independently of the package with plain loops, as
// √2·√(Σ_i ‖(I − X_iX_iᵀ)Y_i‖²), the projection applied twice so that the
// rounding left in span X_i by the first pass is removed. It is zero for
// two representatives of one flag up to rounding and comparable to
// ‖X − Y‖_F for nearby aligned representatives.
func flagDist(n int, dims []int) func(x, y []float64) float64 {
	p := dims[len(dims)-1]
	return func(x, y []float64) float64 {
		var ss float64
		lo := 0
		for _, hi := range dims {
			m := hi - lo
			r := make([]float64, n*m)
			for i := 0; i < n; i++ {
				copy(r[i*m:(i+1)*m], y[i*p+lo:i*p+hi])
			}
			c := make([]float64, m*m)
			for pass := 0; pass < 2; pass++ {
				clear(c)
				for l := 0; l < n; l++ {
					for i := 0; i < m; i++ {
						for j := 0; j < m; j++ {
							c[i*m+j] += x[l*p+lo+i] * r[l*m+j]
						}
					}
				}
				for l := 0; l < n; l++ {
					for j := 0; j < m; j++ {
						var s float64
						for i := 0; i < m; i++ {
							s += x[l*p+lo+i] * c[i*m+j]
						}
						r[l*m+j] -= s
					}
				}
			}
			for _, v := range r {
				ss += v * v
			}
			lo = hi
		}
		return math.Sqrt(2 * ss)
	}
}

// logChecks are the checks that exercise only the metric, Exp, Log, Dist
// and Project; they do not depend on the retraction, so the suite runs
// them once per type and metric.
var logChecks = []string{
	"Shape", "RandomPoint", "RandomTangent", "Metric", "Proj", "ExpZero", "ExpOnManifold",
	"LogExp", "ExpLog", "LogSelf", "DistSelf", "DistLog", "DistSymmetry", "TriangleInequality",
	"Transport", "EGradToRGrad", "EHessToRHess", "Project", "InjectivityRadius", "Aliasing", "EdgeCases",
}

type flagType struct {
	n      int
	dims   []int
	trials int
}

// conformanceTypes are the flag types of the conformance runs: a Grassmann
// manifold, a flag of R³, a complete flag, flags with blocks of different
// sizes and a tall one.
var conformanceTypes = []flagType{
	{3, []int{1}, 0},
	{3, []int{1, 2}, 0},
	{3, []int{1, 2, 3}, 0},
	{10, []int{1, 3}, 0},
	{6, []int{1, 3, 4}, 0},
	{50, []int{2, 5}, 0},
	{1000, []int{2, 5}, 1},
}

// retractionOrder is the order of agreement of the retraction with Exp
// (see RetractPolar and RetractQR): polar is second order for the
// Euclidean metric, for one-block flags and for p = n, QR for one-block
// flags only.
func retractionOrder(met flag.Metric, r flag.Retraction, n int, dims []int) manifoldtest.RetractionOrder {
	k, p := len(dims), dims[len(dims)-1]
	switch r {
	case flag.Exponential:
		return manifoldtest.ExpRetraction
	case flag.Polar:
		if met == flag.Euclidean || k == 1 || p == n {
			return manifoldtest.SecondOrder
		}
	case flag.QR:
		if k == 1 {
			return manifoldtest.SecondOrder
		}
	}
	return manifoldtest.FirstOrder
}

// TestConformance runs the conformance suite on every type of
// conformanceTypes, for both metrics and all three retractions. The first
// retraction (polar, the default) runs every check; the others skip the
// checks that do not involve the retraction.
func TestConformance(t *testing.T) {
	for _, ty := range conformanceTypes {
		for _, met := range []flag.Metric{flag.Canonical, flag.Euclidean} {
			for i, retr := range []flag.Retraction{flag.Polar, flag.QR, flag.Exponential} {
				name := fmt.Sprintf("n=%d/dims=%v/metric=%v/retraction=%v", ty.n, ty.dims, met, retr)
				t.Run(name, func(t *testing.T) {
					if testing.Short() && (ty.n > 100 || i > 0) {
						t.Skip("-short")
					}
					m := flag.New(ty.n, ty.dims...).With(flag.WithMetric(met), flag.WithRetraction(retr))
					cfg := manifoldtest.Config{
						Trials:          ty.trials,
						RetractionOrder: retractionOrder(met, retr, ty.n, ty.dims),
						PointDist:       flagDist(ty.n, ty.dims),
						// A point at distance 2 along a random direction:
						// beyond the injectivity radius π/2.
						NearCutLocus: func(dst, x []float64, rng *rand.Rand) {
							v := make([]float64, len(x))
							m.RandomTangent(v, x, rng)
							s := 2 / m.Norm(x, v)
							for j := range v {
								v[j] *= s
							}
							m.Exp(dst, x, v)
						},
					}
					if !m.HasCapability(manifold.CapInjectivityRadius) {
						cfg.MaxDist = m.LogRadius()
					}
					if retr == flag.QR && len(ty.dims) == 1 {
						// QR is second order on Gr(n, p) only as a map
						// into the quotient; the Hessian check along
						// Retract uses a function that is not invariant
						// (see grassmann's conformance test).
						cfg.Skip = append(cfg.Skip, "EHessToRHess")
					}
					if i > 0 {
						cfg.Skip = append(cfg.Skip, logChecks...)
					}
					manifoldtest.Run(t, m, cfg)
				})
			}
		}
	}
}
