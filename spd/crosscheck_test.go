package spd

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/internal/testutil"
)

// Cross-checks of the log-Euclidean, log-Cholesky and Bures–Wasserstein
// metrics against independent computations: gonum's mat package (its
// symmetric eigensolver, its general Padé matrix exponential) for the
// log-Euclidean metric, and 320-bit math/big evaluations of the defining
// formulas (bigref_test.go) for the other two.

func randSym(rng *rand.Rand, n int, scale float64) []float64 {
	s := make([]float64, n*n)
	gaussSym(s, n, scale, rng)
	return s
}

func TestLogEuclideanCrossCheck(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	var wd, wl, we, wt float64
	for _, n := range []int{2, 3, 7} {
		m := New(n, WithMetric(LogEuclidean))
		for _, kappa := range []float64{10, 1e2, 1e4} {
			for range 3 {
				p := withSpectrum(rng, logSpectrum(rng, n, kappa))
				q := withSpectrum(rng, logSpectrum(rng, n, kappa))
				lp, lq := testutil.SymFunc(p, n, math.Log), testutil.SymFunc(q, n, math.Log)
				// Dist = ‖log P − log Q‖_F.
				var dd float64
				for i := range lp {
					dd = math.Hypot(dd, lp[i]-lq[i])
				}
				wd = math.Max(wd, math.Abs(m.Dist(p, q)-dd)/dd)
				// Log_P(Q) = D exp(log P)[log Q − log P].
				diff := make([]float64, n*n)
				for i := range diff {
					diff[i] = lq[i] - lp[i]
				}
				want := testutil.FrechetExp(lp, diff, n)
				got := make([]float64, n*n)
				if err := m.Log(got, p, q); err != nil {
					t.Fatal(err)
				}
				wl = math.Max(wl, frobRel(got, want))
				// Exp_P(D exp(log P)[ξ]) = exp(log P + ξ).
				xi := randSym(rng, n, 0.7)
				v := testutil.FrechetExp(lp, xi, n)
				sum := make([]float64, n*n)
				for i := range sum {
					sum[i] = lp[i] + xi[i]
				}
				m.Exp(got, p, v)
				we = math.Max(we, frobRel(got, testutil.SymFunc(sum, n, math.Exp)))
				// Parallel transport: D exp(log P)[ξ] ↦ D exp(log Q)[ξ].
				m.ParallelTransport(got, p, q, v)
				wt = math.Max(wt, frobRel(got, testutil.FrechetExp(lq, xi, n)))
			}
		}
	}
	t.Logf("log-Euclidean vs gonum: worst relative error Dist %.2g, Log %.2g, Exp %.2g, ParallelTransport %.2g", wd, wl, we, wt)
	for _, c := range []struct {
		name string
		err  float64
	}{{"Dist", wd}, {"Log", wl}, {"Exp", we}, {"ParallelTransport", wt}} {
		if !(c.err <= 1e-10) {
			t.Errorf("log-Euclidean %s relative error %.3g > 1e-10", c.name, c.err)
		}
	}
}

// refW2 returns the 2-Wasserstein distance between N(0, P) and N(0, Q),
// (tr P + tr Q − 2 tr (P^{1/2}QP^{1/2})^{1/2})^{1/2}, in 320-bit arithmetic
// by cyclic Jacobi eigendecompositions; the cancellation of the trace
// formula costs nothing at that precision.
func refW2(p, q []float64, n int) float64 {
	w, u := bjacobi(bmatOf(p, n))
	for i := range w {
		w[i] = bnew().Sqrt(w[i])
	}
	ph := bfuncCong(identityB(n), w, u) // P^{1/2}
	c := bmul(bmul(ph, bmatOf(q, n), false), ph, false)
	mu, _ := bjacobi(c)
	s := bnew()
	for i := range n {
		s.Add(s, bf(p[i*n+i]))
		s.Add(s, bf(q[i*n+i]))
	}
	for _, x := range mu {
		s.Sub(s, bnew().Mul(bf(2), bnew().Sqrt(x)))
	}
	d, _ := bnew().Sqrt(s).Float64()
	return d
}

func identityB(n int) bmat {
	m := newBmat(n)
	for i := range n {
		m.at(i, i).SetInt64(1)
	}
	return m
}

