package hyperbolic

import (
	"github.com/geodesic-go/geodesic/internal/linalg"

	"math"

	"github.com/geodesic-go/geodesic/manifold"
)

// CheckPoint returns nil if every entry of x is finite and x is strictly
// inside the ball, 1 − c‖x‖² > 0 with the gap evaluated in doubled precision,
// and a *manifold.CheckError otherwise (Residual √c‖x‖ − 1 ≥ 0, Tolerance 0).
// It does not use the tolerance of WithTolerance: a point on or outside the
// boundary is not a point of Hⁿ at any distance.
func (b *PoincareBall) CheckPoint(x []float64) error {
	b.check(x)
	if !linalg.AllFinite(x) {
		return &manifold.CheckError{Manifold: "hyperbolic", What: "Poincaré ball point has a non-finite entry", Residual: math.Inf(1), Tolerance: 0}
	}
	gap, _ := ballGap(b.c, x)
	if !(gap > 0) {
		r := max(0, -gap/(1+b.sqrtC*linalg.Nrm2(x)))
		return &manifold.CheckError{Manifold: "hyperbolic", What: "point is not strictly inside the ball of radius 1/√c (√c‖x‖ − 1 ≥ 0)", Residual: r, Tolerance: 0}
	}
	return nil
}

// CheckTangent returns nil if every entry of v is finite (every vector of Rⁿ
// is tangent to the ball) and a *manifold.CheckError otherwise. It does not
// check x.
func (b *PoincareBall) CheckTangent(x, v []float64) error {
	b.check(x, v)
	if !linalg.AllFinite(v) {
		return &manifold.CheckError{Manifold: "hyperbolic", What: "Poincaré ball tangent vector has a non-finite entry", Residual: math.Inf(1), Tolerance: 0}
	}
	return nil
}
