package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"time"

	"github.com/geodesic-go/geodesic/bench"
)

const benchAbout = `Runs geodesic's benchmark harness (package bench): manifold operations,
solvers on test problems with known answers, averaging and embedding epochs,
each timed over repeated samples with its allocations and, for iterative
workloads, whether it reached its known answer.

A table of the results goes to stdout. --json writes the full report (the
schema of bench/SCHEMA.md), --md a Markdown report, --plot-dir the plots
(time against size per operation, convergence traces; SVG or PNG), and
--compare old.json compares this run with an earlier report, listing on
stdout (and in the Markdown report) the changes beyond the noise of the two
runs: a change of the median larger than both interquartile ranges together
and than --noise. --quick is the CI mode: tiny sizes, few samples,
a few seconds for the whole registry. Workload names look like
"op=exp/manifold=stiefel/metric=canonical/n=50/p=5"; --filter takes a
regular expression on them and --list prints the selection without running.

The reports are written even when a workload fails or misses its known
answer (the table and the reports say which); the exit status is then 1.`

func benchCmd(args []string, stdout, stderr io.Writer) int {
	c := newCommand("bench", "geodesic bench [flags]", benchAbout)
	quick := c.fs.Bool("quick", false, "quick mode (tiny sizes, few samples)")
	filter := c.fs.String("filter", "", "run only workloads whose name matches this `regexp`")
	var kinds, sizes stringList
	c.fs.Var(&kinds, "kind", "run only this `kind` (op, solver, average, embed); repeatable or comma-separated")
	c.fs.Var(&sizes, "size", "run only this `size` class (tiny, medium, tall); repeatable or comma-separated")
	repeats := c.fs.Int("repeats", 0, "timed samples per workload (0: 10, or 3 in quick mode)")
	budget := c.fs.Duration("budget", 0, "time budget per workload (0: 1s, or 100ms in quick mode)")
	list := c.fs.Bool("list", false, "list the selected workloads and exit")
	jsonOut := c.fs.String("json", "", "write the report as JSON to `file`")
	mdOut := c.fs.String("md", "", "write the report as Markdown to `file`")
	plotDir := c.fs.String("plot-dir", "", "write the plots into `directory` (created if needed)")
	plotFormat := c.fs.String("plot-format", "svg", "`format` of the plots: svg or png")
	compare := c.fs.String("compare", "", "compare with the earlier JSON report `old.json`")
	noise := c.fs.Float64("noise", bench.DefaultNoise, "--compare: relative changes of the median below this `fraction` are never flagged")
	quiet := c.fs.Bool("quiet", false, "no progress output")
	pos, done, code := c.parse(args, stdout, stderr)
	if done {
		return code
	}
	cfg := bench.Config{Filter: *filter, Quick: *quick, Repeats: *repeats, Budget: *budget}
	for _, k := range splitList(kinds) {
		cfg.Kinds = append(cfg.Kinds, bench.Kind(k))
	}
	for _, s := range splitList(sizes) {
		cfg.Sizes = append(cfg.Sizes, bench.Size(s))
	}
	bc := benchConfig{cfg: cfg, list: *list, json: *jsonOut, md: *mdOut, plotDir: *plotDir, plotFormat: *plotFormat, compare: *compare, noise: *noise, quiet: *quiet}
	if len(pos) > 0 {
		return c.fail(stderr, usagef("unexpected argument %q", pos[0]))
	}
	if err := runBench(&bc, stdout, stderr); err != nil {
		return c.fail(stderr, err)
	}
	return 0
}

func splitList(l []string) []string {
	var out []string
	for _, v := range l {
		for _, f := range strings.Split(v, ",") {
			if f = strings.TrimSpace(f); f != "" {
				out = append(out, f)
			}
		}
	}
	return out
}

type benchConfig struct {
	cfg                                    bench.Config
	list                                   bool
	json, md, plotDir, plotFormat, compare string
	noise                                  float64
	quiet                                  bool
	plotsWritten                           int
}

