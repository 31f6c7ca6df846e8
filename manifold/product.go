package manifold

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
)

// Product is the Riemannian product M₁ × ⋯ × M_m of a tuple of manifolds with
// the product metric.
//
// # Storage
//
// A point or tangent vector is the concatenation of the parts' flat slices:
// part i occupies x[Offsets()[i] : Offsets()[i+1]] (see Part), whatever the
// parts' own shapes. The Product's shape is (N, 1) with N = Σᵢ rᵢ·cᵢ.
//
// # Geometry
//
// Write x = (x₁, …, x_m), and likewise for every other point and vector. Then
//
//	⟨u, v⟩_x = Σᵢ ⟨uᵢ, vᵢ⟩_{xᵢ}
//	‖v‖_x    = √(Σᵢ ‖vᵢ‖²_{xᵢ})
//	d(x, y)  = √(Σᵢ d(xᵢ, yᵢ)²)
//	dim      = Σᵢ dim Mᵢ
//
// and Exp, Log, Retract, Transport, Proj, EGradToRGrad and the optional
// methods act part by part: Exp_x(v) = (Exp_{x₁}(v₁), …, Exp_{x_m}(v_m)). The
// injectivity radius is the minimum over the parts. Norm and Dist combine the
// per-part values with a scaled sum of squares, so they overflow only if the
// result does. A Power is the special case of K equal parts with a different
// layout.
//
// # Capabilities and errors
//
// Product has every optional method (InverseRetract, ParallelTransport,
// EHessToRHess, Project, InjectivityRadius) and reports one through
// HasCapability, and so through the As* helpers, only if every part has it.
// Calling one that some part lacks panics with an Error such as
// "manifold: product: part 1 has no ParallelTransport". A slice of the wrong
// length panics with Error("manifold: product: slice length mismatch").
// An error from Log or InverseRetract is the one of the lowest-numbered failing
// part, wrapped as "manifold: product part i: …" so that errors.Is and
// errors.As still see the part's error. CheckPoint and CheckTangent return a
// *CheckError whose What names the failing part.
//
// Every method runs the parts in order on the caller's goroutine and, beyond
// what the parts allocate, allocates nothing. Product values are immutable
// and safe for concurrent use.
type Product struct {
	parts []Manifold
	offs  []int // part i is x[offs[i]:offs[i+1]]; offs[len(parts)] = N
	dim   int

	// Each part's optional capabilities, or nil unless every part has them.
	invRet []InverseRetractor
	parTr  []ParallelTransporter
	hess   []HessianConverter
	proj   []Projector
	inj    []InjectivityRadiuser
}

// Compile-time checks that Product has the full method set.
var (
	_ Manifold            = (*Product)(nil)
	_ CapabilityReporter  = (*Product)(nil)
	_ InverseRetractor    = (*Product)(nil)
	_ ParallelTransporter = (*Product)(nil)
	_ HessianConverter    = (*Product)(nil)
	_ Projector           = (*Product)(nil)
	_ InjectivityRadiuser = (*Product)(nil)
)

// NewProduct returns the product manifold ms[0] × ms[1] × ⋯. It keeps its
// own copy of the list. It panics with an Error if ms is empty or holds a nil
// manifold.
func NewProduct(ms ...Manifold) *Product {
	if len(ms) == 0 {
		panic(Error("manifold: product: no parts"))
	}
	pr := &Product{
		parts: make([]Manifold, len(ms)),
		offs:  make([]int, len(ms)+1),
	}
	for i, m := range ms {
		if m == nil {
			panic(Error(fmt.Sprintf("manifold: product: part %d is nil", i)))
		}
		pr.parts[i] = m
		pr.offs[i+1] = pr.offs[i] + size(m)
		pr.dim += m.Dim()
	}
	pr.invRet = allAs(ms, AsInverseRetractor)
	pr.parTr = allAs(ms, AsParallelTransporter)
	pr.hess = allAs(ms, AsHessianConverter)
	pr.proj = allAs(ms, AsProjector)
	pr.inj = allAs(ms, AsInjectivityRadiuser)
	return pr
}

// allAs returns every manifold of ms converted by as, or nil if as fails for
// one of them.
func allAs[T any](ms []Manifold, as func(Manifold) (T, bool)) []T {
	out := make([]T, len(ms))
	for i, m := range ms {
		x, ok := as(m)
		if !ok {
			return nil
		}
		out[i] = x
	}
	return out
}

