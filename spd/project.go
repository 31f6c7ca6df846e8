package spd

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// projectFloor is the eigenvalue floor of Project relative to the largest
// eigenvalue magnitude: 2⁻²⁶ ≈ 1.5e-8, so that a projected matrix has
// condition number at most 2²⁶ ≈ 6.7e7, well inside the range where the
// accuracy contracts hold.
const projectFloor = 0x1p-26

// Project writes a point of the manifold close to the ambient n×n matrix X:
// sym(X) itself if it is positive definite to working precision (its
// Cholesky factorisation succeeds, as CheckPoint asks), and otherwise
//
//	Z·diag(max(λᵢ, τ))·Zᵀ,  sym(X) = Z·diag(λ)·Zᵀ,  τ = 2⁻²⁶·max|λᵢ|,
//
// the nearest matrix to X in the Frobenius norm among symmetric matrices
// with all eigenvalues ≥ τ (Higham, "Computing a nearest symmetric positive
// semidefinite matrix", Linear Algebra Appl. 103, 1988, with the floor τ
// added because the open cone has no nearest point to a matrix outside
// it). The result is exactly symmetric and formed as a Gram matrix, so it
// is positive definite.
//
// Special cases are: Project(0) = I, the documented choice when every
// eigenvalue is 0; a NaN or infinite entry gives NaN. To regularise a
// sample covariance matrix in a statistically meaningful way use Shrink or
// ShrinkMinEig instead.
func (m *SPD) Project(dst, x []float64) {
	m.check(dst, x)
	n, nn := m.n, m.n*m.n
	if !linalg.AllFinite(x) {
		linalg.FillNaN(dst)
		return
	}
	w := linalg.NewArena(3*nn + n)
	defer w.Release()
	s, l, z, ev := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(n)
	symInto(s, x, n, 1)
	if linalg.Cholesky(l, s, n) {
		copy(dst, s)
		return
	}
	if err := linalg.EigSym(ev, z, s, n); err != nil {
		linalg.FillNaN(dst)
		return
	}
	scale := math.Max(math.Abs(ev[0]), math.Abs(ev[n-1]))
	tau := projectFloor * scale
	if scale == 0 {
		tau = 1
	}
	for i, x := range ev {
		ev[i] = math.Sqrt(math.Max(x, tau))
	}
	scaleCols(z, ev, n)
	matMul(s, false, z, true, z, n)
	mirror(s, n)
	copy(dst, s)
}
