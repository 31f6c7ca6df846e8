package hyperbolic

import (
	"github.com/geodesic-go/geodesic/internal/linalg"

	"math"

	"github.com/geodesic-go/geodesic/manifold"
)

// The isometries between the three models, for curvature −c and R = 1/√c
// (Ratcliffe 2019, §4.5–4.6; Cannon et al. 1997, §7; Nickel & Kiela 2018,
// for c = 1):
//
//	ball ← Lorentz:   b = x_{1:}/(1 + √c·x₀)           (stereographic projection from (−R, 0))
//	Lorentz ← ball:   x = (R(1 + c‖b‖²), 2b)/(1 − c‖b‖²)
//	half-space ← ball:  h = (2b', R(1 − c‖b‖²))/(c‖b'‖² + (1 − √c·b_n)²)
//	ball ← half-space:  b = (2h', R(c‖h‖² − 1))/(c‖h'‖² + (1 + √c·h_n)²)
//	half-space ← Lorentz: h = (R·x', R²)/(x₀ − x_n)
//	Lorentz ← half-space: x = ((R² + ‖h‖²)/(2h_n), R·h'/h_n, (‖h‖² − R²)/(2h_n))
//
// where b', h', x' are all coordinates but the last (x' = (x₁, …, x_{n−1})
// for a Lorentz point) and b_n, h_n, x_n the last. The ball's origin maps to
// (R, 0, …, 0) and to (0, …, 0, R); the ball's "north pole" R·e_n to the
// point at infinity of the half-space. Every formula is written so that
// nothing cancels: 1 − c‖b‖² in doubled precision, x₀ − x_n as
// (R² + ‖x'‖²)/(x₀ + x_n) when x_n > 0, ‖h‖² − R² as ‖h'‖² + (h_n − R)(h_n + R).
// The Lorentz time coordinate is never read: it is implied by the spatial
// part (see Lorentz).
//
// A point outside the range of the target model is not representable: a
// Lorentz or half-space point farther than about 37.4/√c from the origin
// converts to a ball point on (or numerically outside) the boundary, which
// PoincareBall.CheckPoint rejects, and a half-space point farther than about
// 710/√c converts to a Lorentz point with infinite coordinates. Conversions
// of invalid points (NaN, outside the ball, height ≤ 0) give NaN entries.
//
// Each function panics with a manifold.Error if the lengths do not match
// (n for ball and half-space points, n+1 for Lorentz points, n ≥ 1) or if c
// is not in [MinCurvature, MaxCurvature]. dst may be the input slice or
// overlap it (a Lorentz slice x with dst = x[1:] or x[:n]).

func checkConv(nDst, nSrc int) {
	if nDst < 1 || nSrc < 1 {
		panic(manifold.Error("hyperbolic: conversion of an empty point"))
	}
}

// LorentzToBall writes the Poincaré-ball point b = x_{1:}/(1 + √c·x₀) of the
// Lorentz point x (len(x) = len(dst) + 1).
func LorentzToBall(dst, x []float64, c float64) {
	checkCurvature(c)
	checkConv(len(dst), len(x))
	if len(x) != len(dst)+1 {
		panic(errLength)
	}
	sc := math.Sqrt(c)
	a := x[1:]
	x0 := hypot(1/sc, linalg.Nrm2(a)) + 0*x[0]
	k := 1 / (1 + sc*x0)
	for i, ai := range a {
		dst[i] = ai * k
	}
}

// BallToLorentz writes the Lorentz point
// x = (R(1 + c‖b‖²), 2b)/(1 − c‖b‖²) of the ball point b
// (len(dst) = len(b) + 1).
func BallToLorentz(dst, b []float64, c float64) {
	checkCurvature(c)
	checkConv(len(dst), len(b))
	if len(dst) != len(b)+1 {
		panic(errLength)
	}
	gap, ss := ballGap(c, b)
	if !(gap > 0) {
		linalg.FillNaN(dst)
		return
	}
	k := 2 / gap
	x0 := (1 + c*ss) / (math.Sqrt(c) * gap)
	// Backwards, so that b = dst[:n] and b = dst[1:] both work.
	for i := len(b) - 1; i >= 0; i-- {
		dst[i+1] = k * b[i]
	}
	dst[0] = x0
}

