package manifoldtest

import (
	"fmt"
	"math"
)

// edgeCaseNames are the sub-checks of EdgeCases.
var edgeCaseNames = []string{
	"ZeroTangent", "TinyTangent", "HugeTangent", "HugeExp",
	"NearIdentical", "NearCutLocus", "NaNCheck", "NaNPropagation",
}

// checkEdgeCases runs the edge-case sub-checks:
//
//	ZeroTangent    Norm(p, 0) = Inner(p, 0, 0) = 0 exactly; Proj, EGradToRGrad,
//	               Transport, Exp, Retract (and ParallelTransport,
//	               EHessToRHess, InverseRetract(p, p)) of zero are finite.
//	TinyTangent    v with max |v_i| = 1e-300: Exp and Retract finite and on M,
//	               Proj, Transport and Inner(v, v) finite, Norm finite ≥ 0.
//	HugeTangent    v with max |v_i| = 1e300: Proj finite, Norm finite > 0.
//	HugeExp        the same v: Exp and Retract finite and on M. (Skip it for
//	               manifolds on which such a geodesic overflows, e.g. SPD.)
//	NearIdentical  q = Exp_p(v), ‖v‖ = 1e-12: Dist(p, q), Dist(q, p) finite
//	               ≥ 0; Log(p, q) returns nil and a finite vector.
//	NearCutLocus   q = Exp_p(v), ‖v‖ = r·(1 − 1e-6) and ‖v‖ = r, r a finite
//	               InjectivityRadius(p), and Config.NearCutLocus's point: Dist
//	               finite ≥ 0; Log returns an error or a finite vector.
//	NaNCheck       CheckPoint rejects p with one NaN or +Inf entry;
//	               CheckTangent rejects v with one NaN entry.
//	NaNPropagation one NaN entry in the second argument: no panic; Norm,
//	               Inner and Dist return NaN; Exp, Retract, Proj, Transport
//	               write at least one NaN; Log returns an error or writes a NaN.
func checkEdgeCases(c *ctx) {
	c.sub("ZeroTangent", edgeZero)
	c.sub("TinyTangent", edgeTiny)
	c.sub("HugeTangent", edgeHuge)
	c.sub("HugeExp", edgeHugeExp)
	c.sub("NearIdentical", edgeNearIdentical)
	c.sub("NearCutLocus", edgeNearCutLocus)
	c.sub("NaNCheck", edgeNaNCheck)
	c.sub("NaNPropagation", edgeNaNPropagation)
}

// guard calls fn and reports a panic as a failure described by what.
func (c *ctx) guard(what string, fn func()) bool {
	c.t.Helper()
	if r := recovered(fn); r != nil {
		c.errorf("%s panicked: %v", what, r)
		return false
	}
	return true
}

// finite reports a failure unless every entry of x is finite.
func (c *ctx) finite(what string, x []float64) bool {
	c.t.Helper()
	if i := firstNonFinite(x); i >= 0 {
		c.errorf("%s[%d] = %v, want finite", what, i, x[i])
		return false
	}
	return true
}

// scaledTangent returns a random tangent vector at p scaled so that its
// largest entry in magnitude is a.
func (c *ctx) scaledTangent(p []float64, a float64) []float64 {
	v := c.tangent(p, 1)
	return scaled(a/maxAbs(v), v)
}

func edgeZero(c *ctx) {
	m := c.m()
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		q := c.transportTarget(p, i)
		z, dst := c.newVec(), c.newVec()
		if got := m.Norm(p, z); got != 0 {
			c.errorf("Norm(p, 0) = %v, want 0", got)
		}
		if got := m.Inner(p, z, z); got != 0 {
			c.errorf("Inner(p, 0, 0) = %v, want 0", got)
		}
		for _, f := range []struct {
			name string
			f    func()
		}{
			{"Proj(p, 0)", func() { m.Proj(dst, p, z) }},
			{"EGradToRGrad(p, 0)", func() { m.EGradToRGrad(dst, p, z) }},
			{"Transport(p, q, 0)", func() { m.Transport(dst, p, q, z) }},
			{"Exp(p, 0)", func() { m.Exp(dst, p, z) }},
			{"Retract(p, 0)", func() { m.Retract(dst, p, z) }},
		} {
			if c.guard(f.name, f.f) {
				c.finite(fmt.Sprintf("trial %d: %s", i, f.name), dst)
			}
		}
		if pt := c.s.pt; pt != nil {
			pt.ParallelTransport(dst, p, q, z)
			c.finite(fmt.Sprintf("trial %d: ParallelTransport(p, q, 0)", i), dst)
		}
		if hc := c.s.hess; hc != nil {
			hc.EHessToRHess(dst, p, z, z, z)
			c.finite(fmt.Sprintf("trial %d: EHessToRHess(p, 0, 0, 0)", i), dst)
		}
		if ir := c.s.invr; ir != nil {
			if err := ir.InverseRetract(dst, p, clone(p)); err != nil {
				c.errorf("trial %d: InverseRetract(p, p) returned %v", i, err)
			} else {
				c.finite(fmt.Sprintf("trial %d: InverseRetract(p, p)", i), dst)
			}
		}
	}
}

