package optim

import (
	"context"

	"github.com/geodesic-go/geodesic/manifold"
)

// GeometricMedian returns the weighted geometric median of the points in
// data on the manifold m: a minimiser of
//
//	F(x) = Σ_j w_j d(x, x_j),   w_j = weights_j/Σ weights,
//
// by the Riemannian Weiszfeld algorithm of Fletcher, Venkatasubramanian &
// Joshi (2009, "The geometric median on Riemannian manifolds with
// application to robust atlas estimation", NeuroImage 45),
//
//	x_{k+1} = Exp_{x_k}(t_k·v_k),   v_k = Σ_j (w_j/d_j)·Log_{x_k}(x_j) / Σ_j (w_j/d_j),
//
// d_j = d(x_k, x_j), with the natural step t_k = 1 checked and shortened as
// in KarcherMean (the Armijo safeguard makes every step a decrease, whatever
// the curvature; Yang 2010, "Riemannian median and its estimation", LMS J.
// Comput. Math. 13, analyses the convergence). The median may be a data point, where F is not differentiable:
// points within MeanOptions.Epsilon of the iterate, of total weight Z, are
// left out of the sums and the step is scaled by (1 − Z/‖G‖)₊, G = Σ_j
// (w_j/d_j)·Log_{x_k}(x_j) over the others (the modification of Vardi &
// Zhang 2000, "The multivariate L1-median and associated data depth", PNAS
// 97); the iterate is optimal, and the run stops with GradientConverged,
// when ‖G‖ ≤ Z. GradNorm is the norm of the least-norm subgradient,
// (‖G‖ − Z)₊. Since the iteration approaches a median that is a data point
// only linearly, at a rate ‖G'‖/w_j (G' the pull of the other points) that
// tends to 1 when the point is barely a median, a data point carrying at
// least half of Σ_j w_j/d_j is tried as the next iterate, and taken if it
// does not increase F.
//
// The default starting point, parallelism, validation and errors are those
// of KarcherMean (the start is a mean, which the iteration then pulls
// towards the median). Method is "weiszfeld".
func GeometricMedian(ctx context.Context, m manifold.Manifold, data [][]float64, weights []float64, opts *MeanOptions) (*Result, error) {
	return averagePoints(ctx, "GeometricMedian", m, data, weights, opts, true)
}
