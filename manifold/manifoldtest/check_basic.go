package manifoldtest

import (
	"fmt"
	"math"
	"math/rand/v2"
	"strings"

	"github.com/geodesic-go/geodesic/manifold"
)

// checkShape: r, c > 0, 0 < Dim ≤ r·c.
func checkShape(c *ctx) {
	r, cols := c.m().Shape()
	if r <= 0 || cols <= 0 {
		c.errorf("Shape() = (%d, %d), want both > 0", r, cols)
	}
	if d := c.m().Dim(); d <= 0 || d > r*cols {
		c.errorf("Dim() = %d, want 0 < Dim ≤ r·c = %d", d, r*cols)
	}
}

// lengthCase is one method called with slices of the point length.
type lengthCase struct {
	method string
	args   []string // names of the slice arguments, in order
	call   func(a [][]float64)
}

// lengthCases lists every slice-taking method of m (with the capabilities
// in use), for LengthPanics.
func (c *ctx) lengthCases() []lengthCase {
	m, rng := c.m(), c.rng
	cs := []lengthCase{
		{"Inner", []string{"p", "u", "v"}, func(a [][]float64) { m.Inner(a[0], a[1], a[2]) }},
		{"Norm", []string{"p", "v"}, func(a [][]float64) { m.Norm(a[0], a[1]) }},
		{"Proj", []string{"dst", "p", "x"}, func(a [][]float64) { m.Proj(a[0], a[1], a[2]) }},
		{"EGradToRGrad", []string{"dst", "p", "egrad"}, func(a [][]float64) { m.EGradToRGrad(a[0], a[1], a[2]) }},
		{"Exp", []string{"dst", "p", "v"}, func(a [][]float64) { m.Exp(a[0], a[1], a[2]) }},
		{"Log", []string{"dst", "p", "q"}, func(a [][]float64) { _ = m.Log(a[0], a[1], a[2]) }},
		{"Dist", []string{"p", "q"}, func(a [][]float64) { m.Dist(a[0], a[1]) }},
		{"Retract", []string{"dst", "p", "v"}, func(a [][]float64) { m.Retract(a[0], a[1], a[2]) }},
		{"Transport", []string{"dst", "p", "q", "v"}, func(a [][]float64) { m.Transport(a[0], a[1], a[2], a[3]) }},
		{"RandomPoint", []string{"dst"}, func(a [][]float64) { m.RandomPoint(a[0], rng) }},
		{"RandomTangent", []string{"dst", "p"}, func(a [][]float64) { m.RandomTangent(a[0], a[1], rng) }},
		{"CheckPoint", []string{"p"}, func(a [][]float64) { _ = m.CheckPoint(a[0]) }},
		{"CheckTangent", []string{"p", "v"}, func(a [][]float64) { _ = m.CheckTangent(a[0], a[1]) }},
	}
	if x := c.s.invr; x != nil {
		cs = append(cs, lengthCase{"InverseRetract", []string{"dst", "p", "q"}, func(a [][]float64) { _ = x.InverseRetract(a[0], a[1], a[2]) }})
	}
	if x := c.s.pt; x != nil {
		cs = append(cs, lengthCase{"ParallelTransport", []string{"dst", "p", "q", "v"}, func(a [][]float64) { x.ParallelTransport(a[0], a[1], a[2], a[3]) }})
	}
	if x := c.s.hess; x != nil {
		cs = append(cs, lengthCase{"EHessToRHess", []string{"dst", "p", "egrad", "ehess", "v"}, func(a [][]float64) { x.EHessToRHess(a[0], a[1], a[2], a[3], a[4]) }})
	}
	if x := c.s.proj; x != nil {
		cs = append(cs, lengthCase{"Project", []string{"dst", "x"}, func(a [][]float64) { x.Project(a[0], a[1]) }})
	}
	if x := c.s.injr; x != nil {
		cs = append(cs, lengthCase{"InjectivityRadius", []string{"p"}, func(a [][]float64) { x.InjectivityRadius(a[0]) }})
	}
	return cs
}

