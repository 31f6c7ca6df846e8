package flag

import (
	"math"
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// RandomPoint writes a representative of a flag drawn from the uniform
// distribution on the flag manifold, the unique probability measure
// invariant under O(n): a Haar-distributed point of St(n, p) (the Q
// factor, with a positive diagonal in R, of the QR factorisation of an n×p
// standard Gaussian matrix; Mezzadri 2007; Chikuse 2003), whose image
// under the O(n)-equivariant quotient map is O(n)-invariant.
func (f *Flag) RandomPoint(dst []float64, rng *rand.Rand) {
	f.check1(dst)
	f.st.RandomPoint(dst, rng)
}

// RandomTangent writes a standard Gaussian horizontal vector at X for the
// configured metric: its coordinates in any g_β-orthonormal basis of the
// horizontal space are independent standard normal, so E‖Δ‖²_X = Dim.
// With G an n×p standard Gaussian matrix and W = XᵀG it is
//
//	Δ = (I − XXᵀ)G + X·offdiag(skew W)/√β,
//
// the g_β-orthogonal projection onto the horizontal space of the standard
// Gaussian of T_X St(n, p). On a one-point manifold it is zero.
func (f *Flag) RandomTangent(dst, x []float64, rng *rand.Rand) {
	f.check2(dst, x)
	g := linalg.GetFloats(f.n * f.p) // dst may alias x: draw into scratch
	defer linalg.PutFloats(g)
	for i := range *g {
		(*g)[i] = rng.NormFloat64()
	}
	if f.point() {
		clear(dst)
		return
	}
	f.normalCorrect(dst, x, *g, 1-1/math.Sqrt(f.beta))
}
