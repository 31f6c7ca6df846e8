package linalg

import "math"

// CholeskyInPlace overwrites the lower triangle of the n×n matrix A with its
// Cholesky factor L, A = L·Lᵀ, reading only the lower triangle of A (the
// strict upper triangle is neither read nor written). It is the unblocked
// inner-product (Cholesky–Crout) form, column by column:
//
//	lⱼⱼ = √(aⱼⱼ − Σ_{t<j} lⱼₜ²),   lᵢⱼ = (aᵢⱼ − Σ_{t<j} lᵢₜlⱼₜ)/lⱼⱼ  (i > j),
//
// every sum accumulated left to right in plain float64, with the backward
// error of any Cholesky ordering, A + ΔA = L·Lᵀ with |ΔA| ≤ γ_{n+1}|L||Lᵀ|
// (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., 2002,
// §10.1, Thm 10.3). It is meant for small matrices where the result must
// not depend on the BLAS (the Gram matrices of Anderson acceleration, a
// positive-definiteness test): Cholesky, which calls LAPACK's blocked
// Dpotrf, symmetrises its input and NaN-fills on failure, is the general
// kernel.
//
// CholeskyInPlace reports false as soon as a pivot aⱼⱼ − Σ lⱼₜ² is not
// positive (A is not positive definite to working precision, or has a NaN
// there), leaving the columns before j factored and the rest of the lower
// triangle as it was. It panics if n < 0 or len(a) ≠ n², and allocates
// nothing.
func CholeskyInPlace(a []float64, n int) bool {
	if n < 0 {
		panic(errNegDim)
	}
	checkLen(a, n*n)
	for j := range n {
		d := a[j*n+j]
		for t := range j {
			d -= a[j*n+t] * a[j*n+t]
		}
		if !(d > 0) {
			return false
		}
		d = math.Sqrt(d)
		a[j*n+j] = d
		for i := j + 1; i < n; i++ {
			s := a[i*n+j]
			for t := range j {
				s -= a[i*n+t] * a[j*n+t]
			}
			a[i*n+j] = s / d
		}
	}
	return true
}
