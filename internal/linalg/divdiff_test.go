package linalg_test

import (
	"math"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// Reference divided differences f[x, x+h] for |h/x| ≤ 1e-2 from their Taylor
// series in h, summed to convergence, and the plain quotient when x and y
// are far apart (no cancellation then). Both are derived by hand:
//
//	exp[x, x+h]   = eˣ·(eʰ − 1)/h        = eˣ·Σₖ hᵏ/(k+1)!
//	log[x, x+h]   = log1p(h/x)/h         = (1/x)·Σₖ (−h/x)ᵏ/(k+1)
//	pow_t[x, x+h] = x^{t−1}·((1+h/x)ᵗ − 1)/(h/x) = x^{t−1}·Σₖ C(t, k+1)·(h/x)ᵏ

func seriesExp(x, h float64) float64 {
	var s, term float64 = 0, 1 // term = hᵏ/(k+1)!
	for k := 0; k < 30; k++ {
		s += term
		term *= h / float64(k+2)
	}
	return math.Exp(x) * s
}

func seriesLog(x, h float64) float64 {
	r := h / x
	var s, pow float64 = 0, 1
	for k := 0; k < 40; k++ {
		s += pow / float64(k+1)
		pow *= -r
	}
	return s / x
}

func seriesPow(x, h, t float64) float64 {
	r := h / x
	var s float64
	c := t // C(t, k+1)
	pow := 1.0
	for k := 0; k < 40; k++ {
		s += c * pow
		c *= (t - float64(k+1)) / float64(k+2)
		pow *= r
	}
	return math.Pow(x, t-1) * s
}

func TestDivDiff(t *testing.T) {
	w := newWorst(t, "divided differences (relative)")
	check := func(name string, got, want, tol float64) {
		t.Helper()
		if e := w.see(math.Abs(got-want) / math.Abs(want)); e > tol {
			t.Errorf("%s: got %.17g, want %.17g (rel %g)", name, got, want, e)
		}
	}
	for _, x := range []float64{1e-8, 0.3, 1, 7, 300} {
		for _, rel := range []float64{0, 1e-15, 1e-12, 1e-9, 1e-6, 1e-4, 1e-2, -1e-3} {
			h := rel * x
			check("log", linalg.DivDiffLog(x, x+h), seriesLog(x, h), 4e-16)
			check("log swapped", linalg.DivDiffLog(x+h, x), seriesLog(x, h), 4e-16)
			for _, tt := range []float64{-0.5, 0.5, 2, 0.01, -3} {
				check("pow", linalg.DivDiffPow(x, x+h, tt), seriesPow(x, h, tt), 2e-15)
			}
			check("invsqrt", linalg.DivDiffInvSqrt(x, x+h), seriesPow(x, h, -0.5), 2e-15)
			check("sqrt", linalg.DivDiffSqrt(x, x+h), seriesPow(x, h, 0.5), 1e-15)
			if x < 100 {
				ha := rel // absolute offsets for exp
				check("exp", linalg.DivDiffExp(x, x+ha), seriesExp(x, ha), 1e-15)
				check("exp swapped", linalg.DivDiffExp(x+ha, x), seriesExp(x, ha), 1e-15)
				check("generic exp", linalg.DivDiff(math.Exp, math.Exp, x, x+ha), seriesExp(x, ha), 1e-13)
				check("generic log", linalg.DivDiff(math.Log, func(v float64) float64 { return 1 / v }, x, x+h), seriesLog(x, h), 1e-13)
			}
		}
	}
	// Far apart: the plain quotient is accurate.
	for _, p := range [][2]float64{{0.1, 5}, {1e-5, 1e5}, {2, 700}, {-30, 40}} {
		x, y := p[0], p[1]
		if x > 0 {
			check("log far", linalg.DivDiffLog(x, y), (math.Log(y)-math.Log(x))/(y-x), 1e-15)
			check("pow far", linalg.DivDiffPow(x, y, 0.3), (math.Pow(y, 0.3)-math.Pow(x, 0.3))/(y-x), 1e-15)
		}
		if y < 700 {
			check("exp far", linalg.DivDiffExp(x, y), (math.Exp(y)-math.Exp(x))/(y-x), 1e-14)
		}
	}
	// exp[x, y] stays finite where eʸ/(y − x) is, although sinh(h) overflows.
	if v := linalg.DivDiffExp(-800, 709); math.IsInf(v, 0) || math.IsNaN(v) {
		t.Errorf("DivDiffExp(−800, 709) = %v", v)
	}
	if v := linalg.DivDiffLog(1, nan()); !math.IsNaN(v) {
		t.Errorf("DivDiffLog(1, NaN) = %v", v)
	}
	if v := linalg.DivDiffExp(nan(), 1); !math.IsNaN(v) {
		t.Errorf("DivDiffExp(NaN, 1) = %v", v)
	}
}
