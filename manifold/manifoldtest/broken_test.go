package manifoldtest

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/sphere"
)

// Deliberately broken manifolds. Each embeds the correct *sphere.Sphere and
// overrides one method with a realistic bug; the tests below assert that the
// suite blames the right check, and (through allowed) that it blames no
// unrelated one. The overrides check slice lengths (through the embedded
// sphere), keep dst aliasing safe and do not allocate, so that each manifold
// differs from the sphere in the one intended way.

// lenCheck panics like the sphere if any slice has the wrong length.
func lenCheck(s *sphere.Sphere, xs ...[]float64) {
	for _, x := range xs {
		s.Norm(x, x)
	}
}

// (1) Log with the wrong sign.
type wrongLogSign struct{ *sphere.Sphere }

func (b wrongLogSign) Log(dst, p, q []float64) error {
	err := b.Sphere.Log(dst, p, q)
	for i := range dst {
		dst[i] = -dst[i]
	}
	return err
}

// (2) A first-order retraction, R_p(v) = (p + (1 + min(‖v‖, 1))v)/‖·‖: its
// curve has the tangential acceleration 2‖v‖v at t = 0, so it agrees with
// Exp only to O(t²).
type firstOrderRetract struct{ *sphere.Sphere }

func (b firstOrderRetract) Retract(dst, p, v []float64) {
	lenCheck(b.Sphere, dst, p, v)
	t := b.Norm(p, v)
	if t == 0 {
		copy(dst, p)
		return
	}
	a := 1 + min(t, 1)
	for i := range dst {
		dst[i] = p[i] + a*v[i]
	}
	n := b.Norm(dst, dst)
	for i := range dst {
		dst[i] /= n
	}
}

// (3) An Exp that allocates.
type allocExp struct{ *sphere.Sphere }

var allocSink []float64

func (b allocExp) Exp(dst, p, v []float64) {
	allocSink = make([]float64, len(p))
	b.Sphere.Exp(dst, p, v)
}

// (4) A transport that leaves v in T_p M instead of moving it to T_q M.
type transportOffTangent struct{ *sphere.Sphere }

func (b transportOffTangent) Transport(dst, p, q, v []float64) {
	lenCheck(b.Sphere, q)
	b.Sphere.Transport(dst, p, p, v)
}

// (5) A distance floored at 1e-4.
type flooredDist struct{ *sphere.Sphere }

func (b flooredDist) Dist(p, q []float64) float64 { return max(b.Sphere.Dist(p, q), 1e-4) }

// (6) An Exp that reads v after writing dst.
type aliasExp struct{ *sphere.Sphere }

func (b aliasExp) Exp(dst, p, v []float64) {
	lenCheck(b.Sphere, dst, p, v)
	t := b.Norm(p, v)
	if t == 0 {
		copy(dst, p)
		return
	}
	c, s := math.Cos(t), math.Sin(t)/t
	for i := range dst {
		dst[i] = c * p[i]
	}
	for i := range dst {
		dst[i] += s * v[i]
	}
}

// (7) A Riemannian Hessian without the curvature (Weingarten) term.
type hessNoCurvature struct{ *sphere.Sphere }

func (b hessNoCurvature) EHessToRHess(dst, p, egrad, ehess, v []float64) {
	lenCheck(b.Sphere, egrad, v)
	b.Proj(dst, p, ehess)
}

// (8) A Riemannian gradient off by a factor 2.
type egradScaled struct{ *sphere.Sphere }

func (b egradScaled) EGradToRGrad(dst, p, egrad []float64) {
	b.Sphere.EGradToRGrad(dst, p, egrad)
	for i := range dst {
		dst[i] *= 2
	}
}

// (9) An Exp without the special case v = 0: sin(‖v‖)/‖v‖ is then 0/0.
type expNoZeroCase struct{ *sphere.Sphere }

func (b expNoZeroCase) Exp(dst, p, v []float64) {
	lenCheck(b.Sphere, dst, p, v)
	t := b.Norm(p, v)
	c, s := math.Cos(t), math.Sin(t)/t
	for i := range dst {
		dst[i] = c*p[i] + s*v[i]
	}
}

// (10) A Norm that does not check lengths.
type noLengthCheck struct{ *sphere.Sphere }

