package linalg_test

import (
	"math"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// TestSameBitsLexLess checks SameBits and LexLess on hand-picked cases:
// signed zeros, NaNs, a longer second argument and the order of the first
// difference.
func TestSameBitsLexLess(t *testing.T) {
	nan := math.NaN()
	negZero := math.Copysign(0, -1)
	for _, c := range []struct {
		a, b         []float64
		same, lt, gt bool // SameBits(a, b), LexLess(a, b), LexLess(b, a)
		name         string
	}{
		{[]float64{}, []float64{}, true, false, false, "empty"},
		{[]float64{1, 2}, []float64{1, 2}, true, false, false, "equal"},
		{[]float64{0}, []float64{negZero}, false, false, false, "0 and −0: different bits, equal values"},
		{[]float64{nan}, []float64{nan}, true, false, false, "same NaN"},
		{[]float64{1, 2}, []float64{1, 3}, false, true, false, "second entry decides"},
		{[]float64{2, 0}, []float64{1, 9}, false, false, true, "first entry decides"},
		{[]float64{1, nan}, []float64{1, 0}, false, false, false, "NaN at the first difference"},
	} {
		if got := linalg.SameBits(c.a, c.b); got != c.same {
			t.Errorf("%s: SameBits = %v, want %v", c.name, got, c.same)
		}
		if got := linalg.LexLess(c.a, c.b); got != c.lt {
			t.Errorf("%s: LexLess(a, b) = %v, want %v", c.name, got, c.lt)
		}
		if got := linalg.LexLess(c.b, c.a); got != c.gt {
			t.Errorf("%s: LexLess(b, a) = %v, want %v", c.name, got, c.gt)
		}
	}
	// b longer than a: only the first len(a) entries count.
	if !linalg.SameBits([]float64{1}, []float64{1, 2}) || linalg.LexLess([]float64{1}, []float64{1, 2}) {
		t.Error("a prefix of b should compare equal")
	}
}
