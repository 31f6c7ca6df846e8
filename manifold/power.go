package manifold

import (
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"strconv"
	"sync"
)

// PowerParallelThreshold is the smallest point length K·r·c at which a Power
// built with WithParallel splits its per-copy work over goroutines. Smaller
// points are always processed sequentially on the caller's goroutine, where
// the Power itself allocates nothing.
//
// At this size a call does tens of microseconds of work even for the cheapest
// base operations, well above the cost of starting a few goroutines.
const PowerParallelThreshold = 1 << 14

// Power is the power manifold M^K: K copies of a base manifold M with the
// product metric. It is the batch API of the module: a mini-batch of K points
// of M is a single point of M^K, and one call processes the whole batch.
//
// # Storage
//
// If M has shape (r, c), M^K has shape (K·r, c): the K row-major r×c blocks
// are stacked on top of each other, so copy i of a point or tangent vector x
// is x[i·r·c : (i+1)·r·c] (see Part). Viewed as a K·r×c matrix, block i is
// rows i·r to (i+1)·r.
//
// # Geometry
//
// Write x = (x₁, …, x_K), and likewise for every other point and vector.
// M^K is the Riemannian product M × ⋯ × M, so
//
//	⟨u, v⟩_x = Σᵢ ⟨uᵢ, vᵢ⟩_{xᵢ}
//	‖v‖_x    = √(Σᵢ ‖vᵢ‖²_{xᵢ})
//	d(x, y)  = √(Σᵢ d(xᵢ, yᵢ)²)
//	dim M^K  = K · dim M
//
// and Exp, Log, Retract, Transport, Proj, EGradToRGrad and the optional
// methods act copy by copy: Exp_x(v) = (Exp_{x₁}(v₁), …, Exp_{x_K}(v_K)). The
// injectivity radius is the minimum over the copies. Norm and Dist combine the
// per-copy values with a scaled sum of squares, so they overflow only if the
// result does. Accuracy is that of the base plus a few units in the last
// place for the combination.
//
// # Capabilities and errors
//
// Power has every optional method (InverseRetract, ParallelTransport,
// EHessToRHess, Project, InjectivityRadius) and reports through HasCapability,
// and so through the As* helpers, exactly those of the base. Calling one the
// base lacks panics with an Error such as
// "manifold: power: base manifold has no InverseRetract". A slice whose length
// is not K·r·c panics with Error("manifold: power: slice length mismatch").
// An error from Log or InverseRetract is the one of the lowest-numbered failing
// copy, wrapped as "manifold: power copy i: …" so that errors.Is and errors.As
// still see the base error. CheckPoint and CheckTangent return a *CheckError
// whose What names the failing copy.
//
// # Parallelism
//
// A Power built with WithParallel(w), w ≥ 2, splits the copies into min(w, K)
// contiguous ranges, one per goroutine (the caller's goroutine takes the
// first), whenever K ≥ 2 and K·r·c ≥ PowerParallelThreshold. Every method
// with per-copy work does so, except RandomPoint and RandomTangent, which
// always draw copy after copy from the one rng so that the result depends
// only on the rng's state. The results are bitwise identical to the
// sequential ones whatever the number of workers: each copy is computed by
// the same base call, reductions (Inner, Norm, Dist, InjectivityRadius) store
// the per-copy values and fold them in copy order, and the reported error is
// the one of the lowest failing copy. The base methods must then be safe for
// concurrent calls on disjoint slices, as every manifold value of this module
// is. A panic in a worker goroutine is raised again on the caller's goroutine.
//
// Power values are immutable and safe for concurrent use.
type Power struct {
	base      Manifold
	k         int // number of copies, ≥ 1
	r, c      int // shape of one copy
	n         int // r·c, the length of one copy
	workers   int // ≥ 1
	threshold int // smallest k·n processed in parallel

	// scratch holds *[]float64 of length k for the per-copy values of the
	// parallel reductions; nil when workers = 1.
	scratch *sync.Pool

	// The base's optional capabilities; nil where it has none.
	invRet InverseRetractor
	parTr  ParallelTransporter
	hess   HessianConverter
	proj   Projector
	inj    InjectivityRadiuser
}

