package linalg_test

import (
	"fmt"
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// logSpread returns n eigenvalues log-uniform in [1, kappa] with both ends
// present.
func logSpread(rng *rand.Rand, n int, kappa float64) []float64 {
	e := make([]float64, n)
	for i := range e {
		e[i] = math.Pow(kappa, rng.Float64())
	}
	e[0], e[n-1] = 1, kappa
	return e
}

// randSymDD returns a random symmetric n×n DD matrix with normal entries
// and random low words.
func randSymDD(rng *rand.Rand, n int) []linalg.DD {
	a := make([]linalg.DD, n*n)
	for i := range n {
		for j := i; j < n; j++ {
			hi := rng.NormFloat64()
			v := linalg.DDSum(hi, math.Ldexp(hi, -54)*rng.Float64())
			a[i*n+j], a[j*n+i] = v, v
		}
	}
	return a
}

// TestDDCholesky checks the backward error ‖LLᵀ − P‖_F ≤ 4(n+1)u²‖L‖²_F of
// the double-double Cholesky factor in 400-bit arithmetic, and reports its
// forward error against the 400-bit factor of the same float64 data (at
// most about n·u²·κ(P)).
func TestDDCholesky(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for _, n := range []int{1, 2, 3, 10} {
		for _, kappa := range []float64{1, 1e6, 1e12, 1e15} {
			p := spdWithEigs(rng, logSpread(rng, n, kappa))
			l := make([]linalg.DD, n*n)
			if !linalg.DDCholesky(l, p, n) {
				t.Fatalf("n=%d κ=%.0e: DDCholesky failed", n, kappa)
			}
			for i := range n {
				for j := i + 1; j < n; j++ {
					if l[i*n+j] != (linalg.DD{}) {
						t.Fatalf("n=%d: upper triangle not zero", n)
					}
				}
			}
			bl := bmatrixOfDD(l, n)
			llt := bl.mul(bl, true)
			bp := bmatrixOf(p, n)
			d := newBmatrix(n)
			for i := range d.a {
				d.a[i].Sub(llt.a[i], bp.a[i])
			}
			back := d.frob() / (bl.frob() * bl.frob())
			fwd := relDiff(bl, bcholesky(bp))
			t.Logf("n=%d κ=%.0e: backward error %.2g u², forward error %.2g", n, kappa, back/u2, fwd)
			if !(back <= 4*float64(n+1)*u2) {
				t.Errorf("n=%d κ=%.0e: backward error %.3g u² > 4(n+1)u²", n, kappa, back/u2)
			}
			if !(fwd <= float64(n)*u2*kappa*16) {
				t.Errorf("n=%d κ=%.0e: forward error %.3g > 16n·u²·κ", n, kappa, fwd)
			}
		}
	}
	l := make([]linalg.DD, 4)
	if linalg.DDCholesky(l, []float64{1, 2, 2, 1}, 2) || l[0].Hi == l[0].Hi {
		t.Error("DDCholesky of an indefinite matrix: want false and NaN")
	}
	if linalg.DDCholesky(l, []float64{1, 0, 0, math.NaN()}, 2) || l[0].Hi == l[0].Hi {
		t.Error("DDCholesky with a NaN entry: want false and NaN")
	}
}

// TestDDTriangular checks DDCongruenceInvLower, DDSolveLower, DDMulLower
// and DDAddGram against 400-bit arithmetic with the same (exact) L, for L
// from matrices with condition numbers up to 1e12, and the exact symmetry
// and aliasing of the congruence.
func TestDDTriangular(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	for _, n := range []int{1, 3, 10} {
		for _, kappa := range []float64{1, 1e6, 1e12} {
			p := spdWithEigs(rng, logSpread(rng, n, kappa))
			l := make([]linalg.DD, n*n)
			if !linalg.DDCholesky(l, p, n) {
				t.Fatal("DDCholesky failed")
			}
			bl := bmatrixOfDD(l, n)
			x := randSymDD(rng, n)
			bx := bmatrixOfDD(x, n)

			got := make([]linalg.DD, n*n)
			linalg.DDCongruenceInvLower(got, l, x, n)
			want := bsolve(bl, bsolve(bl, bx).transpose())
			e := relDiff(bmatrixOfDD(got, n), want)
			// The forward error of two triangular solves is bounded by
			// γ_n·cond(L)² relative, cond(L) ≤ κ(L) = κ(P)^{1/2}.
			bound := 8 * float64(n) * u2 * kappa
			t.Logf("n=%d κ=%.0e: congruence relative error %.2g (bound %.2g)", n, kappa, e, bound)
			if !(e <= bound) {
				t.Errorf("n=%d κ=%.0e: DDCongruenceInvLower error %.3g > %.3g", n, kappa, e, bound)
			}
			for i := range n {
				for j := range n {
					if got[i*n+j] != got[j*n+i] {
						t.Fatalf("n=%d: congruence not exactly symmetric", n)
					}
				}
			}
			al := append([]linalg.DD(nil), x...)
			linalg.DDCongruenceInvLower(al, l, al, n)
			for i := range al {
				if al[i] != got[i] {
					t.Fatalf("n=%d: aliased congruence differs", n)
				}
			}

			b := append([]linalg.DD(nil), x...)
			linalg.DDSolveLower(l, b, n, n)
			if e := relDiff(bmatrixOfDD(b, n), bsolve(bl, bx)); !(e <= bound) {
				t.Errorf("n=%d κ=%.0e: DDSolveLower error %.3g", n, kappa, e)
			}
			b = append(b[:0], x...)
			linalg.DDMulLower(l, b, n, n)
			if e := relDiff(bmatrixOfDD(b, n), bl.mul(bx, false)); !(e <= 4*float64(n)*u2*math.Sqrt(kappa)) {
				t.Errorf("n=%d κ=%.0e: DDMulLower error %.3g", n, kappa, e)
			}

			// DDAddGram: Y + M·diag(f)·Mᵀ with M = L and f > 0 (no
			// cancellation, so the error is a few u² relative).
			f := make([]linalg.DD, n)
			bf := newBmatrix(n)
			for i := range f {
				f[i] = linalg.DDFrom(rng.Float64() + 0.5)
				bf.at(i, i).Set(bdd(f[i]))
			}
			y := make([]linalg.DD, n*n)
			for i := range y {
				y[i] = linalg.DDFrom(0)
			}
			linalg.DDAddGram(y, l, f, n)
			if e := relDiff(bmatrixOfDD(y, n), bl.mul(bf, false).mul(bl, true)); !(e <= 4*float64(n)*u2) {
				t.Errorf("n=%d κ=%.0e: DDAddGram error %.3g", n, kappa, e)
			}
		}
	}
}

// TestDDJacobiGraded checks the relative accuracy of DDJacobi on graded
// positive definite matrices A = D·H·D (Demmel & Veselić 1992): with H
// well conditioned and D spanning 30 orders of magnitude every eigenvalue,
// down to 1e-30·‖A‖, comes out with relative error of order n·u²·κ(H),
// against a 400-bit Jacobi reference on the same float64 data, while
// float64 EigSym gets the small ones wrong entirely.
func TestDDJacobiGraded(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 26))
	for _, n := range []int{4, 8} {
		for trial := range 3 {
			h := randSPD(rng, n, 1, 10)
			a := make([]float64, n*n)
			for i := range n {
				for j := i; j < n; j++ {
					di := math.Pow(10, -15*float64(i)/float64(n-1))
					dj := math.Pow(10, -15*float64(j)/float64(n-1))
					a[i*n+j] = di * h[i*n+j] * dj
					a[j*n+i] = a[i*n+j]
				}
			}
			add := make([]linalg.DD, n*n)
			linalg.DDSetFloats(add, a)
			ref := sortedBig(func() []*big.Float { w, _ := bjacobiEig(bmatrixOf(a, n)); return w }())
			w := make([]linalg.DD, n)
			v := make([]linalg.DD, n*n)
			for i := range n {
				v[i*n+i] = linalg.DDFrom(1)
			}
			if !linalg.DDJacobi(w, v, add, n, 0) {
				t.Fatal("DDJacobi did not converge")
			}
			wf := make([]float64, n)
			zf := make([]float64, n*n)
			_ = linalg.EigSym(wf, zf, a, n)
			var worst, worst64 float64
			for i := range n {
				worst = math.Max(worst, relErrBig(bdd(w[i]), ref[i]))
				worst64 = math.Max(worst64, relErrBig(bflt(wf[i]), ref[i]))
			}
			rmin, _ := ref[0].Float64()
			rmax, _ := ref[n-1].Float64()
			t.Logf("n=%d #%d: λ from %.1e to %.1e: DDJacobi worst relative error %.2g u², float64 EigSym %.2g", n, trial, rmin, rmax, worst/u2, worst64)
			if !(worst <= 64*float64(n)*u2*10) {
				t.Errorf("n=%d: DDJacobi relative error %.3g u² > 640n u²", n, worst/u2)
			}
			if !(worst64 > 1e-3) {
				t.Errorf("n=%d: float64 EigSym unexpectedly accurate (%.3g): test not graded enough", n, worst64)
			}
			// V orthogonal to double-double precision.
			bv := bmatrixOfDD(v, n)
			vtv := bv.transpose().mul(bv, false)
			for i := range n {
				vtv.at(i, i).Sub(vtv.at(i, i), bflt(1))
			}
			if o := vtv.frob(); !(o <= 16*float64(n)*u2) {
				t.Errorf("n=%d: ‖VᵀV − I‖ = %.3g", n, o)
			}
		}
	}
}

