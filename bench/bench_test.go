package bench_test

import (
	"bytes"
	"context"
	"errors"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/geodesic-go/geodesic/bench"
)

// quickReport runs the quick mode once for all the tests that need it.
var quickReport = sync.OnceValues(func() (*bench.Report, error) {
	return bench.Run(context.Background(), bench.Config{Quick: true})
})

func quick(t *testing.T) *bench.Report {
	t.Helper()
	rep, err := quickReport()
	if err != nil {
		t.Fatal(err)
	}
	return rep
}

// packageExists reports whether the module has a package directory with Go
// files of that name: the registry must cover every such manifold package,
// whatever the build contains.
func packageExists(name string) bool {
	files, _ := filepath.Glob(filepath.Join("..", name, "*.go"))
	return len(files) > 0
}

// sourceHas reports whether a non-test Go file of the module's package dir
// contains s (a declaration the registry should use once it exists).
func sourceHas(dir, s string) bool {
	files, _ := filepath.Glob(filepath.Join("..", dir, "*.go"))
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") {
			continue
		}
		b, err := os.ReadFile(f)
		if err == nil && bytes.Contains(b, []byte(s)) {
			return true
		}
	}
	return false
}

func TestRegistryPromises(t *testing.T) {
	ws := bench.Registry()
	type key struct{ kind, op, problem, manifold, variant, size string }
	have := make(map[key]bool)
	names := make(map[string]bool)
	for _, w := range ws {
		if names[w.Name] {
			t.Errorf("duplicate name %s", w.Name)
		}
		names[w.Name] = true
		if w.Setup == nil || w.Elements <= 0 || len(w.Params) == 0 {
			t.Errorf("%s: incomplete workload %+v", w.Name, w)
		}
		if !slices.Contains(bench.Kinds(), w.Kind) || !slices.Contains(bench.Sizes(), w.Size) {
			t.Errorf("%s: kind %q, size %q", w.Name, w.Kind, w.Size)
		}
		if !strings.HasPrefix(w.Name, string(w.Kind)+"="+w.Op+"/") || !strings.Contains(w.Name, "/manifold="+w.Manifold) {
			t.Errorf("%s: name does not match the fields (kind %s, op %s, manifold %s)", w.Name, w.Kind, w.Op, w.Manifold)
		}
		have[key{string(w.Kind), w.Op, w.Problem, w.Manifold, w.Variant, string(w.Size)}] = true
	}
	want := func(kind bench.Kind, op, problem, mfd, variant string) {
		t.Helper()
		for _, s := range bench.Sizes() {
			if !have[key{string(kind), op, problem, mfd, variant, string(s)}] {
				t.Errorf("no workload %s=%s problem=%q manifold=%s %s size=%s", kind, op, problem, mfd, variant, s)
			}
		}
	}

	// Every manifold package, every configuration, every operation it has.
	core := []string{"inner", "norm", "proj", "egradtorgrad", "ehesstorhess", "exp", "log", "dist", "retract", "transport"}
	type conf struct {
		variant string
		ops     []string
	}
	metricOps := []string{"inner", "norm", "egradtorgrad", "ehesstorhess", "exp", "log", "dist"}
	all := append(slices.Clone(core), "inverseretract", "paralleltransport")
	confs := map[string][]conf{
		"sphere":    {{"", all}},
		"grassmann": {{"", all}},
		"stiefel":   {{"metric=euclidean", append(slices.Clone(core), "inverseretract")}, {"metric=canonical", metricOps}},
		"spd": {
			{"metric=ai", all},
			{"metric=le", slices.DeleteFunc(slices.Clone(all), func(s string) bool { return s == "proj" })},
			{"metric=lc", slices.DeleteFunc(slices.Clone(all), func(s string) bool { return s == "proj" })},
			{"metric=bw", slices.DeleteFunc(slices.Clone(all), func(s string) bool { return s == "proj" || s == "paralleltransport" })},
		},
		"hyperbolic": {{"model=lorentz", all}, {"model=ball", all}, {"model=halfspace", all}},
		"flag":       {{"metric=canonical", core}},
	}
	for mfd, cs := range confs {
		if !packageExists(mfd) {
			t.Logf("package %s absent: not required", mfd)
			continue
		}
		for _, c := range cs {
			for _, op := range c.ops {
				want(bench.KindOp, op, "", mfd, c.variant)
			}
		}
	}

	// Every solver on its problems.
	problems := map[string][2]string{
		"rayleigh": {"sphere", ""},
		"brockett": {"stiefel", "metric=euclidean"},
		"subspace": {"grassmann", ""},
		"karcher":  {"spd", "metric=ai"},
		"frechet":  {"hyperbolic", "model=lorentz"},
	}
	if got := bench.ProblemNames(); len(got) != len(problems) {
		t.Errorf("ProblemNames() = %v", got)
	}
	solvers := bench.SolverNames()
	for _, s := range []string{"sd", "cg-hz", "lbfgs", "rtr", "sgd", "adam"} {
		if !slices.Contains(solvers, s) {
			t.Errorf("solver %s missing from %v", s, solvers)
		}
	}
	for pr, mv := range problems {
		for _, s := range []string{"sd", "cg-hz", "lbfgs", "rtr"} {
			want(bench.KindSolver, s, pr, mv[0], mv[1])
		}
	}
	want(bench.KindSolver, "sgd", "rayleigh", "sphere", "")
	want(bench.KindSolver, "adam", "rayleigh", "sphere", "")

	// Averaging, as far as package optim has it.
	for _, fn := range []struct{ decl, op string }{{"func KarcherMean(", "karcher"}, {"func GeometricMedian(", "median"}} {
		if !sourceHas("optim", fn.decl) {
			t.Logf("optim has no %s: not required", fn.decl)
			continue
		}
		want(bench.KindAverage, fn.op, "symmetric", "sphere", "")
		want(bench.KindAverage, fn.op, "symmetric", "grassmann", "")
		want(bench.KindAverage, fn.op, "symmetric", "spd", "metric=ai")
		want(bench.KindAverage, fn.op, "symmetric", "hyperbolic", "model=lorentz")
	}
	for _, fn := range []struct{ decl, op string }{{"func FlagMean(", "flagmean"}, {"func FlagMedian(", "flagmedian"}} {
		if !sourceHas("optim", fn.decl) {
			t.Logf("optim has no %s: not required", fn.decl)
			continue
		}
		want(bench.KindAverage, fn.op, "majority", "flag", "")
	}
	if sourceHas("embed", "func Train(") {
		for _, m := range []string{"model=ball", "model=lorentz"} {
			if !have[key{"embed", "epoch", "tree", "hyperbolic", m, "tiny"}] || !have[key{"embed", "epoch", "mammals", "hyperbolic", m, "medium"}] {
				t.Errorf("embedding epoch workloads missing for %s", m)
			}
		}
	}
}