// Compile-time checks that Power has the full method set.
var (
	_ Manifold            = (*Power)(nil)
	_ CapabilityReporter  = (*Power)(nil)
	_ InverseRetractor    = (*Power)(nil)
	_ ParallelTransporter = (*Power)(nil)
	_ HessianConverter    = (*Power)(nil)
	_ Projector           = (*Power)(nil)
	_ InjectivityRadiuser = (*Power)(nil)
)

// PowerOption configures a Power built by NewPower.
type PowerOption func(*powerConfig)

type powerConfig struct {
	workers int
}

// WithParallel lets a Power split its per-copy work over up to workers
// goroutines when a point is large (K·r·c ≥ PowerParallelThreshold); see the
// Power documentation for the exact rules. workers = 1 is the sequential
// default and workers = 0 means runtime.GOMAXPROCS(0), read when NewPower
// runs. WithParallel panics if workers < 0.
func WithParallel(workers int) PowerOption {
	if workers < 0 {
		panic(Error("manifold: power: workers must be ≥ 0"))
	}
	return func(c *powerConfig) { c.workers = workers }
}

// NewPower returns the power manifold M^k of k copies of m. It panics with an
// Error if m is nil or k < 1.
func NewPower(m Manifold, k int, opts ...PowerOption) *Power {
	if m == nil {
		panic(Error("manifold: power: nil base manifold"))
	}
	if k < 1 {
		panic(Error("manifold: power: k must be ≥ 1"))
	}
	cfg := powerConfig{workers: 1}
	for _, o := range opts {
		o(&cfg)
	}
	if cfg.workers == 0 {
		cfg.workers = runtime.GOMAXPROCS(0)
	}
	r, c := m.Shape()
	pw := &Power{
		base:      m,
		k:         k,
		r:         r,
		c:         c,
		n:         r * c,
		workers:   cfg.workers,
		threshold: PowerParallelThreshold,
	}
	if pw.workers > 1 {
		pw.scratch = &sync.Pool{New: func() any {
			s := make([]float64, k)
			return &s
		}}
	}
	// The As* helpers return a non-nil value even when the capability is
	// missing (a decorator has the method but reports it unusable), so keep
	// only those whose ok is true.
	if x, ok := AsInverseRetractor(m); ok {
		pw.invRet = x
	}
	if x, ok := AsParallelTransporter(m); ok {
		pw.parTr = x
	}
	if x, ok := AsHessianConverter(m); ok {
		pw.hess = x
	}
	if x, ok := AsProjector(m); ok {
		pw.proj = x
	}
	if x, ok := AsInjectivityRadiuser(m); ok {
		pw.inj = x
	}
	return pw
}

// Base returns the base manifold M.
func (pw *Power) Base() Manifold { return pw.base }

// K returns the number of copies.
func (pw *Power) K() int { return pw.k }

// Workers returns the largest number of goroutines a call may use (1 for a
// sequential Power).
func (pw *Power) Workers() int { return pw.workers }

// Part returns copy i of the point or tangent vector x: the subslice
// x[i·r·c : (i+1)·r·c], sharing x's storage, with its capacity capped at its
// length so that appending to it cannot overwrite copy i+1. It panics if
// len(x) ≠ K·r·c or i is not in [0, K).
func (pw *Power) Part(x []float64, i int) []float64 {
	pw.checkLen(x)
	if i < 0 || i >= pw.k {
		panic(Error("manifold: power: copy index out of range"))
	}
	s := i * pw.n
	return x[s : s+pw.n : s+pw.n]
}

// String returns "(B)^K", where B is the base's String result if it has one
// and its Go type otherwise, e.g. "(S^2)^4".
func (pw *Power) String() string {
	return "(" + manifoldName(pw.base) + ")^" + strconv.Itoa(pw.k)
}

// manifoldName returns m's String result, or its Go type if it has none.
func manifoldName(m Manifold) string {
	if s, ok := m.(fmt.Stringer); ok {
		return s.String()
	}
	return fmt.Sprintf("%T", m)
}

