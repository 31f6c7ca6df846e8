package optim_test

import (
	"context"
	"fmt"
	"testing"

	"github.com/geodesic-go/geodesic/hyperbolic"
	"github.com/geodesic-go/geodesic/optim"
)

// benchCases are the benchmark problems, each at a tiny and a large size.
// Their references are not computed.
func benchCases() []struct {
	label string
	c     func() testCase
} {
	rc := func(n int) func() testCase {
		return func() testCase {
			rp := newRayleigh(n, 1)
			return testCase{name: "rayleigh", m: rp.manifold(), p: rp.problem(), x0: rp.start(3)}
		}
	}
	return []struct {
		label string
		c     func() testCase
	}{
		{"problem=rayleigh/n=10", rc(10)},
		{"problem=rayleigh/n=1000", rc(1000)},
		{"problem=brockett/n=10/p=2", func() testCase { return brockettCase(10, 2) }},
		{"problem=brockett/n=1000/p=10", func() testCase { return brockettCase(1000, 10) }},
		{"problem=subspace/n=10/p=2", func() testCase { return subspaceCase(10, 2) }},
		{"problem=subspace/n=1000/p=10", func() testCase { return subspaceCase(1000, 10) }},
		{"problem=karcher/n=3", func() testCase { return karcherCommutingCase(3, 6) }},
		{"problem=karcher/n=30", func() testCase { return karcherCommutingCase(30, 6) }},
		{"problem=frechet/n=2", func() testCase { return frechetCase("frechet", hyperbolic.NewLorentz(2), 4) }},
		{"problem=frechet/n=1000", func() testCase { return frechetCase("frechet", hyperbolic.NewLorentz(1000), 4) }},
	}
}

// BenchmarkMinimize times a full solve to ‖grad f‖ ≤ 1e-8, the setting of
// the iteration table, for every deterministic method on every problem.
func BenchmarkMinimize(b *testing.B) {
	for _, nm := range deterministicMethods {
		for _, bc := range benchCases() {
			b.Run(fmt.Sprintf("method=%s/%s", nm.name, bc.label), func(b *testing.B) {
				c := bc.c()
				s := &optim.Settings{GradTol: 1e-8}
				m := nm.new()
				b.ReportAllocs()
				var res *optim.Result
				for b.Loop() {
					var err error
					res, err = optim.Minimize(context.Background(), c.m, c.p, c.x0, s, m)
					if err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(res.Iterations), "iters/op")
			})
		}
	}
}

// BenchmarkStochastic times the stochastic methods on the noisy Rayleigh
// problem: noisySteps steps at n = 50 (the test) and 300 steps at n = 1000.
func BenchmarkStochastic(b *testing.B) {
	for _, nm := range stochasticMethods {
		for _, size := range []struct{ n, steps int }{{50, noisySteps}, {1000, 300}} {
			b.Run(fmt.Sprintf("method=%s/problem=noisyrayleigh/n=%d", nm.name, size.n), func(b *testing.B) {
				rp := newRayleigh(size.n, 5)
				p := rp.problem()
				p.StochasticGrad = noisyGrad(p, 0.5)
				x0 := rp.start(3)
				s := &optim.Settings{MaxIterations: size.steps}
				m := nm.new()
				b.ReportAllocs()
				for b.Loop() {
					if _, err := optim.Minimize(context.Background(), rp.manifold(), p, x0, s, m); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}

// BenchmarkStep times one stepper update (the per-step overhead of SGD and
// Adam in a user's training loop) on S^{n−1}.
func BenchmarkStep(b *testing.B) {
	for _, n := range []int{10, 100000} {
		rp := &rayleigh{n: n}
		m := rp.manifold()
		x := rp.start(1)
		g := rp.start(2)
		sgd := &optim.SGD{Momentum: 0.9, Nesterov: true}
		adam := &optim.Adam{}
		for _, st := range []struct {
			name string
			step func() error
		}{
			{"sgd-nesterov", func() error { return sgd.Step(m, x, g) }},
			{"adam", func() error { return adam.Step(m, x, g) }},
		} {
			b.Run(fmt.Sprintf("method=%s/n=%d", st.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					if err := st.step(); err != nil {
						b.Fatal(err)
					}
				}
			})
		}
	}
}
