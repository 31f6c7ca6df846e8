package optim_test

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats"

	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/optim"
	"github.com/geodesic-go/geodesic/spd"
	"github.com/geodesic-go/geodesic/sphere"
)

// noisyGrad returns the stochastic gradient ∇f(x) + σ·ξ, ξ standard
// Gaussian: an unbiased estimate of p's Euclidean gradient.
func noisyGrad(p optim.Problem, sigma float64) func(g, x []float64, rng *rand.Rand) {
	return func(g, x []float64, rng *rand.Rand) {
		p.Grad(g, x)
		for i := range g {
			g[i] += sigma * rng.NormFloat64()
		}
	}
}

// stochasticMethods are the stochastic configurations of the noisy
// Rayleigh test and of the iteration table.
var stochasticMethods = []namedMethod{
	{"sgd", func() optim.Method {
		return &optim.SGD{LearningRate: 0.05, Schedule: optim.InverseTime{Decay: 0.01}}
	}},
	{"sgd-momentum", func() optim.Method {
		return &optim.SGD{LearningRate: 0.005, Momentum: 0.9, Schedule: optim.InverseTime{Decay: 0.01}}
	}},
	{"sgd-nesterov", func() optim.Method {
		return &optim.SGD{LearningRate: 0.005, Momentum: 0.9, Nesterov: true, Schedule: optim.InverseTime{Decay: 0.01}}
	}},
	{"sgd-cosine", func() optim.Method {
		return &optim.SGD{LearningRate: 0.05, Schedule: optim.Cosine{Steps: noisySteps}}
	}},
	{"sgd-stepdecay", func() optim.Method {
		return &optim.SGD{LearningRate: 0.05, Schedule: optim.StepDecay{Every: 1000, Gamma: 0.2}}
	}},
	{"adam", func() optim.Method {
		return &optim.Adam{LearningRate: 0.05, Schedule: optim.InverseTime{Decay: 0.01}}
	}},
	{"amsgrad", func() optim.Method {
		return &optim.Adam{LearningRate: 0.05, AMSGrad: true, Schedule: optim.InverseTime{Decay: 0.01}}
	}},
}

// noisySteps is the number of steps of the noisy Rayleigh test.
const noisySteps = 3000

// TestNoisyRayleigh runs the stochastic methods on the Rayleigh quotient of
// a 50×50 matrix (λ₁ ≈ −3.2, gap ≈ 1.8) with the gradient corrupted by
// Gaussian noise of standard deviation 0.5 per coordinate (noise norm ≈ 3.5,
// larger than the gradient itself near the minimiser), for 3000 steps. The
// stated accuracy, met by every configuration with a margin of about 1.5:
//
//	sin∠(x, v₁) ≤ 0.06   and   f(x) − λ₁ ≤ 0.01.
func TestNoisyRayleigh(t *testing.T) {
	rp := newRayleigh(50, 5)
	rp.solve()
	p := rp.problem()
	p.StochasticGrad = noisyGrad(p, 0.5)
	for _, nm := range stochasticMethods {
		t.Run(nm.name, func(t *testing.T) {
			res, err := optim.Minimize(context.Background(), rp.manifold(), p, rp.start(3), &optim.Settings{MaxIterations: noisySteps}, nm.new())
			if err != nil {
				t.Fatal(err)
			}
			if res.Status != optim.IterationLimit || res.Iterations != noisySteps {
				t.Fatalf("%v", res)
			}
			s, df := sinAngle(res.X, rp.v1), res.F-rp.lambda1
			if s > 0.06 || df > 0.01 || df < 0 {
				t.Errorf("sin∠(x, v₁) = %.3g, f − λ₁ = %.3g; want ≤ 0.06 and ≤ 0.01", s, df)
			}
			t.Logf("sin∠ = %.3g, f − λ₁ = %.3g", s, df)
		})
	}
}

