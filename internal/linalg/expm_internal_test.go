package linalg

import (
	"math/big"
	"testing"
)

// TestPadeCoefficients checks the Padé coefficient tables through the
// closed form b_j = (2m−j)!/(j!·(m−j)!) (the [m/m] Padé numerator of eˣ
// times (2m)!/m!) in exact integer arithmetic.
func TestPadeCoefficients(t *testing.T) {
	fact := func(k int) *big.Int { return new(big.Int).MulRange(1, int64(max(k, 1))) }
	want := map[int][]float64{3: pade3[:], 5: pade5[:], 7: pade7[:], 9: pade9[:], 13: pade13[:]}
	for m, bs := range want {
		for j, b := range bs {
			v := fact(2*m - j)
			v.Quo(v, fact(j))
			v.Quo(v, fact(m-j))
			f, acc := new(big.Float).SetInt(v).Float64()
			if acc != big.Exact || f != b {
				t.Errorf("m=%d j=%d: %v, want %v", m, j, v, b)
			}
		}
	}
}