// eigResiduals returns, in 400-bit arithmetic, the worst absolute
// eigenvalue error against the reference, ‖AZ − Z·diag(w)‖_F and
// ‖ZᵀZ − I‖_F.
func eigResiduals(a []linalg.DD, w, z []linalg.DD, n int) (ew, res, orth float64) {
	ba := bmatrixOfDD(a, n)
	ref := sortedBig(func() []*big.Float { r, _ := bjacobiEig(ba); return r }())
	for i := range n {
		d := bzero().Sub(bdd(w[i]), ref[i])
		f, _ := d.Abs(d).Float64()
		ew = math.Max(ew, f)
	}
	if z == nil {
		return ew, 0, 0
	}
	bz := bmatrixOfDD(z, n)
	az := ba.mul(bz, false)
	for i := range n {
		for j := range n {
			az.at(i, j).Sub(az.at(i, j), bzero().Mul(bz.at(i, j), bdd(w[j])))
		}
	}
	ztz := bz.transpose().mul(bz, false)
	for i := range n {
		ztz.at(i, i).Sub(ztz.at(i, i), bflt(1))
	}
	return ew, az.frob(), ztz.frob()
}

// TestDDEigSym checks the preconditioned double-double eigensolver on
// random, clustered, rank-deficient, diagonal and spread-out symmetric
// matrices against 400-bit Jacobi: eigenvalue errors, residual
// ‖AZ − ZΛ‖_F of order n·u²·‖A‖_F and orthogonality ‖ZᵀZ − I‖_F of order
// n²u².
func TestDDEigSym(t *testing.T) {
	rng := rand.New(rand.NewPCG(27, 28))
	type tcase struct {
		name string
		a    []linalg.DD
		n    int
	}
	var cs []tcase
	for _, n := range []int{1, 2, 3, 10, 16} {
		cs = append(cs, tcase{fmt.Sprintf("random/n=%d", n), randSymDD(rng, n), n})
	}
	for _, n := range []int{3, 10} {
		// Clusters: eigenvalues 1, 1, 1 and 2, 2 and the rest spread, rounded
		// to float64 data (so the clusters are split at the 1e-16 level).
		e := make([]float64, n)
		for i := range e {
			e[i] = 3 + float64(i)
		}
		e[0], e[1] = 1, 1
		if n > 3 {
			e[2], e[3], e[4] = 1, 2, 2
		}
		a := make([]linalg.DD, n*n)
		linalg.DDSetFloats(a, spdWithEigs(rng, e))
		cs = append(cs, tcase{fmt.Sprintf("clustered/n=%d", n), a, n})
		// Rank one, exactly: a_ij = xᵢxⱼ as exact DD products.
		x := make([]float64, n)
		for i := range x {
			x[i] = rng.NormFloat64()
		}
		r1 := make([]linalg.DD, n*n)
		for i := range n {
			for j := range n {
				r1[i*n+j] = linalg.DDProd(x[i], x[j])
			}
		}
		cs = append(cs, tcase{fmt.Sprintf("rank1/n=%d", n), r1, n})
		d := make([]linalg.DD, n*n)
		for i := range n {
			d[i*n+i] = linalg.DDFrom(float64(n - i))
		}
		cs = append(cs, tcase{fmt.Sprintf("diagonal/n=%d", n), d, n})
		// Spread over 24 orders of magnitude, indefinite.
		s := make([]linalg.DD, n*n)
		sp := logSpread(rng, n, 1e24)
		for i := range sp {
			if i%2 == 1 {
				sp[i] = -sp[i]
			}
		}
		linalg.DDSetFloats(s, spdWithEigs(rng, sp))
		cs = append(cs, tcase{fmt.Sprintf("spread/n=%d", n), s, n})
	}
	for _, c := range cs {
		n := c.n
		norm := bmatrixOfDD(c.a, n).frob()
		w := make([]linalg.DD, n)
		z := make([]linalg.DD, n*n)
		a0 := append([]linalg.DD(nil), c.a...)
		if err := linalg.DDEigSym(w, z, c.a, n); err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		for i := range a0 {
			if a0[i] != c.a[i] {
				t.Fatalf("%s: DDEigSym modified its input", c.name)
			}
		}
		ew, res, orth := eigResiduals(c.a, w, z, n)
		t.Logf("%s: eigenvalue error %.2g, residual %.2g, orthogonality %.2g (units n·u²·‖A‖_F)",
			c.name, ew/(float64(n)*u2*norm), res/(float64(n)*u2*norm), orth/(float64(n)*u2))
		// The Newton–Schulz correction is formed in float64, with an error
		// of order n²u² in the orthogonality.
		if !(ew <= 16*float64(n)*u2*norm) || !(res <= 16*float64(n)*u2*norm) || !(orth <= 4*float64(n*n)*u2) {
			t.Errorf("%s: eigenvalue error %.3g, residual %.3g (> 16n·u²‖A‖_F?), orthogonality %.3g (> 4n²u²?)", c.name, ew, res, orth)
		}
		wv := make([]linalg.DD, n)
		if err := linalg.DDEigSym(wv, nil, c.a, n); err != nil {
			t.Fatal(err)
		}
		for i := range wv {
			if d := math.Abs(wv[i].Sub(w[i]).Hi); !(d <= 16*float64(n)*u2*norm) {
				t.Errorf("%s: values-only eigenvalue %d differs by %.3g", c.name, i, d)
			}
		}
	}
	nan := []linalg.DD{{Hi: 1}, {Hi: math.NaN()}, {Hi: math.NaN()}, {Hi: 1}}
	w, z := make([]linalg.DD, 2), make([]linalg.DD, 4)
	if err := linalg.DDEigSym(w, z, nan, 2); err != nil || w[0].Hi == w[0].Hi || z[0].Hi == z[0].Hi {
		t.Errorf("NaN input: err %v, w %v, z %v; want NaN outputs and nil", err, w, z)
	}
}