func edgeTiny(c *ctx) {
	m := c.m()
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		q := c.transportTarget(p, i)
		v := c.scaledTangent(p, 1e-300)
		dst := c.newVec()
		m.Exp(dst, p, v)
		c.checkPoint(fmt.Sprintf("trial %d: Exp(p, v) with |v| ~ 1e-300", i), dst)
		m.Retract(dst, p, v)
		c.checkPoint(fmt.Sprintf("trial %d: Retract(p, v) with |v| ~ 1e-300", i), dst)
		m.Proj(dst, p, v)
		c.finite(fmt.Sprintf("trial %d: Proj(p, v) with |v| ~ 1e-300", i), dst)
		m.Transport(dst, p, q, v)
		c.finite(fmt.Sprintf("trial %d: Transport(p, q, v) with |v| ~ 1e-300", i), dst)
		if x := m.Inner(p, v, v); !isFinite(x) {
			c.errorf("trial %d: Inner(p, v, v) = %v with |v| ~ 1e-300, want finite", i, x)
		}
		if x := m.Norm(p, v); !(x >= 0) || math.IsInf(x, 0) {
			c.errorf("trial %d: Norm(p, v) = %v with |v| ~ 1e-300, want finite ≥ 0", i, x)
		}
	}
}

func edgeHuge(c *ctx) {
	m := c.m()
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		v := c.scaledTangent(p, 1e300)
		dst := c.newVec()
		m.Proj(dst, p, v)
		c.finite(fmt.Sprintf("trial %d: Proj(p, v) with |v| ~ 1e300", i), dst)
		if x := m.Norm(p, v); !(x > 0) || math.IsInf(x, 0) {
			c.errorf("trial %d: Norm(p, v) = %v with |v| ~ 1e300, want finite > 0", i, x)
		}
	}
}

func edgeHugeExp(c *ctx) {
	m := c.m()
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		v := c.scaledTangent(p, 1e300)
		dst := c.newVec()
		m.Exp(dst, p, v)
		c.checkPoint(fmt.Sprintf("trial %d: Exp(p, v) with |v| ~ 1e300", i), dst)
		m.Retract(dst, p, v)
		c.checkPoint(fmt.Sprintf("trial %d: Retract(p, v) with |v| ~ 1e300", i), dst)
	}
}

func edgeNearIdentical(c *ctx) {
	m := c.m()
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		q := c.newVec()
		m.Exp(q, p, c.tangent(p, 1e-12))
		for _, d := range []float64{m.Dist(p, q), m.Dist(q, p)} {
			if !(d >= 0) || math.IsInf(d, 0) {
				c.errorf("trial %d: Dist = %v for points 1e-12 apart, want finite ≥ 0", i, d)
			}
		}
		if !c.s.useLg {
			continue
		}
		w := c.newVec()
		if err := m.Log(w, p, q); err != nil {
			c.errorf("trial %d: Log(p, q) for points 1e-12 apart returned %v", i, err)
			continue
		}
		c.finite(fmt.Sprintf("trial %d: Log(p, q) for points 1e-12 apart", i), w)
	}
}

