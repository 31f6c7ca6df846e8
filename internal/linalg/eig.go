package linalg

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/lapack64"
)

func querySyev(k lworkKey) int {
	var q [1]float64
	a := blas64.Symmetric{N: k.n, Stride: max(1, k.n), Uplo: blas.Upper}
	lapack64.Syev(lapack.EVCompute, a, nil, q[:], -1)
	return max(int(q[0]), 3*k.n-1, 1)
}

// EigSym computes the eigendecomposition A = Z·diag(w)·Zᵀ of the n×n
// symmetric matrix A: w receives the eigenvalues in ascending order and the
// columns of z (z[i*n+j] is component i of eigenvector j) are orthonormal
// eigenvectors.
//
// A is read in full and its symmetric part (A + Aᵀ)/2 is decomposed, so a
// matrix that is symmetric only to rounding is accepted and the result does
// not depend on which triangle a caller filled most carefully. The algorithm
// is LAPACK Dsyev: Householder tridiagonalisation and implicit QL/QR
// (Golub & Van Loan, Matrix Computations, 4th ed., §8.3); the computed pairs
// have backward error of order n·ε·‖A‖.
//
// z may alias a; w must not overlap z or a. Special case: NaN or ±Inf in A
// gives NaN outputs and a nil error. EigSym returns an error wrapping
// manifold.ErrNotConverged if the QR iteration fails.
func EigSym(w, z, a []float64, n int) error {
	checkDim(n)
	checkLen(a, n*n)
	checkLen(z, n*n)
	checkLen(w, n)
	if overlaps(w, z) || overlaps(w, a) {
		panic(errOverlap)
	}
	if !AllFinite(a) {
		FillNaN(w)
		FillNaN(z)
		return nil
	}
	SymPart(z, a, n)
	lwork := cachedLwork(lworkKey{opSyev, n, n}, querySyev)
	ws := GetFloats(lwork)
	defer PutFloats(ws)
	sym := blas64.Symmetric{N: n, Stride: n, Uplo: blas.Upper, Data: z}
	if !lapack64.Syev(lapack.EVCompute, sym, w, *ws, lwork) {
		return errEigNotConverged
	}
	return nil
}
