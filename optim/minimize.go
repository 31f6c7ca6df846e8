package optim

import (
	"github.com/geodesic-go/geodesic/internal/linalg"

	"context"
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"time"

	"github.com/geodesic-go/geodesic/manifold"
)

// Method is a Riemannian optimisation algorithm for Minimize: one of
// *SteepestDescent, *ConjugateGradient, *LBFGS, *TrustRegion, *SGD and *Adam.
// The interface has unexported methods, so the set of methods is closed.
//
// A Method value holds configuration only as far as Minimize is concerned:
// Minimize never modifies it, and one value may be used by several
// concurrent Minimize calls. (SGD and Adam also carry the state of their
// Step method, which Minimize neither uses nor changes.)
type Method interface {
	// String returns the method's short name, e.g. "lbfgs" or "cg-hz".
	String() string

	// prepare checks the configuration against the problem and allocates
	// the method's workspace for one run.
	prepare(r *runner) error
	// run iterates until r.next reports a stop or the method sets one.
	run(r *runner)
}

// Minimize minimises p.Cost over the manifold m from x0 with the given method
// and returns the result.
//
// A nil s means the default Settings; a nil method means &LBFGS{}. x0 must
// be a point of m (m.CheckPoint(x0) == nil) with length r·c, r, c = m.Shape();
// it is not modified.
//
// Minimize validates its input and returns an error, never panics, when it is
// wrong: a nil manifold or Cost, a missing gradient, x0 of the wrong length
// or off the manifold, a non-finite cost or gradient at x0, invalid settings
// or method parameters. The error names what is wrong and wraps, where there
// is one, the *manifold.CheckError. The Result is then nil.
//
// Once the run has started the Result is never nil. A NaN returned by the
// problem's functions during the run stops it with Status NotFinite and the
// last finite iterate. If ctx is canceled (or its deadline passes) the run
// stops at the next check, within one iteration or one inner step, with
// Status Canceled and the best point found so far, and Minimize returns that
// Result together with ctx.Err(), so that callers who only test the error
// notice the interruption. A Recorder error is returned likewise (ErrStop
// excepted, which gives a nil error). Every other way of stopping, including
// the limits of Settings, returns a nil error: consult Result.Status.
//
// The work is done on the calling goroutine; Minimize allocates its
// workspace once per call, and the iterations themselves allocate nothing
// beyond what the manifold and the problem's functions allocate.
func Minimize(ctx context.Context, m manifold.Manifold, p Problem, x0 []float64, s *Settings, method Method) (*Result, error) {
	start := time.Now()
	if ctx == nil {
		ctx = context.Background()
	}
	if m == nil {
		return nil, errors.New("optim: nil manifold")
	}
	if method == nil {
		method = &LBFGS{}
	}
	set, err := resolveSettings(s)
	if err != nil {
		return nil, err
	}
	if p.Cost == nil {
		return nil, errors.New("optim: Problem.Cost is nil")
	}
	rows, cols := m.Shape()
	n := rows * cols
	if len(x0) != n {
		return nil, fmt.Errorf("optim: len(x0) = %d, but a point of %s has %d×%d = %d entries", len(x0), name(m), rows, cols, n)
	}
	if err := m.CheckPoint(x0); err != nil {
		return nil, fmt.Errorf("optim: x0 is not a point of %s: %w", name(m), err)
	}
	r := &runner{
		ctx:    ctx,
		m:      m,
		p:      p,
		set:    set,
		n:      n,
		start:  start,
		method: method.String(),
		rng:    set.rng,
	}
	r.x = append([]float64(nil), x0...)
	if err := method.prepare(r); err != nil {
		return nil, err
	}
	if !r.stochastic {
		if err := r.init(); err != nil {
			return nil, err
		}
		if r.status == NotTerminated {
			method.run(r)
		}
	} else {
		method.run(r)
		if r.initErr != nil {
			return nil, r.initErr
		}
	}
	return r.result(), r.err
}

func name(m manifold.Manifold) string {
	if s, ok := m.(fmt.Stringer); ok {
		return s.String()
	}
	return fmt.Sprintf("%T", m)
}

