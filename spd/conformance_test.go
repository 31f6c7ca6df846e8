package spd_test

import (
	"fmt"
	"testing"

	"github.com/geodesic-go/geodesic/manifold/manifoldtest"
	"github.com/geodesic-go/geodesic/spd"
)

// skipHugeExp is why EdgeCases/HugeExp is skipped for every metric: with
// entries of 1e300 the exponential map must overflow. For the
// affine-invariant, log-Euclidean and log-Cholesky metrics Exp_P(V)
// contains exp of the eigenvalues of L⁻¹VL⁻ᵀ (of log P + D log(P)[V], of
// D(X)/D(L)), about e^{1e300}; for Bures–Wasserstein it contains XPX ~ 1e600.
// No float64 matrix represents the result (Exp documents the overflow).
const skipHugeExp = "EdgeCases/HugeExp"

// TestConformance runs the conformance suite for every metric, retraction
// and transport at n = 2, 3, 10 and (lightly, two trials) 100.
func TestConformance(t *testing.T) {
	type variant struct {
		name  string
		opts  []spd.Option
		order manifoldtest.RetractionOrder
		iso   bool
		// maxDist: the Hadamard metrics are checked out to distance 3
		// (the suite's default for an infinite injectivity radius is 1);
		// Bures–Wasserstein uses 0.9·InjectivityRadius(P) = 0.9·√λ_min(P).
		maxDist float64
	}
	variants := []variant{
		{"ai", nil, manifoldtest.SecondOrder, true, 3},
		{"ai/retraction=exp", []spd.Option{spd.WithRetraction(spd.Exponential)}, manifoldtest.ExpRetraction, true, 3},
		{"ai/transport=identity", []spd.Option{spd.WithTransport(spd.Identity)}, manifoldtest.SecondOrder, false, 3},
		{"le", []spd.Option{spd.WithMetric(spd.LogEuclidean)}, manifoldtest.ExpRetraction, true, 3},
		{"lc", []spd.Option{spd.WithMetric(spd.LogCholesky)}, manifoldtest.ExpRetraction, true, 3},
		{"bw", []spd.Option{spd.WithMetric(spd.BuresWasserstein)}, manifoldtest.ExpRetraction, false, 0},
	}
	for _, n := range []int{2, 3, 10, 100} {
		for _, v := range variants {
			if n == 2 && v.name != "ai" && v.name != "bw" {
				continue
			}
			t.Run(fmt.Sprintf("n=%d/metric=%s", n, v.name), func(t *testing.T) {
				trials := 0
				if n == 100 {
					trials = 2
				}
				m := spd.New(n, v.opts...)
				manifoldtest.Run(t, m, manifoldtest.Config{
					Trials:             trials,
					MaxDist:            v.maxDist,
					RetractionOrder:    v.order,
					TransportIsometric: v.iso,
					Skip:               []string{skipHugeExp},
				})
			})
		}
	}
}
