package spd

// Log writes the logarithm Log_P(Q), the initial velocity of the minimising
// geodesic from P to Q, so that Exp_P(Log_P Q) = Q and ‖Log_P Q‖_P =
// Dist(P, Q):
//
//	affine-invariant:   L·log(L⁻¹QL⁻ᵀ)·Lᵀ, P = LLᵀ, evaluated as
//	                    L·log1p(L⁻¹(Q − P)L⁻ᵀ)·Lᵀ, with the reversed pencil
//	                    where that is inaccurate, and in double-double
//	                    arithmetic when P or Q is ill-conditioned (condition
//	                    bound above 1e6); relative error ≤ 1e-10 for
//	                    condition numbers up to 1e12
//	log-Euclidean:      D exp(log P)[log Q − log P]  (Arsigny et al. 2007)
//	log-Cholesky:       L·Yᵀ + Y·Lᵀ, Y = ⌊K⌋ − ⌊L⌋ + D(L)·log(D(K)·D(L)⁻¹),
//	                    Q = KKᵀ  (Lin 2019, Prop. 8)
//	Bures–Wasserstein:  (T − I)·P + P·(T − I) = (PQ)^{1/2} + (QP)^{1/2} − 2P,
//	                    T = P^{-1/2}(P^{1/2}QP^{1/2})^{1/2}P^{-1/2} the Brenier
//	                    map from N(0, P) to N(0, Q)  (Bhatia, Jain & Lim 2019)
//
// The result is exactly symmetric. Every metric has a unique minimising
// geodesic between any two points (for Bures–Wasserstein, T ≻ 0 always
// exists), so Log never returns manifold.ErrCutLocus.
//
// Special cases are:
//
//	Log(P, P) = 0 exactly (Q equal to P entry by entry);
//	if P or Q is not positive definite to working precision, or has a NaN
//	or infinite entry, Log writes NaN and returns an error wrapping
//	ErrNotPositiveDefinite;
//	an error wrapping manifold.ErrNotConverged is returned if an
//	eigensolver fails (not observed in practice).
func (m *SPD) Log(dst, p, q []float64) error {
	m.check(dst, p, q)
	switch m.metric {
	case AffineInvariant:
		return m.logAI(dst, p, q)
	case LogEuclidean:
		return m.logLE(dst, p, q)
	case LogCholesky:
		return m.logLC(dst, p, q)
	default:
		return m.logBW(dst, p, q)
	}
}
