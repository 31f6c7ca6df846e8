package hyperbolic

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// Dist returns the geodesic distance
//
//	d(x, y) = (2/√c)·asinh(‖x − y‖/(2√(x_n·y_n)))
//
// (Ratcliffe 2019, §4.6, Thm 4.6.1 rewritten from cosh d = 1 + ‖x − y‖²/(2x_n y_n)
// with cosh d − 1 = 2 sinh²(d/2)). Every factor is formed without
// cancellation (√x_n·√y_n, not √(x_n y_n), so that nothing overflows), and
// for ratios beyond 2⁵⁰⁰ asinh is evaluated as ln 2 + ln‖x − y‖ − ln(2√x_n√y_n).
//
// Accuracy: relative error ≤ 1e-12 (measured worst 6.5e-16) for distances
// from 1e-12 to 1350/√c and heights from 1e-100 to 1e100 at least.
//
// Special cases are:
//
//	Dist(x, x) = 0 exactly;
//	Dist(x, y) = NaN if x or y has a NaN entry or a height ≤ 0.
func (h *HalfSpace) Dist(x, y []float64) float64 {
	h.check(x, y)
	return 2 * h.r * h.asinhRatio(x, y)
}

// asinhRatio returns asinh(‖x − y‖/(2√(x_n y_n))), the distance for c = 1
// halved.
func (h *HalfSpace) asinhRatio(x, y []float64) float64 {
	e := diffNorm(x, y)
	if e == 0 {
		return 0
	}
	xn, yn := x[h.n-1], y[h.n-1]
	if !(xn > 0 && yn > 0) || e != e {
		return math.NaN()
	}
	den := 2 * math.Sqrt(xn) * math.Sqrt(yn)
	z := e / den
	if z < 0x1p500 {
		return math.Asinh(z)
	}
	if math.IsInf(e, 1) {
		// ‖x − y‖ overflowed: halve the difference first.
		var m float64
		for i, xi := range x {
			m = max(m, math.Abs(0.5*xi-0.5*y[i]))
		}
		e = 0
		ex := scaleExp(m)
		k := math.Ldexp(1, -ex)
		for i, xi := range x {
			d := (0.5*xi - 0.5*y[i]) * k
			e += d * d
		}
		return math.Ln2 + math.Log(math.Sqrt(e)) + float64(ex+1)*math.Ln2 - math.Log(den)
	}
	return math.Ln2 + math.Log(e) - math.Log(den)
}

// Log writes the logarithm Log_x(y). The isometry u ↦ x' + x_n·u (x' the
// first n−1 coordinates) maps the point e_n to x, and the logarithm at e_n
// is read off the Lorentz model at its origin, where the half-space and
// hyperboloid tangent spaces coincide; back at x it is
//
//	Log_x(y) = x_n·d₁·u/‖u‖,   u = (2x_n·Δ', ‖Δ'‖² + Δ_n(2x_n + Δ_n)),   Δ = y − x,
//
// with d₁ = 2·asinh(‖Δ‖/(2√(x_n y_n))) the distance for c = 1 (Log does not
// depend on c; its norm ‖·‖_x is d(x, y)). u is the tangent of the geodesic
// arc at x, formed from the difference Δ, so nearby points lose nothing
// (u ≈ 2x_n·Δ).
//
// Special cases are:
//
//	Log(x, x) = 0 exactly;
//	Log writes NaN entries if x or y has a NaN entry or a height ≤ 0.
func (h *HalfSpace) Log(dst, x, y []float64) error {
	h.check(dst, x, y)
	last := h.n - 1
	xn, yn := x[last], y[last]
	var dp2 float64
	for i := 0; i < last; i++ {
		d := y[i] - x[i]
		dp2 += d * d
	}
	dn := yn - xn
	e2 := dp2 + dn*dn
	if e2 == 0 {
		if linalg.Equal(x, y) {
			clear(dst)
			return nil
		}
		return h.logScaled(dst, x, y) // the squares of tiny differences underflowed
	}
	if !(xn > 0 && yn > 0) || e2 != e2 {
		linalg.FillNaN(dst)
		return nil
	}
	if e2 >= sqLo && e2 <= sqHi && (dp2 == 0 || dp2 >= sqLo) && xn >= 0x1p-400 && xn <= 0x1p400 {
		// Everything in range: no rescaling.
		z := math.Sqrt(e2) / (2 * math.Sqrt(xn) * math.Sqrt(yn))
		as := math.Asinh(z)
		if !(z < 0x1p500) {
			as = h.asinhRatio(x, y)
		}
		un := dp2 + dn*(2*xn+dn)
		k := xn * (2 * as) / hypot(2*xn*math.Sqrt(dp2), math.Abs(un))
		kp := k * (2 * xn)
		for i := 0; i < last; i++ {
			dst[i] = kp * (y[i] - x[i])
		}
		dst[last] = k * un
		return nil
	}
	return h.logScaled(dst, x, y)
}

// logScaled is Log for inputs whose squares leave the float64 range. The
// direction u/x_n² = (2ζ', ‖ζ'‖² + ζ_n(2 + ζ_n)) depends only on
// ζ = (y − x)/x_n, which is scaled by a power of two σ (u/x_n² is
// homogeneous of degree 2 in (ζ, 1)): σ²u/x_n² = (2σ·σζ', ‖σζ'‖² + σζ_n(2σ + σζ_n)).
// When ζ overflows (y is more than 1e308 heights away horizontally) the
// geodesic leaves x vertically to working precision and u = e_n.
func (h *HalfSpace) logScaled(dst, x, y []float64) error {
	as := h.asinhRatio(x, y)
	if as == 0 {
		clear(dst)
		return nil
	}
	if as != as {
		linalg.FillNaN(dst)
		return nil
	}
	last := h.n - 1
	xn := x[last]
	zeta := func(i int) float64 { return ((0.5*y[i] - 0.5*x[i]) / xn) * 2 }
	var m float64
	for i := range x {
		m = max(m, math.Abs(zeta(i)))
	}
	if math.IsInf(m, 1) {
		clear(dst)
		dst[last] = xn * (2 * as)
		return nil
	}
	sg := math.Ldexp(1, -scaleExp(m))
	var zp2 float64
	for i := 0; i < last; i++ {
		z := zeta(i) * sg
		zp2 += z * z
	}
	zn := zeta(last) * sg
	un := zp2 + zn*(2*sg+zn)
	nu := hypot(2*sg*math.Sqrt(zp2), math.Abs(un))
	k := xn * (2 * as) // the length of the result; u/‖u‖ is formed first
	for i := 0; i < last; i++ {
		dst[i] = k * (2 * sg * (zeta(i) * sg) / nu)
	}
	dst[last] = k * (un / nu)
	return nil
}
