package stiefel

import (
	"math"
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// RandomPoint writes a point drawn from the uniform (Haar) distribution on
// St(n, p): the Q factor, with a positive diagonal in R, of the QR
// factorisation of an n×p matrix of independent standard normal entries
// (Chikuse, Statistics on Special Manifolds, 2003, Thm 2.2.1(iii) and §2.5.1; Mezzadri
// 2007, "How to generate random matrices from the classical compact
// groups", for the sign convention that makes the distribution exactly
// Haar).
func (s *Stiefel) RandomPoint(dst []float64, rng *rand.Rand) {
	s.check1(dst)
	for {
		for i := range dst {
			dst[i] = rng.NormFloat64()
		}
		linalg.QR(dst, nil, dst, s.n, s.p)
		if linalg.AllFinite(dst) {
			return
		}
	}
}

// RandomTangent writes a standard Gaussian vector of (T_X, g_β): its
// coordinates in any g_β-orthonormal basis of T_X are independent standard
// normal, so E‖Δ‖²_X = Dim. With G an n×p standard normal matrix and
// W = XᵀG it is
//
//	Δ = G − X·(sym(W) + (1 − 1/√β)·skew(W)) = X·skew(W)/√β + (I − XXᵀ)G.
func (s *Stiefel) RandomTangent(dst, x []float64, rng *rand.Rand) {
	s.check2(dst, x)
	g := linalg.GetFloats(s.n * s.p) // dst may alias x: draw into scratch
	defer linalg.PutFloats(g)
	for i := range *g {
		(*g)[i] = rng.NormFloat64()
	}
	s.normalCorrect(dst, x, *g, 1-1/math.Sqrt(s.beta))
}
