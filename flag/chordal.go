package flag

import (
	"gonum.org/v1/gonum/floats"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

// dot2Below is the estimate of d_c² below which the residual of
// ChordalDist is formed in doubled precision; (1/16)².
const dot2Below = 0x1p-8

// ChordalDist returns the chordal distance between the flags of X and Y,
//
//	d_c(X, Y) = (Σ_i (m_i − ‖X_iᵀY_i‖²_F))^{1/2} = (½ Σ_i ‖X_iX_iᵀ − Y_iY_iᵀ‖²_F)^{1/2}
//	          = (Σ_i ‖(I − X_iX_iᵀ)Y_i‖²_F)^{1/2},
//
// the Frobenius distance of the block projectors divided by √2, which is
// the root-sum-of-squares of the Grassmann chordal distances ‖sin θ^{(i)}‖₂
// between the blocks' subspaces span X_i and span Y_i (Mankovich & Birdal
// 2023, "Chordal averaging on flag manifolds and its applications", for the
// chordal flag mean and median; Edelman, Arias & Smith 1998, §4.3, for
// one block). It does not depend on the representatives, and agrees with
// Dist to first order for nearby flags of the canonical metric only when
// X and Y differ within V_k's complement (in general the two are
// equivalent distances, not equal).
//
// Numerics. m_i − ‖X_iᵀY_i‖² cancels catastrophically for nearby flags, so
// the distance is computed as ‖R‖_F with R_i = Y_i − X_i(X_iᵀY_i) for all
// blocks at once, R = Y − X·bd(XᵀY), in doubled precision
// (linalg.ResidualDot2) when d_c² is estimated below 2⁻⁸, followed by a
// second projection R ← R − X·bd(XᵀR) that removes the rounding left in
// span X_i (the scheme of grassmann.Grassmann.ChordalDist). The relative
// error is then a few ε for d_c from 1e-10 up, for bases orthonormal to
// rounding. Cost: O(np²), no n×n matrix.
//
// Special cases are: ChordalDist(X, X) = 0 exactly for bitwise-equal
// inputs, and 0 on a one-point manifold; d_c ≤ √p always; a NaN entry
// gives NaN.
func (f *Flag) ChordalDist(x, y []float64) float64 {
	f.check2(x, y)
	if linalg.SameBits(x, y) || f.point() {
		return 0
	}
	n, p := f.n, f.p
	ar := linalg.NewArena(n*p + 2*p*p)
	defer ar.Release()
	r, m, t := ar.Take(n*p), ar.Take(p*p), ar.Take(p*p)
	linalg.MulAtB(m, x, y, p, n, p)
	f.keepDiagBlocks(m)
	if floats.Dot(y, y)-floats.Dot(m, m) < dot2Below {
		linalg.ResidualDot2(r, y, x, m, n, p, p)
		linalg.MulAtB(t, x, r, p, n, p)
		f.keepDiagBlocks(t)
		linalg.Gemm(false, false, n, p, p, -1, x, t, 1, r)
	} else {
		copy(r, y)
		linalg.Gemm(false, false, n, p, p, -1, x, m, 1, r)
	}
	return linalg.Nrm2(r)
}

// SameFlag reports whether X and Y represent the same flag to within tol,
// that is whether ChordalDist(X, Y) ≤ tol: every block subspace span Y_i
// is within principal angles of about tol of span X_i. Two representatives
// of one flag computed from each other in floating point (Y = X·Q, Q block
// diagonal orthogonal) are at a chordal distance of a few ε·√p, so a
// tolerance such as 1e-12 accepts them. NaN input gives false. It panics
// with a manifold.Error if tol is negative or NaN.
func (f *Flag) SameFlag(x, y []float64, tol float64) bool {
	if !(tol >= 0) {
		panic(manifold.Error("flag: SameFlag: tolerance must be ≥ 0"))
	}
	return f.ChordalDist(x, y) <= tol
}
