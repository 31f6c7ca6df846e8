package manifoldtest

import (
	"testing"
)

// allocRuns is the number of calls testing.AllocsPerRun averages over.
const allocRuns = 50

// checkAllocFree: when r·c ≤ Config.AllocFreeMaxSize (and the race detector
// is off), Inner, Norm, Proj, Exp, Log, Dist, Retract, Transport and
// EGradToRGrad allocate nothing: testing.AllocsPerRun (after a warm-up call)
// reports 0. A nonzero count is measured up to three times and the least
// kept, to forgive a stray allocation by another goroutine.
func checkAllocFree(c *ctx) {
	switch limit := c.s.cfg.AllocFreeMaxSize; {
	case limit < 0:
		c.notRun("Config.AllocFreeMaxSize < 0")
		return
	case c.n() > limit:
		c.notRun("r·c = %d > Config.AllocFreeMaxSize = %d", c.n(), limit)
		return
	case raceEnabled:
		c.notRun("allocation counts are unreliable under the race detector")
		return
	}
	m := c.m()
	p := c.point()
	u, v := c.tangent(p, 0.3), c.tangent(p, 0.7)
	q := c.newVec()
	m.Exp(q, p, u)
	x := c.ambient(p)
	dst := c.newVec()
	var sink float64
	ops := []struct {
		name string
		fn   func()
	}{
		{"Inner", func() { sink += m.Inner(p, u, v) }},
		{"Norm", func() { sink += m.Norm(p, v) }},
		{"Proj", func() { m.Proj(dst, p, x) }},
		{"Exp", func() { m.Exp(dst, p, v) }},
		{"Log", func() { _ = m.Log(dst, p, q) }},
		{"Dist", func() { sink += m.Dist(p, q) }},
		{"Retract", func() { m.Retract(dst, p, v) }},
		{"Transport", func() { m.Transport(dst, p, q, v) }},
		{"EGradToRGrad", func() { m.EGradToRGrad(dst, p, x) }},
	}
	for _, op := range ops {
		if op.name == "Log" && !c.s.useLg {
			continue
		}
		op.fn()
		n := testing.AllocsPerRun(allocRuns, op.fn)
		for k := 0; k < 2 && n > 0; k++ {
			n = min(n, testing.AllocsPerRun(allocRuns, op.fn))
		}
		if n > 0 {
			c.errorf("%s allocates %.3g times per call, want 0 (r·c = %d)", op.name, n, c.n())
		}
	}
	_ = sink
}
