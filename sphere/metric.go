package sphere

import (
	"gonum.org/v1/gonum/floats"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// Inner returns the induced metric ⟨u, v⟩_p = uᵀv.
func (s *Sphere) Inner(p, u, v []float64) float64 {
	s.check(p, u, v)
	return floats.Dot(u, v)
}

// Norm returns ‖v‖_p = ‖v‖₂, without spurious overflow or underflow.
func (s *Sphere) Norm(p, v []float64) float64 {
	s.check(p, v)
	return linalg.Nrm2(v)
}

// Proj writes the orthogonal projection of the ambient vector x onto T_p S,
// Proj_p(x) = x − ⟨p, x⟩p (Absil, Mahony & Sepulchre 2008, ex. 3.6.1).
// p is assumed to have unit norm.
func (s *Sphere) Proj(dst, p, x []float64) {
	s.check(dst, p, x)
	a := floats.Dot(p, x)
	floats.AddScaledTo(dst, x, -a, p) // elementwise, so dst may alias p or x

}

// EGradToRGrad writes grad f(p) = Proj_p(∇f(p)): the Riemannian gradient of
// a submanifold with the induced metric is the tangent part of the Euclidean
// one (Absil, Mahony & Sepulchre 2008, eq. 3.37).
func (s *Sphere) EGradToRGrad(dst, p, egrad []float64) {
	s.Proj(dst, p, egrad)
}

// EHessToRHess writes the Riemannian Hessian-vector product
//
//	Hess f(p)[v] = Proj_p(∇²f(p)[v]) − ⟨p, ∇f(p)⟩ v,
//
// given egrad = ∇f(p), ehess = ∇²f(p)[v] and v ∈ T_p S (Absil, Mahony &
// Trumpf 2013, "An extrinsic look at the Riemannian Hessian"; Boumal 2023,
// eq. 7.37). The Weingarten term −⟨p, ∇f⟩v is the sphere's curvature
// correction.
func (s *Sphere) EHessToRHess(dst, p, egrad, ehess, v []float64) {
	s.check(dst, p, egrad, ehess, v)
	a := floats.Dot(p, ehess)
	b := floats.Dot(p, egrad)
	for i, pi := range p {
		dst[i] = ehess[i] - a*pi - b*v[i]
	}
}
