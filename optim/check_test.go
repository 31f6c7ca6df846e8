package optim_test

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/geodesic-go/geodesic/hyperbolic"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/optim"
	"github.com/geodesic-go/geodesic/sphere"
)

// checkCases are problems with correct derivatives on several manifolds.
func checkCases() []testCase {
	rp := small()
	return []testCase{
		rayleighCase(rp),
		brockettCase(20, 3),
		subspaceCase(20, 3),
		karcherTwoCase(4),
		frechetCase("frechet", hyperbolic.NewLorentz(5), 2),
		coshDistCase(5),
	}
}

func TestCheckGradient(t *testing.T) {
	for _, c := range checkCases() {
		t.Run(c.name, func(t *testing.T) {
			rep, err := optim.CheckGradient(c.m, c.p, c.x0, rand.New(rand.NewPCG(1, 2)))
			if err != nil {
				t.Fatal(err)
			}
			if rep.Verdict != optim.Passed || math.Abs(rep.Slope-2) > 0.1 || rep.Tangent != nil {
				t.Errorf("correct gradient:\n%v", rep)
			}
			if !(rep.TMax/rep.TMin >= 10) {
				t.Errorf("fitted range [%g, %g] is less than a decade", rep.TMin, rep.TMax)
			}
			if !strings.Contains(rep.String(), "gradient check: passed") {
				t.Errorf("String: %q", rep.String())
			}
			// A wrong gradient: 1% off in one Euclidean direction.
			wrong := c.p
			switch {
			case c.p.Grad != nil:
				wrong.Grad = func(g, x []float64) { c.p.Grad(g, x); g[len(g)-1] += 0.01 * (1 + math.Abs(g[len(g)-1])) }
			default:
				wrong.RGrad = func(g, x []float64) { c.p.RGrad(g, x); g[0] *= 1.01; g[len(g)-1] *= 1.01 }
			}
			rep, err = optim.CheckGradient(c.m, wrong, c.x0, rand.New(rand.NewPCG(1, 2)))
			if err != nil {
				t.Fatal(err)
			}
			if rep.Verdict != optim.Failed || math.Abs(rep.Slope-1) > 0.1 {
				t.Errorf("wrong gradient:\n%v", rep)
			}
		})
	}
}

func TestCheckHessian(t *testing.T) {
	for _, c := range checkCases() {
		if c.p.HessVec == nil {
			continue
		}
		t.Run(c.name, func(t *testing.T) {
			rep, err := optim.CheckHessian(c.m, c.p, c.x0, rand.New(rand.NewPCG(1, 2)))
			if err != nil {
				t.Fatal(err)
			}
			if rep.Verdict != optim.Passed || math.Abs(rep.Slope-3) > 0.15 || rep.Tangent != nil || rep.Symmetry > 1e-12 {
				t.Errorf("correct Hessian:\n%v", rep)
			}
			wrong := c.p
			wrong.HessVec = func(hv, x, v []float64) { // 1% of the identity too much
				c.p.HessVec(hv, x, v)
				for i := range hv {
					hv[i] += 0.01 * v[i]
				}
			}
			rep, err = optim.CheckHessian(c.m, wrong, c.x0, rand.New(rand.NewPCG(1, 2)))
			if err != nil {
				t.Fatal(err)
			}
			if rep.Verdict != optim.Failed || math.Abs(rep.Slope-2) > 0.15 {
				t.Errorf("wrong Hessian:\n%v", rep)
			}
		})
	}
}

func TestCheckSpecial(t *testing.T) {
	s := sphere.New(4)
	// A constant cost: every remainder is zero.
	constant := optim.Problem{
		Cost: func([]float64) float64 { return 3 },
		Grad: func(g, _ []float64) { clear(g) },
	}
	rep, err := optim.CheckGradient(s, constant, nil, nil)
	if err != nil || rep.Verdict != optim.Exact || !math.IsNaN(rep.Slope) {
		t.Errorf("constant: %v, %v", rep, err)
	}
	if !strings.Contains(rep.String(), "exact") {
		t.Errorf("String: %q", rep)
	}
	// A gradient that is not tangent is reported.
	notTangent := optim.Problem{
		Cost:  func(x []float64) float64 { return x[0] },
		RGrad: func(g, x []float64) { clear(g); g[0] = 1 },
	}
	rep, err = optim.CheckGradient(s, notTangent, []float64{0.6, 0.8, 0, 0}, nil)
	if err != nil || rep.Tangent == nil || !strings.Contains(rep.String(), "NOT tangent") {
		t.Errorf("non-tangent gradient: %v, %v", rep, err)
	}
	// Errors.
	rp := small()
	p := rp.problem()
	noH := p
	noH.HessVec = nil
	for name, f := range map[string]func() error{
		"nil manifold": func() error { _, err := optim.CheckGradient(nil, p, nil, nil); return err },
		"nil cost": func() error {
			_, err := optim.CheckGradient(rp.manifold(), optim.Problem{Grad: p.Grad}, nil, nil)
			return err
		},
		"no gradient": func() error {
			_, err := optim.CheckGradient(rp.manifold(), optim.Problem{Cost: p.Cost}, nil, nil)
			return err
		},
		"short x":      func() error { _, err := optim.CheckGradient(rp.manifold(), p, []float64{1}, nil); return err },
		"off manifold": func() error { _, err := optim.CheckGradient(rp.manifold(), p, make([]float64, rp.n), nil); return err },
		"no Hessian":   func() error { _, err := optim.CheckHessian(rp.manifold(), noH, nil, nil); return err },
		"no converter": func() error { _, err := optim.CheckHessian(hideHessian{rp.manifold()}, p, nil, nil); return err },
	} {
		if f() == nil {
			t.Errorf("%s: no error", name)
		}
	}
	var _ manifold.Manifold = hideHessian{}
}
