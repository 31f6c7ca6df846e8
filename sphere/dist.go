package sphere

import "math"

// Dist returns the great-circle distance, the angle θ ∈ [0, π] between the
// directions of p and q, computed as θ = atan2(‖w‖, ⟨p, q⟩/‖p‖) from the
// tangent part w of q at p (see the package documentation).
//
// Accuracy: the relative error is below 1e-14 for θ from 1e-300 to π − 1e-8
// at n ≤ 100 (measured worst 2.3e-16; the bound grows like √n·ε for
// larger n), with no assumption that ‖p‖ or ‖q‖ is exactly 1.
//
// Special cases are:
//
//	Dist(p, p) = 0 exactly;
//	Dist(p, −p) = π.
func (s *Sphere) Dist(p, q []float64) float64 {
	s.check(p, q)
	_, _, nw, c := tangentPart(p, q)
	return math.Atan2(nw, c)
}