func TestBuresWassersteinW2(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	worst := map[float64]float64{}
	for _, n := range []int{2, 3, 6} {
		m := New(n, WithMetric(BuresWasserstein))
		for _, kappa := range []float64{10, 1e2, 1e4, 1e6} {
			for range 3 {
				p := withSpectrum(rng, logSpectrum(rng, n, kappa))
				qs := [][]float64{withSpectrum(rng, logSpectrum(rng, n, kappa))}
				// A nearby pair, where the trace formula cancels in float64.
				v := randSym(rng, n, 1e-6)
				q := make([]float64, n*n)
				m.Exp(q, p, v)
				qs = append(qs, q)
				for _, q := range qs {
					want := refW2(p, q, n)
					e := math.Abs(m.Dist(p, q)-want) / want
					worst[kappa] = math.Max(worst[kappa], e)
					// For a pair 1e-6 apart with κ = 1e6, one ulp of P moves
					// Q − P, hence W₂, by about ε·κ/1e-6 = 1e-4 relative; the
					// computed distance is far better than that, but not 1e-10.
					tol := 1e-10
					if kappa > 1e4 {
						tol = 1e-8
					}
					if !(e <= tol) {
						t.Errorf("n=%d κ=%.0e: Bures–Wasserstein Dist %.17g, W₂ %.17g, relative error %.3g", n, kappa, m.Dist(p, q), want, e)
					}
				}
			}
		}
	}
	for _, kappa := range []float64{10, 1e2, 1e4, 1e6} {
		t.Logf("Bures–Wasserstein Dist vs 320-bit W₂, κ = %.0e, far pairs and pairs 1e-6 apart: worst relative error %.2g", kappa, worst[kappa])
	}
}

// refLC returns the log-Cholesky distance and Exp_P(V) from their
// definitions (Lin 2019) in 320-bit arithmetic.
func refLC(p, q, v []float64, n int) (float64, []float64) {
	l := bchol(bmatOf(p, n))
	k := bchol(bmatOf(q, n))
	s := bnew()
	for i := range n {
		for j := 0; j < i; j++ {
			d := bnew().Sub(k.at(i, j), l.at(i, j))
			s.Add(s, bnew().Mul(d, d))
		}
		d := bnew().Sub(blog(k.at(i, i)), blog(l.at(i, i)))
		s.Add(s, bnew().Mul(d, d))
	}
	dist, _ := bnew().Sqrt(s).Float64()
	// X = L·(L⁻¹VL⁻ᵀ)_½, K' = ⌊L⌋ + ⌊X⌋ + D(L)·exp(D(X)/D(L)), Exp = K'K'ᵀ.
	a := bcongInv(l, bmatOf(v, n))
	for i := range n {
		a.at(i, i).Mul(a.at(i, i), bf(0.5))
		for j := i + 1; j < n; j++ {
			a.at(i, j).SetInt64(0)
		}
	}
	x := bmul(l, a, false)
	kk := newBmat(n)
	for i := range n {
		for j := 0; j < i; j++ {
			kk.at(i, j).Add(l.at(i, j), x.at(i, j))
		}
		kk.at(i, i).Mul(l.at(i, i), bexp(bnew().Quo(x.at(i, i), l.at(i, i))))
	}
	return dist, bmul(kk, kk, true).float64s()
}

func TestLogCholeskyReference(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	var wd, we float64
	for _, n := range []int{2, 3, 6} {
		m := New(n, WithMetric(LogCholesky))
		for _, kappa := range []float64{10, 1e2, 1e4, 1e6} {
			for range 3 {
				p := withSpectrum(rng, logSpectrum(rng, n, kappa))
				q := withSpectrum(rng, logSpectrum(rng, n, kappa))
				// A tangent vector of log-Cholesky norm 1.5 (the data; the
				// reference does not depend on how it was made).
				v := make([]float64, n*n)
				m.RandomTangent(v, p, rng)
				k := 1.5 / m.Norm(p, v)
				for i := range v {
					v[i] *= k
				}
				d, ex := refLC(p, q, v, n)
				wd = math.Max(wd, math.Abs(m.Dist(p, q)-d)/d)
				got := make([]float64, n*n)
				m.Exp(got, p, v)
				we = math.Max(we, frobRel(got, ex))
			}
		}
	}
	t.Logf("log-Cholesky vs 320-bit definitions (κ ≤ 1e6): worst relative error Dist %.2g, Exp %.2g", wd, we)
	if !(wd <= 1e-10) || !(we <= 1e-10) {
		t.Errorf("log-Cholesky relative errors Dist %.3g, Exp %.3g, want ≤ 1e-10", wd, we)
	}
}
