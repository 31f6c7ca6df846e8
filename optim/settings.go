package optim

import (
	"fmt"
	"math"
	"math/rand/v2"
	"time"
)

// Default values of the Settings fields; a zero field means its default.
const (
	// DefaultGradTol is the default Riemannian gradient-norm tolerance, the
	// tolgradnorm of Manopt (Boumal et al. 2014).
	DefaultGradTol = 1e-6
	// DefaultCostRelTol is the default relative cost-change tolerance: the
	// best cost must fall by more than about five units in the last place
	// over DefaultCostWindow iterations, or the run is declared stalled.
	DefaultCostRelTol = 1e-15
	// DefaultCostWindow is the default number of iterations over which the
	// cost change is measured (a window, as in gonum/optimize's
	// FunctionConverge, rather than one step, so that a single short step
	// does not end a run).
	DefaultCostWindow = 50
	// DefaultMinStep is the default step-size floor, Manopt's minstepsize.
	DefaultMinStep = 1e-10
	// DefaultMaxIterations is the default iteration limit, Manopt's maxiter.
	DefaultMaxIterations = 1000
)

// Settings holds the stopping criteria and instrumentation of a Minimize
// run. The zero value (and a nil *Settings) means the documented defaults.
// For each tolerance and limit a zero value means its default, and a
// negative value switches the criterion off.
//
// After every iteration the criteria are tested in this order, and the first
// that holds stops the run with the Status named:
//
//	‖grad f(x_k)‖_{x_k} ≤ GradTol                         GradientConverged
//	step ‖η_k‖ < MinStep (trust regions: radius Δ_k < MinStep)  StepTolerance
//	f*_{k−W} − f*_k ≤ CostRelTol·|f*_k|, W = CostWindow   CostConverged
//	k ≥ MaxIterations                                     IterationLimit
//	cost evaluations ≥ MaxFuncEvals                       FuncEvaluationLimit
//	gradient evaluations ≥ MaxGradEvals                   GradEvaluationLimit
//	elapsed time ≥ MaxTime                                TimeLimit
//	ctx.Done() closed                                     Canceled
//
// where f*_k is the best cost among x_0, …, x_k. Evaluation limits are
// checked between iterations, so a line search may overshoot them by a few
// evaluations; cancellation and the time limit are also checked inside line
// searches and the inner truncated-CG loop of TrustRegion.
//
// The stochastic methods (SGD, Adam) only use GradTol (on the full gradient,
// every EvalEvery iterations when they evaluate it) and the limits; the cost
// and step criteria do not apply to them.
type Settings struct {
	// GradTol is the tolerance on the Riemannian gradient norm
	// ‖grad f(x)‖_x (in the manifold's metric). Default DefaultGradTol (1e-6).
	GradTol float64
	// CostRelTol is the relative cost-change tolerance. Default
	// DefaultCostRelTol (1e-15), which only detects a true stall.
	CostRelTol float64
	// CostWindow is the number of iterations W over which the cost change
	// is measured. Default DefaultCostWindow (50).
	CostWindow int
	// MinStep is the step-size floor. Default DefaultMinStep (1e-10).
	MinStep float64
	// MaxIterations limits the number of iterations (outer iterations for
	// TrustRegion, steps for SGD and Adam). Default DefaultMaxIterations
	// (1000).
	MaxIterations int
	// MaxFuncEvals limits the number of cost evaluations. Default: no limit.
	MaxFuncEvals int
	// MaxGradEvals limits the number of gradient evaluations (full or
	// stochastic). Default: no limit.
	MaxGradEvals int
	// MaxTime limits the wall-clock time of the run. Default: no limit.
	MaxTime time.Duration

	// Recorder, if not nil, is called with the starting point and after
	// every iteration; see Recorder.
	Recorder Recorder

	// Rand is the source of randomness of the stochastic methods: it is
	// handed to Problem.StochasticGrad. Default: a PCG generator seeded
	// with (1, 2), so that runs are reproducible. Minimize draws from it,
	// so it must not be used concurrently elsewhere during the run.
	Rand *rand.Rand
}

// resolved is Settings with the defaults filled in; an off criterion is
// represented by a negative tolerance or a limit of math.MaxInt.
type resolved struct {
	gradTol    float64 // < 0: off
	costRelTol float64 // < 0: off
	costWindow int
	minStep    float64 // < 0: off
	maxIter    int
	maxFunc    int
	maxGrad    int
	maxTime    time.Duration // 0: off
	rec        Recorder
	rng        *rand.Rand
}

func resolveSettings(s *Settings) (resolved, error) {
	var z Settings
	if s == nil {
		s = &z
	}
	r := resolved{rec: s.Recorder, rng: s.Rand}
	var err error
	if r.gradTol, err = resolveTol("GradTol", s.GradTol, DefaultGradTol); err != nil {
		return r, err
	}
	if r.costRelTol, err = resolveTol("CostRelTol", s.CostRelTol, DefaultCostRelTol); err != nil {
		return r, err
	}
	if r.minStep, err = resolveTol("MinStep", s.MinStep, DefaultMinStep); err != nil {
		return r, err
	}
	r.costWindow = s.CostWindow
	switch {
	case r.costWindow == 0:
		r.costWindow = DefaultCostWindow
	case r.costWindow < 0:
		r.costRelTol = -1
		r.costWindow = 1
	}
	r.maxIter = resolveLimit(s.MaxIterations, DefaultMaxIterations)
	r.maxFunc = resolveLimit(s.MaxFuncEvals, math.MaxInt)
	r.maxGrad = resolveLimit(s.MaxGradEvals, math.MaxInt)
	if s.MaxTime > 0 {
		r.maxTime = s.MaxTime
	}
	if r.rng == nil {
		r.rng = rand.New(rand.NewPCG(1, 2))
	}
	return r, nil
}

func resolveTol(name string, v, def float64) (float64, error) {
	switch {
	case math.IsNaN(v) || math.IsInf(v, 1):
		return 0, fmt.Errorf("optim: Settings.%s is %v", name, v)
	case v == 0:
		return def, nil
	case v < 0:
		return -1, nil
	}
	return v, nil
}

func resolveLimit(v, def int) int {
	switch {
	case v == 0:
		return def
	case v < 0:
		return math.MaxInt
	}
	return v
}
