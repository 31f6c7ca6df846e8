package manifold_test

// The conformance suite on Power and Product over the sphere. This is an
// external test package because manifoldtest and sphere import manifold.

import (
	"testing"

	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/manifold/manifoldtest"
	"github.com/geodesic-go/geodesic/sphere"
)

func TestConformance(t *testing.T) {
	cases := []struct {
		name string
		m    manifold.Manifold
		cfg  manifoldtest.Config
	}{
		{"power/k=4/n=3", manifold.NewPower(sphere.New(3), 4), manifoldtest.Config{}},
		// Below PowerParallelThreshold: runs sequentially, allocation-free.
		{"power/k=3/n=100/workers=2", manifold.NewPower(sphere.New(100), 3, manifold.WithParallel(2)), manifoldtest.Config{}},
		{"product/n=3+100", manifold.NewProduct(sphere.New(3), sphere.New(100)), manifoldtest.Config{}},
		{"power/k=2/n=10000", manifold.NewPower(sphere.New(10000), 2), manifoldtest.Config{}},
		{"product/n=10000+3", manifold.NewProduct(sphere.New(10000), sphere.New(3)), manifoldtest.Config{}},
		// The parallel transport is an isometry, and the exponential
		// retraction is the exponential map, also for the product.
		{"product/transport=parallel/retraction=exp", manifold.NewProduct(
			sphere.New(4, sphere.WithTransport(sphere.Parallel), sphere.WithRetraction(sphere.Exponential)),
			manifold.NewPower(sphere.New(2, sphere.WithTransport(sphere.Parallel), sphere.WithRetraction(sphere.Exponential)), 3),
		), manifoldtest.Config{TransportIsometric: true, RetractionOrder: manifoldtest.ExpRetraction}},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			cfg := c.cfg
			if cfg.RetractionOrder == 0 {
				// The sphere's default projective retraction is second order.
				cfg.RetractionOrder = manifoldtest.SecondOrder
			}
			manifoldtest.Run(t, c.m, cfg)
		})
	}
}

// TestConformanceParallel runs the suite on a batch large enough for the
// parallel path (3·6000 ≥ PowerParallelThreshold).
func TestConformanceParallel(t *testing.T) {
	if testing.Short() {
		t.Skip("large batch; skipped with -short")
	}
	m := manifold.NewPower(sphere.New(3), 6000, manifold.WithParallel(2))
	cfg := manifoldtest.Config{RetractionOrder: manifoldtest.SecondOrder}
	manifoldtest.Run(t, m, cfg)
}