// TestCholCondTrace checks κ₂(P) ≤ CholCondTrace ≤ n²·κ₂(P) and
// κ₂(P) ≤ CholCondFrob ≤ min(n·κ₂(P), CholCondTrace), and that they see the
// ill-conditioning of a factor whose pivots are all equal.
func TestCholCondTrace(t *testing.T) {
	rng := rand.New(rand.NewPCG(29, 30))
	for _, n := range []int{1, 2, 5, 10} {
		for _, kappa := range []float64{1, 1e3, 1e8} {
			if n == 1 {
				kappa = 1
			}
			p := spdWithEigs(rng, logSpread(rng, n, kappa))
			l := make([]float64, n*n)
			if !linalg.Cholesky(l, p, n) {
				t.Fatal("Cholesky failed")
			}
			est := linalg.CholCondTrace(l, n)
			if !(est >= kappa*(1-1e-6)) || !(est <= float64(n*n)*kappa*(1+1e-6)) {
				t.Errorf("n=%d κ=%.0e: CholCondTrace = %.4g outside [κ, n²κ]", n, kappa, est)
			}
			fe := linalg.CholCondFrob(p, l, n)
			if !(fe >= kappa*(1-1e-6)) || !(fe <= float64(n)*kappa*(1+1e-6)) || !(fe <= est*(1+1e-9)) {
				t.Errorf("n=%d κ=%.0e: CholCondFrob = %.4g outside [κ, min(nκ, CholCondTrace = %.4g)]", n, kappa, fe, est)
			}
		}
	}
	// L unit lower triangular with −1 below the diagonal: all pivots 1, yet
	// κ(LLᵀ) grows like 4ⁿ.
	n := 20
	l := make([]float64, n*n)
	for i := range n {
		l[i*n+i] = 1
		for j := range i {
			l[i*n+j] = -1
		}
	}
	p := mul(l, transpose(l, n, n), n, n, n)
	w := make([]float64, n)
	z := make([]float64, n*n)
	if err := linalg.EigSym(w, z, p, n); err != nil {
		t.Fatal(err)
	}
	kappa := w[n-1] / w[0]
	if est := linalg.CholCondTrace(l, n); !(est >= 0.99*kappa) {
		t.Errorf("equal pivots: CholCondTrace = %.3g < κ = %.3g", est, kappa)
	}
	if est := linalg.CholCondFrob(p, l, n); !(est >= 0.99*kappa) {
		t.Errorf("equal pivots: CholCondFrob = %.3g < κ = %.3g", est, kappa)
	}
}

