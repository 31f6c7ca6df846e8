package stiefel

import "github.com/geodesic-go/geodesic/internal/linalg"

// EHessToRHess writes the Riemannian Hessian-vector product Hess f(X)[Δ] of
// the configured metric, given egrad = G = ∇f(X), ehess = E = ∇²f(X)[Δ] and
// Δ ∈ T_X.
//
// Derivation. Along a geodesic, d²/dt² f(X(t)) = D²f[Ẋ, Ẋ] + ⟨G, Ẍ⟩ and, by
// the geodesic equation of the metric (see Exp),
// Ẍ = −Γ(Ẋ, Ẋ) with the symmetric Christoffel form
//
//	Γ(Δ₁, Δ₂) = X·sym(Δ₁ᵀΔ₂) − (1 − β)(I − XXᵀ)(Δ₁XᵀΔ₂ + Δ₂XᵀΔ₁).
//
// So the Hessian bilinear form is D²f[Δ, Δ₂] − ⟨G, Γ(Δ, Δ₂)⟩ (Absil,
// Mahony & Sepulchre 2008, §5.5; Edelman, Arias & Smith 1998, §2.5, for
// β = 1 and β = ½; Nguyen 2023, "Operator-valued formulas for Riemannian
// gradient and Hessian and families of tractable metrics in Riemannian
// optimization", J. Optim. Theory Appl., for the family), which equals
// ⟨Z, Δ₂⟩ for every tangent Δ₂ with, c = 1 − β, W = XᵀG, A = XᵀΔ,
//
//	Z = E − Δ·sym(W) + c·(X·(ΔᵀG − AᵀW) + (G − XW)·Aᵀ).
//
// Hess f(X)[Δ] is the g_β-Riesz representative of ⟨Z, ·⟩ on T_X, the same
// map as EGradToRGrad: Z − X·(sym(XᵀZ) + (1 − 1/β)·skew(XᵀZ)). For the
// Euclidean metric this is Proj_X(E − Δ·sym(XᵀG)) (Absil, Mahony & Trumpf
// 2013, "An extrinsic look at the Riemannian Hessian"). The package tests
// check it against second differences of f along geodesics.
func (s *Stiefel) EHessToRHess(dst, x, egrad, ehess, v []float64) {
	s.check1(dst)
	s.check4(x, egrad, ehess, v)
	n, p := s.n, s.p
	c := 1 - s.beta
	ar := linalg.NewArena(4*p*p + 2*n*p)
	defer ar.Release()
	w := ar.Take(p * p)
	a := ar.Take(p * p)
	sw := ar.Take(p * p)
	t := ar.Take(p * p)
	z := ar.Take(n * p)
	gx := ar.Take(n * p)
	linalg.MulAtB(w, x, egrad, p, n, p)
	linalg.SymPart(sw, w, p)
	copy(z, ehess)
	linalg.Gemm(false, false, n, p, p, -1, v, sw, 1, z) // Z = E − Δ·sym(W)
	if c != 0 {
		linalg.MulAtB(a, x, v, p, n, p)
		linalg.MulAtB(t, v, egrad, p, n, p)               // ΔᵀG
		linalg.Gemm(true, false, p, p, p, -1, a, w, 1, t) // ΔᵀG − AᵀW
		linalg.Gemm(false, false, n, p, p, c, x, t, 1, z) // + c·X(ΔᵀG − AᵀW)
		copy(gx, egrad)
		linalg.Gemm(false, false, n, p, p, -1, x, w, 1, gx) // G − XW
		linalg.Gemm(false, true, n, p, p, c, gx, a, 1, z)   // + c·(G − XW)Aᵀ
	}
	s.normalCorrect(dst, x, z, 1-1/s.beta)
}
