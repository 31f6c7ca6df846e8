package grassmann_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/grassmann"
	"github.com/geodesic-go/geodesic/internal/testutil"
)

// The references in this file integrate the defining differential equations
// with the classical fourth-order Runge–Kutta method, an independent route to
// Exp and ParallelTransport. For a horizontal curve Y(t) in the Stiefel
// representation (YᵀẎ = 0) of Gr(n, p) with the canonical metric,
//
//	geodesic:            Ÿ + Y(ẎᵀẎ) = 0,
//	parallel transport:  Δ̇ + Y(ẎᵀΔ) = 0,
//
// (Edelman, Arias & Smith 1998, §2.5.1–2.5.2): the covariant derivative of
// a horizontal field along a horizontal curve is the horizontal part
// (I − YYᵀ) of its ordinary derivative, and differentiating YᵀΔ = 0 gives
// YᵀΔ̇ = −ẎᵀΔ. The integration yields the horizontal lift along the
// horizontal curve through the starting representative — the representative
// that Exp writes, so the comparison is entry by entry.

// odeState is (Y, Ẏ, Δ), three n×p matrices back to back.
type odeState []float64

func odeRHS(dst, s odeState, n, p int) {
	np := n * p
	y, yd, d := s[:np], s[np:2*np], s[2*np:]
	fy, fyd, fd := dst[:np], dst[np:2*np], dst[2*np:]
	copy(fy, yd)
	g := make([]float64, p*p) // ẎᵀẎ
	h := make([]float64, p*p) // ẎᵀΔ
	for l := 0; l < n; l++ {
		for i := 0; i < p; i++ {
			for j := 0; j < p; j++ {
				g[i*p+j] += yd[l*p+i] * yd[l*p+j]
				h[i*p+j] += yd[l*p+i] * d[l*p+j]
			}
		}
	}
	for l := 0; l < n; l++ {
		for j := 0; j < p; j++ {
			var a, b float64
			for i := 0; i < p; i++ {
				a += y[l*p+i] * g[i*p+j]
				b += y[l*p+i] * h[i*p+j]
			}
			fyd[l*p+j] = -a
			fd[l*p+j] = -b
		}
	}
}

// integrate advances s from t = 0 to 1 in steps RK4 steps.
func integrate(s odeState, n, p, steps int) {
	testutil.RK4(s, steps, func(dy, y []float64) { odeRHS(dy, y, n, p) })
}

// TestExpAndTransportODE compares Exp and ParallelTransport with RK4
// integrations (4000 steps) for ‖Δ‖ up to 1.5 (largest principal angle up
// to 1.5 < π/2, so the geodesic is minimising and ParallelTransport's
// Log-based construction applies). It also checks that ParallelTransport
// to another representative q·O of the same subspace returns the lift
// rotated by O.
func TestExpAndTransportODE(t *testing.T) {
	rng := rand.New(rand.NewPCG(201, 202))
	var wExp, wPT, wRot worst
	for _, sh := range [][2]int{{3, 1}, {3, 2}, {5, 2}, {8, 3}} {
		n, p := sh[0], sh[1]
		np := n * p
		g := grassmann.New(n, p)
		for _, norm := range []float64{1e-3, 0.1, 0.7, 1.5} {
			for trial := 0; trial < 2; trial++ {
				x, d, xi := make([]float64, np), make([]float64, np), make([]float64, np)
				g.RandomPoint(x, rng)
				g.RandomTangent(d, x, rng)
				g.RandomTangent(xi, x, rng)
				s := norm / testutil.Frob(d)
				for i := range d {
					d[i] *= s
				}
				st := make(odeState, 3*np)
				copy(st, x)
				copy(st[np:], d)
				copy(st[2*np:], xi)
				integrate(st, n, p, 4000)
				at := fmt.Sprintf("Gr(%d,%d) ‖Δ‖=%g", n, p, norm)

				q := make([]float64, np)
				g.Exp(q, x, d)
				wExp.see(testutil.DiffNorm(q, st[:np]), at)

				pt := make([]float64, np)
				g.ParallelTransport(pt, x, q, xi)
				wPT.see(testutil.DiffNorm(pt, st[2*np:])/testutil.Frob(xi), at)

				// Another representative q·O: the lift must be (ODE lift)·O.
				o := testutil.Haar(rng, p, false)
				qo := testutil.MatMul(q, o, n, p, p)
				g.ParallelTransport(pt, x, qo, xi)
				wRot.see(testutil.DiffNorm(pt, testutil.MatMul(st[2*np:], o, n, p, p))/testutil.Frob(xi), at)
			}
		}
	}
	t.Logf("Exp vs RK4: worst ‖error‖_F %.3g (%s)", wExp.err, wExp.at)
	t.Logf("ParallelTransport vs RK4: worst relative error %.3g (%s)", wPT.err, wPT.at)
	t.Logf("ParallelTransport to q·O: worst relative error %.3g (%s)", wRot.err, wRot.at)
	for _, c := range []struct {
		name string
		w    worst
	}{{"Exp", wExp}, {"ParallelTransport", wPT}, {"ParallelTransport to q·O", wRot}} {
		if !(c.w.err <= 1e-12) {
			t.Errorf("%s: error %.3g > 1e-12 at %s", c.name, c.w.err, c.w.at)
		}
	}
}

