package hyperbolic

import (
	"github.com/geodesic-go/geodesic/internal/linalg"

	"math"
	"math/rand/v2"
)

// RandomPoint writes the image in the half-space of Lorentz.RandomPoint's
// point: for g a standard Gaussian vector of Rⁿ with last entry g_n,
//
//	x = (g', 1)/(√c·(√(1 + ‖g‖²) − g_n)),
//
// at distance asinh(‖g‖)/√c ≈ ln(2√n)/√c from the origin (0, …, 0, 1/√c).
func (h *HalfSpace) RandomPoint(dst []float64, rng *rand.Rand) {
	h.check(dst)
	for i := range dst {
		dst[i] = rng.NormFloat64()
	}
	last := h.n - 1
	gn := dst[last]
	gp := linalg.Nrm2(dst[:last])
	t := hypot(1, gp) // √(1 + ‖g'‖²)
	g0 := hypot(t, math.Abs(gn))
	// g₀ − g_n without cancellation.
	den := g0 - gn
	if gn > 0 {
		den = t * (t / (g0 + gn))
	}
	k := h.r / den
	for i := 0; i < last; i++ {
		dst[i] *= k
	}
	dst[last] = max(k, HalfSpaceMinHeight)
}

// RandomTangent writes a standard Gaussian vector of T_x in the metric at x,
// √c·x_n·g with g standard Gaussian in Rⁿ.
func (h *HalfSpace) RandomTangent(dst, x []float64, rng *rand.Rand) {
	h.check(dst, x)
	k := h.sqrtC * x[h.n-1] // before dst, which may alias x, is written
	for i := range dst {
		dst[i] = k * rng.NormFloat64()
	}
}
