package optim_test

import (
	"context"
	"errors"
	"math"
	"slices"
	"strings"
	"testing"
	"time"

	"gonum.org/v1/gonum/floats"

	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/optim"
	"github.com/geodesic-go/geodesic/sphere"
)

// small returns a 20-dimensional Rayleigh problem with its reference.
func small() *rayleigh {
	rp := newRayleigh(20, 9)
	rp.solve()
	return rp
}

func allMethods() []namedMethod {
	return append(slices.Clone(deterministicMethods),
		namedMethod{"sgd", func() optim.Method { return &optim.SGD{} }},
		namedMethod{"adam", func() optim.Method { return &optim.Adam{} }},
	)
}

func TestMinimizeInvalidInput(t *testing.T) {
	rp := small()
	m := rp.manifold()
	p := rp.problem()
	x0 := rp.start(1)
	ctx := context.Background()
	nanCost := p
	nanCost.Cost = func([]float64) float64 { return math.NaN() }
	infCost := p
	infCost.Cost = func([]float64) float64 { return math.Inf(1) }
	nanGrad := p
	nanGrad.Grad = func(g, x []float64) { p.Grad(g, x); g[3] = math.NaN() }
	noCost := p
	noCost.Cost = nil
	noGrad := optim.Problem{Cost: p.Cost}
	offManifold := slices.Clone(x0)
	offManifold[0] += 0.1
	tests := []struct {
		name   string
		m      manifold.Manifold
		p      optim.Problem
		x0     []float64
		s      *optim.Settings
		method optim.Method
		want   string
	}{
		{"nil manifold", nil, p, x0, nil, nil, "nil manifold"},
		{"nil cost", m, noCost, x0, nil, nil, "Problem.Cost is nil"},
		{"short x0", m, p, x0[:5], nil, nil, "len(x0) = 5"},
		{"off manifold", m, p, offManifold, nil, nil, "x0 is not a point of S^19"},
		{"NaN cost at x0", m, nanCost, x0, nil, nil, "cost at x0 is NaN"},
		{"Inf cost at x0", m, infCost, x0, nil, nil, "cost at x0 is +Inf"},
		{"NaN gradient at x0", m, nanGrad, x0, nil, nil, "gradient at x0"},
		{"NaN gradient at x0 (sgd)", m, nanGrad, x0, nil, &optim.SGD{}, "gradient at x0"},
		{"NaN settings", m, p, x0, &optim.Settings{GradTol: math.NaN()}, nil, "Settings.GradTol"},
		{"no gradient (sd)", m, noGrad, x0, nil, &optim.SteepestDescent{}, "steepest descent needs a gradient"},
		{"no gradient (cg)", m, noGrad, x0, nil, &optim.ConjugateGradient{}, "conjugate gradient needs a gradient"},
		{"no gradient (lbfgs)", m, noGrad, x0, nil, &optim.LBFGS{}, "L-BFGS needs a gradient"},
		{"no gradient (rtr)", m, noGrad, x0, nil, &optim.TrustRegion{}, "trust regions needs a gradient"},
		{"no gradient (sgd)", m, noGrad, x0, nil, &optim.SGD{}, "SGD needs a gradient"},
		{"no gradient (adam)", m, noGrad, x0, nil, &optim.Adam{}, "Adam needs a gradient"},
		{"nil *SteepestDescent", m, p, x0, nil, (*optim.SteepestDescent)(nil), "nil method"},
		{"Armijo", m, p, x0, nil, &optim.SteepestDescent{Armijo: 0.7}, "SteepestDescent.Armijo"},
		{"Eta", m, p, x0, nil, &optim.SteepestDescent{Nonmonotone: true, Eta: 2}, "SteepestDescent.Eta"},
		{"InitialStep", m, p, x0, nil, &optim.SteepestDescent{InitialStep: 17}, "SteepestDescent.InitialStep"},
		{"Variant", m, p, x0, nil, &optim.ConjugateGradient{Variant: 9}, "ConjugateGradient.Variant"},
		{"Curvature", m, p, x0, nil, &optim.ConjugateGradient{Curvature: 1e-5}, "ConjugateGradient.Curvature"},
		{"Memory", m, p, x0, nil, &optim.LBFGS{Memory: -1}, "LBFGS.Memory"},
		{"Accept", m, p, x0, nil, &optim.TrustRegion{Accept: 0.3}, "TrustRegion.Accept"},
		{"InitialRadius", m, p, x0, nil, &optim.TrustRegion{MaxRadius: 1, InitialRadius: 2}, "TrustRegion.InitialRadius"},
		{"Momentum", m, p, x0, nil, &optim.SGD{Momentum: 1}, "SGD.Momentum"},
		{"Nesterov", m, p, x0, nil, &optim.SGD{Nesterov: true}, "SGD.Nesterov"},
		{"LearningRate", m, p, x0, nil, &optim.SGD{LearningRate: -1}, "SGD.LearningRate"},
		{"Beta2", m, p, x0, nil, &optim.Adam{Beta2: 1}, "Adam.Beta2"},
		{"Schedule", m, p, x0, nil, &optim.Adam{Schedule: optim.StepDecay{Gamma: 2}}, "StepDecay.Gamma"},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			res, err := optim.Minimize(ctx, tc.m, tc.p, tc.x0, tc.s, tc.method)
			if err == nil || res != nil {
				t.Fatalf("got (%v, %v), want an error mentioning %q", res, err, tc.want)
			}
			if !strings.Contains(err.Error(), tc.want) {
				t.Errorf("error %q does not mention %q", err, tc.want)
			}
		})
	}
	// The manifold's CheckError is wrapped.
	_, err := optim.Minimize(ctx, m, p, offManifold, nil, nil)
	var ce *manifold.CheckError
	if !errors.As(err, &ce) {
		t.Errorf("error %v does not wrap a *manifold.CheckError", err)
	}
}

