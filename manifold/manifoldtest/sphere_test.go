package manifoldtest

import (
	"fmt"
	"testing"

	"github.com/geodesic-go/geodesic/sphere"
)

// TestSphere runs the suite, through the *testing.T subtest path, on the
// library's sphere in its configurations, including a 10 000-dimensional
// one (Trials defaults to 2 there and AllocFree is skipped by size).
func TestSphere(t *testing.T) {
	for _, n := range []int{2, 3, 50, 10000} {
		t.Run(fmt.Sprintf("n=%d", n), func(t *testing.T) {
			Run(t, sphere.New(n), Config{RetractionOrder: SecondOrder})
		})
		t.Run(fmt.Sprintf("n=%d/exp-parallel", n), func(t *testing.T) {
			m := sphere.New(n, sphere.WithRetraction(sphere.Exponential), sphere.WithTransport(sphere.Parallel))
			Run(t, m, Config{RetractionOrder: ExpRetraction, TransportIsometric: true})
		})
	}
}

// TestRefManifolds runs the suite on the test-only manifolds of
// refsphere_test.go.
func TestRefManifolds(t *testing.T) {
	for _, n := range []int{2, 3, 50} {
		t.Run(fmt.Sprintf("refsphere/n=%d", n), func(t *testing.T) {
			Run(t, refSphere{n}, Config{RetractionOrder: SecondOrder})
		})
	}
	t.Run("euclid/3x2", func(t *testing.T) {
		Run(t, euclid{3, 2}, Config{RetractionOrder: ExpRetraction, TransportIsometric: true})
	})
}
