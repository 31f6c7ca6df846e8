package optim

import (
	"fmt"
	"math"
)

// InitialStep selects how SteepestDescent and ConjugateGradient choose the
// first trial step t⁰_k of the line search along d_k at iteration k ≥ 1. At
// k = 0 the first trial is the unit-length step t⁰_0 = 1/‖d_0‖.
type InitialStep int

const (
	// DefaultStep is the zero value: the method's default rule
	// (BarzilaiBorwein for SteepestDescent, PreviousStep for
	// ConjugateGradient).
	DefaultStep InitialStep = iota
	// BarzilaiBorwein uses the alternating Barzilai–Borwein step with
	// s = T(t_{k−1}d_{k−1}) and y = grad f(x_k) − T(grad f(x_{k−1})),
	// transported to x_k:
	//
	//	t⁰_k = ⟨s, s⟩/⟨s, y⟩ (k odd),   t⁰_k = ⟨s, y⟩/⟨y, y⟩ (k even),
	//
	// for d_k = −grad f(x_k) (Barzilai & Borwein 1988; Dai & Fletcher 2005
	// for the alternation; Iannazzo & Porcelli 2018 for manifolds). For
	// other directions the BB value τ is an inverse curvature, and the
	// step is that of the model with Hessian τ⁻¹·I along d_k:
	// t⁰_k = τ·(−φ'_k(0))/‖d_k‖². When ⟨s, y⟩ ≤ 0 it falls back to
	// PreviousStep.
	BarzilaiBorwein
	// PreviousStep starts from the previous accepted step, doubled when
	// the previous search accepted its first trial so that the step can
	// grow (the adaptive rule of Manopt's linesearch_adaptive):
	//
	//	t⁰_k = t_{k−1}, or 2·t_{k−1} if t_{k−1} = t⁰_{k−1}.
	PreviousStep
	// QuadraticInterpolation takes the minimiser of the quadratic through
	// f(x_k), φ'_k(0) and the previous decrease (Nocedal & Wright 2006,
	// eq. 3.60):
	//
	//	t⁰_k = 1.01·2(f(x_k) − f(x_{k−1}))/φ'_k(0),
	//
	// where φ'_k(0) = ⟨grad f(x_k), d_k⟩, falling back to PreviousStep
	// when the cost did not decrease.
	QuadraticInterpolation
)

// String returns the rule's name.
func (s InitialStep) String() string {
	switch s {
	case DefaultStep:
		return "default"
	case BarzilaiBorwein:
		return "Barzilai–Borwein"
	case PreviousStep:
		return "previous step"
	case QuadraticInterpolation:
		return "quadratic interpolation"
	}
	return fmt.Sprintf("InitialStep(%d)", int(s))
}

func (s InitialStep) valid() bool { return s >= DefaultStep && s <= QuadraticInterpolation }

// stepRule carries what the initial-step rules remember between iterations.
type stepRule struct {
	kind InitialStep
	k    int // iteration index of the coming line search

	t, f  float64 // accepted step and cost of the previous iteration
	first bool    // the previous search accepted its first trial

	// Barzilai–Borwein inner products of the last pair (s, y), at x_k.
	ss, sy, yy float64
	bbOK       bool
}

// initial returns t⁰_k for a direction of norm dnorm with φ'_k(0) = dphi0 at
// cost f.
func (s *stepRule) initial(dnorm, dphi0, f float64) float64 {
	if s.k == 0 || !(s.t > 0) {
		return 1 / dnorm
	}
	prev := s.t // PreviousStep
	if s.first {
		prev *= 2
	}
	t := prev
	switch s.kind {
	case BarzilaiBorwein:
		if s.bbOK {
			if s.k%2 == 1 {
				t = s.ss / s.sy
			} else {
				t = s.sy / s.yy
			}
			t *= -dphi0 / (dnorm * dnorm)
		}
	case QuadraticInterpolation:
		if df := f - s.f; df < 0 {
			t = 1.01 * 2 * df / dphi0
		}
	}
	if !(t > 0) || math.IsInf(t, 1) {
		t = prev
	}
	if !(t > 0) || math.IsInf(t, 1) {
		t = 1 / dnorm
	}
	return t
}

// accepted stores the outcome of iteration k's line search: the accepted
// step t, the first trial t0 and the cost f at the start of the search.
func (s *stepRule) accepted(t, t0, f float64) {
	s.t, s.f, s.first = t, f, t == t0
	s.k++
}

// setBB stores the Barzilai–Borwein inner products ⟨s, s⟩, ⟨s, y⟩, ⟨y, y⟩.
func (s *stepRule) setBB(ss, sy, yy float64) {
	s.ss, s.sy, s.yy = ss, sy, yy
	s.bbOK = sy > 0 && yy > 0 && ss > 0 && finite(ss) && finite(sy) && finite(yy)
}
