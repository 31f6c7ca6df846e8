package sphere

import (
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

// Retract writes R_p(v) for the configured retraction (Projective unless
// WithRetraction says otherwise).
func (s *Sphere) Retract(dst, p, v []float64) {
	if s.retr == Exponential {
		s.Exp(dst, p, v)
		return
	}
	s.RetractProjective(dst, p, v)
}

// RetractProjective writes the metric-projection retraction
//
//	R_p(v) = (p + v)/‖p + v‖,
//
// which agrees with Exp_p(v) to second order (Absil & Malick 2012,
// "Projection-like retractions on matrix manifolds", ex. 4.1).
//
// Special cases are:
//
//	RetractProjective(p, 0) = p exactly;
//	huge ‖v‖ gives the direction v/‖v‖ (no overflow).
func (s *Sphere) RetractProjective(dst, p, v []float64) {
	s.check(dst, p, v)
	if linalg.Nrm2(v) == 0 {
		copy(dst, p)
		return
	}
	for i, pi := range p {
		dst[i] = pi + v[i]
	}
	nrm := linalg.Nrm2(dst)
	if math.IsInf(nrm, 1) {
		// p + v overflowed its norm, not its entries: halve first (exact).
		for i := range dst {
			dst[i] *= 0.5
		}
		nrm = linalg.Nrm2(dst)
	}
	k := 1 / nrm
	for i := range dst {
		dst[i] *= k
	}
}

// RetractExp writes Exp_p(v); it is the retraction selected by Exponential.
func (s *Sphere) RetractExp(dst, p, v []float64) { s.Exp(dst, p, v) }

// InverseRetract writes the inverse of the configured retraction: Log for
// Exponential, InverseRetractProjective for Projective.
func (s *Sphere) InverseRetract(dst, p, q []float64) error {
	if s.retr == Exponential {
		return s.Log(dst, p, q)
	}
	return s.InverseRetractProjective(dst, p, q)
}

// InverseRetractProjective writes the v ∈ T_p S with (p + v)/‖p + v‖ = q,
//
//	v = (‖p‖²/⟨p, q⟩)·q − p = (‖p‖²/⟨p, q⟩)·w,
//
// with w the tangent part of q at p computed without cancellation (see the
// package documentation). The projective retraction maps T_p S onto the open
// hemisphere ⟨p, q⟩ > 0 only, so for q outside it InverseRetractProjective
// returns an error wrapping manifold.ErrCutLocus and leaves dst unchanged.
// InverseRetractProjective(p, p) = 0 exactly.
func (s *Sphere) InverseRetractProjective(dst, p, q []float64) error {
	s.check(dst, p, q)
	alpha, sgn, nw, c := tangentPart(p, q)
	// c = ⟨p, q⟩/‖p‖, so ‖p‖²/⟨p, q⟩ = ‖p‖/c; ‖v‖ = nw·‖p‖/c must be finite.
	np := linalg.Nrm2(p)
	if !(c > 0) || nw/c*np > math.MaxFloat64 {
		return fmt.Errorf("sphere: InverseRetractProjective: q is not in the open hemisphere of p (cos θ·‖q‖ = %.3g): %w", c, manifold.ErrCutLocus)
	}
	k := np / c
	for i, pi := range p {
		dst[i] = k * ((q[i] - sgn*pi) - alpha*pi)
	}
	return nil
}
