package stiefel

import (
	"fmt"

	"github.com/geodesic-go/geodesic/manifold"
)

// Retraction selects the retraction used by Stiefel.Retract.
type Retraction int

const (
	// QR is the retraction R_X(Δ) = qf(X + Δ), the Q factor of the thin QR
	// factorisation with a positive diagonal in R (Absil, Mahony &
	// Sepulchre 2008, §4.1.1). First order. Default.
	QR Retraction = iota
	// Polar is the retraction R_X(Δ) = (X + Δ)(I + ΔᵀΔ)^{-1/2}, the
	// orthonormal polar factor of X + Δ: the metric projection of X + Δ
	// onto St(n, p) (Absil & Malick 2012). Second order for the Euclidean
	// metric, first order for the others.
	Polar
	// Cayley is the Cayley-transform retraction of Wen & Yin (2013),
	// R_X(Δ) = (I − W/2)⁻¹(I + W/2)X with W = PΔXᵀ − XΔᵀP, P = I − XXᵀ/2.
	// Second order for the canonical metric, first order for the others.
	// It has no inverse retraction here.
	Cayley
	// Exponential is the exponential map of the configured metric.
	Exponential
)

// String returns the retraction's name.
func (r Retraction) String() string {
	switch r {
	case QR:
		return "QR"
	case Polar:
		return "polar"
	case Cayley:
		return "Cayley"
	case Exponential:
		return "exponential"
	}
	return "Retraction(" + fmt.Sprint(int(r)) + ")"
}

// Transport selects the vector transport used by Stiefel.Transport.
type Transport int

const (
	// Projection transports v ∈ T_X to the tangent space at Y by the
	// orthogonal projection Proj_Y(v) = v − Y·sym(Yᵀv) (Absil, Mahony &
	// Sepulchre 2008, §8.1.3). Default.
	Projection Transport = iota
	// DifferentiatedQR is the transport by the differentiated QR
	// retraction, T_η(v) = D R_X(η)[v] with η the inverse QR retraction of
	// Y at X (Absil, Mahony & Sepulchre 2008, §8.1.2). See
	// Stiefel.TransportDifferentiatedQR.
	DifferentiatedQR
	// DifferentiatedPolar is the transport by the differentiated polar
	// retraction, T_η(v) = D R_X(η)[v] with η the inverse polar retraction
	// of Y at X (Absil, Mahony & Sepulchre 2008, §8.1.2). See
	// Stiefel.TransportDifferentiatedPolar.
	DifferentiatedPolar
)

// String returns the transport's name.
func (t Transport) String() string {
	switch t {
	case Projection:
		return "projection"
	case DifferentiatedQR:
		return "differentiated QR"
	case DifferentiatedPolar:
		return "differentiated polar"
	}
	return "Transport(" + fmt.Sprint(int(t)) + ")"
}

// Default values of the options.
const (
	// DefaultTolerance is the membership tolerance of CheckPoint and
	// CheckTangent unless WithTolerance sets another.
	DefaultTolerance = 1e-10
	// DefaultLogTolerance is the tolerance on the residual of the Log
	// iteration unless WithLogTolerance sets another (see Stiefel.Log).
	DefaultLogTolerance = 1e-13
	// DefaultLogMaxIter is the iteration limit of Log unless WithLogMaxIter
	// sets another.
	DefaultLogMaxIter = 200
)

// Stiefel is the Stiefel manifold St(n, p) = {X ∈ R^{n×p} : XᵀX = I} of
// orthonormal p-frames in Rⁿ, with one metric of the family g_β (see
// Metric). Points and tangent vectors are row-major n×p slices, Shape
// (n, p). The tangent space at X is T_X = {Δ : XᵀΔ + ΔᵀX = 0}. A Stiefel is
// immutable and safe for concurrent use.
type Stiefel struct {
	n, p       int
	metric     Metric
	beta       float64 // β of the metric
	retr       Retraction
	transp     Transport
	tol        float64
	logTol     float64
	logMaxIter int
	inj        float64 // proven lower bound on the injectivity radius; 0 if none is known
}

// Option configures a Stiefel.
type Option func(*Stiefel)

// WithMetric sets the Riemannian metric (default Euclidean).
func WithMetric(m Metric) Option {
	return func(s *Stiefel) { s.metric = m }
}

// WithRetraction sets the retraction used by Retract and inverted by
// InverseRetract (default QR). It panics for an unknown value.
func WithRetraction(r Retraction) Option {
	return func(s *Stiefel) {
		if r < QR || r > Exponential {
			panic(manifold.Error("stiefel: unknown retraction"))
		}
		s.retr = r
	}
}

