package manifoldtest

import (
	"fmt"
	"math"
	"strings"
)

// fill sets every entry of x to a.
func fill(x []float64, a float64) {
	for i := range x {
		x[i] = a
	}
}

// checkExpZero: Exp(p, 0) = p bitwise (dst prefilled with NaN).
func checkExpZero(c *ctx) {
	zeroMap(c, "Exp", c.m().Exp)
}

// checkRetractZero: Retract(p, 0) = p bitwise (dst prefilled with NaN).
func checkRetractZero(c *ctx) {
	zeroMap(c, "Retract", c.m().Retract)
}

func zeroMap(c *ctx, name string, f func(dst, p, v []float64)) {
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		dst := c.newVec()
		fill(dst, math.NaN())
		f(dst, p, c.newVec())
		if j := firstBitDiff(dst, p); j >= 0 {
			c.errorf("trial %d: %s(p, 0)[%d] = %v, want p[%d] = %v exactly", i, name, j, dst[j], j, p[j])
		}
	}
}

// onManifoldNorms are the tangent norms at which Exp and Retract must land
// on the manifold.
var onManifoldNorms = []float64{1e-6, 1e-2, 1, 10}

// checkExpOnManifold: Exp(p, v) passes CheckPoint for ‖v‖_p in
// onManifoldNorms.
func checkExpOnManifold(c *ctx) {
	onManifold(c, "Exp", c.m().Exp)
}

// checkRetractOnManifold: Retract(p, v) passes CheckPoint for ‖v‖_p in
// onManifoldNorms.
func checkRetractOnManifold(c *ctx) {
	onManifold(c, "Retract", c.m().Retract)
}

func onManifold(c *ctx, name string, f func(dst, p, v []float64)) {
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		for _, s := range onManifoldNorms {
			v := c.tangent(p, s)
			q := c.newVec()
			f(q, p, v)
			c.checkPoint(fmt.Sprintf("trial %d: %s(p, v) with ‖v‖ = %g", i, name, s), q)
		}
	}
}

// checkRetractionOrder: with e(t) = PointDist(R_p(tv), Exp_p(tv)), ‖v‖_p = 1,
// the TaylorSlope of e over t = TaylorTimes() (the least-squares slope of
// log e against log t at the four smallest t with e(t) above the rounding
// floor 1000·ε·max(1, ‖p‖_F)) is at least order + 1 − SlopeTol in one of
// up to three random directions v. If e is at the floor everywhere the
// retraction agrees with Exp to rounding and passes. For ExpRetraction,
// e(t) ≤ Tol·max(1, ‖Exp_p(tv)‖_F) for t in {1e-3, 1e-1, ½·MaxDist, MaxDist}.
func checkRetractionOrder(c *ctx) {
	m := c.m()
	order := c.s.cfg.RetractionOrder
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		v := c.tangent(p, 1)
		r, e := c.newVec(), c.newVec()
		tv := c.newVec()
		dist := func(t float64) float64 {
			for j := range tv {
				tv[j] = t * v[j]
			}
			m.Retract(r, p, tv)
			m.Exp(e, p, tv)
			return c.pointDist(r, e)
		}
		if order < 0 {
			md := c.maxDist(p)
			for _, t := range []float64{1e-3, 1e-1, md / 2, md} {
				d := dist(t)
				if s := c.tol() * pointScale(e); !within(d, s) {
					c.errorf("trial %d: declared ExpRetraction but ‖R_p(tv) − Exp_p(tv)‖ = %.3g > tol %.3g at t = %g", i, d, s, t)
				}
			}
			continue
		}
		floor := roundingFloor(pointScale(p))
		want := float64(order) + 1
		var trace []string
		v0 := v
		ok, seen := slopeTest(want, c.s.cfg.SlopeTol, func(k int) (float64, int) {
			v = c.slopeDirection(p, v0, k)
			trace = trace[:0]
			return TaylorSlope(TaylorTimes(), func(t float64) (float64, float64) {
				d := dist(t)
				trace = append(trace, fmt.Sprintf("e(%.2g)=%.3g", t, d))
				return d, floor
			})
		})
		if !ok {
			c.errorf("trial %d: ‖R_p(tv) − Exp_p(tv)‖ has log-log slope %s in %d directions, want ≥ %g − %g for a retraction of order %d (last: %s)",
				i, seen, slopeDirections, want, c.s.cfg.SlopeTol, order, strings.Join(trace, " "))
		}
	}
}

