package linalg

// StiefelExpReduced writes into c (k×p, k = p + r) the endpoint of the
// geodesic of the Stiefel manifold under the metric g_β in the reduced
// coordinates of StiefelReduce,
//
//	C = expm([[2βA, −Bᵀ], [B, 0]])·[I; 0]·expm((1 − 2β)A),
//
// for the skew-symmetric p×p matrix A (only its skew part is used) and the
// r×p matrix B (Zimmermann & Hüper, "Computing the Riemannian logarithm on
// the Stiefel manifold: metrics, methods, and performance", SIAM J. Matrix
// Anal. Appl. 43, 2022; for β = ½ the canonical geodesic, for β = 1 the
// Euclidean one of Edelman, Arias & Smith 1998, §2.2). The geodesic from X
// with velocity Δ = X·A + Q₂·B ends at [X Q₂]·C. Both exponentials are of
// skew-symmetric matrices and are evaluated by ExpSkew, so C has
// orthonormal columns to working precision for any size of A and B; for
// β = ½ the second factor is I and is skipped, otherwise C is the product
// by Mul of the first p columns of the k×k exponential and the p×p one.
// r = 0 is allowed (C = expm(2βA)·expm((1 − 2β)A), which equals expm(A)
// only up to rounding).
//
// c must not overlap a or b. StiefelExpReduced panics if p < 1, r < 0 or a
// length is wrong, and allocates nothing after warm-up.
func StiefelExpReduced(c, a, b []float64, beta float64, p, r int) {
	checkDim(p)
	if r < 0 {
		panic(errNegDim)
	}
	k := p + r
	checkLen(a, p*p)
	checkLen(b, r*p)
	checkLen(c, k*p)
	ws := GetFloats(2*k*k + k*p + p*p)
	om := (*ws)[: k*k : k*k]
	e := (*ws)[k*k : 2*k*k : 2*k*k]
	c2 := (*ws)[2*k*k : 2*k*k+k*p : 2*k*k+k*p]
	t := (*ws)[2*k*k+k*p : 2*k*k+k*p+p*p]
	clear(om)
	for i := range p {
		for j := range p {
			om[i*k+j] = 2 * beta * a[i*p+j]
		}
	}
	for i := range r {
		for j := range p {
			om[(p+i)*k+j] = b[i*p+j]
			om[j*k+p+i] = -b[i*p+j]
		}
	}
	ExpSkew(e, om, k)
	GetBlock(c, e, k, 0, 0, k, p)
	if beta != 0.5 {
		for i := range a {
			om[i] = (1 - 2*beta) * a[i]
		}
		ExpSkew(t, om[:p*p], p)
		copy(c2, c)
		Mul(c, c2, t, k, p, p)
	}
	PutFloats(ws)
}
