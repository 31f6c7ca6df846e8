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

// TestZeroAllocsIllConditioned covers the two-sided path of the
// affine-invariant Log and Dist (pencils with μ_max/μ_min > splitRatio).
func TestZeroAllocsIllConditioned(t *testing.T) {
	if testing.CoverMode() != "" || raceEnabled {
		t.Skip("coverage instrumentation and the race detector's sync.Pool allocate")
	}
	rng := rand.New(rand.NewPCG(43, 44))
	n := 6
	m := New(n)
	p := withSpectrum(rng, logSpectrum(rng, n, 1e5))
	q := withSpectrum(rng, logSpectrum(rng, n, 1e5))
	dst := make([]float64, n*n)
	{
		nn := n * n
		l, k, a, z, z2, ev, ev2 := make([]float64, nn), make([]float64, nn), make([]float64, nn), make([]float64, nn), make([]float64, nn), make([]float64, n), make([]float64, n)
		if !linalgCholesky(l, p, n) {
			t.Fatal("Cholesky failed")
		}
		if split, err := m.pencilAI(l, k, a, z, z2, ev, ev2, p, q, true); !split || err != nil {
			t.Fatalf("test pencil does not take the two-sided path (split %v, err %v)", split, err)
		}
	}
	for name, f := range map[string]func(){
		"Log":  func() { _ = m.Log(dst, p, q) },
		"Dist": func() { _ = m.Dist(p, q) },
	} {
		f()
		if a := testing.AllocsPerRun(20, f); a != 0 {
			t.Errorf("%s (ill-conditioned pencil) allocates %.0f times per call", name, a)
		}
	}
}
