package grassmann

import (
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// RandomPoint writes an orthonormal basis of a subspace drawn from the
// uniform distribution on Gr(n, p), the unique probability measure
// invariant under the orthogonal group O(n): the Q factor of the thin QR
// factorisation of an n×p matrix with independent standard Gaussian
// entries, with the signs fixed so that R has a positive diagonal. With that
// sign convention Q is Haar-distributed on the Stiefel manifold (Mezzadri
// 2007, "How to generate random matrices from the classical compact
// groups"; Chikuse 2003, "Statistics on Special Manifolds", ch. 2), so
// its span is uniform on Gr(n, p). A rank-deficient draw (probability zero)
// is redrawn.
func (g *Grassmann) RandomPoint(dst []float64, rng *rand.Rand) {
	g.check(dst)
	n, p := g.n, g.p
	ar := linalg.NewArena(n*p + p*p)
	defer ar.Release()
	a, r := ar.Take(n*p), ar.Take(p*p)
	for {
		for i := range a {
			a[i] = rng.NormFloat64()
		}
		linalg.QR(dst, r, a, n, p)
		ok := true
		for i := range p {
			ok = ok && r[i*p+i] > 0
		}
		if ok {
			return
		}
	}
}

// RandomTangent writes a standard Gaussian horizontal vector at Y: an n×p
// matrix with independent standard Gaussian entries projected by
// (I − YYᵀ), so that E‖Δ‖²_F = p(n − p) = Dim. On Gr(n, n) it is zero.
func (g *Grassmann) RandomTangent(dst, y []float64, rng *rand.Rand) {
	g.check(dst, y)
	n, p := g.n, g.p
	a := linalg.GetFloats(n * p) // dst may alias y: draw into scratch
	defer linalg.PutFloats(a)
	for i := range *a {
		(*a)[i] = rng.NormFloat64()
	}
	g.Proj(dst, y, *a)
}