func runBench(bc *benchConfig, stdout, stderr io.Writer) error {
	if bc.cfg.Repeats < 0 || bc.cfg.Budget < 0 {
		return usagef("--repeats and --budget must not be negative")
	}
	ws, err := bench.List(bc.cfg)
	if err != nil {
		return usagef("%v", err)
	}
	if bc.list {
		for _, w := range ws {
			fmt.Fprintln(stdout, w.Name)
		}
		return nil
	}
	if len(ws) == 0 {
		return usagef("no workload matches the selection (see --list)")
	}
	// Check every output and the baseline before the run.
	if bc.json != "" {
		if err := checkOutputPath("--json", bc.json, "json"); err != nil {
			return err
		}
	}
	if bc.md != "" {
		if err := checkOutputPath("--md", bc.md, "md"); err != nil {
			return err
		}
	}
	if bc.plotDir != "" {
		if err := checkPlotDir(bc.plotDir); err != nil {
			return err
		}
	}
	var old *bench.Report
	if bc.compare != "" {
		if old, err = readReport(bc.compare); err != nil {
			return err
		}
	}
	if err := checkBenchExtras(bc); err != nil {
		return err
	}

	prog := newProgress(stderr, bc.quiet, "bench", "workloads", len(ws), 0)
	bc.cfg.Progress = func(p bench.Progress) {
		if p.Result != nil {
			prog.update(p.Index+1, p.Name)
		}
	}
	rep, err := bench.Run(context.Background(), bc.cfg)
	prog.finish()
	if err != nil {
		return err
	}
	writeBenchTable(stdout, rep)
	failed := 0
	for _, r := range rep.Results {
		if r.Error != "" || (r.Outcome != nil && !r.Outcome.OK()) {
			failed++
		}
	}

	var o outputs
	defer o.abort()
	if bc.json != "" {
		if err := o.add(bc.json, rep.WriteJSON); err != nil {
			return err
		}
	}
	if err := benchExtras(bc, rep, old, &o, stdout); err != nil {
		return err
	}
	if err := o.commit(); err != nil {
		return err
	}
	for _, p := range []string{bc.json, bc.md} {
		if p != "" {
			fmt.Fprintf(stdout, "wrote %s\n", p)
		}
	}
	if bc.plotDir != "" {
		fmt.Fprintf(stdout, "wrote %d plots to %s\n", bc.plotsWritten, bc.plotDir)
	}
	if failed > 0 {
		return fmt.Errorf("%d of %d workloads failed or missed their known answer (see the table)", failed, len(rep.Results))
	}
	return nil
}

// checkPlotDir checks that dir is a directory, or can be created in an
// existing one (it is created only when the run has succeeded).
func checkPlotDir(dir string) error {
	st, err := os.Stat(dir)
	if errors.Is(err, fs.ErrNotExist) {
		parent := filepath.Dir(filepath.Clean(dir))
		if pst, perr := os.Stat(parent); perr != nil || !pst.IsDir() {
			return fmt.Errorf("--plot-dir %s: directory %s does not exist", dir, parent)
		}
		return nil
	}
	if err != nil {
		return unwrapPathError(dir, err)
	}
	if !st.IsDir() {
		return fmt.Errorf("--plot-dir %s: not a directory", dir)
	}
	return nil
}

func readReport(path string) (*bench.Report, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, unwrapPathError(path, err)
	}
	defer f.Close()
	rep, err := bench.ReadJSON(bufio.NewReader(f))
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	return rep, nil
}

// writeBenchTable prints one line per workload: the median time per
// operation with its interquartile range, the allocations, and for
// iterative workloads the iterations and whether the known answer was
// reached.
func writeBenchTable(w io.Writer, rep *bench.Report) {
	width := len("workload")
	for _, r := range rep.Results {
		width = max(width, len(r.Name))
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "%-*s  %9s  %9s  %9s  %s\n", width, "workload", "median", "IQR", "allocs/op", "outcome")
	for _, r := range rep.Results {
		if r.Error != "" {
			fmt.Fprintf(bw, "%-*s  error: %s\n", width, r.Name, r.Error)
			continue
		}
		out := ""
		if o := r.Outcome; o != nil {
			out = fmt.Sprintf("%d it, %s", o.Iterations, o.Status)
			if !o.OK() {
				out += fmt.Sprintf(", MISSED (error %.2g > %.2g)", o.FinalError, o.Tolerance)
			}
		}
		fmt.Fprintf(bw, "%-*s  %9s  %9s  %9s  %s\n", width, r.Name, formatNs(r.Time.Median), formatNs(r.Time.IQR), fmt.Sprintf("%.3g", r.AllocsPerOp), out)
	}
	fmt.Fprintf(bw, "%d workloads in %s (%s, %s, GOMAXPROCS %d)\n", len(rep.Results),
		formatDuration(time.Duration(rep.ElapsedSeconds*float64(time.Second))), rep.Env.GoVersion, rep.Env.CPU, rep.Env.GOMAXPROCS)
	bw.Flush()
}

// formatNs formats a time in nanoseconds with a unit.
func formatNs(ns float64) string {
	switch {
	case ns < 1e3:
		return fmt.Sprintf("%.3gns", ns)
	case ns < 1e6:
		return fmt.Sprintf("%.3gµs", ns/1e3)
	case ns < 1e9:
		return fmt.Sprintf("%.3gms", ns/1e6)
	default:
		return fmt.Sprintf("%.3gs", ns/1e9)
	}
}
