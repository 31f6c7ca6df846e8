package stiefel_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/geodesic-go/geodesic/internal/testutil"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/stiefel"
)

// logRadius is the radius within which the Log contract is stated: 0.9 of
// the injectivity radius (its proven lower bound) where one is known, and
// for the other family members the radius of the documented convergence
// region (see the package documentation).
func logRadius(m *stiefel.Stiefel, x []float64) float64 {
	if m.HasCapability(manifold.CapInjectivityRadius) {
		return 0.9 * m.InjectivityRadius(x)
	}
	return stiefel.LogRadius(m.Metric().Beta())
}

type logStats struct {
	worstEndpoint, worstRel float64
	fails, n                int
}

// TestLogContract measures the Log contract: for q = Exp_p(v) with
// ‖v‖ ≤ 0.9·(injectivity radius) (or the documented radius of the family
// metrics), Log returns nil, ‖Exp_p(Log_p q) − q‖_F ≤ 1e-12 and
// ‖Log_p q − v‖_p ≤ 1e-10·‖v‖ (the geodesic found is the minimising one).
// Directions: random, pure rotation within span(p) (the hardest for β > ½,
// where the generator rotates by up to √(2β)·‖v‖), pure normal, and mixed.
func TestLogContract(t *testing.T) {
	shapes := [][2]int{{3, 1}, {3, 2}, {4, 4}, {5, 2}, {6, 3}, {12, 6}, {50, 5}, {200, 10}}
	metrics := []stiefel.Metric{stiefel.Euclidean, stiefel.Canonical, stiefel.Family(0.1), stiefel.Family(0.25), stiefel.Family(0.75), stiefel.Family(2)}
	fracs := []float64{1e-8, 1e-3, 0.1, 0.3, 0.5, 0.7, 0.8, 0.9, 1}
	trials := 6
	if testing.Short() {
		trials = 2
	}
	rng := newRand(101)
	for _, met := range metrics {
		var all logStats
		for _, sh := range shapes {
			n, p := sh[0], sh[1]
			m := stiefel.New(n, p, stiefel.WithMetric(met))
			for _, f := range fracs {
				for kind := dirRandom; kind <= dirMixed; kind++ {
					for range trials {
						x := make([]float64, n*p)
						m.RandomPoint(x, rng)
						rad := logRadius(m, x)
						v := tangentOf(m, x, kind, f*rad, rng)
						q := make([]float64, n*p)
						m.Exp(q, x, v)
						w := make([]float64, n*p)
						all.n++
						if err := m.Log(w, x, q); err != nil {
							all.fails++
							t.Errorf("%v %dx%d ‖v‖ = %.3g·R (kind %d): Log: %v", met, n, p, f, kind, err)
							continue
						}
						q2 := make([]float64, n*p)
						m.Exp(q2, x, w)
						e := testutil.DiffNorm(q2, q)
						all.worstEndpoint = math.Max(all.worstEndpoint, e)
						if e > 1e-12 {
							t.Errorf("%v %dx%d ‖v‖ = %.3g·R (kind %d): ‖Exp(Log q) − q‖ = %.3g > 1e-12", met, n, p, f, kind, e)
						}
						d := make([]float64, n*p)
						for i := range d {
							d[i] = w[i] - v[i]
						}
						rel := m.Norm(x, d) / m.Norm(x, v)
						tol := 1e-10
						if f < 1e-6 {
							tol = 1e-6 // inputs known to ε absolute: relative ε/‖v‖
						} else {
							all.worstRel = math.Max(all.worstRel, rel)
						}
						if rel > tol {
							t.Errorf("%v %dx%d ‖v‖ = %.3g·R (kind %d): ‖Log(Exp v) − v‖/‖v‖ = %.3g", met, n, p, f, kind, rel)
						}
					}
				}
			}
		}
		t.Logf("%-10v within the radius: %d cases, worst ‖Exp(Log q) − q‖_F = %.2g, worst ‖Log(Exp v) − v‖/‖v‖ = %.2g (‖v‖ ≥ 1e-3·R)", met, all.n, all.worstEndpoint, all.worstRel)
	}
}

