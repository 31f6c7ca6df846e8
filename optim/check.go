package optim

import (
	"github.com/geodesic-go/geodesic/internal/linalg"

	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/geodesic-go/geodesic/manifold"
)

// Verdict is the conclusion of a Taylor check.
type Verdict int

const (
	// Inconclusive: no range of steps shows a clean power law (for example
	// the cost is too noisy).
	Inconclusive Verdict = iota
	// Passed: the remainder decreases at least as fast as the expected
	// power of t over at least a decade of steps.
	Passed
	// Failed: the remainder decreases more slowly than expected; the
	// derivative is wrong (a slope near 1 for a gradient, near 2 for a
	// Hessian, is the usual signature).
	Failed
	// Exact: the remainder is at rounding level for every step, so the
	// model is exact along the curve (for example a cost that is linear, or
	// quadratic for the Hessian check, along geodesics).
	Exact
)

// String returns "inconclusive", "passed", "FAILED" or "exact".
func (v Verdict) String() string {
	switch v {
	case Inconclusive:
		return "inconclusive"
	case Passed:
		return "passed"
	case Failed:
		return "FAILED"
	case Exact:
		return "exact"
	}
	return fmt.Sprintf("Verdict(%d)", int(v))
}

// TaylorCheck is the report of CheckGradient or CheckHessian.
type TaylorCheck struct {
	// What is "gradient" or "Hessian".
	What string
	// Expected is the slope a correct derivative gives: 2 for the
	// gradient, 3 for the Hessian.
	Expected float64
	// Slope is the least-squares slope of log₁₀ E(t) against log₁₀ t over
	// the fitted range; NaN if there is none.
	Slope float64
	// TMin and TMax bound the fitted range of steps.
	TMin, TMax float64
	// Steps and Errors are the data: the steps t and the remainders E(t).
	Steps, Errors []float64
	// Verdict is the conclusion.
	Verdict Verdict
	// Tangent is the result of the manifold's CheckTangent on grad f(x)
	// (gradient check) or on Hess f(x)[v] (Hessian check): nil if the
	// vector is tangent.
	Tangent error
	// Symmetry (Hessian check only) is the relative asymmetry
	// |⟨u, H[v]⟩ − ⟨H[u], v⟩|/(‖u‖·‖H[v]‖ + ‖H[u]‖·‖v‖) for two random
	// tangent vectors u, v; it should be at rounding level.
	Symmetry float64
}

// String returns a short multi-line report, e.g.
//
//	gradient check: passed: slope 2.00 over t ∈ [1e-06, 0.1] (expected 2)
//	grad f(x) is tangent
func (c *TaylorCheck) String() string {
	var b strings.Builder
	switch c.Verdict {
	case Exact:
		fmt.Fprintf(&b, "%s check: exact: the Taylor remainder is at rounding level for every step", c.What)
	case Inconclusive:
		fmt.Fprintf(&b, "%s check: inconclusive: no range of steps with a clean power law (expected slope %g)", c.What, c.Expected)
	default:
		fmt.Fprintf(&b, "%s check: %v: slope %.2f over t ∈ [%.2g, %.2g] (expected %g)", c.What, c.Verdict, c.Slope, c.TMin, c.TMax, c.Expected)
	}
	vec := "grad f(x)"
	if c.What == "Hessian" {
		vec = "Hess f(x)[v]"
	}
	if c.Tangent == nil {
		fmt.Fprintf(&b, "\n%s is tangent", vec)
	} else {
		fmt.Fprintf(&b, "\n%s is NOT tangent: %v", vec, c.Tangent)
	}
	if c.What == "Hessian" {
		fmt.Fprintf(&b, "\nrelative asymmetry %.2g", c.Symmetry)
	}
	return b.String()
}

// CheckGradient checks the gradient of p at x by a Taylor expansion along
// the geodesic γ(t) = Exp_x(t·v) in a random unit direction v ∈ T_x M:
//
//	E(t) = |f(Exp_x(t·v)) − f(x) − t·⟨grad f(x), v⟩| = O(t²)
//
// for a correct gradient and O(t) otherwise (Absil, Mahony & Sepulchre 2008,
// §4.1; Boumal 2023, §4.8, the method of Manopt's checkgradient). It
// evaluates E at 51 steps t from 10⁻⁸ to 1 and fits the slope of log E
// against log t over the range of smallest steps (above the rounding level
// of the cost) where the points lie on a line for at least a decade: the
// asymptotic order as t → 0 is what decides. It reports the slope, the
// range and the verdict: Passed if the slope is at least the expected one
// minus 0.1, Failed if it is smaller, Inconclusive if no range qualifies,
// Exact if every remainder is at rounding level. It also checks that
// grad f(x) is a tangent vector.
//
// The gradient is the one Minimize uses: RGrad, or Grad converted by the
// manifold. A nil x means a random point, drawn with rng; a nil rng means a
// PCG generator seeded with (1, 2). Invalid input (nil manifold or cost, no
// gradient, x of the wrong length or off the manifold, a non-finite cost or
// gradient at x) returns an error.
func CheckGradient(m manifold.Manifold, p Problem, x []float64, rng *rand.Rand) (*TaylorCheck, error) {
	c, err := newChecker(m, p, x, rng)
	if err != nil {
		return nil, err
	}
	rep := &TaylorCheck{What: "gradient", Expected: 2, Tangent: m.CheckTangent(c.x, c.g)}
	dphi := m.Inner(c.x, c.g, c.v)
	c.taylor(rep, func(t float64) float64 { return t * dphi })
	return rep, nil
}

