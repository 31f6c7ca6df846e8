package linalg

import (
	"gonum.org/v1/gonum/lapack"
	"gonum.org/v1/gonum/lapack/lapack64"
)

// svdJobs returns the Dgesvd jobs for the thin SVD with vectors, or, for
// values only, the jobs that compute the smaller factor as well: with no
// vectors at all Dgesvd switches to the dqds algorithm (Dlasq1), whose sort
// allocates in gonum, while the bidiagonal QR path that also rotates a k×k
// factor does not.
func svdJobs(op lworkOp, m, n int) (jobU, jobVT lapack.SVDJob) {
	switch {
	case op == opSVD:
		return lapack.SVDStore, lapack.SVDStore
	case m >= n:
		return lapack.SVDNone, lapack.SVDStore
	default:
		return lapack.SVDStore, lapack.SVDNone
	}
}

func querySVD(k lworkKey) int {
	var q [1]float64
	jobU, jobVT := svdJobs(k.op, k.m, k.n)
	kk := min(k.m, k.n)
	// Dgesvd's query slices its arguments, so give it real (once per size)
	// storage.
	a := make([]float64, k.m*k.n)
	u := make([]float64, k.m*kk)
	vt := make([]float64, kk*k.n)
	s := make([]float64, kk)
	lapack64.Gesvd(jobU, jobVT, general(k.m, k.n, a), general(k.m, kk, u), general(kk, k.n, vt), s, q[:], -1)
	return max(int(q[0]), 1)
}

// SVD computes the thin singular value decomposition A = U·diag(s)·Vᵀ of the
// n×p matrix A with k = min(n, p): u is n×k with orthonormal columns, s holds
// the k singular values in descending order, and vt = Vᵀ is k×p with
// orthonormal rows. For the usual tall case n ≥ p this is u n×p, s of length
// p and vt p×p; for n < p it is u n×n and vt n×p.
//
// The algorithm is LAPACK Dgesvd with jobs 'S' (Golub–Kahan bidiagonalisation
// and implicit-shift QR; Golub & Van Loan, Matrix Computations, 4th ed.,
// §8.6). When n ≥ 1.6·p and n > 192 it is preceded by a Householder QR
// factorisation, U = Q·Ũ for the SVD R = Ũ·Σ·Vᵀ of the p×p factor, as
// Dgesvd does internally, but with the final product kept serial and
// allocation-free. For values only, the smaller (k×k) singular factor is
// still computed, into workspace, which keeps the call allocation-free in
// gonum.
//
// u and vt may be nil when the singular vectors are not needed (then both
// must be nil, and only s is computed). Any output may alias a; outputs must
// not overlap each other. Special case: if A has a NaN or ±Inf entry, all
// outputs are NaN and the error is nil. SVD returns an error wrapping
// manifold.ErrNotConverged if the bidiagonal QR iteration fails; the outputs
// are then unspecified.
func SVD(u, s, vt, a []float64, n, p int) error {
	checkDim(n)
	checkDim(p)
	k := min(n, p)
	checkLen(a, n*p)
	checkLen(s, k)
	want := u != nil || vt != nil
	if want {
		checkLen(u, n*k)
		checkLen(vt, k*p)
		if overlaps(u, s) || overlaps(u, vt) || overlaps(s, vt) {
			panic(errOverlap)
		}
	}
	if !AllFinite(a) {
		FillNaN(s)
		if want {
			FillNaN(u)
			FillNaN(vt)
		}
		return nil
	}
	if want && useTallPath(n, p) {
		return svdTall(u, s, vt, a, n, p)
	}
	return svdDirect(u, s, vt, a, n, p, want)
}

// useTallPath reports whether an n×p factorisation should start with a QR
// factorisation of its own: when n ≥ 1.6·p (LAPACK's crossover for Dgesvd)
// and n is large enough (> 192) for gonum's Dgemm to go parallel on the
// final n×p product.
func useTallPath(n, p int) bool {
	return 5*n >= 8*p && n > gemmMaxSerial*gemmBlock
}

// svdTall computes the thin SVD of a tall n×p matrix through A = Q·R, R = Ũ·Σ·Vᵀ and U = Q·Ũ. Dgesvd takes the same
// route internally, but its final product goes through gonum's parallel
// Dgemm, which allocates for large n; gemm here stays serial.
func svdTall(u, s, vt, a []float64, n, p int) error {
	ar := NewArena(n*p + 2*p*p)
	defer ar.Release()
	q := ar.Take(n * p)
	r := ar.Take(p * p)
	ur := ar.Take(p * p)
	QR(q, r, a, n, p)
	if err := svdDirect(ur, s, vt, r, p, p, true); err != nil {
		return err
	}
	gemm(false, false, n, p, p, 1, q, ur, 0, u)
	return nil
}

// svdDirect is SVD through one Dgesvd call.
func svdDirect(u, s, vt, a []float64, n, p int, want bool) error {
	k := min(n, p)
	op := opSVD
	if !want {
		op = opSVDN
	}
	jobU, jobVT := svdJobs(op, n, p)
	lwork := cachedLwork(lworkKey{op, n, p}, querySVD)
	scratch := 0
	if !want {
		scratch = k * k
	}
	ar := NewArena(n*p + lwork + scratch)
	defer ar.Release()
	acopy := ar.Take(n * p)
	work := ar.Take(lwork)
	copy(acopy, a)
	gu, gvt := general(n, k, u), general(k, p, vt)
	if !want {
		// The k×k factor goes to scratch; the other is not referenced.
		sq := general(k, k, ar.Take(scratch))
		gu, gvt = sq, sq
	}
	if !lapack64.Gesvd(jobU, jobVT, general(n, p, acopy), gu, gvt, s, work, lwork) {
		return errSVDNotConverged
	}
	return nil
}
