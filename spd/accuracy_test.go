package spd

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// The affine-invariant accuracy contract, checked against the 320-bit
// references of bigref_test.go for the float64 data as given:
//
//	Dist: |d − d_ref|/d_ref ≤ 1e-10,
//	Log:  ‖Log − Log_ref‖_F/‖Log_ref‖_F ≤ 1e-10,
//	Exp:  ‖Exp − Exp_ref‖_F/‖Exp_ref‖_F ≤ 1e-10,
//
// for P and Q with condition numbers up to 1e12 (spectra log-uniform in
// [1, κ] with both ends present, Haar eigenvectors, independent for P and
// Q so that the pencil (Q, P) has condition number up to κ²), for pairs at
// distances from 1e-10 to about 30 (at large κ the rounding of Q = Exp_P(V)
// moves the "near" pairs further apart; the reference is for the rounded
// Q), and for V = L·S·Lᵀ with ‖V‖_P = ‖S‖_F from 1e-6 to 6, at n = 2, 3, 10
// (and 20, far pairs only). Up to κ ≈ 1e6
// the float64 path computes them; beyond, the double-double path of
// metric_ai_dd.go. Run with -v to see the measured worst errors:
//
//	go test ./spd -run 'Accuracy' -v

// contractKappa is the largest condition number covered by the contract.
const contractKappa = 1e12

// aiErrors measures the worst Dist, Log and Exp relative errors of m over
// random data with condition number kappa.
func aiErrors(rng *rand.Rand, m *SPD, kappa float64, trials int, near bool) (dist, log, exp float64) {
	n := m.n
	for range trials {
		p := pdDraw(rng, n, kappa)
		l := make([]float64, n*n)
		linalg.Cholesky(l, p, n)
		var qs [][]float64
		qs = append(qs, pdDraw(rng, n, kappa))
		if near {
			// Q = Exp_P(V) at distances 1e-10, 1e-6 and 1e-2: the
			// reference is computed from the float64 Q so produced (if
			// that is still positive definite, which near κ = 1/ε it
			// may not be).
			for _, t := range []float64{1e-10, 1e-6, 1e-2} {
				v := tangentAt(rng, l, n, t)
				q := make([]float64, n*n)
				m.Exp(q, p, v)
				if linalg.Cholesky(make([]float64, n*n), q, n) {
					qs = append(qs, q)
				}
			}
		}
		var vs [][]float64
		for _, s := range []float64{1e-6, 0.5, 2, 6} {
			vs = append(vs, tangentAt(rng, l, n, s))
		}
		for _, q := range qs {
			d, lg, _ := refAI(p, q, nil, n)
			dist = math.Max(dist, math.Abs(m.Dist(p, q)-d)/d)
			got := make([]float64, n*n)
			if err := m.Log(got, p, q); err != nil {
				panic(err)
			}
			log = math.Max(log, frobRel(got, lg))
		}
		for _, v := range vs {
			_, _, ex := refAI(p, nil, v, n)
			got := make([]float64, n*n)
			m.Exp(got, p, v)
			exp = math.Max(exp, frobRel(got, ex))
		}
	}
	return dist, log, exp
}

// pdDraw returns withSpectrum(logSpectrum(n, kappa)), drawn again (up to
// 50 times) while the float64 matrix is not positive definite, which
// happens only for kappa near 1/ε.
func pdDraw(rng *rand.Rand, n int, kappa float64) []float64 {
	l := make([]float64, n*n)
	for range 50 {
		p := withSpectrum(rng, logSpectrum(rng, n, kappa))
		if linalg.Cholesky(l, p, n) {
			return p
		}
	}
	panic("test data not positive definite")
}

// tangentAt returns V = L·S·Lᵀ with S a random symmetric matrix of
// Frobenius norm s, so that ‖V‖_P = s (to rounding).
func tangentAt(rng *rand.Rand, l []float64, n int, s float64) []float64 {
	x := make([]float64, n*n)
	gaussSym(x, n, 1, rng)
	k := s / linalg.Nrm2(x)
	for i := range x {
		x[i] *= k
	}
	v := make([]float64, n*n)
	linalg.CongruenceLower(v, l, x, n)
	return v
}