// CheckHessian checks the Hessian-vector product of p at x by the
// second-order Taylor expansion along γ(t) = Exp_x(t·v), v a random unit
// tangent vector:
//
//	E(t) = |f(Exp_x(t·v)) − f(x) − t·⟨grad f(x), v⟩ − t²/2·⟨v, Hess f(x)[v]⟩| = O(t³)
//
// for a correct Hessian (geodesics have zero acceleration, so no retraction
// term enters) and O(t²) otherwise (Boumal 2023, §6.8, the method of
// Manopt's checkhessian). It also reports whether Hess f(x)[v] is tangent
// and the relative asymmetry of the Hessian on two random tangent vectors.
//
// The Hessian is the one TrustRegion uses: RHessVec, or HessVec converted by
// the manifold's EHessToRHess; CheckHessian returns an error if the problem
// has neither (the finite-difference approximation needs no checking), and
// otherwise validates its input as CheckGradient does.
func CheckHessian(m manifold.Manifold, p Problem, x []float64, rng *rand.Rand) (*TaylorCheck, error) {
	c, err := newChecker(m, p, x, rng)
	if err != nil {
		return nil, err
	}
	var hc manifold.HessianConverter
	switch {
	case p.RHessVec != nil:
	case p.HessVec != nil && p.RGrad == nil:
		var ok bool
		if hc, ok = manifold.AsHessianConverter(m); !ok {
			return nil, fmt.Errorf("optim: CheckHessian: %s has no EHessToRHess (manifold.HessianConverter) to convert Problem.HessVec", name(m))
		}
	case p.HessVec != nil:
		return nil, errors.New("optim: CheckHessian: Problem.HessVec needs the Euclidean gradient Problem.Grad for its conversion, but the gradient comes from Problem.RGrad")
	default:
		return nil, errors.New("optim: CheckHessian: the problem has no Hessian (Problem.RHessVec or Problem.HessVec)")
	}
	n := len(c.x)
	ehv := make([]float64, n)
	hess := func(dst, v []float64) {
		if p.RHessVec != nil {
			p.RHessVec(dst, c.x, v)
			return
		}
		p.HessVec(ehv, c.x, v)
		hc.EHessToRHess(dst, c.x, c.eg, ehv, v)
	}
	hv := make([]float64, n)
	hess(hv, c.v)
	if !linalg.AllFinite(hv) {
		return nil, errors.New("optim: CheckHessian: the Hessian-vector product at x has a NaN or infinite entry")
	}
	rep := &TaylorCheck{What: "Hessian", Expected: 3, Tangent: m.CheckTangent(c.x, hv)}
	// Symmetry on (u, v).
	u := make([]float64, n)
	m.RandomTangent(u, c.x, c.rng)
	hu := make([]float64, n)
	hess(hu, u)
	num := math.Abs(m.Inner(c.x, u, hv) - m.Inner(c.x, hu, c.v))
	den := m.Norm(c.x, u)*m.Norm(c.x, hv) + m.Norm(c.x, hu)*m.Norm(c.x, c.v)
	if den > 0 {
		rep.Symmetry = num / den
	}
	dphi := m.Inner(c.x, c.g, c.v)
	curv := m.Inner(c.x, c.v, hv)
	c.taylor(rep, func(t float64) float64 { return t*dphi + 0.5*t*t*curv })
	return rep, nil
}

// checker holds the common data of the Taylor checks.
type checker struct {
	m       manifold.Manifold
	p       Problem
	rng     *rand.Rand
	x, v    []float64 // the point and the unit direction
	g, eg   []float64 // Riemannian and (if any) Euclidean gradient at x
	f0      float64
	scratch []float64
}