func TestSelect(t *testing.T) {
	ws, err := bench.List(bench.Config{Filter: "^op=exp/manifold=sphere/"})
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, w := range ws {
		names = append(names, w.Name)
	}
	if want := []string{"op=exp/manifold=sphere/n=3", "op=exp/manifold=sphere/n=100", "op=exp/manifold=sphere/n=10000"}; !slices.Equal(names, want) {
		t.Errorf("names = %v, want %v", names, want)
	}
	ws, err = bench.List(bench.Config{Quick: true, Kinds: []bench.Kind{bench.KindSolver}})
	if err != nil {
		t.Fatal(err)
	}
	for _, w := range ws {
		if w.Kind != bench.KindSolver || w.Size != bench.SizeTiny {
			t.Errorf("quick solver selection has %s", w.Name)
		}
	}
	ws, _ = bench.List(bench.Config{Quick: true, Sizes: []bench.Size{bench.SizeMedium}, Filter: "manifold=sphere/n="})
	if len(ws) == 0 || ws[0].Size != bench.SizeMedium {
		t.Errorf("explicit Sizes should override quick mode's tiny sizes: %d workloads", len(ws))
	}
	for _, cfg := range []bench.Config{{Filter: "("}, {Kinds: []bench.Kind{"ops"}}, {Sizes: []bench.Size{"huge"}}} {
		if _, err := bench.List(cfg); err == nil {
			t.Errorf("List(%+v): no error", cfg)
		}
	}
	if _, err := bench.Run(context.Background(), bench.Config{Repeats: -1}); err == nil {
		t.Error("Run with Repeats -1: no error")
	}
}

