package optim

import (
	"math"
)

// roundingBand is the multiple of the machine epsilon, relative to the cost
// scale, below which a change of the cost is treated as rounding noise and
// the line searches switch to the derivative tests of Hager & Zhang (2005).
const roundingBand = 1e3 * 0x1p-52

// maxTrials bounds the cost evaluations of one line search.
const maxTrials = 60

// zoomRelWidth is the relative width of the Wolfe bracket below which the
// zoom stops and accepts its best point with sufficient decrease.
const zoomRelWidth = 1e-3

// lineSearch holds the workspace of the line searches of one run. Along a
// direction d ∈ T_x M from the current iterate x it looks at
//
//	φ(t) = f(R_x(t·d)),   φ'(t) ≈ ⟨grad f(R_x(t·d)), T_{x→R_x(td)}(d)⟩,
//
// where R is the manifold's retraction and T its vector transport standing
// in for the differentiated retraction (Absil, Mahony & Sepulchre 2008,
// §4.2 and §8.1; Ring & Wirth 2012; Sato & Iwai 2015).
type lineSearch struct {
	r *runner
	// The trial point xt = R_x(t·d), its cost ft, Riemannian and Euclidean
	// gradients gt, egt (valid when gradDone) and the transported
	// direction dt (valid when gradDone).
	xt, gt, egt, dt []float64
	ft              float64
	gradDone        bool

	// The best acceptable trial of a Wolfe search ("lo" of the zoom).
	xl, gl, egl, dl []float64

	fscale float64 // |f(x0)|, the cost scale of the rounding band
}

func newLineSearch(r *runner, wolfe bool) *lineSearch {
	ls := &lineSearch{r: r, xt: r.newVec(), gt: r.newVec(), egt: r.newEVec(), dt: r.newVec()}
	if wolfe {
		ls.xl, ls.gl, ls.egl, ls.dl = r.newVec(), r.newVec(), r.newEVec(), r.newVec()
	}
	return ls
}

// band returns the rounding band of the cost at the current iterate.
func (ls *lineSearch) band() float64 {
	if ls.fscale == 0 {
		ls.fscale = math.Abs(ls.r.f)
	}
	return roundingBand * math.Max(math.Abs(ls.r.f), ls.fscale)
}

// eval sets xt = R_x(t·d) and ft = f(xt).
func (ls *lineSearch) eval(t float64, d []float64) {
	r := ls.r
	scaleTo(ls.dt, t, d)
	r.m.Retract(ls.xt, r.x, ls.dt)
	ls.ft = r.cost(ls.xt)
	ls.gradDone = false
}

// deriv computes the gradient at xt and the transported direction, and
// returns φ'(t); ok is false if the gradient is not finite.
func (ls *lineSearch) deriv(d []float64) (dphi float64, ok bool) {
	r := ls.r
	if !r.gradient(ls.gt, ls.egt, ls.xt) {
		return math.NaN(), false
	}
	r.m.Transport(ls.dt, r.x, ls.xt, d)
	ls.gradDone = true
	return r.m.Inner(ls.xt, ls.gt, ls.dt), true
}

// backtrack is the Armijo backtracking line search (Nocedal & Wright 2006,
// Alg. 3.1, with the safeguarded quadratic interpolation of §3.5). From t0
// it shrinks t until
//
//	φ(t) ≤ fref + c1·t·φ'(0),
//
// where fref = f(x) for the monotone search and the Zhang–Hager average C_k
// for the nonmonotone one. When |φ(t) − φ(0)| is within the rounding band of
// the cost, where the test above is decided by rounding errors, it accepts t
// instead if the approximate Armijo condition of Hager & Zhang (2005, 2006)
//
//	φ'(t) ≤ (1 − 2c1)·|φ'(0)|
//
// holds (for a quadratic φ the two are equivalent). Each new trial is the
// minimiser of the quadratic interpolating φ(0), φ'(0) and φ(t), clamped to
// [0.1t, 0.5t]; a +Inf cost halves t. On success the accepted point is in
// ls.xt with cost ls.ft (and its gradient in ls.gt if ls.gradDone). It
// returns ok = false, having set the run's status, on a NaN, an
// interruption, or when t·‖d‖ falls below the step floor.
func (ls *lineSearch) backtrack(d []float64, dnorm, dphi0, fref, t0, c1 float64) (t float64, ok bool) {
	r := ls.r
	f0 := r.f
	t = t0
	floor := ls.floor()
	for trial := 0; trial < maxTrials; trial++ {
		if r.interrupted() {
			return t, false
		}
		ls.eval(t, d)
		ft := ls.ft
		if badCost(ft) {
			r.fail(NotFinite)
			return t, false
		}
		if ft <= fref+c1*t*dphi0 {
			return t, true
		}
		if math.Abs(ft-f0) <= ls.band() {
			dphi, fin := ls.deriv(d)
			if !fin {
				r.fail(NotFinite)
				return t, false
			}
			if dphi <= (1-2*c1)*-dphi0 {
				return t, true
			}
		}
		next := 0.5 * t
		if !math.IsInf(ft, 1) {
			// Minimiser of q(s) = f0 + s·φ'(0) + a·s², a = (ft − f0 − t·φ'(0))/t².
			den := 2 * (ft - f0 - t*dphi0)
			if den > 0 {
				next = -dphi0 * t * t / den
			}
			next = math.Min(math.Max(next, 0.1*t), 0.5*t)
		}
		t = next
		if t*dnorm < floor {
			break
		}
	}
	r.fail(LineSearchFailed)
	return t, false
}

