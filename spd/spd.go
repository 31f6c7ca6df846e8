package spd

import (
	"math"
	"strconv"

	"github.com/geodesic-go/geodesic/manifold"
)

// Metric selects the Riemannian metric of an SPD manifold.
type Metric int

const (
	// AffineInvariant is the metric ⟨U, V⟩_P = tr(P⁻¹UP⁻¹V), invariant under
	// every congruence P ↦ APAᵀ (Pennec, Fillard & Ayache 2006; Bhatia 2007,
	// ch. 6). It is complete with nonpositive curvature. Default.
	AffineInvariant Metric = iota
	// LogEuclidean is the pull-back of the Frobenius metric by the matrix
	// logarithm, ⟨U, V⟩_P = ⟨D log(P)[U], D log(P)[V]⟩_F (Arsigny, Fillard,
	// Pennec & Ayache 2007). It is flat and complete.
	LogEuclidean
	// LogCholesky is the metric of Lin (2019) pushed forward from the
	// Cholesky factors: with P = LLᵀ and U = L·X_Uᵀ + X_U·Lᵀ,
	// ⟨U, V⟩_P = Σ_{i>j} (X_U)_ij (X_V)_ij + Σ_i (X_U)_ii (X_V)_ii / L_ii².
	// It is flat and complete.
	LogCholesky
	// BuresWasserstein is the metric ⟨U, V⟩_P = ½ tr(L_P[U]·V), L_P[U] the
	// solution X of PX + XP = U, whose distance is the 2-Wasserstein distance
	// between centred Gaussians (Bhatia, Jain & Lim 2019; Malagò,
	// Montrucchio & Pistone 2018). It has nonnegative curvature and is not
	// complete on the open cone.
	BuresWasserstein
)

// String returns the name of the metric, e.g. "affine-invariant".
func (g Metric) String() string {
	switch g {
	case AffineInvariant:
		return "affine-invariant"
	case LogEuclidean:
		return "log-Euclidean"
	case LogCholesky:
		return "log-Cholesky"
	case BuresWasserstein:
		return "Bures–Wasserstein"
	}
	return "unknown metric"
}

// Retraction selects the retraction used by SPD.Retract.
type Retraction int

const (
	// Exponential is the exponential map of the metric, R_P = Exp_P. It is
	// the default for every metric but AffineInvariant, and the only choice
	// for them.
	Exponential Retraction = iota
	// SecondOrder is R_P(V) = P + V + ½VP⁻¹V, a second-order retraction for
	// the affine-invariant metric that never leaves the cone; see
	// SPD.RetractSecondOrder. It is the default for AffineInvariant and is
	// available with that metric only.
	SecondOrder
)

// Transport selects the vector transport used by SPD.Transport.
type Transport int

const (
	// Parallel is the closed-form parallel transport along the geodesic,
	// SPD.ParallelTransport. It is the default for AffineInvariant,
	// LogEuclidean and LogCholesky, and not available for BuresWasserstein.
	Parallel Transport = iota
	// Identity transports V ∈ T_P to the same symmetric matrix V ∈ T_Q: every
	// tangent space of the open cone is the space Sym(n) of symmetric
	// matrices, so this is a vector transport (linear, identity at Q = P,
	// smooth), though not an isometry. It is the default, and the only
	// choice, for BuresWasserstein; see SPD.TransportIdentity.
	Identity
)

// DefaultTolerance is the symmetry tolerance of CheckPoint and CheckTangent
// unless WithTolerance sets another: max|Aᵢⱼ − Aⱼᵢ| ≤ tol·max|Aᵢⱼ|.
const DefaultTolerance = 1e-10

// SPD is the manifold of n×n symmetric positive definite matrices with one
// of four metrics. Points and tangent vectors are row-major n×n slices of
// length n², Shape (n, n); the tangent space at every point is Sym(n), of
// dimension n(n+1)/2. An SPD is immutable and safe for concurrent use.
type SPD struct {
	n      int
	metric Metric
	retr   Retraction
	transp Transport
	tol    float64

	retrSet, transpSet bool

	// float64Only disables the extended-precision path of the
	// affine-invariant Exp, Log and Dist (see metric_ai_dd.go); tests set it
	// to measure the float64 path alone.
	float64Only bool
}

// Option configures an SPD.
type Option func(*SPD)

// WithMetric sets the Riemannian metric (AffineInvariant by default).
func WithMetric(g Metric) Option {
	return func(m *SPD) {
		if g < AffineInvariant || g > BuresWasserstein {
			panic(manifold.Error("spd: unknown metric"))
		}
		m.metric = g
	}
}

// WithRetraction sets the retraction used by Retract (and inverted by
// InverseRetract). New panics if SecondOrder is asked for with a metric
// other than AffineInvariant.
func WithRetraction(r Retraction) Option {
	return func(m *SPD) {
		if r != Exponential && r != SecondOrder {
			panic(manifold.Error("spd: unknown retraction"))
		}
		m.retr, m.retrSet = r, true
	}
}