// logSample returns the tangent norms used by the Log checks at p in trial
// i: one in [0.05, 1]·MaxDist (exactly MaxDist in trial 0) and the small
// norm 1e-6·min(1, MaxDist), with the relative tolerance of each.
func (c *ctx) logSample(p []float64, i int) (norms, tols []float64) {
	md := c.maxDist(p)
	s := md * (0.05 + 0.95*c.rng.Float64())
	if i == 0 {
		s = md
	}
	return []float64{s, 1e-6 * min(1, md)}, []float64{c.tol(), c.smallTol()}
}

// checkLogExp: for ‖v‖_p ≤ MaxDist, Log(p, Exp(p, v)) returns no error,
// passes CheckTangent and ‖Log_p(Exp_p v) − v‖_p ≤ Tol·‖v‖_p (√Tol at
// ‖v‖ = 1e-6).
func checkLogExp(c *ctx) {
	if !c.needLog() {
		return
	}
	m := c.m()
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		norms, tols := c.logSample(p, i)
		for k, s := range norms {
			v := c.tangent(p, s)
			q, w := c.newVec(), c.newVec()
			m.Exp(q, p, v)
			if err := m.Log(w, p, q); err != nil {
				c.errorf("trial %d: Log(p, Exp(p, v)) with ‖v‖ = %.3g returned error %v", i, s, err)
				continue
			}
			if !c.checkTangent(fmt.Sprintf("trial %d: Log(p, Exp(p, v)) with ‖v‖ = %.3g", i, s), p, w) {
				continue
			}
			if e, tol := c.tangentDiff(p, w, v), tols[k]*s; !within(e, tol) {
				c.errorf("trial %d: ‖Log_p(Exp_p v) − v‖_p = %.3g > tol %.3g for ‖v‖ = %.3g", i, e, tol, s)
			}
		}
	}
}

// checkExpLog: for q within MaxDist of p (a random point if Dist(p, q) <
// MaxDist, else Exp_p(v) with ‖v‖ in [0.05, 1]·MaxDist), Log(p, q) returns
// no error and PointDist(Exp_p(Log_p q), q) ≤ Tol·max(1, ‖q‖_F).
func checkExpLog(c *ctx) {
	if !c.needLog() {
		return
	}
	m := c.m()
	for i := 0; i < c.trials(); i++ {
		p, q := c.point(), c.point()
		md := c.maxDist(p)
		how := "random q"
		if d := m.Dist(p, q); !(d < md) {
			m.Exp(q, p, c.tangent(p, md*(0.05+0.95*c.rng.Float64())))
			how = "q = Exp_p(v)"
		}
		w, q2 := c.newVec(), c.newVec()
		if err := m.Log(w, p, q); err != nil {
			c.errorf("trial %d (%s): Log(p, q) returned error %v", i, how, err)
			continue
		}
		m.Exp(q2, p, w)
		if e, tol := c.pointDist(q2, q), c.tol()*pointScale(q); !within(e, tol) {
			c.errorf("trial %d (%s): ‖Exp_p(Log_p q) − q‖ = %.3g > tol %.3g (Dist(p, q) = %.3g)", i, how, e, tol, m.Dist(p, q))
		}
	}
}

// checkLogSelf: Log(p, p) returns nil and writes exact zeros, both with q
// the same slice as p and with a copy of p (dst prefilled with ones).
func checkLogSelf(c *ctx) {
	if !c.needLog() {
		return
	}
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		for _, q := range [][]float64{p, clone(p)} {
			w := c.newVec()
			fill(w, 1)
			if err := c.m().Log(w, p, q); err != nil {
				c.errorf("trial %d: Log(p, p) returned error %v", i, err)
				continue
			}
			for j, x := range w {
				if x != 0 {
					c.errorf("trial %d: Log(p, p)[%d] = %v, want 0 exactly", i, j, x)
					break
				}
			}
		}
	}
}

