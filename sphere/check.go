package sphere

import (
	"math"

	"gonum.org/v1/gonum/floats"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

// CheckPoint returns nil if |‖p‖ − 1| ≤ tol (DefaultTolerance unless
// WithTolerance says otherwise) and a *manifold.CheckError otherwise,
// including when p has a NaN or infinite entry.
func (s *Sphere) CheckPoint(p []float64) error {
	s.check(p)
	r := math.Abs(linalg.Nrm2(p) - 1)
	if !(r <= s.tol) {
		return &manifold.CheckError{Manifold: "sphere", What: "point does not have unit norm (|‖p‖ − 1|)", Residual: r, Tolerance: s.tol}
	}
	return nil
}

// CheckTangent returns nil if every entry of v is finite and
// |⟨p, v⟩| ≤ tol·max(1, ‖v‖), and a *manifold.CheckError otherwise. It does
// not check p.
func (s *Sphere) CheckTangent(p, v []float64) error {
	s.check(p, v)
	if !finite(v) {
		return &manifold.CheckError{Manifold: "sphere", What: "tangent vector has a non-finite entry", Residual: math.Inf(1), Tolerance: s.tol}
	}
	d := floats.Dot(p, v)
	nv := linalg.Nrm2(v)
	if math.IsInf(d, 0) || math.IsInf(nv, 0) {
		// Huge but finite entries: measure v/m, m = max|vᵢ|, instead.
		var m float64
		for _, x := range v {
			m = math.Max(m, math.Abs(x))
		}
		var ds, ss float64
		for i, x := range v {
			ds += p[i] * (x / m)
			ss += (x / m) * (x / m)
		}
		// ‖v‖ ≥ 1 here, so the test below is |⟨p, v⟩|/‖v‖ = |⟨p, v/m⟩|/‖v/m‖.
		d, nv = ds, math.Sqrt(ss)
	}
	r := math.Abs(d) / math.Max(1, nv)
	if !(r <= s.tol) {
		return &manifold.CheckError{Manifold: "sphere", What: "vector is not tangent (|⟨p, v⟩|/max(1, ‖v‖))", Residual: r, Tolerance: s.tol}
	}
	return nil
}

func finite(x []float64) bool {
	for _, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}
