package optim

import (
	"errors"
	"time"
)

// Iteration describes one iteration of a Minimize run, as seen by a
// Recorder. Iteration 0 is the starting point.
type Iteration struct {
	// Iter is the iteration number, 0 for the starting point.
	Iter int
	// X is the current iterate. It is the solver's own storage: valid only
	// during the Record call and not to be modified; copy it to keep it.
	X []float64
	// F is the cost f(X). The stochastic methods evaluate it only every
	// EvalEvery iterations; at the others it is NaN.
	F float64
	// GradNorm is ‖grad f(X)‖_X. For the stochastic methods it is the norm
	// of the full gradient at the iterations where they evaluate it, and
	// the norm of the stochastic gradient used by the step otherwise.
	GradNorm float64
	// Step is the norm ‖η‖ of the tangent vector retracted to reach X
	// (0 at iteration 0 and after a rejected trust-region step).
	Step float64
	// StepSize is the line-search step t (η = t·d), the learning rate of
	// SGD and Adam, or the trust-region radius Δ used by the iteration.
	StepSize float64
	// FuncEvals, GradEvals and HessEvals are the evaluation counts so far.
	FuncEvals, GradEvals, HessEvals int
	// Elapsed is the time since Minimize was called.
	Elapsed time.Duration
}

// Recorder observes a Minimize run: Record is called with the starting point
// (Iter = 0) and after every iteration, on the goroutine that called
// Minimize. If Record returns ErrStop the run stops with Status Stopped and
// Minimize returns a nil error; any other non-nil error also stops the run
// with Status Stopped, and Minimize returns that error (wrapped) with the
// result.
type Recorder interface {
	Record(it Iteration) error
}

// ErrStop is returned by a Recorder to stop a run cleanly.
var ErrStop = errors.New("optim: stop requested by the recorder")

// RecorderFunc adapts a function to the Recorder interface.
type RecorderFunc func(it Iteration) error

// Record calls f(it).
func (f RecorderFunc) Record(it Iteration) error { return f(it) }

// History is a Recorder that keeps every Iteration it sees. Its X fields are
// nil unless KeepX is set, in which case each holds a copy of the iterate.
// Use a new History (or set Iterations to nil) for each run.
type History struct {
	// KeepX makes Record keep a copy of every iterate.
	KeepX bool
	// Iterations holds the recorded iterations in order.
	Iterations []Iteration
}

// Record appends it (with X copied if KeepX, X = nil otherwise).
func (h *History) Record(it Iteration) error {
	if h.KeepX {
		it.X = append([]float64(nil), it.X...)
	} else {
		it.X = nil
	}
	h.Iterations = append(h.Iterations, it)
	return nil
}

// Costs returns the recorded costs F in order (NaN where not evaluated).
func (h *History) Costs() []float64 {
	out := make([]float64, len(h.Iterations))
	for i, it := range h.Iterations {
		out[i] = it.F
	}
	return out
}

// GradNorms returns the recorded gradient norms in order.
func (h *History) GradNorms() []float64 {
	out := make([]float64, len(h.Iterations))
	for i, it := range h.Iterations {
		out[i] = it.GradNorm
	}
	return out
}
