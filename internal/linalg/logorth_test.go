package linalg_test

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

func TestLogOrthRoundTrip(t *testing.T) {
	rng := newRand()
	wRound := newWorst(t, "‖ExpSkew(LogOrth(Q)) − Q‖")
	wRef := newWorst(t, "‖exp(LogOrth(Q)) − Q‖ with mat.Dense.Exp")
	for _, p := range []int{1, 2, 3, 4, 5, 10, 30} {
		for range 5 {
			q := haar(rng, p, true) // Haar on SO(p)
			l := make([]float64, p*p)
			if err := linalg.LogOrth(l, q, p); err != nil {
				t.Fatalf("p=%d: %v", p, err)
			}
			if !isExactlySkew(l, p) {
				t.Errorf("p=%d: log not exactly skew", p)
			}
			back := make([]float64, p*p)
			linalg.ExpSkew(back, l, p)
			if e := wRound.see(frob(sub(back, q))); e > 1e-13 {
				t.Errorf("p=%d: ExpSkew(LogOrth(Q)) − Q = %g", p, e)
			}
			var ref mat.Dense
			ref.Exp(dense(p, p, l))
			if e := wRef.see(frob(sub(flat(&ref), q))); e > 1e-13 {
				t.Errorf("p=%d: mat.Exp(LogOrth(Q)) − Q = %g", p, e)
			}
			// Principal: every rotation angle (eigenvalue ±iθ of L) has |θ| < π.
			var ge mat.Eigen
			ge.Factorize(dense(p, p, l), mat.EigenNone)
			for _, v := range ge.Values(nil) {
				if math.Abs(imag(v)) >= math.Pi {
					t.Errorf("p=%d: eigenvalue %v of the log has |θ| ≥ π", p, v)
				}
			}
			// Aliasing.
			x := append([]float64(nil), q...)
			if err := linalg.LogOrth(x, x, p); err != nil {
				t.Fatal(err)
			}
			for i := range x {
				if math.Float64bits(x[i]) != math.Float64bits(l[i]) {
					t.Fatalf("p=%d: aliased LogOrth differs", p)
				}
			}
		}
	}
}

func TestLogOrthHandDerived(t *testing.T) {
	rng := newRand()
	wHand := newWorst(t, "LogOrth vs hand-derived log (absolute)")
	// Identity: log I = 0 exactly.
	for _, p := range []int{1, 2, 3, 6} {
		l := make([]float64, p*p)
		for i := range l {
			l[i] = 1
		}
		if err := linalg.LogOrth(l, eye(p), p); err != nil {
			t.Fatal(err)
		}
		for _, v := range l {
			if v != 0 {
				t.Fatalf("p=%d: LogOrth(I) = %v, not exactly 0", p, l)
			}
		}
	}
	// Block-diagonal rotations with known angles, in a random basis,
	// including angles near π (the test of π − 1e-6 checks accuracy where
	// the logarithm is ill conditioned) and near 0.
	for _, angles := range [][]float64{
		{0.3, -1.2},
		{math.Pi - 1e-6, 0.5},
		{-(math.Pi - 1e-6), 1e-9},
		{math.Pi - 1e-3, math.Pi - 1e-3 + 1e-10, 2.9},
		{1e-14},
	} {
		for _, p := range []int{2 * len(angles), 2*len(angles) + 1} {
			pm := haar(rng, p, false)
			q, want := rotationBlocks(p, angles, pm)
			l := make([]float64, p*p)
			if err := linalg.LogOrth(l, q, p); err != nil {
				t.Fatalf("angles %v p=%d: %v", angles, p, err)
			}
			// The rotation is formed with error ~ε, and the condition number
			// of log at Q is θ/sin θ ≈ π/(π − |θ|) near π (the divided
			// difference of log between e^{iθ} and e^{−iθ}).
			tol := 1e-13
			for _, a := range angles {
				tol = max(tol, 4e-15*math.Pi/(math.Pi-math.Abs(a)))
			}
			t.Logf("angles %v p=%d: error %.3g", angles, p, frob(sub(l, want)))
			if e := wHand.see(frob(sub(l, want))); e > tol {
				t.Errorf("angles %v p=%d: error %g (tol %g)", angles, p, e, tol)
			}
		}
	}
	// The 2×2 closed form: log R(θ) = θJ.
	s, c := math.Sincos(2.5)
	l := make([]float64, 4)
	if err := linalg.LogOrth(l, []float64{c, -s, s, c}, 2); err != nil {
		t.Fatal(err)
	}
	if e := wHand.see(frob(sub(l, []float64{0, -2.5, 2.5, 0}))); e > 1e-15 {
		t.Errorf("2×2: %v", l)
	}
}

func TestLogOrthCutLocus(t *testing.T) {
	rng := newRand()
	for _, p := range []int{1, 2, 3, 4, 7} {
		pm := haar(rng, p, false)
		cases := map[string][]float64{}
		// A reflection (det = −1): eigenvalue −1, no real logarithm.
		refl := eye(p)
		refl[(p-1)*p+p-1] = -1
		cases["reflection"] = mul(mul(pm, refl, p, p, p), transpose(pm, p, p), p, p, p)
		if p >= 2 {
			// Rotation by exactly π in a plane, and by π − 1e-16.
			q, _ := rotationBlocks(p, []float64{math.Pi}, pm)
			cases["rotation by π"] = q
			q, _ = rotationBlocks(p, []float64{math.Pi - 1e-16}, pm)
			cases["rotation by π − 1e-16"] = q
		}
		if p >= 4 {
			// −I on a 2-plane written as two 1×1 blocks: diag(−1, −1, 1, …).
			d := eye(p)
			d[0], d[p+1] = -1, -1
			cases["diag(−1, −1, 1, …)"] = mul(mul(pm, d, p, p, p), transpose(pm, p, p), p, p, p)
		}
		for name, q := range cases {
			l := make([]float64, p*p)
			err := linalg.LogOrth(l, q, p)
			if !errors.Is(err, manifold.ErrCutLocus) {
				t.Errorf("p=%d %s: err = %v, want ErrCutLocus", p, name, err)
			}
		}
	}
	l := make([]float64, 9)
	q := eye(3)
	q[4] = nan()
	if err := linalg.LogOrth(l, q, 3); err != nil || !hasNaNOnly(l) {
		t.Errorf("NaN input: err %v, %v", err, l)
	}
}