func TestQuickRun(t *testing.T) {
	start := time.Now()
	rep := quick(t)
	t.Logf("quick run: %d workloads in %.2fs (%.2fs measured by the report)", len(rep.Results), time.Since(start).Seconds(), rep.ElapsedSeconds)

	want, err := bench.List(bench.Config{Quick: true})
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) != len(want) {
		t.Fatalf("%d results, want %d", len(rep.Results), len(want))
	}
	if rep.Schema != bench.SchemaName || rep.SchemaVersion != bench.SchemaVersion {
		t.Errorf("schema %q version %d", rep.Schema, rep.SchemaVersion)
	}
	if !rep.Settings.Quick || rep.Settings.Repeats != bench.QuickRepeats {
		t.Errorf("settings %+v", rep.Settings)
	}
	e := rep.Env
	if e.GoVersion != runtime.Version() || e.GOOS != runtime.GOOS || e.GOARCH != runtime.GOARCH || e.CPU == "" ||
		e.GOMAXPROCS != runtime.GOMAXPROCS(0) || e.Timestamp.IsZero() || e.GonumVersion == "" || e.GeodesicVersion == "" {
		t.Errorf("env %+v", e)
	}
	// Test binaries carry no dependency list in their build information,
	// so GonumVersion is "unknown" here; a built command has it.
	for i, r := range rep.Results {
		if r.Name != want[i].Name {
			t.Errorf("result %d is %s, want %s", i, r.Name, want[i].Name)
		}
		if r.Error != "" {
			t.Errorf("%s: %s", r.Name, r.Error)
			continue
		}
		if n := len(r.SamplesNs); n < 1 || n > bench.QuickRepeats || r.Time.Median <= 0 || r.OpsPerSample < 1 ||
			r.Time.Min > r.Time.Median || r.Time.Median > r.Time.Max || r.AllocsPerOp < 0 {
			t.Errorf("%s: %d samples, %d ops per sample, stats %+v", r.Name, n, r.OpsPerSample, r.Time)
		}
		if r.Size != bench.SizeTiny {
			t.Errorf("%s: size %s in quick mode", r.Name, r.Size)
		}
		if (r.Kind == bench.KindOp) != (r.Outcome == nil) {
			t.Errorf("%s: outcome %v", r.Name, r.Outcome)
		}
	}
}

// TestKnownAnswers checks that every solver and averaging workload of the
// quick run reaches its known answer within its tolerance: this proves the
// answers right (an independent construction agreeing with the library's
// solvers to 1e-9 or so), and the tolerances sensible.
func TestKnownAnswers(t *testing.T) {
	checkAnswers(t, quick(t))
}

// TestKnownAnswersMedium does the same for the medium sizes, with one
// sample each.
func TestKnownAnswersMedium(t *testing.T) {
	if testing.Short() {
		t.Skip("medium sizes skipped with -short")
	}
	rep, err := bench.Run(context.Background(), bench.Config{
		Kinds: []bench.Kind{bench.KindSolver, bench.KindAverage}, Sizes: []bench.Size{bench.SizeMedium},
		Repeats: 1, Budget: time.Nanosecond, SampleTime: time.Nanosecond,
	})
	if err != nil {
		t.Fatal(err)
	}
	checkAnswers(t, rep)
}

func checkAnswers(t *testing.T, rep *bench.Report) {
	t.Helper()
	n := 0
	for _, r := range rep.Results {
		if r.Kind != bench.KindSolver && r.Kind != bench.KindAverage {
			continue
		}
		n++
		o := r.Outcome
		if r.Error != "" || o == nil {
			t.Errorf("%s: error %q, outcome %v", r.Name, r.Error, o)
			continue
		}
		if !(o.Tolerance <= 1e-4) || !o.OK() || !o.Converged {
			t.Errorf("%s: final error %.3g (%s), tolerance %.3g, status %s", r.Name, o.FinalError, o.ErrorMetric, o.Tolerance, o.Status)
		}
		if gap := o.Cost - o.Optimum; !(math.Abs(gap) <= 1e-9*math.Max(1, math.Abs(o.Optimum))) {
			t.Errorf("%s: cost %.17g, known minimum %.17g", r.Name, o.Cost, o.Optimum)
		}
		if len(o.Trace) < 2 || o.Trace[0].Iter != 0 {
			t.Errorf("%s: trace of %d points", r.Name, len(o.Trace))
		}
	}
	if n == 0 {
		t.Error("no solver or averaging results")
	}
}

