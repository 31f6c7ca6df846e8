package spd

import "math"

// Inner returns the Riemannian metric ⟨U, V⟩_P of the configured metric
// (see Metric for the formulas). U and V are read in full and their
// symmetric parts are used. Both are first scaled by powers of two so that
// no intermediate overflows or underflows spuriously.
//
// Special cases are: Inner(P, 0, V) = 0 exactly; a NaN entry in U or V
// gives NaN; a P that is not positive definite gives NaN.
func (m *SPD) Inner(p, u, v []float64) float64 {
	m.check(p, u, v)
	su := scaleOf(u)
	if su == 0 || math.IsNaN(su) {
		if math.IsNaN(su) || hasNaN(v) {
			return math.NaN()
		}
		return 0
	}
	same := &u[0] == &v[0]
	sv := su
	if !same {
		sv = scaleOf(v)
		if sv == 0 || math.IsNaN(sv) {
			return sv * 0 // 0, or NaN
		}
	}
	if math.IsInf(su, 1) || math.IsInf(sv, 1) {
		return math.NaN()
	}
	var x float64
	switch m.metric {
	case AffineInvariant:
		x = m.innerAI(p, u, v, 1/su, 1/sv, same)
	case LogEuclidean:
		x = m.innerLE(p, u, v, 1/su, 1/sv, same)
	case LogCholesky:
		x = m.innerLC(p, u, v, 1/su, 1/sv, same)
	default:
		x = m.innerBW(p, u, v, 1/su, 1/sv, same)
	}
	return x * su * sv
}

// Norm returns ‖V‖_P = √⟨V, V⟩_P, computed with V scaled by a power of two
// so that it overflows only if the norm itself does.
//
// Special cases are: Norm(P, 0) = 0 exactly; a NaN entry in V gives NaN; a
// P that is not positive definite gives NaN.
func (m *SPD) Norm(p, v []float64) float64 {
	m.check(p, v)
	s := scaleOf(v)
	if s == 0 || math.IsNaN(s) || math.IsInf(s, 1) {
		return s
	}
	var x float64
	switch m.metric {
	case AffineInvariant:
		x = m.normAI(p, v, 1/s)
	case LogEuclidean:
		x = m.normLE(p, v, 1/s)
	case LogCholesky:
		x = m.normLC(p, v, 1/s)
	default:
		x = m.normBW(p, v, 1/s)
	}
	return x * s
}

// Proj writes the symmetric part sym(X) = (X + Xᵀ)/2 of the ambient n×n
// matrix X, exactly symmetric. The tangent space at every point is Sym(n),
// and sym is the orthogonal projection of R^{n×n} onto it for the Frobenius
// inner product; EGradToRGrad accounts for the metric. The halves are added
// as X_ij/2 + X_ji/2, so huge entries do not overflow.
func (m *SPD) Proj(dst, p, x []float64) {
	m.check(dst, p, x)
	symInto(dst, x, m.n, 1)
}

// EGradToRGrad writes the Riemannian gradient grad f(P), the tangent vector
// with ⟨grad f(P), V⟩_P = ⟨∇f(P), V⟩_F for every symmetric V, given the
// Euclidean gradient ∇f(P) (its symmetric part G = sym(∇f(P)) is used):
//
//	affine-invariant:   P·G·P  (Pennec et al. 2006; Boumal 2023, §11.7)
//	log-Euclidean:      Z·((ZᵀGZ) ⊘ (F ∘ F))·Zᵀ, P = Z·diag(λ)·Zᵀ,
//	                    F_ij = log[λᵢ, λⱼ] (the metric is (D log)*·D log)
//	log-Cholesky:       L·Xᵀ + X·Lᵀ, X = ⌊2GL⌋ + D(L)²·D(2GL) (Lin 2019)
//	Bures–Wasserstein:  2(GP + PG)  (Bhatia, Jain & Lim 2019)
//
// where ⌊·⌋ is the strictly lower triangular part and D(·) the diagonal.
// The result is exactly symmetric.
func (m *SPD) EGradToRGrad(dst, p, egrad []float64) {
	m.check(dst, p, egrad)
	switch m.metric {
	case AffineInvariant:
		m.egradAI(dst, p, egrad)
	case LogEuclidean:
		m.egradLE(dst, p, egrad)
	case LogCholesky:
		m.egradLC(dst, p, egrad)
	default:
		m.egradBW(dst, p, egrad)
	}
}

// EHessToRHess writes the Riemannian Hessian-vector product Hess f(P)[V]
// given the Euclidean gradient egrad = ∇f(P), ehess = ∇²f(P)[V] and V (the
// symmetric parts G, Ė and V of the three are used). For a metric with
// geodesic γ(t) = Exp_P(tV), Hess f(P) is the self-adjoint operator with
// ⟨Hess f(P)[V], V⟩_P = d²/dt² f(γ(t))|₀ = ⟨Ė, V⟩_F + ⟨G, γ”(0)⟩_F; this
// gives
//
//	affine-invariant:   P·Ė·P + sym(V·G·P)   (γ” = VP⁻¹V; Boumal 2023, §11.7)
//	Bures–Wasserstein:  2(ĖP + PĖ) + 2(PXG + GXP), X = L_P[V]  (γ” = 2XPX;
//	                    this equals the formula of Han, Mishra, Jawanpuria &
//	                    Gao, "On Riemannian optimization over positive
//	                    definite matrices with the Bures–Wasserstein
//	                    geometry", NeurIPS 2021)
//
// and, for the flat metrics, the Euclidean Hessian in their global
// isometric chart: θ = log P on (Sym(n), ⟨·,·⟩_F) for log-Euclidean, whose
// second derivative of exp is a second-order Daleckii–Krein sum with the
// divided differences exp[xᵢ, x_k, xⱼ] (Bhatia 1997, Thm V.3.5); and
// θ = (⌊L⌋, log D(L)) for log-Cholesky (Lin 2019). The result is exactly
// symmetric.
func (m *SPD) EHessToRHess(dst, p, egrad, ehess, v []float64) {
	m.check(dst, p, egrad, ehess, v)
	switch m.metric {
	case AffineInvariant:
		m.ehessAI(dst, p, egrad, ehess, v)
	case LogEuclidean:
		m.ehessLE(dst, p, egrad, ehess, v)
	case LogCholesky:
		m.ehessLC(dst, p, egrad, ehess, v)
	default:
		m.ehessBW(dst, p, egrad, ehess, v)
	}
}
