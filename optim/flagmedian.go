package optim

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"
)

// FlagMedian returns the weighted chordal flag median of the flags in data,
// a minimiser over Fl(n₁ < … < n_k; n) of
//
//	G(Y) = Σ_j w_j d_c(X⁽ʲ⁾, Y),   w_j = weights_j/Σ weights,
//
// with the data, flag type and chordal distance of FlagMean, by iteratively
// reweighted flag means (Mankovich & Birdal 2023, §4; the Weiszfeld
// algorithm in the form of iteratively reweighted least squares):
//
//	Y_{t+1} = FlagMean of the data with weights β_j ∝ w_j/max(d_c(X⁽ʲ⁾, Y_t), ε),
//
// each solve warm-started at Y_t, the first at the chordal flag mean (or
// FlagOptions.Init), ε = FlagOptions.Epsilon (default 1e-10).
//
// Monotonicity. By the concavity of √, d_j(Y) ≤ d_j(Y_t) + (d_j(Y)² −
// d_j(Y_t)²)/(2d_j(Y_t)), with equality at Y_t, so a Y that decreases the
// weighted mean objective Σ_j (w_j/d_j(Y_t))·d_j(Y)² (which the
// trust-region solve, a monotone method started at Y_t, does) decreases G.
// The floor ε and rounding can break this by tiny amounts, so each step is
// checked: a step that does not decrease G is rejected, the previous
// iterate is returned, and the run stops with Status CostConverged and a
// note in Result.Notes. (A solve that does not move at all, because Y_t is
// already a fixed point of the reweighting, also ends the run with
// CostConverged, without a note.) G is evaluated as Σ_j w_j(Σ_i ‖(I −
// X_i⁽ʲ⁾X_i⁽ʲ⁾ᵀ)Y_i‖²_F)^{1/2}, accurate for tiny distances, on several
// goroutines for large data.
//
// When one point carries at least half of the weights β, the iterate is
// close to it and the median may be that very point, which the reweighting
// would approach only linearly (at a rate that tends to 1 when the point is
// barely a median): the point itself is then tried, and taken if it does
// not increase G. The run stops with GradientConverged when the least-norm
// subgradient of G vanishes (a data point that outweighs the pull of the
// others), after a step that decreases G by at most RelTol·G (default
// 1e-12) with CostConverged, after MaxIterations steps
// (default 100) with IterationLimit; Settings.MaxTime and cancellation of
// ctx apply to the whole run (TimeLimit, Canceled); the Recorder can stop
// it (Stopped). The statuses of the inner solves are not reported unless
// one stopped at a limit or failed, which Result.Notes then says.
//
// Result: X the median (with OrientSigns, oriented by the weights β of
// its last solve), F = G(X), Iterations the number of accepted
// reweighting steps, the evaluation counts summed over the inner solves,
// Method "flagmedian-irls". GradNorm is the norm of the least-norm
// subgradient of G at X, (‖Σ_{d_j > 0} w_j grad d_j(X)‖ − Σ_{d_j = 0} w_j)₊
// (distances below min(ε, 1e-12) count as 0): zero at a median that is a
// data point, small but not zero after a finite run otherwise.
//
// Validation and errors are those of FlagMean, plus: negative
// MaxIterations, RelTol or Epsilon are errors.
func FlagMedian(ctx context.Context, data [][]float64, n int, dims []int, weights []float64, opts *FlagOptions) (*Result, error) {
	const fn = "FlagMedian"
	start := time.Now()
	if ctx == nil {
		ctx = context.Background()
	}
	o := opts.orDefault()
	f, err := newFlagData(fn, data, n, dims, weights, o.Tolerance, o.Workers)
	if err != nil {
		return nil, err
	}
	if err := checkFlagOptions(fn, f, &o); err != nil {
		return nil, err
	}
	maxIter := o.MaxIterations
	if maxIter == 0 {
		maxIter = 100
	}
	relTol := o.RelTol
	if relTol == 0 {
		relTol = 1e-12
	}
	eps := o.Epsilon
	if eps == 0 {
		eps = 1e-10
	}
	var maxTime time.Duration
	if o.Settings != nil {
		maxTime = o.Settings.MaxTime
	}
	// inner returns the settings of a weighted solve: those of the options,
	// with the time left of Settings.MaxTime.
	inner := func() *Settings {
		if maxTime <= 0 {
			return o.Settings
		}
		s := *o.Settings
		s.MaxTime = max(time.Nanosecond, maxTime-time.Since(start))
		return &s
	}
	res := &Result{Method: "flagmedian-irls"}
	var runErr error
	note := func(format string, args ...any) {
		res.Notes = append(res.Notes, fmt.Sprintf(format, args...))
	}
	add := func(r *Result) {
		res.FuncEvals += r.FuncEvals
		res.GradEvals += r.GradEvals
		res.HessEvals += r.HessEvals
	}
	// The start: Init or the weighted chordal flag mean.
	var y []float64
	if o.Init != nil {
		y = append([]float64(nil), o.Init...)
		note("start: FlagOptions.Init")
	} else {
		y0, _, err := f.startPoint(nil)
		if err != nil {
			return nil, err
		}
		r, err := f.solve(ctx, y0, inner())
		if r == nil {
			return nil, err
		}
		add(r)
		y = r.X
		note("start: the chordal flag mean (%v)", r.Status)
		if err != nil {
			res.X, res.Status = y, r.Status
			res.F, res.GradNorm = f.medianObjective(y, eps, nil)
			res.Runtime = time.Since(start)
			return res, err
		}
	}
	d := make([]float64, len(f.pts))
	dt := make([]float64, len(f.pts))
	beta := make([]float64, len(f.pts))
	g, gn := f.medianObjective(y, eps, d)
	record := func(it int, step float64) error {
		if o.Recorder == nil {
			return nil
		}
		return o.Recorder.Record(Iteration{
			Iter: it, X: y, F: g, GradNorm: gn, Step: step, StepSize: step,
			FuncEvals: res.FuncEvals, GradEvals: res.GradEvals, HessEvals: res.HessEvals,
			Elapsed: time.Since(start),
		})
	}
	stop := func(err error) bool {
		if err == nil {
			return false
		}
		res.Status = Stopped
		if !errors.Is(err, ErrStop) {
			runErr = fmt.Errorf("optim: recorder: %w", err)
		}
		return true
	}
	// The weights of the next solve, w_j/max(d_j, ε); a point at y itself
	// (d_j ≤ min(ε, 1e-12)) is left out, as in the modified Weiszfeld step
	// of Vardi & Zhang (2000): y is then a data point that is not a median
	// (or the run would have stopped), and its own weight would pin the
	// solve to it.
	coin := math.Min(eps, 1e-12)
	weights4 := func(d []float64) {
		var s float64
		for j, dj := range d {
			beta[j] = 0
			if dj > coin {
				beta[j] = f.w[j] / math.Max(dj, eps)
			}
			s += beta[j]
		}
		if s > 0 {
			f.setWeights(beta)
		}
	}
	weights4(d)
	if stop(record(0, 0)) {
		return finishMedian(res, runErr, f, y, g, gn, eps, o.OrientSigns, start)
	}
	tried := -1
	for res.Status == NotTerminated {
		if gn == 0 {
			// The least-norm subgradient vanishes: y is a median (a data
			// point whose weight outweighs the pull of the others).
			res.Status = GradientConverged
			break
		}
		if err := ctx.Err(); err != nil {
			res.Status, runErr = Canceled, err
			break
		}
		if maxTime > 0 && time.Since(start) >= maxTime {
			res.Status = TimeLimit
			break
		}
		if res.Iterations >= maxIter {
			res.Status = IterationLimit
			break
		}
		if j := dominant(f.beta); j >= 0 && j != tried {
			// One point carries most of the weight: y is close to it, and
			// the median may be that point, which the reweighting would
			// approach only linearly. Try the point itself (once).
			tried = j
			gs, gns := f.medianObjective(f.pts[j], eps, dt)
			if gs <= g {
				step := f.dist(y, f.pts[j])
				y = append([]float64(nil), f.pts[j]...)
				g, gn = gs, gns
				d, dt = dt, d
				res.Iterations++
				if stop(record(res.Iterations, step)) {
					break
				}
				weights4(d)
				continue
			}
		}
		r, err := f.solve(ctx, y, inner())
		if r == nil {
			return nil, err
		}
		add(r)
		if r.Status == Canceled || r.Status == Stopped {
			// Cancellation or the inner Recorder: stop with the last
			// complete iterate.
			res.Status, runErr = r.Status, err
			break
		}
		if !r.Status.Converged() {
			note("reweighting step %d: the weighted solve stopped with status %q", res.Iterations+1, r.Status)
		}
		if r.Iterations == 0 {
			// y is a fixed point of the reweighting (its weighted solve
			// is already converged there): converged.
			res.Status = CostConverged
			break
		}
		gt, gnt := f.medianObjective(r.X, eps, dt)
		if !(gt < g) {
			note("reweighting step %d did not decrease the median objective (%.17g → %.17g); the previous iterate is returned", res.Iterations+1, g, gt)
			res.Status = CostConverged
			break
		}
		step := f.dist(y, r.X)
		dec := g - gt
		y, g, gn = r.X, gt, gnt
		d, dt = dt, d
		res.Iterations++
		// Keep β of the solve that produced y for the orientation, and
		// compute the next weights only when continuing.
		if stop(record(res.Iterations, step)) {
			break
		}
		if dec <= relTol*g {
			res.Status = CostConverged
			break
		}
		weights4(d)
	}
	return finishMedian(res, runErr, f, y, g, gn, eps, o.OrientSigns, start)
}

