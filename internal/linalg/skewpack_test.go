package linalg_test

import (
	"math"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// TestPackSkew checks PackSkew on hand-derived values, its isometry
// ‖PackSkew(A)‖₂ = ‖skew(A)‖_F against the Frobenius norm of
// (A − Aᵀ)/2 formed independently, that UnpackSkew gives an exactly
// skew-symmetric matrix, and the round trips both ways.
func TestPackSkew(t *testing.T) {
	// A = [[1, 2, 3], [4, 5, 6], [7, 8, 9]]: skew(A)₁₂ = −1, ₁₃ = −2, ₂₃ = −1.
	a := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9}
	got := make([]float64, 3)
	linalg.PackSkew(got, a, 3)
	want := []float64{-math.Sqrt2, -2 * math.Sqrt2, -math.Sqrt2}
	for i := range got {
		if math.Abs(got[i]-want[i]) > 1e-15*math.Abs(want[i]) {
			t.Errorf("PackSkew of the 3×3 example: entry %d = %v, want %v", i, got[i], want[i])
		}
	}
	rng := newRand()
	w := newWorst(t, "PackSkew/UnpackSkew round trip (relative)")
	for _, p := range []int{0, 1, 2, 3, 5, 8} {
		d := p * (p - 1) / 2
		a := randMat(rng, p, p)
		x := make([]float64, d)
		linalg.PackSkew(x, a, p)
		s := make([]float64, p*p)
		for i := range p {
			for j := range p {
				s[i*p+j] = (a[i*p+j] - a[j*p+i]) / 2
			}
		}
		if p > 0 {
			if e := math.Abs(frob(x) - frob(s)); !(e <= 4e-16*frob(s)*float64(p)) {
				t.Errorf("p=%d: ‖PackSkew(A)‖ = %v, ‖skew A‖_F = %v", p, frob(x), frob(s))
			}
		}
		back := make([]float64, p*p)
		linalg.UnpackSkew(back, x, p)
		if !isExactlySkew(back, p) {
			t.Errorf("p=%d: UnpackSkew is not exactly skew-symmetric", p)
		}
		if p > 0 && w.see(relErr(back, s)) > 4e-16 {
			t.Errorf("p=%d: UnpackSkew(PackSkew(A)) differs from skew(A) by %.3g", p, relErr(back, s))
		}
		x2 := make([]float64, d)
		linalg.PackSkew(x2, back, p)
		if d > 0 && w.see(relErr(x2, x)) > 4e-16 {
			t.Errorf("p=%d: PackSkew(UnpackSkew(x)) differs from x by %.3g", p, relErr(x2, x))
		}
	}
	mustPanic(t, "PackSkew wrong length", func() { linalg.PackSkew(make([]float64, 2), a, 3) })
	mustPanic(t, "UnpackSkew wrong length", func() { linalg.UnpackSkew(make([]float64, 8), got, 3) })
	mustPanic(t, "PackSkew negative p", func() { linalg.PackSkew(nil, nil, -1) })
}
