package sphere

import (
	"math"
	"strconv"

	"github.com/geodesic-go/geodesic/manifold"
)

// Retraction selects the retraction used by Sphere.Retract.
type Retraction int

const (
	// Projective is the metric-projection retraction
	// R_p(v) = (p + v)/‖p + v‖, second order (Absil & Malick 2012). Default.
	Projective Retraction = iota
	// Exponential is the exponential map, R_p = Exp_p.
	Exponential
)

// Transport selects the vector transport used by Sphere.Transport.
type Transport int

const (
	// Projection transports v ∈ T_p S to Proj_q(v) = v − ⟨q, v⟩q
	// (Absil, Mahony & Sepulchre 2008, §8.1.3). Default.
	Projection Transport = iota
	// Parallel is the parallel transport along the minimising geodesic,
	// see Sphere.ParallelTransport.
	Parallel
)

// DefaultTolerance is the membership tolerance of CheckPoint and CheckTangent
// unless WithTolerance sets another.
const DefaultTolerance = 1e-10

// Sphere is the unit sphere S^{n−1} = {x ∈ Rⁿ : ‖x‖ = 1} with the metric
// induced by Rⁿ. Points and tangent vectors are slices of length n, Shape
// (n, 1). A Sphere is immutable and safe for concurrent use.
type Sphere struct {
	n      int
	retr   Retraction
	transp Transport
	tol    float64
}

// Option configures a Sphere.
type Option func(*Sphere)

// WithRetraction sets the retraction used by Retract (and inverted by
// InverseRetract).
func WithRetraction(r Retraction) Option {
	return func(s *Sphere) {
		if r != Projective && r != Exponential {
			panic(manifold.Error("sphere: unknown retraction"))
		}
		s.retr = r
	}
}

// WithTransport sets the vector transport used by Transport.
func WithTransport(t Transport) Option {
	return func(s *Sphere) {
		if t != Projection && t != Parallel {
			panic(manifold.Error("sphere: unknown transport"))
		}
		s.transp = t
	}
}

// WithTolerance sets the tolerance of CheckPoint (|‖p‖ − 1| ≤ tol) and
// CheckTangent (|⟨p, v⟩| ≤ tol·‖v‖). It panics unless tol > 0.
func WithTolerance(tol float64) Option {
	return func(s *Sphere) {
		if !(tol > 0) {
			panic(manifold.Error("sphere: tolerance must be > 0"))
		}
		s.tol = tol
	}
}

// New returns the unit sphere S^{n−1} in Rⁿ. It panics with a manifold.Error
// if n < 2.
func New(n int, opts ...Option) *Sphere {
	if n < 2 {
		panic(manifold.Error("sphere: n must be ≥ 2"))
	}
	s := &Sphere{n: n, tol: DefaultTolerance}
	for _, o := range opts {
		o(s)
	}
	return s
}

// Shape returns (n, 1).
func (s *Sphere) Shape() (r, c int) { return s.n, 1 }

// Dim returns n − 1.
func (s *Sphere) Dim() int { return s.n - 1 }

// InjectivityRadius returns π, the distance from any point to its antipode,
// its only cut point (do Carmo 1992, ch. 13).
func (s *Sphere) InjectivityRadius(p []float64) float64 {
	s.check(p)
	return math.Pi
}

func (s *Sphere) check(xs ...[]float64) {
	for _, x := range xs {
		if len(x) != s.n {
			panic(errLength)
		}
	}
}

var errLength = manifold.Error("sphere: slice length mismatch")

// String returns "S^{n−1}" with n − 1 written out, e.g. "S^2".
func (s *Sphere) String() string { return "S^" + strconv.Itoa(s.n-1) }