// TestDDAllocs checks that the double-double kernels allocate nothing after
// warm-up at n = 3 and 10.
func TestDDAllocs(t *testing.T) {
	if testing.CoverMode() != "" || raceEnabled {
		t.Skip("coverage instrumentation and the race detector's sync.Pool allocate")
	}
	rng := rand.New(rand.NewPCG(31, 32))
	for _, n := range []int{3, 10} {
		p := randSPD(rng, n, 1, 1e6)
		l := make([]linalg.DD, n*n)
		lf := make([]float64, n*n)
		linalg.Cholesky(lf, p, n)
		linalg.DDCholesky(l, p, n)
		x := randSymDD(rng, n)
		dst := make([]linalg.DD, n*n)
		z := make([]linalg.DD, n*n)
		w := make([]linalg.DD, n)
		var sink float64
		for name, f := range map[string]func(){
			"DDCholesky":           func() { linalg.DDCholesky(l, p, n) },
			"DDCongruenceInvLower": func() { linalg.DDCongruenceInvLower(dst, l, x, n) },
			"DDEigSym":             func() { _ = linalg.DDEigSym(w, z, x, n) },
			"DDEigSymValues":       func() { _ = linalg.DDEigSym(w, nil, x, n) },
			"DDJacobi":             func() { copy(dst, x); linalg.DDJacobi(w, nil, dst, n, 0) },
			"DDLog1p":              func() { sink += linalg.DDLog1p(x[0]).Hi + linalg.DDExpm1(x[1]).Hi },
			"CholCondTrace":        func() { sink += linalg.CholCondTrace(lf, n) },
			"CholCondFrob":         func() { sink += linalg.CholCondFrob(p, lf, n) },
		} {
			f()
			if a := testing.AllocsPerRun(20, f); a != 0 {
				t.Errorf("n=%d: %s allocates %.0f times per call", n, name, a)
			}
		}
		_ = sink
	}
}
