package manifoldtest

import (
	"fmt"
	"math"
)

// transportTarget returns q = Exp_p(w) with ‖w‖_p uniform in
// (0, min(1, MaxDist)] (MaxDist exactly in trial 0 if it is below 1).
func (c *ctx) transportTarget(p []float64, i int) []float64 {
	d := min(1, c.maxDist(p))
	s := d * c.rng.Float64()
	if i == 0 {
		s = d
	}
	q := c.newVec()
	c.m().Exp(q, p, c.tangent(p, s))
	return q
}

// transportChecks tests the properties common to Transport and
// ParallelTransport of the transport T from p to q, and returns T u.
//
//	T u passes CheckTangent at q
//	‖T_{p→p} u − u‖_p                ≤ Tol·‖u‖_p
//	‖T(au + bv) − aTu − bTv‖_q       ≤ Tol·(|a|‖Tu‖_q + |b|‖Tv‖_q)
//	isometric: |⟨Tu, Tv⟩_q − ⟨u, v⟩_p| ≤ Tol·‖u‖_p‖v‖_p and the same for ‖Tu‖_q.
func transportChecks(c *ctx, i int, name string, T func(dst, p, q, v []float64), isometric bool, p, q []float64) {
	m := c.m()
	tol := c.tol()
	u, v := c.tangent(p, 1), c.tangent(p, 1+c.rng.Float64())
	tu, tv := c.newVec(), c.newVec()
	T(tu, p, q, u)
	T(tv, p, q, v)
	if !c.checkTangent(fmt.Sprintf("trial %d: %s(p, q, u) at q", i, name), q, tu) {
		return
	}
	same := c.newVec()
	T(same, p, clone(p), u)
	if e, s := c.tangentDiff(p, same, u), tol*m.Norm(p, u); !within(e, s) {
		c.errorf("trial %d: ‖%s(p, p, u) − u‖_p = %.3g > tol %.3g", i, name, e, s)
	}
	a, b := c.rng.NormFloat64(), c.rng.NormFloat64()
	x, tx, want := c.newVec(), c.newVec(), c.newVec()
	lincomb(x, a, u, b, v)
	T(tx, p, q, x)
	lincomb(want, a, tu, b, tv)
	if e, s := c.tangentDiff(q, tx, want), tol*(math.Abs(a)*m.Norm(q, tu)+math.Abs(b)*m.Norm(q, tv)); !within(e, s) {
		c.errorf("trial %d: linearity: ‖%s(au + bv) − a·%s(u) − b·%s(v)‖_q = %.3g > tol %.3g", i, name, name, name, e, s)
	}
	if !isometric {
		return
	}
	nu, nv := m.Norm(p, u), m.Norm(p, v)
	if e, s := math.Abs(m.Inner(q, tu, tv)-m.Inner(p, u, v)), tol*nu*nv; !within(e, s) {
		c.errorf("trial %d: isometry: |⟨Tu, Tv⟩_q − ⟨u, v⟩_p| = %.3g > tol %.3g", i, e, s)
	}
	if e, s := math.Abs(m.Norm(q, tu)-nu), tol*nu; !within(e, s) {
		c.errorf("trial %d: isometry: |‖Tu‖_q − ‖u‖_p| = %.3g > tol %.3g", i, e, s)
	}
}

// checkTransport: transportChecks for Transport, with q = Exp_p(w),
// ‖w‖ ≤ min(1, MaxDist); the isometry only if Config.TransportIsometric.
func checkTransport(c *ctx) {
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		transportChecks(c, i, "Transport", c.m().Transport, c.s.cfg.TransportIsometric, p, c.transportTarget(p, i))
	}
}

// checkParallelTransport: transportChecks for ParallelTransport including
// the isometry, and, when Log is checked,
//
//	‖P_{p→q}(Log_p q) + Log_q p‖_q ≤ Tol·‖Log_p q‖_p  (a geodesic's velocity is parallel)
//	‖P_{q→p}(P_{p→q} u) − u‖_p     ≤ Tol·‖u‖_p          (back along the same geodesic)
func checkParallelTransport(c *ctx) {
	pt := c.s.pt
	if pt == nil {
		c.notRun("no ParallelTransport capability")
		return
	}
	m := c.m()
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		q := c.transportTarget(p, i)
		transportChecks(c, i, "ParallelTransport", pt.ParallelTransport, true, p, q)
		if !c.s.useLg {
			continue
		}
		lpq, lqp := c.newVec(), c.newVec()
		if err := m.Log(lpq, p, q); err != nil {
			c.errorf("trial %d: Log(p, q) returned %v", i, err)
			continue
		}
		if err := m.Log(lqp, q, p); err != nil {
			c.errorf("trial %d: Log(q, p) returned %v", i, err)
			continue
		}
		tl := c.newVec()
		pt.ParallelTransport(tl, p, q, lpq)
		for j := range lqp {
			lqp[j] = -lqp[j]
		}
		if e, s := c.tangentDiff(q, tl, lqp), c.tol()*m.Norm(p, lpq); !within(e, s) {
			c.errorf("trial %d: ‖P_{p→q}(Log_p q) − (−Log_q p)‖_q = %.3g > tol %.3g (Dist(p, q) = %.3g)", i, e, s, m.Dist(p, q))
		}
		u := c.tangent(p, 1)
		back := c.newVec()
		pt.ParallelTransport(back, p, q, u)
		pt.ParallelTransport(back, q, p, clone(back))
		if e, s := c.tangentDiff(p, back, u), c.tol(); !within(e, s) {
			c.errorf("trial %d: ‖P_{q→p}(P_{p→q} u) − u‖_p = %.3g > tol %.3g (‖u‖ = 1)", i, e, s)
		}
	}
}
