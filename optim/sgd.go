package optim

import (
	"fmt"

	"github.com/geodesic-go/geodesic/manifold"
)

// SGD is Riemannian stochastic gradient descent (Bonnabel 2013, "Stochastic
// gradient descent on Riemannian manifolds"), with heavy-ball or Nesterov
// momentum carried along by vector transport, weight decay and a
// learning-rate schedule. With g_k the (stochastic) Riemannian gradient at
// x_k, a_k = LearningRate·Schedule.Factor(k) and μ = Momentum, a step is
//
//	b_k = μ·T(b_{k−1}) + g_k                   (b_0 = g_0; b_k = g_k if μ = 0)
//	d_k = g_k + μ·b_k  (Nesterov)   or   d_k = b_k
//	x_{k+1} = R_{x_k}(−a_k·d_k),   then b_k is transported to x_{k+1},
//
// the PyTorch form of momentum (Sutskever et al. 2013) transported as in
// geoopt's RiemannianSGD (Kochurov, Karimov & Kozlukov 2020). Weight decay
// λ = WeightDecay adds λ·x to the Euclidean gradient before its conversion
// (the gradient of λ‖x‖²_F/2; for a Riemannian gradient λ·EGradToRGrad(x, x)
// is added), so it changes the objective; on the sphere, Stiefel and
// Grassmann manifolds, where ‖x‖_F is constant, it has no effect.
//
// An SGD value is both a Method for Minimize (with Problem.StochasticGrad,
// StochasticRGrad, Grad or RGrad; see Problem) and a stateful stepper for
// training loops the caller owns: Step and StepRiemannian update x in place.
// The stepper state (step count, momentum buffer) is not used or changed by
// Minimize; Step is not safe for concurrent use.
//
// The zero value is ready to use: LearningRate 0.01, no momentum, no weight
// decay, Constant schedule.
type SGD struct {
	// LearningRate is the base rate a; 0 means 0.01.
	LearningRate float64
	// Momentum is μ ∈ [0, 1); 0 means no momentum.
	Momentum float64
	// Nesterov selects Nesterov momentum (requires Momentum > 0).
	Nesterov bool
	// WeightDecay is λ ≥ 0.
	WeightDecay float64
	// Schedule scales the rate per step; nil means Constant.
	Schedule Schedule
	// EvalEvery makes Minimize evaluate the cost and (if the problem has
	// Grad or RGrad) the full gradient norm every EvalEvery steps, for the
	// Recorder and the gradient tolerance; 0 means only at the end.
	EvalEvery int

	st   stepper
	core sgdCore
}

// String returns "sgd", "sgd-momentum" or "sgd-nesterov".
func (o *SGD) String() string {
	switch {
	case o == nil || o.Momentum == 0:
		return "sgd"
	case o.Nesterov:
		return "sgd-nesterov"
	}
	return "sgd-momentum"
}

func (o *SGD) config() (stochConfig, error) {
	if o == nil {
		return stochConfig{}, errNilMethod
	}
	if !(o.Momentum >= 0 && o.Momentum < 1) {
		return stochConfig{}, fmt.Errorf("optim: SGD.Momentum = %v is not in [0, 1)", o.Momentum)
	}
	if o.Nesterov && o.Momentum == 0 {
		return stochConfig{}, fmt.Errorf("optim: SGD.Nesterov needs Momentum > 0")
	}
	return resolveStoch("SGD", o.LearningRate, 0.01, o.WeightDecay, o.Schedule, o.EvalEvery)
}

func (o *SGD) prepare(r *runner) error {
	if _, err := o.config(); err != nil {
		return err
	}
	return prepareStochastic(r, "SGD")
}

func (o *SGD) run(r *runner) {
	c, _ := o.config()
	core := &sgdCore{mu: o.Momentum, nesterov: o.Nesterov}
	runStochastic(r, core, c)
}

// Step performs one SGD step at x, in place, for the Euclidean gradient
// egrad of the cost at x (a stochastic estimate, typically from a
// mini-batch), converted with m.EGradToRGrad. It returns an error wrapping
// ErrNotFinite, leaving x and the state unchanged, if egrad has a NaN or
// infinite entry, and an error if the configuration is invalid. It panics
// with a manifold.Error if a slice length does not match m, or if the state
// was built for another point length (call Reset when changing problems).
func (o *SGD) Step(m manifold.Manifold, x, egrad []float64) error {
	return o.step(m, x, egrad, nil)
}

// StepRiemannian is Step for a Riemannian gradient rgrad ∈ T_x M.
func (o *SGD) StepRiemannian(m manifold.Manifold, x, rgrad []float64) error {
	return o.step(m, x, nil, rgrad)
}

func (o *SGD) step(m manifold.Manifold, x, egrad, rgrad []float64) error {
	c, err := o.config()
	if err != nil {
		return err
	}
	o.core.mu, o.core.nesterov = o.Momentum, o.Nesterov
	return o.st.step("SGD", &o.core, c, m, x, egrad, rgrad)
}

// Steps returns the number of steps taken since the last Reset.
func (o *SGD) Steps() int { return o.st.k }

// Reset clears the stepper state (step count and momentum buffer), keeping
// the configuration.
func (o *SGD) Reset() {
	o.st = stepper{}
	o.core = sgdCore{}
}

// sgdCore is the SGD update rule.
type sgdCore struct {
	mu       float64
	nesterov bool

	buf, dir, xold []float64
	hasBuf         bool
}

func (c *sgdCore) ensure(_ manifold.Manifold, n int) {
	if len(c.dir) != n {
		c.buf, c.dir, c.xold = make([]float64, n), make([]float64, n), make([]float64, n)
		c.hasBuf = false
	}
}

func (c *sgdCore) update(m manifold.Manifold, x, rg []float64, lr float64) float64 {
	dir := rg
	if c.mu > 0 {
		if c.hasBuf {
			lincomb(c.buf, c.mu, c.buf, 1, rg)
		} else {
			copy(c.buf, rg)
			c.hasBuf = true
		}
		dir = c.buf
		if c.nesterov {
			lincomb(c.dir, 1, rg, c.mu, c.buf)
			dir = c.dir
		}
	}
	scaleTo(c.dir, -lr, dir)
	m.Proj(c.dir, x, c.dir) // see the package documentation, "Numerics"
	norm := m.Norm(x, c.dir)
	copy(c.xold, x)
	m.Retract(x, c.xold, c.dir)
	if c.mu > 0 {
		m.Transport(c.buf, c.xold, x, c.buf)
	}
	return norm
}
