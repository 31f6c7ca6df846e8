package linalg_test

import (
	"math"
	"math/big"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// bigOrthResidual returns ‖XᵀX − I‖_F in 300-bit math/big arithmetic,
// rounded to float64 at the end.
func bigOrthResidual(x []float64, n, p int) float64 {
	sum := new(big.Float).SetPrec(300)
	t := new(big.Float).SetPrec(300)
	for i := range p {
		for j := range p {
			g := new(big.Float).SetPrec(300)
			for l := range n {
				t.SetFloat64(x[l*p+i])
				t.Mul(t, new(big.Float).SetPrec(300).SetFloat64(x[l*p+j]))
				g.Add(g, t)
			}
			if i == j {
				g.Sub(g, new(big.Float).SetPrec(300).SetInt64(1))
			}
			g.Mul(g, g)
			sum.Add(sum, g)
		}
	}
	sum.Sqrt(sum)
	f, _ := sum.Float64()
	return f
}

// TestOrthResidual compares OrthResidual with the exact residual (math/big)
// on orthonormal frames perturbed by δ from 1e-13 to 1: the error must be
// at the rounding level of the Gram product, a few (n + p)·ε; and checks
// NaN, Inf and the panics.
func TestOrthResidual(t *testing.T) {
	rng := newRand()
	w := newWorst(t, "OrthResidual absolute error / ((n+p)ε)")
	for _, sh := range [][2]int{{1, 1}, {3, 2}, {5, 5}, {10, 3}, {40, 7}} {
		n, p := sh[0], sh[1]
		q := haar(rng, n, false)
		x := make([]float64, n*p)
		for i := range n {
			copy(x[i*p:(i+1)*p], q[i*n:i*n+p])
		}
		for _, delta := range []float64{0, 1e-13, 1e-8, 1e-3, 1} {
			y := append([]float64(nil), x...)
			for i := range y {
				y[i] += delta * rng.NormFloat64()
			}
			got := linalg.OrthResidual(y, n, p)
			want := bigOrthResidual(y, n, p)
			scale := math.Max(1, linalg.MaxAbs(y)*linalg.MaxAbs(y)*float64(n))
			if e := math.Abs(got-want) / (float64(n+p) * 0x1p-52 * scale); !(w.see(e) <= 4) {
				t.Errorf("%d×%d δ=%g: OrthResidual = %.17g, exact %.17g", n, p, delta, got, want)
			}
		}
	}
	if got := linalg.OrthResidual([]float64{1, math.NaN()}, 2, 1); !math.IsNaN(got) {
		t.Errorf("NaN entry: %v", got)
	}
	if got := linalg.OrthResidual([]float64{math.Inf(1), 0}, 2, 1); !math.IsInf(got, 1) && !math.IsNaN(got) {
		t.Errorf("Inf entry: %v", got)
	}
	mustPanic(t, "OrthResidual n < p", func() { linalg.OrthResidual(make([]float64, 2), 1, 2) })
	mustPanic(t, "OrthResidual wrong length", func() { linalg.OrthResidual(make([]float64, 5), 3, 2) })
	if testing.CoverMode() == "" && !raceEnabled {
		x := randMat(rng, 1000, 10)
		linalg.OrthResidual(x, 1000, 10)
		if a := testing.AllocsPerRun(20, func() { linalg.OrthResidual(x, 1000, 10) }); a != 0 {
			t.Errorf("OrthResidual allocates %v times", a)
		}
	}
}
