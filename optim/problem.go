package optim

import "math/rand/v2"

// Problem is a smooth cost function f: M → R to minimise, with its
// derivatives. Every function receives slices of the manifold's point length
// r·c (r, c = m.Shape()), must not keep or modify x, and writes its result
// into its first argument, which it must overwrite entirely.
//
// Derivatives come in two flavours. The Euclidean ones (Grad, HessVec) are
// those of a smooth extension f̄ of f to the ambient space of r×c matrices;
// Minimize converts them with the manifold: grad f(x) = EGradToRGrad(x, ∇f̄(x))
// and Hess f(x)[v] = EHessToRHess(x, ∇f̄(x), ∇²f̄(x)[v], v) (Absil, Mahony &
// Sepulchre 2008, §3.6 and §5.5; Boumal 2023, §3.8 and §5.5). The Riemannian
// ones (RGrad, RHessVec) are used as given, for users who have them (a
// Karcher mean's gradient −Σ Log_x(xᵢ), say); when a Riemannian field is set
// it takes precedence over its Euclidean counterpart.
//
// Which fields a method needs:
//
//   - every method: Cost;
//   - SteepestDescent, ConjugateGradient, LBFGS, TrustRegion: Grad or RGrad;
//   - TrustRegion uses, in order of preference, RHessVec; HessVec converted
//     by the manifold's EHessToRHess (when the gradient comes from Grad and
//     the manifold implements manifold.HessianConverter); otherwise a finite
//     difference of transported gradients, with a note in Result.Notes;
//   - SGD, Adam: StochasticRGrad, StochasticGrad, RGrad or Grad, the first
//     set in that order; Grad or RGrad, when set, also give the full
//     gradient norm reported in Result.GradNorm.
type Problem struct {
	// Cost returns f(x). It may return +Inf where f is not defined (a line
	// search then shortens its step, a trust-region step is rejected); NaN
	// or −Inf stops the run with Status NotFinite. (SGD and Adam, which
	// search no line, stop on any non-finite cost where they evaluate it.)
	Cost func(x []float64) float64

	// Grad writes the Euclidean gradient ∇f̄(x) into grad.
	Grad func(grad, x []float64)
	// HessVec writes the Euclidean Hessian-vector product ∇²f̄(x)[v] into
	// hv, for v ∈ T_x M.
	HessVec func(hv, x, v []float64)

	// RGrad writes the Riemannian gradient grad f(x) ∈ T_x M into grad.
	RGrad func(grad, x []float64)
	// RHessVec writes the Riemannian Hessian-vector product
	// Hess f(x)[v] ∈ T_x M into hv, for v ∈ T_x M.
	RHessVec func(hv, x, v []float64)

	// StochasticGrad writes an unbiased estimate of the Euclidean gradient
	// ∇f̄(x), typically from a mini-batch it draws with rng, into grad.
	StochasticGrad func(grad, x []float64, rng *rand.Rand)
	// StochasticRGrad writes an unbiased estimate of the Riemannian
	// gradient grad f(x) into grad.
	StochasticRGrad func(grad, x []float64, rng *rand.Rand)
}
