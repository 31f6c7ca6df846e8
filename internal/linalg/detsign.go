package linalg

import "math"

// DetSign returns the sign of the determinant of the k×k matrix A: +1, −1,
// or 0 when A is exactly singular in the elimination (a zero pivot column).
// It runs Gaussian elimination with partial pivoting (the LU factorisation
// PA = LU; Golub & Van Loan, Matrix Computations, 4th ed., §3.4) in the
// workspace w (k×k, overwritten; w may alias a, which is then destroyed)
// and multiplies the signs of the row interchanges and of the pivots,
// det A = det(P)·Πᵢ uᵢᵢ, never forming the product itself, so it neither
// overflows nor underflows. Partial pivoting is backward stable in
// practice (Higham, Accuracy and Stability of Numerical Algorithms, 2nd
// ed., 2002, ch. 9), so the sign is right unless A is within a modest
// multiple of rounding of a singular matrix; for a well-conditioned A such
// as an orthogonal matrix it is right. k = 0 gives +1. A NaN entry gives an
// unspecified sign.
// DetSign panics if k < 0 or a length is wrong, and allocates nothing.
func DetSign(a, w []float64, k int) float64 {
	if k < 0 {
		panic(errNegDim)
	}
	checkLen(a, k*k)
	checkLen(w, k*k)
	copy(w, a)
	sgn := 1.0
	for c := range k {
		piv := c
		for r := c + 1; r < k; r++ {
			if math.Abs(w[r*k+c]) > math.Abs(w[piv*k+c]) {
				piv = r
			}
		}
		if w[piv*k+c] == 0 {
			return 0
		}
		if piv != c {
			for j := range k {
				w[c*k+j], w[piv*k+j] = w[piv*k+j], w[c*k+j]
			}
			sgn = -sgn
		}
		if w[c*k+c] < 0 {
			sgn = -sgn
		}
		for r := c + 1; r < k; r++ {
			t := w[r*k+c] / w[c*k+c]
			for j := c + 1; j < k; j++ {
				w[r*k+j] -= t * w[c*k+j]
			}
		}
	}
	return sgn
}
