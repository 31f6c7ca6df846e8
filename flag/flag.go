package flag

import (
	"strconv"
	"strings"

	"github.com/geodesic-go/geodesic/grassmann"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/stiefel"
)

// Metric selects the Riemannian metric of a Flag: a member of the family
// g_β of Stiefel metrics (Hüper, Markina & Silva Leite 2021; see
// stiefel.Metric) carried to the quotient St(n, p)/(O(m₁) × … × O(m_k)).
// For a horizontal Δ = XA + X⊥B (A skew-symmetric with zero diagonal
// blocks),
//
//	g_β(Δ, Δ) = β‖A‖²_F + ‖B‖²_F.
//
// The zero value is Canonical, the default.
type Metric int

const (
	// Canonical is the metric with β = ½, g(Δ, Δ) = tr(Δᵀ(I − ½XXᵀ)Δ): the
	// canonical metric of Edelman, Arias & Smith (1998) on St(n, p) carried
	// to the quotient. The flag manifold is then the normal homogeneous
	// space O(n)/(O(m₁) × … × O(m_k) × O(n − n_k)) with the metric ½tr(ΩᵀΩ)
	// of so(n), its geodesics are the orbits exp(tΩ)X of one-parameter
	// subgroups (Ye, Wong & Lim 2022), and the complement of V_k plays
	// the same role as every other block: a complete flag gives the same
	// distances whether its last block is stored or not. Default.
	Canonical Metric = iota
	// Euclidean is the metric with β = 1, g(Δ, Δ) = tr(ΔᵀΔ), induced by the
	// embedding of St(n, p) in R^{n×p} (Nguyen 2022 treats the whole
	// family).
	Euclidean
)

// Beta returns the parameter β of the metric: ½ for Canonical, 1 for
// Euclidean.
func (m Metric) Beta() float64 {
	if m == Euclidean {
		return 1
	}
	return 0.5
}

// String returns "canonical" or "Euclidean".
func (m Metric) String() string {
	switch m {
	case Canonical:
		return "canonical"
	case Euclidean:
		return "Euclidean"
	}
	return "Metric(" + strconv.Itoa(int(m)) + ")"
}

// Retraction selects the retraction used by Flag.Retract.
type Retraction int

const (
	// Polar is R_X(Δ) = polar(X + Δ) = (X + Δ)(I + ΔᵀΔ)^{-1/2}; see
	// Flag.RetractPolar. Default.
	Polar Retraction = iota
	// QR is R_X(Δ) = qf(X + Δ); see Flag.RetractQR.
	QR
	// Exponential is the exponential map of the metric.
	Exponential
)

// String returns "polar", "QR" or "exponential".
func (r Retraction) String() string {
	switch r {
	case Polar:
		return "polar"
	case QR:
		return "QR"
	case Exponential:
		return "exponential"
	}
	return "Retraction(" + strconv.Itoa(int(r)) + ")"
}

// Default values of the options.
const (
	// DefaultTolerance is the membership tolerance of CheckPoint and
	// CheckTangent unless WithTolerance sets another.
	DefaultTolerance = 1e-10
	// DefaultLogTolerance is the tolerance on the residual of the Log
	// iteration unless WithLogTolerance sets another (see Flag.Log).
	DefaultLogTolerance = 1e-13
	// DefaultLogMaxIter is the iteration limit of one run of the Log
	// iteration unless WithLogMaxIter sets another.
	DefaultLogMaxIter = 200
)

// Flag is the flag manifold Fl(n₁ < n₂ < … < n_k; n) of nested subspaces
// V₁ ⊂ V₂ ⊂ … ⊂ V_k of Rⁿ with dim V_i = n_i. A point is an n×p matrix
// X = [X₁ | … | X_k] with orthonormal columns, p = n_k, stored row-major
// (Shape (n, p)); block i (counted from 0) holds the m_i = n_i − n_{i−1}
// columns [n_{i−1}, n_i) (n_{−1} = 0) and V_i = span[X₁ … X_i]. X and
// X·blkdiag(Q₁, …, Q_k), Q_i ∈ O(m_i), represent the same flag. A tangent
// vector at X is stored as its horizontal lift: the n×p matrix Δ with XᵀΔ
// skew-symmetric and zero diagonal blocks (X_iᵀΔ_i = 0, X_iᵀΔ_j =
// −(X_jᵀΔ_i)ᵀ). A Flag is immutable and safe for concurrent use.
type Flag struct {
	n, p       int
	dims       []int // n₁, …, n_k
	off        []int // 0, n₁, …, n_k: block i is columns off[i]:off[i+1]
	blk        []int // blk[j] is the block of column j
	metric     Metric
	beta       float64
	retr       Retraction
	tol        float64
	logTol     float64
	logMaxIter int
	st         *stiefel.Stiefel     // St(n, p) with the metric g_β
	gr         *grassmann.Grassmann // Gr(n, p) when k = 1, else nil
	inj        float64              // injectivity radius, 0 if unknown
}