func TestMinimizeDoesNotModifyX0(t *testing.T) {
	rp := small()
	x0 := rp.start(1)
	keep := slices.Clone(x0)
	for _, nm := range allMethods() {
		res, err := optim.Minimize(context.Background(), rp.manifold(), rp.problem(), x0, nil, nm.new())
		if err != nil {
			t.Fatal(err)
		}
		if !slices.Equal(x0, keep) {
			t.Fatalf("%s modified x0", nm.name)
		}
		if &res.X[0] == &x0[0] {
			t.Fatalf("%s returned x0's storage", nm.name)
		}
	}
}

// TestNaNMidRun makes the cost NaN in a region the iterates enter after a
// few steps: every method must stop with NotFinite at a finite iterate
// outside that region.
func TestNaNMidRun(t *testing.T) {
	rp := small()
	p := rp.problem()
	x0 := rp.start(1)
	// Points whose cost is below a level the runs reach quickly.
	level := (p.Cost(x0) + rp.lambda1) / 2
	bad := p
	bad.Cost = func(x []float64) float64 {
		f := p.Cost(x)
		if f < level {
			return math.NaN()
		}
		return f
	}
	for _, nm := range allMethods() {
		t.Run(nm.name, func(t *testing.T) {
			s := &optim.Settings{}
			if strings.HasPrefix(nm.name, "sgd") || strings.HasPrefix(nm.name, "adam") {
				s.MaxIterations = 2000
				switch m := nm.new().(type) {
				case *optim.SGD:
					m.EvalEvery = 10
					nm.new = func() optim.Method { return m }
				case *optim.Adam:
					m.EvalEvery = 10
					nm.new = func() optim.Method { return m }
				}
			}
			res, err := optim.Minimize(context.Background(), rp.manifold(), bad, x0, s, nm.new())
			if err != nil {
				t.Fatal(err)
			}
			if res.Status != optim.NotFinite {
				t.Fatalf("status %v, want %v (%v)", res.Status, optim.NotFinite, res)
			}
			if !(res.F >= level) || math.IsNaN(res.GradNorm) {
				t.Errorf("result F = %v, GradNorm = %v: not the last finite iterate", res.F, res.GradNorm)
			}
			for _, v := range res.X {
				if math.IsNaN(v) {
					t.Fatal("NaN in result")
				}
			}
			if err := rp.manifold().CheckPoint(res.X); err != nil {
				t.Error(err)
			}
		})
	}
	// A gradient that turns NaN mid-run.
	badGrad := p
	calls := 0
	badGrad.Grad = func(g, x []float64) {
		p.Grad(g, x)
		if calls++; calls > 5 {
			g[0] = math.NaN()
		}
	}
	res, err := optim.Minimize(context.Background(), rp.manifold(), badGrad, x0, nil, &optim.LBFGS{})
	if err != nil || res.Status != optim.NotFinite || math.IsNaN(res.F) {
		t.Errorf("NaN gradient: %v, %v", res, err)
	}
}

