package linalg

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/lapack64"
)

// opSyevN keys the cached work size of Dsyev without eigenvectors. It is
// far from the lworkOp values of lwork.go so that the two lists never clash.
const opSyevN lworkOp = 100

func querySyevN(k lworkKey) int {
	var q [1]float64
	a := blas64.Symmetric{N: k.n, Stride: max(1, k.n), Uplo: blas.Upper}
	lapack64.Syev(lapack.EVNone, a, nil, q[:], -1)
	return max(int(q[0]), 3*k.n-1, 1)
}

// EigSymValues writes the eigenvalues of the symmetric part of the n×n
// matrix A into w, in ascending order, without computing eigenvectors
// (LAPACK Dsyev with jobz = 'N': Householder tridiagonalisation and the
// root-free QR iteration Dsterf; Golub & Van Loan, 4th ed., §8.3). Each
// computed eigenvalue has absolute error of order n·ε·‖A‖₂. It costs about
// a third of EigSym.
//
// A is not modified. w must not overlap a. Special case: NaN or ±Inf in A
// gives all-NaN eigenvalues and a nil error. It returns an error wrapping
// manifold.ErrNotConverged if the QR iteration fails, and allocates nothing
// after warm-up.
func EigSymValues(w, a []float64, n int) error {
	checkDim(n)
	checkLen(a, n*n)
	checkLen(w, n)
	if overlaps(w, a) {
		panic(errOverlap)
	}
	if !AllFinite(a) {
		FillNaN(w)
		return nil
	}
	lwork := cachedLwork(lworkKey{opSyevN, n, n}, querySyevN)
	ws := GetFloats(n*n + lwork)
	defer PutFloats(ws)
	s := (*ws)[:n*n]
	SymPart(s, a, n)
	sym := blas64.Symmetric{N: n, Stride: n, Uplo: blas.Upper, Data: s}
	if !lapack64.Syev(lapack.EVNone, sym, w, (*ws)[n*n:], lwork) {
		return errEigNotConverged
	}
	return nil
}
