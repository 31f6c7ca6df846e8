package linalg_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

func TestSVD(t *testing.T) {
	rng := newRand()
	wRec := newWorst(t, "SVD ‖UΣVᵀ − A‖/‖A‖")
	wOrth := newWorst(t, "SVD orthogonality")
	wSig := newWorst(t, "SVD singular values vs mat.SVD (relative to σ₁)")
	shapes := append(append([][2]int(nil), tallShapes...), [2]int{2, 3}, [2]int{5, 12})
	for _, sh := range shapes {
		n, p := sh[0], sh[1]
		k := min(n, p)
		a := randMat(rng, n, p)
		u := make([]float64, n*k)
		s := make([]float64, k)
		vt := make([]float64, k*p)
		if err := linalg.SVD(u, s, vt, a, n, p); err != nil {
			t.Fatal(err)
		}
		us := make([]float64, n*k)
		for i := range n {
			for j := range k {
				us[i*k+j] = u[i*k+j] * s[j]
			}
		}
		if e := wRec.see(relErr(mul(us, vt, n, k, p), a)); e > 1e-14 {
			t.Errorf("%v: reconstruction %g", sh, e)
		}
		wOrth.see(orthErr(u, n, k))
		wOrth.see(orthErr(transpose(vt, k, p), p, k))
		if e := max(orthErr(u, n, k), orthErr(transpose(vt, k, p), p, k)); e > 1e-13 {
			t.Errorf("%v: orthogonality %g", sh, e)
		}
		for i := 1; i < k; i++ {
			if s[i] > s[i-1] {
				t.Errorf("%v: singular values not descending: %v", sh, s)
			}
		}
		// Independent route: gonum's mat.SVD.
		var g mat.SVD
		if !g.Factorize(dense(n, p, a), mat.SVDNone) {
			t.Fatal("mat.SVD failed")
		}
		ref := g.Values(nil)
		for i := range k {
			if e := wSig.see(math.Abs(s[i]-ref[i]) / ref[0]); e > 1e-14 {
				t.Errorf("%v: σ%d = %g, mat.SVD %g", sh, i, s[i], ref[i])
			}
		}
		// Values only, and aliasing u = a when n ≤ p... (u is n×k = n×p only
		// when p ≤ n).
		s2 := make([]float64, k)
		if err := linalg.SVD(nil, s2, nil, a, n, p); err != nil {
			t.Fatal(err)
		}
		if e := relErr(s2, s); e > 1e-14 {
			t.Errorf("%v: values-only SVD differs by %g", sh, e)
		}
		if n >= p {
			x := append([]float64(nil), a...)
			if err := linalg.SVD(x, s2, vt, x, n, p); err != nil {
				t.Fatal(err)
			}
			for i := range x {
				if math.Float64bits(x[i]) != math.Float64bits(u[i]) {
					t.Fatalf("%v: aliased SVD differs", sh)
				}
			}
		}
	}
	a := []float64{1, nan(), 3, 4}
	u, s, vt := make([]float64, 4), make([]float64, 2), make([]float64, 4)
	if err := linalg.SVD(u, s, vt, a, 2, 2); err != nil || !hasNaNOnly(u) || !hasNaNOnly(s) || !hasNaNOnly(vt) {
		t.Errorf("NaN input: err %v, u %v s %v vt %v", err, u, s, vt)
	}
	mustPanic(t, "SVD only u", func() { _ = linalg.SVD(u, s, nil, a, 2, 2) })
	mustPanic(t, "SVD s length", func() { _ = linalg.SVD(u, s[:1], vt, a, 2, 2) })
}