// TestExpOrthonormality checks that Exp keeps ‖ZᵀZ − I‖_F at a few ε·√p for
// random and rank-one Δ with ‖Δ‖ from 1e-300 to 1e300, and that 10000 chained Exp steps do not let the
// orthonormality defect grow (the Newton–Schulz step of Exp).
func TestExpOrthonormality(t *testing.T) {
	rng := rand.New(rand.NewPCG(203, 204))
	const eps = 0x1p-52
	for _, sh := range [][2]int{{3, 1}, {3, 2}, {50, 5}, {200, 10}} {
		n, p := sh[0], sh[1]
		np := n * p
		g := grassmann.New(n, p)
		y, v, z := make([]float64, np), make([]float64, np), make([]float64, np)
		var worstDefect float64
		for e := -300.0; e <= 300; e += 25 {
			g.RandomPoint(y, rng)
			g.RandomTangent(v, y, rng)
			s := math.Pow(10, e) / testutil.Frob(v)
			for i := range v {
				v[i] *= s
			}
			g.Exp(z, y, v)
			worstDefect = max(worstDefect, orthDefect(z, n, p))
			// A rank-one Δ, whose other singular values are rounding noise.
			tangentOfKind(g, v, y, "rank1", rng)
			s = math.Pow(10, e) / testutil.Frob(v)
			for i := range v {
				v[i] *= s
			}
			g.Exp(z, y, v)
			worstDefect = max(worstDefect, orthDefect(z, n, p))
		}
		if lim := 8 * eps * math.Sqrt(float64(p)); !(worstDefect <= lim) {
			t.Errorf("Gr(%d,%d): ‖ZᵀZ − I‖_F = %.3g > %.3g for some ‖Δ‖ in [1e-300, 1e300]", n, p, worstDefect, lim)
		}
		// A long walk.
		g.RandomPoint(y, rng)
		var walk float64
		for k := 0; k < 10000; k++ {
			g.RandomTangent(v, y, rng)
			s := 0.3 / testutil.Frob(v)
			for i := range v {
				v[i] *= s
			}
			g.Exp(y, y, v)
			walk = max(walk, orthDefect(y, n, p))
			if n > 50 && k >= 1000 {
				break
			}
		}
		if lim := 8 * eps * math.Sqrt(float64(p)); !(walk <= lim) {
			t.Errorf("Gr(%d,%d): ‖YᵀY − I‖_F grew to %.3g > %.3g along a walk of Exp steps", n, p, walk, lim)
		}
		t.Logf("Gr(%d,%d): worst ‖ZᵀZ − I‖_F %.3g over ‖Δ‖ ∈ [1e-300, 1e300], %.3g along the walk", n, p, worstDefect, walk)
	}
}

// orthDefect returns ‖ZᵀZ − I‖_F (plain loops).
func orthDefect(z []float64, n, p int) float64 {
	var s float64
	for i := 0; i < p; i++ {
		for j := 0; j < p; j++ {
			var d float64
			for l := 0; l < n; l++ {
				d += z[l*p+i] * z[l*p+j]
			}
			if i == j {
				d--
			}
			s += d * d
		}
	}
	return math.Sqrt(s)
}
