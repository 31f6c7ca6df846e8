package bench

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"strings"
	"time"
)

// WriteMarkdown writes the report as Markdown: a list describing the
// environment and the settings, then one table per kind of workload with
// one row per workload, in the order run. Times are medians with the
// interquartile range and the extremes over the samples; solver, averaging
// and embedding rows add the iterations, the status and the final error
// against the known answer, marked ✗ where it exceeds the workload's
// tolerance.
func (r *Report) WriteMarkdown(w io.Writer) error {
	bw := bufio.NewWriter(w)
	e := r.Env
	fmt.Fprintf(bw, "# geodesic benchmarks\n\n")
	ver := e.GeodesicVersion
	if e.VCSRevision != "" {
		ver += fmt.Sprintf(" (%s %.12s", "revision", e.VCSRevision)
		if e.VCSModified {
			ver += ", modified"
		}
		ver += ")"
	}
	fmt.Fprintf(bw, "- geodesic %s; %s; gonum %s\n", ver, e.GoVersion, e.GonumVersion)
	fmt.Fprintf(bw, "- %s, %s/%s, %d CPUs, GOMAXPROCS %d\n", e.CPU, e.GOOS, e.GOARCH, e.NumCPU, e.GOMAXPROCS)
	s := r.Settings
	mode := "full"
	if s.Quick {
		mode = "quick"
	}
	fmt.Fprintf(bw, "- %s, %s mode: up to %d samples of about %s per workload, budget %s per workload",
		e.Timestamp.Format(time.RFC3339), mode, s.Repeats, fmtDuration(s.SampleSeconds), fmtDuration(s.BudgetSeconds))
	if s.Filter != "" {
		fmt.Fprintf(bw, ", filter `%s`", s.Filter)
	}
	fmt.Fprintf(bw, "; %d workloads in %s\n", len(r.Results), fmtDuration(r.ElapsedSeconds))

	titles := map[Kind]string{
		KindOp:      "Manifold operations (time per call)",
		KindSolver:  "Solvers (time per solve to ‖grad f‖ ≤ 1e-8)",
		KindAverage: "Averaging (time per call)",
		KindEmbed:   "Embedding (time per one-epoch training run)",
	}
	for _, k := range Kinds() {
		var rows []*Result
		for i := range r.Results {
			if r.Results[i].Kind == k {
				rows = append(rows, &r.Results[i])
			}
		}
		if len(rows) == 0 {
			continue
		}
		fmt.Fprintf(bw, "\n## %s\n\n", titles[k])
		iterative := k != KindOp
		bw.WriteString("| workload | median | IQR | min | max | samples | allocs/op | B/op |")
		if iterative {
			bw.WriteString(" iterations | status | cost | final error |")
		}
		bw.WriteString("\n|---|---:|---:|---:|---:|---:|---:|---:|")
		if iterative {
			bw.WriteString("---:|---|---:|---:|")
		}
		bw.WriteByte('\n')
		for _, res := range rows {
			fmt.Fprintf(bw, "| `%s` |", res.Name)
			if res.Error != "" {
				fmt.Fprintf(bw, " error: %s |", mdEscape(res.Error))
				n := 6 // the cells after the one holding the error
				if iterative {
					n += 4
				}
				bw.WriteString(strings.Repeat(" |", n))
				bw.WriteByte('\n')
				continue
			}
			t := res.Time
			fmt.Fprintf(bw, " %s | %s | %s | %s | %d | %s | %s |",
				fmtNs(t.Median), fmtNs(t.IQR), fmtNs(t.Min), fmtNs(t.Max), len(res.SamplesNs),
				fmtCount(res.AllocsPerOp), fmtCount(res.BytesPerOp))
			if iterative {
				o := res.Outcome
				if o == nil {
					bw.WriteString(" | | | |")
				} else {
					fmt.Fprintf(bw, " %d | %s | %s | %s |", o.Iterations, mdEscape(o.Status), fmtFloat(o.Cost), fmtError(o))
				}
			}
			bw.WriteByte('\n')
		}
	}
	return bw.Flush()
}

// WriteDeltasMarkdown writes the result of Compare as a Markdown table, one
// row per delta in order, with the old and new medians, their relative
// spreads, the ratio, the tolerance of the noise rule and the verdict.
func WriteDeltasMarkdown(w io.Writer, deltas []Delta) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("| workload | old | new | new/old | tolerance | verdict | allocs/op old → new |\n")
	bw.WriteString("|---|---:|---:|---:|---:|---|---:|\n")
	for _, d := range deltas {
		old, cur, ratio, tol := "", "", "", ""
		if d.Old != nil {
			old = fmt.Sprintf("%s ± %.0f%%", fmtNs(d.Old.Time.Median), 100*d.Old.Time.RelSpread())
		}
		if d.New != nil {
			cur = fmt.Sprintf("%s ± %.0f%%", fmtNs(d.New.Time.Median), 100*d.New.Time.RelSpread())
		}
		if d.Ratio > 0 {
			ratio = fmt.Sprintf("%.3f", d.Ratio)
			tol = fmt.Sprintf("±%.1f%%", 100*d.Tolerance)
		}
		verdict := string(d.Verdict)
		if d.AllocRegression {
			verdict += ", more allocations"
		}
		allocs := ""
		if d.Old != nil && d.New != nil {
			allocs = fmt.Sprintf("%s → %s", fmtCount(d.Old.AllocsPerOp), fmtCount(d.New.AllocsPerOp))
		}
		fmt.Fprintf(bw, "| `%s` | %s | %s | %s | %s | %s | %s |\n", d.Name, old, cur, ratio, tol, verdict, allocs)
	}
	return bw.Flush()
}

// fmtNs formats nanoseconds with a unit, three significant digits.
func fmtNs(ns float64) string {
	switch a := math.Abs(ns); {
	case a == 0:
		return "0"
	case a < 1e3:
		return fmt.Sprintf("%.3g ns", ns)
	case a < 1e6:
		return fmt.Sprintf("%.3g µs", ns/1e3)
	case a < 1e9:
		return fmt.Sprintf("%.3g ms", ns/1e6)
	}
	return fmt.Sprintf("%.3g s", ns/1e9)
}

// fmtDuration formats seconds as a Go duration.
func fmtDuration(s float64) string {
	return time.Duration(s * float64(time.Second)).Round(time.Microsecond).String()
}

// fmtCount formats an allocation count or byte count per operation:
// whole numbers as such, small fractions (amortised allocations) with two
// significant digits.
func fmtCount(x float64) string {
	if x == math.Trunc(x) || math.Abs(x) >= 10 {
		return fmt.Sprintf("%.0f", x)
	}
	return fmt.Sprintf("%.2g", x)
}

func fmtFloat(x float64) string {
	if math.IsNaN(x) {
		return "–"
	}
	return fmt.Sprintf("%.6g", x)
}

// fmtError formats the final error with ✗ when it misses the tolerance.
func fmtError(o *Outcome) string {
	if math.IsNaN(o.FinalError) {
		return "–"
	}
	s := fmt.Sprintf("%.2g", o.FinalError)
	if !o.OK() {
		s += " ✗"
	}
	return s
}

// mdEscape keeps text from breaking a table row.
func mdEscape(s string) string {
	s = strings.ReplaceAll(s, "|", `\|`)
	return strings.ReplaceAll(s, "\n", " ")
}
