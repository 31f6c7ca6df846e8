package hyperbolic

import (
	"math"
	"strconv"

	"github.com/geodesic-go/geodesic/manifold"
)

// Retraction selects the retraction used by the Retract method of every
// model.
type Retraction int

const (
	// Exponential is the exponential map, R_x = Exp_x. Default.
	Exponential Retraction = iota
	// Projective is the first-order retraction that adds v to x in the
	// model's coordinates and brings the sum back onto the model:
	// Lorentz.RetractProjective, PoincareBall.RetractProjective and
	// HalfSpace.RetractProjective. Cheaper than Exp, with a closed-form
	// inverse.
	Projective
)

// Transport selects the vector transport used by the Transport method of
// every model.
type Transport int

const (
	// Parallel is the parallel transport along the minimising geodesic, in
	// closed form (see each model's ParallelTransport). Default.
	Parallel Transport = iota
	// Projection transports v ∈ T_x to the projection of v onto T_y: in the
	// Lorentz model v + c⟨y, v⟩_L·y; in the conformal models, where every
	// tangent space is all of Rⁿ, the vector itself. Not an isometry.
	Projection
)

// String returns "Exponential" or "Projective".
func (r Retraction) String() string {
	switch r {
	case Exponential:
		return "Exponential"
	case Projective:
		return "Projective"
	}
	return "Retraction(" + strconv.Itoa(int(r)) + ")"
}

// String returns "Parallel" or "Projection".
func (t Transport) String() string {
	switch t {
	case Parallel:
		return "Parallel"
	case Projection:
		return "Projection"
	}
	return "Transport(" + strconv.Itoa(int(t)) + ")"
}

// DefaultTolerance is the membership tolerance of CheckPoint and CheckTangent
// unless WithTolerance sets another.
const DefaultTolerance = 1e-10

// The range of curvatures accepted by WithCurvature. The curvature sets the
// length scale 1/√c of every model; outside this range the squares of
// coordinates of points near the origin would leave the float64 range.
const (
	MinCurvature = 0x1p-500 // ≈ 3.1e-151
	MaxCurvature = 0x1p500  // ≈ 3.3e150
)

// Representable ranges. Each model keeps the points that Exp, the
// retractions, Project and the Möbius operations produce inside these
// limits, so that every result is a valid, finite point (see the package
// documentation, "Saturation").
const (
	// LorentzMaxNorm bounds the spatial part of the Lorentz points produced:
	// ‖x_{1:}‖ ≤ LorentzMaxNorm = 2¹⁰²⁰ ≈ 1.1e307, which is the distance
	// acosh(2¹⁰²⁰√c)/√c ≈ (707.7 + ½ ln c)/√c from the origin.
	LorentzMaxNorm = 0x1p1020
	// BallMinGap bounds the Poincaré-ball points produced away from the
	// boundary: 1 − c‖x‖² ≥ BallMinGap = 2⁻⁵⁰, that is ‖x‖ ≤ (1 − 2⁻⁵¹)/√c,
	// a distance of 2·atanh(√(1 − 2⁻⁵⁰))/√c ≈ 36.04/√c from the origin.
	BallMinGap = 0x1p-50
	// HalfSpaceMinHeight is the smallest height x_n of the half-space points
	// produced by Project, the retractions and Exp (unless the base point is
	// lower still).
	HalfSpaceMinHeight = 0x1p-1000
	// HalfSpaceMaxNorm bounds the Euclidean norm of the half-space points
	// produced by Exp (unless the base point is larger still).
	HalfSpaceMaxNorm = 0x1p1000
)

// config holds the settings shared by the three models.
type config struct {
	c      float64 // curvature −c, c > 0
	sqrtC  float64 // √c
	r      float64 // 1/√c, the radius of the ball and the scale of every model
	r2     float64 // 1/c
	retr   Retraction
	transp Transport
	tol    float64
}

// Option configures a model (Lorentz, PoincareBall or HalfSpace).
type Option func(*config)

// WithCurvature sets the sectional curvature of the model to −c. It panics
// with a manifold.Error unless MinCurvature ≤ c ≤ MaxCurvature. The default
// is c = 1.
func WithCurvature(c float64) Option {
	return func(cf *config) {
		if !(c >= MinCurvature && c <= MaxCurvature) {
			panic(manifold.Error("hyperbolic: curvature c must be in [2⁻⁵⁰⁰, 2⁵⁰⁰]"))
		}
		cf.c = c
	}
}

// WithRetraction sets the retraction used by Retract (and inverted by
// InverseRetract). It panics with a manifold.Error for an unknown value.
func WithRetraction(r Retraction) Option {
	return func(cf *config) {
		if r != Exponential && r != Projective {
			panic(manifold.Error("hyperbolic: unknown retraction"))
		}
		cf.retr = r
	}
}

// WithTransport sets the vector transport used by Transport. It panics with
// a manifold.Error for an unknown value.
func WithTransport(t Transport) Option {
	return func(cf *config) {
		if t != Parallel && t != Projection {
			panic(manifold.Error("hyperbolic: unknown transport"))
		}
		cf.transp = t
	}
}

// WithTolerance sets the tolerance of CheckPoint and CheckTangent (see each
// model). It panics with a manifold.Error unless tol > 0.
func WithTolerance(tol float64) Option {
	return func(cf *config) {
		if !(tol > 0) {
			panic(manifold.Error("hyperbolic: tolerance must be > 0"))
		}
		cf.tol = tol
	}
}

func newConfig(n int, opts []Option) config {
	if n < 1 {
		panic(manifold.Error("hyperbolic: n must be ≥ 1"))
	}
	cf := config{c: 1, tol: DefaultTolerance}
	for _, o := range opts {
		o(&cf)
	}
	cf.sqrtC = math.Sqrt(cf.c)
	cf.r = 1 / cf.sqrtC
	cf.r2 = 1 / cf.c
	return cf
}

// checkCurvature panics unless c is an accepted curvature; the package-level
// functions (conversions, Möbius operations) take c as an argument.
func checkCurvature(c float64) {
	if !(c >= MinCurvature && c <= MaxCurvature) {
		panic(manifold.Error("hyperbolic: curvature c must be in [2⁻⁵⁰⁰, 2⁵⁰⁰]"))
	}
}

var errLength = manifold.Error("hyperbolic: slice length mismatch")

func checkLen(n int, xs ...[]float64) {
	for _, x := range xs {
		if len(x) != n {
			panic(errLength)
		}
	}
}

func curvatureString(c float64) string {
	return strconv.FormatFloat(c, 'g', -1, 64)
}
