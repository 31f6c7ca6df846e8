package linalg_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// rotationBlocks returns P·diag(R(θ₁), R(θ₂), …, 1…)·Pᵀ for a p×p orthogonal
// P and its logarithm P·diag(J(θ₁), …, 0…)·Pᵀ, J(θ) = [[0, −θ], [θ, 0]]:
// a rotation with known angles, derived by hand.
func rotationBlocks(p int, angles []float64, pm []float64) (q, l []float64) {
	d := eye(p)
	g := make([]float64, p*p)
	for k, th := range angles {
		i := 2 * k
		s, c := math.Sincos(th)
		d[i*p+i], d[i*p+i+1], d[(i+1)*p+i], d[(i+1)*p+i+1] = c, -s, s, c
		g[i*p+i+1], g[(i+1)*p+i] = -th, th
	}
	pt := transpose(pm, p, p)
	return mul(mul(pm, d, p, p, p), pt, p, p, p), mul(mul(pm, g, p, p, p), pt, p, p, p)
}

func TestExpSkew(t *testing.T) {
	rng := newRand()
	wOrth := newWorst(t, "ExpSkew ‖QᵀQ − I‖")
	wRef := newWorst(t, "ExpSkew vs mat.Dense.Exp (relative)")
	wExpmOrth := newWorst(t, "for comparison, Expm ‖QᵀQ − I‖")
	for _, p := range []int{1, 2, 3, 4, 7, 10, 30} {
		for _, scale := range []float64{1e-8, 0.5, 3, 30, 1e3} {
			a := randSkew(rng, p, scale)
			if p == 1 {
				a = []float64{0}
			}
			q := make([]float64, p*p)
			linalg.ExpSkew(q, a, p)
			if e := wOrth.see(orthErr(q, p, p)); e > 1e-14*float64(p) {
				t.Errorf("p=%d ‖A‖=%g: orthogonality %g", p, scale, e)
			}
			if p > 1 && mat.Det(dense(p, p, q)) < 0 {
				t.Errorf("p=%d: det < 0", p)
			}
			var ref mat.Dense
			ref.Exp(dense(p, p, a))
			if e := wRef.see(relErr(q, flat(&ref))); e > 1e-14*max(1, scale) {
				t.Errorf("p=%d ‖A‖=%g: vs mat.Exp %g", p, scale, e)
			}
			ex := make([]float64, p*p)
			linalg.Expm(ex, a, p)
			wExpmOrth.see(orthErr(ex, p, p))
			// Aliasing.
			x := append([]float64(nil), a...)
			linalg.ExpSkew(x, x, p)
			for i := range x {
				if math.Float64bits(x[i]) != math.Float64bits(q[i]) {
					t.Fatalf("p=%d: aliased ExpSkew differs", p)
				}
			}
		}
	}
	// Clustered spectrum: equal and nearly equal rotation angles in a random
	// basis, where the individual rotation planes are ill determined.
	for _, p := range []int{5, 8} {
		pm := haar(rng, p, false)
		q, l := rotationBlocks(p, []float64{0.7, 0.7, 0.7 + 1e-12, -2}[:p/2], pm)
		got := make([]float64, p*p)
		linalg.ExpSkew(got, l, p)
		if e := wRef.see(relErr(got, q)); e > 1e-14 {
			t.Errorf("p=%d clustered: vs hand-derived rotation %g", p, e)
		}
		if e := wOrth.see(orthErr(got, p, p)); e > 1e-14*float64(p) {
			t.Errorf("p=%d clustered: orthogonality %g", p, e)
		}
	}
	// Small arguments: the off-diagonal entries of exp(A) − I ≈ A + A²/2
	// keep their relative accuracy (compared with the Taylor series, whose
	// terms are computed without cancellation at this size).
	wSmall := newWorst(t, "ExpSkew small ‖A‖: off-diagonal error / ‖A‖")
	for _, p := range []int{3, 6, 12} {
		for _, scale := range []float64{1e-12, 1e-8, 1e-4} {
			a := randSkew(rng, p, scale)
			q := make([]float64, p*p)
			linalg.ExpSkew(q, a, p)
			ref := taylorExp(a, p)
			var e float64
			for i := range p {
				for j := range p {
					if i != j {
						e = math.Hypot(e, q[i*p+j]-ref[i*p+j])
					}
				}
			}
			if e := wSmall.see(e / scale); e > 1e-14 {
				t.Errorf("p=%d ‖A‖=%g: off-diagonal error relative to ‖A‖: %g", p, scale, e)
			}
		}
	}
	// Hand-derived 2×2: exp(θJ) = R(θ); only the skew part of the input is used.
	got := make([]float64, 4)
	linalg.ExpSkew(got, []float64{5, -0.4, 0.2, 7}, 2) // skew part: θ = 0.3
	s, c := math.Sincos(0.3)
	if e := frob(sub(got, []float64{c, -s, s, c})); e > 1e-16 {
		t.Errorf("2×2: %v", got)
	}
	linalg.ExpSkew(got, []float64{0, nan(), 1, 0}, 2)
	if !hasNaNOnly(got) {
		t.Error("NaN input did not give NaN output")
	}
}
