package hyperbolic

import (
	"github.com/geodesic-go/geodesic/internal/linalg"

	"math"

	"github.com/geodesic-go/geodesic/manifold"
)

// CheckPoint returns nil if every entry of x is finite, x₀ > 0 and
//
//	|x₀ − √(1/c + ‖x_{1:}‖²)| ≤ tol·√(1/c + ‖x_{1:}‖²),
//
// a relative test of the constraint ⟨x, x⟩_L = −1/c that is meaningful at
// every distance from the origin (tol is DefaultTolerance unless
// WithTolerance says otherwise), and a *manifold.CheckError otherwise.
func (l *Lorentz) CheckPoint(x []float64) error {
	l.check(x)
	if !linalg.AllFinite(x) {
		return &manifold.CheckError{Manifold: "hyperbolic", What: "Lorentz point has a non-finite entry", Residual: math.Inf(1), Tolerance: l.tol}
	}
	if !(x[0] > 0) {
		return &manifold.CheckError{Manifold: "hyperbolic", What: "Lorentz point is not on the upper sheet (x₀ ≤ 0)", Residual: -x[0], Tolerance: 0}
	}
	t := l.time(x[1:])
	r := math.Abs(x[0]-t) / t
	if !(r <= l.tol) {
		return &manifold.CheckError{Manifold: "hyperbolic", What: "point is not on the hyperboloid (|x₀ − √(1/c + ‖x_{1:}‖²)|/x₀)", Residual: r, Tolerance: l.tol}
	}
	return nil
}

// CheckTangent returns nil if every entry of v is finite and
// |⟨x, v⟩_L| ≤ tol·‖x‖₂‖v‖₂ (Euclidean norms: the size of the terms whose
// rounding the form accumulates), and a *manifold.CheckError otherwise. It
// does not check x.
func (l *Lorentz) CheckTangent(x, v []float64) error {
	l.check(x, v)
	if !linalg.AllFinite(v) {
		return &manifold.CheckError{Manifold: "hyperbolic", What: "Lorentz tangent vector has a non-finite entry", Residual: math.Inf(1), Tolerance: l.tol}
	}
	m := linalg.MaxAbs(v)
	if m == 0 {
		return nil
	}
	// Measure v/m, so that huge or tiny vectors neither overflow nor underflow.
	var d, ss float64
	for i, vi := range v {
		t := vi / m
		ss += t * t
		if i == 0 {
			d -= x[0] * t
		} else {
			d += x[i] * t
		}
	}
	r := math.Abs(d) / (linalg.Nrm2(x) * math.Sqrt(ss))
	if !(r <= l.tol) {
		return &manifold.CheckError{Manifold: "hyperbolic", What: "vector is not tangent (|⟨x, v⟩_L|/(‖x‖‖v‖))", Residual: r, Tolerance: l.tol}
	}
	return nil
}
