package hyperbolic

import (
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// RandomPoint writes the image in the ball of Lorentz.RandomPoint's
// point: for g a standard Gaussian vector of Rⁿ,
//
//	x = g/(√c·(1 + √(1 + ‖g‖²))),
//
// at distance asinh(‖g‖)/√c ≈ ln(2√n)/√c from the origin (clamped like
// Project only when n is in the hundreds of millions).
func (b *PoincareBall) RandomPoint(dst []float64, rng *rand.Rand) {
	b.check(dst)
	for i := range dst {
		dst[i] = rng.NormFloat64()
	}
	ng := linalg.Nrm2(dst)
	k := b.r / (1 + hypot(1, ng))
	for i := range dst {
		dst[i] *= k
	}
	clampGap(b.c, dst)
}

// RandomTangent writes a standard Gaussian vector of T_x in the metric at x,
// g/λ_x = ((1 − c‖x‖²)/2)·g with g standard Gaussian in Rⁿ.
func (b *PoincareBall) RandomTangent(dst, x []float64, rng *rand.Rand) {
	b.check(dst, x)
	gap, _ := ballGap(b.c, x) // before dst, which may alias x, is written
	k := 0.5 * gap
	for i := range dst {
		dst[i] = k * rng.NormFloat64()
	}
}
