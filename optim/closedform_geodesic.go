package optim

import (
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/manifold"
)

// GeodesicPoint returns the point γ(t) = Exp_x(t·Log_x(y)) of the minimising
// geodesic γ from γ(0) = x to γ(1) = y. For t ∈ [0, 1] it is the weighted
// Karcher mean of the two points {x, y} with weights (1 − t, t): along the
// geodesic (1 − t)·d(γ(s), x)² + t·d(γ(s), y)² = d(x, y)²·((1 − t)s² +
// t(1 − s)²) is least at s = t, and no point off the geodesic does better
// (the triangle inequality). t = ½ gives the geodesic midpoint: on the
// sphere (x + y)/‖x + y‖, on the affine-invariant SPD manifold the matrix
// geometric mean A#B = A^{1/2}(A^{−1/2}BA^{−1/2})^{1/2}A^{1/2} (Bhatia 2007,
// "Positive Definite Matrices", ch. 4 and 6), on the Grassmannian the
// subspace halfway along every principal angle, in hyperbolic space the
// gyromidpoint of two points (hyperbolic.GyroMidpoint). KarcherMean uses it
// for two data points.
//
// It returns an error if m is nil, x or y has the wrong length or is not a
// point of m, t is not finite, or the logarithm fails (x and y in each
// other's cut locus, for example antipodal points of a sphere, have no
// unique geodesic: the error wraps manifold.ErrCutLocus).
func GeodesicPoint(m manifold.Manifold, x, y []float64, t float64) ([]float64, error) {
	const fn = "GeodesicPoint"
	if err := checkData(fn, m, [][]float64{x, y}); err != nil {
		return nil, err
	}
	if math.IsNaN(t) || math.IsInf(t, 0) {
		return nil, fmt.Errorf("optim: %s: t = %v is not finite", fn, t)
	}
	return geodesicPoint(m, x, y, t)
}

func geodesicPoint(m manifold.Manifold, x, y []float64, t float64) ([]float64, error) {
	v := make([]float64, len(x))
	if err := m.Log(v, x, y); err != nil {
		return nil, fmt.Errorf("optim: GeodesicPoint: %w", err)
	}
	scaleTo(v, t, v)
	m.Exp(v, x, v)
	return v, nil
}
