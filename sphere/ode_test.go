package sphere

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/internal/testutil"
)

func dot(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += a[i] * b[i]
	}
	return s
}

func maxAbsDiff(a, b []float64) float64 {
	var m float64
	for i := range a {
		m = math.Max(m, math.Abs(a[i]-b[i]))
	}
	return m
}

// TestExpODE compares Exp with an RK4 integration of the geodesic equation
// of the sphere, γ” = −‖γ'‖²γ (the acceleration of a unit-sphere geodesic is
// normal, and ⟨γ, γ”⟩ = −‖γ'‖² from differentiating ⟨γ, γ'⟩ = 0 twice).
func TestExpODE(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, n := range []int{3, 20} {
		s := New(n)
		for trial := 0; trial < 5; trial++ {
			p := make([]float64, n)
			v := make([]float64, n)
			s.RandomPoint(p, rng)
			s.RandomTangent(v, p, rng)
			scale := 0.5 + 2.5*rng.Float64() // angles up to ~3 rad·√n
			for i := range v {
				v[i] *= scale / math.Sqrt(float64(n))
			}
			y := append(append([]float64{}, p...), v...)
			testutil.RK4(y, 4000, func(dy, y []float64) {
				x, xd := y[:n], y[n:]
				sp := dot(xd, xd)
				copy(dy[:n], xd)
				for i := range x {
					dy[n+i] = -sp * x[i]
				}
			})
			got := make([]float64, n)
			s.Exp(got, p, v)
			if e := maxAbsDiff(got, y[:n]); e > 1e-12 {
				t.Errorf("n=%d: Exp differs from the ODE solution by %.3g", n, e)
			}
		}
	}
}

// TestParallelTransportODE compares ParallelTransport with an RK4
// integration of the parallel transport equation along the geodesic:
// V' = −⟨γ', V⟩γ (V stays tangent and its covariant derivative, the tangent
// part of V', vanishes), together with the geodesic equation.
func TestParallelTransportODE(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, n := range []int{3, 20} {
		s := New(n)
		for trial := 0; trial < 5; trial++ {
			p := make([]float64, n)
			u := make([]float64, n)
			v := make([]float64, n)
			s.RandomPoint(p, rng)
			s.RandomTangent(u, p, rng)
			s.RandomTangent(v, p, rng)
			// ‖u‖ in (0, 3), short of the antipode.
			k := (0.1 + 2.9*rng.Float64()) / s.Norm(p, u)
			for i := range u {
				u[i] *= k
			}
			q := make([]float64, n)
			s.Exp(q, p, u)
			y := append(append(append([]float64{}, p...), u...), v...)
			testutil.RK4(y, 4000, func(dy, y []float64) {
				x, xd, w := y[:n], y[n:2*n], y[2*n:]
				sp := dot(xd, xd)
				c := dot(xd, w)
				copy(dy[:n], xd)
				for i := range x {
					dy[n+i] = -sp * x[i]
					dy[2*n+i] = -c * x[i]
				}
			})
			got := make([]float64, n)
			s.ParallelTransport(got, p, q, v)
			if e := maxAbsDiff(got, y[2*n:]) / s.Norm(p, v); e > 1e-11 {
				t.Errorf("n=%d ‖u‖=%.3g: ParallelTransport differs from the ODE solution by %.3g", n, s.Norm(p, u), e)
			}
			if e := math.Abs(s.Norm(q, got)-s.Norm(p, v)) / s.Norm(p, v); e > 1e-14 {
				t.Errorf("n=%d: ParallelTransport changes the norm by %.3g (relative)", n, e)
			}
		}
	}
}

// bigPi returns π to prec bits by Machin's formula π = 16·atan(1/5) − 4·atan(1/239).
func bigPi(prec uint) *big.Float {
	atanInv := func(x int64) *big.Float {
		// atan(1/x) = Σ (−1)^k / ((2k+1) x^{2k+1})
		sum := new(big.Float).SetPrec(prec)
		pow := new(big.Float).SetPrec(prec).Quo(big.NewFloat(1).SetPrec(prec), new(big.Float).SetPrec(prec).SetInt64(x))
		x2 := new(big.Float).SetPrec(prec).SetInt64(x * x)
		eps := new(big.Float).SetPrec(prec).SetMantExp(big.NewFloat(1), -int(prec)-10)
		for k := int64(0); ; k++ {
			term := new(big.Float).SetPrec(prec).Quo(pow, new(big.Float).SetPrec(prec).SetInt64(2*k+1))
			if k%2 == 0 {
				sum.Add(sum, term)
			} else {
				sum.Sub(sum, term)
			}
			if term.Cmp(eps) < 0 {
				return sum
			}
			pow.Quo(pow, x2)
		}
	}
	pi := new(big.Float).SetPrec(prec).Mul(big.NewFloat(16), atanInv(5))
	return pi.Sub(pi, new(big.Float).SetPrec(prec).Mul(big.NewFloat(4), atanInv(239)))
}

// TestExpWrapsAround checks that Exp reduces the angle ‖v‖ modulo 2π
// correctly for huge ‖v‖. With p = e₁ and v = t·e₂ the norm ‖v‖ = t is
// exact, so the expected point (cos r, sin r, 0) can be formed from the
// residue r = t mod 2π computed in 1200-bit arithmetic.
func TestExpWrapsAround(t *testing.T) {
	s := New(3)
	pi := bigPi(1200)
	twoPi := new(big.Float).SetPrec(1200).Mul(pi, big.NewFloat(2))
	p := []float64{1, 0, 0}
	for _, tt := range []float64{7, 1e3 + 0.5, 123456.789, 1e15 + 3, 1e100, 1e300, math.MaxFloat64 / 2} {
		v := []float64{0, tt, 0}
		got := make([]float64, 3)
		s.Exp(got, p, v)
		// r = t − 2π·round(t/2π)
		bt := new(big.Float).SetPrec(1200).SetFloat64(tt)
		k := new(big.Float).SetPrec(1200).Quo(bt, twoPi)
		ki, _ := k.Int(nil)
		kf := new(big.Float).SetPrec(1200).SetInt(ki)
		r := new(big.Float).SetPrec(1200).Sub(bt, kf.Mul(kf, twoPi))
		rf, _ := r.Float64()
		want := []float64{math.Cos(rf), math.Sin(rf), 0}
		if e := maxAbsDiff(got, want); e > 4e-16 {
			t.Errorf("‖v‖ = %g: Exp = %v, want %v (error %.3g)", tt, got, want, e)
		}
	}
}