// HasCapability reports whether the base manifold has capability c.
func (pw *Power) HasCapability(c Capability) bool {
	switch c {
	case CapInverseRetract:
		return pw.invRet != nil
	case CapParallelTransport:
		return pw.parTr != nil
	case CapHessian:
		return pw.hess != nil
	case CapProject:
		return pw.proj != nil
	case CapInjectivityRadius:
		return pw.inj != nil
	}
	return false
}

// Shape returns (K·r, c) where (r, c) is the shape of the base.
func (pw *Power) Shape() (r, c int) { return pw.k * pw.r, pw.c }

// Dim returns K·dim M.
func (pw *Power) Dim() int { return pw.k * pw.base.Dim() }

// Inner returns ⟨u, v⟩_x = Σᵢ ⟨uᵢ, vᵢ⟩_{xᵢ}, summed in copy order.
func (pw *Power) Inner(x, u, v []float64) float64 {
	pw.checkLen(x, u, v)
	if pw.split() {
		vals := pw.scratch.Get().(*[]float64)
		pw.parallel(func(lo, hi int) error { pw.inners(*vals, x, u, v, lo, hi); return nil })
		var s float64
		for _, t := range *vals {
			s += t
		}
		pw.scratch.Put(vals)
		return s
	}
	var s float64
	n := pw.n
	for i := range pw.k {
		a, b := i*n, (i+1)*n
		s += pw.base.Inner(x[a:b], u[a:b], v[a:b])
	}
	return s
}

func (pw *Power) inners(dst, x, u, v []float64, lo, hi int) {
	n := pw.n
	for i := lo; i < hi; i++ {
		a, b := i*n, (i+1)*n
		dst[i] = pw.base.Inner(x[a:b], u[a:b], v[a:b])
	}
}

// Norm returns ‖v‖_x = √(Σᵢ ‖vᵢ‖²_{xᵢ}), combining the base norms so that no
// intermediate overflows or underflows. Special cases are: Norm is NaN if a
// copy's norm is NaN, and +Inf if one is ±Inf and none is NaN.
func (pw *Power) Norm(x, v []float64) float64 {
	pw.checkLen(x, v)
	var acc sumSquares
	if pw.split() {
		vals := pw.scratch.Get().(*[]float64)
		pw.parallel(func(lo, hi int) error { pw.norms(*vals, x, v, lo, hi); return nil })
		for _, t := range *vals {
			acc.add(t)
		}
		pw.scratch.Put(vals)
		return acc.value()
	}
	n := pw.n
	for i := range pw.k {
		a, b := i*n, (i+1)*n
		acc.add(pw.base.Norm(x[a:b], v[a:b]))
	}
	return acc.value()
}

func (pw *Power) norms(dst, x, v []float64, lo, hi int) {
	n := pw.n
	for i := lo; i < hi; i++ {
		a, b := i*n, (i+1)*n
		dst[i] = pw.base.Norm(x[a:b], v[a:b])
	}
}

// Dist returns d(x, y) = √(Σᵢ d(xᵢ, yᵢ)²), combined like Norm. Special cases
// are: Dist(x, x) = 0 exactly when the base has that property; NaN and Inf
// are as in Norm.
func (pw *Power) Dist(x, y []float64) float64 {
	pw.checkLen(x, y)
	var acc sumSquares
	if pw.split() {
		vals := pw.scratch.Get().(*[]float64)
		pw.parallel(func(lo, hi int) error { pw.dists(*vals, x, y, lo, hi); return nil })
		for _, t := range *vals {
			acc.add(t)
		}
		pw.scratch.Put(vals)
		return acc.value()
	}
	n := pw.n
	for i := range pw.k {
		a, b := i*n, (i+1)*n
		acc.add(pw.base.Dist(x[a:b], y[a:b]))
	}
	return acc.value()
}

func (pw *Power) dists(dst, x, y []float64, lo, hi int) {
	n := pw.n
	for i := lo; i < hi; i++ {
		a, b := i*n, (i+1)*n
		dst[i] = pw.base.Dist(x[a:b], y[a:b])
	}
}