// WithTransport sets the vector transport used by Transport (default
// Projection). It panics for an unknown value.
func WithTransport(t Transport) Option {
	return func(s *Stiefel) {
		if t < Projection || t > DifferentiatedPolar {
			panic(manifold.Error("stiefel: unknown transport"))
		}
		s.transp = t
	}
}

// WithTolerance sets the tolerance of CheckPoint (‖XᵀX − I‖_F ≤ tol) and
// CheckTangent (‖sym(XᵀΔ)‖_F ≤ tol·max(1, ‖Δ‖_F)). It panics unless tol > 0.
func WithTolerance(tol float64) Option {
	return func(s *Stiefel) {
		if !(tol > 0) {
			panic(manifold.Error("stiefel: tolerance must be > 0"))
		}
		s.tol = tol
	}
}

// WithLogTolerance sets the tolerance on the residual of the iteration of
// Log and Dist (default DefaultLogTolerance). It panics unless
// 0 < tol < 1e-2.
func WithLogTolerance(tol float64) Option {
	return func(s *Stiefel) {
		if !(tol > 0 && tol < 1e-2) {
			panic(manifold.Error("stiefel: Log tolerance must be in (0, 1e-2)"))
		}
		s.logTol = tol
	}
}

// WithLogMaxIter sets the iteration limit of Log and Dist (default
// DefaultLogMaxIter). It panics unless n ≥ 1.
func WithLogMaxIter(n int) Option {
	return func(s *Stiefel) {
		if n < 1 {
			panic(manifold.Error("stiefel: Log iteration limit must be ≥ 1"))
		}
		s.logMaxIter = n
	}
}

// New returns the Stiefel manifold St(n, p) with the Euclidean metric, the
// QR retraction and the projection transport unless options say otherwise.
// It panics with a manifold.Error unless 1 ≤ p ≤ n.
func New(n, p int, opts ...Option) *Stiefel {
	if p < 1 || p > n {
		panic(manifold.Error("stiefel: need 1 ≤ p ≤ n"))
	}
	s := &Stiefel{n: n, p: p, tol: DefaultTolerance, logTol: DefaultLogTolerance, logMaxIter: DefaultLogMaxIter}
	for _, o := range opts {
		o(s)
	}
	s.beta = s.metric.Beta()
	s.inj = injectivityLowerBound(n, p, s.metric)
	return s
}

// Shape returns (n, p).
func (s *Stiefel) Shape() (r, c int) { return s.n, s.p }

// Dim returns np − p(p+1)/2.
func (s *Stiefel) Dim() int { return s.n*s.p - s.p*(s.p+1)/2 }

// Metric returns the metric in use.
func (s *Stiefel) Metric() Metric { return s.metric }

// String returns "St(n,p)" followed by the metric if it is not the
// Euclidean one, e.g. "St(50,5) canonical".
func (s *Stiefel) String() string {
	str := fmt.Sprintf("St(%d,%d)", s.n, s.p)
	if s.metric != Euclidean {
		str += " " + s.metric.String()
	}
	return str
}

// HasCapability reports whether the optional method of capability c works
// for this configuration (see manifold.CapabilityReporter): InverseRetract
// exists for every retraction but Cayley, ParallelTransport is not
// implemented, EHessToRHess and Project always work, and InjectivityRadius
// is available when a radius is known for the metric and shape (see
// InjectivityRadius).
func (s *Stiefel) HasCapability(c manifold.Capability) bool {
	switch c {
	case manifold.CapInverseRetract:
		return s.retr != Cayley
	case manifold.CapHessian, manifold.CapProject:
		return true
	case manifold.CapInjectivityRadius:
		return s.inj > 0
	}
	return false
}

var errLength = manifold.Error("stiefel: slice length mismatch")

// check1 … check4 panic unless every slice has the length n·p of a point
// (fixed arities: a variadic slice would allocate on the hot paths).
func (s *Stiefel) check1(a []float64) {
	if len(a) != s.n*s.p {
		panic(errLength)
	}
}

func (s *Stiefel) check2(a, b []float64) {
	if np := s.n * s.p; len(a) != np || len(b) != np {
		panic(errLength)
	}
}

func (s *Stiefel) check3(a, b, c []float64) {
	if np := s.n * s.p; len(a) != np || len(b) != np || len(c) != np {
		panic(errLength)
	}
}

func (s *Stiefel) check4(a, b, c, d []float64) {
	if np := s.n * s.p; len(a) != np || len(b) != np || len(c) != np || len(d) != np {
		panic(errLength)
	}
}