// runner is the state of one Minimize call shared by all methods: the
// problem, the settings, the current iterate, the counters and the stopping
// logic.
type runner struct {
	ctx    context.Context
	m      manifold.Manifold
	p      Problem
	set    resolved
	n      int
	start  time.Time
	method string
	rng    *rand.Rand

	// The current iterate x, its cost f, Riemannian gradient g with norm
	// gnorm, and Euclidean gradient eg (nil when the problem has RGrad).
	x, g, eg []float64
	f, gnorm float64

	iter, fevals, gevals, hevals int

	status  Status
	err     error // returned by Minimize with the result
	initErr error // a validation error found by a stochastic method's run
	notes   []string

	// stochastic methods run their own start-up (see sgd.go).
	stochastic bool

	// The best cost so far and, when trackBest, its point and gradient norm.
	bestF     float64
	trackBest bool
	bx        []float64
	bgn       float64

	// hist[k mod len] is the best cost after iteration k, for CostRelTol.
	hist []float64
}

// newVec returns a zeroed vector of the point length.
func (r *runner) newVec() []float64 { return make([]float64, r.n) }

// newEVec returns a vector for a Euclidean gradient, or nil if the problem's
// gradient is Riemannian.
func (r *runner) newEVec() []float64 {
	if r.p.RGrad != nil {
		return nil
	}
	return make([]float64, r.n)
}

// needGradient returns an error if the problem has no deterministic gradient.
func (r *runner) needGradient(method string) error {
	if r.p.Grad == nil && r.p.RGrad == nil {
		return fmt.Errorf("optim: %s needs a gradient, but Problem.Grad and Problem.RGrad are both nil", method)
	}
	return nil
}

// cost returns f(x), counting the evaluation.
func (r *runner) cost(x []float64) float64 {
	r.fevals++
	return r.p.Cost(x)
}

// gradient writes grad f(x) into g and, when the problem's gradient is
// Euclidean, ∇f̄(x) into eg. It reports whether every entry is finite.
func (r *runner) gradient(g, eg, x []float64) bool {
	r.gevals++
	if r.p.RGrad != nil {
		r.p.RGrad(g, x)
		return linalg.AllFinite(g)
	}
	r.p.Grad(eg, x)
	if !linalg.AllFinite(eg) {
		return false
	}
	r.m.EGradToRGrad(g, x, eg)
	return linalg.AllFinite(g)
}

// init evaluates the starting point of a deterministic method, records
// iteration 0 and checks whether x0 already satisfies the gradient tolerance.
func (r *runner) init() error {
	r.f = r.cost(r.x)
	if math.IsNaN(r.f) || math.IsInf(r.f, 0) {
		return fmt.Errorf("optim: the cost at x0 is %v", r.f)
	}
	if r.g == nil {
		r.g = r.newVec()
		r.eg = r.newEVec()
	}
	if !r.gradient(r.g, r.eg, r.x) {
		return errors.New("optim: the gradient at x0 has a NaN or infinite entry")
	}
	r.gnorm = r.m.Norm(r.x, r.g)
	if math.IsNaN(r.gnorm) || math.IsInf(r.gnorm, 0) {
		return fmt.Errorf("optim: the gradient norm at x0 is %v", r.gnorm)
	}
	r.startHistory()
	r.record(0, 0)
	if r.status != NotTerminated {
		return nil
	}
	if r.set.gradTol >= 0 && r.gnorm <= r.set.gradTol {
		r.status = GradientConverged
		return nil
	}
	r.interrupted()
	return nil
}

// startHistory sets up the best-cost bookkeeping at the starting point.
func (r *runner) startHistory() {
	r.bestF = r.f
	if r.trackBest {
		r.bx = append(r.bx[:0], r.x...)
		r.bgn = r.gnorm
	}
	if r.set.costRelTol >= 0 {
		r.hist = make([]float64, r.set.costWindow+1)
		r.hist[0] = r.f
	}
}