func (b noLengthCheck) Norm(p, v []float64) float64 { return nrm2(v) }

// (11) A Log that returns NaN without an error near the antipode.
type nanNearCutLocus struct{ *sphere.Sphere }

func (b nanNearCutLocus) Log(dst, p, q []float64) error {
	if b.Inner(p, p, q) < -1+1e-9 {
		fill(dst, math.NaN())
		return nil
	}
	return b.Sphere.Log(dst, p, q)
}

// (12) A CheckPoint whose comparison lets NaN through.
type checkPointNaN struct{ *sphere.Sphere }

func (b checkPointNaN) CheckPoint(p []float64) error {
	if r := math.Abs(b.Norm(p, p) - 1); r > 1e-10 {
		return &manifold.CheckError{Manifold: "broken", What: "‖p‖ ≠ 1", Residual: r, Tolerance: 1e-10}
	}
	return nil
}

// (13) A "parallel" transport that is only the projection: not isometric.
type pseudoParallel struct{ *sphere.Sphere }

func (b pseudoParallel) ParallelTransport(dst, p, q, v []float64) { b.Sphere.Transport(dst, p, q, v) }

// (14) An Exp with a naive norm √(vᵀv), which underflows and overflows.
type naiveExp struct{ *sphere.Sphere }

func (b naiveExp) Exp(dst, p, v []float64) {
	lenCheck(b.Sphere, dst, p, v)
	var ss, m float64
	for _, x := range v {
		ss += x * x
		m = max(m, math.Abs(x))
	}
	if m == 0 {
		copy(dst, p)
		return
	}
	t := math.Sqrt(ss)
	c, s := math.Cos(t), math.Sin(t)/t
	for i := range dst {
		dst[i] = c*p[i] + s*v[i]
	}
}

// (15) A Proj that removes only half of the normal component.
type halfProj struct{ *sphere.Sphere }

func (b halfProj) Proj(dst, p, x []float64) {
	lenCheck(b.Sphere, dst, p, x)
	a := b.Inner(p, p, x) / 2
	for i := range dst {
		dst[i] = x[i] - a*p[i]
	}
}

// brokenCase is a manifold with the checks that must fail (want), a text
// that one of their messages must contain (msg, optional), and the only
// other checks allowed to fail as a consequence (also).
type brokenCase struct {
	name string
	m    manifold.Manifold
	cfg  Config
	want []string
	msg  string
	also []string
}

func brokenCases(n int) []brokenCase {
	s := sphere.New(n)
	second := Config{RetractionOrder: SecondOrder}
	return []brokenCase{
		{"WrongLogSign", wrongLogSign{s}, second, []string{"LogExp", "ExpLog"}, "", nil},
		{"FirstOrderClaimedSecond", firstOrderRetract{s}, second, []string{"RetractionOrder"}, "", []string{"EHessToRHess", "InverseRetract"}},
		{"AllocatingExp", allocExp{s}, second, []string{"AllocFree"}, "", nil},
		{"TransportOffTangent", transportOffTangent{s}, second, []string{"Transport"}, "", nil},
		{"FlooredDist", flooredDist{s}, second, []string{"DistSelf", "DistLog"}, "", nil},
		{"AliasingExp", aliasExp{s}, second, []string{"Aliasing"}, "Exp(dst, p, v) with dst = v", nil},
		{"HessianNoCurvature", hessNoCurvature{s}, second, []string{"EHessToRHess"}, "", nil},
		{"GradientTimesTwo", egradScaled{s}, second, []string{"EGradToRGrad"}, "", nil},
		{"ExpZeroNaN", expNoZeroCase{s}, second, []string{"ExpZero", "EdgeCases/ZeroTangent"}, "", nil},
		{"NoLengthCheck", noLengthCheck{s}, second, []string{"LengthPanics"}, "", nil},
		{"NaNLogNearCutLocus", nanNearCutLocus{s}, second, []string{"EdgeCases/NearCutLocus"}, "", nil},
		{"CheckPointAcceptsNaN", checkPointNaN{s}, second, []string{"EdgeCases/NaNCheck"}, "", nil},
		{"ParallelNotIsometric", pseudoParallel{s}, second, []string{"ParallelTransport"}, "", nil},
		{"NaiveNormExp", naiveExp{s}, second, []string{"EdgeCases/TinyTangent", "EdgeCases/HugeExp"}, "", nil},
		{"HalfProj", halfProj{s}, second, []string{"Proj"}, "", nil},
		{"ProjectiveClaimedExp", s, Config{RetractionOrder: ExpRetraction}, []string{"RetractionOrder"}, "", nil},
	}
}

