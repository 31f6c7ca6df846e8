package linalg_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

func TestSymExpVsExpm(t *testing.T) {
	rng := newRand()
	w := newWorst(t, "SymExp vs mat.Dense.Exp (relative)")
	for _, n := range squareSizes {
		for _, scale := range []float64{1e-3, 0.5, 3} {
			a := randSym(rng, n)
			for i := range a {
				a[i] *= scale
			}
			got := make([]float64, n*n)
			if err := linalg.SymExp(got, a, n); err != nil {
				t.Fatal(err)
			}
			if !isExactlySymmetric(got, n) {
				t.Errorf("n=%d: SymExp not exactly symmetric", n)
			}
			var ref mat.Dense
			ref.Exp(dense(n, n, a)) // an independent general expm
			if e := w.see(relErr(got, flat(&ref))); e > 1e-13 {
				t.Errorf("n=%d scale=%g: SymExp vs Exp %g", n, scale, e)
			}
		}
	}
}

func TestSymFunctions(t *testing.T) {
	rng := newRand()
	wLog := newWorst(t, "‖SymLog(SymExp(A)) − A‖/‖A‖")
	wSqrt := newWorst(t, "‖SymSqrt(A)² − A‖/‖A‖")
	wInv := newWorst(t, "‖SymInvSqrt(A)·SymSqrt(A) − I‖")
	wPow := newWorst(t, "‖SymPow(A, 2) − A·A‖/‖A·A‖")
	wRef := newWorst(t, "SymLog/SymPow vs mat.EigenSym route (relative)")
	for _, n := range squareSizes {
		// Scale so that exp(A) is well conditioned (spectrum in about ±2).
		a := randSym(rng, n)
		for i := range a {
			a[i] /= math.Sqrt(float64(n))
		}
		e := make([]float64, n*n)
		l := make([]float64, n*n)
		if err := linalg.SymExp(e, a, n); err != nil {
			t.Fatal(err)
		}
		if err := linalg.SymLog(l, e, n); err != nil {
			t.Fatal(err)
		}
		if err := wLog.see(relErr(l, a)); err > 1e-13 {
			t.Errorf("n=%d: log(exp(A)) − A: %g", n, err)
		}
		p := randSPD(rng, n, 0.1, 10)
		s := make([]float64, n*n)
		is := make([]float64, n*n)
		pw := make([]float64, n*n)
		if err := linalg.SymSqrt(s, p, n); err != nil {
			t.Fatal(err)
		}
		if err := linalg.SymInvSqrt(is, p, n); err != nil {
			t.Fatal(err)
		}
		if err := linalg.SymPow(pw, p, n, 2); err != nil {
			t.Fatal(err)
		}
		if err := wSqrt.see(relErr(mul(s, s, n, n, n), p)); err > 1e-14 {
			t.Errorf("n=%d: sqrt² − A: %g", n, err)
		}
		if err := wInv.see(frob(sub(mul(is, s, n, n, n), eye(n)))); err > 1e-13 {
			t.Errorf("n=%d: invsqrt·sqrt − I: %g", n, err)
		}
		if err := wPow.see(relErr(pw, mul(p, p, n, n, n))); err > 1e-14 {
			t.Errorf("n=%d: pow(A,2) − A·A: %g", n, err)
		}
		for name, m := range map[string][]float64{"exp": e, "log": l, "sqrt": s, "invsqrt": is, "pow": pw} {
			if !isExactlySymmetric(m, n) {
				t.Errorf("n=%d: %s not exactly symmetric", n, name)
			}
		}
		lp := make([]float64, n*n)
		if err := linalg.SymLog(lp, p, n); err != nil {
			t.Fatal(err)
		}
		if err := wRef.see(relErr(lp, refSymFunc(p, n, math.Log))); err > 1e-13 {
			t.Errorf("n=%d: SymLog vs reference %g", n, err)
		}
		if err := linalg.SymPow(pw, p, n, -0.3); err != nil {
			t.Fatal(err)
		}
		ref := refSymFunc(p, n, func(x float64) float64 { return math.Pow(x, -0.3) })
		if err := wRef.see(relErr(pw, ref)); err > 1e-13 {
			t.Errorf("n=%d: SymPow(−0.3) vs reference %g", n, err)
		}
		// SymFuncEig reuses one decomposition for several functions.
		wv := make([]float64, n)
		z := make([]float64, n*n)
		if err := linalg.EigSym(wv, z, p, n); err != nil {
			t.Fatal(err)
		}
		s2 := make([]float64, n*n)
		linalg.SymFuncEig(s2, wv, z, n, math.Sqrt)
		for i := range s2 {
			if math.Float64bits(s2[i]) != math.Float64bits(s[i]) {
				t.Fatalf("n=%d: SymFuncEig(sqrt) ≠ SymSqrt", n)
			}
		}
		// Aliasing dst = a.
		x := append([]float64(nil), p...)
		if err := linalg.SymSqrt(x, x, n); err != nil {
			t.Fatal(err)
		}
		for i := range x {
			if math.Float64bits(x[i]) != math.Float64bits(s[i]) {
				t.Fatalf("n=%d: aliased SymSqrt differs", n)
			}
		}
	}
}

func TestSymFuncSpecial(t *testing.T) {
	// Hand-derived: A = [[2, 1], [1, 2]] = U·diag(1, 3)·Uᵀ with eigenvectors
	// (1, ∓1)/√2, so f(A) = [[f(1)+f(3), f(3)−f(1)], [f(3)−f(1), f(1)+f(3)]]/2.
	a := []float64{2, 1, 1, 2}
	got := make([]float64, 4)
	if err := linalg.SymLog(got, a, 2); err != nil {
		t.Fatal(err)
	}
	l3 := math.Log(3)
	want := []float64{l3 / 2, l3 / 2, l3 / 2, l3 / 2}
	if e := relErr(got, want); e > 1e-15 {
		t.Errorf("SymLog([[2,1],[1,2]]) = %v, want %v", got, want)
	}
	// SymSqrt clamps rounding-level negative eigenvalues: a singular PSD
	// matrix perturbed to be slightly indefinite has no NaN square root.
	psd := []float64{1, 1, 1, 1 - 1e-17}
	if err := linalg.SymSqrt(got, psd, 2); err != nil {
		t.Fatal(err)
	}
	for _, v := range got {
		if math.IsNaN(v) {
			t.Fatalf("SymSqrt of near-singular PSD gave NaN: %v", got)
		}
	}
	if e := relErr(mul(got, got, 2, 2, 2), psd); e > 1e-15 {
		t.Errorf("SymSqrt of singular PSD: %g", e)
	}
	if err := linalg.SymExp(got, []float64{nan(), 0, 0, 1}, 2); err != nil || !hasNaNOnly(got) {
		t.Error("NaN input did not give NaN output")
	}
}