// TestStochasticExactGradient: with exact gradients and a decaying rate the
// stochastic methods converge like deterministic ones, and stop on the
// gradient tolerance when they evaluate it (EvalEvery).
func TestStochasticExactGradient(t *testing.T) {
	rp := small()
	for _, m := range []optim.Method{
		&optim.SGD{LearningRate: 0.1, EvalEvery: 10},
		&optim.SGD{LearningRate: 0.02, Momentum: 0.9, Nesterov: true, EvalEvery: 10},
		&optim.Adam{LearningRate: 0.02, Schedule: optim.InverseTime{Decay: 0.01}, EvalEvery: 10},
	} {
		res, err := optim.Minimize(context.Background(), rp.manifold(), rp.problem(), rp.start(2), &optim.Settings{GradTol: 1e-6, MaxIterations: 20000}, m)
		if err != nil {
			t.Fatal(err)
		}
		if res.Status != optim.GradientConverged || res.GradNorm > 1e-6 || res.Iterations%10 != 0 {
			t.Errorf("%v", res)
		}
		if s := sinAngle(res.X, rp.v1); s > 1e-5 {
			t.Errorf("%v: sin∠ = %.2g", m, s)
		}
	}
}

// TestStepMatchesMinimize checks that a training loop calling Step with the
// exact gradient reproduces Minimize bit for bit.
func TestStepMatchesMinimize(t *testing.T) {
	rp := small()
	p := rp.problem()
	for _, mk := range []func() optim.Method{
		func() optim.Method {
			return &optim.SGD{LearningRate: 0.03, Momentum: 0.8, Nesterov: true, Schedule: optim.StepDecay{Every: 7, Gamma: 0.5}}
		},
		func() optim.Method { return &optim.Adam{LearningRate: 0.05, AMSGrad: true, WeightDecay: 0.1} },
	} {
		const steps = 40
		res, err := optim.Minimize(context.Background(), rp.manifold(), p, rp.start(4), &optim.Settings{MaxIterations: steps, GradTol: -1}, mk())
		if err != nil {
			t.Fatal(err)
		}
		x := rp.start(4)
		g := make([]float64, len(x))
		stepper := mk()
		for range steps {
			p.Grad(g, x)
			var err error
			switch s := stepper.(type) {
			case *optim.SGD:
				err = s.Step(rp.manifold(), x, g)
			case *optim.Adam:
				err = s.Step(rp.manifold(), x, g)
			}
			if err != nil {
				t.Fatal(err)
			}
		}
		if !slices.Equal(x, res.X) {
			t.Errorf("%v: Step loop and Minimize differ", stepper)
		}
	}
}

// TestAdamPerCopy checks the product-manifold second moment of Adam on a
// Power: on the first step the bias-corrected moments are m̂ = g and
// v̂ᵢ = ‖gᵢ‖², so every copy moves by η_i = −a·gᵢ/(‖gᵢ‖ + ε), of norm a
// whatever the scale of its gradient; with the projective retraction of
// the sphere that is an angle of atan(a) (the retraction maps a tangent
// step of norm s to the point at angle atan(s)).
func TestAdamPerCopy(t *testing.T) {
	const n, k, lr = 10, 4, 0.1
	s := sphere.New(n)
	pw := manifold.NewPower(s, k)
	rng := rand.New(rand.NewPCG(3, 4))
	x := make([]float64, n*k)
	pw.RandomPoint(x, rng)
	g := make([]float64, n*k)
	for i := range g {
		g[i] = rng.NormFloat64()
	}
	scales := []float64{1, 1e3, 1e-3, 37}
	for c := 0; c < k; c++ {
		floats.Scale(scales[c], pw.Part(g, c))
	}
	x0 := slices.Clone(x)
	opt := &optim.Adam{LearningRate: lr, Epsilon: 1e-300}
	if err := opt.Step(pw, x, g); err != nil {
		t.Fatal(err)
	}
	want := math.Atan(lr)
	for c := 0; c < k; c++ {
		got := s.Dist(pw.Part(x0, c), pw.Part(x, c))
		if math.Abs(got-want) > 1e-12 {
			t.Errorf("copy %d (gradient scale %g): moved %.15g, want atan(a) = %.15g", c, scales[c], got, want)
		}
	}
	// The same per part of a Product of spheres of different dimensions.
	s3, s6 := sphere.New(3), sphere.New(6)
	pr := manifold.NewProduct(s3, s6)
	xp := make([]float64, 9)
	pr.RandomPoint(xp, rng)
	gp := make([]float64, 9)
	for i := range gp {
		gp[i] = rng.NormFloat64()
	}
	floats.Scale(1e4, pr.Part(gp, 1))
	xp0 := slices.Clone(xp)
	opt = &optim.Adam{LearningRate: lr, Epsilon: 1e-300}
	if err := opt.Step(pr, xp, gp); err != nil {
		t.Fatal(err)
	}
	for i, part := range []*sphere.Sphere{s3, s6} {
		if got := part.Dist(pr.Part(xp0, i), pr.Part(xp, i)); math.Abs(got-want) > 1e-12 {
			t.Errorf("product part %d: moved %.15g, want %.15g", i, got, want)
		}
	}
	// On the sphere itself (one factor) the whole point moves by atan(a).
	y := slices.Clone(x0[:n])
	opt = &optim.Adam{LearningRate: lr, Epsilon: 1e-300}
	if err := opt.Step(s, y, g[:n]); err != nil {
		t.Fatal(err)
	}
	if got := s.Dist(x0[:n], y); math.Abs(got-want) > 1e-12 {
		t.Errorf("sphere: moved %v, want %v", got, want)
	}
}

