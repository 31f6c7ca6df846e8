package flag_test

import (
	"math"
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/flag"
	"github.com/geodesic-go/geodesic/internal/testutil"
)

func newRand(a uint64) *rand.Rand { return rand.New(rand.NewPCG(a, 0xf1a6)) }

// blockRotation returns a random block-diagonal orthogonal p×p matrix
// blkdiag(Q₁, …, Q_k) for the flag f, each Q_i Haar on O(m_i) (so
// reflections included).
func blockRotation(f *flag.Flag, rng *rand.Rand) []float64 {
	_, p := f.Shape()
	q := make([]float64, p*p)
	for i := 0; i < f.NumBlocks(); i++ {
		lo, hi := f.BlockRange(i)
		m := hi - lo
		b := testutil.Haar(rng, m, false)
		for r := 0; r < m; r++ {
			for c := 0; c < m; c++ {
				q[(lo+r)*p+lo+c] = b[r*m+c]
			}
		}
	}
	return q
}

// rotate returns X·Q for the n×p point x and the p×p matrix q.
func rotate(f *flag.Flag, x, q []float64) []float64 {
	n, p := f.Shape()
	return testutil.MatMul(x, q, n, p, p)
}

// tangent returns a random horizontal vector at x with ‖v‖_x = d.
func tangent(f *flag.Flag, x []float64, d float64, rng *rand.Rand) []float64 {
	v := make([]float64, len(x))
	f.RandomTangent(v, x, rng)
	return testutil.Scaled(d/f.Norm(x, v), v)
}

func point(f *flag.Flag, rng *rand.Rand) []float64 {
	n, p := f.Shape()
	x := make([]float64, n*p)
	f.RandomPoint(x, rng)
	return x
}

// worst tracks the largest value seen and where.
type worst struct {
	v  float64
	at string
}

func (w *worst) see(v float64, at string) {
	if v > w.v || math.IsNaN(v) {
		w.v, w.at = v, at
	}
}