// Option configures a Flag; see Flag.With.
type Option func(*Flag)

// WithMetric sets the metric (default Canonical). It panics for an
// unknown value.
func WithMetric(m Metric) Option {
	return func(f *Flag) {
		if m != Canonical && m != Euclidean {
			panic(manifold.Error("flag: unknown metric"))
		}
		f.metric = m
	}
}

// WithRetraction sets the retraction used by Retract (default Polar). It
// panics for an unknown value.
func WithRetraction(r Retraction) Option {
	return func(f *Flag) {
		if r != Polar && r != QR && r != Exponential {
			panic(manifold.Error("flag: unknown retraction"))
		}
		f.retr = r
	}
}

// WithTolerance sets the tolerance of CheckPoint and CheckTangent. It
// panics unless tol > 0.
func WithTolerance(tol float64) Option {
	return func(f *Flag) {
		if !(tol > 0) {
			panic(manifold.Error("flag: tolerance must be > 0"))
		}
		f.tol = tol
	}
}

// WithLogTolerance sets the tolerance on the residual of the Log iteration
// (default DefaultLogTolerance). It panics unless 0 < tol < 1e-2.
func WithLogTolerance(tol float64) Option {
	return func(f *Flag) {
		if !(tol > 0 && tol < 1e-2) {
			panic(manifold.Error("flag: Log tolerance must be in (0, 1e-2)"))
		}
		f.logTol = tol
	}
}

// WithLogMaxIter sets the iteration limit of one run of the Log iteration
// (default DefaultLogMaxIter). It panics unless n ≥ 1.
func WithLogMaxIter(n int) Option {
	return func(f *Flag) {
		if n < 1 {
			panic(manifold.Error("flag: Log iteration limit must be ≥ 1"))
		}
		f.logMaxIter = n
	}
}

// New returns the flag manifold Fl(n₁ < … < n_k; n), dims = n₁, …, n_k,
// with the canonical metric and the polar retraction; Flag.With changes
// them. It panics with a manifold.Error unless k ≥ 1 and
// 1 ≤ n₁ < n₂ < … < n_k ≤ n.
//
// n_k = n is allowed: the last block is then determined by the others up
// to O(m_k) (Fl(1, 2, 3; 3) and Fl(1, 2; 3) are the same set of flags,
// and with the canonical metric they are isometric). New(n, p) is the
// Grassmann manifold Gr(n, p) (see FromGrassmann), and New(n, n) is a
// single point, of dimension 0.
//
// (The dimensions are variadic, as in the design's flag.New(n, dims...),
// so options cannot follow them; they are applied by Flag.With.)
func New(n int, dims ...int) *Flag {
	if len(dims) == 0 {
		panic(manifold.Error("flag: need at least one subspace dimension"))
	}
	if dims[0] < 1 {
		panic(manifold.Error("flag: dimensions must be ≥ 1"))
	}
	for i := 1; i < len(dims); i++ {
		if dims[i] <= dims[i-1] {
			panic(manifold.Error("flag: dimensions must be strictly increasing"))
		}
	}
	if dims[len(dims)-1] > n {
		panic(manifold.Error("flag: the largest dimension must be ≤ n"))
	}
	f := &Flag{
		n:          n,
		p:          dims[len(dims)-1],
		dims:       append([]int(nil), dims...),
		off:        append([]int{0}, dims...),
		tol:        DefaultTolerance,
		logTol:     DefaultLogTolerance,
		logMaxIter: DefaultLogMaxIter,
	}
	f.blk = make([]int, f.p)
	for i := range dims {
		for j := f.off[i]; j < f.off[i+1]; j++ {
			f.blk[j] = i
		}
	}
	f.init()
	return f
}

// With returns a copy of f configured by the options (metric, retraction,
// tolerances); f itself is not changed. For example
//
//	m := flag.New(10, 1, 3).With(flag.WithMetric(flag.Euclidean), flag.WithRetraction(flag.QR))
func (f *Flag) With(opts ...Option) *Flag {
	g := *f
	for _, o := range opts {
		o(&g)
	}
	g.init()
	return &g
}

// init derives the fields that depend on the options.
func (f *Flag) init() {
	f.beta = f.metric.Beta()
	sm := stiefel.Canonical
	if f.metric == Euclidean {
		sm = stiefel.Euclidean
	}
	f.st = stiefel.New(f.n, f.p, stiefel.WithMetric(sm))
	f.gr = nil
	if len(f.dims) == 1 {
		f.gr = grassmann.New(f.n, f.p)
	}
	f.inj = injectivityRadius(f)
}

