package stiefel_test

import (
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/internal/testutil"
	"github.com/geodesic-go/geodesic/stiefel"
)

func newRand(a uint64) *rand.Rand { return rand.New(rand.NewPCG(a, 0x5713f)) }

// orthErr returns ‖XᵀX − I‖_F.
func orthErr(x []float64, n, p int) float64 {
	g := make([]float64, p*p)
	linalg.MulAtB(g, x, x, p, n, p)
	for i := range p {
		g[i*p+i]--
	}
	return testutil.Frob(g)
}

// direction kinds for tangent vectors.
const (
	dirRandom   = iota // RandomTangent
	dirRotation        // X·A only (motion within span X)
	dirNormal          // (I − XXᵀ)G only
	dirMixed           // equal g_β-weight on both parts
)

// tangentOf returns a tangent vector at x of the given kind with ‖v‖_x = d.
func tangentOf(m *stiefel.Stiefel, x []float64, kind int, d float64, rng *rand.Rand) []float64 {
	n, p := m.Shape()
	v := make([]float64, n*p)
	m.RandomTangent(v, x, rng)
	a := make([]float64, p*p)
	linalg.MulAtB(a, x, v, p, n, p)
	rot := make([]float64, n*p)
	linalg.Mul(rot, x, a, n, p, p)
	nor := make([]float64, n*p)
	for i := range v {
		nor[i] = v[i] - rot[i]
	}
	if p == n || testutil.Frob(nor) < 1e-8*testutil.Frob(v) {
		kind = dirRotation // no normal space (p = n): the rounding noise is not a direction
	}
	if p == 1 {
		kind = dirNormal // A = 0 for p = 1
	}
	switch kind {
	case dirRotation:
		v = rot
	case dirNormal:
		v = nor
	case dirMixed:
		nr, nn := m.Norm(x, rot), m.Norm(x, nor)
		if nr > 0 && nn > 0 {
			for i := range v {
				v[i] = rot[i]/nr + nor[i]/nn
			}
		}
	}
	nv := m.Norm(x, v)
	if !(nv > 0) {
		return tangentOf(m, x, dirRandom, d, rng)
	}
	return testutil.Scaled(d/nv, v)
}
