package hyperbolic

import (
	"github.com/geodesic-go/geodesic/internal/linalg"

	"math"
	"strconv"
)

// Lorentz is hyperbolic space Hⁿ of curvature −c as the upper sheet of the
// hyperboloid
//
//	{x ∈ Rⁿ⁺¹ : ⟨x, x⟩_L = −1/c, x₀ > 0},  ⟨a, b⟩_L = −a₀b₀ + Σᵢ₌₁ⁿ aᵢbᵢ,
//
// with the metric induced by the Minkowski form ⟨·, ·⟩_L (Ratcliffe,
// Foundations of Hyperbolic Manifolds, 3rd ed. 2019, §3.2; Nickel & Kiela
// 2018). Points and tangent vectors are slices of length n+1 with the time
// coordinate x₀ first, Shape (n+1, 1); T_x = {v : ⟨x, v⟩_L = 0}.
//
// The spatial part x_{1:} = (x₁, …, x_n) is the coordinate of record: the
// time coordinate of a point is implied by it, x₀ = √(1/c + ‖x_{1:}‖²), and
// that of a tangent vector by v₀ = ⟨x_{1:}, v_{1:}⟩/x₀, and Dist, Log, Inner,
// Norm, Exp and ParallelTransport read only spatial parts (time coordinates
// are checked for NaN). For points far from the origin the rounded x₀
// carries no information that ‖x_{1:}‖ does not, while ⟨x, x⟩_L of the
// rounded point is dominated by rounding (see the package documentation).
// Exp, the retractions, Project and the conversions compute x₀ from the
// spatial part, so their results satisfy the constraint to rounding. The
// ambient maps (Proj, EGradToRGrad, EHessToRHess, CheckTangent) use all
// coordinates.
//
// A Lorentz value is immutable and safe for concurrent use.
type Lorentz struct {
	n int // intrinsic dimension; points have length n+1
	config
}

// NewLorentz returns Hⁿ as the hyperboloid in Rⁿ⁺¹ (curvature −1 unless
// WithCurvature says otherwise), with the exponential retraction and
// parallel transport unless WithRetraction and WithTransport say otherwise.
// It panics with a manifold.Error if n < 1 or an option is invalid.
func NewLorentz(n int, opts ...Option) *Lorentz {
	return &Lorentz{n: n, config: newConfig(n, opts)}
}

// Shape returns (n+1, 1).
func (l *Lorentz) Shape() (r, c int) { return l.n + 1, 1 }

// Dim returns n.
func (l *Lorentz) Dim() int { return l.n }

// Curvature returns c, the curvature being −c.
func (l *Lorentz) Curvature() float64 { return l.c }

// InjectivityRadius returns +Inf: Hⁿ is a Hadamard manifold, so Exp_x is a
// diffeomorphism of T_x onto Hⁿ for every x (the Cartan–Hadamard theorem;
// do Carmo 1992, Riemannian Geometry, ch. 7, §3).
func (l *Lorentz) InjectivityRadius(x []float64) float64 {
	l.check(x)
	return math.Inf(1)
}

// String returns "H^n (Lorentz, c=…)", e.g. "H^2 (Lorentz, c=1)".
func (l *Lorentz) String() string {
	return "H^" + strconv.Itoa(l.n) + " (Lorentz, c=" + curvatureString(l.c) + ")"
}

func (l *Lorentz) check(xs ...[]float64) { checkLen(l.n+1, xs...) }

// time returns the time coordinate √(1/c + ‖a‖²) implied by the spatial
// part a, without overflow.
func (l *Lorentz) time(a []float64) float64 {
	return hypot(l.r, linalg.Nrm2(a))
}

// Origin writes the origin o = (1/√c, 0, …, 0) of the model into dst.
func (l *Lorentz) Origin(dst []float64) {
	l.check(dst)
	for i := range dst {
		dst[i] = 0
	}
	dst[0] = l.r
}