func TestReportJSON(t *testing.T) {
	rep := quick(t)
	var a bytes.Buffer
	if err := rep.WriteJSON(&a); err != nil {
		t.Fatal(err)
	}
	back, err := bench.ReadJSON(bytes.NewReader(a.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	if back.SchemaVersion != bench.SchemaVersion || len(back.Results) != len(rep.Results) {
		t.Fatalf("read back version %d, %d results", back.SchemaVersion, len(back.Results))
	}
	// NaN ≠ NaN, so compare the encodings: the round trip must be exact.
	var b bytes.Buffer
	if err := back.WriteJSON(&b); err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(a.Bytes(), b.Bytes()) {
		t.Error("JSON round trip changed the report")
	}
	for _, r := range back.Results {
		if r.Kind == bench.KindEmbed && (r.Outcome == nil || !math.IsNaN(r.Outcome.FinalError)) {
			t.Errorf("%s: null final error should read back as NaN: %+v", r.Name, r.Outcome)
		}
	}
	for _, bad := range []string{
		`{"schema":"geodesic-bench","schema_version":2,"results":[]}`,
		`{"schema":"geodesic-bench","results":[]}`,
		`{"schema":"other","schema_version":1,"results":[]}`,
		`{"schema":`,
	} {
		if _, err := bench.ReadJSON(strings.NewReader(bad)); err == nil {
			t.Errorf("ReadJSON(%s): no error", bad)
		}
	}
}

func TestMarkdown(t *testing.T) {
	rep := quick(t)
	var buf bytes.Buffer
	if err := rep.WriteMarkdown(&buf); err != nil {
		t.Fatal(err)
	}
	md := buf.String()
	rows := make(map[string]int)
	for _, line := range strings.Split(md, "\n") {
		if name, ok := strings.CutPrefix(line, "| `"); ok {
			name, _, _ = strings.Cut(name, "`")
			rows[name]++
			if c := strings.Count(line, "|"); c != 9 && c != 13 {
				t.Errorf("row with %d cells: %s", c-1, line)
			}
		}
	}
	for _, r := range rep.Results {
		if rows[r.Name] != 1 {
			t.Errorf("%d rows for %s", rows[r.Name], r.Name)
		}
	}
	if len(rows) != len(rep.Results) {
		t.Errorf("%d rows, %d results", len(rows), len(rep.Results))
	}
	for _, s := range []string{"# geodesic benchmarks", rep.Env.GoVersion, "quick mode", "## Solvers", "## Manifold operations"} {
		if !strings.Contains(md, s) {
			t.Errorf("Markdown lacks %q", s)
		}
	}
}

func TestPlot(t *testing.T) {
	rep := quick(t)
	dir := t.TempDir()
	files, err := bench.Plot(rep, dir)
	if err != nil {
		t.Fatal(err)
	}
	var ops, conv int
	for _, f := range files {
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if filepath.Ext(f) != ".svg" || len(b) < 1000 || !bytes.Contains(b, []byte("<svg")) {
			t.Errorf("%s: %d bytes, not an SVG figure", f, len(b))
		}
		switch base := filepath.Base(f); {
		case strings.HasPrefix(base, "op-"):
			ops++
		case strings.HasPrefix(base, "solver-"), strings.HasPrefix(base, "average-"):
			conv++
		}
	}
	if ops != len(bench.OpNames()) || conv == 0 {
		t.Errorf("%d operation plots (want %d), %d convergence plots", ops, len(bench.OpNames()), conv)
	}
	if _, err := os.Stat(filepath.Join(dir, "solver-rayleigh-sphere-tiny.svg")); err != nil {
		t.Error(err)
	}

	// PNG, on a small report.
	small := &bench.Report{Results: []bench.Result{*rep.Find("op=exp/manifold=sphere/n=3")}}
	files, err = bench.Plot(small, dir, "png")
	if err != nil || len(files) != 1 {
		t.Fatalf("PNG: %v, %v", files, err)
	}
	b, err := os.ReadFile(files[0])
	if err != nil || !bytes.HasPrefix(b, []byte("\x89PNG")) {
		t.Errorf("%s is not a PNG file (%v)", files[0], err)
	}
	if _, err := bench.Plot(small, dir, "gif"); err == nil {
		t.Error("Plot with format gif: no error")
	}
}

func TestRunProgressAndCancel(t *testing.T) {
	cfg := bench.Config{Filter: "^op=(inner|exp)/manifold=sphere/n=3$", Repeats: 2, SampleTime: 100 * time.Microsecond}
	var events []bench.Progress
	cfg.Progress = func(p bench.Progress) { events = append(events, p) }
	rep, err := bench.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(rep.Results) != 2 || len(events) != 4 {
		t.Fatalf("%d results, %d progress events", len(rep.Results), len(events))
	}
	for i, ev := range events {
		if ev.Index != i/2 || ev.Total != 2 || (ev.Result == nil) != (i%2 == 0) || ev.Name != rep.Results[i/2].Name {
			t.Errorf("event %d: %+v", i, ev)
		}
	}
	if r := rep.Results[0]; len(r.SamplesNs) != 2 || r.AllocsPerOp > 0.01 {
		t.Errorf("%s: %d samples, %g allocs/op (the sphere's Inner allocates nothing)", r.Name, len(r.SamplesNs), r.AllocsPerOp)
	}

	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	rep, err = bench.Run(ctx, cfg)
	if !errors.Is(err, context.Canceled) || rep == nil || len(rep.Results) != 0 {
		t.Errorf("cancelled run: %v, %+v", err, rep)
	}
}

func TestCustomWorkloadErrors(t *testing.T) {
	boom := errors.New("boom")
	ws := []bench.Workload{
		{Name: "op=a/manifold=x/n=1", Kind: bench.KindOp, Size: bench.SizeTiny, Setup: func() (*bench.Instance, error) { return nil, boom }},
		{Name: "op=b/manifold=x/n=1", Kind: bench.KindOp, Size: bench.SizeTiny, Setup: func() (*bench.Instance, error) {
			return &bench.Instance{Run: func(context.Context, int) (*bench.Outcome, error) { panic("bad") }}, nil
		}},
		{Name: "op=c/manifold=x/n=1", Kind: bench.KindOp, Size: bench.SizeTiny, Setup: func() (*bench.Instance, error) {
			return &bench.Instance{Run: func(_ context.Context, n int) (*bench.Outcome, error) {
				// Spin for n·10 µs.
				for t0 := time.Now(); time.Since(t0) < time.Duration(n)*10*time.Microsecond; {
				}
				return nil, nil
			}}, nil
		}},
	}
	rep, err := bench.Run(context.Background(), bench.Config{Workloads: ws, Repeats: 5, SampleTime: time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	if r := rep.Results[0]; r.Error != "boom" || len(r.SamplesNs) != 0 {
		t.Errorf("setup error: %+v", r)
	}
	if r := rep.Results[1]; !strings.Contains(r.Error, "panic: bad") {
		t.Errorf("panic: %+v", r)
	}
	if r := rep.Results[2]; r.Error != "" || len(r.SamplesNs) != 5 || r.OpsPerSample < 2 || r.Time.Median < 10000 {
		t.Errorf("sleeping workload: %d samples of %d ops, median %g ns", len(r.SamplesNs), r.OpsPerSample, r.Time.Median)
	}
	var buf bytes.Buffer
	if err := rep.WriteMarkdown(&buf); err != nil || !strings.Contains(buf.String(), "error: boom") {
		t.Errorf("Markdown of failed workloads: %v\n%s", err, buf.String())
	}
}

func TestSummarize(t *testing.T) {
	s := bench.Summarize([]float64{5, 1, 4, 2, 3})
	want := bench.TimeStats{Median: 3, Q1: 2, Q3: 4, IQR: 2, MAD: 1, Min: 1, Max: 5, Mean: 3}
	if s != want {
		t.Errorf("Summarize = %+v, want %+v", s, want)
	}
	// Four samples: quartiles at positions 0.75 and 2.25.
	s = bench.Summarize([]float64{10, 20, 30, 40})
	if s.Median != 25 || s.Q1 != 17.5 || s.Q3 != 32.5 || s.MAD != 10 {
		t.Errorf("Summarize(10, 20, 30, 40) = %+v", s)
	}
	if s := bench.Summarize([]float64{7}); s.Median != 7 || s.IQR != 0 || s.RelSpread() != 0 {
		t.Errorf("one sample: %+v", s)
	}
	if s := bench.Summarize(nil); s != (bench.TimeStats{}) || s.RelSpread() != 0 {
		t.Errorf("no samples: %+v", s)
	}
}
