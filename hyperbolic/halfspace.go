package hyperbolic

import (
	"math"
	"strconv"
)

// HalfSpace is hyperbolic space Hⁿ of curvature −c as the upper half-space
//
//	Uⁿ = {x ∈ Rⁿ : x_n > 0},  g_x = (1/(c·x_n²))·I,
//
// whose height is the last coordinate x_n = x[n−1] (Ratcliffe 2019, §4.6;
// Cannon, Floyd, Kenyon & Parry 1997, "Hyperbolic geometry", §7). Points and
// tangent vectors are slices of length n, Shape (n, 1); every tangent space
// is all of Rⁿ. The origin used by RandomPoint and the conversions is
// (0, …, 0, 1/√c).
//
// Translations in the first n−1 coordinates and dilations x ↦ s·x are
// isometries, and the curvature only scales the metric: geodesics, Exp, Log
// (as vectors) and parallel transport do not depend on c; distances,
// norms and gradients do. A float64 point is valid for any height in the
// float64 range, so the half-space represents points up to about 1400/√c
// from the origin, far beyond the ball (see the package documentation).
//
// A HalfSpace value is immutable and safe for concurrent use.
type HalfSpace struct {
	n int
	config
}

// NewHalfSpace returns Hⁿ as the upper half-space of Rⁿ (curvature −1 unless
// WithCurvature says otherwise), with the exponential retraction and
// parallel transport unless WithRetraction and WithTransport say otherwise.
// It panics with a manifold.Error if n < 1 or an option is invalid.
func NewHalfSpace(n int, opts ...Option) *HalfSpace {
	return &HalfSpace{n: n, config: newConfig(n, opts)}
}

// Shape returns (n, 1).
func (h *HalfSpace) Shape() (r, c int) { return h.n, 1 }

// Dim returns n.
func (h *HalfSpace) Dim() int { return h.n }

// Curvature returns c, the curvature being −c.
func (h *HalfSpace) Curvature() float64 { return h.c }

// InjectivityRadius returns +Inf (Hⁿ is a Hadamard manifold; see
// Lorentz.InjectivityRadius).
func (h *HalfSpace) InjectivityRadius(x []float64) float64 {
	h.check(x)
	return math.Inf(1)
}

// String returns "H^n (half-space, c=…)".
func (h *HalfSpace) String() string {
	return "H^" + strconv.Itoa(h.n) + " (half-space, c=" + curvatureString(h.c) + ")"
}

func (h *HalfSpace) check(xs ...[]float64) { checkLen(h.n, xs...) }

// Origin writes (0, …, 0, 1/√c) into dst.
func (h *HalfSpace) Origin(dst []float64) {
	h.check(dst)
	clear(dst)
	dst[h.n-1] = h.r
}
