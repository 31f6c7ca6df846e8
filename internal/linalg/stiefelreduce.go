package linalg

// StiefelReduce splits the n×p matrix V along the n×p matrix X with
// orthonormal columns (n ≥ p ≥ 1), with r = min(p, n − p) and k = p + r:
//
//	V = X·M + Q₂·B,   M = XᵀV (p×p),   B = Q₂ᵀK (r×p),   K = V − X·M,
//
// where Q₂ (n×r) has orthonormal columns orthogonal to span X. Q₂ is taken
// from the Householder QR factorisation of [X, K_{:,1:r}] (n×k; the first r
// columns of K, all of them unless n < 2p), so that it is orthogonal to X
// to working precision even when K is rank deficient or zero, and
// span K ⊆ span Q₂ (for n < 2p, Q₂ spans the whole orthogonal complement of
// X). This is the reduction of a tangent vector or of a second point to the
// 2p-dimensional (or n-dimensional) subspace span[X Q₂] on which the
// Stiefel geodesics from X live (Edelman, Arias & Smith, "The geometry of
// algorithms with orthogonality constraints", SIAM J. Matrix Anal. Appl.
// 20, 1998, §2.4.1; Zimmermann, "A matrix-algebraic algorithm for the
// Riemannian logarithm on the Stiefel manifold under the canonical
// metric", SIAM J. Matrix Anal. Appl. 38, 2017, §3): [X Q₂] has orthonormal
// columns and V = [X Q₂]·[M; B]. The products are those of MulAtB and Gemm,
// and K is formed as V − X·M by one Gemm.
//
// For n = p (r = 0) only M is computed; q2 and b must then be empty. The
// outputs must not overlap each other or the inputs (m and b may be the top
// p×p and bottom r×p blocks of one k×p matrix [M; B]). StiefelReduce panics
// if p < 1, n < p or a length is wrong, and allocates nothing after
// warm-up.
func StiefelReduce(m, q2, b, x, v []float64, n, p int) {
	checkDim(p)
	if n < p {
		panic(errTall)
	}
	r := min(p, n-p)
	k := p + r
	checkLen(x, n*p)
	checkLen(v, n*p)
	checkLen(m, p*p)
	checkLen(q2, n*r)
	checkLen(b, r*p)
	MulAtB(m, x, v, p, n, p)
	if r == 0 {
		return
	}
	w := GetFloats(n*p + 2*n*k)
	kk := (*w)[: n*p : n*p]
	xk := (*w)[n*p : n*p+n*k : n*p+n*k]
	qf := (*w)[n*p+n*k : n*p+2*n*k]
	copy(kk, v)
	Gemm(false, false, n, p, p, -1, x, m, 1, kk) // K = V − XM
	for i := range n {
		copy(xk[i*k:i*k+p], x[i*p:(i+1)*p])
		copy(xk[i*k+p:(i+1)*k], kk[i*p:i*p+r])
	}
	QR(qf, nil, xk, n, k)
	GetBlock(q2, qf, k, 0, p, n, r)
	MulAtB(b, q2, kk, r, n, p) // B = Q₂ᵀK
	PutFloats(w)
}
