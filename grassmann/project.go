package grassmann

import "github.com/geodesic-go/geodesic/internal/linalg"

// Project writes the orthonormal basis nearest to the ambient n×p matrix X
// in the Frobenius norm: its orthonormal polar factor U = W·Vᵀ, from the
// thin SVD X = W·Σ·Vᵀ (Higham 2008, "Functions of Matrices", Thm 8.4;
// Fan & Hoffman 1955). For X of full column rank, span(U) = span(X), so the
// projected point is the subspace X spans, and U is the representative
// closest to X.
//
// Special cases are:
//
//	if X has rank r < p, U is still orthonormal and its span contains the
//	span of X, but the other p − r directions are determined only by
//	rounding (every completion is equally near); a nearly rank-deficient X
//	likewise gives directions that are sensitive to perturbations;
//	Project(0) = the first p columns of the n×n identity, the documented
//	choice among the equally near bases;
//	a NaN entry gives NaN.
func (g *Grassmann) Project(dst, x []float64) {
	g.check(dst, x)
	n, p := g.n, g.p
	if linalg.AllZero(x) {
		clear(dst)
		for i := range p {
			dst[i*p+i] = 1
		}
		return
	}
	if err := linalg.Polar(dst, nil, x, n, p); err != nil {
		linalg.FillNaN(dst)
	}
}
