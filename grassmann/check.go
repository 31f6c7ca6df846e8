package grassmann

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

// CheckPoint returns nil if Y has orthonormal columns to within the
// tolerance, ‖YᵀY − I‖_F ≤ tol (DefaultTolerance unless WithTolerance says
// otherwise), and a *manifold.CheckError otherwise, including when Y has a
// NaN or infinite entry.
func (g *Grassmann) CheckPoint(y []float64) error {
	g.check(y)
	p := g.p
	m := linalg.GetFloats(p * p)
	defer linalg.PutFloats(m)
	linalg.MulAtB(*m, y, y, p, g.n, p)
	for i := range p {
		(*m)[i*p+i]--
	}
	r := linalg.Nrm2(*m)
	if !finite(y) {
		r = math.Inf(1)
	}
	if !(r <= g.tol) {
		return &manifold.CheckError{Manifold: "grassmann", What: "columns are not orthonormal (‖YᵀY − I‖_F)", Residual: r, Tolerance: g.tol}
	}
	return nil
}

// CheckTangent returns nil if every entry of Δ is finite and Δ is
// horizontal at Y to within the tolerance, ‖YᵀΔ‖_F ≤ tol·max(1, ‖Δ‖_F), and
// a *manifold.CheckError otherwise. It does not check Y.
func (g *Grassmann) CheckTangent(y, v []float64) error {
	g.check(y, v)
	if !finite(v) {
		return &manifold.CheckError{Manifold: "grassmann", What: "tangent vector has a non-finite entry", Residual: math.Inf(1), Tolerance: g.tol}
	}
	p := g.p
	m := linalg.GetFloats(p * p)
	defer linalg.PutFloats(m)
	linalg.MulAtB(*m, y, v, p, g.n, p)
	r := linalg.Nrm2(*m) / math.Max(1, linalg.Nrm2(v))
	if !(r <= g.tol) {
		return &manifold.CheckError{Manifold: "grassmann", What: "vector is not horizontal (‖YᵀΔ‖_F/max(1, ‖Δ‖_F))", Residual: r, Tolerance: g.tol}
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
