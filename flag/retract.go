package flag

// Retract writes R_X(Δ) for the configured retraction (Polar unless
// WithRetraction says otherwise).
func (f *Flag) Retract(dst, x, v []float64) {
	switch f.retr {
	case QR:
		f.RetractQR(dst, x, v)
	case Exponential:
		f.Exp(dst, x, v)
	default:
		f.RetractPolar(dst, x, v)
	}
}

// RetractPolar writes the polar retraction
//
//	R_X(Δ) = polar(X + Δ) = (X + Δ)(I + ΔᵀΔ)^{-1/2},
//
// the orthonormal polar factor of X + Δ, the point of St(n, p) nearest to
// it (Absil & Malick 2012; stiefel.Stiefel.RetractPolar). It is a
// retraction of the flag manifold: polar((X + Δ)Q) = polar(X + Δ)·Q for
// the block-diagonal orthogonal Q that maps the lift at X to the lift at
// XQ, so the flag of R_X(Δ) does not depend on the representative.
//
// Order: along t ↦ R_X(tΔ) the acceleration at 0 is −XΔᵀΔ, while the
// geodesic's is −XΔᵀΔ + 2(1 − β)(I − XXᵀ)ΔA, A = XᵀΔ. They agree, so the
// retraction is second order, for the Euclidean metric, for one-block
// flags (A = 0) and for p = n (I − XXᵀ = 0); for the canonical metric on
// other flags it is first order.
//
// Special case: RetractPolar(X, 0) = X exactly.
func (f *Flag) RetractPolar(dst, x, v []float64) {
	f.check3(dst, x, v)
	f.st.RetractPolar(dst, x, v)
}

// RetractQR writes the QR retraction R_X(Δ) = qf(X + Δ), the orthonormal
// factor of the thin QR factorisation X + Δ = QR with a positive diagonal
// in R (Absil, Mahony & Sepulchre 2008, §4.1.1). Since R is upper
// triangular, span of the first n_i columns of qf(X + Δ) is that of
// X + Δ, so the flag of the result is the flag of the columns of X + Δ and
// does not depend on the representative: a retraction of the quotient.
// It agrees with Exp to first order (second order for one-block flags,
// where it spans the same subspaces as RetractPolar).
//
// Special case: RetractQR(X, 0) = X exactly.
func (f *Flag) RetractQR(dst, x, v []float64) {
	f.check3(dst, x, v)
	f.st.RetractQR(dst, x, v)
}