// BallToHalfSpace writes the half-space point
// h = (2b', R(1 − c‖b‖²))/(c‖b'‖² + (1 − √c·b_n)²) of the ball point b
// (len(dst) = len(b)).
func BallToHalfSpace(dst, b []float64, c float64) {
	checkCurvature(c)
	checkConv(len(dst), len(b))
	checkLen(len(b), dst)
	gap, _ := ballGap(c, b)
	if !(gap > 0) {
		linalg.FillNaN(dst)
		return
	}
	last := len(b) - 1
	sc := math.Sqrt(c)
	bp2 := sumSq(b[:last])
	t := math.FMA(-sc, b[last], 1) // 1 − √c·b_n
	den := c*bp2 + t*t
	k := 2 / den
	hn := gap / (sc * den)
	for i := 0; i < last; i++ {
		dst[i] = k * b[i]
	}
	dst[last] = hn
}

// HalfSpaceToBall writes the ball point
// b = (2h', R(c‖h‖² − 1))/(c‖h'‖² + (1 + √c·h_n)²) of the half-space point h
// (len(dst) = len(h)).
func HalfSpaceToBall(dst, h []float64, c float64) {
	checkCurvature(c)
	checkConv(len(dst), len(h))
	checkLen(len(h), dst)
	last := len(h) - 1
	hn := h[last]
	if !(hn > 0) {
		linalg.FillNaN(dst)
		return
	}
	sc := math.Sqrt(c)
	r := 1 / sc
	// Homogeneous in (h, R): scale both by a power of two s.
	m := max(linalg.MaxAbs(h), r)
	if m != m {
		linalg.FillNaN(dst)
		return
	}
	e := scaleExp(m)
	s := math.Ldexp(1, -e)
	var hp2 float64
	for i := 0; i < last; i++ {
		t := h[i] * s
		hp2 += t * t
	}
	hs, rs := hn*s, r*s
	// With N = ‖h'‖² + (R + h_n)²: b' = 2R²h'/N, b_n = R(‖h‖² − R²)/N; in
	// scaled terms den = N·s², num = (‖h'‖² + (h_n − R)(h_n + R))·s².
	den := hp2 + (rs+hs)*(rs+hs)
	num := hp2 + (hs-rs)*(hs+rs)
	for i := 0; i < last; i++ {
		dst[i] = 2 * r * (rs * (h[i] * s) / den)
	}
	dst[last] = r * (num / den)
}

// LorentzToHalfSpace writes the half-space point h = (R·x', R²)/(x₀ − x_n)
// of the Lorentz point x (len(x) = len(dst) + 1), with x₀ − x_n formed as
// (R² + ‖x'‖²)/(x₀ + x_n) when x_n > 0.
func LorentzToHalfSpace(dst, x []float64, c float64) {
	checkCurvature(c)
	checkConv(len(dst), len(x))
	if len(x) != len(dst)+1 {
		panic(errLength)
	}
	n := len(dst)
	r := 1 / math.Sqrt(c)
	xp := x[1:n] // x' = (x₁, …, x_{n−1})
	xn := x[n]
	t := hypot(r, linalg.Nrm2(xp)) // √(R² + ‖x'‖²)
	x0 := hypot(t, math.Abs(xn)) + 0*x[0]
	var den float64
	if xn > 0 {
		den = t * (t / (x0 + xn))
	} else {
		den = x0 - xn
	}
	k := r / den
	for i, xi := range xp {
		dst[i] = k * xi
	}
	dst[n-1] = r * k
}

// HalfSpaceToLorentz writes the Lorentz point
// x = ((R² + ‖h‖²)/(2h_n), R·h'/h_n, (‖h'‖² + (h_n − R)(h_n + R))/(2h_n)) of
// the half-space point h (len(dst) = len(h) + 1).
func HalfSpaceToLorentz(dst, h []float64, c float64) {
	checkCurvature(c)
	checkConv(len(dst), len(h))
	if len(dst) != len(h)+1 {
		panic(errLength)
	}
	n := len(h)
	hn := h[n-1]
	if !(hn > 0) {
		linalg.FillNaN(dst)
		return
	}
	r := 1 / math.Sqrt(c)
	m := max(linalg.MaxAbs(h), r)
	if m != m {
		linalg.FillNaN(dst)
		return
	}
	e := scaleExp(m)
	s := math.Ldexp(1, -e)
	var hp2 float64
	for i := 0; i < n-1; i++ {
		t := h[i] * s
		hp2 += t * t
	}
	hs, rs := hn*s, r*s
	// x₀ = (R² + ‖h‖²)/(2h_n) = ((R² + ‖h‖²)s²/(2·h_n·s))/s.
	x0 := (rs*rs + hp2 + hs*hs) / (2 * hs) / s
	xn := (hp2 + (hs-rs)*(hs+rs)) / (2 * hs) / s
	k := r / hn
	dst[n] = xn
	for i := n - 2; i >= 0; i-- {
		dst[i+1] = k * h[i]
	}
	dst[0] = x0
}