func TestCancel(t *testing.T) {
	rp := small()
	for _, nm := range allMethods() {
		t.Run(nm.name, func(t *testing.T) {
			ctx, cancel := context.WithCancel(context.Background())
			defer cancel()
			rec := optim.RecorderFunc(func(it optim.Iteration) error {
				if it.Iter == 3 {
					cancel()
				}
				return nil
			})
			res, err := optim.Minimize(ctx, rp.manifold(), rp.problem(), rp.start(1), &optim.Settings{Recorder: rec, GradTol: 1e-14}, nm.new())
			if !errors.Is(err, context.Canceled) {
				t.Fatalf("err = %v, want context.Canceled", err)
			}
			if res == nil || res.Status != optim.Canceled || res.Iterations != 3 {
				t.Fatalf("result %v, want Canceled after 3 iterations", res)
			}
			if err := rp.manifold().CheckPoint(res.X); err != nil {
				t.Error(err)
			}
		})
	}
	// Already canceled: stops at the start point.
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	x0 := rp.start(1)
	res, err := optim.Minimize(ctx, rp.manifold(), rp.problem(), x0, nil, nil)
	if !errors.Is(err, context.Canceled) || res.Status != optim.Canceled || res.Iterations != 0 || !slices.Equal(res.X, x0) {
		t.Errorf("pre-canceled: %v, %v", res, err)
	}
	// A deadline that passes mid-run.
	ctx, cancel = context.WithTimeout(context.Background(), time.Millisecond)
	defer cancel()
	slow := rp.problem()
	cost := slow.Cost
	slow.Cost = func(x []float64) float64 { time.Sleep(100 * time.Microsecond); return cost(x) }
	res, err = optim.Minimize(ctx, rp.manifold(), slow, x0, &optim.Settings{GradTol: -1, MaxIterations: -1}, &optim.SteepestDescent{})
	if !errors.Is(err, context.DeadlineExceeded) || res.Status != optim.Canceled {
		t.Errorf("deadline: %v, %v", res, err)
	}
}

func TestRecorder(t *testing.T) {
	rp := small()
	for _, nm := range allMethods() {
		t.Run(nm.name, func(t *testing.T) {
			h := &optim.History{KeepX: true}
			res, err := optim.Minimize(context.Background(), rp.manifold(), rp.problem(), rp.start(1), &optim.Settings{Recorder: h, MaxIterations: 30}, nm.new())
			if err != nil {
				t.Fatal(err)
			}
			its := h.Iterations
			if len(its) != res.Iterations+1 {
				t.Fatalf("%d records for %d iterations", len(its), res.Iterations)
			}
			for i, it := range its {
				if it.Iter != i {
					t.Fatalf("record %d has Iter %d", i, it.Iter)
				}
				if it.X == nil || rp.manifold().CheckPoint(it.X) != nil {
					t.Fatalf("record %d: bad X", i)
				}
				if i > 0 && (it.FuncEvals < its[i-1].FuncEvals || it.GradEvals < its[i-1].GradEvals) {
					t.Fatalf("record %d: counts decrease", i)
				}
			}
			last := its[len(its)-1]
			if last.GradEvals != res.GradEvals && !strings.HasPrefix(nm.name, "sgd") && !strings.HasPrefix(nm.name, "adam") {
				t.Errorf("last record counts %d gradients, result %d", last.GradEvals, res.GradEvals)
			}
			if len(h.Costs()) != len(its) || len(h.GradNorms()) != len(its) {
				t.Error("Costs/GradNorms lengths")
			}
		})
	}
	// ErrStop stops cleanly; another error is returned.
	stopAt := func(k int, e error) optim.Recorder {
		return optim.RecorderFunc(func(it optim.Iteration) error {
			if it.Iter == k {
				return e
			}
			return nil
		})
	}
	res, err := optim.Minimize(context.Background(), rp.manifold(), rp.problem(), rp.start(1), &optim.Settings{Recorder: stopAt(2, optim.ErrStop)}, nil)
	if err != nil || res.Status != optim.Stopped || res.Iterations != 2 {
		t.Errorf("ErrStop: %v, %v", res, err)
	}
	boom := errors.New("boom")
	res, err = optim.Minimize(context.Background(), rp.manifold(), rp.problem(), rp.start(1), &optim.Settings{Recorder: stopAt(0, boom)}, nil)
	if !errors.Is(err, boom) || res.Status != optim.Stopped || res.Iterations != 0 {
		t.Errorf("error: %v, %v", res, err)
	}
}

