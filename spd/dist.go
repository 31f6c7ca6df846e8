package spd

// Dist returns the geodesic distance of the configured metric:
//
//	affine-invariant:   (Σᵢ log² μᵢ)^{1/2}, μᵢ the eigenvalues of L⁻¹QL⁻ᵀ
//	                    (the generalized eigenvalues of (Q, P)), evaluated as
//	                    log1p of the eigenvalues of L⁻¹(Q − P)L⁻ᵀ, with the
//	                    reversed pencil where that is inaccurate, and in
//	                    double-double arithmetic when P or Q is
//	                    ill-conditioned (condition bound above 1e6)
//	log-Euclidean:      ‖log Q − log P‖_F
//	log-Cholesky:       (‖⌊K⌋ − ⌊L⌋‖²_F + ‖log D(K) − log D(L)‖²_F)^{1/2}
//	Bures–Wasserstein:  (tr P + tr Q − 2 tr(P^{1/2}QP^{1/2})^{1/2})^{1/2}, the
//	                    2-Wasserstein distance between N(0, P) and N(0, Q),
//	                    evaluated as ‖(T − I)P^{1/2}‖_F without the
//	                    cancellation of the trace formula
//
// See the package documentation for accuracy (affine-invariant: relative
// error ≤ 1e-10 for condition numbers up to 1e12).
//
// Special cases are: Dist(P, P) = 0 exactly (Q equal to P entry by entry);
// NaN if P or Q is not positive definite or has a NaN entry.
func (m *SPD) Dist(p, q []float64) float64 {
	m.check(p, q)
	switch m.metric {
	case AffineInvariant:
		return m.distAI(p, q)
	case LogEuclidean:
		return m.distLE(p, q)
	case LogCholesky:
		return m.distLC(p, q)
	default:
		return m.distBW(p, q)
	}
}
