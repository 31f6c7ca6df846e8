package bench

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/grassmann"
	"github.com/geodesic-go/geodesic/hyperbolic"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/spd"
	"github.com/geodesic-go/geodesic/sphere"
	"github.com/geodesic-go/geodesic/stiefel"
)

// The operation workloads time one call of a manifold method through the
// manifold.Manifold interface (and the capability interfaces of package
// manifold for the optional methods), as the solvers call them. The inputs
// are a random point p, random tangent vectors u and v at p of lengths d
// and d/2, with d = ½·min(1, injectivity radius at p), the points
// q = Exp_p(u) and r = Retract_p(u), and standard Gaussian ambient
// matrices x and y. Each operation writes into its own destination slice.

// opSpec is one manifold configuration at one size.
type opSpec struct {
	manifold string
	variant  string
	size     Size
	params   []param
	skip     map[string]bool // operations not measured for this configuration
	new      func() manifold.Manifold
}

// opDef is one operation.
type opDef struct {
	name string
	// has reports whether m has the operation (nil: every manifold).
	has func(m manifold.Manifold) bool
	// loop returns the function that calls the operation n times.
	loop func(s *opState) func(n int)
}

// opState holds the inputs and outputs of an operation workload.
type opState struct {
	m                   manifold.Manifold
	p, q, r, u, v, x, y []float64
	dst                 []float64
	sink                float64 // keeps the compiler from discarding results
}

func hasInverseRetract(m manifold.Manifold) bool {
	_, ok := manifold.AsInverseRetractor(m)
	return ok
}

func hasParallelTransport(m manifold.Manifold) bool {
	_, ok := manifold.AsParallelTransporter(m)
	return ok
}

func hasHessian(m manifold.Manifold) bool {
	_, ok := manifold.AsHessianConverter(m)
	return ok
}

// operations lists the measured operations, in report order.
var operations = []opDef{
	{name: "inner", loop: func(s *opState) func(int) {
		return func(n int) {
			var a float64
			for range n {
				a += s.m.Inner(s.p, s.u, s.v)
			}
			s.sink += a
		}
	}},
	{name: "norm", loop: func(s *opState) func(int) {
		return func(n int) {
			var a float64
			for range n {
				a += s.m.Norm(s.p, s.v)
			}
			s.sink += a
		}
	}},
	{name: "proj", loop: func(s *opState) func(int) {
		return func(n int) {
			for range n {
				s.m.Proj(s.dst, s.p, s.x)
			}
		}
	}},
	{name: "egradtorgrad", loop: func(s *opState) func(int) {
		return func(n int) {
			for range n {
				s.m.EGradToRGrad(s.dst, s.p, s.x)
			}
		}
	}},
	{name: "ehesstorhess", has: hasHessian, loop: func(s *opState) func(int) {
		h, _ := manifold.AsHessianConverter(s.m)
		return func(n int) {
			for range n {
				h.EHessToRHess(s.dst, s.p, s.x, s.y, s.v)
			}
		}
	}},
	{name: "exp", loop: func(s *opState) func(int) {
		return func(n int) {
			for range n {
				s.m.Exp(s.dst, s.p, s.v)
			}
		}
	}},
	{name: "log", loop: func(s *opState) func(int) {
		return func(n int) {
			for range n {
				_ = s.m.Log(s.dst, s.p, s.q)
			}
		}
	}},
	{name: "dist", loop: func(s *opState) func(int) {
		return func(n int) {
			var a float64
			for range n {
				a += s.m.Dist(s.p, s.q)
			}
			s.sink += a
		}
	}},
	{name: "retract", loop: func(s *opState) func(int) {
		return func(n int) {
			for range n {
				s.m.Retract(s.dst, s.p, s.v)
			}
		}
	}},
	{name: "inverseretract", has: hasInverseRetract, loop: func(s *opState) func(int) {
		ir, _ := manifold.AsInverseRetractor(s.m)
		return func(n int) {
			for range n {
				_ = ir.InverseRetract(s.dst, s.p, s.r)
			}
		}
	}},
	{name: "transport", loop: func(s *opState) func(int) {
		return func(n int) {
			for range n {
				s.m.Transport(s.dst, s.p, s.q, s.v)
			}
		}
	}},
	{name: "paralleltransport", has: hasParallelTransport, loop: func(s *opState) func(int) {
		pt, _ := manifold.AsParallelTransporter(s.m)
		return func(n int) {
			for range n {
				pt.ParallelTransport(s.dst, s.p, s.q, s.v)
			}
		}
	}},
}

// OpNames returns the names of the operations the registry can measure,
// in report order. A manifold without an optional capability
// (inverseretract, paralleltransport, ehesstorhess) has no workload for it.
func OpNames() []string {
	names := make([]string, len(operations))
	for i, o := range operations {
		names[i] = o.name
	}
	return names
}

// opWorkloads returns the operation workloads of the given configurations:
// for each manifold and variant (in the order of specs), each operation at
// each size.
func opWorkloads(specs []opSpec) []Workload {
	var ws []Workload
	for lo := 0; lo < len(specs); {
		hi := lo + 1
		for hi < len(specs) && specs[hi].manifold == specs[lo].manifold && specs[hi].variant == specs[lo].variant {
			hi++
		}
		for _, op := range operations {
			for _, sp := range specs[lo:hi] {
				if sp.skip[op.name] {
					continue
				}
				m := sp.new()
				if op.has != nil && !op.has(m) {
					continue
				}
				r, c := m.Shape()
				sp, op := sp, op
				ws = append(ws, newWorkload(KindOp, op.name, "", sp.manifold, sp.variant, sp.size, r*c, sp.params,
					func() (*Instance, error) { return setupOp(sp, op) }))
			}
		}
		lo = hi
	}
	return ws
}

