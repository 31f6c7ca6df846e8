package optim

import (
	"math"

	"github.com/geodesic-go/geodesic/manifold"
)

// Adam is Riemannian Adam, and with AMSGrad set Riemannian AMSGrad, of
// Bécigneul & Ganea (2019, "Riemannian adaptive optimization methods",
// Alg. 1 and 2, RADAM and RAMSGRAD), with the bias correction of Kingma &
// Ba (2015) as in geoopt (Kochurov, Karimov & Kozlukov 2020).
//
// On a product manifold M = M₁ × ⋯ × M_K the adaptive second moment is one
// scalar per factor, the squared norm of the gradient's component in that
// factor's metric; there is no coordinate-wise adaptivity, which would not
// be intrinsic. The factors are the K copies of a *manifold.Power (so a
// mini-batch of points gets one adaptive rate per point), the parts of a
// *manifold.Product, or the whole manifold (K = 1) otherwise. With g_k the
// (stochastic) Riemannian gradient at x_k, gᵢ its component in factor i,
// a_k = LearningRate·Schedule.Factor(k), t = k + 1, one step is
//
//	m_k   = β₁·T(m_{k−1}) + (1 − β₁)·g_k                 (m_{−1} = 0)
//	vᵢ    = β₂·vᵢ + (1 − β₂)·‖gᵢ‖²_{xᵢ}
//	v̂ᵢ    = max(v̂ᵢ, vᵢ) (AMSGrad),   v̂ᵢ = vᵢ (Adam)
//	ηᵢ    = −a_k/(1 − β₁ᵗ) · mᵢ/(√(v̂ᵢ/(1 − β₂ᵗ)) + ε)
//	x_{k+1} = R_{x_k}(η),   then m_k is transported to x_{k+1},
//
// with T the manifold's vector transport (the factors' transports act factor
// by factor on a Power or Product). Weight decay and the stepper/Method
// duality are as for SGD.
//
// The zero value is ready to use: LearningRate 1e-3, β₁ = 0.9, β₂ = 0.999,
// ε = 1e-8, Adam (not AMSGrad), Constant schedule.
type Adam struct {
	// LearningRate is the base rate a; 0 means 1e-3.
	LearningRate float64
	// Beta1 is β₁ ∈ (0, 1); 0 means 0.9. Use a tiny positive value for
	// (practically) no momentum.
	Beta1 float64
	// Beta2 is β₂ ∈ (0, 1); 0 means 0.999.
	Beta2 float64
	// Epsilon is ε > 0; 0 means 1e-8.
	Epsilon float64
	// AMSGrad selects the AMSGrad maximum of the second moments (Reddi,
	// Kale & Kumar 2018; RAMSGRAD in Bécigneul & Ganea 2019).
	AMSGrad bool
	// WeightDecay is λ ≥ 0, as for SGD.
	WeightDecay float64
	// Schedule scales the rate per step; nil means Constant.
	Schedule Schedule
	// EvalEvery is as for SGD.
	EvalEvery int

	st   stepper
	core adamCore
}

// String returns "adam" or "amsgrad".
func (o *Adam) String() string {
	if o != nil && o.AMSGrad {
		return "amsgrad"
	}
	return "adam"
}

func (o *Adam) params() (b1, b2, eps float64, err error) {
	if o == nil {
		return 0, 0, 0, errNilMethod
	}
	if b1, err = unitParam("Adam.Beta1", o.Beta1, 0.9, 0, 1); err != nil {
		return
	}
	if b2, err = unitParam("Adam.Beta2", o.Beta2, 0.999, 0, 1); err != nil {
		return
	}
	eps, err = unitParam("Adam.Epsilon", o.Epsilon, 1e-8, 0, math.Inf(1))
	return
}

func (o *Adam) config() (stochConfig, error) {
	if _, _, _, err := o.params(); err != nil {
		return stochConfig{}, err
	}
	return resolveStoch("Adam", o.LearningRate, 1e-3, o.WeightDecay, o.Schedule, o.EvalEvery)
}