// TestBrokenManifoldsAreCaught runs the suite on each broken manifold and
// checks that the intended check fails, with a message naming the check and
// the manifold, and that no unrelated check fails. Checks that already fail
// on the unbroken sphere (a baseline that TestCorrectManifoldPasses requires
// to be empty) are tolerated here, so that this test measures the suite and
// not the sphere; a wanted check may not be in that baseline.
func TestBrokenManifoldsAreCaught(t *testing.T) {
	for _, n := range []int{3, 7} {
		baseCfg := Config{Name: "base", RetractionOrder: SecondOrder}
		base := runRecorded(t, sphere.New(n), baseCfg)
		baseline := base.failedChecks(baseCfg.Name)
		for _, bc := range brokenCases(n) {
			t.Run(fmt.Sprintf("%s/n=%d", bc.name, n), func(t *testing.T) {
				if raceEnabled && slices.Contains(bc.want, "AllocFree") {
					t.Skip("the AllocFree check does not run under the race detector")
				}
				cfg := bc.cfg
				cfg.Name = "broken-" + bc.name
				rec := runRecorded(t, bc.m, cfg)
				got := rec.failedChecks(cfg.Name)
				for _, w := range bc.want {
					if !slices.Contains(got, w) {
						t.Errorf("the suite did not blame %s; it blamed %q", w, got)
					}
					if bc.msg == "" && slices.Contains(baseline, w) {
						t.Errorf("%s already fails on the correct sphere; this case proves nothing", w)
					}
				}
				if bc.msg != "" {
					if !slices.ContainsFunc(rec.errs, func(e string) bool { return strings.Contains(e, bc.msg) }) {
						t.Errorf("no failure mentions %q:\n%s", bc.msg, strings.Join(rec.errs, "\n"))
					}
					if slices.ContainsFunc(base.errs, func(e string) bool { return strings.Contains(e, bc.msg) }) {
						t.Errorf("the correct sphere already fails with %q; this case proves nothing", bc.msg)
					}
				}
				for _, g := range got {
					if !slices.Contains(bc.want, g) && !slices.Contains(bc.also, g) && !slices.Contains(baseline, g) {
						t.Errorf("the suite also blamed %s, unexpectedly:\n%s", g, strings.Join(rec.errs, "\n"))
					}
				}
				for _, e := range rec.errs {
					if !strings.HasPrefix(e, cfg.Name+": ") {
						t.Errorf("failure message does not start with the manifold name %q: %s", cfg.Name, e)
					}
				}
				if testing.Verbose() && len(rec.errs) > 0 {
					t.Logf("first failure: %s", rec.errs[0])
				}
			})
		}
	}
}

// TestCorrectManifoldPasses runs the suite through the recorder on the
// correct sphere and on the test-only manifolds: nothing may fail.
func TestCorrectManifoldPasses(t *testing.T) {
	cases := []struct {
		name string
		m    manifold.Manifold
		cfg  Config
	}{
		{"sphere3", sphere.New(3), Config{RetractionOrder: SecondOrder}},
		{"sphere40-exp-parallel", sphere.New(40, sphere.WithRetraction(sphere.Exponential), sphere.WithTransport(sphere.Parallel)),
			Config{RetractionOrder: ExpRetraction, TransportIsometric: true}},
		{"refsphere5", refSphere{5}, Config{RetractionOrder: SecondOrder}},
		{"euclid3x2", euclid{3, 2}, Config{RetractionOrder: ExpRetraction, TransportIsometric: true}},
		// The first-order retraction is fine when it is not claimed to be
		// second order (only InverseRetract, which inverts the projective
		// retraction, is then inconsistent).
		{"first-order-claimed-first", firstOrderRetract{sphere.New(4)}, Config{Skip: []string{"InverseRetract"}}},
	}
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			rec := runRecorded(t, tc.m, tc.cfg)
			for _, e := range rec.errs {
				t.Error(e)
			}
		})
	}
}