// floor returns the smallest step norm ‖t·d‖ the line searches try: the
// step floor MinStep, or 0 when that criterion is off (the trial count
// then bounds the search).
func (ls *lineSearch) floor() float64 {
	return math.Max(ls.r.set.minStep, 0)
}

// wolfe is a line search for the strong Wolfe conditions
//
//	φ(t) ≤ φ(0) + c1·t·φ'(0),   |φ'(t)| ≤ c2·|φ'(0)|,
//
// 0 < c1 < c2 < 1, by bracketing and zoom with safeguarded cubic
// interpolation (Nocedal & Wright 2006, Alg. 3.5 and 3.6).
//
// Where |φ(t) − φ(0)| is within the rounding band of the cost, the values of
// φ cannot be told apart and the search relies on derivatives, as in Hager &
// Zhang (2005): there sufficient decrease means the approximate Armijo
// condition φ'(t) ≤ (1 − 2c1)·|φ'(0)|, a trial is also accepted under the
// approximate Wolfe conditions
//
//	c2·φ'(0) ≤ φ'(t) ≤ (1 − 2c1)·|φ'(0)|,
//
// cost comparisons between trials are skipped and the zoom interpolates the
// derivative (secant step).
//
// The accepted point, its gradient and the transported direction are in
// ls.xt, ls.gt, ls.egt and ls.dt. If the search runs out of trials, or the
// bracket shrinks below a relative width of 10⁻³ without a Wolfe point (the
// transported direction is only an approximation of the differentiated
// retraction, so for long steps φ' may disagree with the costs), the best
// point satisfying sufficient decrease, if any, is accepted. It returns
// ok = false, having set the run's status, on a NaN, an interruption, or
// failure.
func (ls *lineSearch) wolfe(d []float64, dnorm, dphi0, t0, c1, c2 float64) (t float64, ok bool) {
	r := ls.r
	f0 := r.f
	floor := ls.floor()
	band := ls.band()
	var (
		lo     = wpoint{t: 0, f: f0, d: dphi0, hasD: true, band: true, suff: true}
		saved  bool // ls.xl holds the point of lo (lo.t > 0)
		trials int
	)
	// evaluate evaluates φ at t and, when it may be useful, φ'; it reports
	// false on failure after setting the status.
	evaluate := func(t float64) (wpoint, bool) {
		trials++
		if r.interrupted() {
			return wpoint{}, false
		}
		ls.eval(t, d)
		p := wpoint{t: t, f: ls.ft}
		if badCost(p.f) {
			r.fail(NotFinite)
			return p, false
		}
		p.band = math.Abs(p.f-f0) <= band
		armijo := p.f <= f0+c1*t*dphi0
		if armijo || p.band {
			dphi, fin := ls.deriv(d)
			if !fin {
				r.fail(NotFinite)
				return p, false
			}
			p.d, p.hasD = dphi, true
		}
		p.suff = armijo || (p.band && p.d <= (1-2*c1)*-dphi0)
		p.accept = p.suff && math.Abs(p.d) <= -c2*dphi0
		return p, true
	}
	// higher reports whether p's cost is (reliably) not below q's.
	higher := func(p, q wpoint) bool { return !(p.band && q.band) && p.f >= q.f }
	save := func() { // make the point in xt the saved lo point
		ls.xt, ls.xl = ls.xl, ls.xt
		ls.gt, ls.gl = ls.gl, ls.gt
		ls.egt, ls.egl = ls.egl, ls.egt
		ls.dt, ls.dl = ls.dl, ls.dt
		saved = true
	}
	finish := func() (float64, bool) { // accept the saved lo point, if any
		if !saved {
			r.fail(LineSearchFailed)
			return lo.t, false
		}
		ls.xt, ls.xl = ls.xl, ls.xt
		ls.gt, ls.gl = ls.gl, ls.gt
		ls.egt, ls.egl = ls.egl, ls.egt
		ls.dt, ls.dl = ls.dl, ls.dt
		ls.ft = lo.f
		ls.gradDone = true
		return lo.t, true
	}
	// Bracketing phase.
	var hi wpoint
	prev := lo
	t1 := t0
	for {
		if trials >= maxTrials || !finite(t1) {
			return finish()
		}
		p, okEval := evaluate(t1)
		if !okEval {
			return t1, false
		}
		if p.accept {
			return p.t, true
		}
		if !p.suff || (prev.t > 0 && higher(p, prev)) {
			hi = p
			break
		}
		if p.d >= 0 {
			// The minimum lies between the previous lo and p.
			hi = lo
			lo = p
			save()
			break
		}
		lo = p
		save()
		prev = p
		t1 = 4 * p.t // extrapolate
	}
	// Zoom phase: lo satisfies sufficient decrease with the lowest cost
	// seen (or is t = 0), and the interval between lo and hi contains
	// points satisfying the conditions.
	for trials < maxTrials {
		w := math.Abs(hi.t - lo.t)
		if w*dnorm < floor || w <= zoomRelWidth*lo.t {
			// The bracket is too small to matter (or the derivative
			// estimates are inconsistent with the costs, as happens when
			// the transport is far from the differentiated retraction
			// for long steps): take the best point found.
			break
		}
		p, okEval := evaluate(interpolate(lo, hi))
		if !okEval {
			return p.t, false
		}
		if p.accept {
			return p.t, true
		}
		if !p.suff || higher(p, lo) {
			hi = p
			continue
		}
		if p.d*(hi.t-lo.t) >= 0 {
			hi = lo
		}
		lo = p
		save()
	}
	return finish()
}

