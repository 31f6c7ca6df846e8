package spd

import (
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

// asymmetry returns max|Aᵢⱼ − Aⱼᵢ| / max|Aᵢⱼ| (0 for A = 0).
func asymmetry(a []float64, n int) float64 {
	var d, s float64
	for i := range n {
		s = math.Max(s, math.Abs(a[i*n+i]))
		for j := i + 1; j < n; j++ {
			x, y := a[i*n+j], a[j*n+i]
			s = math.Max(s, math.Max(math.Abs(x), math.Abs(y)))
			d = math.Max(d, math.Abs(0.5*x-0.5*y))
		}
	}
	if d == 0 {
		return 0
	}
	return 2 * d / s
}

// CheckPoint returns nil if P is a point of the manifold: every entry
// finite, symmetric to within the tolerance (max|Pᵢⱼ − Pⱼᵢ| ≤
// tol·max|Pᵢⱼ|, DefaultTolerance unless WithTolerance says otherwise), and
// positive definite to working precision, which is taken to mean that the
// Cholesky factorisation of sym(P) succeeds — the test every method relies
// on. Otherwise it returns a *manifold.CheckError whose What says which
// condition failed. For a matrix that is not positive definite, What gives
// the smallest and largest eigenvalues λ_min and λ_max of sym(P) and the
// residual is −λ_min/|λ_max|; a matrix with λ_min > 0 can still fail, when
// it is too ill-conditioned for a Cholesky factorisation in float64 (about
// λ_max/λ_min > 1/(n·ε)), and What says so, with the condition number as
// the residual.
func (m *SPD) CheckPoint(p []float64) error {
	m.check(p)
	n := m.n
	if !linalg.AllFinite(p) {
		return &manifold.CheckError{Manifold: "spd", What: "matrix has a NaN or infinite entry", Residual: math.Inf(1), Tolerance: m.tol}
	}
	if r := asymmetry(p, n); !(r <= m.tol) {
		return &manifold.CheckError{Manifold: "spd", What: "matrix is not symmetric (max|Pᵢⱼ − Pⱼᵢ|/max|Pᵢⱼ|)", Residual: r, Tolerance: m.tol}
	}
	w := linalg.NewArena(n*n + n)
	defer w.Release()
	l, ev := w.Take(n*n), w.Take(n)
	if linalg.Cholesky(l, p, n) {
		return nil
	}
	if err := linalg.EigSymValues(ev, p, n); err != nil {
		return &manifold.CheckError{Manifold: "spd", What: "matrix is not positive definite (its Cholesky factorisation and eigensolver both fail)", Residual: math.Inf(1), Tolerance: 0}
	}
	lmin, lmax := ev[0], ev[n-1]
	scale := math.Max(math.Abs(lmin), math.Abs(lmax))
	if lmin > 0 {
		return &manifold.CheckError{
			Manifold:  "spd",
			What:      fmt.Sprintf("matrix is positive definite only to within rounding: its Cholesky factorisation breaks down (condition number λmax/λmin, λmin = %.3g, λmax = %.3g)", lmin, lmax),
			Residual:  lmax / lmin,
			Tolerance: 1 / (float64(n) * 0x1p-52),
		}
	}
	return &manifold.CheckError{
		Manifold:  "spd",
		What:      fmt.Sprintf("matrix is not positive definite (−λmin/max|λ|, smallest eigenvalue λmin = %.3g, largest λmax = %.3g)", lmin, lmax),
		Residual:  -lmin / scale,
		Tolerance: 0,
	}
}

// CheckTangent returns nil if V is a tangent vector: every entry finite
// and V symmetric to within the tolerance, max|Vᵢⱼ − Vⱼᵢ| ≤ tol·max|Vᵢⱼ|
// (every symmetric matrix is tangent at every point). It returns a
// *manifold.CheckError otherwise. It does not check P.
func (m *SPD) CheckTangent(p, v []float64) error {
	m.check(p, v)
	if !linalg.AllFinite(v) {
		return &manifold.CheckError{Manifold: "spd", What: "tangent vector has a NaN or infinite entry", Residual: math.Inf(1), Tolerance: m.tol}
	}
	if r := asymmetry(v, m.n); !(r <= m.tol) {
		return &manifold.CheckError{Manifold: "spd", What: "tangent vector is not symmetric (max|Vᵢⱼ − Vⱼᵢ|/max|Vᵢⱼ|)", Residual: r, Tolerance: m.tol}
	}
	return nil
}
