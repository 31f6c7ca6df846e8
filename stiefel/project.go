package stiefel

import "github.com/geodesic-go/geodesic/internal/linalg"

// Project writes a point of St(n, p) nearest to the ambient n×p matrix Z in
// the Frobenius norm: the orthonormal polar factor U = WVᵀ of Z = WΣVᵀ
// (Higham, Functions of Matrices, 2008, Thm 8.4; linalg.Polar). It is unique
// when Z has full column rank.
//
// Special cases are:
//
//	Project(X) = X to rounding for X on the manifold;
//	for rank-deficient Z (including Z = 0) the result is one of the nearest
//	points, the one the SVD's singular vectors give;
//	a NaN or ±Inf entry gives an all-NaN result.
func (s *Stiefel) Project(dst, z []float64) {
	s.check2(dst, z)
	if err := linalg.Polar(dst, nil, z, s.n, s.p); err != nil {
		// The SVD did not converge (not observed): QR is also a projection
		// onto the manifold, if not the nearest point.
		linalg.QR(dst, nil, z, s.n, s.p)
	}
}