func TestStoppingCriteria(t *testing.T) {
	rp := small()
	run := func(s *optim.Settings, m optim.Method) *optim.Result {
		t.Helper()
		res, err := optim.Minimize(context.Background(), rp.manifold(), rp.problem(), rp.start(1), s, m)
		if err != nil {
			t.Fatal(err)
		}
		return res
	}
	if res := run(&optim.Settings{MaxIterations: 3}, &optim.SteepestDescent{}); res.Status != optim.IterationLimit || res.Iterations != 3 {
		t.Errorf("MaxIterations: %v", res)
	}
	if res := run(&optim.Settings{MaxFuncEvals: 10}, &optim.LBFGS{}); res.Status != optim.FuncEvaluationLimit || res.FuncEvals < 10 {
		t.Errorf("MaxFuncEvals: %v", res)
	}
	if res := run(&optim.Settings{MaxGradEvals: 10}, &optim.TrustRegion{FiniteDifference: true}); res.Status != optim.GradEvaluationLimit || res.GradEvals > 10+2 {
		t.Errorf("MaxGradEvals: %v", res)
	}
	if res := run(&optim.Settings{MaxTime: time.Nanosecond}, &optim.ConjugateGradient{}); res.Status != optim.TimeLimit || res.Iterations > 1 {
		t.Errorf("MaxTime: %v", res)
	}
	if res := run(&optim.Settings{CostRelTol: 1, CostWindow: 2, GradTol: -1}, &optim.SteepestDescent{}); res.Status != optim.CostConverged || res.Iterations != 2 {
		t.Errorf("CostRelTol: %v", res)
	}
	if res := run(&optim.Settings{MinStep: 10}, &optim.SteepestDescent{}); res.Status != optim.StepTolerance || res.Iterations != 1 {
		t.Errorf("MinStep: %v", res)
	}
	if res := run(&optim.Settings{MinStep: 10}, &optim.TrustRegion{}); res.Status != optim.StepTolerance || res.Iterations != 1 {
		t.Errorf("MinStep (rtr): %v", res)
	}
	// Defaults: converges to the default tolerance.
	if res := run(nil, nil); res.Status != optim.GradientConverged || res.GradNorm > optim.DefaultGradTol || res.Method != "lbfgs" {
		t.Errorf("defaults: %v", res)
	}
	// Converged at x0: zero iterations.
	res, err := optim.Minimize(context.Background(), rp.manifold(), rp.problem(), rp.v1, nil, nil)
	if err != nil || res.Status != optim.GradientConverged || res.Iterations != 0 {
		t.Errorf("start at the minimiser: %v, %v", res, err)
	}
	// Everything off but the iteration limit.
	res = run(&optim.Settings{GradTol: -1, CostRelTol: -1, MinStep: -1, MaxIterations: 7}, &optim.TrustRegion{})
	if res.Status != optim.IterationLimit || res.Iterations != 7 {
		t.Errorf("criteria off: %v", res)
	}
}

func TestStatusString(t *testing.T) {
	for s := optim.NotTerminated; s <= optim.Stopped; s++ {
		if str := s.String(); str == "" || strings.HasPrefix(str, "Status(") {
			t.Errorf("Status %d has no name", int(s))
		}
	}
	if optim.Status(99).String() != "Status(99)" {
		t.Error(optim.Status(99).String())
	}
	if !optim.GradientConverged.Converged() || optim.IterationLimit.Converged() {
		t.Error("Converged")
	}
}

