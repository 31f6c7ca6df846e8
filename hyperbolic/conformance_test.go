package hyperbolic_test

import (
	"fmt"
	"testing"

	"github.com/geodesic-go/geodesic/hyperbolic"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/manifold/manifoldtest"
)

type model struct {
	name string
	new  func(n int, opts ...hyperbolic.Option) manifold.Manifold
}

var models = []model{
	{"lorentz", func(n int, o ...hyperbolic.Option) manifold.Manifold { return hyperbolic.NewLorentz(n, o...) }},
	{"ball", func(n int, o ...hyperbolic.Option) manifold.Manifold { return hyperbolic.NewPoincareBall(n, o...) }},
	{"halfspace", func(n int, o ...hyperbolic.Option) manifold.Manifold { return hyperbolic.NewHalfSpace(n, o...) }},
}

// TestConformance runs the conformance suite on every model at n = 2, 10 and
// 100 with c = 1, at n = 10 with c = 0.5 and 3, and at n = 2 with c = 3, for
// each retraction and transport. No check is skipped: in particular
// EdgeCases/HugeExp passes because Exp saturates (see the package
// documentation), so Exp of a tangent vector with entries of 1e300 is a
// finite, valid point.
func TestConformance(t *testing.T) {
	type variant struct {
		n int
		c float64
	}
	variants := []variant{{2, 1}, {10, 1}, {100, 1}, {10, 0.5}, {10, 3}, {2, 3}}
	for _, md := range models {
		for _, vr := range variants {
			for _, r := range []struct {
				name  string
				retr  hyperbolic.Retraction
				order manifoldtest.RetractionOrder
			}{
				{"exp", hyperbolic.Exponential, manifoldtest.ExpRetraction},
				{"projective", hyperbolic.Projective, manifoldtest.FirstOrder},
			} {
				for _, tr := range []struct {
					name     string
					transp   hyperbolic.Transport
					isometry bool
				}{
					{"parallel", hyperbolic.Parallel, true},
					{"projection", hyperbolic.Projection, false},
				} {
					name := fmt.Sprintf("model=%s/n=%d/c=%g/retraction=%s/transport=%s", md.name, vr.n, vr.c, r.name, tr.name)
					t.Run(name, func(t *testing.T) {
						m := md.new(vr.n, hyperbolic.WithCurvature(vr.c), hyperbolic.WithRetraction(r.retr), hyperbolic.WithTransport(tr.transp))
						manifoldtest.Run(t, m, manifoldtest.Config{
							RetractionOrder:    r.order,
							TransportIsometric: tr.isometry,
						})
					})
				}
			}
		}
	}
}
