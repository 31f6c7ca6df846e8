package stiefel

import (
	"math"

	"github.com/geodesic-go/geodesic/manifold"
)

// injectivityLowerBound returns a proven lower bound on the injectivity
// radius of St(n, p) with metric m (equal to it where it is known exactly),
// or 0 if none is known to this package.
func injectivityLowerBound(n, p int, m Metric) float64 {
	beta := m.Beta()
	switch {
	case n == 1:
		// St(1, 1) = {−1, 1}: zero-dimensional, Exp is injective on the
		// single tangent vector 0.
		return math.Inf(1)
	case p == n:
		// O(n) with the bi-invariant metric β·tr(AᵀB): cut points of I are
		// the rotations with an eigenvalue −1, reached at angle π in one
		// plane, i.e. at length √β·‖A‖_F = √(2β)·π.
		return math.Sqrt(2*beta) * math.Pi
	case p == 1:
		// St(n, 1) = S^{n−1} with the round metric for every β (A = 0).
		return math.Pi
	case m == Euclidean:
		// Zimmermann & Stoye (2024).
		return math.Pi
	case m == Canonical:
		// Rentmeesters (2013), quoted by Stoye & Zimmermann (2024).
		return math.Sqrt(0.8) * math.Pi
	}
	return 0
}

// InjectivityRadius returns a lower bound r on the injectivity radius of
// St(n, p) at any point (Exp_X is a diffeomorphism on the open ball of
// radius r in T_X), exact where the exact value is known:
//
//	Euclidean metric, p < n: π, exact (R. Zimmermann & J. Stoye, "The
//	injectivity radius of the compact Stiefel manifold under the Euclidean
//	metric", arXiv:2405.02268, 2024);
//	canonical metric, p < n: √(4/5)·π ≈ 0.8944π, the curvature bound of
//	Q. Rentmeesters ("Algorithms for data fitting on some common
//	homogeneous spaces", PhD thesis, UCLouvain, 2013), as quoted by
//	J. Stoye & R. Zimmermann ("On the injectivity radius of the Stiefel
//	manifold: numerical investigations and an explicit construction of a
//	cut point at short distance", arXiv:2403.03782, 2024). The true value
//	is at most ≈ 0.9133π, the length at which Stoye & Zimmermann and
//	P.-A. Absil & S. Mataigne ("The ultimate upper bound on the injectivity
//	radius of the Stiefel manifold", arXiv:2403.02079, 2024) exhibit cut
//	points;
//	p = 1, any metric: π (St(n, 1) is the unit sphere, A = 0);
//	p = n ≥ 2, any metric: √(2β)·π (O(n) with the bi-invariant metric
//	β·tr(AᵀB); the cut points are the rotations by π in a plane);
//	n = p = 1: +Inf (St(1, 1) has dimension 0).
//
// For other members of the family (β ∉ {½, 1} with 1 < p < n) this package
// uses no radius: Absil & Mataigne (2024) give the upper bound
// min{√(2β)π, π, √2·t_β}, t_β the first positive root of
// sin(t)/t + (1/β − 1)cos(t) = 0, and J. Stoye, S. Mataigne, P.-A. Absil &
// R. Zimmermann ("Shortest geodesic loops, sectional curvature, and
// injectivity radius of the Stiefel manifold", arXiv:2511.01563, 2025)
// report exact values for β ∈ (0, 1/3] ∪ [2/3, 1], not used here. Then
// HasCapability(manifold.CapInjectivityRadius) is false (so
// manifold.AsInjectivityRadiuser does not offer the method) and
// InjectivityRadius panics with a manifold.Error.
func (s *Stiefel) InjectivityRadius(x []float64) float64 {
	s.check1(x)
	if s.inj == 0 {
		panic(manifold.Error("stiefel: no injectivity radius is known for the metric " + s.metric.String() + " (see HasCapability)"))
	}
	return s.inj
}