// TestDeterministic checks that two runs give the same bits.
func TestDeterministic(t *testing.T) {
	rp := small()
	p := rp.problem()
	p.StochasticGrad = noisyGrad(p, 0.3)
	for _, nm := range allMethods() {
		var prev *optim.Result
		for range 2 {
			res, err := optim.Minimize(context.Background(), rp.manifold(), p, rp.start(1), &optim.Settings{MaxIterations: 50}, nm.new())
			if err != nil {
				t.Fatal(err)
			}
			if prev != nil && (!slices.Equal(prev.X, res.X) || prev.Iterations != res.Iterations || prev.FuncEvals != res.FuncEvals) {
				t.Errorf("%s: two runs differ", nm.name)
			}
			prev = res
		}
	}
}

// hideHessian wraps a manifold and exposes only the Manifold methods, so
// that it has no EHessToRHess.
type hideHessian struct{ manifold.Manifold }

func TestTrustRegionHessianSources(t *testing.T) {
	rp := small()
	p := rp.problem()
	x0 := rp.start(1)
	run := func(m manifold.Manifold, p optim.Problem, tr *optim.TrustRegion) *optim.Result {
		t.Helper()
		res, err := optim.Minimize(context.Background(), m, p, x0, &optim.Settings{GradTol: 1e-10}, tr)
		if err != nil {
			t.Fatal(err)
		}
		if res.Status != optim.GradientConverged || math.Abs(res.F-rp.lambda1) > 1e-12 {
			t.Errorf("%v", res)
		}
		return res
	}
	// Exact Euclidean Hessian, converted: no note.
	if res := run(rp.manifold(), p, &optim.TrustRegion{}); len(res.Notes) != 0 {
		t.Errorf("notes %q", res.Notes)
	}
	// The Riemannian Hessian given directly.
	rp2 := p
	rp2.HessVec = nil
	s := sphere.New(rp.n)
	eg := make([]float64, rp.n)
	ehv := make([]float64, rp.n)
	rp2.RHessVec = func(hv, x, v []float64) {
		p.Grad(eg, x)
		p.HessVec(ehv, x, v)
		s.EHessToRHess(hv, x, eg, ehv, v)
	}
	if res := run(rp.manifold(), rp2, &optim.TrustRegion{}); len(res.Notes) != 0 {
		t.Errorf("notes %q", res.Notes)
	}
	// A manifold without EHessToRHess: finite differences, and a note.
	res := run(hideHessian{rp.manifold()}, p, &optim.TrustRegion{})
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "has no EHessToRHess") {
		t.Errorf("notes %q", res.Notes)
	}
	// No Hessian at all.
	noH := p
	noH.HessVec = nil
	res = run(rp.manifold(), noH, &optim.TrustRegion{})
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "no Hessian") {
		t.Errorf("notes %q", res.Notes)
	}
	// A Riemannian gradient with a Euclidean Hessian.
	rg := p
	rg.RGrad = func(g, x []float64) { p.Grad(eg, x); s.EGradToRGrad(g, x, eg) }
	rg.Grad = nil
	res = run(rp.manifold(), rg, &optim.TrustRegion{})
	if len(res.Notes) != 1 || !strings.Contains(res.Notes[0], "needs the Euclidean gradient") {
		t.Errorf("notes %q", res.Notes)
	}
}

// TestNonmonotoneBest checks that the nonmonotone search returns the best
// point it saw when stopped by a limit.
func TestNonmonotoneBest(t *testing.T) {
	rp := small()
	h := &optim.History{}
	res, err := optim.Minimize(context.Background(), rp.manifold(), rp.problem(), rp.start(1), &optim.Settings{MaxIterations: 12, Recorder: h}, &optim.SteepestDescent{Nonmonotone: true})
	if err != nil {
		t.Fatal(err)
	}
	best := math.Inf(1)
	for _, f := range h.Costs() {
		best = math.Min(best, f)
	}
	if res.F != best {
		t.Errorf("result cost %v, best seen %v", res.F, best)
	}
	if math.Abs(rp.problem().Cost(res.X)-res.F) > 1e-14 {
		t.Error("F is not the cost of X")
	}
}

