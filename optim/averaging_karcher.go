package optim

import (
	"context"
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/hyperbolic"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/spd"
)

// KarcherMean returns the weighted Karcher (Fréchet, Riemannian centre of
// mass) mean of the points in data on the manifold m: a minimiser of
//
//	F(x) = Σ_j w_j d(x, x_j)²,   w_j = weights_j/Σ weights,
//
// (nil weights mean equal weights), by the Riemannian gradient descent
//
//	x_{k+1} = Exp_{x_k}(t_k·v_k),   v_k = Σ_j w_j Log_{x_k}(x_j) = −½·grad F(x_k)
//
// (Karcher 1977; Pennec 2006; Afsari, Tron & Vidal 2013, "On the
// convergence of gradient descent for finding the Riemannian center of
// mass", SIAM J. Control Optim. 51). The step:
//
//   - The classical iteration takes t_k = 1, exact in one step in a flat
//     space. It is the step used on every manifold not listed below: where
//     the sectional curvature is nonnegative (sphere, Grassmannian, SO(3),
//     Stiefel with the canonical metric, Bures–Wasserstein) the Hessian of
//     ½d(·, x_j)² is at most the identity (Hessian comparison theorem), so
//     step 1 is a descent step; elsewhere (the Euclidean Stiefel metric,
//     whose curvature lies in [−½, 1], Zimmermann & Stoye 2024; unknown
//     manifolds) the Armijo check below keeps it safe.
//   - Step 1 is not safe on every Hadamard manifold: where the sectional
//     curvature lies in [−κ, 0] the Hessian of ½F has its eigenvalues in
//     [1, L], L = Σ_j w_j ζ(√κ·d_j), ζ(x) = x·coth x, d_j = d(x_k, x_j), so
//     for spread data (hyperbolic points ten units apart: L ≈ 10) the fixed
//     step overshoots by that factor and diverges. On the manifolds whose
//     curvature bound is known — the three hyperbolic models (κ = c) and
//     the affine-invariant SPD metric (sectional curvatures in [−½, 0]) —
//     the step is t_k = 2/(1 + L), the optimal fixed step for that
//     spectrum (contraction (L − 1)/(L + 1) per step near the mean), which
//     tends to 1 as the data concentrate. The log-Euclidean and
//     log-Cholesky metrics are flat: step 1, and the mean is their closed
//     form, found at iteration 0.
//   - Every step is checked: one that does not decrease F by the Armijo
//     condition F(x⁺) ≤ F(x) − 10⁻⁴·t·‖grad F‖²/2 is shortened (by
//     safeguarded quadratic interpolation), which makes the iteration
//     monotone on any manifold; near the solution, where the decrease is
//     below the rounding level of F, a step that changes F only at that
//     level is accepted. After a step accepted at its first trial the next
//     trial is twice as long (at most the step above).
//   - A manifold counts as Hadamard (complete, simply connected,
//     nonpositively curved, where the mean exists and is unique and Log is
//     defined everywhere) when it reports an infinite injectivity radius
//     (manifold.InjectivityRadiuser): the affine-invariant, log-Euclidean
//     and log-Cholesky SPD metrics and the three hyperbolic models. On a
//     manifold that reports a finite radius r(x) (sphere: π; Grassmannian:
//     π/2; Stiefel; Bures–Wasserstein: √λ_min) a step is at most r(x)/2
//     long, and a trial point at which some logarithm fails is rejected
//     like one that increases F.
//
// The logarithms, one per data point of positive weight, are computed on
// several goroutines (MeanOptions.Workers); the cost and the gradient come
// from the same logarithms, so an iteration costs one pass over the data
// (plus one per shortened trial).
//
// The default starting point is a closed form where one applies: for a
// single point that point; for two points the weighted geodesic point
// GeodesicPoint(x_1, x_2, w_2) (the exact answer); on spd.SPD the
// log-Euclidean mean (LogEuclideanMean; exact for the log-Euclidean metric,
// close for the affine-invariant one), the log-Cholesky mean
// (LogCholeskyMean; exact for spd.LogCholesky) or the arithmetic mean
// (Bures–Wasserstein); on the hyperbolic models the weighted gyromidpoint
// (hyperbolic.GyroMidpoint); otherwise one pass of the inductive mean x_k =
// Exp_{x_{k−1}}((w_k/W_k)·Log_{x_{k−1}}(x_k)). Result.Notes says which.
// Where the start is exact the iteration confirms it at iteration 0.
//
// KarcherMean returns an error, naming the point, when m is nil, data is
// empty, a point has the wrong length or is not on m (m.CheckPoint), the
// weights are invalid (wrong length, negative, NaN, ±Inf, all zero), the
// options are invalid, or a logarithm fails at the starting point. During
// the run it behaves as Minimize (the same Settings, statuses and
// cancellation): Result.F is F(X) with the normalised weights, GradNorm is
// ‖grad F(X)‖ = 2‖Σ w_j Log_X(x_j)‖, FuncEvals counts the passes over the
// data and Method is "karcher".
func KarcherMean(ctx context.Context, m manifold.Manifold, data [][]float64, weights []float64, opts *MeanOptions) (*Result, error) {
	return averagePoints(ctx, "KarcherMean", m, data, weights, opts, false)
}

