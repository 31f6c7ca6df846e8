package sphere

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// Exp writes the exponential map
//
//	Exp_p(v) = cos(‖v‖)·p + (sin(‖v‖)/‖v‖)·v,
//
// the point reached at time 1 along the great circle leaving p with velocity
// v ∈ T_p S (Absil, Mahony & Sepulchre 2008, ex. 5.4.1).
//
// Special cases are:
//
//	Exp(p, 0) = p exactly;
//	‖v‖ of any size wraps around the great circle: the angle ‖v‖ is reduced
//	modulo 2π by math.Sin and math.Cos (Payne–Hanek reduction for large
//	arguments), so Exp(p, (θ + 2πk)v̂) = Exp(p, θv̂) up to the rounding of
//	the float64 angle itself;
//	if ‖v‖ overflows float64 (finite entries whose norm exceeds
//	math.MaxFloat64) the angle is taken as math.MaxFloat64, so the result is
//	still a finite unit vector in the plane of p and v.
func (s *Sphere) Exp(dst, p, v []float64) {
	s.check(dst, p, v)
	t := linalg.Nrm2(v)
	if t == 0 {
		copy(dst, p)
		return
	}
	if math.IsInf(t, 1) {
		// Scale v by its largest entry m so that the direction v/‖v‖ is
		// representable: 1 ≤ ‖v/m‖ ≤ √n.
		var m float64
		for _, x := range v {
			m = math.Max(m, math.Abs(x))
		}
		nv := 0.0
		for _, x := range v {
			nv += (x / m) * (x / m)
		}
		a := math.Cos(math.MaxFloat64)
		b := math.Sin(math.MaxFloat64) / math.Sqrt(nv)
		for i, pi := range p {
			dst[i] = a*pi + b*(v[i]/m)
		}
		return
	}
	a := math.Cos(t)
	b := math.Sin(t) / t
	for i, pi := range p {
		dst[i] = a*pi + b*v[i]
	}
}
