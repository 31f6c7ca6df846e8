package stiefel

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

// CheckPoint returns nil if every entry of X is finite and
// ‖XᵀX − I‖_F ≤ tol (DefaultTolerance unless WithTolerance says otherwise),
// and a *manifold.CheckError carrying the residual otherwise.
func (s *Stiefel) CheckPoint(x []float64) error {
	s.check1(x)
	if !linalg.AllFinite(x) {
		return &manifold.CheckError{Manifold: "stiefel", What: "point has a non-finite entry", Residual: math.Inf(1), Tolerance: s.tol}
	}
	res := linalg.OrthResidual(x, s.n, s.p)
	if !(res <= s.tol) {
		return &manifold.CheckError{Manifold: "stiefel", What: "columns are not orthonormal (‖XᵀX − I‖_F)", Residual: res, Tolerance: s.tol}
	}
	return nil
}

// CheckTangent returns nil if every entry of Δ is finite and
// ‖sym(XᵀΔ)‖_F ≤ tol·max(1, ‖Δ‖_F), and a *manifold.CheckError otherwise.
// Vectors with huge entries are scaled first, so the test does not
// overflow. It does not check X.
func (s *Stiefel) CheckTangent(x, v []float64) error {
	s.check2(x, v)
	if !linalg.AllFinite(v) {
		return &manifold.CheckError{Manifold: "stiefel", What: "tangent vector has a non-finite entry", Residual: math.Inf(1), Tolerance: s.tol}
	}
	p := s.p
	ar := linalg.NewArena(p * p)
	defer ar.Release()
	w := ar.Take(p * p)
	// With m = max(1, max|Δᵢⱼ|): ‖sym(XᵀΔ)‖/max(1, ‖Δ‖) =
	// ‖sym(Xᵀ(Δ/m))‖/max(1/m, ‖Δ/m‖).
	m := math.Max(1, linalg.MaxAbs(v))
	k := 1 / m
	linalg.Gemm(true, false, p, p, s.n, k, x, v, 0, w)
	linalg.SymPart(w, w, p)
	var vv float64
	if m == 1 {
		vv = linalg.SumSq(v)
	} else {
		for _, t := range v {
			t *= k
			vv += t * t
		}
	}
	res := math.Sqrt(linalg.SumSq(w)) / math.Max(k, math.Sqrt(vv))
	if !(res <= s.tol) {
		return &manifold.CheckError{Manifold: "stiefel", What: "vector is not tangent (‖sym(XᵀΔ)‖_F/max(1, ‖Δ‖_F))", Residual: res, Tolerance: s.tol}
	}
	return nil
}