// setupOp prepares the inputs of an operation workload.
func setupOp(sp opSpec, op opDef) (*Instance, error) {
	m := sp.new()
	rng := rand.New(rand.NewPCG(1, 2))
	s := &opState{m: m}
	for _, a := range []*[]float64{&s.p, &s.q, &s.r, &s.u, &s.v, &s.x, &s.y, &s.dst} {
		*a = manifold.NewPoint(m)
	}
	m.RandomPoint(s.p, rng)
	d := 0.5
	if ir, ok := manifold.AsInjectivityRadiuser(m); ok {
		d = 0.5 * math.Min(1, ir.InjectivityRadius(s.p))
	}
	if lr, ok := m.(interface{ LogRadius() float64 }); ok {
		d = math.Min(d, 0.5*lr.LogRadius())
	}
	m.RandomTangent(s.u, s.p, rng)
	m.RandomTangent(s.v, s.p, rng)
	scaleTo(m, s.p, s.u, d)
	scaleTo(m, s.p, s.v, d/2)
	for i := range s.x {
		s.x[i] = rng.NormFloat64()
		s.y[i] = rng.NormFloat64()
	}
	m.Exp(s.q, s.p, s.u)
	m.Retract(s.r, s.p, s.u)
	if err := m.Log(s.dst, s.p, s.q); err != nil {
		return nil, fmt.Errorf("setup: Log of the test points: %w", err)
	}
	loop := op.loop(s)
	return &Instance{Run: func(_ context.Context, n int) (*Outcome, error) {
		loop(n)
		return nil, nil
	}}, nil
}

// scaleTo scales the tangent vector v at p to norm d (a zero v stays zero).
func scaleTo(m manifold.Manifold, p, v []float64, d float64) {
	nv := m.Norm(p, v)
	if nv == 0 {
		return
	}
	for i := range v {
		v[i] *= d / nv
	}
}

func init() {
	register(10, func() []Workload {
		var specs []opSpec
		for _, sz := range []struct {
			s Size
			n int
		}{{SizeTiny, 3}, {SizeMedium, 100}, {SizeTall, 10000}} {
			n := sz.n
			specs = append(specs, opSpec{manifold: "sphere", size: sz.s, params: []param{{"n", n}},
				new: func() manifold.Manifold { return sphere.New(n) }})
		}
		for _, sz := range frameSizes {
			n, p := sz.n, sz.p
			specs = append(specs, opSpec{manifold: "grassmann", size: sz.s, params: []param{{"n", n}, {"p", p}},
				new: func() manifold.Manifold { return grassmann.New(n, p) }})
		}
		for _, met := range []struct {
			name string
			m    stiefel.Metric
			skip map[string]bool
		}{
			{"euclidean", stiefel.Euclidean, nil},
			// The projection, retraction and transport do not depend on
			// the metric.
			{"canonical", stiefel.Canonical, map[string]bool{"proj": true, "retract": true, "inverseretract": true, "transport": true}},
		} {
			for _, sz := range frameSizes {
				n, p, g := sz.n, sz.p, met.m
				specs = append(specs, opSpec{manifold: "stiefel", variant: "metric=" + met.name, size: sz.s,
					params: []param{{"n", n}, {"p", p}}, skip: met.skip,
					new: func() manifold.Manifold { return stiefel.New(n, p, stiefel.WithMetric(g)) }})
			}
		}
		for _, met := range []struct {
			name string
			m    spd.Metric
		}{{"ai", spd.AffineInvariant}, {"le", spd.LogEuclidean}, {"lc", spd.LogCholesky}, {"bw", spd.BuresWasserstein}} {
			var skip map[string]bool
			if met.m != spd.AffineInvariant {
				skip = map[string]bool{"proj": true} // symmetrisation, whatever the metric
			}
			for _, sz := range []struct {
				s Size
				n int
			}{{SizeTiny, 3}, {SizeMedium, 10}, {SizeTall, 100}} {
				n, g := sz.n, met.m
				specs = append(specs, opSpec{manifold: "spd", variant: "metric=" + met.name, size: sz.s,
					params: []param{{"n", n}}, skip: skip,
					new: func() manifold.Manifold { return spd.New(n, spd.WithMetric(g)) }})
			}
		}
		for _, model := range []struct {
			name string
			new  func(n int) manifold.Manifold
		}{
			{"lorentz", func(n int) manifold.Manifold { return hyperbolic.NewLorentz(n) }},
			{"ball", func(n int) manifold.Manifold { return hyperbolic.NewPoincareBall(n) }},
			{"halfspace", func(n int) manifold.Manifold { return hyperbolic.NewHalfSpace(n) }},
		} {
			for _, sz := range hyperbolicSizes {
				n, mk := sz.n, model.new
				specs = append(specs, opSpec{manifold: "hyperbolic", variant: "model=" + model.name, size: sz.s,
					params: []param{{"n", n}}, new: func() manifold.Manifold { return mk(n) }})
			}
		}
		return opWorkloads(specs)
	})
}

// frameSizes are the sizes of the manifolds of n×p frames.
var frameSizes = []struct {
	s    Size
	n, p int
}{{SizeTiny, 3, 2}, {SizeMedium, 50, 5}, {SizeTall, 1000, 10}}

// hyperbolicSizes are the dimensions of hyperbolic space.
var hyperbolicSizes = []struct {
	s Size
	n int
}{{SizeTiny, 2}, {SizeMedium, 10}, {SizeTall, 100}}
