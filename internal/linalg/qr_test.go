package linalg_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

var tallShapes = [][2]int{{1, 1}, {3, 2}, {4, 4}, {10, 5}, {50, 5}, {200, 40}, {1000, 10}}

func TestQR(t *testing.T) {
	rng := newRand()
	wRec := newWorst(t, "QR ‖QR − A‖/‖A‖")
	wOrth := newWorst(t, "QR ‖QᵀQ − I‖")
	wRef := newWorst(t, "QR ‖Q − Q_gonum‖")
	for _, sh := range tallShapes {
		n, p := sh[0], sh[1]
		a := randMat(rng, n, p)
		q := make([]float64, n*p)
		r := make([]float64, p*p)
		linalg.QR(q, r, a, n, p)
		if e := wRec.see(relErr(mul(q, r, n, p, p), a)); e > 1e-14 {
			t.Errorf("%v: reconstruction error %g", sh, e)
		}
		if e := wOrth.see(orthErr(q, n, p)); e > 1e-14*math.Sqrt(float64(p)) {
			t.Errorf("%v: orthogonality error %g", sh, e)
		}
		for i := range p {
			if r[i*p+i] < 0 {
				t.Errorf("%v: R[%d][%d] = %g < 0", sh, i, i, r[i*p+i])
			}
			for j := range i {
				if r[i*p+j] != 0 {
					t.Errorf("%v: R[%d][%d] = %g not zero", sh, i, j, r[i*p+j])
				}
			}
		}
		// Independent route: gonum's mat.QR (full Q), first p columns,
		// columns signed so that its R has a positive diagonal.
		var g mat.QR
		g.Factorize(dense(n, p, a))
		var gq, gr mat.Dense
		g.QTo(&gq)
		g.RTo(&gr)
		ref := make([]float64, n*p)
		for j := range p {
			s := 1.0
			if gr.At(j, j) < 0 {
				s = -1
			}
			for i := range n {
				ref[i*p+j] = s * gq.At(i, j)
			}
		}
		if e := wRef.see(frob(sub(q, ref))); e > 1e-13 {
			t.Errorf("%v: differs from mat.QR by %g", sh, e)
		}
		// Aliasing q = a and r = nil give the same bits.
		x := append([]float64(nil), a...)
		linalg.QR(x, nil, x, n, p)
		for i := range x {
			if math.Float64bits(x[i]) != math.Float64bits(q[i]) {
				t.Fatalf("%v: aliased QR differs", sh)
			}
		}
	}
}

func TestQRSpecial(t *testing.T) {
	// Rank deficient: a zero column and a repeated column still give an
	// orthonormal Q with Q·R = A.
	n, p := 5, 3
	a := []float64{
		1, 0, 1,
		2, 0, 2,
		3, 0, 3,
		4, 0, 4,
		5, 0, 5,
	}
	q := make([]float64, n*p)
	r := make([]float64, p*p)
	linalg.QR(q, r, a, n, p)
	if e := orthErr(q, n, p); e > 1e-14 {
		t.Errorf("rank deficient: orthogonality error %g", e)
	}
	if e := relErr(mul(q, r, n, p, p), a); e > 1e-14 {
		t.Errorf("rank deficient: reconstruction error %g", e)
	}
	// Hand-derived: (−3, −4) = 5·(−0.6, −0.8), so with R ≥ 0 the factors are
	// Q = (−0.6, −0.8) and R = 5.
	linalg.QR(q[:2], r[:1], []float64{-3, -4}, 2, 1)
	if math.Abs(q[0]+0.6) > 2e-16 || math.Abs(q[1]+0.8) > 2e-16 || math.Abs(r[0]-5) > 1e-15 {
		t.Errorf("QR of (−3, −4): q = %v, r = %v", q[:2], r[0])
	}
	// NaN in, NaN out.
	a[4] = math.NaN()
	linalg.QR(q, r, a, n, p)
	if !hasNaNOnly(q) || !hasNaNOnly(r) {
		t.Error("NaN input did not give NaN output")
	}
	mustPanic(t, "QR n < p", func() { linalg.QR(make([]float64, 6), nil, make([]float64, 6), 2, 3) })
	mustPanic(t, "QR length", func() { linalg.QR(make([]float64, 5), nil, make([]float64, 6), 3, 2) })
	mustPanic(t, "QR p = 0", func() { linalg.QR(nil, nil, nil, 3, 0) })
	mustPanic(t, "QR r overlaps q", func() {
		s := make([]float64, 9)
		linalg.QR(s[:6], s[5:9], make([]float64, 6), 3, 2)
	})
}
