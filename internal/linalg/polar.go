package linalg

// Polar computes the polar decomposition A = U·H of the n×p matrix A,
// n ≥ p ≥ 1: it writes the orthonormal factor U = W·Vᵀ (n×p) of the thin SVD
// A = W·Σ·Vᵀ into u and, when h is not nil, the symmetric positive
// semidefinite factor H = V·Σ·Vᵀ (p×p) into h, exactly symmetric.
//
// U is a matrix with orthonormal columns nearest to A in the Frobenius norm
// (and in every unitarily invariant norm), unique when A has full column
// rank; UᵀA = H is then symmetric positive definite (Higham, Functions of
// Matrices, 2008, Thm 8.4; Golub & Van Loan, 4th ed., §6.4.1). It is the
// polar retraction of the Stiefel manifold. The computation is a thin SVD
// (Dgesvd), which is backward stable; for n ≥ 1.6·p and n > 192 the SVD is
// taken of the triangular factor of a Householder QR, A = Q·R, and
// U = Q·polar(R).
//
// u may alias a; h must not overlap u or a. If A is rank deficient the
// factor U is one of the nearest orthonormal matrices. Special case: NaN or
// ±Inf in A gives NaN outputs. Polar returns the SVD's error (wrapping
// manifold.ErrNotConverged) on failure; the outputs are then unspecified.
func Polar(u, h, a []float64, n, p int) error {
	checkDim(p)
	if n < p {
		panic(errTall)
	}
	checkLen(a, n*p)
	checkLen(u, n*p)
	if h != nil {
		checkLen(h, p*p)
		if overlaps(h, u) || overlaps(h, a) {
			panic(errOverlap)
		}
	}
	if !AllFinite(a) {
		FillNaN(u)
		if h != nil {
			FillNaN(h)
		}
		return nil
	}
	if useTallPath(n, p) {
		// A = Q·R and R = U_R·H give A = (Q·U_R)·H: the polar factors of
		// the p×p R, then one n×p product.
		ar := NewArena(n*p + 2*p*p)
		defer ar.Release()
		q := ar.Take(n * p)
		r := ar.Take(p * p)
		ur := ar.Take(p * p)
		QR(q, r, a, n, p)
		if err := Polar(ur, h, r, p, p); err != nil {
			return err
		}
		gemm(false, false, n, p, p, 1, q, ur, 0, u)
		return nil
	}
	ar := NewArena(n*p + p + 2*p*p)
	defer ar.Release()
	w := ar.Take(n * p)
	s := ar.Take(p)
	vt := ar.Take(p * p)
	if err := SVD(w, s, vt, a, n, p); err != nil {
		return err
	}
	gemm(false, false, n, p, p, 1, w, vt, 0, u)
	if h != nil {
		// H = Vᵀᵀ·Σ·Vᵀ: scale the rows of Vᵀ by σ, multiply, mirror.
		sv := ar.Take(p * p)
		for i := range p {
			for j := range p {
				sv[i*p+j] = s[i] * vt[i*p+j]
			}
		}
		gemm(true, false, p, p, p, 1, vt, sv, 0, h)
		mirrorUpper(h, p)
	}
	return nil
}
