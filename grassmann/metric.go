package grassmann

import (
	"gonum.org/v1/gonum/floats"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// Inner returns the canonical metric ⟨Δ₁, Δ₂⟩_Y = tr(Δ₁ᵀΔ₂), the Frobenius
// inner product of the horizontal lifts (Edelman, Arias & Smith 1998,
// §2.5; Absil, Mahony & Sepulchre 2004, §3). It does not depend on Y.
func (g *Grassmann) Inner(y, u, v []float64) float64 {
	g.check(y, u, v)
	return floats.Dot(u, v)
}

// Norm returns ‖Δ‖_Y = ‖Δ‖_F, without spurious overflow or underflow.
func (g *Grassmann) Norm(y, v []float64) float64 {
	g.check(y, v)
	return linalg.Nrm2(v)
}

// Proj writes the orthogonal projection of the ambient n×p matrix X onto the
// horizontal space at Y,
//
//	Proj_Y(X) = (I − YYᵀ)X = X − Y(YᵀX),
//
// formed without the n×n projector (Edelman, Arias & Smith 1998, §2.5;
// Absil, Mahony & Sepulchre 2008, §3.6.2). Y is assumed orthonormal.
// Special case: on Gr(n, n) the result is zero.
func (g *Grassmann) Proj(dst, y, x []float64) {
	g.check(dst, y, x)
	n, p := g.n, g.p
	if p == n {
		clear(dst)
		return
	}
	ar := linalg.NewArena(n*p + p*p)
	defer ar.Release()
	projInto(dst, y, x, ar.Take(n*p), ar.Take(p*p), n, p)
}

// EGradToRGrad writes the Riemannian gradient grad f(Y) = (I − YYᵀ)∇f(Y),
// the horizontal part of the Euclidean gradient G = ∇f(Y) of a function f
// of n×p matrices that satisfies f(YO) = f(Y) for orthogonal O (Edelman,
// Arias & Smith 1998, §2.5.3; Absil, Mahony & Sepulchre 2008, §3.6.2).
func (g *Grassmann) EGradToRGrad(dst, y, egrad []float64) {
	g.Proj(dst, y, egrad)
}

// EHessToRHess writes the horizontal lift of the Riemannian Hessian-vector
// product
//
//	Hess f(Y)[Δ] = (I − YYᵀ)∇²f(Y)[Δ] − Δ·(YᵀG),
//
// given egrad = G = ∇f(Y), ehess = ∇²f(Y)[Δ] and a horizontal Δ (Edelman,
// Arias & Smith 1998, §2.5.3; Absil, Mahony & Trumpf 2013, "An extrinsic
// look at the Riemannian Hessian", §4; Boumal 2023, ch. 9, the Grassmannian
// as a Riemannian quotient). The term −Δ·YᵀG is the curvature correction of
// the quotient.
//
// It is computed as (I − YYᵀ)(∇²f[Δ] − Δ·sym(YᵀG)), sym(A) = (A + Aᵀ)/2.
// For a function with f(YO) = f(Y) for orthogonal O — the functions that
// live on Gr(n, p) — YᵀG is symmetric and this is the formula above. For
// any other f it is the horizontal block of the Riemannian Hessian of f on
// the Stiefel manifold, which keeps the operator symmetric and gives the
// second derivative of f along the geodesics t ↦ Exp_Y(tΔ). The outer
// projection makes the result horizontal to rounding even when Δ is not
// quite.
func (g *Grassmann) EHessToRHess(dst, y, egrad, ehess, v []float64) {
	g.check(dst, y, egrad, ehess, v)
	n, p := g.n, g.p
	if p == n {
		clear(dst)
		return
	}
	ar := linalg.NewArena(2*n*p + 2*p*p)
	defer ar.Release()
	ytg := ar.Take(p * p)
	t := ar.Take(n * p)
	linalg.MulAtB(ytg, y, egrad, p, n, p)
	linalg.SymPart(ytg, ytg, p)
	copy(t, ehess)
	linalg.Gemm(false, false, n, p, p, -1, v, ytg, 1, t)
	projInto(dst, y, t, ar.Take(n*p), ar.Take(p*p), n, p)
}
