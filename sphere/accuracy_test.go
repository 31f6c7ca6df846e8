package sphere

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/internal/testutil"
)

// The reference values in this file are computed in 2400-bit math/big
// arithmetic from the float64 inputs exactly as given, by formulas other than
// the ones under test: the sine of the angle between p and q from Lagrange's
// identity ‖p‖²‖q‖² − ⟨p, q⟩² = ‖p ∧ q‖², its cosine from the exact ⟨p, q⟩,
// and the logarithm from the exactly formed tangent part
// w = q − (⟨p, q⟩/‖p‖²)p. 2400 bits hold every product of two float64s and
// every partial sum exactly down to distances of 1e-300 (squares of 1e-600).

const bigPrec = 2400

func bigf(x float64) *big.Float { return new(big.Float).SetPrec(bigPrec).SetFloat64(x) }

func bigDot(a, b []float64) *big.Float { return testutil.BigDot(a, b, bigPrec) }

// refDist returns the angle between p and q and the logarithm Log_p(q),
// both rounded once from the high-precision values.
func refDist(p, q []float64) (float64, []float64) {
	pp, qq, pq := bigDot(p, p), bigDot(q, q), bigDot(p, q)
	s2 := bigf(0).Mul(pp, qq)
	s2.Sub(s2, bigf(0).Mul(pq, pq))
	if s2.Sign() < 0 {
		s2.SetFloat64(0)
	}
	sinPart := bigf(0).Sqrt(s2) // ‖p‖‖q‖ sin θ
	if s2.Sign() == 0 {
		sinPart = bigf(0)
	}
	sf, _ := sinPart.Float64()
	cf, _ := pq.Float64() // ‖p‖‖q‖ cos θ
	theta := math.Atan2(sf, cf)
	// w = q − (pq/pp) p, exactly (to 2400 bits).
	a := bigf(0).Quo(pq, pp)
	w := make([]*big.Float, len(p))
	ww := bigf(0)
	for i := range p {
		w[i] = bigf(0).Mul(a, bigf(p[i]))
		w[i].Sub(bigf(q[i]), w[i])
		ww.Add(ww, bigf(0).Mul(w[i], w[i]))
	}
	log := make([]float64, len(p))
	if ww.Sign() == 0 {
		return theta, log
	}
	nw := bigf(0).Sqrt(ww)
	for i := range p {
		u, _ := bigf(0).Quo(w[i], nw).Float64()
		log[i] = theta * u
	}
	return theta, log
}

// pairAt returns float64 points p, q at an angle close to theta. For
// theta < 1e-8 (where cos θ rounds to 1) p lives on the first half of the
// coordinates and the tangent direction on the second half, so that q's
// offset survives rounding; otherwise both are generic.
func pairAt(n int, theta float64, structured bool, rng *rand.Rand) (p, q []float64) {
	p = make([]float64, n)
	u := make([]float64, n)
	if structured {
		h := n / 2
		for i := 0; i < h; i++ {
			p[i] = rng.NormFloat64()
		}
		for i := h; i < n; i++ {
			u[i] = rng.NormFloat64()
		}
	} else {
		for i := range p {
			p[i] = rng.NormFloat64()
			u[i] = rng.NormFloat64()
		}
		// Make u ⊥ p.
		var a, b float64
		for i := range p {
			a += p[i] * u[i]
			b += p[i] * p[i]
		}
		for i := range u {
			u[i] -= a / b * p[i]
		}
	}
	normalize(p)
	normalize(u)
	c, s := math.Cos(theta), math.Sin(theta)
	q = make([]float64, n)
	for i := range q {
		q[i] = c*p[i] + s*u[i]
	}
	return p, q
}

func normalize(x []float64) {
	var s float64
	for _, v := range x {
		s += v * v
	}
	s = math.Sqrt(s)
	for i := range x {
		x[i] /= s
	}
}

// distSweep lists the distances of the contract: 1e-300 to 1 log-spaced,
// 1 to π − 1e-8 linearly, and π − 10^{-k} for k up to 8.
func distSweep() []float64 {
	var ts []float64
	for e := -300.0; e <= 0; e += 2.5 {
		ts = append(ts, math.Pow(10, e))
	}
	for t := 1.0; t < math.Pi; t += 0.1 {
		ts = append(ts, t)
	}
	for k := 1.0; k <= 8; k += 0.25 {
		ts = append(ts, math.Pi-math.Pow(10, -k))
	}
	return ts
}

func TestDistAccuracy(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{3, 100} {
		s := New(n)
		dst := make([]float64, n)
		var worstD, worstL float64
		var atD, atL float64
		for _, theta := range distSweep() {
			for trial := 0; trial < 4; trial++ {
				structured := theta < 1e-8 || trial%2 == 1 && n >= 4
				if n < 4 {
					structured = theta < 1e-8 // n = 3: first coordinate vs the other two
				}
				p, q := pairAt(n, theta, structured, rng)
				want, wantLog := refDist(p, q)
				if want == 0 {
					continue
				}
				got := s.Dist(p, q)
				if e := math.Abs(got-want) / want; e > worstD {
					worstD, atD = e, want
				}
				if err := s.Log(dst, p, q); err != nil {
					t.Fatalf("n=%d θ=%g: Log: %v", n, theta, err)
				}
				var num, den float64
				for i := range dst {
					num += (dst[i] - wantLog[i]) * (dst[i] - wantLog[i]) / (want * want)
					den += wantLog[i] * wantLog[i] / (want * want)
				}
				if e := math.Sqrt(num / den); e > worstL {
					worstL, atL = e, want
				}
			}
		}
		t.Logf("n=%d: worst Dist relative error %.2g (at θ=%.3g); worst Log relative error %.2g (at θ=%.3g)", n, worstD, atD, worstL, atL)
		if worstD > 1e-14 {
			t.Errorf("n=%d: Dist relative error %.3g > 1e-14 at θ=%.3g", n, worstD, atD)
		}
		if worstL > 1e-14 {
			t.Errorf("n=%d: Log relative error %.3g > 1e-14 at θ=%.3g", n, worstL, atL)
		}
	}
}