// checkLengthPanics: every slice argument of every method, given length
// r·c − 1 or r·c + 1 while the others are valid, makes the method panic
// with a manifold.Error.
func checkLengthPanics(c *ctx) {
	n := c.n()
	p := c.point()
	v := c.tangent(p, 0.1)
	q := c.newVec()
	c.m().Retract(q, p, v)
	for _, lc := range c.lengthCases() {
		if lc.method == "Log" && !c.s.useLg {
			continue
		}
		for i := range lc.args {
			for _, bad := range []int{n - 1, n + 1} {
				args := make([][]float64, len(lc.args))
				for j, name := range lc.args {
					switch name {
					case "p":
						args[j] = clone(p)
					case "q", "x":
						args[j] = clone(q)
					default:
						args[j] = clone(v)
					}
				}
				args[i] = make([]float64, bad)
				r := recovered(func() { lc.call(args) })
				sig := lc.method + "(" + strings.Join(lc.args, ", ") + ")"
				switch r.(type) {
				case nil:
					c.errorf("%s with len(%s) = %d (want %d): no panic, want a manifold.Error panic", sig, lc.args[i], bad, n)
				case manifold.Error:
				default:
					c.errorf("%s with len(%s) = %d (want %d): panicked with %T %v, want a manifold.Error", sig, lc.args[i], bad, n, r, r)
				}
			}
		}
	}
}

// recovered calls fn and returns the value it panicked with, or nil.
func recovered(fn func()) (r any) {
	defer func() { r = recover() }()
	fn()
	return nil
}

// checkRandomPoint: RandomPoint passes CheckPoint, is finite, is a function
// of the generator's state only, and two draws differ (if Dim > 0).
func checkRandomPoint(c *ctx) {
	seed := c.rng.Uint64()
	for i := 0; i < c.trials(); i++ {
		c.checkPoint(fmt.Sprintf("RandomPoint (draw %d)", i), c.point())
	}
	a, b := c.newVec(), c.newVec()
	c.m().RandomPoint(a, rand.New(rand.NewPCG(seed, 7)))
	c.m().RandomPoint(b, rand.New(rand.NewPCG(seed, 7)))
	if i := firstBitDiff(a, b); i >= 0 {
		c.errorf("RandomPoint with two identically seeded generators differs at [%d]: %v vs %v (it must draw only from its rng)", i, a[i], b[i])
	}
	c.m().RandomPoint(b, rand.New(rand.NewPCG(seed, 8)))
	if firstBitDiff(a, b) < 0 {
		c.errorf("RandomPoint gave identical points for two different generators")
	}
}

// checkRandomTangent: RandomTangent passes CheckTangent, is finite and
// nonzero, and is a function of p and the generator's state only.
func checkRandomTangent(c *ctx) {
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		v := c.newVec()
		c.m().RandomTangent(v, p, c.rng)
		if !c.checkTangent(fmt.Sprintf("RandomTangent (trial %d)", i), p, v) {
			continue
		}
		if nv := c.m().Norm(p, v); !(nv > 0) {
			c.errorf("RandomTangent (trial %d) has norm %v, want > 0", i, nv)
		}
		seed := c.rng.Uint64()
		a, b := c.newVec(), c.newVec()
		c.m().RandomTangent(a, p, rand.New(rand.NewPCG(seed, 7)))
		c.m().RandomTangent(b, p, rand.New(rand.NewPCG(seed, 7)))
		if j := firstBitDiff(a, b); j >= 0 {
			c.errorf("RandomTangent with two identically seeded generators differs at [%d]: %v vs %v", j, a[j], b[j])
		}
	}
}