// record passes the current iterate to the Recorder; a Recorder error stops
// the run.
func (r *runner) record(step, stepSize float64) {
	if r.set.rec == nil {
		return
	}
	err := r.set.rec.Record(Iteration{
		Iter:      r.iter,
		X:         r.x,
		F:         r.f,
		GradNorm:  r.gnorm,
		Step:      step,
		StepSize:  stepSize,
		FuncEvals: r.fevals,
		GradEvals: r.gevals,
		HessEvals: r.hevals,
		Elapsed:   time.Since(r.start),
	})
	if err != nil {
		r.status = Stopped
		if !errors.Is(err, ErrStop) {
			r.err = fmt.Errorf("optim: recorder: %w", err)
		}
	}
}

// next completes an iteration of a deterministic method, after the method
// has updated x, f, g and gnorm: it counts the iteration, records it and
// tests the stopping criteria. step is the norm of the accepted step (0 for
// a rejected trust-region step); floor is the quantity compared with MinStep
// (the step for line-search methods, the new radius for trust regions).
// It reports whether the run must stop.
func (r *runner) next(step, stepSize, floor float64) bool {
	r.iter++
	if r.f < r.bestF {
		r.bestF = r.f
		if r.trackBest {
			copy(r.bx, r.x)
			r.bgn = r.gnorm
		}
	}
	r.record(step, stepSize)
	if r.status != NotTerminated {
		return true
	}
	s := &r.set
	switch {
	case s.gradTol >= 0 && r.gnorm <= s.gradTol:
		r.status = GradientConverged
	case s.minStep >= 0 && floor < s.minStep:
		r.status = StepTolerance
	case r.costStalled():
		r.status = CostConverged
	case r.iter >= s.maxIter:
		r.status = IterationLimit
	case r.fevals >= s.maxFunc:
		r.status = FuncEvaluationLimit
	case r.gevals >= s.maxGrad:
		r.status = GradEvaluationLimit
	default:
		return r.interrupted()
	}
	return true
}

// costStalled records the best cost of this iteration and reports whether it
// improved by no more than CostRelTol·|f*| over the last CostWindow
// iterations.
func (r *runner) costStalled() bool {
	if r.hist == nil {
		return false
	}
	w := len(r.hist)
	r.hist[r.iter%w] = r.bestF
	if r.iter < w-1 {
		return false
	}
	old := r.hist[(r.iter+1)%w] // iteration iter − CostWindow
	return old-r.bestF <= r.set.costRelTol*math.Abs(r.bestF)
}

// interrupted checks the context and the time limit, setting the status if
// either requires a stop.
func (r *runner) interrupted() bool {
	if err := r.ctx.Err(); err != nil {
		r.status = Canceled
		r.err = err
		return true
	}
	if r.set.maxTime > 0 && time.Since(r.start) >= r.set.maxTime {
		r.status = TimeLimit
		return true
	}
	return false
}

// evalLimited reports whether an evaluation limit has been reached, for the
// inner loops that must not run far past one.
func (r *runner) evalLimited() bool {
	return r.fevals >= r.set.maxFunc || r.gevals >= r.set.maxGrad
}

// stationary reports, at the start of an iteration, whether the gradient is
// exactly zero, in which case no direction exists and the run stops with
// GradientConverged (whatever GradTol, which may be switched off).
func (r *runner) stationary() bool {
	if r.gnorm == 0 {
		r.status = GradientConverged
		return true
	}
	return false
}

// fail stops the run with status s unless a status is already set.
func (r *runner) fail(s Status) {
	if r.status == NotTerminated {
		r.status = s
	}
}

// result assembles the Result.
func (r *runner) result() *Result {
	res := &Result{
		X:          append([]float64(nil), r.x...),
		F:          r.f,
		GradNorm:   r.gnorm,
		Status:     r.status,
		Method:     r.method,
		Iterations: r.iter,
		FuncEvals:  r.fevals,
		GradEvals:  r.gevals,
		HessEvals:  r.hevals,
		Notes:      r.notes,
	}
	if r.trackBest && r.status != GradientConverged && r.bestF < r.f {
		copy(res.X, r.bx)
		res.F = r.bestF
		res.GradNorm = r.bgn
	}
	res.Runtime = time.Since(r.start)
	return res
}
