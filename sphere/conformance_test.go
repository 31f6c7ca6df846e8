package sphere_test

import (
	"fmt"
	"testing"

	"github.com/geodesic-go/geodesic/manifold/manifoldtest"
	"github.com/geodesic-go/geodesic/sphere"
)

// TestConformance runs the conformance suite on S², S⁹⁹ and S⁹⁹⁹⁹ for every
// retraction and transport. (Power and Product over the sphere are run in
// package manifold.)
func TestConformance(t *testing.T) {
	for _, n := range []int{3, 100, 10000} {
		for _, r := range []struct {
			name  string
			retr  sphere.Retraction
			order manifoldtest.RetractionOrder
		}{
			{"projective", sphere.Projective, manifoldtest.SecondOrder},
			{"exp", sphere.Exponential, manifoldtest.ExpRetraction},
		} {
			for _, tr := range []struct {
				name     string
				transp   sphere.Transport
				isometry bool
			}{
				{"projection", sphere.Projection, false},
				{"parallel", sphere.Parallel, true},
			} {
				t.Run(fmt.Sprintf("n=%d/retraction=%s/transport=%s", n, r.name, tr.name), func(t *testing.T) {
					m := sphere.New(n, sphere.WithRetraction(r.retr), sphere.WithTransport(tr.transp))
					manifoldtest.Run(t, m, manifoldtest.Config{
						RetractionOrder:    r.order,
						TransportIsometric: tr.isometry,
					})
				})
			}
		}
	}
}
