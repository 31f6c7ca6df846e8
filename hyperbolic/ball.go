package hyperbolic

import (
	"github.com/geodesic-go/geodesic/internal/linalg"

	"math"
	"strconv"
)

// PoincareBall is hyperbolic space Hⁿ of curvature −c as the open ball
//
//	Bⁿ_c = {x ∈ Rⁿ : c‖x‖² < 1}  of radius 1/√c,
//
// with the conformal metric g_x = λ_x²·I, λ_x = 2/(1 − c‖x‖²) (Ratcliffe
// 2019, §4.5; Nickel & Kiela 2017; Ganea, Bécigneul & Hofmann 2018). Points
// and tangent vectors are slices of length n, Shape (n, 1); every tangent
// space is all of Rⁿ.
//
// Everything rests on the gap δ(x) = 1 − c‖x‖² = 2/λ_x, which is formed in
// doubled precision near the boundary, so that it is accurate relative to
// itself for every float64 point strictly inside the ball. A float64 point
// can be at most about 2·atanh(1 − 2⁻⁵³)/√c ≈ 37.4/√c from the origin along
// a coordinate axis (farther ones round onto the boundary); Exp, Project and
// the Möbius operations keep their results at least BallMinGap inside (see
// the package documentation, "Saturation").
//
// A PoincareBall value is immutable and safe for concurrent use.
type PoincareBall struct {
	n int
	config
}

// NewPoincareBall returns Hⁿ as the Poincaré ball of radius 1/√c in Rⁿ
// (curvature −1 unless WithCurvature says otherwise), with the exponential
// retraction and parallel transport unless WithRetraction and WithTransport
// say otherwise. It panics with a manifold.Error if n < 1 or an option is
// invalid.
func NewPoincareBall(n int, opts ...Option) *PoincareBall {
	return &PoincareBall{n: n, config: newConfig(n, opts)}
}

// Shape returns (n, 1).
func (b *PoincareBall) Shape() (r, c int) { return b.n, 1 }

// Dim returns n.
func (b *PoincareBall) Dim() int { return b.n }

// Curvature returns c, the curvature being −c.
func (b *PoincareBall) Curvature() float64 { return b.c }

// InjectivityRadius returns +Inf (Hⁿ is a Hadamard manifold; see
// Lorentz.InjectivityRadius).
func (b *PoincareBall) InjectivityRadius(x []float64) float64 {
	b.check(x)
	return math.Inf(1)
}

// String returns "H^n (Poincaré ball, c=…)".
func (b *PoincareBall) String() string {
	return "H^" + strconv.Itoa(b.n) + " (Poincaré ball, c=" + curvatureString(b.c) + ")"
}

func (b *PoincareBall) check(xs ...[]float64) { checkLen(b.n, xs...) }

// ballGap returns δ = 1 − c‖x‖² and ‖x‖² (the plain sum). Far from the
// boundary (c‖x‖² ≤ ¼) the plain sum gives δ to a relative (n/4 + 3)ε/3;
// nearer, ‖x‖² is summed in doubled precision (sumSqDD) and
// δ = fma(−c, hi, 1) − c·lo has a relative error of about ε, whatever δ.
func ballGap(c float64, x []float64) (gap, ss float64) {
	ss = sumSq(x)
	cs := c * ss
	if cs <= 0.25 {
		return 1 - cs, ss
	}
	if math.IsInf(cs, 1) {
		return math.Inf(-1), ss // far outside (or an infinite entry)
	}
	hi, lo := sumSqDD(x)
	return math.FMA(-c, hi, 1) - c*lo, ss
}

// clampGap rescales x in place, if needed, so that 1 − c‖x‖² ≥ BallMinGap/2
// holds for the float64 result: a point with a smaller gap (or outside the
// ball) is moved radially to 1 − c‖x‖² = BallMinGap (to rounding).
func clampGap(c float64, x []float64) {
	for range 3 {
		gap, _ := ballGap(c, x)
		if gap >= 0.5*BallMinGap || gap != gap {
			return
		}
		k := math.Sqrt((1-BallMinGap)/c) / linalg.Nrm2(x)
		for i := range x {
			x[i] *= k
		}
	}
}

// Origin writes the origin 0 into dst.
func (b *PoincareBall) Origin(dst []float64) {
	b.check(dst)
	clear(dst)
}
