package optim

import (
	"fmt"
	"time"
)

// Result is the outcome of a Minimize run.
type Result struct {
	// X is the final point: the last iterate, which for the monotone
	// methods (all deterministic ones but the nonmonotone line search of
	// SteepestDescent, and they only up to rounding) is also the best one.
	// With the nonmonotone search, X is the best iterate found (lowest cost)
	// when the run stopped for another reason than GradientConverged. For
	// NotFinite it is the last iterate at which everything was finite. It
	// is a new slice; x0 is never modified.
	X []float64
	// F is the cost f(X).
	F float64
	// GradNorm is the Riemannian gradient norm ‖grad f(X)‖_X. For a
	// stochastic method on a problem without Grad or RGrad it is the norm
	// of the last stochastic gradient.
	GradNorm float64
	// Status says why the run stopped.
	Status Status
	// Method is the name of the method that ran, e.g. "lbfgs".
	Method string

	// Iterations is the number of iterations done (outer iterations for
	// TrustRegion, steps for SGD and Adam).
	Iterations int
	// FuncEvals, GradEvals and HessEvals count the calls of the cost, of the
	// gradient (Grad or RGrad, plus StochasticGrad or StochasticRGrad) and
	// the Hessian-vector products (HessVec, RHessVec or the finite-difference
	// approximation, each of which also counts one gradient evaluation).
	FuncEvals, GradEvals, HessEvals int
	// Runtime is the wall-clock time of the run, validation included.
	Runtime time.Duration

	// Notes lists remarks about how the run was done, for example that
	// TrustRegion approximated the Hessian by finite differences because the
	// problem or the manifold lacked what an exact Hessian needs.
	Notes []string
}

// String returns a one-line summary such as
// "lbfgs: gradient norm below tolerance after 23 iterations: f = 1, ‖grad f‖ = 4.1e-09 (26 f, 26 ∇f, 0 Hv, 1.2ms)".
func (r *Result) String() string {
	return fmt.Sprintf("%s: %v after %d iterations: f = %.10g, ‖grad f‖ = %.2g (%d f, %d ∇f, %d Hv, %v)",
		r.Method, r.Status, r.Iterations, r.F, r.GradNorm, r.FuncEvals, r.GradEvals, r.HessEvals, r.Runtime)
}
