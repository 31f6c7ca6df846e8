package linalg_test

import (
	"fmt"
	"math"
	"math/big"
	"sort"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// The references in this file come from gonum's mat package (mat.Cholesky,
// mat.EigenSym, dense products and inverses), which share no code path with
// the kernels under test beyond the BLAS primitives, and from math/big.

func lowerOf(a []float64, n int) []float64 {
	out := make([]float64, n*n)
	for i := range n {
		for j := 0; j <= i; j++ {
			out[i*n+j] = a[i*n+j]
		}
	}
	return out
}

func TestCholesky(t *testing.T) {
	rng := newRand()
	for _, n := range []int{1, 2, 5, 40, 70, 130} {
		a := randSPD(rng, n, 0.1, 10)
		l := make([]float64, n*n)
		if !linalg.Cholesky(l, a, n) {
			t.Fatalf("n=%d: Cholesky failed on an SPD matrix", n)
		}
		for i := range n {
			if !(l[i*n+i] > 0) {
				t.Fatalf("n=%d: L[%d][%d] = %v, want > 0", n, i, i, l[i*n+i])
			}
			for j := i + 1; j < n; j++ {
				if l[i*n+j] != 0 {
					t.Fatalf("n=%d: L[%d][%d] = %v above the diagonal", n, i, j, l[i*n+j])
				}
			}
		}
		var ch mat.Cholesky
		if !ch.Factorize(mat.NewSymDense(n, a)) {
			t.Fatalf("n=%d: mat.Cholesky failed", n)
		}
		var want mat.TriDense
		ch.LTo(&want)
		if e := relErr(l, lowerOf(mat.DenseCopyOf(&want).RawMatrix().Data, n)); e > 1e-13 {
			t.Errorf("n=%d: L differs from mat.Cholesky by %.3g", n, e)
		}
		// In place.
		c := append([]float64(nil), a...)
		if !linalg.Cholesky(c, c, n) || relErr(c, l) != 0 {
			t.Errorf("n=%d: aliased Cholesky differs", n)
		}
	}
	// Not positive definite, NaN, Inf.
	for _, bad := range [][]float64{
		{1, 2, 2, 1},
		{1, 0, 0, 0},
		{1, math.NaN(), math.NaN(), 1},
		{math.Inf(1), 0, 0, 1},
	} {
		l := make([]float64, 4)
		if linalg.Cholesky(l, bad, 2) {
			t.Errorf("Cholesky(%v) succeeded", bad)
		}
		if !hasNaNOnly(l) {
			t.Errorf("Cholesky(%v) wrote %v, want all NaN", bad, l)
		}
	}
	// The symmetric part is factorised.
	a := []float64{4, 2, 0, 9}
	l := make([]float64, 4)
	if !linalg.Cholesky(l, a, 2) || math.Abs(l[2]-0.5) > 1e-16 {
		t.Errorf("Cholesky of [[4 2] [0 9]] = %v, want the factor of [[4 1] [1 9]]", l)
	}
}

func TestTriangular(t *testing.T) {
	rng := newRand()
	for _, n := range []int{1, 3, 12, 80} {
		a := randSPD(rng, n, 0.5, 4)
		l := make([]float64, n*n)
		linalg.Cholesky(l, a, n)
		ld := mat.NewDense(n, n, l)
		var linv mat.Dense
		if err := linv.Inverse(ld); err != nil {
			t.Fatal(err)
		}
		linvT := linv.T()
		for _, m := range []int{1, 4, n} {
			b := randMat(rng, n, m)
			bd := mat.NewDense(n, m, b)
			br := randMat(rng, m, n)
			brd := mat.NewDense(m, n, br)
			for _, tr := range []bool{false, true} {
				op, opInv := mat.Matrix(ld), mat.Matrix(&linv)
				if tr {
					op, opInv = ld.T(), linvT
				}
				var want mat.Dense
				got := append([]float64(nil), b...)
				linalg.SolveLower(l, tr, got, n, m)
				want.Mul(opInv, bd)
				if e := relErr(got, want.RawMatrix().Data); e > 1e-12 {
					t.Errorf("n=%d m=%d trans=%v: SolveLower error %.3g", n, m, tr, e)
				}
				got = append([]float64(nil), b...)
				linalg.MulLower(l, tr, got, n, m)
				want.Mul(op, bd)
				if e := relErr(got, want.RawMatrix().Data); e > 1e-13 {
					t.Errorf("n=%d m=%d trans=%v: MulLower error %.3g", n, m, tr, e)
				}
				got = append([]float64(nil), br...)
				linalg.SolveLowerRight(l, tr, got, m, n)
				want.Reset()
				want.Mul(brd, opInv)
				if e := relErr(got, want.RawMatrix().Data); e > 1e-12 {
					t.Errorf("n=%d m=%d trans=%v: SolveLowerRight error %.3g", n, m, tr, e)
				}
				got = append([]float64(nil), br...)
				linalg.MulLowerRight(l, tr, got, m, n)
				want.Reset()
				want.Mul(brd, op)
				if e := relErr(got, want.RawMatrix().Data); e > 1e-13 {
					t.Errorf("n=%d m=%d trans=%v: MulLowerRight error %.3g", n, m, tr, e)
				}
				want.Reset()
			}
		}
		// Congruences, with a non-symmetric X whose symmetric part is used.
		x := randMat(rng, n, n)
		xs := make([]float64, n*n)
		linalg.SymPart(xs, x, n)
		xsd := mat.NewDense(n, n, xs)
		var w1, w2 mat.Dense
		w1.Mul(&linv, xsd)
		w2.Mul(&w1, linvT)
		got := make([]float64, n*n)
		linalg.CongruenceInvLower(got, l, x, n)
		if !isExactlySymmetric(got, n) {
			t.Errorf("n=%d: CongruenceInvLower is not exactly symmetric", n)
		}
		if e := relErr(got, w2.RawMatrix().Data); e > 1e-12 {
			t.Errorf("n=%d: CongruenceInvLower error %.3g", n, e)
		}
		w1.Mul(ld, xsd)
		w2.Mul(&w1, ld.T())
		linalg.CongruenceLower(got, l, x, n)
		if !isExactlySymmetric(got, n) {
			t.Errorf("n=%d: CongruenceLower is not exactly symmetric", n)
		}
		if e := relErr(got, w2.RawMatrix().Data); e > 1e-13 {
			t.Errorf("n=%d: CongruenceLower error %.3g", n, e)
		}
		// Aliasing dst = x.
		xc := append([]float64(nil), x...)
		linalg.CongruenceLower(xc, l, xc, n)
		if relErr(xc, got) != 0 {
			t.Errorf("n=%d: aliased CongruenceLower differs", n)
		}
	}
}

func TestEigSymValues(t *testing.T) {
	rng := newRand()
	for _, n := range []int{1, 2, 7, 50} {
		a := randSym(rng, n)
		a[1%n] += 0.25 // not symmetric: the symmetric part is used
		w := make([]float64, n)
		if err := linalg.EigSymValues(w, a, n); err != nil {
			t.Fatal(err)
		}
		s := make([]float64, n*n)
		linalg.SymPart(s, a, n)
		var es mat.EigenSym
		if !es.Factorize(mat.NewSymDense(n, s), false) {
			t.Fatal("mat.EigenSym failed")
		}
		want := es.Values(nil)
		sort.Float64s(want)
		var scale float64
		for _, v := range want {
			scale = math.Max(scale, math.Abs(v))
		}
		for i := range w {
			if math.Abs(w[i]-want[i]) > 1e-13*scale*float64(n) {
				t.Errorf("n=%d: eigenvalue %d = %.17g, want %.17g", n, i, w[i], want[i])
			}
		}
	}
	w := make([]float64, 2)
	_ = linalg.EigSymValues(w, []float64{1, math.NaN(), 0, 1}, 2)
	if !hasNaNOnly(w) {
		t.Errorf("EigSymValues with NaN = %v, want NaN", w)
	}
}

// refDivDiff2Exp evaluates exp[a, b, c] = e^c·Σ_k h_k(a−c, b−c)/(k+2)! in
// 256-bit arithmetic with c the smallest argument, so every term is
// nonnegative and the sum is exact to far below float64 rounding.
func refDivDiff2Exp(a, b, c float64) float64 {
	xs := []float64{a, b, c}
	sort.Float64s(xs)
	c, b, a = xs[0], xs[1], xs[2]
	const prec = 256
	f := func(x float64) *big.Float { return new(big.Float).SetPrec(prec).SetFloat64(x) }
	al := new(big.Float).SetPrec(prec).Sub(f(a), f(c))
	be := new(big.Float).SetPrec(prec).Sub(f(b), f(c))
	sum, hk, alk, fact := f(0), f(1), f(1), f(2)
	tiny := f(0x1p-200)
	for k := 0; k < 5000; k++ {
		term := new(big.Float).SetPrec(prec).Quo(hk, fact)
		sum.Add(sum, term)
		if k > 10 && term.Cmp(new(big.Float).Mul(tiny, sum)) < 0 {
			break
		}
		alk.Mul(alk, al)
		hk.Mul(hk, be)
		hk.Add(hk, alk)
		fact.Mul(fact, f(float64(k+3)))
	}
	s, _ := sum.Float64()
	// e^c in float64 adds one rounding (≤ 1.1e-16 relative) to the reference.
	return math.Exp(c) * s
}

func TestDivDiff2Exp(t *testing.T) {
	w := newWorst(t, "DivDiff2Exp (relative, divided by 1 + max|x|)")
	cases := [][3]float64{{0, 0, 0}, {1, 1, 1}, {-3, -3, -3}}
	for _, c := range []float64{-700, -20, -1, 0, 0.7, 5, 300} {
		for _, d1 := range []float64{0, 1e-14, 1e-8, 0.01, 0.4, 0.99, 1, 1.01, 3, 40} {
			for _, f := range []float64{0, 0.3, 0.5, 1} {
				cases = append(cases, [3]float64{c + d1, c + f*d1, c})
				cases = append(cases, [3]float64{c, c + d1, c + f*d1})
			}
		}
	}
	for _, cs := range cases {
		got := linalg.DivDiff2Exp(cs[0], cs[1], cs[2])
		want := refDivDiff2Exp(cs[0], cs[1], cs[2])
		// exp[a, b, c] has condition number about 1 + max|x| with respect to
		// relative perturbations of its arguments, as eˣ does.
		scale := 1 + math.Max(math.Abs(cs[0]), math.Max(math.Abs(cs[1]), math.Abs(cs[2])))
		if e := w.see(math.Abs(got-want) / want / scale); e > 4e-16 {
			t.Errorf("DivDiff2Exp(%v) = %.17g, want %.17g (rel %.3g)", cs, got, want, e)
		}
		for _, perm := range [][3]int{{1, 0, 2}, {2, 1, 0}, {0, 2, 1}} {
			if g := linalg.DivDiff2Exp(cs[perm[0]], cs[perm[1]], cs[perm[2]]); g != got {
				t.Errorf("DivDiff2Exp is not symmetric at %v: %v vs %v", cs, g, got)
			}
		}
	}
	if !math.IsNaN(linalg.DivDiff2Exp(math.NaN(), 0, 1)) {
		t.Error("DivDiff2Exp(NaN, 0, 1) is not NaN")
	}
}

func TestCholAllocs(t *testing.T) {
	if testing.CoverMode() != "" || raceEnabled {
		t.Skip("coverage instrumentation and the race detector's sync.Pool allocate")
	}
	rng := newRand()
	for _, n := range []int{3, 10, 30} {
		a := randSPD(rng, n, 0.5, 2)
		x := randSym(rng, n)
		l := make([]float64, n*n)
		d := make([]float64, n*n)
		w := make([]float64, n)
		linalg.Cholesky(l, a, n)
		for name, f := range map[string]func(){
			"Cholesky":           func() { linalg.Cholesky(d, a, n) },
			"SolveLower":         func() { copy(d, x); linalg.SolveLower(l, true, d, n, n) },
			"MulLowerRight":      func() { copy(d, x); linalg.MulLowerRight(l, false, d, n, n) },
			"CongruenceInvLower": func() { linalg.CongruenceInvLower(d, l, x, n) },
			"CongruenceLower":    func() { linalg.CongruenceLower(d, l, x, n) },
			"EigSymValues":       func() { _ = linalg.EigSymValues(w, a, n) },
		} {
			f()
			if got := testing.AllocsPerRun(20, f); got != 0 {
				t.Errorf("%s/n=%d: %v allocations per call", name, n, got)
			}
		}
	}
	_ = fmt.Sprint()
}
