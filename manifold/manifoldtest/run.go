package manifoldtest

import (
	"fmt"
	"hash/fnv"
	"math"
	"math/rand/v2"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/geodesic-go/geodesic/manifold"
)

// check is one named check of the suite.
type check struct {
	name string
	sub  []string // names of its sub-checks, for Skip validation and Checks
	run  func(c *ctx)
}

// checkList returns the checks in the order Run runs them.
func checkList() []check {
	return []check{
		{name: "Shape", run: checkShape},
		{name: "LengthPanics", run: checkLengthPanics},
		{name: "RandomPoint", run: checkRandomPoint},
		{name: "RandomTangent", run: checkRandomTangent},
		{name: "Metric", run: checkMetric},
		{name: "Proj", run: checkProj},
		{name: "ExpZero", run: checkExpZero},
		{name: "RetractZero", run: checkRetractZero},
		{name: "ExpOnManifold", run: checkExpOnManifold},
		{name: "RetractOnManifold", run: checkRetractOnManifold},
		{name: "RetractionOrder", run: checkRetractionOrder},
		{name: "LogExp", run: checkLogExp},
		{name: "ExpLog", run: checkExpLog},
		{name: "LogSelf", run: checkLogSelf},
		{name: "DistSelf", run: checkDistSelf},
		{name: "DistLog", run: checkDistLog},
		{name: "DistSymmetry", run: checkDistSymmetry},
		{name: "TriangleInequality", run: checkTriangle},
		{name: "Transport", run: checkTransport},
		{name: "EGradToRGrad", run: checkEGradToRGrad},
		{name: "EHessToRHess", run: checkEHessToRHess},
		{name: "InverseRetract", run: checkInverseRetract},
		{name: "ParallelTransport", run: checkParallelTransport},
		{name: "Project", run: checkProject},
		{name: "InjectivityRadius", run: checkInjectivityRadius},
		{name: "Aliasing", run: checkAliasing},
		{name: "AllocFree", run: checkAllocFree},
		{name: "EdgeCases", sub: edgeCaseNames, run: checkEdgeCases},
	}
}

// Checks returns the names of the checks Run performs, in order, including
// sub-checks as "Parent/Child". Any of them may be listed in Config.Skip.
func Checks() []string {
	var names []string
	for _, c := range checkList() {
		names = append(names, c.name)
		for _, s := range c.sub {
			names = append(names, c.name+"/"+s)
		}
	}
	return names
}

// suite holds the resolved configuration and capabilities of one Run.
type suite struct {
	m    manifold.Manifold
	cfg  Config
	name string
	r, c int
	n    int // r*c

	invr  manifold.InverseRetractor
	pt    manifold.ParallelTransporter
	hess  manifold.HessianConverter
	proj  manifold.Projector
	injr  manifold.InjectivityRadiuser
	skip  map[string]bool
	useLg bool // Log checks enabled (MaxDist ≥ 0)
}

// Run runs the conformance suite on m with the configuration cfg and
// reports failures through t. If t is a *testing.T, every check runs as a
// subtest named after it (skipped checks appear as skipped subtests);
// otherwise (a *testing.B, or any other testing.TB) the checks run one
// after the other on t itself. Failure messages start with the manifold's
// name and the check's name, and state the measured value and the
// tolerance it exceeded. A panic inside a check is recovered and reported
// as a failure of that check, so one broken method does not hide the
// results of the other checks.
//
// The package documentation describes each check.
func Run(t testing.TB, m manifold.Manifold, cfg Config) {
	t.Helper()
	s := newSuite(t, m, cfg)
	if s == nil {
		return
	}
	for _, ch := range checkList() {
		s.runCheck(t, ch.name, ch.run)
	}
}

