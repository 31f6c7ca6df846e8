package optim

import (
	"fmt"
)

// SteepestDescent is Riemannian steepest descent (gradient descent) with an
// Armijo backtracking line search: d_k = −grad f(x_k) and
//
//	x_{k+1} = R_{x_k}(t_k·d_k),   f(x_{k+1}) ≤ f_ref + c1·t_k·⟨grad f(x_k), d_k⟩,
//
// (Absil, Mahony & Sepulchre 2008, Alg. 1; Boumal 2023, §4.3). The first
// trial step comes from InitialStep, by default the alternating
// Barzilai–Borwein step; the backtracking and its rounding-level safeguard
// are described at the package level.
//
// f_ref is f(x_k) for the monotone search. With Nonmonotone it is the
// Zhang–Hager average (Zhang & Hager 2004)
//
//	C_0 = f(x_0), Q_0 = 1,
//	Q_{k+1} = η·Q_k + 1,   C_{k+1} = (η·Q_k·C_k + f(x_{k+1}))/Q_{k+1},
//
// which lets the BB steps increase the cost now and then and usually saves
// iterations (Iannazzo & Porcelli 2018). η = 0 gives the monotone search,
// η = 1 the average of all costs so far.
//
// The zero value is ready to use: BB initial step, monotone, c1 = 1e-4.
type SteepestDescent struct {
	// InitialStep selects the first trial step; DefaultStep means
	// BarzilaiBorwein.
	InitialStep InitialStep
	// Nonmonotone selects the Zhang–Hager nonmonotone line search.
	Nonmonotone bool
	// Eta is the Zhang–Hager η ∈ [0, 1]; 0 means 0.85 (their recommended
	// value). Used only with Nonmonotone.
	Eta float64
	// Armijo is the sufficient-decrease constant c1 ∈ (0, 1/2); 0 means
	// 1e-4.
	Armijo float64
}

// String returns "sd" or, with Nonmonotone, "sd-nonmonotone".
func (o *SteepestDescent) String() string {
	if o != nil && o.Nonmonotone {
		return "sd-nonmonotone"
	}
	return "sd"
}

func (o *SteepestDescent) params() (init InitialStep, eta, c1 float64, err error) {
	if o == nil {
		return 0, 0, 0, errNilMethod
	}
	init = o.InitialStep
	if !init.valid() {
		return 0, 0, 0, fmt.Errorf("optim: SteepestDescent.InitialStep: unknown value %d", int(init))
	}
	if init == DefaultStep {
		init = BarzilaiBorwein
	}
	eta = o.Eta
	if eta == 0 {
		eta = 0.85
	}
	if !(eta >= 0 && eta <= 1) {
		return 0, 0, 0, fmt.Errorf("optim: SteepestDescent.Eta = %v is not in [0, 1]", o.Eta)
	}
	c1, err = armijoParam("SteepestDescent.Armijo", o.Armijo)
	return init, eta, c1, err
}

func (o *SteepestDescent) prepare(r *runner) error {
	if _, _, _, err := o.params(); err != nil {
		return err
	}
	r.trackBest = o.Nonmonotone
	if r.trackBest {
		r.bx = r.newVec()
	}
	return r.needGradient("steepest descent")
}

func (o *SteepestDescent) run(r *runner) {
	init, eta, c1, _ := o.params()
	ls := newLineSearch(r, false)
	d := r.newVec()
	y := r.newVec()
	rule := stepRule{kind: init}
	c, q := r.f, 1.0 // Zhang–Hager C_k and Q_k
	for {
		if r.stationary() {
			return
		}
		scaleTo(d, -1, r.g)
		r.m.Proj(d, r.x, d) // see the package documentation, "Numerics"
		dnorm := r.m.Norm(r.x, d)
		dphi0 := r.m.Inner(r.x, r.g, d)
		if !(dphi0 < 0 && dnorm > 0) { // −grad f underflowed
			r.fail(LineSearchFailed)
			return
		}
		t0 := rule.initial(dnorm, dphi0, r.f)
		fref := r.f
		if o.Nonmonotone {
			fref = c
		}
		t, ok := ls.backtrack(d, dnorm, dphi0, fref, t0, c1)
		if !ok {
			return
		}
		if !ls.gradDone {
			if !r.gradient(ls.gt, ls.egt, ls.xt) {
				r.fail(NotFinite)
				return
			}
			r.m.Transport(ls.dt, r.x, ls.xt, d)
		}
		rule.accepted(t, t0, r.f)
		// Move to the new point.
		r.x, ls.xt = ls.xt, r.x
		r.g, ls.gt = ls.gt, r.g
		r.eg, ls.egt = ls.egt, r.eg
		r.f = ls.ft
		r.gnorm = r.m.Norm(r.x, r.g)
		// Barzilai–Borwein pair at the new point: with d = −g, T(g_old) =
		// −T(d), so s = t·T(d) and y = g_new + T(d).
		if init == BarzilaiBorwein {
			lincomb(y, 1, r.g, 1, ls.dt)
			ip := r.m.Inner(r.x, ls.dt, ls.dt)
			rule.setBB(t*t*ip, t*r.m.Inner(r.x, ls.dt, y), r.m.Inner(r.x, y, y))
		}
		if o.Nonmonotone {
			qn := eta*q + 1
			c = (eta*q*c + r.f) / qn
			q = qn
		}
		step := t * dnorm
		if r.next(step, t, step) {
			return
		}
	}
}