// Parts returns a new slice holding the factors, in order.
func (pr *Product) Parts() []Manifold {
	return append([]Manifold(nil), pr.parts...)
}

// NumParts returns the number of factors.
func (pr *Product) NumParts() int { return len(pr.parts) }

// Offsets returns a new slice of length NumParts()+1 whose entries i and i+1
// delimit part i in a point or tangent vector; the last entry is the total
// length N.
func (pr *Product) Offsets() []int {
	return append([]int(nil), pr.offs...)
}

// Part returns part i of the point or tangent vector x, sharing x's storage,
// with its capacity capped at its length so that appending to it cannot
// overwrite part i+1. It panics if len(x) ≠ N or i is not in [0, NumParts()).
func (pr *Product) Part(x []float64, i int) []float64 {
	pr.checkLen(x)
	if i < 0 || i >= len(pr.parts) {
		panic(Error("manifold: product: part index out of range"))
	}
	a, b := pr.offs[i], pr.offs[i+1]
	return x[a:b:b]
}

// String returns the parts' names joined by " × ", each the part's String
// result if it has one and its Go type otherwise, e.g. "S^2 × S^99".
func (pr *Product) String() string {
	names := make([]string, len(pr.parts))
	for i, m := range pr.parts {
		names[i] = manifoldName(m)
	}
	return strings.Join(names, " × ")
}

// HasCapability reports whether every part has capability c.
func (pr *Product) HasCapability(c Capability) bool {
	switch c {
	case CapInverseRetract:
		return pr.invRet != nil
	case CapParallelTransport:
		return pr.parTr != nil
	case CapHessian:
		return pr.hess != nil
	case CapProject:
		return pr.proj != nil
	case CapInjectivityRadius:
		return pr.inj != nil
	}
	return false
}

// Shape returns (N, 1), N the summed length of the parts.
func (pr *Product) Shape() (r, c int) { return pr.offs[len(pr.parts)], 1 }

// Dim returns Σᵢ dim Mᵢ.
func (pr *Product) Dim() int { return pr.dim }

// Inner returns ⟨u, v⟩_x = Σᵢ ⟨uᵢ, vᵢ⟩_{xᵢ}, summed in part order.
func (pr *Product) Inner(x, u, v []float64) float64 {
	pr.checkLen(x, u, v)
	var s float64
	for i, m := range pr.parts {
		a, b := pr.offs[i], pr.offs[i+1]
		s += m.Inner(x[a:b], u[a:b], v[a:b])
	}
	return s
}

// Norm returns ‖v‖_x = √(Σᵢ ‖vᵢ‖²_{xᵢ}), combining the parts' norms so that
// no intermediate overflows or underflows. Special cases are: Norm is NaN if
// a part's norm is NaN, and +Inf if one is ±Inf and none is NaN.
func (pr *Product) Norm(x, v []float64) float64 {
	pr.checkLen(x, v)
	var acc sumSquares
	for i, m := range pr.parts {
		a, b := pr.offs[i], pr.offs[i+1]
		acc.add(m.Norm(x[a:b], v[a:b]))
	}
	return acc.value()
}

// Dist returns d(x, y) = √(Σᵢ d(xᵢ, yᵢ)²), combined like Norm. Special cases
// are: Dist(x, x) = 0 exactly when every part has that property; NaN and Inf
// are as in Norm.
func (pr *Product) Dist(x, y []float64) float64 {
	pr.checkLen(x, y)
	var acc sumSquares
	for i, m := range pr.parts {
		a, b := pr.offs[i], pr.offs[i+1]
		acc.add(m.Dist(x[a:b], y[a:b]))
	}
	return acc.value()
}

// Proj writes (Proj_{x₁}(z₁), …, Proj_{x_m}(z_m)), the orthogonal projection
// of the ambient z onto T_x M (the product metric is block diagonal).
func (pr *Product) Proj(dst, x, z []float64) {
	pr.checkLen(dst, x, z)
	for i, m := range pr.parts {
		a, b := pr.offs[i], pr.offs[i+1]
		m.Proj(dst[a:b], x[a:b], z[a:b])
	}
}

