package bench

import (
	"context"

	"github.com/geodesic-go/geodesic/optim"
)

// solverGradTol is the gradient tolerance of the solver workloads, the
// setting of optim's iteration table.
const solverGradTol = 1e-8

// solverDef is one solver configuration.
type solverDef struct {
	name       string
	new        func() optim.Method
	settings   func() *optim.Settings
	stochastic bool // only on the problems listed for stochastic methods
	tol        float64
}

func deterministicSettings() *optim.Settings { return &optim.Settings{GradTol: solverGradTol} }

// solverDefs are the solvers, in report order. SGD and Adam run a fixed
// number of steps with the exact gradient (as their stochastic gradient)
// and are checked against a looser tolerance.
var solverDefs = []solverDef{
	{name: "sd", new: func() optim.Method { return &optim.SteepestDescent{} }, settings: deterministicSettings},
	{name: "cg-hz", new: func() optim.Method { return &optim.ConjugateGradient{} }, settings: deterministicSettings},
	{name: "lbfgs", new: func() optim.Method { return &optim.LBFGS{} }, settings: deterministicSettings},
	{name: "rtr", new: func() optim.Method { return &optim.TrustRegion{} }, settings: deterministicSettings},
	{
		name: "sgd", stochastic: true, tol: 1e-6,
		new: func() optim.Method { return &optim.SGD{LearningRate: 0.1, EvalEvery: 10} },
		settings: func() *optim.Settings {
			return &optim.Settings{GradTol: solverGradTol, MaxIterations: 500}
		},
	},
	{
		name: "adam", stochastic: true, tol: 1e-4,
		new: func() optim.Method {
			return &optim.Adam{LearningRate: 0.05, Schedule: optim.Cosine{Steps: 1000}, EvalEvery: 10}
		},
		settings: func() *optim.Settings {
			return &optim.Settings{GradTol: solverGradTol, MaxIterations: 1000}
		},
	},
}

// SolverNames returns the names of the solvers the registry runs, as their
// optim.Method String methods spell them.
func SolverNames() []string {
	names := make([]string, len(solverDefs))
	for i, s := range solverDefs {
		names[i] = s.name
	}
	return names
}

// problemDef is one test problem at its three sizes.
type problemDef struct {
	name, manifold, variant string
	stochastic              bool // also run the stochastic methods
	sizes                   []problemSize
}

type problemSize struct {
	size   Size
	params []param
	new    func() *testProblem
}

// ProblemNames returns the names of the solver test problems.
func ProblemNames() []string {
	var names []string
	for _, p := range problemDefs() {
		names = append(names, p.name)
	}
	return names
}

func problemDefs() []problemDef {
	frame := func(f func(n, p int) *testProblem) []problemSize {
		var out []problemSize
		for _, s := range []struct {
			s    Size
			n, p int
		}{{SizeTiny, 10, 2}, {SizeMedium, 100, 5}, {SizeTall, 1000, 10}} {
			n, p := s.n, s.p
			out = append(out, problemSize{s.s, []param{{"n", n}, {"p", p}}, func() *testProblem { return f(n, p) }})
		}
		return out
	}
	vec := func(ns [3]int, f func(n int) *testProblem) []problemSize {
		var out []problemSize
		for i, s := range Sizes() {
			n := ns[i]
			out = append(out, problemSize{s, []param{{"n", n}}, func() *testProblem { return f(n) }})
		}
		return out
	}
	return []problemDef{
		{name: "rayleigh", manifold: "sphere", stochastic: true, sizes: vec([3]int{10, 100, 1000}, rayleighProblem)},
		{name: "brockett", manifold: "stiefel", variant: "metric=euclidean", sizes: frame(brockettProblem)},
		{name: "subspace", manifold: "grassmann", sizes: frame(subspaceProblem)},
		{name: "karcher", manifold: "spd", variant: "metric=ai",
			sizes: vec([3]int{3, 10, 100}, func(n int) *testProblem { return karcherProblem(n, 6) })},
		{name: "frechet", manifold: "hyperbolic", variant: "model=lorentz",
			sizes: vec([3]int{2, 10, 100}, func(n int) *testProblem { return frechetProblem(n, 4) })},
	}
}

func init() {
	register(20, func() []Workload {
		var ws []Workload
		for _, pd := range problemDefs() {
			for _, sd := range solverDefs {
				if sd.stochastic && !pd.stochastic {
					continue
				}
				for _, ps := range pd.sizes {
					// The problem (and its matrix) is built by Setup only.
					sd, ps := sd, ps
					ws = append(ws, newWorkload(KindSolver, sd.name, pd.name, pd.manifold, pd.variant, ps.size,
						pointLen(pd.manifold, ps.params), ps.params,
						func() (*Instance, error) { return setupSolver(ps.new(), sd) }))
				}
			}
		}
		return ws
	})
}

// pointLen returns the length of a point of the named manifold with the
// given size parameters.
func pointLen(mfd string, ps []param) int {
	get := func(k string) int {
		for _, p := range ps {
			if p.key == k {
				return p.val
			}
		}
		return 0
	}
	switch mfd {
	case "sphere":
		return get("n")
	case "spd":
		return get("n") * get("n")
	case "hyperbolic":
		return get("n") + 1 // the hyperboloid
	}
	return get("n") * get("p")
}

// setupSolver returns the instance that runs one solver on one problem.
func setupSolver(tp *testProblem, sd solverDef) (*Instance, error) {
	method := sd.new()
	tol := tp.tol
	if sd.tol > 0 {
		tol = sd.tol
	}
	solve := func(ctx context.Context, s *optim.Settings) (*Outcome, error) {
		res, err := optim.Minimize(ctx, tp.m, tp.prob, tp.x0, s, method)
		if err != nil {
			return nil, err
		}
		return outcomeOf(res, tp, tol), nil
	}
	return &Instance{
		Run: func(ctx context.Context, n int) (*Outcome, error) {
			var out *Outcome
			s := sd.settings()
			for range n {
				var err error
				if out, err = solve(ctx, s); err != nil {
					return nil, err
				}
			}
			return out, nil
		},
		Trace: func(ctx context.Context) (*Outcome, error) {
			s := sd.settings()
			var trace []TracePoint
			s.Recorder = optim.RecorderFunc(func(it optim.Iteration) error {
				trace = append(trace, TracePoint{Iter: it.Iter, Cost: it.F, GradNorm: it.GradNorm})
				return nil
			})
			out, err := solve(ctx, s)
			if out != nil {
				out.Trace = trace
			}
			return out, err
		},
	}, nil
}

// outcomeOf summarises an optim result for the report.
func outcomeOf(res *optim.Result, tp *testProblem, tol float64) *Outcome {
	return &Outcome{
		Status:      res.Status.String(),
		Converged:   res.Status.Converged(),
		Iterations:  res.Iterations,
		FuncEvals:   res.FuncEvals,
		GradEvals:   res.GradEvals,
		HessEvals:   res.HessEvals,
		Cost:        res.F,
		GradNorm:    res.GradNorm,
		Optimum:     tp.optimum,
		FinalError:  tp.errf(res.X),
		ErrorMetric: tp.metric,
		Tolerance:   tol,
	}
}
