package optim

import (
	"math"

	"github.com/geodesic-go/geodesic/manifold"
)

// FrechetProblem returns the Problem of the (unweighted) Fréchet/Karcher
// mean of pts on m,
//
//	f(x) = ½ Σᵢ d²(x, yᵢ),   grad f(x) = −Σᵢ Log_x(yᵢ)
//
// (Karcher 1977; Pennec 2006), with the Riemannian gradient given through
// Problem.RGrad. Where a Log fails (a point in the cut locus of x) the
// gradient is NaN, which Minimize reports as NotFinite. The Problem keeps
// one scratch point and is not safe for concurrent use; KarcherMean is the
// dedicated, weighted and parallel solver for the same cost.
func FrechetProblem(m manifold.Manifold, pts [][]float64) Problem {
	lg := manifold.NewPoint(m)
	return Problem{
		Cost: func(x []float64) float64 {
			var f float64
			for _, q := range pts {
				d := m.Dist(x, q)
				f += 0.5 * d * d
			}
			return f
		},
		RGrad: func(g, x []float64) {
			clear(g)
			for _, q := range pts {
				if err := m.Log(lg, x, q); err != nil {
					for i := range g {
						g[i] = math.NaN()
					}
					return
				}
				for i := range g {
					g[i] -= lg[i]
				}
			}
		},
	}
}
