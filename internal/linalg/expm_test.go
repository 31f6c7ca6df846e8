package linalg_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// taylorExp computes exp(A) by scaling A to 1-norm ≤ 1/2, summing the
// Taylor series to 30 terms (truncation below 2⁻³⁰/30! ≪ ε) and squaring
// back: an independent route for matrices of moderate norm.
func taylorExp(a []float64, n int) []float64 {
	var nrm float64
	for j := range n {
		var s float64
		for i := range n {
			s += math.Abs(a[i*n+j])
		}
		nrm = max(nrm, s)
	}
	sq := 0
	for nrm > 0.5 {
		nrm /= 2
		sq++
	}
	x := make([]float64, n*n)
	for i := range a {
		x[i] = math.Ldexp(a[i], -sq)
	}
	sum := eye(n)
	term := eye(n)
	for k := 1; k <= 30; k++ {
		term = mul(term, x, n, n, n)
		for i := range term {
			term[i] /= float64(k)
			sum[i] += term[i]
		}
	}
	for range sq {
		sum = mul(sum, sum, n, n, n)
	}
	return sum
}

func TestExpm(t *testing.T) {
	rng := newRand()
	wRef := newWorst(t, "Expm vs mat.Dense.Exp (relative)")
	wTay := newWorst(t, "Expm vs scaled Taylor series (relative)")
	for _, n := range []int{1, 2, 3, 4, 10, 30} {
		// 1-norms chosen to exercise every Padé degree (3, 5, 7, 9, 13) and
		// the squaring phase.
		for _, target := range []float64{1e-3, 0.1, 0.5, 1.5, 4, 20} {
			a := randMat(rng, n, n)
			var nrm float64
			for j := range n {
				var s float64
				for i := range n {
					s += math.Abs(a[i*n+j])
				}
				nrm = max(nrm, s)
			}
			for i := range a {
				a[i] *= target / nrm
			}
			got := make([]float64, n*n)
			linalg.Expm(got, a, n)
			var ref mat.Dense
			ref.Exp(dense(n, n, a))
			tol := 1e-14 * max(1, target)
			if e := wRef.see(relErr(got, flat(&ref))); e > tol {
				t.Errorf("n=%d ‖A‖₁=%g: vs mat.Exp %g", n, target, e)
			}
			if target <= 4 {
				if e := wTay.see(relErr(got, taylorExp(a, n))); e > tol {
					t.Errorf("n=%d ‖A‖₁=%g: vs Taylor %g", n, target, e)
				}
			}
			// Aliasing.
			x := append([]float64(nil), a...)
			linalg.Expm(x, x, n)
			for i := range x {
				if math.Float64bits(x[i]) != math.Float64bits(got[i]) {
					t.Fatalf("n=%d: aliased Expm differs", n)
				}
			}
		}
	}
}

func TestExpmHandDerived(t *testing.T) {
	w := newWorst(t, "Expm hand-derived cases (absolute)")
	// exp of the rotation generator θ·[[0, −1], [1, 0]] is the rotation
	// [[cos θ, −sin θ], [sin θ, cos θ]] (the series splits into the cos and
	// sin series since J² = −I).
	for _, th := range []float64{1e-9, 0.3, 1, 3, 10, 100} {
		got := make([]float64, 4)
		linalg.Expm(got, []float64{0, -th, th, 0}, 2)
		s, c := math.Sincos(th)
		want := []float64{c, -s, s, c}
		if e := w.see(frob(sub(got, want))); e > 1e-15*max(1, th) {
			t.Errorf("θ=%g: exp(θJ) = %v, want %v (err %g)", th, got, want, e)
		}
	}
	// Nilpotent: exp([[0, a], [0, 0]]) = [[1, a], [0, 1]] exactly.
	got := make([]float64, 4)
	linalg.Expm(got, []float64{0, 2.5, 0, 0}, 2)
	if e := w.see(frob(sub(got, []float64{1, 2.5, 0, 1}))); e > 1e-15 {
		t.Errorf("nilpotent: %v", got)
	}
	// Diagonal: exp(diag(d)) = diag(eᵈ).
	d := []float64{-30, -1, 0, 2, 12}
	a := make([]float64, 25)
	for i, v := range d {
		a[i*5+i] = v
	}
	got = make([]float64, 25)
	linalg.Expm(got, a, 5)
	for i := range 5 {
		for j := range 5 {
			want := 0.0
			if i == j {
				want = math.Exp(d[i])
			}
			if e := w.see(math.Abs(got[i*5+j]-want) / max(want, 1)); e > 1e-13 {
				t.Errorf("diag: [%d][%d] = %g, want %g", i, j, got[i*5+j], want)
			}
		}
	}
	linalg.Expm(got[:4], []float64{1, math.Inf(-1), 0, 1}, 2)
	if !hasNaNOnly(got[:4]) {
		t.Error("Inf input did not give NaN output")
	}
}
