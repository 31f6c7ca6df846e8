package hyperbolic

import "github.com/geodesic-go/geodesic/internal/linalg"

// Inner returns ⟨u, v⟩_x = λ_x²·uᵀv, λ_x = 2/(1 − c‖x‖²).
func (b *PoincareBall) Inner(x, u, v []float64) float64 {
	b.check(x, u, v)
	g, _ := ballGap(b.c, x)
	k := 2 / g
	return (dot(u, v) * k) * k
}

// Norm returns ‖v‖_x = λ_x‖v‖₂, without spurious overflow or underflow in
// ‖v‖₂. Special cases are: Norm(x, v) = NaN if an entry of v is NaN.
func (b *PoincareBall) Norm(x, v []float64) float64 {
	b.check(x, v)
	g, _ := ballGap(b.c, x)
	return linalg.Nrm2(v) * (2 / g)
}

// Proj writes z: every tangent space of the ball is Rⁿ, so the orthogonal
// projection is the identity.
func (b *PoincareBall) Proj(dst, x, z []float64) {
	b.check(dst, x, z)
	copy(dst, z)
}

// EGradToRGrad writes the Riemannian gradient grad f(x) = ∇f(x)/λ_x²
// = ((1 − c‖x‖²)²/4)·∇f(x): the inverse of the conformal metric applied to
// the Euclidean gradient (Nickel & Kiela 2017; Ganea, Bécigneul &
// Hofmann 2018).
func (b *PoincareBall) EGradToRGrad(dst, x, egrad []float64) {
	b.check(dst, x, egrad)
	g, _ := ballGap(b.c, x)
	k := 0.25 * g * g
	for i, v := range egrad {
		dst[i] = k * v
	}
}

// EHessToRHess writes the Riemannian Hessian-vector product
//
//	Hess f(x)[v] = ∇²f(x)[v]/λ² + (c/λ)·((xᵀg)v − (xᵀv)g − (vᵀg)x),
//
// g = ∇f(x), λ = λ_x = 2/(1 − c‖x‖²), given egrad = g, ehess = ∇²f(x)[v].
// Derivation: for a conformal metric e^{2φ}I the Levi-Civita connection is
// ∇_X Y = D_X Y + (Xφ)Y + (Yφ)X − (XᵀY)∇φ (the Koszul formula for the
// metric e^{2φ}⟨·, ·⟩; the conformal-change formula of Lee 2018,
// Introduction to Riemannian Manifolds, ch. 7), and
// Hess f[v] = ∇_v grad f with grad f = e^{−2φ}g gives
//
//	Hess f[v] = e^{−2φ}(∇²f[v] − (vᵀ∇φ)g + (gᵀ∇φ)v − (vᵀg)∇φ),
//
// here with φ = ln λ_x and ∇φ = cλ_x·x.
func (b *PoincareBall) EHessToRHess(dst, x, egrad, ehess, v []float64) {
	b.check(dst, x, egrad, ehess, v)
	gap, _ := ballGap(b.c, x)
	var xg, xv, vg float64
	for i, xi := range x {
		xg += xi * egrad[i]
		xv += xi * v[i]
		vg += v[i] * egrad[i]
	}
	k := 0.25 * gap * gap
	m := 0.5 * b.c * gap // c/λ
	for i, xi := range x {
		dst[i] = k*ehess[i] + m*(xg*v[i]-xv*egrad[i]-vg*xi)
	}
}