// TestAdamPowerConvergence solves K Rayleigh problems whose gradients
// differ in scale by 10⁴ at once, as one point of a Power: the per-copy
// adaptive rate lets one learning rate serve all copies.
func TestAdamPowerConvergence(t *testing.T) {
	const n, k = 20, 3
	rps := make([]*rayleigh, k)
	scales := []float64{1, 100, 0.01}
	for c := range rps {
		rps[c] = newRayleigh(n, uint64(50+c))
		floats.Scale(scales[c], rps[c].a.Data)
		rps[c].solve()
	}
	pw := manifold.NewPower(sphere.New(n), k)
	tmp := make([]float64, n)
	p := optim.Problem{
		Cost: func(x []float64) float64 {
			var f float64
			for c, rp := range rps {
				xc := pw.Part(x, c)
				rp.mul(tmp, xc)
				f += floats.Dot(xc, tmp)
			}
			return f
		},
		Grad: func(g, x []float64) {
			for c, rp := range rps {
				gc := pw.Part(g, c)
				rp.mul(gc, pw.Part(x, c))
				floats.Scale(2, gc)
			}
		},
	}
	x0 := make([]float64, n*k)
	pw.RandomPoint(x0, rand.New(rand.NewPCG(5, 6)))
	res, err := optim.Minimize(context.Background(), pw, p, x0, &optim.Settings{MaxIterations: 3000}, &optim.Adam{LearningRate: 0.05, Schedule: optim.Cosine{Steps: 3000}})
	if err != nil {
		t.Fatal(err)
	}
	for c, rp := range rps {
		if s := sinAngle(pw.Part(res.X, c), rp.v1); s > 1e-6 {
			t.Errorf("copy %d (scale %g): sin∠ = %.2g", c, scales[c], s)
		}
	}
}

func TestStepErrorsAndState(t *testing.T) {
	s := sphere.New(5)
	x := []float64{1, 0, 0, 0, 0}
	g := []float64{0, 1, 0, 0, 0}
	for _, opt := range []interface {
		Step(m manifold.Manifold, x, egrad []float64) error
		StepRiemannian(m manifold.Manifold, x, rgrad []float64) error
		Steps() int
		Reset()
	}{&optim.SGD{Momentum: 0.5}, &optim.Adam{}} {
		y := slices.Clone(x)
		bad := slices.Clone(g)
		bad[2] = math.NaN()
		if err := opt.Step(s, y, bad); !errors.Is(err, optim.ErrNotFinite) || !slices.Equal(y, x) || opt.Steps() != 0 {
			t.Errorf("NaN gradient: err %v, x %v, steps %d", err, y, opt.Steps())
		}
		if err := opt.Step(s, y, g); err != nil || opt.Steps() != 1 || slices.Equal(y, x) {
			t.Errorf("step: err %v, x %v, steps %d", err, y, opt.Steps())
		}
		if err := opt.StepRiemannian(s, y, g[:5]); err != nil || opt.Steps() != 2 {
			t.Errorf("StepRiemannian: err %v, steps %d", err, opt.Steps())
		}
		if err := manifold.Maybe(func() { _ = opt.Step(s, y, g[:4]) }); err == nil {
			t.Error("length mismatch did not panic")
		}
		s3 := sphere.New(3)
		if err := manifold.Maybe(func() { _ = opt.Step(s3, y[:3], g[:3]) }); err == nil || !strings.Contains(err.Error(), "Reset") {
			t.Errorf("state for another size: %v", err)
		}
		opt.Reset()
		if err := opt.Step(s3, []float64{0, 0, 1}, []float64{1, 0, 0}); err != nil || opt.Steps() != 1 {
			t.Errorf("after Reset: %v", err)
		}
	}
	if err := (&optim.SGD{Momentum: -1}).Step(s, slices.Clone(x), g); err == nil {
		t.Error("invalid configuration accepted")
	}
}