// WithTransport sets the vector transport used by Transport. New panics if
// Parallel is asked for with BuresWasserstein, which has no closed-form
// parallel transport.
func WithTransport(t Transport) Option {
	return func(m *SPD) {
		if t != Parallel && t != Identity {
			panic(manifold.Error("spd: unknown transport"))
		}
		m.transp, m.transpSet = t, true
	}
}

// WithTolerance sets the relative symmetry tolerance of CheckPoint and
// CheckTangent. It panics unless tol > 0.
func WithTolerance(tol float64) Option {
	return func(m *SPD) {
		if !(tol > 0) {
			panic(manifold.Error("spd: tolerance must be > 0"))
		}
		m.tol = tol
	}
}

// New returns the manifold of n×n symmetric positive definite matrices,
// with the affine-invariant metric, the second-order retraction and the
// parallel transport unless options say otherwise. Other metrics default to
// their exponential map and, where it exists, their parallel transport
// (Identity for BuresWasserstein). New panics with a manifold.Error if
// n < 1 or an option is invalid or incompatible with the metric.
func New(n int, opts ...Option) *SPD {
	if n < 1 {
		panic(manifold.Error("spd: n must be ≥ 1"))
	}
	m := &SPD{n: n, tol: DefaultTolerance}
	for _, o := range opts {
		o(m)
	}
	if !m.retrSet {
		m.retr = Exponential
		if m.metric == AffineInvariant {
			m.retr = SecondOrder
		}
	}
	if m.retr == SecondOrder && m.metric != AffineInvariant {
		panic(manifold.Error("spd: the second-order retraction belongs to the affine-invariant metric"))
	}
	if !m.transpSet {
		m.transp = Parallel
		if m.metric == BuresWasserstein {
			m.transp = Identity
		}
	}
	if m.transp == Parallel && m.metric == BuresWasserstein {
		panic(errNoParallel)
	}
	return m
}

// N returns n, the order of the matrices.
func (m *SPD) N() int { return m.n }

// Metric returns the metric in use.
func (m *SPD) Metric() Metric { return m.metric }

// Shape returns (n, n).
func (m *SPD) Shape() (r, c int) { return m.n, m.n }

// Dim returns n(n+1)/2, the dimension of Sym(n).
func (m *SPD) Dim() int { return m.n * (m.n + 1) / 2 }

// String returns "SPD(n, metric)", e.g. "SPD(3, affine-invariant)".
func (m *SPD) String() string {
	return "SPD(" + strconv.Itoa(m.n) + ", " + m.metric.String() + ")"
}

// HasCapability reports the optional capabilities of m (see
// manifold.CapabilityReporter): all of them, except parallel transport with
// the Bures–Wasserstein metric. manifold.AsParallelTransporter therefore
// reports false for BuresWasserstein although the method exists (it panics
// there).
func (m *SPD) HasCapability(c manifold.Capability) bool {
	switch c {
	case manifold.CapParallelTransport:
		return m.metric != BuresWasserstein
	case manifold.CapInverseRetract, manifold.CapHessian, manifold.CapProject, manifold.CapInjectivityRadius:
		return true
	}
	return false
}

// InjectivityRadius returns the injectivity radius at P: +Inf for the
// affine-invariant, log-Euclidean and log-Cholesky metrics, which are
// complete and simply connected with nonpositive curvature (Hadamard
// manifolds: Exp_P is a diffeomorphism of T_P onto the cone; Bhatia 2007,
// Thm 6.1.6 for the affine-invariant metric, Arsigny et al. 2007 and Lin
// 2019 for the flat ones), and √λ_min(P) for the Bures–Wasserstein metric.
//
// Bures–Wasserstein: Exp_P(V) = (I + X)P(I + X), X = L_P[V], is a
// diffeomorphism from {V : I + X ≻ 0} onto the cone, since T = I + X is the
// unique positive definite solution of TPT = Q (the Brenier map); along
// directions with I + X singular the geodesic leaves the open cone. The
// largest ball inside that set has radius √λ_min(P): ‖V‖²_P = tr(XPX) ≥
// λ_min(P)·λ_min(X)², and the bound is attained by X = −uuᵀ, u the unit
// eigenvector of λ_min(P). This agrees with the injectivity radius σ_min(Y)
// at YYᵀ that Massart & Absil ("Quotient geometry with simple geodesics for
// the manifold of fixed-rank positive-semidefinite matrices", SIAM J. Matrix
// Anal. Appl. 41, 2020) derive for the quotient geometry, of which
// Bures–Wasserstein is the full-rank case.
//
// It returns NaN if P is not positive definite (or has a NaN entry).
func (m *SPD) InjectivityRadius(p []float64) float64 {
	m.check(p)
	if m.metric != BuresWasserstein {
		return math.Inf(1)
	}
	return m.injRadiusBW(p)
}

const (
	errLength     = manifold.Error("spd: slice length mismatch")
	errNoParallel = manifold.Error("spd: the Bures–Wasserstein metric has no closed-form parallel transport")
)

func (m *SPD) check(xs ...[]float64) {
	nn := m.n * m.n
	for _, x := range xs {
		if len(x) != nn {
			panic(errLength)
		}
	}
}
