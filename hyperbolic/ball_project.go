package hyperbolic

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// Project writes the point of the ball nearest to x within the margin
// BallMinGap: x itself if 1 − c‖x‖² ≥ BallMinGap, and otherwise x scaled
// radially to 1 − c‖x‖² = BallMinGap, that is to the norm
// √(1 − BallMinGap)/√c ≈ (1 − 2⁻⁵¹)/√c (the clipping of Nickel & Kiela 2017,
// §3, with a margin at the float64 limit; the result always passes
// CheckPoint).
//
// Special cases are:
//
//	a NaN or infinite entry gives NaN entries;
//	Project(0) = 0.
func (b *PoincareBall) Project(dst, x []float64) {
	b.check(dst, x)
	gap, _ := ballGap(b.c, x)
	if gap >= BallMinGap {
		copy(dst, x)
		return
	}
	if gap != gap || !linalg.AllFinite(x) {
		linalg.FillNaN(dst)
		return
	}
	nrm := linalg.Nrm2(x)
	k := math.Sqrt((1-BallMinGap)/b.c) / nrm
	for i, xi := range x {
		dst[i] = xi * k
	}
	clampGap(b.c, dst)
}