func newChecker(m manifold.Manifold, p Problem, x []float64, rng *rand.Rand) (*checker, error) {
	if m == nil {
		return nil, errors.New("optim: nil manifold")
	}
	if p.Cost == nil {
		return nil, errors.New("optim: Problem.Cost is nil")
	}
	if p.Grad == nil && p.RGrad == nil {
		return nil, errors.New("optim: Problem.Grad and Problem.RGrad are both nil")
	}
	if rng == nil {
		rng = rand.New(rand.NewPCG(1, 2))
	}
	r, cols := m.Shape()
	n := r * cols
	c := &checker{m: m, p: p, rng: rng, v: make([]float64, n), g: make([]float64, n), scratch: make([]float64, n)}
	if x == nil {
		c.x = make([]float64, n)
		m.RandomPoint(c.x, rng)
	} else {
		if len(x) != n {
			return nil, fmt.Errorf("optim: len(x) = %d, but a point of %s has %d×%d = %d entries", len(x), name(m), r, cols, n)
		}
		if err := m.CheckPoint(x); err != nil {
			return nil, fmt.Errorf("optim: x is not a point of %s: %w", name(m), err)
		}
		c.x = append([]float64(nil), x...)
	}
	if c.f0 = p.Cost(c.x); !finite(c.f0) {
		return nil, fmt.Errorf("optim: the cost at x is %v", c.f0)
	}
	if p.RGrad != nil {
		p.RGrad(c.g, c.x)
	} else {
		c.eg = make([]float64, n)
		p.Grad(c.eg, c.x)
		m.EGradToRGrad(c.g, c.x, c.eg)
	}
	if !linalg.AllFinite(c.g) {
		return nil, errors.New("optim: the gradient at x has a NaN or infinite entry")
	}
	m.RandomTangent(c.v, c.x, rng)
	nv := m.Norm(c.x, c.v)
	if !(nv > 0) || math.IsInf(nv, 0) {
		return nil, errors.New("optim: could not draw a nonzero tangent direction")
	}
	scaleTo(c.v, 1/nv, c.v)
	return c, nil
}

// Parameters of the Taylor fits: the steps are 10^(−8 + 8i/(checkPoints−1)).
const (
	checkPoints = 51
	checkMinLen = 8    // points in a fitted range: more than a decade
	checkMaxRes = 0.08 // largest residual of the fit, in decades
)

// taylor fills the data, the fit and the verdict of rep for the model
// f(x) + model(t).
func (c *checker) taylor(rep *TaylorCheck, model func(t float64) float64) {
	rep.Steps = make([]float64, checkPoints)
	rep.Errors = make([]float64, checkPoints)
	lx := make([]float64, checkPoints)
	ly := make([]float64, checkPoints)
	valid := make([]bool, checkPoints)
	anyValid := false
	y := make([]float64, len(c.x))
	for i := range rep.Steps {
		t := math.Pow(10, -8+8*float64(i)/(checkPoints-1))
		rep.Steps[i] = t
		scaleTo(c.scratch, t, c.v)
		c.m.Exp(y, c.x, c.scratch)
		fy := c.p.Cost(y)
		mt := model(t)
		e := math.Abs(fy - c.f0 - mt)
		rep.Errors[i] = e
		// Remainders below this floor are rounding noise.
		floor := 1e2 * 0x1p-52 * (math.Abs(c.f0) + math.Abs(fy) + math.Abs(mt))
		if e > floor && finite(e) {
			valid[i] = true
			anyValid = true
			lx[i], ly[i] = math.Log10(t), math.Log10(e)
		}
	}
	rep.Slope = math.NaN()
	if !anyValid {
		rep.Verdict = Exact
		return
	}
	// The fitted range: the clean power law at the smallest steps, where
	// the asymptotic order shows, i.e. the window of at least checkMinLen
	// points with the smallest start whose points lie within checkMaxRes
	// decades of their least-squares line, extended as far as it stays so.
	// Windows with a slope below 1/2 are rounding plateaus, not Taylor
	// remainders, and are skipped.
	bestLen := 0
	for i := 0; i < checkPoints && bestLen == 0; i++ {
		for j := i + checkMinLen - 1; j < checkPoints; j++ {
			if !valid[i] || !valid[j] {
				break
			}
			slope, icpt := fitLine(lx[i:j+1], ly[i:j+1])
			var res float64
			for k := i; k <= j; k++ {
				res = math.Max(res, math.Abs(ly[k]-(icpt+slope*lx[k])))
			}
			if res > checkMaxRes || slope < 0.5 {
				if bestLen > 0 {
					break
				}
				continue
			}
			bestLen = j - i + 1
			rep.Slope, rep.TMin, rep.TMax = slope, rep.Steps[i], rep.Steps[j]
		}
	}
	switch {
	case bestLen == 0:
		rep.Verdict = Inconclusive
	case rep.Slope >= rep.Expected-0.1:
		rep.Verdict = Passed
	default:
		rep.Verdict = Failed
	}
}

// fitLine returns the least-squares line y ≈ icpt + slope·x.
func fitLine(x, y []float64) (slope, icpt float64) {
	n := float64(len(x))
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= n
	my /= n
	var sxy, sxx float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
	}
	slope = sxy / sxx
	return slope, my - slope*mx
}
