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
// for P and Q with condition numbers up to 1e6 (spectra log-uniform in
// [1, κ] with both ends present, Haar eigenvectors, independent for P and
// Q so that the pencil (Q, P) has condition number up to κ²), for pairs at
// distances from 1e-10 to about 30, and for V = L·S·Lᵀ with ‖V‖_P = ‖S‖_F
// from 1e-6 to 6. Run with -v to see the measured worst errors:
//
//	go test ./spd -run 'Accuracy' -v

// contractKappa is the largest condition number covered by the contract.
const contractKappa = 1e6

// aiErrors measures the worst Dist, Log and Exp relative errors over
// random data with condition number kappa.
func aiErrors(rng *rand.Rand, n int, kappa float64, trials int, near bool) (dist, log, exp float64) {
	m := New(n)
	for range trials {
		p := withSpectrum(rng, logSpectrum(rng, n, kappa))
		l := make([]float64, n*n)
		if !linalg.Cholesky(l, p, n) {
			panic("test data not positive definite")
		}
		var qs [][]float64
		qs = append(qs, withSpectrum(rng, logSpectrum(rng, n, kappa)))
		if near {
			// Q = Exp_P(V) at distances 1e-10, 1e-6 and 1e-2: the
			// reference is computed from the float64 Q so produced.
			for _, t := range []float64{1e-10, 1e-6, 1e-2} {
				v := tangentAt(rng, l, n, t)
				q := make([]float64, n*n)
				m.Exp(q, p, v)
				qs = append(qs, q)
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
		for _, kappa := range []float64{10, 1e2, 1e4, 1e5, 1e6} {
			trials := 8
			if n == 10 {
				trials = 2
			}
			d, l, e := aiErrors(rng, n, kappa, trials, true)
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
	t.Logf("contract range κ ≤ %.0e: worst Dist %.2g, Log %.2g, Exp %.2g", contractKappa, worstD, worstL, worstE)
}

// TestAccuracyAIBeyond measures the errors beyond the contract, up to
// κ = 1e12, and checks that they grow no faster than 1e-15·κ. It also
// measures how far the exact answer moves when every entry of P, Q and V
// moves by one ulp: at κ = 1e12 that alone exceeds 1e-10 by orders of
// magnitude, so no algorithm working in float64 (whose backward error is at
// least of that order) can extend the 1e-10 contract that far.
func TestAccuracyAIBeyond(t *testing.T) {
	if testing.Short() {
		t.Skip("long accuracy sweep")
	}
	rng := rand.New(rand.NewPCG(2025, 5))
	for _, n := range []int{3, 10} {
		for _, kappa := range []float64{1e7, 1e8, 1e10, 1e12} {
			d, l, e := aiErrors(rng, n, kappa, 2, false)
			s := ulpSensitivity(rng, n, kappa)
			t.Logf("n=%d κ=%.0e: worst relative error Dist %.2g, Log %.2g, Exp %.2g; one ulp of the data moves the exact Dist by %.2g", n, kappa, d, l, e, s)
			for _, c := range []struct {
				name string
				err  float64
			}{{"Dist", d}, {"Log", l}, {"Exp", e}} {
				if !(c.err <= 1e-15*kappa) {
					t.Errorf("n=%d κ=%.0e: %s relative error %.3g > 1e-15·κ", n, kappa, c.name, c.err)
				}
			}
			if kappa == 1e12 && !(s > 1e-9) {
				t.Errorf("n=%d κ=1e12: one-ulp sensitivity of Dist %.3g, expected ≫ 1e-10", n, s)
			}
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