// wpoint is a trial of the Wolfe search: step t, φ(t) and, if hasD, φ'(t);
// band says φ(t) is within the rounding band of φ(0), suff that t satisfies
// (approximate) sufficient decrease, accept that t is acceptable.
type wpoint struct {
	t, f, d      float64
	hasD, band   bool
	suff, accept bool
}

// interpolate returns a trial step strictly inside the interval between lo
// and hi: the minimiser of the cubic through both points' values and
// derivatives when both are known, else of the quadratic through φ(lo),
// φ'(lo) and φ(hi), kept at least a tenth of the interval from either end
// (bisection if the interpolant has no usable minimiser).
func interpolate(lo, hi wpoint) float64 {
	a, b := math.Min(lo.t, hi.t), math.Max(lo.t, hi.t)
	w := b - a
	t := math.NaN()
	switch {
	case lo.band && hi.band && hi.hasD && hi.d != lo.d:
		// Costs are rounding noise: secant step on φ'.
		t = lo.t - lo.d*(hi.t-lo.t)/(hi.d-lo.d)
	case hi.hasD && !math.IsInf(hi.f, 0):
		if c, ok := cubicMin(lo.t, lo.f, lo.d, hi.t, hi.f, hi.d); ok {
			t = c
		}
	}
	if math.IsNaN(t) && !math.IsInf(hi.f, 0) && !(lo.band && hi.band) {
		dt := hi.t - lo.t
		den := 2 * (hi.f - lo.f - lo.d*dt)
		if den > 0 {
			t = lo.t - lo.d*dt*dt/den
		}
	}
	if math.IsNaN(t) || t < a+0.1*w || t > b-0.1*w {
		if math.IsNaN(t) {
			return a + 0.5*w
		}
		return math.Min(math.Max(t, a+0.1*w), b-0.1*w)
	}
	return t
}

// cubicMin returns the minimiser of the cubic interpolating (a, fa, da) and
// (b, fb, db) (Nocedal & Wright 2006, eq. 3.59), if it exists and is finite.
func cubicMin(a, fa, da, b, fb, db float64) (float64, bool) {
	d1 := da + db - 3*(fa-fb)/(a-b)
	disc := d1*d1 - da*db
	if !(disc >= 0) {
		return 0, false
	}
	d2 := math.Sqrt(disc)
	if b < a {
		d2 = -d2
	}
	den := db - da + 2*d2
	if den == 0 {
		return 0, false
	}
	t := b - (b-a)*(db+d2-d1)/den
	if !finite(t) {
		return 0, false
	}
	return t, true
}
