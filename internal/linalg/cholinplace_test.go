package linalg_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// TestCholeskyInPlace compares CholeskyInPlace with gonum's mat.Cholesky (an
// independent route) on SPD matrices with condition numbers up to 1e8,
// checks that the strict upper triangle is untouched, that indefinite,
// semidefinite and NaN inputs are rejected, and that it allocates nothing.
func TestCholeskyInPlace(t *testing.T) {
	rng := newRand()
	w := newWorst(t, "CholeskyInPlace vs mat.Cholesky (relative, /cond)")
	for _, n := range []int{1, 2, 3, 5, 8} {
		for _, cond := range []float64{1, 1e4, 1e8} {
			a := randSPD(rng, n, 1/cond, 1)
			l := append([]float64(nil), a...)
			for i := range n {
				for j := i + 1; j < n; j++ {
					l[i*n+j] = 42 // the strict upper triangle must be neither read nor written
				}
			}
			if !linalg.CholeskyInPlace(l, n) {
				t.Fatalf("n=%d cond=%g: rejected an SPD matrix", n, cond)
			}
			var ch mat.Cholesky
			if !ch.Factorize(mat.NewSymDense(n, append([]float64(nil), a...))) {
				t.Fatal("mat.Cholesky failed")
			}
			var lref mat.TriDense
			ch.LTo(&lref)
			want := flat(&lref)
			got := make([]float64, n*n)
			for i := range n {
				for j := range n {
					if j > i {
						if l[i*n+j] != 42 {
							t.Fatalf("n=%d: upper entry (%d,%d) written", n, i, j)
						}
						continue
					}
					got[i*n+j] = l[i*n+j]
				}
			}
			if e := relErr(got, want); !(w.see(e/math.Sqrt(cond)) <= 1e-14) {
				t.Errorf("n=%d cond=%g: ‖L − L_ref‖/‖L_ref‖ = %.3g", n, cond, e)
			}
			if e := relErr(mul(got, transpose(got, n, n), n, n, n), a); !(e <= 1e-14*float64(n)) {
				t.Errorf("n=%d cond=%g: ‖LLᵀ − A‖/‖A‖ = %.3g", n, cond, e)
			}
		}
	}
	for name, a := range map[string][]float64{
		"indefinite":   {1, 2, 2, 1},
		"semidefinite": {1, 1, 1, 1},
		"negative":     {-1, 0, 0, 1},
		"NaN":          {math.NaN(), 0, 0, 1},
	} {
		if linalg.CholeskyInPlace(a, 2) {
			t.Errorf("%s: accepted", name)
		}
	}
	if !linalg.CholeskyInPlace(nil, 0) {
		t.Error("n = 0 rejected")
	}
	mustPanic(t, "CholeskyInPlace wrong length", func() { linalg.CholeskyInPlace(make([]float64, 3), 2) })
	if testing.CoverMode() == "" && !raceEnabled {
		a := randSPD(rng, 5, 0.5, 2)
		l := make([]float64, 25)
		if n := testing.AllocsPerRun(20, func() { copy(l, a); linalg.CholeskyInPlace(l, 5) }); n != 0 {
			t.Errorf("CholeskyInPlace allocates %v times", n)
		}
	}
}
