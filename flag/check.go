package flag

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

// CheckPoint returns nil if every entry of X is finite and
// ‖XᵀX − I‖_F ≤ tol (DefaultTolerance unless WithTolerance says
// otherwise): X represents a flag. It returns a *manifold.CheckError
// carrying the residual otherwise.
func (f *Flag) CheckPoint(x []float64) error {
	f.check1(x)
	if !linalg.AllFinite(x) {
		return &manifold.CheckError{Manifold: "flag", What: "point has a non-finite entry", Residual: math.Inf(1), Tolerance: f.tol}
	}
	res := linalg.OrthResidual(x, f.n, f.p)
	if !(res <= f.tol) {
		return &manifold.CheckError{Manifold: "flag", What: "columns are not orthonormal (‖XᵀX − I‖_F)", Residual: res, Tolerance: f.tol}
	}
	return nil
}

// CheckTangent returns nil if every entry of Δ is finite and Δ is
// horizontal at X to within the tolerance,
//
//	‖bd(W) + offdiag(sym W)‖_F ≤ tol·max(1, ‖Δ‖_F),   W = XᵀΔ
//
// (XᵀΔ skew-symmetric with zero diagonal blocks; the matrix measured is
// the one Proj removes), and a *manifold.CheckError otherwise. Vectors
// with huge entries are scaled first, so the test does not overflow. It
// does not check X.
func (f *Flag) CheckTangent(x, v []float64) error {
	f.check2(x, v)
	if !linalg.AllFinite(v) {
		return &manifold.CheckError{Manifold: "flag", What: "tangent vector has a non-finite entry", Residual: math.Inf(1), Tolerance: f.tol}
	}
	p := f.p
	ar := linalg.NewArena(p * p)
	defer ar.Release()
	w := ar.Take(p * p)
	// With m = max(1, max|Δᵢⱼ|), k = 1/m: the ratio is
	// ‖C(Xᵀ(kΔ))‖/max(k, ‖kΔ‖), C the map of corr.
	m := math.Max(1, linalg.MaxAbs(v))
	k := 1 / m
	linalg.Gemm(true, false, p, p, f.n, k, x, v, 0, w)
	f.corr(w, 0)
	var vv float64
	for _, t := range v {
		t *= k
		vv += t * t
	}
	res := math.Sqrt(linalg.SumSq(w)) / math.Max(k, math.Sqrt(vv))
	if !(res <= f.tol) {
		return &manifold.CheckError{Manifold: "flag", What: "vector is not horizontal (‖bd(XᵀΔ) + offdiag(sym XᵀΔ)‖_F/max(1, ‖Δ‖_F))", Residual: res, Tolerance: f.tol}
	}
	return nil
}
