package linalg

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack/lapack64"
)

// Cholesky writes the lower-triangular Cholesky factor L of the symmetric
// part of the n×n matrix A, sym(A) = L·Lᵀ, with a positive diagonal; the
// strict upper triangle of l is set to zero. The algorithm is LAPACK Dpotrf
// (blocked, right-looking; Golub & Van Loan, Matrix Computations, 4th ed.,
// §4.2), whose computed factor is the exact factor of sym(A) + E with
// |E| ≤ γ_{n+1}·|L|·|Lᵀ| (Higham, Accuracy and Stability of Numerical
// Algorithms, 2nd ed., 2002, Thm 10.3).
//
// Cholesky reports whether the factorisation succeeded. It returns false,
// with l all NaN, when sym(A) is not positive definite to working precision
// (a pivot is ≤ 0) or has a NaN or ±Inf entry. l may alias a. Cholesky
// allocates nothing.
func Cholesky(l, a []float64, n int) bool {
	checkDim(n)
	checkLen(a, n*n)
	checkLen(l, n*n)
	if !AllFinite(a) {
		FillNaN(l)
		return false
	}
	SymPart(l, a, n)
	sym := blas64.Symmetric{N: n, Stride: n, Uplo: blas.Lower, Data: l}
	if _, ok := lapack64.Potrf(sym); !ok {
		FillNaN(l)
		return false
	}
	for i := range n {
		clear(l[i*n+i+1 : i*n+n])
	}
	return true
}

func lowerView(l []float64, n int) blas64.Triangular {
	return blas64.Triangular{N: n, Stride: n, Uplo: blas.Lower, Diag: blas.NonUnit, Data: l}
}

// SolveLower overwrites the n×m matrix B with op(L)⁻¹·B, where L is the n×n
// lower-triangular matrix in l (its strict upper triangle is not read) and
// op(L) is L, or Lᵀ when trans is set: forward or back substitution (BLAS
// Dtrsm), backward stable with |ΔL| ≤ γ_n·|L| column by column (Higham 2002,
// Thm 8.5). b must not overlap l. A zero diagonal entry gives ±Inf or NaN.
func SolveLower(l []float64, trans bool, b []float64, n, m int) {
	if checkTri(l, b, n, m) {
		blas64.Trsm(blas.Left, trans2(trans), 1, lowerView(l, n), general(n, m, b))
	}
}

// SolveLowerRight overwrites the m×n matrix B with B·op(L)⁻¹, op(L) = L or
// Lᵀ, for the n×n lower-triangular L in l. b must not overlap l.
func SolveLowerRight(l []float64, trans bool, b []float64, m, n int) {
	if checkTri(l, b, n, m) {
		blas64.Trsm(blas.Right, trans2(trans), 1, lowerView(l, n), general(m, n, b))
	}
}

// MulLower overwrites the n×m matrix B with op(L)·B, op(L) = L or Lᵀ, for
// the n×n lower-triangular L in l (BLAS Dtrmm; its strict upper triangle is
// not read). b must not overlap l.
func MulLower(l []float64, trans bool, b []float64, n, m int) {
	if checkTri(l, b, n, m) {
		blas64.Trmm(blas.Left, trans2(trans), 1, lowerView(l, n), general(n, m, b))
	}
}

// MulLowerRight overwrites the m×n matrix B with B·op(L), op(L) = L or Lᵀ,
// for the n×n lower-triangular L in l. b must not overlap l.
func MulLowerRight(l []float64, trans bool, b []float64, m, n int) {
	if checkTri(l, b, n, m) {
		blas64.Trmm(blas.Right, trans2(trans), 1, lowerView(l, n), general(m, n, b))
	}
}

// checkTri validates the arguments shared by SolveLower, SolveLowerRight,
// MulLower and MulLowerRight (an n×n l, an n×m or m×n b not overlapping it)
// and reports whether there is work to do (m > 0).
func checkTri(l, b []float64, n, m int) bool {
	checkDim(n)
	if m < 0 {
		panic(errNegDim)
	}
	checkLen(l, n*n)
	checkLen(b, n*m)
	if overlaps(l, b) {
		panic(errOverlap)
	}
	return m != 0
}

func trans2(t bool) blas.Transpose {
	if t {
		return blas.Trans
	}
	return blas.NoTrans
}

// symmetrize replaces the n×n matrix s by its symmetric part, exactly
// symmetric. The halves are added as 0.5·a + 0.5·b, which cannot overflow.
func symmetrize(s []float64, n int) {
	for i := range n {
		for j := i + 1; j < n; j++ {
			v := 0.5*s[i*n+j] + 0.5*s[j*n+i]
			s[i*n+j] = v
			s[j*n+i] = v
		}
	}
}

// CongruenceInvLower writes the congruence L⁻¹·sym(X)·L⁻ᵀ of the symmetric
// part of the n×n matrix X by the inverse of the lower-triangular L in l:
// two triangular solves, then the symmetric part of the result, so that dst
// is exactly symmetric. With P = L·Lᵀ this is the matrix whose eigenvalues
// are the generalized eigenvalues of the pencil (X, P), the reduction LAPACK
// Dsygst performs (Golub & Van Loan, 4th ed., §8.7.2). dst may alias x but
// not l. NaN or ±Inf in X gives NaN or ±Inf entries (no panic).
func CongruenceInvLower(dst, l, x []float64, n int) {
	t, g := congruenceSetup(dst, l, x, n)
	blas64.Trsm(blas.Left, blas.NoTrans, 1, t, g) // L⁻¹·X
	blas64.Trsm(blas.Right, blas.Trans, 1, t, g)  // (L⁻¹·X)·L⁻ᵀ
	symmetrize(dst, n)
}

// CongruenceLower writes L·sym(X)·Lᵀ for the lower-triangular L in l and
// the n×n matrix X: two triangular products, then the symmetric part, so
// that dst is exactly symmetric. dst may alias x but not l.
func CongruenceLower(dst, l, x []float64, n int) {
	t, g := congruenceSetup(dst, l, x, n)
	blas64.Trmm(blas.Left, blas.NoTrans, 1, t, g)
	blas64.Trmm(blas.Right, blas.Trans, 1, t, g)
	symmetrize(dst, n)
}

// congruenceSetup validates the arguments of CongruenceInvLower and
// CongruenceLower, writes sym(X) into dst, and returns the BLAS views of L
// and of dst for the two triangular operations.
func congruenceSetup(dst, l, x []float64, n int) (blas64.Triangular, blas64.General) {
	checkDim(n)
	checkLen(l, n*n)
	checkLen(x, n*n)
	checkLen(dst, n*n)
	if overlaps(dst, l) {
		panic(errOverlap)
	}
	SymPart(dst, x, n)
	return lowerView(l, n), general(n, n, dst)
}