func newSuite(t testing.TB, m manifold.Manifold, cfg Config) *suite {
	t.Helper()
	if m == nil {
		t.Errorf("manifoldtest: Run called with a nil manifold")
		return nil
	}
	s := &suite{m: m, cfg: cfg, skip: map[string]bool{}}
	s.r, s.c = m.Shape()
	s.n = s.r * s.c
	if s.r <= 0 || s.c <= 0 {
		t.Errorf("manifoldtest: %T: Shape: Shape() = (%d, %d), want both > 0; no other check can run", m, s.r, s.c)
		return nil
	}
	if s.cfg.Name == "" {
		s.cfg.Name = fmt.Sprintf("%T", m)
		if st, ok := m.(fmt.Stringer); ok {
			s.cfg.Name += " " + st.String()
		}
	}
	s.name = s.cfg.Name
	if s.cfg.Trials <= 0 {
		s.cfg.Trials = 6
		if s.n > 4096 {
			s.cfg.Trials = 2
		}
	}
	if !(s.cfg.Tol > 0) {
		s.cfg.Tol = DefaultTol
	}
	if !(s.cfg.SlopeTol > 0) {
		s.cfg.SlopeTol = DefaultSlopeTol
	}
	if s.cfg.AllocFreeMaxSize == 0 {
		s.cfg.AllocFreeMaxSize = DefaultAllocFreeMaxSize
	}
	if s.cfg.RetractionOrder == 0 {
		s.cfg.RetractionOrder = FirstOrder
	}
	if s.cfg.PointDist == nil {
		s.cfg.PointDist = diffNorm
	}
	s.useLg = !(s.cfg.MaxDist < 0)

	known := map[string]bool{}
	for _, name := range Checks() {
		known[name] = true
	}
	for _, name := range s.cfg.Skip {
		if !known[name] {
			t.Errorf("manifoldtest: %s: Config.Skip names an unknown check %q (see manifoldtest.Checks)", s.name, name)
		}
		s.skip[name] = true
	}
	if x, ok := manifold.AsInverseRetractor(m); ok && !s.skip[manifold.CapInverseRetract.String()] {
		s.invr = x
	}
	if x, ok := manifold.AsParallelTransporter(m); ok && !s.skip[manifold.CapParallelTransport.String()] {
		s.pt = x
	}
	if x, ok := manifold.AsHessianConverter(m); ok && !s.skip[manifold.CapHessian.String()] {
		s.hess = x
	}
	if x, ok := manifold.AsProjector(m); ok && !s.skip[manifold.CapProject.String()] {
		s.proj = x
	}
	if x, ok := manifold.AsInjectivityRadiuser(m); ok && !s.skip[manifold.CapInjectivityRadius.String()] {
		s.injr = x
	}
	return s
}

// skipped reports whether the check with the full name (e.g.
// "EdgeCases/HugeExp") or one of its parents is listed in Config.Skip.
func (s *suite) skipped(name string) bool {
	for {
		if s.skip[name] {
			return true
		}
		i := strings.LastIndexByte(name, '/')
		if i < 0 {
			return false
		}
		name = name[:i]
	}
}

// maxReports bounds the failures one check reports in detail.
const maxReports = 5

// ctx is the state of one running check.
type ctx struct {
	t       testing.TB
	s       *suite
	name    string // full check name, "EdgeCases/TinyTangent"
	rng     *rand.Rand
	reports int
}

// runCheck runs fn as the check called name (a full name), as a subtest if
// t is a *testing.T.
func (s *suite) runCheck(t testing.TB, name string, fn func(c *ctx)) {
	t.Helper()
	short := name[strings.LastIndexByte(name, '/')+1:]
	if s.skipped(name) {
		if tt, ok := t.(*testing.T); ok {
			tt.Run(short, func(t *testing.T) { t.Skip("skipped by Config.Skip") })
		}
		return
	}
	body := func(t testing.TB) {
		t.Helper()
		h := fnv.New64a()
		h.Write([]byte(name))
		c := &ctx{t: t, s: s, name: name, rng: rand.New(rand.NewPCG(s.cfg.Seed, h.Sum64()))}
		defer func() {
			if r := recover(); r != nil {
				c.errorf("panicked: %v\n%s", r, debug.Stack())
			}
			if c.reports > maxReports {
				t.Errorf("%s: %s: %d further failures not shown", s.name, name, c.reports-maxReports)
			}
		}()
		fn(c)
	}
	if tt, ok := t.(*testing.T); ok {
		tt.Run(short, func(t *testing.T) { body(t) })
		return
	}
	body(t)
}

// sub runs fn as the sub-check child of c.
func (c *ctx) sub(child string, fn func(c *ctx)) {
	c.t.Helper()
	c.s.runCheck(c.t, c.name+"/"+child, fn)
}

// errorf reports a failure of the check, prefixed by the manifold and the
// check name. Only the first maxReports failures are shown.
func (c *ctx) errorf(format string, args ...any) {
	c.t.Helper()
	c.reports++
	if c.reports > maxReports {
		return
	}
	c.t.Errorf("%s: %s: %s", c.s.name, c.name, fmt.Sprintf(format, args...))
}

// notRun says why the check does not apply. With a *testing.T it marks the
// subtest skipped (and does not return); otherwise it logs the reason and
// the caller returns.
func (c *ctx) notRun(format string, args ...any) {
	c.t.Helper()
	if t, ok := c.t.(*testing.T); ok {
		t.Skipf("%s: %s: not run: %s", c.s.name, c.name, fmt.Sprintf(format, args...))
	}
	c.logf("not run: "+format, args...)
}