// Proj writes (Proj_{x₁}(z₁), …, Proj_{x_K}(z_K)), the orthogonal projection
// of the ambient z onto T_x M^K (the product metric is block diagonal).
func (pw *Power) Proj(dst, x, z []float64) {
	pw.checkLen(dst, x, z)
	if pw.split() {
		pw.parallel(func(lo, hi int) error { pw.projs(dst, x, z, lo, hi); return nil })
		return
	}
	pw.projs(dst, x, z, 0, pw.k)
}

func (pw *Power) projs(dst, x, z []float64, lo, hi int) {
	n := pw.n
	for i := lo; i < hi; i++ {
		a, b := i*n, (i+1)*n
		pw.base.Proj(dst[a:b], x[a:b], z[a:b])
	}
}

// EGradToRGrad writes the Riemannian gradient copy by copy: the Euclidean
// gradient of f at x splits into the partial gradients egradᵢ = ∂f/∂xᵢ, and
// grad f(x) = (…, EGradToRGrad_{xᵢ}(egradᵢ), …).
func (pw *Power) EGradToRGrad(dst, x, egrad []float64) {
	pw.checkLen(dst, x, egrad)
	if pw.split() {
		pw.parallel(func(lo, hi int) error { pw.egrads(dst, x, egrad, lo, hi); return nil })
		return
	}
	pw.egrads(dst, x, egrad, 0, pw.k)
}

func (pw *Power) egrads(dst, x, egrad []float64, lo, hi int) {
	n := pw.n
	for i := lo; i < hi; i++ {
		a, b := i*n, (i+1)*n
		pw.base.EGradToRGrad(dst[a:b], x[a:b], egrad[a:b])
	}
}

// Exp writes Exp_x(v) = (Exp_{x₁}(v₁), …, Exp_{x_K}(v_K)).
func (pw *Power) Exp(dst, x, v []float64) {
	pw.checkLen(dst, x, v)
	if pw.split() {
		pw.parallel(func(lo, hi int) error { pw.exps(dst, x, v, lo, hi); return nil })
		return
	}
	pw.exps(dst, x, v, 0, pw.k)
}

func (pw *Power) exps(dst, x, v []float64, lo, hi int) {
	n := pw.n
	for i := lo; i < hi; i++ {
		a, b := i*n, (i+1)*n
		pw.base.Exp(dst[a:b], x[a:b], v[a:b])
	}
}

// Log writes Log_x(y) = (Log_{x₁}(y₁), …, Log_{x_K}(y_K)). If a copy fails, Log
// returns the error of the lowest-numbered failing copy i wrapped as
// "manifold: power copy i: …" (errors.Is(err, ErrCutLocus) still holds), and
// dst is unspecified.
func (pw *Power) Log(dst, x, y []float64) error {
	pw.checkLen(dst, x, y)
	if pw.split() {
		return pw.parallel(func(lo, hi int) error { return pw.logs(dst, x, y, lo, hi) })
	}
	return pw.logs(dst, x, y, 0, pw.k)
}

func (pw *Power) logs(dst, x, y []float64, lo, hi int) error {
	n := pw.n
	for i := lo; i < hi; i++ {
		a, b := i*n, (i+1)*n
		if err := pw.base.Log(dst[a:b], x[a:b], y[a:b]); err != nil {
			return fmt.Errorf("manifold: power copy %d: %w", i, err)
		}
	}
	return nil
}

// Retract writes R_x(v) = (R_{x₁}(v₁), …, R_{x_K}(v_K)) with the base's
// configured retraction.
func (pw *Power) Retract(dst, x, v []float64) {
	pw.checkLen(dst, x, v)
	if pw.split() {
		pw.parallel(func(lo, hi int) error { pw.retracts(dst, x, v, lo, hi); return nil })
		return
	}
	pw.retracts(dst, x, v, 0, pw.k)
}

func (pw *Power) retracts(dst, x, v []float64, lo, hi int) {
	n := pw.n
	for i := lo; i < hi; i++ {
		a, b := i*n, (i+1)*n
		pw.base.Retract(dst[a:b], x[a:b], v[a:b])
	}
}