// TestWorkspaceOnce checks that Minimize allocates its workspace once per
// call: a run of 40 iterations allocates as much as a run of 10.
func TestWorkspaceOnce(t *testing.T) {
	rp := small()
	m, p, x0 := rp.manifold(), rp.problem(), rp.start(1)
	for _, nm := range allMethods() {
		allocs := func(iters int) float64 {
			s := &optim.Settings{GradTol: -1, CostRelTol: -1, MinStep: -1, MaxIterations: iters}
			method := nm.new()
			return testing.AllocsPerRun(3, func() {
				res, err := optim.Minimize(context.Background(), m, p, x0, s, method)
				if err != nil || res.Iterations != iters {
					t.Fatalf("%v, %v", res, err)
				}
			})
		}
		if a, b := allocs(10), allocs(40); a != b {
			t.Errorf("%s: %v allocations for 10 iterations, %v for 40", nm.name, a, b)
		}
	}
}

// TestExactlyStationary starts at a point with a zero gradient, with the
// gradient tolerance switched off: no method may divide by the zero
// direction.
func TestExactlyStationary(t *testing.T) {
	s := sphere.New(4)
	p := optim.Problem{
		Cost:    func([]float64) float64 { return 1 },
		Grad:    func(g, _ []float64) { clear(g) },
		HessVec: func(hv, _, _ []float64) { clear(hv) },
	}
	for _, nm := range allMethods() {
		res, err := optim.Minimize(context.Background(), s, p, []float64{1, 0, 0, 0}, &optim.Settings{GradTol: -1, MaxIterations: 5}, nm.new())
		if err != nil {
			t.Fatal(err)
		}
		for _, v := range append(res.X, res.F, res.GradNorm) {
			if math.IsNaN(v) {
				t.Fatalf("%s: NaN in %v", nm.name, res)
			}
		}
		if res.X[0] != 1 {
			t.Errorf("%s: moved to %v", nm.name, res.X)
		}
	}
}

// TestInfCost: a cost of +Inf in a hole (outside the problem's domain)
// makes the line searches shorten their steps; the deterministic methods
// still converge to the minimiser. The hole is the ball of radius 0.2 about
// the first trial point (x0 + u)/√2 of the line searches, u the unit
// descent direction at x0.
func TestInfCost(t *testing.T) {
	rp := small()
	p := rp.problem()
	x0 := rp.start(1)
	s := rp.manifold()
	u := make([]float64, rp.n)
	p.Grad(u, x0)
	s.EGradToRGrad(u, x0, u)
	floats.Scale(-1/floats.Norm(u, 2), u)
	y := make([]float64, rp.n)
	floats.AddTo(y, x0, u)
	floats.Scale(1/math.Sqrt2, y)
	if d := math.Sqrt(2 - 2*math.Abs(floats.Dot(rp.v1, y))); d < 0.5 {
		t.Fatalf("test setup: the minimiser is within %v of the hole's centre", d)
	}
	capped := p
	infs := 0
	capped.Cost = func(x []float64) float64 {
		if floats.Distance(x, y, 2) < 0.2 {
			infs++
			return math.Inf(1)
		}
		return p.Cost(x)
	}
	for _, nm := range deterministicMethods {
		infs = 0
		res, err := optim.Minimize(context.Background(), s, capped, x0, &optim.Settings{GradTol: 1e-8}, nm.new())
		if err != nil {
			t.Fatal(err)
		}
		if res.Status != optim.GradientConverged || math.Abs(res.F-rp.lambda1) > 1e-12 {
			t.Errorf("%s: %v", nm.name, res)
		}
		if infs == 0 && !strings.HasPrefix(nm.name, "rtr") {
			t.Errorf("%s never met the +Inf region", nm.name)
		}
	}
	v1 := rp.v1
	// −Inf stops the run.
	unbounded := p
	unbounded.Cost = func(x []float64) float64 {
		if floats.Dot(x, v1) > 0.9 {
			return math.Inf(-1)
		}
		return p.Cost(x)
	}
	res, err := optim.Minimize(context.Background(), rp.manifold(), unbounded, x0, nil, &optim.SteepestDescent{})
	if err != nil || res.Status != optim.NotFinite || math.IsInf(res.F, 0) {
		t.Errorf("−Inf: %v, %v", res, err)
	}
}
