package hyperbolic

import (
	"github.com/geodesic-go/geodesic/internal/linalg"

	"math"

	"github.com/geodesic-go/geodesic/manifold"
)

// CheckPoint returns nil if every entry of x is finite and the height x_n is
// positive, and a *manifold.CheckError otherwise (Residual −x_n, Tolerance
// 0). Like PoincareBall.CheckPoint it does not use the tolerance of
// WithTolerance.
func (h *HalfSpace) CheckPoint(x []float64) error {
	h.check(x)
	if !linalg.AllFinite(x) {
		return &manifold.CheckError{Manifold: "hyperbolic", What: "half-space point has a non-finite entry", Residual: math.Inf(1), Tolerance: 0}
	}
	if xn := x[h.n-1]; !(xn > 0) {
		return &manifold.CheckError{Manifold: "hyperbolic", What: "half-space point has height x_n ≤ 0", Residual: -xn, Tolerance: 0}
	}
	return nil
}

// CheckTangent returns nil if every entry of v is finite (every vector of Rⁿ
// is tangent) and a *manifold.CheckError otherwise. It does not check x.
func (h *HalfSpace) CheckTangent(x, v []float64) error {
	h.check(x, v)
	if !linalg.AllFinite(v) {
		return &manifold.CheckError{Manifold: "hyperbolic", What: "half-space tangent vector has a non-finite entry", Residual: math.Inf(1), Tolerance: 0}
	}
	return nil
}