func edgeNearCutLocus(c *ctx) {
	m := c.m()
	if c.s.injr == nil && c.s.cfg.NearCutLocus == nil {
		c.notRun("no InjectivityRadius capability and no Config.NearCutLocus")
		return
	}
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		var qs [][]float64
		var whats []string
		if c.s.injr != nil {
			if r := c.s.injr.InjectivityRadius(p); r > 0 && !math.IsInf(r, 0) {
				for _, s := range []float64{r * (1 - 1e-6), r} {
					q := c.newVec()
					m.Exp(q, p, c.tangent(p, s))
					qs = append(qs, q)
					whats = append(whats, fmt.Sprintf("q = Exp_p(v), ‖v‖ = %.17g (injectivity radius %.17g)", s, r))
				}
			}
		}
		if f := c.s.cfg.NearCutLocus; f != nil {
			q := c.newVec()
			f(q, p, c.rng)
			qs = append(qs, q)
			whats = append(whats, "q from Config.NearCutLocus")
		}
		for k, q := range qs {
			if d := m.Dist(p, q); !(d >= 0) || math.IsInf(d, 0) {
				c.errorf("trial %d: %s: Dist(p, q) = %v, want finite ≥ 0", i, whats[k], d)
			}
			if !c.s.useLg {
				continue
			}
			w := c.newVec()
			var err error
			if !c.guard(fmt.Sprintf("trial %d: %s: Log(p, q)", i, whats[k]), func() { err = m.Log(w, p, q) }) {
				continue
			}
			if err == nil {
				c.finite(fmt.Sprintf("trial %d: %s: Log(p, q) (nil error)", i, whats[k]), w)
			}
		}
	}
}

func edgeNaNCheck(c *ctx) {
	m := c.m()
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		j := c.rng.IntN(c.n())
		for _, bad := range []float64{math.NaN(), math.Inf(1)} {
			x := clone(p)
			x[j] = bad
			if err := m.CheckPoint(x); err == nil {
				c.errorf("trial %d: CheckPoint accepts a point with entry [%d] = %v", i, j, bad)
			}
		}
		v := c.tangent(p, 1)
		v[j] = math.NaN()
		if err := m.CheckTangent(p, v); err == nil {
			c.errorf("trial %d: CheckTangent accepts a vector with entry [%d] = NaN", i, j)
		}
	}
}

func edgeNaNPropagation(c *ctx) {
	m := c.m()
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		q := c.transportTarget(p, i)
		j := c.rng.IntN(c.n())
		v := c.tangent(p, 0.5)
		vn := clone(v)
		vn[j] = math.NaN()
		qn := clone(q)
		qn[j] = math.NaN()
		dst := c.newVec()
		for _, f := range []struct {
			name string
			f    func() float64
		}{
			{"Norm(p, v)", func() float64 { return m.Norm(p, vn) }},
			{"Inner(p, v, u)", func() float64 { return m.Inner(p, vn, v) }},
			{"Dist(p, q)", func() float64 { return m.Dist(p, qn) }},
		} {
			var got float64
			if c.guard(fmt.Sprintf("trial %d: %s with a NaN entry", i, f.name), func() { got = f.f() }) && !math.IsNaN(got) {
				c.errorf("trial %d: %s with a NaN entry [%d] = %v, want NaN", i, f.name, j, got)
			}
		}
		for _, f := range []struct {
			name string
			f    func()
		}{
			{"Exp(dst, p, v)", func() { m.Exp(dst, p, vn) }},
			{"Retract(dst, p, v)", func() { m.Retract(dst, p, vn) }},
			{"Proj(dst, p, x)", func() { m.Proj(dst, p, vn) }},
			{"Transport(dst, p, q, v)", func() { m.Transport(dst, p, q, vn) }},
		} {
			fill(dst, 0)
			if c.guard(fmt.Sprintf("trial %d: %s with a NaN entry", i, f.name), f.f) && !hasNaN(dst) {
				c.errorf("trial %d: %s with entry [%d] of its last argument NaN wrote no NaN", i, f.name, j)
			}
		}
		if !c.s.useLg {
			continue
		}
		fill(dst, 0)
		var err error
		if c.guard(fmt.Sprintf("trial %d: Log(dst, p, q) with a NaN entry", i), func() { err = m.Log(dst, p, qn) }) && err == nil && !hasNaN(dst) {
			c.errorf("trial %d: Log(dst, p, q) with q[%d] = NaN returned nil and wrote no NaN", i, j)
		}
	}
}
