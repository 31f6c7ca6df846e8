package linalg

// SymFrechetEig writes the Fréchet derivative L_f(A, E) of the primary
// matrix function f at the symmetric n×n matrix A = Z·diag(w)·Zᵀ in the
// direction of the symmetric part of E, given the eigenpairs (w, z) of A in
// the layout of EigSym. By the Daleckii–Krein formula
//
//	L_f(A, E) = Z·(F ∘ (Zᵀ·E·Z))·Zᵀ,  F_ij = f[w_i, w_j],
//
// where ∘ is the entrywise product and F is the Loewner matrix of first
// divided differences, f[x, y] = (f(x) − f(y))/(x − y) and f[x, x] = f'(x)
// (Daleckii & Krein 1965; Bhatia, Matrix Analysis, 1997, Thm V.3.3; Higham,
// Functions of Matrices, 2008, Ch. 3). dd must return f[x, y] and be
// symmetric in its arguments; use DivDiffExp, DivDiffLog, DivDiffSqrt,
// DivDiffInvSqrt, a closure over DivDiffPow, or DivDiff for a general f.
//
// E is read in full and its symmetric part is used, since f acts on
// symmetric matrices; the result is exactly symmetric. dst may alias e or z
// (z is then lost); w must not overlap dst.
func SymFrechetEig(dst, w, z, e []float64, n int, dd func(x, y float64) float64) {
	checkDim(n)
	checkLen(w, n)
	checkLen(z, n*n)
	checkLen(e, n*n)
	checkLen(dst, n*n)
	if overlaps(dst, w) {
		panic(errOverlap)
	}
	ar := NewArena(3 * n * n)
	defer ar.Release()
	s := ar.Take(n * n)
	m := ar.Take(n * n)
	zz := ar.Take(n * n)
	copy(zz, z)
	toEigBasis(s, m, zz, e, n) // S = Zᵀ·sym(E)·Z
	for i := range n {
		s[i*n+i] *= dd(w[i], w[i])
		for j := i + 1; j < n; j++ {
			v := dd(w[i], w[j]) * 0.5 * (s[i*n+j] + s[j*n+i])
			s[i*n+j] = v
			s[j*n+i] = v
		}
	}
	fromEigBasis(dst, m, zz, s, n) // dst = Z·(F∘S)·Zᵀ
}

// toEigBasis writes S = Zᵀ·sym(E)·Z, the symmetric part of the n×n E in the
// orthonormal eigenbasis Z, with m as n×n scratch. s and m must overlap
// neither z nor each other.
func toEigBasis(s, m, z, e []float64, n int) {
	SymPart(s, e, n)
	gemm(false, false, n, n, n, 1, s, z, 0, m) // M = sym(E)·Z
	gemm(true, false, n, n, n, 1, z, m, 0, s)  // S = Zᵀ·M
}

// fromEigBasis writes dst = Z·S·Zᵀ, the n×n S mapped back from the
// eigenbasis Z, made exactly symmetric by mirroring its upper triangle; m
// is n×n scratch. dst and m must overlap neither z, s nor each other.
func fromEigBasis(dst, m, z, s []float64, n int) {
	gemm(false, false, n, n, n, 1, z, s, 0, m)  // M = Z·S
	gemm(false, true, n, n, n, 1, m, z, 0, dst) // dst = M·Zᵀ
	mirrorUpper(dst, n)
}

// SymFrechet writes the Fréchet derivative L_f(A, E) of the primary matrix
// function f at the symmetric n×n matrix A in the direction of sym(E), where
// dd is the divided difference f[x, y] of f (see SymFrechetEig for the
// Daleckii–Krein formula and the choice of dd). For example
// SymFrechet(dst, a, e, n, DivDiffLog) is the derivative of the matrix
// logarithm, used by the log-Euclidean metric on SPD matrices. A and E are
// read in full and their symmetric parts are used; the result is exactly
// symmetric; dst may alias a or e. It returns EigSym's error on failure.
func SymFrechet(dst, a, e []float64, n int, dd func(x, y float64) float64) error {
	checkDim(n)
	checkLen(a, n*n)
	checkLen(e, n*n)
	checkLen(dst, n*n)
	ar := NewArena(n + 2*n*n)
	defer ar.Release()
	w := ar.Take(n)
	z := ar.Take(n * n)
	ec := ar.Take(n * n)
	copy(ec, e)
	if err := EigSym(w, z, a, n); err != nil {
		return err
	}
	SymFrechetEig(dst, w, z, ec, n, dd)
	return nil
}