// Transport writes the base's configured transport of each vᵢ ∈ T_{xᵢ}M to
// T_{yᵢ}M.
func (pw *Power) Transport(dst, x, y, v []float64) {
	pw.checkLen(dst, x, y, v)
	if pw.split() {
		pw.parallel(func(lo, hi int) error { pw.transports(dst, x, y, v, lo, hi); return nil })
		return
	}
	pw.transports(dst, x, y, v, 0, pw.k)
}

func (pw *Power) transports(dst, x, y, v []float64, lo, hi int) {
	n := pw.n
	for i := lo; i < hi; i++ {
		a, b := i*n, (i+1)*n
		pw.base.Transport(dst[a:b], x[a:b], y[a:b], v[a:b])
	}
}

// RandomPoint writes K independent random points of the base, drawn one
// after the other from rng (never in parallel), so dst depends only on the
// state of rng.
func (pw *Power) RandomPoint(dst []float64, rng *rand.Rand) {
	pw.checkLen(dst)
	n := pw.n
	for i := range pw.k {
		pw.base.RandomPoint(dst[i*n:(i+1)*n], rng)
	}
}

// RandomTangent writes K independent random tangent vectors, copy i drawn at
// xᵢ from the base's distribution, one after the other from rng (never in
// parallel). When the base draws the standard Gaussian of T_{xᵢ}M, the result
// is the standard Gaussian of T_x M^K.
func (pw *Power) RandomTangent(dst, x []float64, rng *rand.Rand) {
	pw.checkLen(dst, x)
	n := pw.n
	for i := range pw.k {
		a, b := i*n, (i+1)*n
		pw.base.RandomTangent(dst[a:b], x[a:b], rng)
	}
}

// CheckPoint returns nil if every copy of x is a point of the base. Otherwise
// it returns the failure of the lowest-numbered failing copy i: the base's
// *CheckError with "power copy i: " prefixed to its What, or any other base
// error wrapped as "manifold: power copy i: …".
func (pw *Power) CheckPoint(x []float64) error {
	pw.checkLen(x)
	if pw.split() {
		return pw.parallel(func(lo, hi int) error { return pw.checkPoints(x, lo, hi) })
	}
	return pw.checkPoints(x, 0, pw.k)
}

func (pw *Power) checkPoints(x []float64, lo, hi int) error {
	n := pw.n
	for i := lo; i < hi; i++ {
		if err := pw.base.CheckPoint(x[i*n : (i+1)*n]); err != nil {
			return annotateCheck(err, "power copy", i)
		}
	}
	return nil
}

// CheckTangent returns nil if every vᵢ is tangent at xᵢ, and otherwise the
// failure of the lowest-numbered failing copy, annotated as in CheckPoint.
func (pw *Power) CheckTangent(x, v []float64) error {
	pw.checkLen(x, v)
	if pw.split() {
		return pw.parallel(func(lo, hi int) error { return pw.checkTangents(x, v, lo, hi) })
	}
	return pw.checkTangents(x, v, 0, pw.k)
}

func (pw *Power) checkTangents(x, v []float64, lo, hi int) error {
	n := pw.n
	for i := lo; i < hi; i++ {
		a, b := i*n, (i+1)*n
		if err := pw.base.CheckTangent(x[a:b], v[a:b]); err != nil {
			return annotateCheck(err, "power copy", i)
		}
	}
	return nil
}

// InverseRetract writes the base's inverse retraction copy by copy, so that
// Retract(x, dst) = y. Errors are reported as in Log. It panics if the base
// has no InverseRetract capability.
func (pw *Power) InverseRetract(dst, x, y []float64) error {
	if pw.invRet == nil {
		pw.noCapability(CapInverseRetract)
	}
	pw.checkLen(dst, x, y)
	if pw.split() {
		return pw.parallel(func(lo, hi int) error { return pw.invRetracts(dst, x, y, lo, hi) })
	}
	return pw.invRetracts(dst, x, y, 0, pw.k)
}

