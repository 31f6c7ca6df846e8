package optim

import (
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/manifold"
)

// pointAverager evaluates the objective of a Karcher mean,
//
//	F(x) = Σ_j w_j d(x, x_j)²,   grad F(x) = −2 Σ_j w_j Log_x(x_j),
//
// or of a geometric median,
//
//	F(x) = Σ_j w_j d(x, x_j),    grad F(x) = −Σ_j w_j Log_x(x_j)/d(x, x_j),
//
// with normalised weights, from one logarithm per data point, on several
// goroutines, and caches the last evaluation: the cost and the gradient at
// the same point cost one pass over the data.
type pointAverager struct {
	m       manifold.Manifold
	fn      string
	data    [][]float64 // the points with positive weight
	idx     []int       // their indices in the caller's data
	w       []float64   // their normalised weights
	median  bool
	eps     float64 // median: coincidence threshold
	curv    float64 // mean: κ > 0 when the curvature lies in [−κ, 0]
	workers int
	size    int // point length

	// Per-chunk partial sums: the weighted logarithms (pv) and the
	// scalars F (pf), Σ w_j/d_j (ps), the weight of coincident points
	// (pz) and Σ w_j ζ(√κ·d_j) (pl); the first failed logarithm of each
	// chunk; a scratch vector per goroutine.
	chunk          int
	pv             []float64
	pf, ps, pz, pl []float64
	pdom           []float64 // median: the largest w_j/d_j of the chunk
	pdomAt         []int     // and its point
	perr           []error
	perrAt         []int
	scratch        [][]float64

	// The cached evaluation: the point, F, grad F, the κ of the natural
	// step v = −grad F/κ, L = Σ w_j ζ(√κ·d_j), and a failed logarithm.
	valid    bool
	x, g     []float64
	f, kappa float64
	lbar     float64
	err      error
	// median: the point of largest weight w_j/d_j among those not at x,
	// and its share of S = Σ w_j/d_j.
	domAt    int
	domShare float64
}

func newPointAverager(fn string, m manifold.Manifold, data [][]float64, w []float64, median bool, workers int) *pointAverager {
	r, c := m.Shape()
	a := &pointAverager{m: m, fn: fn, median: median, size: r * c}
	for j, x := range data {
		if w[j] > 0 {
			a.data = append(a.data, x)
			a.idx = append(a.idx, j)
			a.w = append(a.w, w[j])
		}
	}
	count := len(a.data)
	a.chunk = chunkSize(count)
	nc := (count + a.chunk - 1) / a.chunk
	a.workers = max(1, min(workers, nc))
	a.pv = make([]float64, nc*a.size)
	a.pf = make([]float64, nc)
	a.ps = make([]float64, nc)
	a.pz = make([]float64, nc)
	a.pl = make([]float64, nc)
	a.pdom = make([]float64, nc)
	a.pdomAt = make([]int, nc)
	a.perr = make([]error, nc)
	a.perrAt = make([]int, nc)
	a.scratch = make([][]float64, a.workers)
	for i := range a.scratch {
		a.scratch[i] = make([]float64, a.size)
	}
	a.x = make([]float64, a.size)
	a.g = make([]float64, a.size)
	return a
}

