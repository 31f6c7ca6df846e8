package manifoldtest

import (
	"fmt"
	"math"
)

// inverseRetractNorms are the tangent norms (times min(1, MaxDist)) at
// which InverseRetract must invert Retract.
var inverseRetractNorms = []float64{1e-3, 0.1, 0.5}

// checkInverseRetract: for ‖v‖_p in inverseRetractNorms·min(1, MaxDist) and
// q = Retract(p, v), InverseRetract(p, q) returns nil, passes CheckTangent
// and ‖InverseRetract(p, q) − v‖_p ≤ Tol·‖v‖_p; and InverseRetract(p, p)
// returns nil with ‖·‖_p ≤ Tol.
func checkInverseRetract(c *ctx) {
	ir := c.s.invr
	if ir == nil {
		c.notRun("no InverseRetract capability")
		return
	}
	m := c.m()
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		w := c.newVec()
		if err := ir.InverseRetract(w, p, clone(p)); err != nil {
			c.errorf("trial %d: InverseRetract(p, p) returned %v", i, err)
		} else if nw := m.Norm(p, w); !within(nw, c.tol()) {
			c.errorf("trial %d: ‖InverseRetract(p, p)‖_p = %.3g > tol %.3g", i, nw, c.tol())
		}
		for _, s := range inverseRetractNorms {
			s *= min(1, c.maxDist(p))
			v := c.tangent(p, s)
			q := c.newVec()
			m.Retract(q, p, v)
			if err := ir.InverseRetract(w, p, q); err != nil {
				c.errorf("trial %d: InverseRetract(p, Retract(p, v)) with ‖v‖ = %.3g returned %v", i, s, err)
				continue
			}
			if !c.checkTangent(fmt.Sprintf("trial %d: InverseRetract(p, q) with ‖v‖ = %.3g", i, s), p, w) {
				continue
			}
			if e, tol := c.tangentDiff(p, w, v), c.tol()*s; !within(e, tol) {
				c.errorf("trial %d: ‖InverseRetract(p, Retract(p, v)) − v‖_p = %.3g > tol %.3g (‖v‖ = %.3g)", i, e, tol, s)
			}
		}
	}
}

// checkProject: PointDist(Project(p), p) ≤ Tol·max(1, ‖p‖_F) for p on M;
// for x = p + δ, δ Gaussian with ‖δ‖_F = 0.1·max(1, ‖p‖_F), Project(x)
// passes CheckPoint and Project(Project(x)) is Project(x) within
// Tol·max(1, ‖Project(x)‖_F).
func checkProject(c *ctx) {
	pr := c.s.proj
	if pr == nil {
		c.notRun("no Project capability")
		return
	}
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		y := c.newVec()
		pr.Project(y, p)
		if e, s := c.pointDist(y, p), c.tol()*pointScale(p); !within(e, s) {
			c.errorf("trial %d: ‖Project(p) − p‖ = %.3g > tol %.3g for p on the manifold", i, e, s)
		}
		x := c.newVec()
		gaussian(x, c.rng)
		a := 0.1 * pointScale(p) / nrm2(x)
		for j := range x {
			x[j] = p[j] + a*x[j]
		}
		pr.Project(y, x)
		if !c.checkPoint(fmt.Sprintf("trial %d: Project(x) for x off the manifold", i), y) {
			continue
		}
		z := c.newVec()
		pr.Project(z, y)
		if e, s := c.pointDist(z, y), c.tol()*pointScale(y); !within(e, s) {
			c.errorf("trial %d: ‖Project(Project(x)) − Project(x)‖ = %.3g > tol %.3g", i, e, s)
		}
	}
}

// checkInjectivityRadius: InjectivityRadius(p) > 0 (+Inf allowed, NaN not).
func checkInjectivityRadius(c *ctx) {
	ir := c.s.injr
	if ir == nil {
		c.notRun("no InjectivityRadius capability")
		return
	}
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		if r := ir.InjectivityRadius(p); !(r > 0) {
			c.errorf("trial %d: InjectivityRadius(p) = %v, want > 0", i, r)
		} else if math.IsInf(r, 1) && i == 0 {
			c.logf("InjectivityRadius is +Inf: Log checks use radius %g", c.maxDist(p))
		}
	}
}
