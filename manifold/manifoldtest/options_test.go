package manifoldtest

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/sphere"
)

func TestChecksNames(t *testing.T) {
	names := Checks()
	seen := map[string]bool{}
	for _, n := range names {
		if seen[n] {
			t.Errorf("duplicate check name %q", n)
		}
		seen[n] = true
	}
	for _, want := range []string{"Shape", "LogExp", "AllocFree", "EdgeCases", "EdgeCases/NearCutLocus", "EdgeCases/NaNPropagation"} {
		if !seen[want] {
			t.Errorf("Checks() lacks %q", want)
		}
	}
	// Every optional capability has a check of the same name, so that
	// Config.Skip can name it.
	for c := manifold.CapInverseRetract; c <= manifold.CapInjectivityRadius; c++ {
		if !seen[c.String()] {
			t.Errorf("no check named after capability %v", c)
		}
	}
}

func TestSkipUnknownName(t *testing.T) {
	rec := runRecorded(t, refSphere{3}, Config{Skip: []string{"NoSuchCheck"}})
	if len(rec.errs) != 1 || !strings.Contains(rec.errs[0], `unknown check "NoSuchCheck"`) {
		t.Errorf("got %q, want one failure about the unknown check", rec.errs)
	}
}

func TestSkipSubCheck(t *testing.T) {
	m := naiveExp{sphere.New(4)}
	cfg := Config{Name: "naive", RetractionOrder: SecondOrder, Skip: []string{"EdgeCases/TinyTangent", "EdgeCases/HugeExp"}}
	if rec := runRecorded(t, m, cfg); len(rec.errs) != 0 {
		t.Errorf("skipped sub-checks still failed:\n%s", strings.Join(rec.errs, "\n"))
	}
	cfg.Skip = []string{"EdgeCases"}
	if rec := runRecorded(t, m, cfg); len(rec.errs) != 0 {
		t.Errorf("skipping the parent did not skip the sub-checks:\n%s", strings.Join(rec.errs, "\n"))
	}
}

// Skipping a capability by name must keep the suite from calling it
// anywhere (length, aliasing and edge-case calls included).
func TestSkipCapability(t *testing.T) {
	m := panickyParallel{refSphere{4}}
	rec := runRecorded(t, m, Config{RetractionOrder: SecondOrder, Skip: []string{"ParallelTransport"}})
	if len(rec.errs) != 0 {
		t.Errorf("a skipped capability was used:\n%s", strings.Join(rec.errs, "\n"))
	}
	// Without the Skip, the panics are reported as failures of the checks
	// that call it, not as a crash.
	rec = runRecorded(t, m, Config{Name: "panicky", RetractionOrder: SecondOrder})
	got := rec.failedChecks("panicky")
	if !slices.Contains(got, "ParallelTransport") || !strings.Contains(strings.Join(rec.errs, "\n"), "panicked") {
		t.Errorf("a panicking ParallelTransport was not reported: %q", got)
	}
}

type panickyParallel struct{ refSphere }

func (panickyParallel) ParallelTransport(dst, p, q, v []float64) { panic("not implemented") }

// A decorator that has the method but reports, through
// manifold.CapabilityReporter, that it cannot serve it.
type reportsNoParallel struct{ panickyParallel }

func (reportsNoParallel) HasCapability(c manifold.Capability) bool {
	return c != manifold.CapParallelTransport
}

func TestCapabilityReporter(t *testing.T) {
	rec := runRecorded(t, reportsNoParallel{panickyParallel{refSphere{4}}}, Config{RetractionOrder: SecondOrder})
	if len(rec.errs) != 0 {
		t.Errorf("a capability reported absent was used:\n%s", strings.Join(rec.errs, "\n"))
	}
}

type noLog struct{ refSphere }

func (noLog) Log(dst, p, q []float64) error { panic("no Log") }

func TestNegativeMaxDistSkipsLog(t *testing.T) {
	if rec := runRecorded(t, noLog{refSphere{4}}, Config{RetractionOrder: SecondOrder, MaxDist: -1}); len(rec.errs) != 0 {
		t.Errorf("MaxDist < 0 still called Log:\n%s", strings.Join(rec.errs, "\n"))
	}
	rec := runRecorded(t, noLog{refSphere{4}}, Config{Name: "nolog", RetractionOrder: SecondOrder})
	if got := rec.failedChecks("nolog"); !slices.Contains(got, "LogExp") || !slices.Contains(got, "ExpLog") {
		t.Errorf("a panicking Log was not blamed on LogExp and ExpLog: %q", got)
	}
}

// The same seed gives the same report; another seed other points.
func TestSeedDeterminism(t *testing.T) {
	m := wrongLogSign{sphere.New(5)}
	run := func(seed uint64) string {
		return strings.Join(runRecorded(t, m, Config{Seed: seed, Name: "s", RetractionOrder: SecondOrder}).errs, "\n")
	}
	a, b, c := run(3), run(3), run(4)
	if a != b {
		t.Errorf("two runs with seed 3 differ:\n%s\n---\n%s", a, b)
	}
	if a == c {
		t.Errorf("seeds 3 and 4 give identical reports")
	}
}

// MaxDist defaults to 0.9·InjectivityRadius, else DefaultMaxDist.
func TestDefaultMaxDist(t *testing.T) {
	s := &suite{m: refSphere{3}, cfg: Config{}}
	s.injr = refSphere{3}
	c := &ctx{s: s}
	p := []float64{1, 0, 0}
	if got := c.maxDist(p); got != 0.9*math.Pi {
		t.Errorf("maxDist with radius π = %v, want %v", got, 0.9*math.Pi)
	}
	s.injr = nil
	if got := c.maxDist(p); got != DefaultMaxDist {
		t.Errorf("maxDist without a radius = %v, want %v", got, DefaultMaxDist)
	}
	s.cfg.MaxDist = 0.25
	if got := c.maxDist(p); got != 0.25 {
		t.Errorf("maxDist with Config.MaxDist = 0.25 gave %v", got)
	}
}

// BenchmarkSuite measures one run of the whole suite on S^999, through
// the sequential (non-*testing.T) path.
func BenchmarkSuite(b *testing.B) {
	m := sphere.New(1000)
	for b.Loop() {
		Run(b, m, Config{RetractionOrder: SecondOrder})
	}
}
