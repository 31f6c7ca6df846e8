package main

import (
	"bytes"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/geodesic-go/geodesic/bench"
)

// checkBenchExtras checks the flags of the optional outputs.
func checkBenchExtras(bc *benchConfig) error {
	if bc.plotFormat != "svg" && bc.plotFormat != "png" {
		return usagef("--plot-format %q: want svg or png", bc.plotFormat)
	}
	if bc.noise < 0 {
		return usagef("--noise %v: want ≥ 0", bc.noise)
	}
	return nil
}

// benchExtras stages the Markdown report, the plots and the comparison.
func benchExtras(bc *benchConfig, rep, old *bench.Report, o *outputs, stdout io.Writer) error {
	var deltas []bench.Delta
	if old != nil {
		deltas = bench.Compare(old, rep, bc.noise)
		writeDeltaSummary(stdout, bc.compare, deltas)
	}
	if bc.md != "" {
		var buf bytes.Buffer
		if err := rep.WriteMarkdown(&buf); err != nil {
			return fmt.Errorf("%s: %v", bc.md, err)
		}
		if old != nil {
			fmt.Fprintf(&buf, "\n## Comparison with %s\n\n", filepath.Base(bc.compare))
			if err := bench.WriteDeltasMarkdown(&buf, deltas); err != nil {
				return fmt.Errorf("%s: %v", bc.md, err)
			}
		}
		if err := o.add(bc.md, func(w io.Writer) error { _, err := w.Write(buf.Bytes()); return err }); err != nil {
			return err
		}
	}
	if bc.plotDir != "" {
		// Draw into a temporary directory inside the target one, then
		// stage every file for the rename into place.
		if err := os.MkdirAll(bc.plotDir, 0o755); err != nil {
			return fmt.Errorf("--plot-dir %s: %v", bc.plotDir, err)
		}
		tmp, err := os.MkdirTemp(bc.plotDir, ".plots-*")
		if err != nil {
			return fmt.Errorf("--plot-dir %s: %v", bc.plotDir, err)
		}
		o.cleanup = append(o.cleanup, tmp)
		paths, err := bench.Plot(rep, tmp, bc.plotFormat)
		if err != nil {
			return fmt.Errorf("plots: %v", err)
		}
		for _, p := range paths {
			o.staged = append(o.staged, stagedFile{tmp: p, path: filepath.Join(bc.plotDir, filepath.Base(p))})
		}
		bc.plotsWritten = len(paths)
	}
	return nil
}

// writeDeltaSummary prints the changes a comparison found, one line per
// workload that moved beyond the noise, and a count of each verdict.
func writeDeltaSummary(w io.Writer, oldPath string, deltas []bench.Delta) {
	count := map[bench.Verdict]int{}
	allocs := 0
	for _, d := range deltas {
		count[d.Verdict]++
		if d.AllocRegression {
			allocs++
		}
		switch {
		case d.Verdict == bench.Regression || d.Verdict == bench.Improvement:
			fmt.Fprintf(w, "%-11s %s: %s → %s (×%.2f, tolerance ±%.0f%%)\n", d.Verdict, d.Name,
				formatNs(d.Old.Time.Median), formatNs(d.New.Time.Median), d.Ratio, 100*d.Tolerance)
		case d.AllocRegression:
			fmt.Fprintf(w, "allocations %s: %.3g → %.3g per op\n", d.Name, d.Old.AllocsPerOp, d.New.AllocsPerOp)
		}
	}
	fmt.Fprintf(w, "compared with %s: %d regressions, %d improvements, %d unchanged, %d added, %d removed, %d invalid; %d allocation regressions\n",
		oldPath, count[bench.Regression], count[bench.Improvement], count[bench.Unchanged], count[bench.Added], count[bench.Removed], count[bench.Invalid], allocs)
}