// EGradToRGrad writes the Riemannian gradient part by part: the Euclidean
// gradient splits into the partial gradients egradᵢ = ∂f/∂xᵢ, and
// grad f(x) = (…, EGradToRGrad_{xᵢ}(egradᵢ), …).
func (pr *Product) EGradToRGrad(dst, x, egrad []float64) {
	pr.checkLen(dst, x, egrad)
	for i, m := range pr.parts {
		a, b := pr.offs[i], pr.offs[i+1]
		m.EGradToRGrad(dst[a:b], x[a:b], egrad[a:b])
	}
}

// Exp writes Exp_x(v) = (Exp_{x₁}(v₁), …, Exp_{x_m}(v_m)).
func (pr *Product) Exp(dst, x, v []float64) {
	pr.checkLen(dst, x, v)
	for i, m := range pr.parts {
		a, b := pr.offs[i], pr.offs[i+1]
		m.Exp(dst[a:b], x[a:b], v[a:b])
	}
}

// Log writes Log_x(y) = (Log_{x₁}(y₁), …, Log_{x_m}(y_m)). If a part fails,
// Log stops and returns that part's error wrapped as
// "manifold: product part i: …" (errors.Is(err, ErrCutLocus) still holds);
// dst is then unspecified.
func (pr *Product) Log(dst, x, y []float64) error {
	pr.checkLen(dst, x, y)
	for i, m := range pr.parts {
		a, b := pr.offs[i], pr.offs[i+1]
		if err := m.Log(dst[a:b], x[a:b], y[a:b]); err != nil {
			return fmt.Errorf("manifold: product part %d: %w", i, err)
		}
	}
	return nil
}

// Retract writes R_x(v) = (R_{x₁}(v₁), …, R_{x_m}(v_m)) with each part's
// configured retraction.
func (pr *Product) Retract(dst, x, v []float64) {
	pr.checkLen(dst, x, v)
	for i, m := range pr.parts {
		a, b := pr.offs[i], pr.offs[i+1]
		m.Retract(dst[a:b], x[a:b], v[a:b])
	}
}

// Transport writes each part's configured transport of vᵢ ∈ T_{xᵢ}Mᵢ to
// T_{yᵢ}Mᵢ.
func (pr *Product) Transport(dst, x, y, v []float64) {
	pr.checkLen(dst, x, y, v)
	for i, m := range pr.parts {
		a, b := pr.offs[i], pr.offs[i+1]
		m.Transport(dst[a:b], x[a:b], y[a:b], v[a:b])
	}
}

// RandomPoint writes a random point of each part in turn, drawn from rng.
func (pr *Product) RandomPoint(dst []float64, rng *rand.Rand) {
	pr.checkLen(dst)
	for i, m := range pr.parts {
		m.RandomPoint(dst[pr.offs[i]:pr.offs[i+1]], rng)
	}
}

// RandomTangent writes a random tangent vector of each part in turn, drawn
// from rng. When every part draws the standard Gaussian of its tangent space,
// the result is the standard Gaussian of T_x M.
func (pr *Product) RandomTangent(dst, x []float64, rng *rand.Rand) {
	pr.checkLen(dst, x)
	for i, m := range pr.parts {
		a, b := pr.offs[i], pr.offs[i+1]
		m.RandomTangent(dst[a:b], x[a:b], rng)
	}
}

// CheckPoint returns nil if every part of x is a point of its manifold.
// Otherwise it returns the failure of the lowest-numbered failing part i: the
// part's *CheckError with "product part i: " prefixed to its What, or any
// other error wrapped as "manifold: product part i: …".
func (pr *Product) CheckPoint(x []float64) error {
	pr.checkLen(x)
	for i, m := range pr.parts {
		if err := m.CheckPoint(x[pr.offs[i]:pr.offs[i+1]]); err != nil {
			return annotateCheck(err, "product part", i)
		}
	}
	return nil
}

// CheckTangent returns nil if every vᵢ is tangent at xᵢ, and otherwise the
// failure of the lowest-numbered failing part, annotated as in CheckPoint.
func (pr *Product) CheckTangent(x, v []float64) error {
	pr.checkLen(x, v)
	for i, m := range pr.parts {
		a, b := pr.offs[i], pr.offs[i+1]
		if err := m.CheckTangent(x[a:b], v[a:b]); err != nil {
			return annotateCheck(err, "product part", i)
		}
	}
	return nil
}