// TestLogBeyond checks the other half of the contract: beyond the radius
// (up to twice the injectivity radius, and for random pairs of points) Log
// either returns a vector whose endpoint is q (verified here to 1e-11) or
// an error wrapping manifold.ErrNotConverged or manifold.ErrCutLocus, never
// a wrong vector; and Dist is finite, ≥ the lengths it bounds, and
// symmetric.
func TestLogBeyond(t *testing.T) {
	shapes := [][2]int{{3, 2}, {5, 2}, {6, 3}, {12, 6}, {50, 5}}
	metrics := []stiefel.Metric{stiefel.Euclidean, stiefel.Canonical, stiefel.Family(0.25), stiefel.Family(2)}
	rng := newRand(202)
	for _, met := range metrics {
		var ok, nc, cut int
		for _, sh := range shapes {
			n, p := sh[0], sh[1]
			m := stiefel.New(n, p, stiefel.WithMetric(met))
			for trial := 0; trial < 20; trial++ {
				x := make([]float64, n*p)
				m.RandomPoint(x, rng)
				q := make([]float64, n*p)
				if trial%4 == 3 {
					m.RandomPoint(q, rng)
				} else {
					rad := logRadius(m, x) / 0.9
					v := tangentOf(m, x, trial%4, rad*(1+rng.Float64()), rng)
					m.Exp(q, x, v)
				}
				w := make([]float64, n*p)
				for i := range w {
					w[i] = 7
				}
				err := m.Log(w, x, q)
				switch {
				case err == nil:
					ok++
					q2 := make([]float64, n*p)
					m.Exp(q2, x, w)
					if e := testutil.DiffNorm(q2, q); !(e <= 1e-11) {
						t.Errorf("%v %dx%d: Log returned nil but ‖Exp(Log q) − q‖ = %.3g", met, n, p, e)
					}
				case errors.Is(err, manifold.ErrNotConverged):
					nc++
					for _, v := range w {
						if v != 7 {
							t.Fatalf("%v %dx%d: failed Log wrote dst", met, n, p)
						}
					}
				case errors.Is(err, manifold.ErrCutLocus):
					cut++
				default:
					t.Errorf("%v %dx%d: unexpected error %v", met, n, p, err)
				}
				d1, d2 := m.Dist(x, q), m.Dist(q, x)
				if !(d1 >= 0) || math.IsInf(d1, 0) || d1 != d2 {
					t.Errorf("%v %dx%d: Dist = %v, reversed %v", met, n, p, d1, d2)
				}
				if err == nil && d1 > m.Norm(x, w)*(1+1e-12) {
					t.Errorf("%v %dx%d: Dist %.17g exceeds the length %.17g of a geodesic found", met, n, p, d1, m.Norm(x, w))
				}
			}
		}
		t.Logf("%-10v beyond the radius: %d verified geodesics, %d ErrNotConverged, %d ErrCutLocus", met, ok, nc, cut)
	}
}

// TestLogRadiusSweep reports, for a grid of β, the fraction of Log calls
// that converge to the minimising geodesic at distances up to the radius
// used by the contract. It is the measurement behind LogRadius.
func TestLogRadiusSweep(t *testing.T) {
	if testing.Short() {
		t.Skip("-short")
	}
	rng := newRand(303)
	for _, beta := range []float64{0.05, 0.1, 0.2, 1.0 / 3, 0.5, 2.0 / 3, 0.75, 1, 1.25, 1.5, 2, 3, 5, 10, 20, 50} {
		met := stiefel.Family(beta)
		line := fmt.Sprintf("β=%-5.3g R=%.3fπ:", beta, stiefel.LogRadius(beta)/math.Pi)
		for _, f := range []float64{0.8, 1, 1.1, 1.25} {
			good, total := 0, 0
			for _, sh := range [][2]int{{3, 2}, {6, 3}, {12, 6}, {50, 5}} {
				n, p := sh[0], sh[1]
				m := stiefel.New(n, p, stiefel.WithMetric(met))
				for trial := 0; trial < 12; trial++ {
					x := make([]float64, n*p)
					m.RandomPoint(x, rng)
					v := tangentOf(m, x, trial%4, f*stiefel.LogRadius(beta), rng)
					q := make([]float64, n*p)
					m.Exp(q, x, v)
					w := make([]float64, n*p)
					total++
					if m.Log(w, x, q) == nil && testutil.DiffNorm(w, v) <= 1e-9*testutil.Frob(v) {
						good++
					}
				}
			}
			line += fmt.Sprintf("  %.2f·R: %d/%d", f, good, total)
		}
		t.Log(line)
	}
}