func TestAccuracyAI(t *testing.T) {
	rng := rand.New(rand.NewPCG(2024, 4))
	var worstD, worstL, worstE float64
	for _, n := range []int{2, 3, 10} {
		for _, kappa := range []float64{10, 1e2, 1e4, 1e5, 1e6, 1e7, 1e8, 1e10, contractKappa} {
			trials := 8
			if n == 10 {
				trials = 2
			}
			d, l, e := aiErrors(rng, New(n), kappa, trials, true)
			t.Logf("n=%d κ=%.0e: worst relative error Dist %.2g, Log %.2g, Exp %.2g", n, kappa, d, l, e)
			worstD, worstL, worstE = max(worstD, d), max(worstL, l), max(worstE, e)
			for _, c := range []struct {
				name string
				err  float64
			}{{"Dist", d}, {"Log", l}, {"Exp", e}} {
				if !(c.err <= 1e-10) {
					t.Errorf("n=%d κ=%.0e: %s relative error %.3g > 1e-10", n, kappa, c.name, c.err)
				}
			}
		}
	}
	// n = 20: one trial, far pairs only (the 320-bit reference costs about
	// 0.2 s per matrix here; at n = 40, 2 s, so larger n are not tested).
	for _, kappa := range []float64{1e4, 1e6, contractKappa} {
		d, l, e := aiErrors(rng, New(20), kappa, 1, false)
		t.Logf("n=20 κ=%.0e: worst relative error Dist %.2g, Log %.2g, Exp %.2g", kappa, d, l, e)
		worstD, worstL, worstE = max(worstD, d), max(worstL, l), max(worstE, e)
		if !(max(d, l, e) <= 1e-10) {
			t.Errorf("n=20 κ=%.0e: relative errors Dist %.3g, Log %.3g, Exp %.3g > 1e-10", kappa, d, l, e)
		}
	}
	t.Logf("contract range κ ≤ %.0e: worst Dist %.2g, Log %.2g, Exp %.2g", contractKappa, worstD, worstL, worstE)
}

// TestAccuracyAIScaled checks Dist, Log and Exp for Q = 2ᵏ·P, an exact
// scaling of the float64 data, against the closed forms d(P, 2ᵏP) =
// √n·|k|·ln 2, Log_P(2ᵏP) = k·ln 2·P and Exp_P(t·P) = eᵗ·P, for P well and
// ill conditioned. Every generalized eigenvalue is then 2ᵏ, far from 1 on
// one side, the case where the increment form L⁻¹(Q − P)L⁻ᵀ cancels (1 + δ
// with δ ≈ −1) and the reversed pencil must take over.
func TestAccuracyAIScaled(t *testing.T) {
	rng := rand.New(rand.NewPCG(2026, 6))
	var worst float64
	for _, n := range []int{1, 2, 3, 10} {
		m := New(n)
		for _, kappa := range []float64{1, 1e4, 1e10} {
			p := withSpectrum(rng, logSpectrum(rng, n, kappa))
			if n == 1 {
				p[0] = kappa
			}
			for _, k := range []int{-70, -40, -20, -1, 1, 20, 40, 70} {
				q := make([]float64, n*n)
				lg := make([]float64, n*n)
				for i := range q {
					q[i] = math.Ldexp(p[i], k)
					lg[i] = float64(k) * math.Ln2 * p[i]
				}
				want := math.Sqrt(float64(n)) * math.Abs(float64(k)) * math.Ln2
				d := math.Abs(m.Dist(p, q)-want) / want
				got := make([]float64, n*n)
				if err := m.Log(got, p, q); err != nil {
					t.Fatalf("n=%d κ=%.0e k=%d: Log: %v", n, kappa, k, err)
				}
				l := frobRel(got, lg)
				v := make([]float64, n*n)
				for i := range v {
					v[i] = float64(k) * math.Ln2 * p[i]
				}
				m.Exp(got, p, v)
				e := frobRel(got, q)
				worst = max(worst, d, l, e)
				if !(d <= 1e-10) || !(l <= 1e-10) || !(e <= 1e-10) {
					t.Errorf("n=%d κ=%.0e Q = 2^%d·P: relative errors Dist %.3g, Log %.3g, Exp %.3g", n, kappa, k, d, l, e)
				}
			}
		}
	}
	t.Logf("worst relative error %.2g", worst)
}

