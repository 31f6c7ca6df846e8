package spd

import "github.com/geodesic-go/geodesic/internal/linalg"

// Exp writes the exponential map Exp_P(V), the point reached at time 1 by
// the geodesic of the configured metric leaving P with velocity V (its
// symmetric part is used):
//
//	affine-invariant:   L·exp(L⁻¹VL⁻ᵀ)·Lᵀ, P = LLᵀ  (= P^{1/2}exp(P^{-1/2}VP^{-1/2})P^{1/2};
//	                    Pennec, Fillard & Ayache 2006), in double-double
//	                    arithmetic when P is ill-conditioned (condition bound
//	                    times max(1, ‖L⁻¹VL⁻ᵀ‖₂) above 1e6); relative error
//	                    ≤ 1e-10 for condition numbers up to 1e12, ‖V‖_P ≤ 6
//	log-Euclidean:      exp(log P + D log(P)[V])  (Arsigny et al. 2007)
//	log-Cholesky:       K·Kᵀ, K = ⌊L⌋ + ⌊X⌋ + D(L)·exp(D(X)·D(L)⁻¹),
//	                    X = L·(L⁻¹VL⁻ᵀ)_½  (Lin 2019, Prop. 8)
//	Bures–Wasserstein:  (I + X)·P·(I + X) = P + V + XPX, X = L_P[V]
//	                    (Malagò, Montrucchio & Pistone 2018)
//
// where (A)_½ = ⌊A⌋ + D(A)/2. Everything is computed from symmetric
// eigendecompositions and Cholesky factors; the result is exactly
// symmetric. See the package documentation for accuracy.
//
// Special cases are:
//
//	Exp(P, 0) = P exactly;
//	a P that is not positive definite (or has a NaN entry), or a NaN in V,
//	gives NaN;
//	when the result is not representable — an eigenvalue of L⁻¹VL⁻ᵀ (of
//	log P + D log(P)[V], of D(X)·D(L)⁻¹) beyond about ±700, or V of order
//	√MaxFloat64 for Bures–Wasserstein — entries overflow to ±Inf or NaN, as
//	math.Exp(1000) is +Inf;
//	Bures–Wasserstein: for V outside {V : I + L_P[V] ≻ 0} the formula is
//	still evaluated; the result is positive definite unless I + L_P[V] is
//	singular, but it is not reached by a geodesic that stays in the cone
//	(see InjectivityRadius).
func (m *SPD) Exp(dst, p, v []float64) {
	m.check(dst, p, v)
	if linalg.AllZero(v) {
		copy(dst, p)
		return
	}
	switch m.metric {
	case AffineInvariant:
		m.expAI(dst, p, v)
	case LogEuclidean:
		m.expLE(dst, p, v)
	case LogCholesky:
		m.expLC(dst, p, v)
	default:
		m.expBW(dst, p, v)
	}
}