// TestStepAllocs checks that Step allocates nothing after its first call.
func TestStepAllocs(t *testing.T) {
	const n = 100
	s := sphere.New(n)
	pw := manifold.NewPower(sphere.New(10), 10)
	rng := rand.New(rand.NewPCG(1, 1))
	for _, m := range []manifold.Manifold{s, pw} {
		x := make([]float64, n)
		m.RandomPoint(x, rng)
		g := make([]float64, n)
		for i := range g {
			g[i] = rng.NormFloat64()
		}
		for _, opt := range []interface {
			Step(m manifold.Manifold, x, egrad []float64) error
		}{&optim.SGD{Momentum: 0.9, Nesterov: true, WeightDecay: 0.1, Schedule: optim.Cosine{}}, &optim.Adam{AMSGrad: true}} {
			if err := opt.Step(m, x, g); err != nil {
				t.Fatal(err)
			}
			if a := testing.AllocsPerRun(20, func() { _ = opt.Step(m, x, g) }); a != 0 {
				t.Errorf("%T on %v: %.0f allocations per step", opt, m, a)
			}
		}
	}
}

func TestSchedules(t *testing.T) {
	close := func(a, b float64) bool { return math.Abs(a-b) <= 1e-15*math.Max(1, math.Abs(b)) }
	tests := []struct {
		s    optim.Schedule
		k    int
		want float64
	}{
		{optim.Constant{}, 123, 1},
		{optim.StepDecay{}, 99, 1},
		{optim.StepDecay{}, 100, 0.1},
		{optim.StepDecay{Every: 10, Gamma: 0.5}, 35, 0.125},
		{optim.InverseTime{}, 100, 0.5},
		{optim.InverseTime{Decay: 1, Power: 0.5}, 3, 0.5},
		{optim.Cosine{Steps: 100}, 0, 1},
		{optim.Cosine{Steps: 100}, 50, 0.5},
		{optim.Cosine{Steps: 100, Min: 0.2}, 100, 0.2},
		{optim.Cosine{Steps: 100, Min: 0.2}, 1000, 0.2},
		{optim.Cosine{}, 500, 0.5},
	}
	for _, tc := range tests {
		if got := tc.s.Factor(tc.k); !close(got, tc.want) {
			t.Errorf("%#v.Factor(%d) = %v, want %v", tc.s, tc.k, got, tc.want)
		}
	}
	// A schedule returning a bad factor stops Minimize with an error.
	rp := small()
	res, err := optim.Minimize(context.Background(), rp.manifold(), rp.problem(), rp.start(1), nil,
		&optim.SGD{Schedule: badSchedule{}})
	if err == nil || res == nil || res.Status != optim.NotFinite {
		t.Errorf("bad schedule: %v, %v", res, err)
	}
}

type badSchedule struct{}

func (badSchedule) Factor(k int) float64 {
	if k > 3 {
		return math.NaN()
	}
	return 1
}

// TestWeightDecay: on the SPD manifold a step with zero gradient and weight
// decay λ moves P along −EGradToRGrad(λP), shrinking it.
func TestWeightDecay(t *testing.T) {
	m := spd.New(3)
	p := []float64{2, 0.5, 0, 0.5, 1, 0, 0, 0, 3}
	x := slices.Clone(p)
	zero := make([]float64, 9)
	if err := (&optim.SGD{LearningRate: 0.01, WeightDecay: 1}).Step(m, x, zero); err != nil {
		t.Fatal(err)
	}
	want := make([]float64, 9)
	m.EGradToRGrad(want, p, p)
	floats.Scale(-0.01, want)
	m.Retract(want, p, want)
	if relDiff(x, want) > 1e-14 {
		t.Errorf("got %v, want %v", x, want)
	}
	if floats.Norm(x, 2) >= floats.Norm(p, 2) {
		t.Error("weight decay did not shrink P")
	}
}
