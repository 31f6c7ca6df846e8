package bench_test

import (
	"bytes"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/geodesic-go/geodesic/bench"
)

// synthetic returns a result with ten samples around median ns, spread
// uniformly by ±spread (relative), reproducibly.
func synthetic(name string, median, spread float64, seed uint64) bench.Result {
	rng := rand.New(rand.NewPCG(seed, 9))
	s := make([]float64, 10)
	for i := range s {
		s[i] = median * (1 + spread*(2*rng.Float64()-1))
	}
	return bench.Result{Name: name, Kind: bench.KindOp, SamplesNs: s, Time: bench.Summarize(s), OpsPerSample: 1000}
}

func report(rs ...bench.Result) *bench.Report {
	return &bench.Report{Schema: bench.SchemaName, SchemaVersion: bench.SchemaVersion, Results: rs}
}

func TestCompare(t *testing.T) {
	old := report(
		synthetic("slower", 100, 0.03, 1),
		synthetic("noise", 100, 0.03, 2),
		synthetic("faster", 100, 0.03, 3),
		synthetic("noisy-run", 100, 0.30, 4),
		synthetic("gone", 100, 0.03, 5),
		synthetic("failed", 100, 0.03, 6),
	)
	cur := report(
		synthetic("slower", 200, 0.03, 11), // a 2× regression
		synthetic("noise", 103, 0.03, 12),  // within the noise
		synthetic("faster", 50, 0.03, 13),  // 2× faster
		synthetic("noisy-run", 140, 0.30, 14),
		synthetic("new", 100, 0.03, 15),
		bench.Result{Name: "failed", Error: "boom", SamplesNs: []float64{}},
	)
	cur.Results[1].AllocsPerOp = 3 // "noise" now allocates
	want := map[string]bench.Verdict{
		"slower":    bench.Regression,
		"noise":     bench.Unchanged,
		"faster":    bench.Improvement,
		"noisy-run": bench.Unchanged, // 40% slower, but the runs spread by ±30%
		"new":       bench.Added,
		"gone":      bench.Removed,
		"failed":    bench.Invalid,
	}
	ds := bench.Compare(old, cur, 0)
	if len(ds) != len(want) {
		t.Fatalf("%d deltas, want %d", len(ds), len(want))
	}
	for _, d := range ds {
		if d.Verdict != want[d.Name] {
			t.Errorf("%s: verdict %s (ratio %.3f, tolerance %.3f), want %s", d.Name, d.Verdict, d.Ratio, d.Tolerance, want[d.Name])
		}
		if d.AllocRegression != (d.Name == "noise") {
			t.Errorf("%s: alloc regression %v", d.Name, d.AllocRegression)
		}
	}
	if d := ds[0]; d.Ratio < 1.8 || d.Ratio > 2.2 || d.Tolerance < bench.DefaultNoise || d.Old == nil || d.New == nil {
		t.Errorf("2× regression: %+v", d)
	}
	if ds[len(ds)-1].Name != "gone" {
		t.Errorf("removed workloads should come last: %s", ds[len(ds)-1].Name)
	}

	// The rule is symmetric, and the floor can be raised.
	for _, d := range bench.Compare(cur, old, 0) {
		switch d.Name {
		case "slower":
			if d.Verdict != bench.Improvement {
				t.Errorf("swapped: %s is %s", d.Name, d.Verdict)
			}
		case "faster":
			if d.Verdict != bench.Regression {
				t.Errorf("swapped: %s is %s", d.Name, d.Verdict)
			}
		}
	}
	for _, d := range bench.Compare(old, cur, 1.5) {
		if d.Verdict == bench.Regression || d.Verdict == bench.Improvement {
			t.Errorf("noise floor 150%%: %s is %s", d.Name, d.Verdict)
		}
	}

	var buf bytes.Buffer
	if err := bench.WriteDeltasMarkdown(&buf, ds); err != nil {
		t.Fatal(err)
	}
	if n := strings.Count(buf.String(), "\n"); n != len(ds)+2 || !strings.Contains(buf.String(), "regression") {
		t.Errorf("Markdown of the deltas (%d lines):\n%s", n, buf.String())
	}
}
