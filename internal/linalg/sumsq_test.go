package linalg_test

import (
	"math"
	"math/big"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// TestSumSq compares SumSq with the exact sum of squares in 300-bit
// math/big arithmetic (relative error ≤ γₙ), and checks the special
// values: empty, overflow to +Inf, NaN, and that it agrees with Nrm2² where
// Nrm2 takes its unscaled path.
func TestSumSq(t *testing.T) {
	rng := newRand()
	w := newWorst(t, "SumSq relative error / (nε)")
	for _, n := range []int{1, 2, 7, 100, 1000} {
		for range 20 {
			x := randMat(rng, 1, n)
			for i := range x {
				x[i] *= math.Exp(4 * rng.NormFloat64()) // spread the magnitudes
			}
			exact := new(big.Float).SetPrec(300)
			for _, v := range x {
				sq := new(big.Float).SetPrec(300).SetFloat64(v)
				sq.Mul(sq, sq)
				exact.Add(exact, sq)
			}
			want, _ := exact.Float64()
			got := linalg.SumSq(x)
			gn := float64(n) * 0x1p-52
			if e := math.Abs(got-want) / want; !(w.see(e/gn) <= 1/(1-gn)) {
				t.Errorf("n=%d: SumSq = %v, exact %v (relative error %.3g > γₙ)", n, got, want, e)
			}
			if nr := linalg.Nrm2(x); math.Abs(nr*nr-got) > 4*gn*got {
				t.Errorf("n=%d: SumSq = %v, Nrm2² = %v", n, got, nr*nr)
			}
		}
	}
	if got := linalg.SumSq(nil); got != 0 {
		t.Errorf("SumSq(empty) = %v", got)
	}
	if got := linalg.SumSq([]float64{1e200, 1}); !math.IsInf(got, 1) {
		t.Errorf("SumSq overflow = %v, want +Inf", got)
	}
	if got := linalg.SumSq([]float64{1, math.NaN()}); !math.IsNaN(got) {
		t.Errorf("SumSq with NaN = %v", got)
	}
}