// Shape returns (n, p), p = n_k.
func (f *Flag) Shape() (r, c int) { return f.n, f.p }

// Dim returns the dimension n·p − p(p+1)/2 − Σ m_i(m_i − 1)/2 of the flag
// manifold: that of St(n, p) less that of the fibre O(m₁) × … × O(m_k).
func (f *Flag) Dim() int {
	d := f.n*f.p - f.p*(f.p+1)/2
	for i := range f.dims {
		m := f.off[i+1] - f.off[i]
		d -= m * (m - 1) / 2
	}
	return d
}

// Metric returns the metric in use.
func (f *Flag) Metric() Metric { return f.metric }

// Type returns a copy of the signature n₁, …, n_k.
func (f *Flag) Type() []int { return append([]int(nil), f.dims...) }

// Blocks returns the block sizes m_i = n_i − n_{i−1}, i = 0, …, k − 1
// (n_{−1} = 0), in a new slice.
func (f *Flag) Blocks() []int {
	m := make([]int, len(f.dims))
	for i := range m {
		m[i] = f.off[i+1] - f.off[i]
	}
	return m
}

// NumBlocks returns k, the number of subspaces in the flag.
func (f *Flag) NumBlocks() int { return len(f.dims) }

// BlockRange returns the column range [lo, hi) = [n_{i−1}, n_i) of block
// i, 0 ≤ i < k, in an n×p point or tangent vector: entry (r, c) of block
// i is x[r*p + lo + c]. It panics with a manifold.Error if i is out of
// range.
func (f *Flag) BlockRange(i int) (lo, hi int) {
	if i < 0 || i >= len(f.dims) {
		panic(manifold.Error("flag: block index out of range"))
	}
	return f.off[i], f.off[i+1]
}

// CopyBlock writes block i of the n×p matrix x, the n×m_i matrix X_i,
// into dst (row-major, length n·m_i). It panics with a manifold.Error if
// i is out of range or a length is wrong.
func (f *Flag) CopyBlock(dst, x []float64, i int) {
	lo, hi := f.BlockRange(i)
	f.check1(x)
	m := hi - lo
	if len(dst) != f.n*m {
		panic(manifold.Error("flag: CopyBlock: len(dst) must be n·m_i"))
	}
	for r := range f.n {
		copy(dst[r*m:(r+1)*m], x[r*f.p+lo:r*f.p+hi])
	}
}

// String returns "Fl(n₁,…,n_k;n)" followed by the metric if it is not the
// canonical one, e.g. "Fl(1,3;10)" or "Fl(1,2,3;3) Euclidean".
func (f *Flag) String() string {
	var b strings.Builder
	b.WriteString("Fl(")
	for i, d := range f.dims {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(d))
	}
	b.WriteByte(';')
	b.WriteString(strconv.Itoa(f.n))
	b.WriteByte(')')
	if f.metric != Canonical {
		b.WriteString(" " + f.metric.String())
	}
	return b.String()
}

// HasCapability reports whether the optional method of capability c works
// (see manifold.CapabilityReporter): EHessToRHess and Project always do,
// InjectivityRadius when the radius is known for the metric and type (see
// InjectivityRadius); InverseRetract and ParallelTransport are not
// implemented.
func (f *Flag) HasCapability(c manifold.Capability) bool {
	switch c {
	case manifold.CapHessian, manifold.CapProject:
		return true
	case manifold.CapInjectivityRadius:
		return f.inj > 0
	}
	return false
}

// point reports whether the manifold is a single point (k = 1, n₁ = n).
func (f *Flag) point() bool { return f.gr != nil && f.p == f.n }

// Flag implements manifold.Manifold and the capabilities it reports.
var (
	_ manifold.Manifold            = (*Flag)(nil)
	_ manifold.HessianConverter    = (*Flag)(nil)
	_ manifold.Projector           = (*Flag)(nil)
	_ manifold.InjectivityRadiuser = (*Flag)(nil)
	_ manifold.CapabilityReporter  = (*Flag)(nil)
)

var errLength = manifold.Error("flag: slice length mismatch")

// check1 … check4 panic unless every slice has the length n·p of a point
// (fixed arities: a variadic slice would allocate on the hot paths).
func (f *Flag) check1(a []float64) {
	if len(a) != f.n*f.p {
		panic(errLength)
	}
}

func (f *Flag) check2(a, b []float64) {
	if np := f.n * f.p; len(a) != np || len(b) != np {
		panic(errLength)
	}
}

func (f *Flag) check3(a, b, c []float64) {
	if np := f.n * f.p; len(a) != np || len(b) != np || len(c) != np {
		panic(errLength)
	}
}

func (f *Flag) check4(a, b, c, d []float64) {
	if np := f.n * f.p; len(a) != np || len(b) != np || len(c) != np || len(d) != np {
		panic(errLength)
	}
}
