package manifold

import "math/rand/v2"

// Manifold is a Riemannian manifold embedded in (or parametrised by) the
// Euclidean space of r×c row-major matrices, r, c = Shape().
//
// All methods follow the package conventions: dst comes first and may alias
// any input; slices of the wrong length panic with an Error.
type Manifold interface {
	// Shape returns the layout of one point or tangent vector: a row-major
	// r×c matrix stored in a slice of length r*c.
	Shape() (r, c int)
	// Dim returns the intrinsic dimension of the manifold.
	Dim() int
	// Inner returns the Riemannian metric ⟨u, v⟩_p for u, v ∈ T_p M.
	Inner(p, u, v []float64) float64
	// Norm returns ‖v‖_p = √⟨v, v⟩_p, computed without overflow where the
	// implementation can.
	Norm(p, v []float64) float64
	// Proj writes the orthogonal projection (in the metric at p) of the
	// ambient vector x onto T_p M.
	Proj(dst, p, x []float64)
	// EGradToRGrad converts the Euclidean gradient of a smooth extension of
	// f at p into the Riemannian gradient grad f(p).
	EGradToRGrad(dst, p, egrad []float64)
	// Exp writes the Riemannian exponential Exp_p(v), the point reached at
	// time 1 by the geodesic leaving p with velocity v.
	Exp(dst, p, v []float64)
	// Log writes the Riemannian logarithm Log_p(q), the smallest v with
	// Exp_p(v) = q. It returns ErrCutLocus when q is (numerically) in the
	// cut locus of p and ErrNotConverged when an iterative method failed;
	// dst is then unspecified.
	Log(dst, p, q []float64) error
	// Dist returns the geodesic distance between p and q.
	Dist(p, q []float64) float64
	// Retract writes R_p(v) for the manifold's configured retraction.
	Retract(dst, p, v []float64)
	// Transport writes the configured vector transport of v ∈ T_p M to T_q M.
	Transport(dst, p, q, v []float64)
	// RandomPoint writes a random point drawn from the manifold's
	// documented distribution.
	RandomPoint(dst []float64, rng *rand.Rand)
	// RandomTangent writes a random tangent vector at p, drawn from the
	// standard Gaussian of T_p M in the metric at p unless documented.
	RandomTangent(dst, p []float64, rng *rand.Rand)
	// CheckPoint returns nil if p lies on the manifold within the
	// manifold's tolerance and a *CheckError saying what is wrong otherwise.
	CheckPoint(p []float64) error
	// CheckTangent returns nil if v lies in T_p M within tolerance and a
	// *CheckError otherwise. It does not check p.
	CheckTangent(p, v []float64) error
}
