package sphere

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// Project writes the nearest point of the sphere to the ambient x,
// x/‖x‖ (no overflow for huge x, no underflow for tiny x).
//
// Special cases are:
//
//	Project(0) = e₁ = (1, 0, …, 0): every point is nearest, and e₁ is the
//	documented choice;
//	a NaN entry gives NaN.
func (s *Sphere) Project(dst, x []float64) {
	s.check(dst, x)
	nrm := linalg.Nrm2(x)
	if nrm == 0 {
		for i := range dst {
			dst[i] = 0
		}
		dst[0] = 1
		return
	}
	if math.IsInf(nrm, 1) || nrm < 0x1p-1000 {
		// Scale by the largest entry first (‖x/m‖ ∈ [1, √n]).
		var m float64
		for _, v := range x {
			m = math.Max(m, math.Abs(v))
		}
		for i, v := range x {
			dst[i] = v / m
		}
		nrm = linalg.Nrm2(dst)
		x = dst
	}
	k := 1 / nrm
	for i, v := range x {
		dst[i] = v * k
	}
}