// eval evaluates the objective and its gradient at x unless x is the cached
// point. On a failed logarithm f is +Inf and err says which point failed.
func (a *pointAverager) eval(x []float64) {
	if a.valid && equalSlices(a.x, x) {
		return
	}
	copy(a.x, x)
	a.valid = true
	m, size := a.m, a.size
	forChunks(len(a.data), a.chunk, a.workers, func(worker, c, lo, hi int) {
		lg := a.scratch[worker]
		pv := a.pv[c*size : (c+1)*size]
		clear(pv)
		var f, s, z, l, dom float64
		domAt := -1
		a.perr[c] = nil
		for j := lo; j < hi; j++ {
			if err := m.Log(lg, x, a.data[j]); err != nil {
				a.perr[c], a.perrAt[c] = err, j
				break
			}
			w := a.w[j]
			if !a.median {
				d2 := m.Inner(x, lg, lg)
				f += w * d2
				axpy(pv, w, lg)
				if a.curv > 0 {
					l += w * zeta(math.Sqrt(a.curv*d2))
				}
				continue
			}
			d := m.Norm(x, lg)
			f += w * d
			if d <= a.eps {
				z += w
				continue
			}
			s += w / d
			if w/d > dom {
				dom, domAt = w/d, j
			}
			axpy(pv, w/d, lg)
		}
		a.pf[c], a.ps[c], a.pz[c], a.pl[c] = f, s, z, l
		a.pdom[c], a.pdomAt[c] = dom, domAt
	})
	a.err = nil
	for c := range a.perr {
		if a.perr[c] != nil {
			j := a.perrAt[c]
			a.err = fmt.Errorf("optim: %s: Log at the iterate failed for data[%d]: %w", a.fn, a.idx[j], a.perr[c])
			a.f = math.Inf(1)
			clear(a.g)
			return
		}
	}
	// Reduce in chunk order.
	clear(a.g)
	var f, s, z, l, dom float64
	a.domAt = -1
	for c := range a.pf {
		if a.pdom[c] > dom {
			dom, a.domAt = a.pdom[c], a.pdomAt[c]
		}
		axpy(a.g, 1, a.pv[c*size:(c+1)*size])
		f += a.pf[c]
		s += a.ps[c]
		z += a.pz[c]
		l += a.pl[c]
	}
	a.lbar = l
	m.Proj(a.g, x, a.g)
	a.f = f
	if !a.median {
		// grad F = −2·Σ w_j Log_x(x_j); the natural step is −½·grad F.
		scaleTo(a.g, -2, a.g)
		a.kappa = 2
		return
	}
	// The median: G = Σ_{d_j > ε} w_j Log_x(x_j)/d_j. With Z the weight of
	// the points at x, the subdifferential of F at x is −G + Z·B (B the unit
	// ball), whose element of least norm is −(1 − Z/‖G‖)₊·G; the Weiszfeld
	// step is that vector divided by S = Σ w_j/d_j (Vardi & Zhang 2000).
	ng := m.Norm(x, a.g)
	a.kappa = s
	a.domShare = dom / s
	if ng <= z || s == 0 {
		clear(a.g)
		return
	}
	scaleTo(a.g, -(1 - z/ng), a.g)
}

// zeta returns x·coth x (1 at 0), the largest eigenvalue of the Hessian of
// ½d(·, q)² at distance d = x/√κ from q when the curvature is ≥ −κ.
func zeta(x float64) float64 {
	if x < 1e-4 {
		return 1 + x*x/3
	}
	return x / math.Tanh(x)
}

