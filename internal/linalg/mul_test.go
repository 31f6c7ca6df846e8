package linalg_test

import (
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

func TestGemm(t *testing.T) {
	rng := newRand()
	w := newWorst(t, "Gemm relative error")
	// Shapes cover the serial pieces along rows and along columns of C and
	// gonum's parallel path.
	for _, d := range [][3]int{{3, 2, 4}, {1, 1, 1}, {5, 7, 3}, {20, 1, 9}, {130, 140, 3}, {1000, 10, 7}, {70, 450, 5}, {3, 500, 4}, {260, 200, 6}} {
		m, n, k := d[0], d[1], d[2]
		for _, tA := range []bool{false, true} {
			for _, tB := range []bool{false, true} {
				a := randMat(rng, m, k) // op(A), m×k
				b := randMat(rng, k, n) // op(B), k×n
				c0 := randMat(rng, m, n)
				sa, sb := a, b
				if tA {
					sa = transpose(a, m, k)
				}
				if tB {
					sb = transpose(b, k, n)
				}
				const alpha, beta = 1.5, -0.5
				ab := mul(a, b, m, k, n)
				want := make([]float64, m*n)
				for i := range want {
					want[i] = alpha*ab[i] + beta*c0[i]
				}
				c := append([]float64(nil), c0...)
				linalg.Gemm(tA, tB, m, n, k, alpha, sa, sb, beta, c)
				if e := w.see(relErr(c, want)); e > 1e-14 {
					t.Errorf("Gemm(%v,%v) %v: rel err %g", tA, tB, d, e)
				}
			}
		}
	}
	// Helpers and aliasing: C = A·A, Aᵀ·A and A·Aᵀ written over A.
	for _, n := range []int{1, 3, 6} {
		a := randMat(rng, n, n)
		at := transpose(a, n, n)
		for name, tc := range map[string]struct {
			f    func(c, a, b []float64, m, k, n int)
			want []float64
		}{
			"Mul":    {linalg.Mul, mul(a, a, n, n, n)},
			"MulAtB": {linalg.MulAtB, mul(at, a, n, n, n)},
			"MulABt": {linalg.MulABt, mul(a, at, n, n, n)},
		} {
			x := append([]float64(nil), a...)
			tc.f(x, x, x, n, n, n)
			if e := w.see(relErr(x, tc.want)); e > 1e-14 {
				t.Errorf("%s aliased n=%d: rel err %g", name, n, e)
			}
		}
	}
	// β = 0 ignores NaN in C; zero dimensions are allowed.
	c := []float64{nan(), nan()}
	linalg.Gemm(false, false, 1, 2, 1, 1, []float64{2}, []float64{3, 4}, 0, c)
	if c[0] != 6 || c[1] != 8 {
		t.Errorf("β=0 with NaN C: got %v", c)
	}
	linalg.Gemm(false, false, 0, 3, 2, 1, nil, make([]float64, 6), 0, nil)
	linalg.Gemm(false, false, 2, 2, 0, 1, nil, nil, 0, make([]float64, 4))
	mustPanic(t, "Gemm length", func() { linalg.Mul(make([]float64, 4), make([]float64, 3), make([]float64, 4), 2, 2, 2) })
	mustPanic(t, "Gemm negative", func() { linalg.Gemm(false, false, -1, 1, 1, 1, nil, nil, 0, nil) })
}

func TestParts(t *testing.T) {
	rng := newRand()
	n := 5
	a := randMat(rng, n, n)
	s := make([]float64, n*n)
	k := make([]float64, n*n)
	linalg.SymPart(s, a, n)
	linalg.SkewPart(k, a, n)
	if !isExactlySymmetric(s, n) || !isExactlySkew(k, n) {
		t.Fatal("parts not exactly (skew-)symmetric")
	}
	for i := range a {
		if d := s[i] + k[i] - a[i]; d > 1e-15 || d < -1e-15 {
			t.Fatalf("sym + skew ≠ A at %d: %g", i, d)
		}
	}
	linalg.SymPart(a, a, n) // aliasing
	for i := range a {
		if a[i] != s[i] {
			t.Fatal("SymPart aliased differs")
		}
	}
}
