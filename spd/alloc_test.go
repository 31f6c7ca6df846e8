package spd

import (
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

var linalgCholesky = linalg.Cholesky

// TestZeroAllocs checks that every method except the error paths allocates
// nothing after warm-up, for every metric at n = 3 and n = 10 (the pools
// and LAPACK work-size cache are then populated).
func TestZeroAllocs(t *testing.T) {
	if testing.CoverMode() != "" || raceEnabled {
		t.Skip("coverage instrumentation and the race detector's sync.Pool allocate")
	}
	rng := rand.New(rand.NewPCG(41, 42))
	for _, g := range allMetrics {
		for _, n := range []int{3, 10} {
			m := New(n, WithMetric(g))
			nn := n * n
			p, q, u, v, x, dst := make([]float64, nn), make([]float64, nn), make([]float64, nn), make([]float64, nn), make([]float64, nn), make([]float64, nn)
			m.RandomPoint(p, rng)
			m.RandomTangent(u, p, rng)
			m.RandomTangent(v, p, rng)
			s := 0.3 * m.InjectivityRadius(p)
			if s > 1 {
				s = 1
			}
			k := s / m.Norm(p, u)
			for i := range u {
				u[i] *= k
			}
			m.Exp(q, p, u)
			r := make([]float64, nn)
			m.Retract(r, p, u)
			for i := range x {
				x[i] = rng.NormFloat64()
			}
			var sink float64
			ops := map[string]func(){
				"Inner":             func() { sink += m.Inner(p, u, v) },
				"Norm":              func() { sink += m.Norm(p, v) },
				"Proj":              func() { m.Proj(dst, p, x) },
				"EGradToRGrad":      func() { m.EGradToRGrad(dst, p, x) },
				"EHessToRHess":      func() { m.EHessToRHess(dst, p, x, u, v) },
				"Exp":               func() { m.Exp(dst, p, v) },
				"Log":               func() { _ = m.Log(dst, p, q) },
				"Dist":              func() { sink += m.Dist(p, q) },
				"Retract":           func() { m.Retract(dst, p, v) },
				"InverseRetract":    func() { _ = m.InverseRetract(dst, p, r) },
				"Transport":         func() { m.Transport(dst, p, q, v) },
				"Project":           func() { m.Project(dst, x) },
				"RandomPoint":       func() { m.RandomPoint(dst, rng) },
				"RandomTangent":     func() { m.RandomTangent(dst, p, rng) },
				"CheckPoint":        func() { _ = m.CheckPoint(p) },
				"CheckTangent":      func() { _ = m.CheckTangent(p, v) },
				"InjectivityRadius": func() { sink += m.InjectivityRadius(p) },
			}
			if g != BuresWasserstein {
				ops["ParallelTransport"] = func() { m.ParallelTransport(dst, p, q, v) }
			}
			if g == AffineInvariant {
				ops["RetractSecondOrder"] = func() { m.RetractSecondOrder(dst, p, v) }
				ops["InverseRetractSecondOrder"] = func() { _ = m.InverseRetractSecondOrder(dst, p, r) }
			}
			for name, f := range ops {
				f()
				if a := testing.AllocsPerRun(20, f); a != 0 {
					t.Errorf("%s: %s allocates %.0f times per call", m, name, a)
				}
			}
			_ = fmt.Sprint(sink)
		}
	}
}

// TestZeroAllocsIllConditioned covers the two-sided float64 path of the
// affine-invariant Log and Dist (pencils whose generalized eigenvalues D
// alone does not determine, see pencil.go), and the double-double path of
// Exp, Log and Dist (condition numbers beyond aiKappa), at n = 3 and 10.
func TestZeroAllocsIllConditioned(t *testing.T) {
	if testing.CoverMode() != "" || raceEnabled {
		t.Skip("coverage instrumentation and the race detector's sync.Pool allocate")
	}
	rng := rand.New(rand.NewPCG(43, 44))
	for _, n := range []int{3, 10} {
		for _, kappa := range []float64{1e4, 1e10} {
			m := New(n)
			nn := n * n
			p := withSpectrum(rng, logSpectrum(rng, n, kappa))
			q := withSpectrum(rng, logSpectrum(rng, n, kappa))
			l := make([]float64, nn)
			if !linalgCholesky(l, p, n) {
				t.Fatal("Cholesky failed")
			}
			kp := aiCond(p, l, n, aiKappa)
			if kappa < aiKappa {
				k, a, z, z2 := make([]float64, nn), make([]float64, nn), make([]float64, nn), make([]float64, nn)
				ev, ev2, ec, eb := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
				if pc, err := m.pencilAI(l, k, a, z, z2, ev, ev2, ec, eb, p, q, kp, true, true); pc.first == 0 || err != nil {
					t.Fatalf("n=%d: test pencil does not take the two-sided path (%+v, err %v)", n, pc, err)
				}
			} else if !(kp > aiKappa) {
				t.Fatalf("n=%d: test point does not take the extended path (κ̂ = %.3g)", n, kp)
			}
			v := tangentAt(rng, l, n, 2)
			dst := make([]float64, nn)
			for name, f := range map[string]func(){
				"Exp":  func() { m.Exp(dst, p, v) },
				"Log":  func() { _ = m.Log(dst, p, q) },
				"Dist": func() { _ = m.Dist(p, q) },
			} {
				f()
				if a := testing.AllocsPerRun(20, f); a != 0 {
					t.Errorf("n=%d κ=%.0e: %s allocates %.0f times per call", n, kappa, name, a)
				}
			}
		}
	}
}
