package linalg_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// TestDetSign compares DetSign with the sign of gonum's mat.Det (an
// independent LU) on random matrices, checks permutation matrices against
// the parity of their inversions, Haar rotations and reflections, exact
// singular matrices, diagonal scalings that would overflow a product, and
// k = 0.
func TestDetSign(t *testing.T) {
	rng := newRand()
	for _, k := range []int{1, 2, 3, 4, 6, 9} {
		w := make([]float64, k*k)
		for range 50 {
			a := randMat(rng, k, k)
			want := math.Copysign(1, mat.Det(dense(k, k, a)))
			if got := linalg.DetSign(a, w, k); got != want {
				t.Errorf("k=%d: DetSign = %v, sign of mat.Det = %v", k, got, want)
			}
		}
		for _, special := range []bool{true, false} {
			q := haar(rng, k, special)
			want := math.Copysign(1, mat.Det(dense(k, k, q)))
			if special && want != 1 {
				t.Fatalf("haar(special) has det %v", want)
			}
			if got := linalg.DetSign(q, w, k); got != want {
				t.Errorf("k=%d orthogonal: DetSign = %v, want %v", k, got, want)
			}
		}
		// A permutation matrix: the sign is (−1)^(number of inversions).
		perm := rng.Perm(k)
		pm := make([]float64, k*k)
		inv := 0
		for i := range k {
			pm[i*k+perm[i]] = 1
			for j := i + 1; j < k; j++ {
				if perm[i] > perm[j] {
					inv++
				}
			}
		}
		want := 1.0
		if inv%2 == 1 {
			want = -1
		}
		if got := linalg.DetSign(pm, w, k); got != want {
			t.Errorf("k=%d permutation %v: DetSign = %v, want %v", k, perm, got, want)
		}
		// A zero column is singular.
		a := randMat(rng, k, k)
		for i := range k {
			a[i*k+k/2] = 0
		}
		if got := linalg.DetSign(a, w, k); got != 0 {
			t.Errorf("k=%d zero column: DetSign = %v, want 0", k, got)
		}
		// diag(−1e300, 1e300, …) overflows as a product but not as a sign.
		d := make([]float64, k*k)
		for i := range k {
			d[i*k+i] = 1e300
		}
		d[0] = -1e300
		if got := linalg.DetSign(d, w, k); got != -1 {
			t.Errorf("k=%d huge diagonal: DetSign = %v, want −1", k, got)
		}
	}
	// Rows 1 and 2 equal: the elimination produces an exact zero pivot.
	if got := linalg.DetSign([]float64{1, 2, 3, 1, 2, 3, 0, 1, 5}, make([]float64, 9), 3); got != 0 {
		t.Errorf("repeated row: DetSign = %v, want 0", got)
	}
	if got := linalg.DetSign(nil, nil, 0); got != 1 {
		t.Errorf("k=0: DetSign = %v, want 1", got)
	}
	// w may alias a.
	a := []float64{0, 1, 1, 0}
	if got := linalg.DetSign(a, a, 2); got != -1 {
		t.Errorf("aliased swap: DetSign = %v, want −1", got)
	}
	mustPanic(t, "DetSign wrong workspace", func() { linalg.DetSign(make([]float64, 4), make([]float64, 3), 2) })
	mustPanic(t, "DetSign negative k", func() { linalg.DetSign(nil, nil, -1) })
	if testing.CoverMode() == "" && !raceEnabled {
		m, w := randMat(rng, 5, 5), make([]float64, 25)
		if n := testing.AllocsPerRun(20, func() { linalg.DetSign(m, w, 5) }); n != 0 {
			t.Errorf("DetSign allocates %v times", n)
		}
	}
}