// InverseRetract writes each part's inverse retraction, so that
// Retract(x, dst) = y. Errors are reported as in Log. It panics unless every
// part has the InverseRetract capability.
func (pr *Product) InverseRetract(dst, x, y []float64) error {
	if pr.invRet == nil {
		pr.noCapability(CapInverseRetract)
	}
	pr.checkLen(dst, x, y)
	for i, m := range pr.invRet {
		a, b := pr.offs[i], pr.offs[i+1]
		if err := m.InverseRetract(dst[a:b], x[a:b], y[a:b]); err != nil {
			return fmt.Errorf("manifold: product part %d: %w", i, err)
		}
	}
	return nil
}

// ParallelTransport writes the parallel transport of v along the product
// geodesic from x to y, which is each part's parallel transport of vᵢ from xᵢ
// to yᵢ. It panics unless every part has the ParallelTransport capability.
func (pr *Product) ParallelTransport(dst, x, y, v []float64) {
	if pr.parTr == nil {
		pr.noCapability(CapParallelTransport)
	}
	pr.checkLen(dst, x, y, v)
	for i, m := range pr.parTr {
		a, b := pr.offs[i], pr.offs[i+1]
		m.ParallelTransport(dst[a:b], x[a:b], y[a:b], v[a:b])
	}
}

// EHessToRHess writes Hess f(x)[v] part by part. This is exact because the
// product metric is block diagonal and its Levi-Civita connection acts on
// each part separately: block i of the Euclidean Hessian-vector product ehess
// already holds the cross terms Σⱼ ∂²f/∂xᵢ∂xⱼ[vⱼ], and the curvature
// correction of part i involves only xᵢ, egradᵢ and vᵢ. It panics unless
// every part has the EHessToRHess capability.
func (pr *Product) EHessToRHess(dst, x, egrad, ehess, v []float64) {
	if pr.hess == nil {
		pr.noCapability(CapHessian)
	}
	pr.checkLen(dst, x, egrad, ehess, v)
	for i, m := range pr.hess {
		a, b := pr.offs[i], pr.offs[i+1]
		m.EHessToRHess(dst[a:b], x[a:b], egrad[a:b], ehess[a:b], v[a:b])
	}
}

// Project writes each part's projection of the ambient block zᵢ. If every
// part's projection is a Euclidean nearest point, so is this one. It panics
// unless every part has the Project capability.
func (pr *Product) Project(dst, z []float64) {
	if pr.proj == nil {
		pr.noCapability(CapProject)
	}
	pr.checkLen(dst, z)
	for i, m := range pr.proj {
		a, b := pr.offs[i], pr.offs[i+1]
		m.Project(dst[a:b], z[a:b])
	}
}

// InjectivityRadius returns minᵢ inj(xᵢ), the injectivity radius of the
// product at x. Special case: it is NaN if a part's radius is NaN. It panics
// unless every part has the InjectivityRadius capability.
func (pr *Product) InjectivityRadius(x []float64) float64 {
	if pr.inj == nil {
		pr.noCapability(CapInjectivityRadius)
	}
	pr.checkLen(x)
	r := math.Inf(1)
	for i, m := range pr.inj {
		r = math.Min(r, m.InjectivityRadius(x[pr.offs[i]:pr.offs[i+1]]))
	}
	return r
}

// checkLen panics unless every slice has the length of one Product point.
func (pr *Product) checkLen(xs ...[]float64) {
	want := pr.offs[len(pr.parts)]
	for _, x := range xs {
		if len(x) != want {
			panic(Error("manifold: product: slice length mismatch"))
		}
	}
}

// noCapability panics naming the first part without capability c.
func (pr *Product) noCapability(c Capability) {
	for i, m := range pr.parts {
		if !hasCapability(m, c) {
			panic(Error(fmt.Sprintf("manifold: product: part %d has no %s", i, c)))
		}
	}
	panic(Error("manifold: product: a part has no " + c.String()))
}

// hasCapability reports whether m has capability c, through its method set
// and CapabilityReporter, like the As* helpers.
func hasCapability(m Manifold, c Capability) bool {
	var ok bool
	switch c {
	case CapInverseRetract:
		_, ok = AsInverseRetractor(m)
	case CapParallelTransport:
		_, ok = AsParallelTransporter(m)
	case CapHessian:
		_, ok = AsHessianConverter(m)
	case CapProject:
		_, ok = AsProjector(m)
	case CapInjectivityRadius:
		_, ok = AsInjectivityRadiuser(m)
	}
	return ok
}
