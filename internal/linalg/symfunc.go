package linalg

import "math"

// SymFuncEig writes F = Z·diag(f(w₁), …, f(wₙ))·Zᵀ for precomputed
// eigenpairs (w, z) of an n×n symmetric matrix in the layout of EigSym. It
// lets a caller that needs several functions of one matrix decompose it once.
// The product (Z·diag(f))·Zᵀ is formed with one Gemm and its upper triangle
// is mirrored onto the lower, so the result is exactly symmetric.
//
// dst may alias z (but then z is lost); w must not overlap dst.
func SymFuncEig(dst, w, z []float64, n int, f func(float64) float64) {
	checkDim(n)
	checkLen(w, n)
	checkLen(z, n*n)
	checkLen(dst, n*n)
	if overlaps(dst, w) {
		panic(errOverlap)
	}
	ar := NewArena(n + n*n)
	defer ar.Release()
	fw := ar.Take(n)
	zf := ar.Take(n * n)
	for j, l := range w {
		fw[j] = f(l)
	}
	for i := range n {
		for j, v := range fw {
			zf[i*n+j] = z[i*n+j] * v
		}
	}
	if overlaps(dst, z) {
		zc := GetFloats(n * n)
		copy(*zc, z)
		gemm(false, true, n, n, n, 1, zf, *zc, 0, dst)
		PutFloats(zc)
	} else {
		gemm(false, true, n, n, n, 1, zf, z, 0, dst)
	}
	mirrorUpper(dst, n)
}

// SymFunc writes the primary matrix function f(A) = U·f(Λ)·Uᵀ of the n×n
// symmetric matrix A = U·Λ·Uᵀ (Higham, Functions of Matrices, 2008, Def. 1.2
// and §6; Bhatia, Matrix Analysis, 1997, §V.1). A is read in full and its
// symmetric part is used (see EigSym). The result is exactly symmetric.
//
// The result has absolute error of order n·ε·‖A‖·max|f'| + n·ε·max|f(λ)| for
// well-behaved f. dst may alias a. Special case: NaN or ±Inf in A gives an
// all-NaN result. It returns EigSym's error on failure.
func SymFunc(dst, a []float64, n int, f func(float64) float64) error {
	checkDim(n)
	checkLen(a, n*n)
	checkLen(dst, n*n)
	ar := NewArena(n + n*n)
	defer ar.Release()
	w := ar.Take(n)
	z := ar.Take(n * n)
	if err := EigSym(w, z, a, n); err != nil {
		return err
	}
	SymFuncEig(dst, w, z, n, f)
	return nil
}

// SymExp writes the matrix exponential exp(A) = U·exp(Λ)·Uᵀ of the symmetric
// n×n matrix A (Higham 2008, §10.1); the result is positive definite and
// exactly symmetric. dst may alias a.
func SymExp(dst, a []float64, n int) error { return SymFunc(dst, a, n, math.Exp) }

// SymLog writes the principal logarithm log(A) = U·log(Λ)·Uᵀ of the
// symmetric positive definite n×n matrix A, exactly symmetric (Higham 2008,
// §11). Special cases follow math.Log eigenvalue by eigenvalue: a zero
// eigenvalue gives −Inf entries and a negative one NaN entries. dst may alias
// a.
func SymLog(dst, a []float64, n int) error { return SymFunc(dst, a, n, math.Log) }

// sqrtClamped is √max(x, 0).
func sqrtClamped(x float64) float64 {
	if x < 0 {
		return 0
	}
	return math.Sqrt(x)
}

// SymSqrt writes the principal square root A^{1/2} = U·Λ^{1/2}·Uᵀ of the
// symmetric positive semidefinite n×n matrix A, exactly symmetric (Higham
// 2008, §6.1). Negative eigenvalues, which for a semidefinite input come only
// from rounding, are treated as zero: the result is the square root of the
// nearest positive semidefinite matrix to sym(A) in the Frobenius norm
// (Higham 1988). dst may alias a.
func SymSqrt(dst, a []float64, n int) error { return SymFunc(dst, a, n, sqrtClamped) }

func invSqrt(x float64) float64 { return 1 / math.Sqrt(x) }

// SymInvSqrt writes A^{-1/2} = U·Λ^{-1/2}·Uᵀ of the symmetric positive
// definite n×n matrix A, exactly symmetric. A zero eigenvalue gives +Inf
// entries and a negative one NaN entries. dst may alias a.
func SymInvSqrt(dst, a []float64, n int) error { return SymFunc(dst, a, n, invSqrt) }

// SymPow writes the real power A^t = U·Λ^t·Uᵀ = exp(t·log A) of the symmetric
// positive definite n×n matrix A, exactly symmetric (Higham 2008, §11.7).
// Eigenvalues are raised with math.Pow, whose special cases apply (a
// negative eigenvalue with non-integer t gives NaN). dst may alias a.
func SymPow(dst, a []float64, n int, t float64) error {
	return SymFunc(dst, a, n, func(x float64) float64 { return math.Pow(x, t) })
}
