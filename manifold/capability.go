package manifold

// InverseRetractor is implemented by manifolds with an inverse of their
// configured retraction: InverseRetract writes v with Retract(p, v) = q.
// It returns an error (usually ErrCutLocus) when q is outside the image.
type InverseRetractor interface {
	InverseRetract(dst, p, q []float64) error
}

// ParallelTransporter is implemented by manifolds with a closed-form (or
// otherwise exact) parallel transport of v ∈ T_p M along the minimising
// geodesic from p to q.
type ParallelTransporter interface {
	ParallelTransport(dst, p, q, v []float64)
}

// HessianConverter is implemented by manifolds that convert a Euclidean
// Hessian-vector product into the Riemannian one: given the Euclidean
// gradient egrad and ehess = ∇²f(p)[v], EHessToRHess writes Hess f(p)[v].
// (Absil, Mahony & Sepulchre 2008, §5.5; Boumal 2023, §5.5 and §7.7.)
type HessianConverter interface {
	EHessToRHess(dst, p, egrad, ehess, v []float64)
}

// Projector is implemented by manifolds with a projection of an ambient point
// onto the manifold (a nearest point where the manifold documents it).
type Projector interface {
	Project(dst, x []float64)
}

// InjectivityRadiuser is implemented by manifolds that know their injectivity
// radius at p: Exp_p is a diffeomorphism on the open ball of that radius.
type InjectivityRadiuser interface {
	InjectivityRadius(p []float64) float64
}

// Capability names one optional capability.
type Capability int

// The optional capabilities a manifold may have.
const (
	CapInverseRetract Capability = iota
	CapParallelTransport
	CapHessian
	CapProject
	CapInjectivityRadius
)

// String returns the name of the capability's method.
func (c Capability) String() string {
	switch c {
	case CapInverseRetract:
		return "InverseRetract"
	case CapParallelTransport:
		return "ParallelTransport"
	case CapHessian:
		return "EHessToRHess"
	case CapProject:
		return "Project"
	case CapInjectivityRadius:
		return "InjectivityRadius"
	}
	return "unknown capability"
}

// CapabilityReporter is implemented by decorators (Power, Product, and
// third-party wrappers) that have every optional method but can only serve
// those their parts have. A manifold that does not implement it has exactly
// the capabilities its method set shows.
type CapabilityReporter interface {
	HasCapability(c Capability) bool
}

func has(m Manifold, c Capability) bool {
	if r, ok := m.(CapabilityReporter); ok {
		return r.HasCapability(c)
	}
	return true
}

// AsInverseRetractor returns m as an InverseRetractor if m has that
// capability, through its method set and CapabilityReporter.
func AsInverseRetractor(m Manifold) (InverseRetractor, bool) {
	if x, ok := m.(InverseRetractor); ok && has(m, CapInverseRetract) {
		return x, true
	}
	return nil, false
}

// AsParallelTransporter returns m as a ParallelTransporter if m has that
// capability.
func AsParallelTransporter(m Manifold) (ParallelTransporter, bool) {
	if x, ok := m.(ParallelTransporter); ok && has(m, CapParallelTransport) {
		return x, true
	}
	return nil, false
}

// AsHessianConverter returns m as a HessianConverter if m has that capability.
func AsHessianConverter(m Manifold) (HessianConverter, bool) {
	if x, ok := m.(HessianConverter); ok && has(m, CapHessian) {
		return x, true
	}
	return nil, false
}

// AsProjector returns m as a Projector if m has that capability.
func AsProjector(m Manifold) (Projector, bool) {
	if x, ok := m.(Projector); ok && has(m, CapProject) {
		return x, true
	}
	return nil, false
}

// AsInjectivityRadiuser returns m as an InjectivityRadiuser if m has that
// capability.
func AsInjectivityRadiuser(m Manifold) (InjectivityRadiuser, bool) {
	if x, ok := m.(InjectivityRadiuser); ok && has(m, CapInjectivityRadius) {
		return x, true
	}
	return nil, false
}
