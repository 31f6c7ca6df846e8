package optim

import (
	"github.com/geodesic-go/geodesic/internal/linalg"

	"errors"
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/manifold"
)

// ErrNotFinite is returned (wrapped) by the Step methods of SGD and Adam
// when the gradient they are given has a NaN or infinite entry; the point
// and the optimiser state are then left unchanged.
var ErrNotFinite = errors.New("optim: gradient has a NaN or infinite entry")

// stochCore is the update rule of a stochastic method, applied to a
// Riemannian gradient.
type stochCore interface {
	// ensure allocates the state for a point of length n of m.
	ensure(m manifold.Manifold, n int)
	// update moves x in place along the rule's direction for the
	// Riemannian gradient rg and learning rate lr, and returns the norm of
	// the retracted tangent vector.
	update(m manifold.Manifold, x, rg []float64, lr float64) float64
}

// stochConfig is the part of the configuration SGD and Adam share.
type stochConfig struct {
	lr, wd    float64
	sched     Schedule
	evalEvery int
}

func resolveStoch(method string, lr, defLR, wd float64, sched Schedule, evalEvery int) (c stochConfig, err error) {
	c.lr = lr
	if c.lr == 0 {
		c.lr = defLR
	}
	if !(c.lr > 0) || math.IsInf(c.lr, 1) {
		return c, fmt.Errorf("optim: %s.LearningRate = %v is not a finite positive number", method, lr)
	}
	if !(wd >= 0) || math.IsInf(wd, 1) {
		return c, fmt.Errorf("optim: %s.WeightDecay = %v is not a finite nonnegative number", method, wd)
	}
	c.wd = wd
	if err := validateSchedule(sched); err != nil {
		return c, err
	}
	c.sched = sched
	if evalEvery < 0 {
		return c, fmt.Errorf("optim: %s.EvalEvery = %d is negative", method, evalEvery)
	}
	c.evalEvery = evalEvery
	return c, nil
}

// stepper holds what the Step methods of SGD and Adam need besides the
// rule's state: the point length and scratch space.
type stepper struct {
	n       int
	k       int       // steps done
	rg, tmp []float64 // Riemannian gradient; weight-decay scratch
}

// gradFor writes into rg the Riemannian gradient to step with at x, from
// exactly one of egrad (Euclidean) and rgrad (Riemannian), with the weight
// decay λ·x added to the Euclidean gradient (for a Riemannian one, its
// conversion λ·EGradToRGrad(x, x) is added).
func gradFor(m manifold.Manifold, rg, tmp, x, egrad, rgrad []float64, wd float64) {
	switch {
	case egrad != nil && wd != 0:
		lincomb(tmp, 1, egrad, wd, x)
		m.EGradToRGrad(rg, x, tmp)
	case egrad != nil:
		m.EGradToRGrad(rg, x, egrad)
	default:
		copy(rg, rgrad)
		if wd != 0 {
			m.EGradToRGrad(tmp, x, x)
			axpy(rg, wd, tmp)
		}
	}
}

// step is the body of the Step and StepRiemannian methods.
func (s *stepper) step(method string, core stochCore, c stochConfig, m manifold.Manifold, x, egrad, rgrad []float64) error {
	r, cols := m.Shape()
	n := r * cols
	g := egrad
	if g == nil {
		g = rgrad
	}
	if len(x) != n || len(g) != n {
		panic(manifold.Error("optim: " + method + ": slice length mismatch"))
	}
	if s.n != 0 && s.n != n {
		panic(manifold.Error(fmt.Sprintf("optim: %s: the state was built for points of length %d, not %d; call Reset first", method, s.n, n)))
	}
	if !linalg.AllFinite(g) {
		return fmt.Errorf("optim: %s: %w", method, ErrNotFinite)
	}
	lrf, err := factor(c.sched, s.k)
	if err != nil {
		return err
	}
	if s.n == 0 {
		s.n = n
		s.rg, s.tmp = make([]float64, n), make([]float64, n)
		core.ensure(m, n)
	}
	gradFor(m, s.rg, s.tmp, x, egrad, rgrad, c.wd)
	core.update(m, x, s.rg, c.lr*lrf)
	s.k++
	return nil
}

// components describes how the stochastic methods split a point into the
// factors of a product manifold: the copies of a *manifold.Power, the parts
// of a *manifold.Product, or the whole point otherwise.
type components struct {
	k     int
	part  func(v []float64, i int) []float64
	inner func(i int, x, u, v []float64) float64
}

func componentsOf(m manifold.Manifold) components {
	switch pm := m.(type) {
	case *manifold.Power:
		base := pm.Base()
		return components{
			k:     pm.K(),
			part:  pm.Part,
			inner: func(_ int, x, u, v []float64) float64 { return base.Inner(x, u, v) },
		}
	case *manifold.Product:
		parts := pm.Parts()
		return components{
			k:     pm.NumParts(),
			part:  pm.Part,
			inner: func(i int, x, u, v []float64) float64 { return parts[i].Inner(x, u, v) },
		}
	}
	return components{
		k:     1,
		part:  func(v []float64, _ int) []float64 { return v },
		inner: func(_ int, x, u, v []float64) float64 { return m.Inner(x, u, v) },
	}
}

