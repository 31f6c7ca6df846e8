package grassmann_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/geodesic-go/geodesic/grassmann"
	"github.com/geodesic-go/geodesic/manifold/manifoldtest"
)

// subspaceDist is the representative-invariant distance the conformance
// suite compares points with: ‖ppᵀ − qqᵀ‖_F = √2·‖(I − ppᵀ)q‖_F for
// orthonormal p and q, computed here independently of the package (plain
// loops, the projection applied twice so that the in-span rounding of the
// first pass is removed), without n×n matrices. It is zero for two bases of
// one subspace up to rounding and equals √2·‖p − q‖_F to first order for
// nearby aligned bases.
func subspaceDist(n, k int) func(p, q []float64) float64 {
	return func(p, q []float64) float64 {
		r := append([]float64(nil), q...)
		c := make([]float64, k*k)
		for pass := 0; pass < 2; pass++ {
			for i := range c {
				c[i] = 0
			}
			for l := 0; l < n; l++ {
				for i := 0; i < k; i++ {
					for j := 0; j < k; j++ {
						c[i*k+j] += p[l*k+i] * r[l*k+j]
					}
				}
			}
			for l := 0; l < n; l++ {
				for j := 0; j < k; j++ {
					var s float64
					for i := 0; i < k; i++ {
						s += p[l*k+i] * c[i*k+j]
					}
					r[l*k+j] -= s
				}
			}
		}
		var ss float64
		for _, v := range r {
			ss += v * v
		}
		return math.Sqrt(2 * ss)
	}
}

// TestConformance runs the conformance suite on Gr(3, 1), Gr(3, 2),
// Gr(50, 5) and Gr(1000, 10) for every retraction and transport.
func TestConformance(t *testing.T) {
	type shape struct{ n, p, trials int }
	shapes := []shape{{3, 1, 0}, {3, 2, 0}, {50, 5, 0}, {1000, 10, 1}}
	for _, sh := range shapes {
		for _, r := range []struct {
			name  string
			retr  grassmann.Retraction
			order manifoldtest.RetractionOrder
			skip  []string
		}{
			{"polar", grassmann.Polar, manifoldtest.SecondOrder, nil},
			// QR is second order as a map into Gr(n, p) (it spans the same
			// subspace as Polar), which RetractionOrder measures with the
			// invariant PointDist. EHessToRHess is skipped here only: with
			// SecondOrder the suite also checks the Hessian along Retract
			// with a quadratic that is not invariant under Y → YO, and
			// qf(Y + tΔ) differs from Exp_Y(tΔ) at order t² by a vertical
			// term that such a function sees. The Hessian itself is checked
			// by the polar and exp runs and by TestEHessToRHess.
			{"qr", grassmann.QR, manifoldtest.SecondOrder, []string{"EHessToRHess"}},
			{"exp", grassmann.Exponential, manifoldtest.ExpRetraction, nil},
		} {
			for _, tr := range []struct {
				name     string
				transp   grassmann.Transport
				isometry bool
			}{
				{"projection", grassmann.Projection, false},
				{"parallel", grassmann.Parallel, true},
			} {
				t.Run(fmt.Sprintf("n=%d/p=%d/retraction=%s/transport=%s", sh.n, sh.p, r.name, tr.name), func(t *testing.T) {
					m := grassmann.New(sh.n, sh.p, grassmann.WithRetraction(r.retr), grassmann.WithTransport(tr.transp))
					manifoldtest.Run(t, m, manifoldtest.Config{
						Trials:             sh.trials,
						RetractionOrder:    r.order,
						TransportIsometric: tr.isometry,
						PointDist:          subspaceDist(sh.n, sh.p),
						Skip:               r.skip,
					})
				})
			}
		}
	}
}