// logf logs a note about the check.
func (c *ctx) logf(format string, args ...any) {
	c.t.Helper()
	c.t.Logf("%s: %s: %s", c.s.name, c.name, fmt.Sprintf(format, args...))
}

// Convenience accessors.

func (c *ctx) m() manifold.Manifold { return c.s.m }
func (c *ctx) n() int               { return c.s.n }
func (c *ctx) tol() float64         { return c.s.cfg.Tol }
func (c *ctx) smallTol() float64    { return math.Sqrt(c.s.cfg.Tol) }
func (c *ctx) trials() int          { return c.s.cfg.Trials }

// newVec returns a zeroed slice of the length of one point.
func (c *ctx) newVec() []float64 { return make([]float64, c.s.n) }

// point returns a random point.
func (c *ctx) point() []float64 {
	p := c.newVec()
	c.m().RandomPoint(p, c.rng)
	return p
}

// tangent returns a random tangent vector at p with ‖v‖_p = norm (or the
// raw RandomTangent output if its norm is not positive and finite).
func (c *ctx) tangent(p []float64, norm float64) []float64 {
	v := c.newVec()
	c.m().RandomTangent(v, p, c.rng)
	nv := c.m().Norm(p, v)
	if nv > 0 && isFinite(nv) {
		a := norm / nv
		for i := range v {
			v[i] *= a
		}
	}
	return v
}

// slopeDirection returns the k-th direction of a slope test that started
// with v: v, −v, then fresh random unit tangent vectors.
func (c *ctx) slopeDirection(p, v []float64, k int) []float64 {
	switch k {
	case 0:
		return v
	case 1:
		return scaled(-1, v)
	}
	return c.tangent(p, 1)
}

// ambient returns a standard Gaussian ambient vector scaled by
// max(1, ‖p‖_F)/√n, so that it has about the size of p.
func (c *ctx) ambient(p []float64) []float64 {
	x := c.newVec()
	gaussian(x, c.rng)
	a := max(1, nrm2(p)) / math.Sqrt(float64(c.s.n))
	for i := range x {
		x[i] *= a
	}
	return x
}

// maxDist returns the radius of the Log checks at p (see Config.MaxDist).
func (c *ctx) maxDist(p []float64) float64 {
	if d := c.s.cfg.MaxDist; d > 0 {
		return d
	}
	if c.s.injr != nil {
		r := c.s.injr.InjectivityRadius(p)
		if r > 0 && !math.IsInf(r, 1) {
			return 0.9 * r
		}
	}
	return DefaultMaxDist
}

// pointDist returns Config.PointDist(p, q).
func (c *ctx) pointDist(p, q []float64) float64 { return c.s.cfg.PointDist(p, q) }

// pointScale is the scale of point comparisons: max(1, ‖p‖_F).
func pointScale(p []float64) float64 { return max(1, nrm2(p)) }

// needLog reports whether the Log checks run, logging why not.
func (c *ctx) needLog() bool {
	if !c.s.useLg {
		c.notRun("Config.MaxDist < 0 disables the checks that call Log")
		return false
	}
	return true
}

// checkPoint reports a failure if p is not finite or CheckPoint rejects it;
// what describes p. It returns whether p passed.
func (c *ctx) checkPoint(what string, p []float64) bool {
	c.t.Helper()
	if i := firstNonFinite(p); i >= 0 {
		c.errorf("%s has a non-finite entry [%d] = %v", what, i, p[i])
		return false
	}
	if err := c.m().CheckPoint(p); err != nil {
		c.errorf("%s is not on the manifold: CheckPoint: %v", what, err)
		return false
	}
	return true
}

// checkTangent reports a failure if v is not finite or CheckTangent(p, v)
// rejects it.
func (c *ctx) checkTangent(what string, p, v []float64) bool {
	c.t.Helper()
	if i := firstNonFinite(v); i >= 0 {
		c.errorf("%s has a non-finite entry [%d] = %v", what, i, v[i])
		return false
	}
	if err := c.m().CheckTangent(p, v); err != nil {
		c.errorf("%s is not tangent: CheckTangent: %v", what, err)
		return false
	}
	return true
}

// tangentDiff returns ‖a − b‖_p for tangent vectors a, b at p.
func (c *ctx) tangentDiff(p, a, b []float64) float64 {
	d := c.newVec()
	sub(d, a, b)
	return c.m().Norm(p, d)
}

// within reports whether err ≤ tol, false for NaN.
func within(err, tol float64) bool { return err <= tol }