// TestAccuracyAIShifted checks Dist and Log against the 320-bit references
// for Q = 2ᵏ·Q', P and Q' independent with condition number κ: every
// generalized eigenvalue is moved by 2ᵏ, so for large |k| they all lie far
// on one side of 1, where the increment form L⁻¹(Q − P)L⁻ᵀ cancels and the
// unshifted forms must take over (pencil.go), combined with a large spread
// for large κ. Distances reach about 0.7·|k|·√n + log κ.
func TestAccuracyAIShifted(t *testing.T) {
	rng := rand.New(rand.NewPCG(2028, 8))
	var worst float64
	for _, n := range []int{2, 3, 10} {
		m := New(n)
		for _, kappa := range []float64{10, 1e3, 1e5, 1e6, 1e8, contractKappa} {
			var wd, wl float64
			for _, k := range []int{-60, -30, -12, 12, 30, 60} {
				trials := 2
				if n == 10 {
					trials = 1
				}
				for range trials {
					p := pdDraw(rng, n, kappa)
					q := pdDraw(rng, n, kappa)
					for i := range q {
						q[i] = math.Ldexp(q[i], k)
					}
					d, lg, _ := refAI(p, q, nil, n)
					wd = max(wd, math.Abs(m.Dist(p, q)-d)/d)
					got := make([]float64, n*n)
					if err := m.Log(got, p, q); err != nil {
						t.Fatalf("n=%d κ=%.0e k=%d: %v", n, kappa, k, err)
					}
					wl = max(wl, frobRel(got, lg))
				}
			}
			t.Logf("n=%d κ=%.0e, Q scaled by 2^±12…2^±60: worst relative error Dist %.2g, Log %.2g", n, kappa, wd, wl)
			if !(wd <= 1e-10) || !(wl <= 1e-10) {
				t.Errorf("n=%d κ=%.0e: relative errors Dist %.3g, Log %.3g > 1e-10", n, kappa, wd, wl)
			}
			worst = max(worst, wd, wl)
		}
	}
	t.Logf("worst %.2g", worst)
}

// TestAccuracyAIBeyond measures the float64 path alone (the extended path
// disabled) beyond κ = 1e6, where it misses the contract, and the extended
// path beyond the contract range, up to where float64 data with the
// requested spectrum stop being positive definite.
//
// Float64 alone: the errors grow about in proportion to κ (checked against
// 1e-15·κ) and exceed 1e-10 at κ = 1e12. How far the exact answer moves
// when every entry of P and Q moves by one ulp shows why: at κ = 1e12 that
// alone is orders of magnitude above 1e-10, so no algorithm that works in
// float64 (whose backward error is at least of that order) can meet the
// contract there.
//
// Extended path: up to κ = 3e16 the errors stay at the level of the final
// rounding. There the float64 matrices U·diag(λ)·Uᵀ with λ_min = 1 are
// positive definite only for some draws (their rounding, of order ε·κ, is
// as large as λ_min; pdDraw retries); at κ = 1e17 they never are, the
// Cholesky factorisation fails and the methods return NaN, as for any point
// outside the domain.
func TestAccuracyAIBeyond(t *testing.T) {
	if testing.Short() {
		t.Skip("long accuracy sweep")
	}
	rng := rand.New(rand.NewPCG(2025, 5))
	for _, n := range []int{3, 10} {
		trials := 2
		if n == 10 {
			trials = 1
		}
		m64 := New(n)
		m64.float64Only = true
		for _, kappa := range []float64{1e8, 1e10, 1e12} {
			d, l, e := aiErrors(rng, m64, kappa, trials, false)
			t.Logf("n=%d κ=%.0e, float64 path only: worst relative error Dist %.2g, Log %.2g, Exp %.2g", n, kappa, d, l, e)
			for _, c := range []struct {
				name string
				err  float64
			}{{"Dist", d}, {"Log", l}, {"Exp", e}} {
				if !(c.err <= 1e-15*kappa) {
					t.Errorf("n=%d κ=%.0e: float64 %s relative error %.3g > 1e-15·κ", n, kappa, c.name, c.err)
				}
			}
			if kappa == 1e12 {
				if !(max(d, l, e) > 1e-10) {
					t.Errorf("n=%d κ=1e12: the float64 path alone meets 1e-10 (worst %.3g): the extended path is not shown necessary", n, max(d, l, e))
				}
				s := ulpSensitivity(rng, n, kappa)
				t.Logf("n=%d κ=1e12: one ulp of the data moves the exact Dist by %.2g", n, s)
				if !(s > 1e-9) {
					t.Errorf("n=%d κ=1e12: one-ulp sensitivity of Dist %.3g, expected ≫ 1e-10", n, s)
				}
			}
		}
		m := New(n)
		for _, kappa := range []float64{1e13, 1e14, 1e15, 1e16, 3e16} {
			if n == 10 && kappa > 1e16 {
				continue // rarely positive definite in float64
			}
			d, l, e := aiErrors(rng, m, kappa, trials, true)
			t.Logf("n=%d κ=%.0e, extended path: worst relative error Dist %.2g, Log %.2g, Exp %.2g", n, kappa, d, l, e)
			for _, c := range []struct {
				name string
				err  float64
			}{{"Dist", d}, {"Log", l}, {"Exp", e}} {
				if !(c.err <= 1e-10) {
					t.Errorf("n=%d κ=%.0e: %s relative error %.3g > 1e-10", n, kappa, c.name, c.err)
				}
			}
		}
		// κ = 1e17: the data are not positive definite in float64.
		p := withSpectrum(rng, logSpectrum(rng, n, 1e17))
		q := withSpectrum(rng, logSpectrum(rng, n, 10))
		if linalg.Cholesky(make([]float64, n*n), p, n) {
			t.Logf("n=%d κ=1e17: this draw is still positive definite", n)
			continue
		}
		if d := m.Dist(p, q); !math.IsNaN(d) {
			t.Errorf("n=%d κ=1e17, P not positive definite in float64: Dist = %g, want NaN", n, d)
		}
		if m.CheckPoint(p) == nil {
			t.Errorf("n=%d κ=1e17: CheckPoint accepts a P whose Cholesky factorisation fails", n)
		}
	}
}