// prepareStochastic checks that the problem has a gradient for a
// stochastic method and marks the run as stochastic.
func prepareStochastic(r *runner, method string) error {
	p := r.p
	if p.StochasticRGrad == nil && p.StochasticGrad == nil && p.RGrad == nil && p.Grad == nil {
		return fmt.Errorf("optim: %s needs a gradient, but Problem.StochasticRGrad, StochasticGrad, RGrad and Grad are all nil", method)
	}
	r.stochastic = true
	return nil
}

// runStochastic is the Minimize driver of SGD and Adam.
func runStochastic(r *runner, core stochCore, c stochConfig) {
	m, p, n := r.m, r.p, r.n
	core.ensure(m, n)
	hasFull := p.RGrad != nil || p.Grad != nil
	sg := r.newVec() // the gradient the step uses (Riemannian)
	var seg []float64
	euclidean := p.StochasticRGrad == nil && (p.StochasticGrad != nil || p.RGrad == nil)
	if euclidean {
		seg = r.newVec()
	}
	tmp := r.newVec()
	xprev := r.newVec()
	if hasFull {
		r.g, r.eg = r.newVec(), r.newEVec()
	}
	// sample writes the step's gradient at x into sg, and its norm into
	// sgNorm; false if not finite.
	var sgNorm float64
	sample := func() bool {
		r.gevals++
		var eg, rg []float64
		switch {
		case p.StochasticRGrad != nil:
			p.StochasticRGrad(sg, r.x, r.rng)
			rg = sg
		case p.StochasticGrad != nil:
			p.StochasticGrad(seg, r.x, r.rng)
			eg = seg
		case p.RGrad != nil:
			p.RGrad(sg, r.x)
			rg = sg
		default:
			p.Grad(seg, r.x)
			eg = seg
		}
		if eg != nil && !linalg.AllFinite(eg) || rg != nil && !linalg.AllFinite(rg) {
			return false
		}
		gradFor(m, sg, tmp, r.x, eg, rg, c.wd)
		if !linalg.AllFinite(sg) {
			return false
		}
		sgNorm = m.Norm(r.x, sg)
		return true
	}
	// The last point at which the cost (and the full gradient) evaluated
	// finite, with those values: the fallback when a later evaluation
	// fails.
	xgood := r.newVec()
	var ggood []float64
	var fgood, gngood float64
	// evaluate sets f and, when the problem has a full gradient, g and
	// gnorm at x; it returns "" or what was not finite.
	evaluate := func() string {
		f := r.cost(r.x)
		if !finite(f) {
			return fmt.Sprintf("the cost at x0 is %v", f)
		}
		r.f = f
		if hasFull {
			if !r.gradient(r.g, r.eg, r.x) {
				return "the gradient at x0 has a NaN or infinite entry"
			}
			r.gnorm = m.Norm(r.x, r.g)
		}
		copy(xgood, r.x)
		fgood, gngood = r.f, r.gnorm
		if hasFull {
			ggood = append(ggood[:0], r.g...)
		}
		return ""
	}
	// restore goes back to the last point that evaluated finite.
	restore := func() {
		copy(r.x, xgood)
		r.f, r.gnorm = fgood, gngood
		if hasFull {
			copy(r.g, ggood)
		}
		r.status = NotFinite
	}

	// The starting point: invalid values here are input errors.
	if msg := evaluate(); msg != "" {
		r.initErr = errors.New("optim: " + msg)
		return
	}
	if !sample() {
		r.initErr = errors.New("optim: the stochastic gradient at x0 has a NaN or infinite entry")
		return
	}
	if !hasFull {
		r.gnorm = sgNorm
	}
	r.record(0, 0)
	if r.status != NotTerminated {
		return
	}
	if hasFull && r.set.gradTol >= 0 && r.gnorm <= r.set.gradTol {
		r.status = GradientConverged
		return
	}
	if r.interrupted() {
		return
	}
	for k := 0; ; k++ {
		if k > 0 && !sample() {
			// x itself is finite; the final evaluation below checks it.
			r.status = NotFinite
			break
		}
		lrf, err := factor(c.sched, k)
		if err != nil {
			r.err = err
			r.status = NotFinite
			break
		}
		lr := c.lr * lrf
		copy(xprev, r.x)
		step := core.update(m, r.x, sg, lr)
		if !linalg.AllFinite(r.x) {
			copy(r.x, xprev)
			r.status = NotFinite
			break
		}
		r.iter++
		evaluated := c.evalEvery > 0 && r.iter%c.evalEvery == 0
		if evaluated {
			if evaluate() != "" {
				restore()
				return
			}
			if !hasFull {
				r.gnorm = sgNorm
			}
		} else {
			r.f = math.NaN()
			r.gnorm = sgNorm
		}
		r.record(step, lr)
		if r.status != NotTerminated {
			break
		}
		s := &r.set
		switch {
		case evaluated && hasFull && s.gradTol >= 0 && r.gnorm <= s.gradTol:
			r.status = GradientConverged
		case r.iter >= s.maxIter:
			r.status = IterationLimit
		case r.fevals >= s.maxFunc:
			r.status = FuncEvaluationLimit
		case r.gevals >= s.maxGrad:
			r.status = GradEvaluationLimit
		default:
			r.interrupted()
		}
		if r.status != NotTerminated {
			break
		}
	}
	// The final point: evaluate the cost (and full gradient) there. If that
	// fails, return the last point whose evaluation succeeded.
	last := sgNorm
	if evaluate() != "" {
		restore()
		return
	}
	if !hasFull {
		r.gnorm = last
	}
}
