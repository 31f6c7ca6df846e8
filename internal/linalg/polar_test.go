package linalg_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

func TestPolar(t *testing.T) {
	rng := newRand()
	wRef := newWorst(t, "Polar ‖U − U_ref‖ (mat.SVD)")
	wOrth := newWorst(t, "Polar ‖UᵀU − I‖")
	wRec := newWorst(t, "Polar ‖UH − A‖/‖A‖")
	for _, sh := range tallShapes {
		n, p := sh[0], sh[1]
		a := randMat(rng, n, p)
		u := make([]float64, n*p)
		h := make([]float64, p*p)
		if err := linalg.Polar(u, h, a, n, p); err != nil {
			t.Fatal(err)
		}
		// Independent route: W·Vᵀ from gonum's mat.SVD.
		var g mat.SVD
		if !g.Factorize(dense(n, p, a), mat.SVDThin) {
			t.Fatal("mat.SVD failed")
		}
		var gu, gv, ref mat.Dense
		g.UTo(&gu)
		g.VTo(&gv)
		ref.Mul(&gu, gv.T())
		if e := wRef.see(frob(sub(u, flat(&ref)))); e > 1e-12 {
			t.Errorf("%v: differs from mat.SVD polar factor by %g", sh, e)
		}
		if e := wOrth.see(orthErr(u, n, p)); e > 1e-13 {
			t.Errorf("%v: orthogonality %g", sh, e)
		}
		if e := wRec.see(relErr(mul(u, h, n, p, p), a)); e > 1e-13 {
			t.Errorf("%v: U·H ≠ A by %g", sh, e)
		}
		if !isExactlySymmetric(h, p) {
			t.Errorf("%v: H not exactly symmetric", sh)
		}
		// Nearness: UᵀA is symmetric positive semidefinite (Higham 2008,
		// Thm 8.4 characterises the polar factor this way).
		uta := mul(transpose(u, n, p), a, p, n, p)
		if e := frob(sub(uta, transpose(uta, p, p))) / frob(uta); e > 1e-13 {
			t.Errorf("%v: UᵀA not symmetric: %g", sh, e)
		}
		var es mat.EigenSym
		sym := make([]float64, p*p)
		linalg.SymPart(sym, uta, p)
		es.Factorize(mat.NewSymDense(p, sym), false)
		if ev := es.Values(nil); ev[0] < -1e-13*ev[p-1] {
			t.Errorf("%v: UᵀA not PSD, λ_min = %g", sh, ev[0])
		}
		// And U beats random nearby orthonormal matrices.
		d0 := frob(sub(a, u))
		for range 5 {
			pert := append([]float64(nil), u...)
			for i := range pert {
				pert[i] += 1e-3 * rng.NormFloat64()
			}
			other := make([]float64, n*p)
			linalg.QR(other, nil, pert, n, p)
			if d := frob(sub(a, other)); d < d0 {
				t.Errorf("%v: a perturbed frame is nearer: %g < %g", sh, d, d0)
			}
		}
		// Aliasing u = a.
		x := append([]float64(nil), a...)
		if err := linalg.Polar(x, nil, x, n, p); err != nil {
			t.Fatal(err)
		}
		for i := range x {
			if math.Float64bits(x[i]) != math.Float64bits(u[i]) {
				t.Fatalf("%v: aliased Polar differs", sh)
			}
		}
	}
	// Hand-derived: the polar factor of diag(3, −2) is diag(1, −1), H = diag(3, 2).
	u, h := make([]float64, 4), make([]float64, 4)
	if err := linalg.Polar(u, h, []float64{3, 0, 0, -2}, 2, 2); err != nil {
		t.Fatal(err)
	}
	if relErr(u, []float64{1, 0, 0, -1}) > 1e-15 || relErr(h, []float64{3, 0, 0, 2}) > 1e-15 {
		t.Errorf("Polar(diag(3, −2)) = %v, %v", u, h)
	}
	if err := linalg.Polar(u, h, []float64{nan(), 0, 0, 1}, 2, 2); err != nil || !hasNaNOnly(u) || !hasNaNOnly(h) {
		t.Error("NaN input did not give NaN output")
	}
	mustPanic(t, "Polar n < p", func() { _ = linalg.Polar(make([]float64, 6), nil, make([]float64, 6), 2, 3) })
}
