package linalg_test

import (
	"math"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/internal/testutil"
)

// centralDiff returns the Richardson-extrapolated central difference
// (4·D(h/2) − D(h))/3 of t ↦ f(A + tE) at 0, where D(h) = (f(A+hE) −
// f(A−hE))/(2h); its truncation error is O(h⁴). f is evaluated through
// gonum's mat.EigenSym (refSymFunc), independently of the code under test.
func centralDiff(a, e []float64, n int, f func(float64) float64, h float64) []float64 {
	d := func(h float64) []float64 {
		p := make([]float64, n*n)
		m := make([]float64, n*n)
		for i := range a {
			p[i] = a[i] + h*e[i]
			m[i] = a[i] - h*e[i]
		}
		fp, fm := refSymFunc(p, n, f), refSymFunc(m, n, f)
		out := make([]float64, n*n)
		for i := range out {
			out[i] = (fp[i] - fm[i]) / (2 * h)
		}
		return out
	}
	d1, d2 := d(h), d(h/2)
	out := make([]float64, n*n)
	for i := range out {
		out[i] = (4*d2[i] - d1[i]) / 3
	}
	return out
}

func TestSymFrechet(t *testing.T) {
	rng := newRand()
	wExp := newWorst(t, "Fréchet exp vs block-matrix exp (relative)")
	wFD := newWorst(t, "Fréchet log/sqrt/pow/invsqrt vs central difference (relative)")
	wSyl := newWorst(t, "Fréchet sqrt: ‖S·L + L·S − E‖/‖E‖")
	for _, n := range []int{1, 2, 3, 6, 12} {
		// Two spectra: generic, and clustered with a repeated and a nearly
		// repeated eigenvalue, which exercise the f'(λ) entries of the
		// Loewner matrix.
		clustered := make([]float64, n)
		for i := range clustered {
			clustered[i] = 1 + float64(i/2)*0.7 + float64(i%2)*1e-9*float64(i/3)
		}
		for _, a := range [][]float64{randSPD(rng, n, 0.2, 5), spdWithEigs(rng, clustered)} {
			e := randSym(rng, n)
			got := make([]float64, n*n)

			if err := linalg.SymFrechet(got, a, e, n, linalg.DivDiffExp); err != nil {
				t.Fatal(err)
			}
			if !isExactlySymmetric(got, n) {
				t.Errorf("n=%d: Fréchet exp not exactly symmetric", n)
			}
			if err := wExp.see(relErr(got, testutil.FrechetExp(a, e, n))); err > 1e-13 {
				t.Errorf("n=%d: Fréchet exp vs block exp: %g", n, err)
			}

			for _, tc := range []struct {
				name string
				dd   func(x, y float64) float64
				f    func(float64) float64
			}{
				{"log", linalg.DivDiffLog, math.Log},
				{"sqrt", linalg.DivDiffSqrt, math.Sqrt},
				{"invsqrt", linalg.DivDiffInvSqrt, func(x float64) float64 { return 1 / math.Sqrt(x) }},
				{"pow0.3", func(x, y float64) float64 { return linalg.DivDiffPow(x, y, 0.3) }, func(x float64) float64 { return math.Pow(x, 0.3) }},
				{"generic log", func(x, y float64) float64 {
					return linalg.DivDiff(math.Log, func(v float64) float64 { return 1 / v }, x, y)
				}, math.Log},
			} {
				if err := linalg.SymFrechet(got, a, e, n, tc.dd); err != nil {
					t.Fatal(err)
				}
				ref := centralDiff(a, e, n, tc.f, 2e-4)
				if err := wFD.see(relErr(got, ref)); err > 1e-10 {
					t.Errorf("n=%d %s: vs central difference %g", n, tc.name, err)
				}
			}

			// Identity: L = L_sqrt(A, E) solves S·L + L·S = E with S = √A.
			if err := linalg.SymFrechet(got, a, e, n, linalg.DivDiffSqrt); err != nil {
				t.Fatal(err)
			}
			s := refSymFunc(a, n, math.Sqrt)
			res := sub(addm(mul(s, got, n, n, n), mul(got, s, n, n, n)), e)
			if err := wSyl.see(frob(res) / frob(e)); err > 1e-13 {
				t.Errorf("n=%d: sqrt Fréchet Sylvester residual %g", n, err)
			}
		}
	}
	// Only sym(E) matters, and dst may alias e.
	n := 4
	a := randSPD(rng, n, 0.5, 2)
	e := randMat(rng, n, n)
	es := make([]float64, n*n)
	linalg.SymPart(es, e, n)
	want := make([]float64, n*n)
	if err := linalg.SymFrechet(want, a, es, n, linalg.DivDiffLog); err != nil {
		t.Fatal(err)
	}
	if err := linalg.SymFrechet(e, a, e, n, linalg.DivDiffLog); err != nil {
		t.Fatal(err)
	}
	for i := range e {
		if math.Float64bits(e[i]) != math.Float64bits(want[i]) {
			t.Fatal("SymFrechet of non-symmetric aliased E differs from sym(E)")
		}
	}
}

func addm(a, b []float64) []float64 {
	out := make([]float64, len(a))
	for i := range a {
		out[i] = a[i] + b[i]
	}
	return out
}