// finishMedian completes the Result of FlagMedian. The orientation uses
// the weights w_j/max(d_j, ε) at the final iterate (those of a further
// reweighting step, the point at y itself included).
func finishMedian(res *Result, err error, f *flagData, y []float64, g, gn float64, eps float64, orient bool, start time.Time) (*Result, error) {
	if orient {
		d := make([]float64, len(f.pts))
		f.dists(d, y)
		for j, dj := range d {
			d[j] = f.w[j] / math.Max(dj, eps)
		}
		f.setWeights(d)
		f.orient(y)
	}
	res.X, res.F, res.GradNorm = y, g, gn
	res.Runtime = time.Since(start)
	return res, err
}

// medianObjective returns G(y) = Σ_j w_j d_j and the norm of the
// least-norm subgradient of G at y, writing the distances d_j into d (if d
// is not nil). The gradient of d_j at y is grad(d_j²)/(2d_j), with
// ∇(d_j²) = −2[X_iX_iᵀY_i]_i, converted and made horizontal as in the
// mean's problem; distances ≤ min(eps, 1e-12) count as zero (a
// subdifferential of radius w_j).
func (f *flagData) medianObjective(y []float64, eps float64, d []float64) (g, gn float64) {
	N := len(f.pts)
	if d == nil {
		d = make([]float64, N)
	}
	f.dists(d, y)
	// Points this close count as coinciding with y (whatever the floor
	// eps of the weights, which may be much larger).
	coin := math.Min(eps, 1e-12)
	var z float64
	beta := make([]float64, N)
	for j, dj := range d {
		g += f.w[j] * dj
		if dj <= coin {
			z += f.w[j]
			continue
		}
		beta[j] = f.w[j] / dj
	}
	var s float64
	for _, b := range beta {
		s += b
	}
	if s == 0 {
		return g, 0
	}
	// Σ_j (w_j/d_j)·(−[X_iX_iᵀY_i]_i) = −s·P̂Y with P̂ the products with
	// the normalised weights β/s.
	saved := append([]float64(nil), f.beta...)
	f.setWeights(beta)
	np := f.n * f.p
	eg := make([]float64, np)
	w := make([]float64, f.wlen)
	f.dtv(w, y)
	f.weigh(w, w)
	f.dw(eg, w, -s)
	copy(f.beta, saved)
	f.cok = false
	rg := make([]float64, np)
	f.st.EGradToRGrad(rg, y, eg)
	f.horizontal(rg, y, rg)
	return g, math.Max(0, f.st.Norm(y, rg)-z)
}

// dominant returns the index of the weight that is at least half of the
// total (normalised) weight, or −1.
func dominant(beta []float64) int {
	for j, b := range beta {
		if b >= 0.5 {
			return j
		}
	}
	return -1
}
