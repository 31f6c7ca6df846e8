package manifoldtest

import (
	"fmt"
	"math"
	"strings"

	"github.com/geodesic-go/geodesic/manifold"
)

// eps is the float64 unit roundoff 2⁻⁵³.
const eps = 0x1p-53

// LogSpace returns n values from hi down to lo (both included), equally
// spaced on a logarithmic scale. It panics unless 0 < lo ≤ hi and n ≥ 2.
func LogSpace(hi, lo float64, n int) []float64 {
	if !(lo > 0 && lo <= hi) || n < 2 {
		panic(manifold.Error("manifoldtest: LogSpace needs 0 < lo ≤ hi and n ≥ 2"))
	}
	ts := make([]float64, n)
	a, b := math.Log(hi), math.Log(lo)
	for i := range ts {
		ts[i] = math.Exp(a + (b-a)*float64(i)/float64(n-1))
	}
	ts[0], ts[n-1] = hi, lo
	return ts
}

// LogLogSlope returns the least-squares slope s of the fit
// log y ≈ s·log x + c over the pairs (xs[i], ys[i]) with both values finite
// and positive. It returns NaN when fewer than two such pairs exist or when
// the xs used are all equal. It panics if the slices differ in length.
func LogLogSlope(xs, ys []float64) float64 {
	if len(xs) != len(ys) {
		panic(manifold.Error("manifoldtest: LogLogSlope slice length mismatch"))
	}
	var n, sx, sy float64
	for i, x := range xs {
		if ok(x) && ok(ys[i]) {
			n++
			sx += math.Log(x)
			sy += math.Log(ys[i])
		}
	}
	if n < 2 {
		return math.NaN()
	}
	mx, my := sx/n, sy/n
	var sxx, sxy float64
	for i, x := range xs {
		if ok(x) && ok(ys[i]) {
			dx := math.Log(x) - mx
			sxx += dx * dx
			sxy += dx * (math.Log(ys[i]) - my)
		}
	}
	if sxx == 0 {
		return math.NaN()
	}
	return sxy / sxx
}

func ok(v float64) bool { return v > 0 && !math.IsInf(v, 1) }

// taylorWindow is the number of points TaylorSlope fits.
const taylorWindow = 4

// TaylorSlope measures the order of a Taylor remainder. For each t in ts
// (in decreasing order) it calls residual(t), which returns the remainder
// r(t) (for example f(R_p(tv)) − f(p) − t·⟨grad f(p), v⟩) and the rounding
// floor of that remainder: the size below which r(t) is indistinguishable
// from rounding error (for a difference of function values, a small
// multiple of ε·max(|f(p)|, |f(R_p(tv))|)).
//
// It returns the least-squares slope of log|r| against log t over the four
// smallest t whose |r| exceeds its floor, and the number of points fitted.
// Fitting the smallest t, where the leading term dominates, makes the test
// sensitive to a small error in a lower-order term: an error δ in the
// coefficient of t^(k−1) shows as soon as δ exceeds about t times the
// coefficient of t^k. A remainder that is O(t^k) gives a slope ≈ k. When
// used < 2 the remainder is at rounding level (nearly) everywhere, which
// means the expansion is exact to working precision, and slope is NaN. If
// some r(t) is NaN or infinite, slope is NaN and used is −1.
//
// Choose ts where the remainder is not dominated by rounding;
// LogSpace(1e-1, 1e-4, 10) (TaylorTimes) suits functions and points of unit
// scale.
func TaylorSlope(ts []float64, residual func(t float64) (r, floor float64)) (slope float64, used int) {
	var xs, ys []float64
	bad := false
	for _, t := range ts {
		r, floor := residual(t)
		r = math.Abs(r)
		if math.IsNaN(r) || math.IsInf(r, 0) {
			bad = true
			continue
		}
		if r > floor {
			xs = append(xs, t)
			ys = append(ys, r)
		}
	}
	if bad {
		return math.NaN(), -1
	}
	if k := len(xs) - taylorWindow; k > 0 {
		xs, ys = xs[k:], ys[k:]
	}
	if len(xs) < 2 {
		return math.NaN(), len(xs)
	}
	return LogLogSlope(xs, ys), len(xs)
}

// TaylorTimes returns the step sizes the suite's Taylor tests use,
// LogSpace(1e-1, 1e-4, 10).
func TaylorTimes() []float64 { return LogSpace(1e-1, 1e-4, 10) }

// slopeOK reports whether a TaylorSlope result shows a remainder of order
// at least want: a slope ≥ want − tol, or a remainder at rounding level.
func slopeOK(slope float64, used int, want, tol float64) bool {
	if used < 0 {
		return false
	}
	return used < 2 || slope >= want-tol
}

// slopeDirections is the number of random directions a slope test tries
// before it reports a failure.
const slopeDirections = 3

// slopeTest runs a Taylor slope test in up to slopeDirections directions
// (try(k) uses the k-th direction, see ctx.slopeDirection, and returns
// TaylorSlope's result) and reports whether one of them shows order
// ≥ want − tol, with the slopes seen. A correct implementation can fail in
// one direction by bad luck: if the leading coefficient of the remainder is
// unusually small there, the next term cancels it at some t inside the
// range fitted. Along −v that next term changes sign and adds to the
// leading one instead. A wrong implementation fails in (almost) every
// direction.
func slopeTest(want, tol float64, try func(k int) (slope float64, used int)) (ok bool, seen string) {
	var parts []string
	for k := 0; k < slopeDirections; k++ {
		slope, used := try(k)
		if slopeOK(slope, used, want, tol) {
			return true, ""
		}
		parts = append(parts, fmt.Sprintf("%.3g over %d points", slope, used))
	}
	return false, strings.Join(parts, ", ")
}

