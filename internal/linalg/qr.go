package linalg

import (
	"gonum.org/v1/gonum/lapack/lapack64"
)

func queryQR(k lworkKey) int {
	var q [1]float64
	a := general(k.m, k.n, nil)
	lapack64.Geqrf(a, nil, q[:], -1)
	lw := int(q[0])
	lapack64.Orgqr(a, make([]float64, k.n), q[:], -1)
	return max(lw, int(q[0]), k.n, 1)
}

// QR computes the thin QR factorisation A = Q·R of the n×p matrix A, n ≥ p ≥ 1:
// Q (n×p) has orthonormal columns and R (p×p) is upper triangular with a
// non-negative diagonal. With that sign convention the factorisation is
// unique when A has full column rank, and Q is the qf retraction of the
// Stiefel and Grassmann manifolds (Absil, Mahony & Sepulchre 2008, §4.1.1).
//
// The algorithm is Householder QR (LAPACK Dgeqrf) followed by the
// accumulation of only the first p columns of Q (Dorgqr), never the full
// n×n Q (Golub & Van Loan, Matrix Computations, 4th ed., §5.2); columns of Q
// and rows of R are then negated where R has a negative diagonal entry.
//
// r may be nil when R is not needed. q may alias a; r must not overlap q or
// a. If A is rank deficient, Q still has orthonormal columns and R has zero
// (or tiny) diagonal entries. Special case: if A has a NaN or ±Inf entry, Q
// and R are all NaN. QR panics if n < p, p < 1 or a length is wrong.
func QR(q, r, a []float64, n, p int) {
	checkDim(p)
	if n < p {
		panic(errTall)
	}
	checkLen(a, n*p)
	checkLen(q, n*p)
	if r != nil {
		checkLen(r, p*p)
		if overlaps(r, q) || overlaps(r, a) {
			panic(errOverlap)
		}
	}
	if !AllFinite(a) {
		FillNaN(q)
		if r != nil {
			FillNaN(r)
		}
		return
	}
	copy(q, a)
	lwork := cachedLwork(lworkKey{opQR, n, p}, queryQR)
	ar := NewArena(2*p + lwork)
	defer ar.Release()
	tau := ar.Take(p)
	sgn := ar.Take(p)
	work := ar.Take(lwork)

	g := general(n, p, q)
	lapack64.Geqrf(g, tau, work, lwork)
	for j := range p {
		sgn[j] = 1
		if q[j*p+j] < 0 {
			sgn[j] = -1
		}
	}
	if r != nil {
		for i := range p {
			for j := range p {
				if j < i {
					r[i*p+j] = 0
				} else {
					r[i*p+j] = sgn[i] * q[i*p+j]
				}
			}
		}
	}
	lapack64.Orgqr(g, tau, work, lwork)
	for i := range n {
		row := q[i*p : i*p+p]
		for j, s := range sgn {
			row[j] *= s
		}
	}
}
