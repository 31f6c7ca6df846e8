package flag

// Project writes a representative of the flag nearest to the ambient n×p
// matrix Z: the orthonormal polar factor U = WVᵀ of Z = WΣVᵀ, the point of
// St(n, p) nearest to Z in the Frobenius norm (Higham, Functions of
// Matrices, 2008, Thm 8.4; stiefel.Stiefel.Project). Its flag is that of
// the block columns of Z when Z has full rank and nearly orthogonal blocks.
//
// Special cases are:
//
//	Project(X) = X to rounding for X on the manifold;
//	for rank-deficient Z the result is one of the nearest points of
//	St(n, p), the one the SVD gives;
//	a NaN or ±Inf entry gives an all-NaN result.
func (f *Flag) Project(dst, z []float64) {
	f.check2(dst, z)
	f.st.Project(dst, z)
}
