package spd

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// refTransportAI returns the affine-invariant parallel transport E·V·Eᵀ,
// E = (QP⁻¹)^{1/2}, in 320-bit arithmetic: with P = LLᵀ and
// L⁻¹QL⁻ᵀ = U·diag(s)·Uᵀ (Jacobi), E = L·U·diag(√s)·Uᵀ·L⁻¹, so
// E·V·Eᵀ = (LU)·diag(√s)·(UᵀL⁻¹VL⁻ᵀU)·diag(√s)·(LU)ᵀ (Sra & Hosseini 2015).
func refTransportAI(p, q, v []float64, n int) []float64 {
	l := bchol(bmatOf(p, n))
	s, u := bjacobi(bcongInv(l, bmatOf(q, n)))
	x := bmul(btranspose(u), bmul(bcongInv(l, bmatOf(v, n)), u, false), false)
	for i := range n {
		ri := bnew().Sqrt(s[i])
		for j := range n {
			x.at(i, j).Mul(x.at(i, j), ri)
			x.at(j, i).Mul(x.at(j, i), ri)
		}
	}
	lu := bmul(l, u, false)
	return bmul(bmul(lu, x, false), lu, true).float64s()
}

// qNorm returns ‖K⁻¹(a − b)K⁻ᵀ‖_F for Q = KKᵀ: the affine-invariant norm
// at Q of the difference of two tangent vectors there.
func qNorm(q, a, b []float64, n int) float64 {
	k := make([]float64, n*n)
	if !linalg.Cholesky(k, q, n) {
		return math.NaN()
	}
	d := make([]float64, n*n)
	for i := range d {
		d[i] = a[i] - b[i]
	}
	linalg.CongruenceInvLower(d, k, d, n)
	return linalg.Nrm2(d)
}

// TestParallelTransportAccuracyAI checks the affine-invariant transport of
// unit vectors (‖V‖_P = 1) against the 320-bit reference. For
// ill-conditioned data the exact transport of the float64 P and Q is itself
// sensitive to their last bits, so the contract is relative to that
// sensitivity — the change of the exact transport when every entry of P and
// Q moves by one ulp (largest over the trials) — with an absolute floor:
// error ≤ 10·sensitivity + 1e-14; and ≤ 1e-13 for κ ≤ 10 and d ≤ 3. For Q = 2ᵏ·P it is checked against the
// closed form E = 2^{k/2}·I, Γ(V) = 2ᵏ·V, the case where every generalized
// eigenvalue is far from 1 and 1 + δᵢ cancels (the increment form alone
// gave errors of 0.13 at Q = 2⁻⁴⁰·P, n = 6).
func TestParallelTransportAccuracyAI(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 7))
	var worstRatio float64
	worstScaled := map[float64]float64{}
	for _, n := range []int{2, 3, 6} {
		m := New(n)
		for _, kappa := range []float64{10, 1e4, 1e8, 1e12} {
			for _, dist := range []float64{1e-6, 0.1, 3, 10} {
				var worst, sens float64
				for range 4 {
					p := pdDraw(rng, n, kappa)
					l := make([]float64, n*n)
					linalg.Cholesky(l, p, n)
					q := make([]float64, n*n)
					m.Exp(q, p, tangentAt(rng, l, n, dist))
					if !linalg.Cholesky(make([]float64, n*n), q, n) {
						continue // Q beyond float64 (κ(Q) up to κ·e²⁰)
					}
					v := tangentAt(rng, l, n, 1)
					got := make([]float64, n*n)
					m.ParallelTransport(got, p, q, v)
					ref := refTransportAI(p, q, v, n)
					worst = max(worst, qNorm(q, got, ref, n))
					moved := refTransportAI(ulpPerturb(rng, p, n), ulpPerturb(rng, q, n), v, n)
					sens = max(sens, qNorm(q, moved, ref, n))
				}
				t.Logf("n=%d κ=%.0e d=%g: worst error %.2g, ulp sensitivity %.2g", n, kappa, dist, worst, sens)
				if !(worst <= 10*sens+1e-14) {
					t.Errorf("n=%d κ=%.0e d=%g: error %.3g > 10 × sensitivity %.3g + 1e-14", n, kappa, dist, worst, sens)
				}
				if kappa <= 10 && dist <= 3 && !(worst <= 1e-13) {
					t.Errorf("n=%d κ=%.0e d=%g: error %.3g > 1e-13", n, kappa, dist, worst)
				}
				worstRatio = max(worstRatio, worst/(sens+1e-14))
			}
		}
		for _, kappa := range []float64{1, 1e4, 1e8} {
			for _, k := range []int{-60, -40, -10, -1, 1, 10, 40, 60} {
				p := pdDraw(rng, n, kappa)
				l := make([]float64, n*n)
				linalg.Cholesky(l, p, n)
				v := tangentAt(rng, l, n, 1)
				q := make([]float64, n*n)
				want := make([]float64, n*n)
				for i := range q {
					q[i] = math.Ldexp(p[i], k)
					want[i] = math.Ldexp(v[i], k)
				}
				got := make([]float64, n*n)
				m.ParallelTransport(got, p, q, v)
				// The float64 path's own error grows like ε·κ(P).
				bound := 1e-12 * max(1, kappa/1e4)
				e := qNorm(q, got, want, n)
				worstScaled[kappa] = max(worstScaled[kappa], e)
				if !(e <= bound) {
					t.Errorf("n=%d κ=%.0e Q = 2^%d·P: error %.3g > %.0e", n, kappa, k, e, bound)
				}
			}
		}
	}
	t.Logf("worst error / (ulp sensitivity + 1e-14): %.2g", worstRatio)
	t.Logf("Q = 2ᵏ·P, k = ±1 … ±60, worst error: κ = 1: %.2g, κ = 1e4: %.2g, κ = 1e8: %.2g", worstScaled[1], worstScaled[1e4], worstScaled[1e8])
}