// TestExtendedPathSpecial checks the special cases of the double-double
// path at κ = 1e12: Dist(P, P) = 0 and Log(P, P) = 0 exactly, Exp(P, 0) = P
// exactly, exactly symmetric Log and Exp, Dist(P, Q) = Dist(Q, P) to
// rounding, and NaN in, NaN out.
func TestExtendedPathSpecial(t *testing.T) {
	rng := rand.New(rand.NewPCG(2027, 7))
	for _, n := range []int{2, 3, 10} {
		m := New(n)
		nn := n * n
		p := withSpectrum(rng, logSpectrum(rng, n, 1e12))
		q := withSpectrum(rng, logSpectrum(rng, n, 1e12))
		l := make([]float64, nn)
		if !linalg.Cholesky(l, p, n) {
			t.Fatal("Cholesky failed")
		}
		if c := aiCond(p, l, n, aiKappa); !(c > aiKappa) {
			t.Fatalf("n=%d: test point not on the extended path (κ̂ = %.3g)", n, c)
		}
		v := tangentAt(rng, l, n, 2)
		dst := make([]float64, nn)
		if d := m.Dist(p, append([]float64(nil), p...)); d != 0 {
			t.Errorf("n=%d: Dist(P, P) = %g", n, d)
		}
		if err := m.Log(dst, p, append([]float64(nil), p...)); err != nil || !linalg.AllZero(dst) {
			t.Errorf("n=%d: Log(P, P) = %v, %v", n, dst, err)
		}
		m.Exp(dst, p, make([]float64, nn))
		if !sameBits(dst, p) {
			t.Errorf("n=%d: Exp(P, 0) ≠ P", n)
		}
		if err := m.Log(dst, p, q); err != nil || !exactlySymmetric(dst, n) {
			t.Errorf("n=%d: Log not exactly symmetric (err %v)", n, err)
		}
		m.Exp(dst, p, v)
		if !exactlySymmetric(dst, n) {
			t.Errorf("n=%d: Exp not exactly symmetric", n)
		}
		if d1, d2 := m.Dist(p, q), m.Dist(q, p); !(math.Abs(d1-d2) <= 1e-15*d1) {
			t.Errorf("n=%d: Dist(P, Q) = %.17g, Dist(Q, P) = %.17g", n, d1, d2)
		}
		bad := append([]float64(nil), v...)
		bad[0] = math.NaN()
		m.Exp(dst, p, bad)
		if !allNaN(dst) {
			t.Errorf("n=%d: Exp(P, NaN) = %v", n, dst)
		}
		bad = append(bad[:0], q...)
		bad[nn-1] = math.NaN()
		if d := m.Dist(p, bad); !math.IsNaN(d) {
			t.Errorf("n=%d: Dist(P, NaN) = %g", n, d)
		}
		if err := m.Log(dst, p, bad); err == nil || !allNaN(dst) {
			t.Errorf("n=%d: Log(P, NaN): err %v, %v", n, err, dst)
		}
	}
}

// ulpSensitivity returns the relative change of the exact AI distance when
// each entry of P and Q (kept symmetric) moves by one ulp in a random
// direction, the largest over two draws.
func ulpSensitivity(rng *rand.Rand, n int, kappa float64) float64 {
	var worst float64
	for range 2 {
		p := withSpectrum(rng, logSpectrum(rng, n, kappa))
		q := withSpectrum(rng, logSpectrum(rng, n, kappa))
		d0, _, _ := refAI(p, q, nil, n)
		d1, _, _ := refAI(ulpPerturb(rng, p, n), ulpPerturb(rng, q, n), nil, n)
		worst = math.Max(worst, math.Abs(d1-d0)/d0)
	}
	return worst
}

// ulpPerturb moves every entry of the symmetric p by one ulp up or down at
// random, keeping it symmetric.
func ulpPerturb(rng *rand.Rand, p []float64, n int) []float64 {
	out := append([]float64(nil), p...)
	for i := range n {
		for j := i; j < n; j++ {
			x := out[i*n+j]
			if rng.IntN(2) == 0 {
				x = math.Nextafter(x, math.Inf(1))
			} else {
				x = math.Nextafter(x, math.Inf(-1))
			}
			out[i*n+j], out[j*n+i] = x, x
		}
	}
	return out
}
