package linalg

import (
	"math"

	"gonum.org/v1/gonum/lapack/gonum"
)

// impl provides the LAPACK routines that lapack64 does not wrap (Dgehrd,
// Dorghr, Dlanv2).
var impl gonum.Implementation

func querySchur(k lworkKey) int {
	n := k.n
	if n <= 128 {
		// Dgehrd and Dorgqr use their unblocked code below the crossover
		// nx = 128 anyway, for which lwork = n is enough; the queried
		// optimum would include a 4160-element block workspace.
		return max(n, 1)
	}
	var q [1]float64
	impl.Dgehrd(n, 0, n-1, nil, n, nil, q[:], -1)
	l := int(q[0])
	impl.Dorghr(n, 0, n-1, nil, n, nil, q[:], -1)
	return max(l, int(q[0]), n, 1)
}

// Schur computes the real Schur decomposition A = Z·T·Zᵀ of the n×n matrix
// A: Z is orthogonal and T is upper quasi-triangular, with 1×1 blocks for
// the real eigenvalues and 2×2 blocks [[α, β], [γ, α]], βγ < 0, for the
// complex pairs α ± i√(−βγ) (LAPACK's standardised form). Entries of T below
// its first subdiagonal are zero, and T[i+1][i] ≠ 0 exactly when rows i and
// i+1 hold a 2×2 block.
//
// The algorithm is Hessenberg reduction (LAPACK Dgehrd, Dorghr) followed by
// the Francis implicit double-shift QR iteration, without balancing, so Z
// stays orthogonal to working precision (Golub & Van Loan, Matrix
// Computations, 4th ed., §7.4–7.5). The QR iteration is implemented in this
// package (hqr.go) rather than taken from LAPACK's Dhseqr, because gonum's
// Dhseqr allocates on every sweep; it follows the same deflation, shift and
// standardisation rules. For a normal matrix, such as an orthogonal or a
// skew-symmetric one, T is block diagonal up to rounding.
//
// t may alias a; z must not overlap t or a. Special case: NaN or ±Inf in A
// gives NaN outputs and a nil error. Schur returns an error wrapping
// manifold.ErrNotConverged if the QR iteration fails.
func Schur(t, z, a []float64, n int) error {
	checkDim(n)
	checkLen(a, n*n)
	checkLen(t, n*n)
	checkLen(z, n*n)
	if overlaps(z, t) || overlaps(z, a) {
		panic(errOverlap)
	}
	if !AllFinite(a) {
		FillNaN(t)
		FillNaN(z)
		return nil
	}
	copy(t, a)
	return schur(t, z, n)
}

// schur overwrites the n×n matrix in t with its real Schur form and writes
// the Schur vectors to z.
func schur(t, z []float64, n int) error {
	if n == 1 {
		z[0] = 1
		return nil
	}
	// The Schur form is scale-equivariant: A/2ʲ = Z·(T/2ʲ)·Zᵀ. Scaling by an
	// exact power of two that brings the largest entry near 1 keeps the
	// products inside the QR iteration from overflowing (or underflowing)
	// for matrices with entries near the ends of the float64 range.
	var m float64
	for _, v := range t[:n*n] {
		m = max(m, math.Abs(v))
	}
	var scale int
	if m > 0x1p300 || (m > 0 && m < 0x1p-300) {
		_, scale = math.Frexp(m)
		for i := range t[:n*n] {
			t[i] = math.Ldexp(t[i], -scale)
		}
	}
	defer func() {
		if scale != 0 {
			for i := range t[:n*n] {
				t[i] = math.Ldexp(t[i], scale)
			}
		}
	}()
	lwork := cachedLwork(lworkKey{opSchur, n, n}, querySchur)
	ar := NewArena(n + lwork)
	defer ar.Release()
	tau := ar.Take(n - 1)
	work := ar.Take(lwork)
	impl.Dgehrd(n, 0, n-1, t, n, tau, work, lwork)
	copy(z, t)
	impl.Dorghr(n, 0, n-1, z, n, tau, work, lwork)
	for i := 2; i < n; i++ {
		clear(t[i*n : i*n+i-1])
	}
	if !hqr(t, z, n) {
		return errSchurNotConverged
	}
	return nil
}