func averagePoints(ctx context.Context, fn string, m manifold.Manifold, data [][]float64, weights []float64, opts *MeanOptions, median bool) (*Result, error) {
	if err := checkData(fn, m, data); err != nil {
		return nil, err
	}
	w, err := normalizeWeights(fn, weights, len(data))
	if err != nil {
		return nil, err
	}
	var o MeanOptions
	if opts != nil {
		o = *opts
	}
	r, c := m.Shape()
	workers, err := resolveWorkers(fn, o.Workers, len(data), r*c)
	if err != nil {
		return nil, err
	}
	if math.IsNaN(o.Epsilon) || math.IsInf(o.Epsilon, 0) || o.Epsilon < 0 {
		return nil, fmt.Errorf("optim: %s: Epsilon = %v is not a finite non-negative number", fn, o.Epsilon)
	}
	var x0 []float64
	var note string
	if o.Init != nil {
		if len(o.Init) != r*c {
			return nil, fmt.Errorf("optim: %s: len(Init) = %d, but a point of %s has %d×%d = %d entries", fn, len(o.Init), name(m), r, c, r*c)
		}
		if err := m.CheckPoint(o.Init); err != nil {
			return nil, fmt.Errorf("optim: %s: Init is not a point of %s: %w", fn, name(m), err)
		}
		x0 = o.Init
	} else {
		x0, note = defaultStart(m, data, w)
	}
	a := newPointAverager(fn, m, data, w, median, workers)
	a.eps = 0
	a.curv = curvatureBound(m)
	a.eval(x0)
	if a.err != nil {
		return nil, fmt.Errorf("%w (at the starting point)", a.err)
	}
	// The scale of the data seen from x0: RMS or mean distance.
	scale := a.f
	if !median {
		scale = math.Sqrt(a.f)
	}
	if median {
		a.eps = o.Epsilon
		if a.eps == 0 {
			a.eps = 1e-10 * scale
		}
		a.valid = false
		a.eval(x0)
	}
	var set Settings
	if o.Settings != nil {
		set = *o.Settings
	}
	if set.GradTol == 0 {
		set.GradTol = 1e-10
		if !median {
			set.GradTol *= scale
		}
		if set.GradTol == 0 {
			set.GradTol = math.SmallestNonzeroFloat64
		}
	}
	if set.MinStep == 0 {
		set.MinStep = math.Max(1e-13*scale, math.SmallestNonzeroFloat64)
	}
	method := "karcher"
	if median {
		method = "weiszfeld"
	}
	res, err := Minimize(ctx, m, a.problem(), x0, &set, &naturalStep{a: a, name: method})
	if res != nil && note != "" {
		res.Notes = append([]string{note}, res.Notes...)
	}
	return res, err
}

// curvatureBound returns κ > 0 when the manifold is known to have sectional
// curvatures in [−κ, 0] and is not flat, and 0 otherwise.
func curvatureBound(m manifold.Manifold) float64 {
	switch h := m.(type) {
	case *hyperbolic.Lorentz:
		return h.Curvature()
	case *hyperbolic.PoincareBall:
		return h.Curvature()
	case *hyperbolic.HalfSpace:
		return h.Curvature()
	case *spd.SPD:
		if h.Metric() == spd.AffineInvariant {
			return 0.5
		}
	}
	return 0
}