// roundingFloor is the rounding floor used for remainders of function
// values of magnitude up to scale.
func roundingFloor(scale float64) float64 { return 1e3 * eps * scale }

// GradientSlope checks a Euclidean gradient through m's EGradToRGrad by a
// Taylor expansion along the retraction. With g = ⟨grad f(p), v⟩_p and
// grad f(p) = m.EGradToRGrad(p, egrad(p)), it returns TaylorSlope of
//
//	r(t) = f(R_p(tv)) − f(p) − t·g,  t = TaylorTimes(),
//
// with floor 1000·ε·max(|f(p)|, |f(R_p(tv))|, |t·g|). A correct gradient
// gives a slope ≥ 2 (about 2 in general); a wrong one gives about 1. Use a
// tangent v of unit norm and f of moderate size at p, so that the remainder
// at t = 1e-4 is still well above rounding. In rare directions the
// second-order coefficient is so small that the third-order term cancels it
// inside the range of t and the slope comes out low; repeating with −v,
// which flips the sign of the third-order term, tells such bad luck from a
// wrong gradient (the suite's own checks do this).
//
// egrad(dst, x) must write the Euclidean gradient of f at x into dst.
func GradientSlope(m manifold.Manifold, f func(x []float64) float64, egrad func(dst, x []float64), p, v []float64) (slope float64, used int) {
	g := make([]float64, len(p))
	egrad(g, p)
	m.EGradToRGrad(g, p, g)
	return gradientSlope(m, f, absF, g, p, v)
}

// absF is the default magnitude of the rounding error in evaluating f at
// x, |f(x)|.
func absF(_ []float64, fx float64) float64 { return math.Abs(fx) }

// gradientSlope is GradientSlope given grad f(p); fscale(x, f(x)) bounds
// the terms whose rounding affects f(x).
func gradientSlope(m manifold.Manifold, f func(x []float64) float64, fscale func(x []float64, fx float64) float64, rgrad, p, v []float64) (float64, int) {
	f0 := f(p)
	s0 := fscale(p, f0)
	d := m.Inner(p, rgrad, v)
	tv := make([]float64, len(p))
	c := make([]float64, len(p))
	return TaylorSlope(TaylorTimes(), func(t float64) (float64, float64) {
		for i := range tv {
			tv[i] = t * v[i]
		}
		m.Retract(c, p, tv)
		ft := f(c)
		return ft - f0 - t*d, roundingFloor(max(s0, fscale(c, ft), math.Abs(t*d)))
	})
}

// HessianSlope checks a Euclidean Hessian through m's EHessToRHess by a
// second-order Taylor expansion along the exponential map. With
// g = ∇f(p)ᵀv (the Euclidean directional derivative, which equals
// ⟨grad f(p), v⟩_p for tangent v; using it keeps this check independent of
// EGradToRGrad) and h = ⟨Hess f(p)[v], v⟩_p it returns TaylorSlope of
//
//	r(t) = f(Exp_p(tv)) − f(p) − t·g − t²/2·h,  t = TaylorTimes(),
//
// with the floor of GradientSlope. A correct Hessian gives a slope ≥ 3; one
// that is wrong along v gives about 2. As with GradientSlope, an unlucky
// direction can give a low slope for a correct Hessian; retry with −v. Expanding along a geodesic is what
// makes h the Riemannian Hessian: along a mere retraction the second-order
// term also holds ⟨grad f, c”(0)⟩.
//
// egrad(dst, x) writes ∇f(x); ehess(dst, x, u) writes ∇²f(x)[u]. It panics
// if m is not a manifold.HessianConverter (as reported by
// manifold.AsHessianConverter).
func HessianSlope(m manifold.Manifold, f func(x []float64) float64, egrad func(dst, x []float64), ehess func(dst, x, u []float64), p, v []float64) (slope float64, used int) {
	hc, ok := manifold.AsHessianConverter(m)
	if !ok {
		panic(manifold.Error("manifoldtest: HessianSlope needs a manifold.HessianConverter"))
	}
	n := len(p)
	eg, eh, rh := make([]float64, n), make([]float64, n), make([]float64, n)
	egrad(eg, p)
	ehess(eh, p, v)
	hc.EHessToRHess(rh, p, eg, eh, v)
	return hessianSlope(m, f, absF, dot(eg, v), rh, p, v, m.Exp)
}

// hessianSlope is HessianSlope given g = Df(p)[v] and H[v], along curve,
// with fscale as in gradientSlope.
func hessianSlope(m manifold.Manifold, f func(x []float64) float64, fscale func(x []float64, fx float64) float64, g float64, rhessv, p, v []float64, curve func(dst, p, v []float64)) (float64, int) {
	f0 := f(p)
	s0 := fscale(p, f0)
	h := m.Inner(p, rhessv, v)
	tv := make([]float64, len(p))
	c := make([]float64, len(p))
	return TaylorSlope(TaylorTimes(), func(t float64) (float64, float64) {
		for i := range tv {
			tv[i] = t * v[i]
		}
		curve(c, p, tv)
		ft := f(c)
		return ft - f0 - t*g - t*t/2*h, roundingFloor(max(s0, fscale(c, ft), math.Abs(t*g), math.Abs(t*t*h)))
	})
}
