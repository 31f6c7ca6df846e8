package linalg

// SymPart writes the symmetric part sym(A) = (A + Aᵀ)/2 of the n×n matrix
// A. The result is exactly symmetric: both triangles hold the same bits.
// dst may alias a.
func SymPart(dst, a []float64, n int) {
	checkDim(n)
	checkLen(a, n*n)
	checkLen(dst, n*n)
	for i := range n {
		dst[i*n+i] = a[i*n+i]
		for j := i + 1; j < n; j++ {
			v := 0.5 * (a[i*n+j] + a[j*n+i])
			dst[i*n+j] = v
			dst[j*n+i] = v
		}
	}
}

// SkewPart writes the skew-symmetric part skew(A) = (A − Aᵀ)/2 of the n×n
// matrix A. The result is exactly skew-symmetric: a zero diagonal and
// dst[j][i] = −dst[i][j] bit for bit. dst may alias a.
func SkewPart(dst, a []float64, n int) {
	checkDim(n)
	checkLen(a, n*n)
	checkLen(dst, n*n)
	for i := range n {
		dst[i*n+i] = 0
		for j := i + 1; j < n; j++ {
			v := 0.5 * (a[i*n+j] - a[j*n+i])
			dst[i*n+j] = v
			dst[j*n+i] = -v
		}
	}
}

// mirrorUpper copies the strict upper triangle of the n×n matrix s onto its
// strict lower triangle, making s exactly symmetric.
func mirrorUpper(s []float64, n int) {
	for i := range n {
		for j := i + 1; j < n; j++ {
			s[j*n+i] = s[i*n+j]
		}
	}
}
