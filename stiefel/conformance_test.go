package stiefel_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/internal/testutil"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/manifold/manifoldtest"
	"github.com/geodesic-go/geodesic/stiefel"
)

// logChecks are the checks that exercise only the metric, Exp, Log, Dist
// and Project; they do not depend on the retraction or the transport, so
// the suite runs them once per shape and metric.
var logChecks = []string{
	"Shape", "RandomPoint", "RandomTangent", "Metric", "Proj", "ExpZero", "ExpOnManifold",
	"LogExp", "ExpLog", "LogSelf", "DistSelf", "DistLog", "DistSymmetry", "TriangleInequality",
	"Project", "InjectivityRadius",
}

// TestConformance runs the conformance suite for every metric (Euclidean,
// canonical, and two family members β = 0.25 and β = 2), at the shapes
// 3×1, 3×2, 4×4, 50×5 and 1000×10. For each shape and metric one run with
// the default QR retraction and projection transport performs every
// check; the other retractions (polar, Cayley, exponential) are then run,
// each with one of the transports, skipping the checks that do not involve
// them.
func TestConformance(t *testing.T) {
	shapes := [][2]int{{3, 1}, {3, 2}, {4, 4}, {50, 5}, {1000, 10}}
	metrics := []stiefel.Metric{stiefel.Euclidean, stiefel.Canonical, stiefel.Family(0.25), stiefel.Family(2)}
	type combo struct {
		retr   stiefel.Retraction
		transp stiefel.Transport
	}
	combos := []combo{
		{stiefel.QR, stiefel.Projection},
		{stiefel.Polar, stiefel.DifferentiatedQR},
		{stiefel.Cayley, stiefel.DifferentiatedPolar},
		{stiefel.Exponential, stiefel.DifferentiatedQR},
		{stiefel.QR, stiefel.DifferentiatedPolar},
	}
	for _, sh := range shapes {
		n, p := sh[0], sh[1]
		for _, met := range metrics {
			for i, c := range combos {
				name := fmt.Sprintf("n=%d/p=%d/metric=%s/retraction=%v/transport=%v", n, p, metricName(met), c.retr, c.transp)
				t.Run(name, func(t *testing.T) {
					if testing.Short() && (n > 100 || i > 0) {
						t.Skip("-short")
					}
					m := stiefel.New(n, p, stiefel.WithMetric(met), stiefel.WithRetraction(c.retr), stiefel.WithTransport(c.transp))
					cfg := manifoldtest.Config{
						RetractionOrder: retractionOrder(met, c.retr, n, p),
						// A point at distance π along a random direction:
						// beyond the injectivity radius for every metric.
						NearCutLocus: func(dst, x []float64, rng *rand.Rand) {
							v := make([]float64, len(x))
							m.RandomTangent(v, x, rng)
							m.Exp(dst, x, testutil.Scaled(math.Pi/m.Norm(x, v), v))
						},
					}
					if n > 100 {
						cfg.Trials = 2
					}
					if !hasInj(m) {
						cfg.MaxDist = stiefel.LogRadius(met.Beta())
					}
					if p == n {
						// O(n) has two components at infinite distance:
						// Dist of random pairs is +Inf half of the time.
						// TestSquareCase checks symmetry within a component.
						cfg.Skip = append(cfg.Skip, "DistSymmetry")
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

func hasInj(m *stiefel.Stiefel) bool {
	return m.HasCapability(manifold.CapInjectivityRadius)
}

// retractionOrder is the order of agreement of the retraction with Exp:
// polar is the metric projection, second order for the Euclidean metric;
// Cayley follows the canonical geodesic to second order. For p = 1 every
// metric is the round metric of the sphere, and for p = n the polar and
// Cayley retractions of O(n) are second order for every β (Exp_X(XA) =
// X·expm(A) and both agree with it to O(‖A‖³)).
func retractionOrder(met stiefel.Metric, r stiefel.Retraction, n, p int) manifoldtest.RetractionOrder {
	switch r {
	case stiefel.Exponential:
		return manifoldtest.ExpRetraction
	case stiefel.Polar:
		if met == stiefel.Euclidean || p == 1 || p == n {
			return manifoldtest.SecondOrder
		}
	case stiefel.Cayley:
		if met == stiefel.Canonical || p == n {
			return manifoldtest.SecondOrder
		}
	}
	return manifoldtest.FirstOrder
}
