package optim

import "strconv"

// Status says why a run of Minimize stopped.
type Status int

// The reasons a run stops. GradientConverged is the only one that certifies
// the result (‖grad f(X)‖ ≤ Settings.GradTol); CostConverged and
// StepTolerance say that progress stalled; the others are limits, failures
// or interruptions, after which Result.X is the best point found so far.
const (
	// NotTerminated is the zero value; a returned Result never has it.
	NotTerminated Status = iota
	// GradientConverged: the Riemannian gradient norm fell to
	// Settings.GradTol or below.
	GradientConverged
	// CostConverged: over the last Settings.CostWindow iterations the best
	// cost decreased by no more than Settings.CostRelTol·|f|.
	CostConverged
	// StepTolerance: the accepted step (line-search methods) or the
	// trust-region radius (TrustRegion) fell below Settings.MinStep.
	StepTolerance
	// IterationLimit: Settings.MaxIterations iterations were done.
	IterationLimit
	// FuncEvaluationLimit: Settings.MaxFuncEvals cost evaluations were done.
	FuncEvaluationLimit
	// GradEvaluationLimit: Settings.MaxGradEvals gradient evaluations were
	// done.
	GradEvaluationLimit
	// TimeLimit: the run took Settings.MaxTime.
	TimeLimit
	// Canceled: the context was canceled or its deadline passed; Minimize
	// then also returns ctx.Err().
	Canceled
	// NotFinite: the cost, a gradient or a Hessian-vector product returned
	// NaN (or a gradient ±Inf) during the run. Result.X is the last
	// iterate at which everything was finite.
	NotFinite
	// LineSearchFailed: the line search found no step satisfying its
	// conditions before its step fell below Settings.MinStep (usually the
	// cost is at its rounding level, or the gradient is wrong).
	LineSearchFailed
	// Stopped: the Recorder asked to stop (returned ErrStop or an error).
	Stopped
)

var statusNames = [...]string{
	NotTerminated:       "not terminated",
	GradientConverged:   "gradient norm below tolerance",
	CostConverged:       "relative cost change below tolerance",
	StepTolerance:       "step size below floor",
	IterationLimit:      "iteration limit reached",
	FuncEvaluationLimit: "cost evaluation limit reached",
	GradEvaluationLimit: "gradient evaluation limit reached",
	TimeLimit:           "time limit reached",
	Canceled:            "context canceled",
	NotFinite:           "non-finite value (NaN or Inf) encountered",
	LineSearchFailed:    "line search failed",
	Stopped:             "stopped by the recorder",
}

// String returns a short English description of the status, e.g.
// "gradient norm below tolerance".
func (s Status) String() string {
	if s >= 0 && int(s) < len(statusNames) {
		return statusNames[s]
	}
	return "Status(" + strconv.Itoa(int(s)) + ")"
}

// Converged reports whether the status certifies a stationary point to the
// requested tolerance (only GradientConverged does) or a stall of the cost
// (CostConverged), as opposed to a limit, an interruption or a failure.
func (s Status) Converged() bool {
	return s == GradientConverged || s == CostConverged
}
