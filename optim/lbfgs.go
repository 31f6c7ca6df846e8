package optim

import (
	"fmt"
	"math"
)

// LBFGS is the limited-memory Riemannian BFGS method (Huang, Gallivan &
// Absil 2015, "A Broyden class of quasi-Newton methods for Riemannian
// optimization", §7 (LRBFGS); Huang, Absil & Gallivan 2018, "A Riemannian
// BFGS method without differentiated retraction for nonconvex optimization
// problems"; Boumal 2023, §10.6 for the setting).
//
// It keeps the last Memory pairs
//
//	s_i = T(t_i·d_i),   y_i = grad f(x_{i+1}) − T(grad f(x_i)),
//
// transported to the current tangent space at every iteration with the
// manifold's vector transport T, and computes the direction
// d_k = −H_k·grad f(x_k) by the two-loop recursion (Nocedal & Wright 2006,
// Alg. 7.4) with the initial Hessian approximation γ·id,
// γ = ⟨s, y⟩/⟨y, y⟩ of the newest pair. The step t_k satisfies the strong
// Wolfe conditions (c1 = Armijo, c2 = Curvature), starting from t = 1
// (t = 1/‖grad f(x_0)‖ at the first iteration).
//
// The update is cautious (Huang, Absil & Gallivan 2018, after Li &
// Fukushima 2001): a pair is stored only if
//
//	⟨y, s⟩/⟨s, s⟩ ≥ θ·‖grad f(x_k)‖,   θ = Cautious,
//
// which keeps H_k positive definite on nonconvex problems. If transport
// errors ever make d_k a non-descent direction, the memory is cleared and
// d_k = −grad f(x_k).
//
// The zero value is ready to use: Memory 10, c1 = 1e-4, c2 = 0.9,
// θ = 1e-4.
type LBFGS struct {
	// Memory is the number of (s, y) pairs kept; 0 means 10.
	Memory int
	// Armijo is the sufficient-decrease constant c1 ∈ (0, 1/2); 0 means
	// 1e-4.
	Armijo float64
	// Curvature is the strong Wolfe constant c2 ∈ (c1, 1); 0 means 0.9.
	Curvature float64
	// Cautious is the θ of the cautious update; 0 means 1e-4 (the value
	// of Huang, Absil & Gallivan 2018), negative switches the test off
	// (pairs are then stored whenever ⟨y, s⟩ > 0).
	Cautious float64
}

// String returns "lbfgs".
func (o *LBFGS) String() string { return "lbfgs" }

type lbfgsParams struct {
	mem          int
	c1, c2, caut float64
}

func (o *LBFGS) params() (p lbfgsParams, err error) {
	if o == nil {
		return p, errNilMethod
	}
	p.mem = o.Memory
	switch {
	case p.mem == 0:
		p.mem = 10
	case p.mem < 0:
		return p, fmt.Errorf("optim: LBFGS.Memory = %d is negative", o.Memory)
	}
	if p.c1, err = armijoParam("LBFGS.Armijo", o.Armijo); err != nil {
		return p, err
	}
	if p.c2, err = unitParam("LBFGS.Curvature", o.Curvature, 0.9, p.c1, 1); err != nil {
		return p, err
	}
	p.caut = o.Cautious
	switch {
	case math.IsNaN(p.caut) || math.IsInf(p.caut, 0):
		return p, fmt.Errorf("optim: LBFGS.Cautious = %v", o.Cautious)
	case p.caut == 0:
		p.caut = 1e-4
	case p.caut < 0:
		p.caut = 0
	}
	return p, nil
}

func (o *LBFGS) prepare(r *runner) error {
	if _, err := o.params(); err != nil {
		return err
	}
	return r.needGradient("L-BFGS")
}

func (o *LBFGS) run(r *runner) {
	p, _ := o.params()
	ls := newLineSearch(r, true)
	d := r.newVec()
	gT := r.newVec()
	s := make([][]float64, p.mem)
	y := make([][]float64, p.mem)
	for i := range s {
		s[i], y[i] = r.newVec(), r.newVec()
	}
	rho := make([]float64, p.mem)
	alpha := make([]float64, p.mem)
	sn, yn := r.newVec(), r.newVec() // the candidate pair
	count, newest := 0, -1           // stored pairs; index of the newest
	slot := func(j int) int {        // j-th newest pair, j = 0 is the newest
		return ((newest-j)%p.mem + p.mem) % p.mem
	}
	for {
		if r.stationary() {
			return
		}
		// Two-loop recursion: d = −H·g.
		copy(d, r.g)
		for j := 0; j < count; j++ {
			i := slot(j)
			alpha[i] = rho[i] * r.m.Inner(r.x, s[i], d)
			axpy(d, -alpha[i], y[i])
		}
		if count > 0 {
			i := slot(0)
			gamma := 1 / (rho[i] * r.m.Inner(r.x, y[i], y[i]))
			scaleTo(d, gamma, d)
		}
		for j := count - 1; j >= 0; j-- {
			i := slot(j)
			b := rho[i] * r.m.Inner(r.x, y[i], d)
			axpy(d, alpha[i]-b, s[i])
		}
		scaleTo(d, -1, d)
		r.m.Proj(d, r.x, d) // see the package documentation, "Numerics"
		dphi0 := r.m.Inner(r.x, r.g, d)
		dnorm := r.m.Norm(r.x, d)
		t0 := 1.0
		if !(dphi0 < 0) || !finite(dnorm) || count == 0 {
			count, newest = 0, -1
			scaleTo(d, -1, r.g)
			r.m.Proj(d, r.x, d)
			dphi0 = r.m.Inner(r.x, r.g, d)
			dnorm = r.m.Norm(r.x, d)
			t0 = 1 / dnorm
			if !(dphi0 < 0 && dnorm > 0) { // −grad f underflowed
				r.fail(LineSearchFailed)
				return
			}
		}
		t, ok := ls.wolfe(d, dnorm, dphi0, t0, p.c1, p.c2)
		if !ok {
			return
		}
		gkNorm := r.gnorm
		// Transport the memory and the old gradient to the new point.
		r.m.Transport(gT, r.x, ls.xt, r.g)
		for j := 0; j < count; j++ {
			i := slot(j)
			r.m.Transport(s[i], r.x, ls.xt, s[i])
			r.m.Transport(y[i], r.x, ls.xt, y[i])
		}
		r.x, ls.xt = ls.xt, r.x
		r.g, ls.gt = ls.gt, r.g
		r.eg, ls.egt = ls.egt, r.eg
		r.f = ls.ft
		r.gnorm = r.m.Norm(r.x, r.g)
		// The new pair; if kept it takes the slot after the newest (the
		// oldest pair's when the memory is full).
		scaleTo(sn, t, ls.dt)
		lincomb(yn, 1, r.g, -1, gT)
		sy := r.m.Inner(r.x, sn, yn)
		ss := r.m.Inner(r.x, sn, sn)
		if sy > 0 && ss > 0 && sy/ss >= p.caut*gkNorm && finite(sy) && finite(ss) {
			next := (newest + 1) % p.mem
			s[next], sn = sn, s[next]
			y[next], yn = yn, y[next]
			rho[next] = 1 / sy
			newest = next
			if count < p.mem {
				count++
			}
		}
		step := t * dnorm
		if r.next(step, t, step) {
			return
		}
	}
}