// checkMetric: for random tangent u, v, w at p and random reals a, b,
//
//	|⟨u,v⟩ − ⟨v,u⟩|                     ≤ Tol·‖u‖‖v‖
//	⟨v,v⟩ > 0
//	|Norm(v)² − ⟨v,v⟩|                  ≤ Tol·⟨v,v⟩
//	|⟨au+bw, v⟩ − a⟨u,v⟩ − b⟨w,v⟩|      ≤ Tol·(|a|‖u‖ + |b|‖w‖)‖v‖
//	|Norm(a·v) − |a|·Norm(v)|           ≤ Tol·|a|·Norm(v)
func checkMetric(c *ctx) {
	m := c.m()
	tol := c.tol()
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		u, v, w := c.tangent(p, 1+c.rng.Float64()), c.tangent(p, 1+c.rng.Float64()), c.tangent(p, 1+c.rng.Float64())
		nu, nv, nw := m.Norm(p, u), m.Norm(p, v), m.Norm(p, w)
		uv, vu := m.Inner(p, u, v), m.Inner(p, v, u)
		if e := math.Abs(uv - vu); !within(e, tol*nu*nv) {
			c.errorf("trial %d: symmetry: |⟨u,v⟩ − ⟨v,u⟩| = %.3g > tol %.3g (⟨u,v⟩ = %v)", i, e, tol*nu*nv, uv)
		}
		vv := m.Inner(p, v, v)
		if !(vv > 0) {
			c.errorf("trial %d: positivity: ⟨v,v⟩ = %v for v ≠ 0, want > 0", i, vv)
		}
		if e := math.Abs(nv*nv - vv); !within(e, tol*vv) {
			c.errorf("trial %d: |Norm(v)² − ⟨v,v⟩| = %.3g > tol %.3g (Norm(v) = %v, ⟨v,v⟩ = %v)", i, e, tol*vv, nv, vv)
		}
		a, b := c.rng.NormFloat64(), c.rng.NormFloat64()
		x := c.newVec()
		lincomb(x, a, u, b, w)
		got := m.Inner(p, x, v)
		want := a*m.Inner(p, u, v) + b*m.Inner(p, w, v)
		if e, s := math.Abs(got-want), tol*(math.Abs(a)*nu+math.Abs(b)*nw)*nv; !within(e, s) {
			c.errorf("trial %d: linearity: |⟨au+bw, v⟩ − (a⟨u,v⟩ + b⟨w,v⟩)| = %.3g > tol %.3g", i, e, s)
		}
		got = m.Norm(p, scaled(a, v))
		if e, s := math.Abs(got-math.Abs(a)*nv), tol*math.Abs(a)*nv; !within(e, s) {
			c.errorf("trial %d: homogeneity: |Norm(a·v) − |a|·Norm(v)| = %.3g > tol %.3g", i, e, s)
		}
	}
}

// checkProj: for a Gaussian ambient x and tangent v at p,
//
//	Proj(p, x) passes CheckTangent,
//	‖Proj(p, Proj(p, x)) − Proj(p, x)‖_p ≤ Tol·‖Proj(p, x)‖_p  (idempotent),
//	‖Proj(p, v) − v‖_p                   ≤ Tol·‖v‖_p          (identity on T_p M).
func checkProj(c *ctx) {
	m := c.m()
	tol := c.tol()
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		x := c.ambient(p)
		px := c.newVec()
		m.Proj(px, p, x)
		if !c.checkTangent(fmt.Sprintf("trial %d: Proj(p, x)", i), p, px) {
			continue
		}
		ppx := c.newVec()
		m.Proj(ppx, p, px)
		if e, s := c.tangentDiff(p, ppx, px), tol*m.Norm(p, px); !within(e, s) {
			c.errorf("trial %d: idempotence: ‖Proj(Proj x) − Proj x‖_p = %.3g > tol %.3g", i, e, s)
		}
		v := c.tangent(p, 1)
		pv := c.newVec()
		m.Proj(pv, p, v)
		if e, s := c.tangentDiff(p, pv, v), tol*m.Norm(p, v); !within(e, s) {
			c.errorf("trial %d: ‖Proj(p, v) − v‖_p = %.3g > tol %.3g for tangent v", i, e, s)
		}
	}
}
