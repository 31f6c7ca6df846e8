package optim_test

import (
	"context"
	"fmt"
	"strings"
	"testing"

	"github.com/geodesic-go/geodesic/grassmann"
	"github.com/geodesic-go/geodesic/hyperbolic"
	"github.com/geodesic-go/geodesic/optim"
	"github.com/geodesic-go/geodesic/spd"
	"github.com/geodesic-go/geodesic/sphere"
	"github.com/geodesic-go/geodesic/stiefel"
)

// namedMethod is a method configuration under test.
type namedMethod struct {
	name string
	new  func() optim.Method
}

// deterministicMethods are the configurations whose iteration counts the
// package documentation reports.
var deterministicMethods = []namedMethod{
	{"sd", func() optim.Method { return &optim.SteepestDescent{} }},
	{"sd-nonmonotone", func() optim.Method { return &optim.SteepestDescent{Nonmonotone: true} }},
	{"cg-hz", func() optim.Method { return &optim.ConjugateGradient{Variant: optim.HagerZhang} }},
	{"cg-fr", func() optim.Method { return &optim.ConjugateGradient{Variant: optim.FletcherReeves} }},
	{"cg-pr+", func() optim.Method { return &optim.ConjugateGradient{Variant: optim.PolakRibierePlus} }},
	{"cg-hs", func() optim.Method { return &optim.ConjugateGradient{Variant: optim.HestenesStiefel} }},
	{"cg-dy", func() optim.Method { return &optim.ConjugateGradient{Variant: optim.DaiYuan} }},
	{"lbfgs", func() optim.Method { return &optim.LBFGS{} }},
	{"rtr", func() optim.Method { return &optim.TrustRegion{} }},
	{"rtr-fd", func() optim.Method { return &optim.TrustRegion{FiniteDifference: true} }},
}

// solve runs m on c to a gradient norm of 1e-8 and checks the answer.
func solve(t testing.TB, c testCase, m optim.Method) *optim.Result {
	t.Helper()
	res, err := optim.Minimize(context.Background(), c.m, c.p, c.x0, &optim.Settings{GradTol: 1e-8}, m)
	if err != nil {
		t.Fatalf("Minimize: %v", err)
	}
	if res.Status != optim.GradientConverged || !(res.GradNorm <= 1e-8) {
		t.Fatalf("%v", res)
	}
	if err := c.m.CheckPoint(res.X); err != nil {
		t.Errorf("result off the manifold: %v", err)
	}
	c.verify(t, res.X, res.F)
	return res
}

func convergenceCases() []testCase {
	return []testCase{
		rayleighCase(bigRayleigh()),
		brockettCase(200, 5),
		subspaceCase(200, 5),
		karcherTwoCase(5),
		karcherCommutingCase(5, 6),
		frechetCase("frechet", hyperbolic.NewLorentz(10), 4),
		coshDistCase(10),
	}
}

// TestConvergence solves every problem with every deterministic method to
// ‖grad f‖ ≤ 1e-8 and compares with the independent answers. With -v it
// logs the tables of iteration and evaluation counts reported in the
// package documentation.
func TestConvergence(t *testing.T) {
	cases := convergenceCases()
	results := make(map[string]map[string]*optim.Result)
	for _, c := range cases {
		results[c.name] = make(map[string]*optim.Result)
		for _, nm := range deterministicMethods {
			t.Run(c.name+"/"+nm.name, func(t *testing.T) {
				res := solve(t, c, nm.new())
				results[c.name][nm.name] = res
				t.Logf("%v", res)
			})
		}
	}
	if t.Failed() {
		return
	}
	var iters, evals strings.Builder
	fmt.Fprintf(&iters, "\n%-19s %-16s %4s", "problem", "manifold", "dim")
	fmt.Fprintf(&evals, "\n%-19s", "problem")
	for _, nm := range deterministicMethods {
		short := strings.Replace(nm.name, "nonmonotone", "nm", 1)
		fmt.Fprintf(&iters, " %*s", max(len(short), 4), short)
		fmt.Fprintf(&evals, " %-11s", short)
	}
	for _, c := range cases {
		label := fmt.Sprint(c.m) // "H^10 (Lorentz, c=1)" → "H^10", "SPD(5, …)" → "SPD(5)"
		if i := strings.Index(label, " ("); i > 0 {
			label = label[:i]
		}
		if i := strings.Index(label, ","); strings.HasPrefix(label, "SPD(") && i > 0 {
			label = label[:i] + ")"
		}
		fmt.Fprintf(&iters, "\n%-19s %-16s %4d", c.name, label, c.m.Dim())
		fmt.Fprintf(&evals, "\n%-19s", c.name)
		for _, nm := range deterministicMethods {
			res := results[c.name][nm.name]
			short := strings.Replace(nm.name, "nonmonotone", "nm", 1)
			fmt.Fprintf(&iters, " %*d", max(len(short), 4), res.Iterations)
			e := fmt.Sprintf("%d/%d", res.FuncEvals, res.GradEvals)
			if res.HessEvals > 0 {
				e += fmt.Sprintf("/%d", res.HessEvals)
			}
			fmt.Fprintf(&evals, " %-11s", e)
		}
	}
	t.Log(iters.String())
	t.Log(evals.String())
}

// TestConvergenceVariants repeats a few methods on other metrics,
// retractions, transports and models of the manifolds.
func TestConvergenceVariants(t *testing.T) {
	rp := newRayleigh(50, 8)
	rp.solve()
	ray := rayleighCase(rp)
	ray.m = sphere.New(50, sphere.WithRetraction(sphere.Exponential), sphere.WithTransport(sphere.Parallel))
	cases := []testCase{
		ray,
		brockettCase(60, 4, stiefel.WithMetric(stiefel.Canonical)),
		brockettCase(60, 4, stiefel.WithRetraction(stiefel.Polar), stiefel.WithTransport(stiefel.DifferentiatedPolar)),
		brockettCase(60, 4, stiefel.WithRetraction(stiefel.Cayley), stiefel.WithMetric(stiefel.Canonical)),
		subspaceCase(60, 4, grassmann.WithRetraction(grassmann.QR)),
		subspaceCase(60, 4, grassmann.WithRetraction(grassmann.Exponential), grassmann.WithTransport(grassmann.Parallel)),
		karcherCommutingCase(4, 5, spd.WithMetric(spd.LogEuclidean)),
		karcherCommutingCase(4, 5, spd.WithRetraction(spd.Exponential)),
		frechetCase("frechet-projective", hyperbolic.NewLorentz(6, hyperbolic.WithRetraction(hyperbolic.Projective), hyperbolic.WithTransport(hyperbolic.Projection)), 3),
		frechetCase("frechet-ball", hyperbolic.NewPoincareBall(6), 3),
		frechetCase("frechet-ball-c2", hyperbolic.NewPoincareBall(6, hyperbolic.WithCurvature(2)), 3),
	}
	methods := []namedMethod{deterministicMethods[0], deterministicMethods[2], deterministicMethods[7], deterministicMethods[8]}
	for _, c := range cases {
		for _, nm := range methods {
			t.Run(fmt.Sprintf("%s(%v)/%s", c.name, c.m, nm.name), func(t *testing.T) {
				solve(t, c, nm.new())
			})
		}
	}
}
