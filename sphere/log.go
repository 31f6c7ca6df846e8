package sphere

import (
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/manifold"
)

// cutTol is the size of the tangent part ‖w‖ of q at p below which, when q
// is in the hemisphere opposite to p, the direction of the geodesic is not
// determined by the data: q is within about 3.6e-15 of the antipode −p.
const cutTol = 16 * 0x1p-52

// Log writes the logarithm Log_p(q) = θ·w/‖w‖, the tangent vector at p of
// length θ = Dist(p, q) pointing along the great circle towards q, where
// w = q − (⟨p, q⟩/‖p‖²)p is computed without cancellation (see the package
// documentation).
//
// Special cases are:
//
//	Log(p, p) = 0 exactly;
//	Log(p, q) returns an error wrapping manifold.ErrCutLocus, and leaves dst
//	unchanged, when q is the antipode of p to working precision
//	(⟨p, q⟩ < 0 and ‖w‖ ≤ 16ε), where every direction is a shortest one.
//
// Near the antipode Log is ill-conditioned by nature: the direction of the
// result has a relative error of about ε/(π − θ).
func (s *Sphere) Log(dst, p, q []float64) error {
	s.check(dst, p, q)
	alpha, sgn, nw, c := tangentPart(p, q)
	if nw == 0 && c > 0 {
		for i := range dst {
			dst[i] = 0
		}
		return nil
	}
	if c < 0 && nw <= cutTol {
		return fmt.Errorf("sphere: Log of an antipodal point (‖tangent part‖ = %.3g): %w", nw, manifold.ErrCutLocus)
	}
	k := math.Atan2(nw, c) / nw
	for i, pi := range p {
		dst[i] = k * ((q[i] - sgn*pi) - alpha*pi)
	}
	return nil
}
