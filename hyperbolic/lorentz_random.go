package hyperbolic

import (
	"math"
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// RandomPoint writes the point with spatial part x_{1:} = g/√c, g a
// standard Gaussian vector of Rⁿ, and x₀ = √(1/c + ‖x_{1:}‖²) (the
// distribution of Manopt's hyperbolicfactory.rand, scaled by 1/√c). Its
// distance from the origin is asinh(‖g‖)/√c ≈ ln(2√n)/√c, so the points
// spread over a few units around the origin in every dimension, where every
// operation has its full accuracy. The three models draw the same numbers
// from rng and map them by the conversions of this package, so their
// RandomPoint results are the same hyperbolic points up to rounding.
func (l *Lorentz) RandomPoint(dst []float64, rng *rand.Rand) {
	l.check(dst)
	g := dst[1:]
	for i := range g {
		g[i] = rng.NormFloat64() * l.r
	}
	dst[0] = l.time(g)
}

// RandomTangent writes a standard Gaussian vector of T_x Hⁿ in the metric at
// x: the image of a standard Gaussian g of T_o Hⁿ = {(0, g)} under the
// Lorentz boost B that maps the origin o to x, an isometry,
//
//	B(0, g) = (√c⟨a, g⟩, g + (c⟨a, g⟩/(1 + √c·x₀))·a),   a = x_{1:},
//
// with x₀ taken as √(1/c + ‖a‖²) (Ratcliffe 2019, §3.1), so E‖v‖²_L = n.
func (l *Lorentz) RandomTangent(dst, x []float64, rng *rand.Rand) {
	l.check(dst, x)
	gp := linalg.GetFloats(l.n) // dst may alias x: draw into scratch
	defer linalg.PutFloats(gp)
	g := *gp
	for i := range g {
		g[i] = rng.NormFloat64()
	}
	a := x[1:]
	ag := dot(a, g)
	t := l.time(a)
	k := l.c * ag / (1 + l.sqrtC*t)
	if math.IsInf(t, 1) {
		k = 0
	}
	for i, ai := range a {
		dst[i+1] = g[i] + k*ai
	}
	dst[0] = l.sqrtC * ag
}