// checkDistSelf: Dist(p, p) == 0 exactly (same slice and a copy).
func checkDistSelf(c *ctx) {
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		for _, q := range [][]float64{p, clone(p)} {
			if d := c.m().Dist(p, q); d != 0 {
				c.errorf("trial %d: Dist(p, p) = %v, want 0 exactly", i, d)
			}
		}
	}
}

// checkDistLog: for q = Exp_p(v), ‖v‖_p ≤ MaxDist,
//
//	|Dist(p, q) − ‖v‖_p|        ≤ Tol·‖v‖_p
//	|Dist(p, q) − ‖Log_p q‖_p|  ≤ Tol·Dist(p, q)
//
// with √Tol at ‖v‖ = 1e-6.
func checkDistLog(c *ctx) {
	m := c.m()
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		norms, tols := c.logSample(p, i)
		if !c.s.useLg {
			// Without Log the first identity still needs a radius.
			norms = []float64{DefaultMaxDist * c.rng.Float64(), 1e-6}
		}
		for k, s := range norms {
			v := c.tangent(p, s)
			q := c.newVec()
			m.Exp(q, p, v)
			d := m.Dist(p, q)
			if e, tol := math.Abs(d-s), tols[k]*s; !within(e, tol) {
				c.errorf("trial %d: |Dist(p, Exp_p v) − ‖v‖| = %.3g > tol %.3g (Dist = %.17g, ‖v‖ = %.17g)", i, e, tol, d, s)
			}
			if !c.s.useLg {
				continue
			}
			w := c.newVec()
			if err := m.Log(w, p, q); err != nil {
				c.errorf("trial %d: Log(p, q) with Dist(p, q) = %.3g returned error %v", i, d, err)
				continue
			}
			nw := m.Norm(p, w)
			if e, tol := math.Abs(d-nw), tols[k]*d; !within(e, tol) {
				c.errorf("trial %d: |Dist(p, q) − ‖Log_p q‖| = %.3g > tol %.3g (Dist = %.17g, ‖Log‖ = %.17g)", i, e, tol, d, nw)
			}
		}
	}
}

// checkDistSymmetry: Dist(p, q) is finite, ≥ 0, and |Dist(p, q) −
// Dist(q, p)| ≤ Tol·max(Dist(p, q), Dist(q, p)), for random pairs and for
// near pairs q = Exp_p(v), ‖v‖ = 1e-6 (with √Tol).
func checkDistSymmetry(c *ctx) {
	m := c.m()
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		near := c.newVec()
		m.Exp(near, p, c.tangent(p, 1e-6))
		for k, q := range [][]float64{c.point(), near} {
			tol := c.tol()
			if k == 1 {
				tol = c.smallTol()
			}
			a, b := m.Dist(p, q), m.Dist(q, p)
			if !(a >= 0) || math.IsInf(a, 0) {
				c.errorf("trial %d: Dist(p, q) = %v, want finite and ≥ 0", i, a)
				continue
			}
			if e, s := math.Abs(a-b), tol*max(a, b); !within(e, s) {
				c.errorf("trial %d: |Dist(p, q) − Dist(q, p)| = %.3g > tol %.3g (%.17g vs %.17g)", i, e, s, a, b)
			}
		}
	}
}

// checkTriangle: Dist(p, r) ≤ Dist(p, q) + Dist(q, r) + Tol·(sum of the
// three) for random triples, and for the degenerate triple q = Exp_p(v),
// r = Exp_p(2v), 2‖v‖ ≤ MaxDist, where equality holds.
func checkTriangle(c *ctx) {
	m := c.m()
	for i := 0; i < c.trials(); i++ {
		p, q, r := c.point(), c.point(), c.point()
		tri := func(what string, p, q, r []float64) {
			a, b, d := m.Dist(p, q), m.Dist(q, r), m.Dist(p, r)
			if s := c.tol() * (a + b + d); !(d <= a+b+s) {
				c.errorf("trial %d (%s): Dist(p, r) = %.17g > Dist(p, q) + Dist(q, r) = %.17g + %.17g (+ tol %.3g)", i, what, d, a, b, s)
			}
		}
		tri("random", p, q, r)
		v := c.tangent(p, c.maxDist(p)/2*c.rng.Float64())
		m.Exp(q, p, v)
		m.Exp(r, p, scaled(2, v))
		tri("on one geodesic", p, q, r)
	}
}