func (pw *Power) invRetracts(dst, x, y []float64, lo, hi int) error {
	n := pw.n
	for i := lo; i < hi; i++ {
		a, b := i*n, (i+1)*n
		if err := pw.invRet.InverseRetract(dst[a:b], x[a:b], y[a:b]); err != nil {
			return fmt.Errorf("manifold: power copy %d: %w", i, err)
		}
	}
	return nil
}

// ParallelTransport writes the parallel transport of v ∈ T_x M^K along the
// product geodesic from x to y, which is the base's parallel transport of
// each vᵢ from xᵢ to yᵢ. It panics if the base has no ParallelTransport
// capability.
func (pw *Power) ParallelTransport(dst, x, y, v []float64) {
	if pw.parTr == nil {
		pw.noCapability(CapParallelTransport)
	}
	pw.checkLen(dst, x, y, v)
	if pw.split() {
		pw.parallel(func(lo, hi int) error { pw.parTransports(dst, x, y, v, lo, hi); return nil })
		return
	}
	pw.parTransports(dst, x, y, v, 0, pw.k)
}

func (pw *Power) parTransports(dst, x, y, v []float64, lo, hi int) {
	n := pw.n
	for i := lo; i < hi; i++ {
		a, b := i*n, (i+1)*n
		pw.parTr.ParallelTransport(dst[a:b], x[a:b], y[a:b], v[a:b])
	}
}

// EHessToRHess writes Hess f(x)[v] copy by copy. This is exact because the
// product metric is block diagonal and its Levi-Civita connection acts on
// each copy separately: block i of the Euclidean Hessian-vector product ehess
// already holds the cross terms Σⱼ ∂²f/∂xᵢ∂xⱼ[vⱼ], and the curvature
// correction of copy i involves only xᵢ, egradᵢ and vᵢ. It panics if the base
// has no EHessToRHess capability.
func (pw *Power) EHessToRHess(dst, x, egrad, ehess, v []float64) {
	if pw.hess == nil {
		pw.noCapability(CapHessian)
	}
	pw.checkLen(dst, x, egrad, ehess, v)
	if pw.split() {
		pw.parallel(func(lo, hi int) error { pw.hessians(dst, x, egrad, ehess, v, lo, hi); return nil })
		return
	}
	pw.hessians(dst, x, egrad, ehess, v, 0, pw.k)
}

func (pw *Power) hessians(dst, x, egrad, ehess, v []float64, lo, hi int) {
	n := pw.n
	for i := lo; i < hi; i++ {
		a, b := i*n, (i+1)*n
		pw.hess.EHessToRHess(dst[a:b], x[a:b], egrad[a:b], ehess[a:b], v[a:b])
	}
}

// Project writes the base's projection of each ambient block zᵢ onto M. If the
// base's projection is a nearest point in the Euclidean distance, so is this
// one (the squared distance is a sum over the blocks). It panics if the base
// has no Project capability.
func (pw *Power) Project(dst, z []float64) {
	if pw.proj == nil {
		pw.noCapability(CapProject)
	}
	pw.checkLen(dst, z)
	if pw.split() {
		pw.parallel(func(lo, hi int) error { pw.projects(dst, z, lo, hi); return nil })
		return
	}
	pw.projects(dst, z, 0, pw.k)
}

func (pw *Power) projects(dst, z []float64, lo, hi int) {
	n := pw.n
	for i := lo; i < hi; i++ {
		a, b := i*n, (i+1)*n
		pw.proj.Project(dst[a:b], z[a:b])
	}
}

// InjectivityRadius returns minᵢ inj(xᵢ), the injectivity radius of the
// product at x. Special case: it is NaN if a copy's radius is NaN. It panics
// if the base has no InjectivityRadius capability.
func (pw *Power) InjectivityRadius(x []float64) float64 {
	if pw.inj == nil {
		pw.noCapability(CapInjectivityRadius)
	}
	pw.checkLen(x)
	r := math.Inf(1)
	if pw.split() {
		vals := pw.scratch.Get().(*[]float64)
		pw.parallel(func(lo, hi int) error { pw.injRadii(*vals, x, lo, hi); return nil })
		for _, t := range *vals {
			r = math.Min(r, t)
		}
		pw.scratch.Put(vals)
		return r
	}
	n := pw.n
	for i := range pw.k {
		r = math.Min(r, pw.inj.InjectivityRadius(x[i*n:(i+1)*n]))
	}
	return r
}

