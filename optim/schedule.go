package optim

import (
	"fmt"
	"math"
)

// Schedule is a learning-rate schedule for SGD and Adam: the learning rate
// of step k = 0, 1, 2, … is LearningRate·Factor(k). Factor must return a
// finite, nonnegative number. Bonnabel (2013) proves convergence of
// Riemannian SGD for rates with Σ a_k = ∞ and Σ a_k² < ∞, which InverseTime
// with Power ∈ (1/2, 1] satisfies; the others are the usual practical
// choices.
//
// The schedules of this package are small values; a nil Schedule means
// Constant.
type Schedule interface {
	Factor(k int) float64
}

// Constant is the constant schedule, Factor(k) = 1: plain SGD with a fixed
// step, which converges only to a neighbourhood of a minimiser whose size
// grows with the step (Bonnabel 2013).
type Constant struct{}

// Factor returns 1.
func (Constant) Factor(int) float64 { return 1 }

// StepDecay multiplies the rate by Gamma every Every steps, the
// piecewise-constant schedule of much of deep learning (e.g. He, Zhang, Ren
// & Sun 2016, "Deep residual learning", §3.4):
//
//	Factor(k) = Gamma^⌊k/Every⌋.
//
// Zero fields mean Every = 100 and Gamma = 0.1.
type StepDecay struct {
	Every int
	Gamma float64
}

// Factor returns Gamma^⌊k/Every⌋.
func (s StepDecay) Factor(k int) float64 {
	every, gamma := s.params()
	return math.Pow(gamma, float64(k/every))
}

func (s StepDecay) params() (int, float64) {
	every, gamma := s.Every, s.Gamma
	if every <= 0 {
		every = 100
	}
	if gamma == 0 {
		gamma = 0.1
	}
	return every, gamma
}

func (s StepDecay) validate() error {
	if s.Every < 0 {
		return fmt.Errorf("optim: StepDecay.Every = %d is negative", s.Every)
	}
	if !(s.Gamma >= 0 && s.Gamma <= 1) {
		return fmt.Errorf("optim: StepDecay.Gamma = %v is not in [0, 1]", s.Gamma)
	}
	return nil
}

// InverseTime is the inverse-time decay
//
//	Factor(k) = (1 + Decay·k)^(−Power),
//
// which for Power ∈ (1/2, 1] satisfies the step conditions of Robbins &
// Monro (1951) that Bonnabel (2013) uses on manifolds.
// Zero fields mean Decay = 0.01 and Power = 1.
type InverseTime struct {
	Decay float64
	Power float64
}

// Factor returns (1 + Decay·k)^(−Power).
func (s InverseTime) Factor(k int) float64 {
	decay, pow := s.params()
	return math.Pow(1+decay*float64(k), -pow)
}

func (s InverseTime) params() (float64, float64) {
	decay, pow := s.Decay, s.Power
	if decay == 0 {
		decay = 0.01
	}
	if pow == 0 {
		pow = 1
	}
	return decay, pow
}

func (s InverseTime) validate() error {
	if !(s.Decay >= 0) || math.IsInf(s.Decay, 1) {
		return fmt.Errorf("optim: InverseTime.Decay = %v is not a finite nonnegative number", s.Decay)
	}
	if !(s.Power >= 0) || math.IsInf(s.Power, 1) {
		return fmt.Errorf("optim: InverseTime.Power = %v is not a finite nonnegative number", s.Power)
	}
	return nil
}

// Cosine is the cosine annealing of Loshchilov & Hutter (2017, "SGDR"),
// without restarts:
//
//	Factor(k) = Min + (1 − Min)·(1 + cos(π·k/Steps))/2   for k < Steps,
//	Factor(k) = Min                                       for k ≥ Steps.
//
// Zero fields mean Steps = 1000 (the default iteration limit) and Min = 0.
type Cosine struct {
	Steps int
	Min   float64
}

// Factor returns the cosine-annealed factor of step k.
func (s Cosine) Factor(k int) float64 {
	steps := s.Steps
	if steps <= 0 {
		steps = DefaultMaxIterations
	}
	if k >= steps {
		return s.Min
	}
	return s.Min + (1-s.Min)*0.5*(1+math.Cos(math.Pi*float64(k)/float64(steps)))
}

func (s Cosine) validate() error {
	if s.Steps < 0 {
		return fmt.Errorf("optim: Cosine.Steps = %d is negative", s.Steps)
	}
	if !(s.Min >= 0 && s.Min <= 1) {
		return fmt.Errorf("optim: Cosine.Min = %v is not in [0, 1]", s.Min)
	}
	return nil
}

// validateSchedule checks the parameters of the package's schedules.
func validateSchedule(s Schedule) error {
	if v, ok := s.(interface{ validate() error }); ok {
		return v.validate()
	}
	return nil
}

// factor returns s.Factor(k) (1 for a nil s) and an error if it is not a
// finite nonnegative number.
func factor(s Schedule, k int) (float64, error) {
	if s == nil {
		return 1, nil
	}
	f := s.Factor(k)
	if !(f >= 0) || math.IsInf(f, 1) {
		return 0, fmt.Errorf("optim: Schedule.Factor(%d) = %v is not a finite nonnegative number", k, f)
	}
	return f, nil
}