func (o *Adam) prepare(r *runner) error {
	if _, err := o.config(); err != nil {
		return err
	}
	return prepareStochastic(r, "Adam")
}

func (o *Adam) run(r *runner) {
	c, _ := o.config()
	core := &adamCore{}
	core.b1, core.b2, core.eps, _ = o.params()
	core.ams = o.AMSGrad
	runStochastic(r, core, c)
}

// Step performs one Adam step at x, in place, for the Euclidean gradient
// egrad of the cost at x; errors and panics are as for SGD.Step.
func (o *Adam) Step(m manifold.Manifold, x, egrad []float64) error {
	return o.step(m, x, egrad, nil)
}

// StepRiemannian is Step for a Riemannian gradient rgrad ∈ T_x M.
func (o *Adam) StepRiemannian(m manifold.Manifold, x, rgrad []float64) error {
	return o.step(m, x, nil, rgrad)
}

func (o *Adam) step(m manifold.Manifold, x, egrad, rgrad []float64) error {
	c, err := o.config()
	if err != nil {
		return err
	}
	o.core.b1, o.core.b2, o.core.eps, _ = o.params()
	o.core.ams = o.AMSGrad
	return o.st.step(o.String(), &o.core, c, m, x, egrad, rgrad)
}

// Steps returns the number of steps taken since the last Reset.
func (o *Adam) Steps() int { return o.st.k }

// Reset clears the stepper state (step count and moments), keeping the
// configuration.
func (o *Adam) Reset() {
	o.st = stepper{}
	o.core = adamCore{}
}

// adamCore is the Adam/AMSGrad update rule.
type adamCore struct {
	b1, b2, eps float64
	ams         bool

	comps          components
	mom, dir, xold []float64
	v, vmax        []float64 // per factor
	t              int
}

func (c *adamCore) ensure(m manifold.Manifold, n int) {
	if len(c.mom) == n {
		return
	}
	c.comps = componentsOf(m)
	c.mom, c.dir, c.xold = make([]float64, n), make([]float64, n), make([]float64, n)
	c.v, c.vmax = make([]float64, c.comps.k), make([]float64, c.comps.k)
	c.t = 0
}

func (c *adamCore) update(m manifold.Manifold, x, rg []float64, lr float64) float64 {
	c.t++
	lincomb(c.mom, c.b1, c.mom, 1-c.b1, rg)
	bc1 := 1 - math.Pow(c.b1, float64(c.t))
	bc2 := 1 - math.Pow(c.b2, float64(c.t))
	for i := 0; i < c.comps.k; i++ {
		xi, gi := c.comps.part(x, i), c.comps.part(rg, i)
		c.v[i] = c.b2*c.v[i] + (1-c.b2)*c.comps.inner(i, xi, gi, gi)
		vh := c.v[i]
		if c.ams {
			c.vmax[i] = math.Max(c.vmax[i], c.v[i])
			vh = c.vmax[i]
		}
		s := -lr / bc1 / (math.Sqrt(vh/bc2) + c.eps)
		scaleTo(c.comps.part(c.dir, i), s, c.comps.part(c.mom, i))
	}
	m.Proj(c.dir, x, c.dir) // see the package documentation, "Numerics"
	norm := m.Norm(x, c.dir)
	copy(c.xold, x)
	m.Retract(x, c.xold, c.dir)
	m.Transport(c.mom, c.xold, x, c.mom)
	return norm
}

// Compile-time checks.
var (
	_ Method = (*SGD)(nil)
	_ Method = (*Adam)(nil)
	_ Method = (*SteepestDescent)(nil)
	_ Method = (*ConjugateGradient)(nil)
	_ Method = (*LBFGS)(nil)
	_ Method = (*TrustRegion)(nil)
)