func (pw *Power) injRadii(dst, x []float64, lo, hi int) {
	n := pw.n
	for i := lo; i < hi; i++ {
		dst[i] = pw.inj.InjectivityRadius(x[i*n : (i+1)*n])
	}
}

// checkLen panics unless every slice has the length of one Power point.
func (pw *Power) checkLen(xs ...[]float64) {
	want := pw.k * pw.n
	for _, x := range xs {
		if len(x) != want {
			panic(Error("manifold: power: slice length mismatch"))
		}
	}
}

func (pw *Power) noCapability(c Capability) {
	panic(Error("manifold: power: base manifold has no " + c.String()))
}

// split reports whether a call should run in parallel.
func (pw *Power) split() bool {
	return pw.workers > 1 && pw.k > 1 && pw.k*pw.n >= pw.threshold
}

// parallel runs fn over min(workers, K) contiguous ranges of copies that
// cover [0, K), the first one on the calling goroutine, and waits for all of
// them. It returns the error of the lowest range that failed: since each
// range runs its copies in order and stops at its first error, that is the
// error of the lowest failing copy, as in a sequential run. A panic in any
// range is raised again here, the lowest range's first.
func (pw *Power) parallel(fn func(lo, hi int) error) error {
	w := min(pw.workers, pw.k)
	errs := make([]error, w)
	panics := make([]any, w)
	run := func(j int) {
		defer func() {
			if r := recover(); r != nil {
				panics[j] = r
			}
		}()
		errs[j] = fn(j*pw.k/w, (j+1)*pw.k/w)
	}
	var wg sync.WaitGroup
	for j := 1; j < w; j++ {
		wg.Go(func() { run(j) })
	}
	run(0)
	wg.Wait()
	for _, r := range panics {
		if r != nil {
			panic(r)
		}
	}
	return firstNonNil(errs)
}

// firstNonNil returns the first non-nil error of errs, or nil.
func firstNonNil(errs []error) error {
	for _, err := range errs {
		if err != nil {
			return err
		}
	}
	return nil
}

// annotateCheck labels a CheckPoint or CheckTangent failure with the part it
// came from. A *CheckError is copied with "label i: " prefixed to What, so
// the result is still a *CheckError naming the manifold that failed; any other
// error is wrapped.
func annotateCheck(err error, label string, i int) error {
	if ce, ok := err.(*CheckError); ok {
		return &CheckError{
			Manifold:  ce.Manifold,
			What:      fmt.Sprintf("%s %d: %s", label, i, ce.What),
			Residual:  ce.Residual,
			Tolerance: ce.Tolerance,
		}
	}
	return fmt.Errorf("manifold: %s %d: %w", label, i, err)
}

// sumSquares accumulates √(Σ xᵢ²) as scale·√ssq with scale = maxᵢ |xᵢ|, in
// the manner of LAPACK's dlassq, so that no intermediate overflows or
// underflows unless the result does. Zeros are skipped, so a sum of zeros is
// exactly 0 and a single term x gives |x| exactly.
type sumSquares struct {
	scale, ssq float64
	nan, inf   bool
}

func (a *sumSquares) add(x float64) {
	switch {
	case x == 0:
	case math.IsNaN(x):
		a.nan = true
	case math.IsInf(x, 0):
		a.inf = true
	default:
		x = math.Abs(x)
		if a.scale < x {
			r := a.scale / x
			a.ssq = 1 + a.ssq*r*r
			a.scale = x
		} else {
			r := x / a.scale
			a.ssq += r * r
		}
	}
}

func (a *sumSquares) value() float64 {
	switch {
	case a.nan:
		return math.NaN()
	case a.inf:
		return math.Inf(1)
	}
	return a.scale * math.Sqrt(a.ssq)
}