func equalSlices(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

// problem returns the Problem of the average, with its Riemannian gradient.
func (a *pointAverager) problem() Problem {
	return Problem{
		Cost: func(x []float64) float64 {
			a.eval(x)
			return a.f
		},
		RGrad: func(g, x []float64) {
			a.eval(x)
			copy(g, a.g)
		},
	}
}

// naturalStep is the fixed-point iteration of a Karcher mean or a
// Weiszfeld median, x ← Exp_x(t·v) with v = −grad F(x)/κ, of which t = 1 is
// the classical iteration (κ = 2 for the mean, κ = Σ w_j/d_j for the
// median), made monotone: a step that does not decrease F by the Armijo
// condition F(x⁺) ≤ F(x) − c·t·‖grad F‖²/κ, c = 1e-4, is shortened by
// safeguarded quadratic interpolation. Near the solution, where the
// decrease is below the rounding level of F, a step whose change of F is at
// that level is accepted. The first trial is 1, or for the mean on a
// manifold with curvature in [−κ, 0] the step 2/(1 + Σ w_j ζ(√κ·d_j)) (see
// KarcherMean); after a step accepted at its first trial the next trial is
// twice as long (at most that first trial); after a shortened one it keeps
// the accepted length. On a manifold that reports a finite injectivity
// radius r(x) the step length is at most r(x)/2.
type naturalStep struct {
	a    *pointAverager
	name string
}

func (s *naturalStep) String() string { return s.name }

func (s *naturalStep) prepare(r *runner) error { return r.needGradient(s.name) }

func (s *naturalStep) run(r *runner) {
	a := s.a
	m := r.m
	v, xt, gt := r.newVec(), r.newVec(), r.newVec()
	ir, hasIR := manifold.AsInjectivityRadiuser(m)
	trial := 1.0
	const c1 = 1e-4
	snapFailed := -1
	for {
		if r.stationary() {
			return
		}
		a.eval(r.x)
		if a.median && a.domAt >= 0 && a.domShare >= 0.5 && a.domAt != snapFailed {
			// One data point dominates the Weiszfeld weights: the iterate
			// is close to it, and the median may be that point, which the
			// iteration would approach only linearly (at the rate ‖G'‖/w_j,
			// G' the pull of the others, which tends to 1 in degenerate
			// cases). Try the point itself.
			j := a.domAt
			copy(xt, a.data[j])
			if ft := r.cost(xt); ft <= r.f {
				if !r.gradient(gt, nil, xt) {
					r.fail(NotFinite)
					return
				}
				step := m.Dist(r.x, xt)
				r.x, xt = xt, r.x
				r.g, gt = gt, r.g
				r.f = ft
				r.gnorm = m.Norm(r.x, r.g)
				if r.next(step, 1, step) {
					return
				}
				continue
			}
			snapFailed = j
			a.eval(r.x)
		}
		kappa := a.kappa
		scaleTo(v, -1/kappa, r.g)
		nv := m.Norm(r.x, v)
		top := 1.0
		if a.curv > 0 && !a.median {
			top = 2 / (1 + a.lbar)
		}
		t := math.Min(trial, top)
		if hasIR {
			if rad := ir.InjectivityRadius(r.x); rad > 0 && !math.IsInf(rad, 1) && t*nv > rad/2 {
				t = rad / 2 / nv
			}
		}
		first := true
		slope := r.gnorm * r.gnorm / kappa // −φ'(0) per unit t
		var ft float64
		for {
			scaleTo(xt, t, v)
			m.Exp(xt, r.x, xt)
			ft = r.cost(xt)
			if math.IsNaN(ft) {
				r.fail(NotFinite)
				return
			}
			tolF := 1e3 * 0x1p-52 * math.Abs(r.f)
			if ft <= r.f-c1*t*slope || (!math.IsInf(ft, 1) && math.Abs(ft-r.f) <= tolF) {
				break
			}
			if r.interrupted() || r.evalLimited() {
				return
			}
			// Minimiser of the quadratic through φ(0), φ'(0), φ(t),
			// kept in [t/10, t/2].
			next := t / 2
			if !math.IsInf(ft, 1) {
				den := 2 * (ft - r.f + slope*t)
				if den > 0 {
					next = math.Min(t/2, math.Max(t/10, slope*t*t/den))
				}
			}
			t = next
			first = false
			if r.set.minStep >= 0 && t*nv < r.set.minStep {
				r.fail(LineSearchFailed)
				return
			}
		}
		if !r.gradient(gt, nil, xt) {
			r.fail(NotFinite)
			return
		}
		r.x, xt = xt, r.x
		r.g, gt = gt, r.g
		r.f = ft
		r.gnorm = m.Norm(r.x, r.g)
		if first {
			trial = 2 * t
		} else {
			trial = t
		}
		step := t * nv
		if r.next(step, t, step) {
			return
		}
	}
}
