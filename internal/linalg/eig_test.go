package linalg_test

import (
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

var squareSizes = []int{1, 2, 3, 4, 10, 50}

func TestEigSym(t *testing.T) {
	rng := newRand()
	wRes := newWorst(t, "EigSym ‖AZ − ZΛ‖/‖A‖")
	wOrth := newWorst(t, "EigSym ‖ZᵀZ − I‖")
	wVal := newWorst(t, "EigSym eigenvalues vs mat.Eigen (relative to ‖A‖)")
	for _, n := range squareSizes {
		a := randSym(rng, n)
		w := make([]float64, n)
		z := make([]float64, n*n)
		if err := linalg.EigSym(w, z, a, n); err != nil {
			t.Fatal(err)
		}
		zl := make([]float64, n*n)
		for i := range n {
			for j := range n {
				zl[i*n+j] = z[i*n+j] * w[j]
			}
		}
		if e := wRes.see(frob(sub(mul(a, z, n, n, n), zl)) / frob(a)); e > 1e-14 {
			t.Errorf("n=%d: residual %g", n, e)
		}
		if e := wOrth.see(orthErr(z, n, n)); e > 1e-13 {
			t.Errorf("n=%d: orthogonality %g", n, e)
		}
		if !slices.IsSorted(w) {
			t.Errorf("n=%d: eigenvalues not ascending", n)
		}
		// Independent route: the nonsymmetric eigensolver (Dgeev).
		var ge mat.Eigen
		if !ge.Factorize(dense(n, n, a), mat.EigenNone) {
			t.Fatal("mat.Eigen failed")
		}
		ref := make([]float64, n)
		for i, v := range ge.Values(nil) {
			ref[i] = real(v)
		}
		slices.Sort(ref)
		for i := range n {
			if e := wVal.see(math.Abs(w[i]-ref[i]) / frob(a)); e > 1e-14 {
				t.Errorf("n=%d: λ%d = %g, Dgeev %g", n, i, w[i], ref[i])
			}
		}
		// Only the symmetric part is used: adding a skew matrix changes nothing.
		b := append([]float64(nil), a...)
		for i := range n {
			for j := i + 1; j < n; j++ {
				b[i*n+j] += 0.25
				b[j*n+i] -= 0.25
			}
		}
		w2 := make([]float64, n)
		if err := linalg.EigSym(w2, b, b, n); err != nil { // z aliases a
			t.Fatal(err)
		}
		if relErr(w2, w) > 1e-14 {
			t.Errorf("n=%d: skew perturbation changed the eigenvalues", n)
		}
	}
	w, z := make([]float64, 2), make([]float64, 4)
	if err := linalg.EigSym(w, z, []float64{1, math.Inf(1), 0, 1}, 2); err != nil || !hasNaNOnly(w) || !hasNaNOnly(z) {
		t.Error("Inf input did not give NaN output")
	}
	mustPanic(t, "EigSym w overlaps z", func() {
		s := make([]float64, 6)
		_ = linalg.EigSym(s[:2], s[1:5], make([]float64, 4), 2)
	})
}
