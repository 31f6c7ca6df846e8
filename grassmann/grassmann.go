package grassmann

import (
	"math"
	"strconv"

	"github.com/geodesic-go/geodesic/manifold"
)

// Retraction selects the retraction used by Grassmann.Retract.
type Retraction int

const (
	// Polar is the polar retraction R_Y(Δ) = (Y + Δ)(I + ΔᵀΔ)^{-1/2}, the
	// orthonormal factor of Y + Δ nearest to it; second order (Absil &
	// Malick 2012). Default. See RetractPolar.
	Polar Retraction = iota
	// QR is the retraction R_Y(Δ) = qf(Y + Δ), the Q factor of the thin QR
	// factorisation with a positive diagonal in R. It spans the same
	// subspace as Polar, so as a map into Gr(n, p) it is the same second
	// order retraction; only the representative differs. See RetractQR.
	QR
	// Exponential is the exponential map, R_Y = Exp_Y.
	Exponential
)

// Transport selects the vector transport used by Grassmann.Transport.
type Transport int

const (
	// Projection transports Δ ∈ T_Y to (I − QQᵀ)Δ ∈ T_Q, the projection
	// onto the horizontal space at Q (Absil, Mahony & Sepulchre 2008,
	// §8.1.3). Default. Not an isometry.
	Projection Transport = iota
	// Parallel is the parallel transport along the minimising geodesic,
	// see Grassmann.ParallelTransport.
	Parallel
)

// String returns the retraction's name: "Polar", "QR" or "Exponential".
func (r Retraction) String() string {
	switch r {
	case Polar:
		return "Polar"
	case QR:
		return "QR"
	case Exponential:
		return "Exponential"
	}
	return "Retraction(" + strconv.Itoa(int(r)) + ")"
}

// String returns the transport's name: "Projection" or "Parallel".
func (t Transport) String() string {
	switch t {
	case Projection:
		return "Projection"
	case Parallel:
		return "Parallel"
	}
	return "Transport(" + strconv.Itoa(int(t)) + ")"
}

// DefaultTolerance is the membership tolerance of CheckPoint and CheckTangent
// unless WithTolerance sets another.
const DefaultTolerance = 1e-10

// Grassmann is the Grassmann manifold Gr(n, p) of p-dimensional linear
// subspaces of Rⁿ with its canonical metric. A point is represented by an
// n×p matrix Y with orthonormal columns spanning the subspace, stored
// row-major in a slice of length n·p (Shape (n, p)); any YO with O ∈ O(p)
// represents the same point. A tangent vector at Y is stored as its
// horizontal lift Δ, the n×p matrix with YᵀΔ = 0 (Edelman, Arias & Smith
// 1998, §2.5). A Grassmann value is immutable and safe for concurrent use.
type Grassmann struct {
	n, p   int
	retr   Retraction
	transp Transport
	tol    float64
}

// Option configures a Grassmann manifold.
type Option func(*Grassmann)

// WithRetraction sets the retraction used by Retract (and inverted by
// InverseRetract). It panics with a manifold.Error for an unknown value.
func WithRetraction(r Retraction) Option {
	return func(g *Grassmann) {
		if r != Polar && r != QR && r != Exponential {
			panic(manifold.Error("grassmann: unknown retraction"))
		}
		g.retr = r
	}
}

// WithTransport sets the vector transport used by Transport. It panics with
// a manifold.Error for an unknown value.
func WithTransport(t Transport) Option {
	return func(g *Grassmann) {
		if t != Projection && t != Parallel {
			panic(manifold.Error("grassmann: unknown transport"))
		}
		g.transp = t
	}
}

// WithTolerance sets the tolerance of CheckPoint (‖YᵀY − I‖_F ≤ tol) and
// CheckTangent (‖YᵀΔ‖_F ≤ tol·max(1, ‖Δ‖_F)). It panics unless tol > 0.
func WithTolerance(tol float64) Option {
	return func(g *Grassmann) {
		if !(tol > 0) {
			panic(manifold.Error("grassmann: tolerance must be > 0"))
		}
		g.tol = tol
	}
}

// New returns the Grassmann manifold Gr(n, p) of p-dimensional subspaces of
// Rⁿ. It panics with a manifold.Error unless 1 ≤ p ≤ n.
//
// Gr(n, n) is allowed: it is a single point (Rⁿ itself), of dimension 0,
// whose only tangent vector is zero. Its methods are exact: Dist, Log, Proj
// and the transports return zeros, Exp and Retract return the given basis.
func New(n, p int, opts ...Option) *Grassmann {
	if p < 1 {
		panic(manifold.Error("grassmann: p must be ≥ 1"))
	}
	if p > n {
		panic(manifold.Error("grassmann: p must be ≤ n"))
	}
	g := &Grassmann{n: n, p: p, tol: DefaultTolerance}
	for _, o := range opts {
		o(g)
	}
	return g
}

// Shape returns (n, p): a point or tangent vector is an n×p row-major matrix.
func (g *Grassmann) Shape() (r, c int) { return g.n, g.p }

// Dim returns p(n − p), the dimension of Gr(n, p).
func (g *Grassmann) Dim() int { return g.p * (g.n - g.p) }

// String returns "Gr(n, p)" with n and p written out, e.g. "Gr(5, 2)".
func (g *Grassmann) String() string {
	return "Gr(" + strconv.Itoa(g.n) + ", " + strconv.Itoa(g.p) + ")"
}

// InjectivityRadius returns π/2, the injectivity radius of Gr(n, p) with the
// canonical metric for 1 ≤ p < n: a point at distance π/2 along a geodesic
// whose largest principal angle reaches π/2 is a cut point (Wong 1967,
// "Differential geometry of Grassmann manifolds"; Bendokat, Zimmermann &
// Absil 2024, "A Grassmann manifold handbook", on the cut locus). For the one-point
// manifold Gr(n, n) it returns +Inf.
func (g *Grassmann) InjectivityRadius(y []float64) float64 {
	g.check(y)
	if g.p == g.n {
		return math.Inf(1)
	}
	return math.Pi / 2
}

var errLength = manifold.Error("grassmann: slice length mismatch")

func (g *Grassmann) check(xs ...[]float64) {
	for _, x := range xs {
		if len(x) != g.n*g.p {
			panic(errLength)
		}
	}
}
