package main

import (
	"bufio"
	"context"
	"encoding/json"
	"fmt"
	"io"
	"strings"
	"time"

	"github.com/geodesic-go/geodesic/optim"
)

const meanAbout = `Computes the %[1]s of a set of points on a manifold: the %[2]s

The result is written with its objective, the iteration count and the
solver's status: as text on stdout (default), or to -o out.npy (the point
alone: shape r×c, or (n,) for vectors; the summary goes to stdout),
out.json (the point and every figure), out.csv (the point as one flattened
row, the input convention) or out.txt (the text form).

Input: .npy (float64 '<f8', C order; N×d or N×r×c), .csv (one flattened
point per row, row-major; a header line and # comments are skipped) or
.json ([N][d] or [N][r][c] nested arrays). Weights (--weights) are inline,
"1,2,0.5", or a file: .npy of shape (N,), a .json array, or numbers
separated by commas, spaces or newlines. Points are numbered from 0 in
error messages.

` + manifoldHelp

func meanCmd(args []string, stdout, stderr io.Writer) int {
	return averageCmd("mean", args, stdout, stderr)
}

func medianCmd(args []string, stdout, stderr io.Writer) int {
	return averageCmd("median", args, stdout, stderr)
}

func averageCmd(op string, args []string, stdout, stderr io.Writer) int {
	what := "weighted\nKarcher (Fréchet) mean, the minimiser of Σ w_j d(x, x_j)², or on flag\nmanifolds the chordal flag mean (Mankovich & Birdal 2023)."
	if op == "median" {
		what = "weighted\ngeometric median, the minimiser of Σ w_j d(x, x_j) (Riemannian Weiszfeld),\nor on flag manifolds the chordal flag median."
	}
	c := newCommand(op, "geodesic "+op+" --manifold name [flags] points.{npy,csv,json}", fmt.Sprintf(meanAbout, op, what))
	var mf manifoldFlags
	mf.register(c.fs)
	weights := c.fs.String("weights", "", "`weights`, inline (1,2,0.5) or a file (.npy, .json, text); default: equal")
	out := c.fs.String("o", "", "write the result to `file` (.npy, .json, .csv or .txt); default: text on stdout")
	maxIter := c.fs.Int("max-iter", 0, "iteration limit (0: the solver's default, 1000 for means, 100 reweightings for the flag median)")
	gradTol := c.fs.Float64("grad-tol", 0, "tolerance on the Riemannian gradient norm (0: the solver's default)")
	threads := c.fs.Int("threads", 0, "goroutines for the logarithms (0: all cores when the data are large)")
	quiet := c.fs.Bool("quiet", false, "no progress output")
	pos, done, code := c.parse(args, stdout, stderr)
	if done {
		return code
	}
	if err := runAverage(op, pos, &mf, *weights, *out, *maxIter, *gradTol, *threads, *quiet, stdout, stderr); err != nil {
		return c.fail(stderr, err)
	}
	return 0
}

// averageResult is what mean and median write.
type averageResult struct {
	Operation  string    `json:"operation"` // "mean" or "median"
	Method     string    `json:"method"`
	Manifold   string    `json:"manifold"`
	Points     int       `json:"points"`
	Shape      []int     `json:"shape"`
	Point      any       `json:"point"`
	Objective  float64   `json:"objective"`
	GradNorm   float64   `json:"grad_norm"`
	Iterations int       `json:"iterations"`
	Status     string    `json:"status"`
	Notes      []string  `json:"notes,omitempty"`
	Runtime    float64   `json:"runtime_seconds"`
	x          []float64 // the point, flat
}

func runAverage(op string, pos []string, mf *manifoldFlags, weightSpec, out string, maxIter int, gradTol float64, threads int, quiet bool, stdout, stderr io.Writer) error {
	if len(pos) != 1 {
		return usagef("want one input file, got %d arguments", len(pos))
	}
	if out != "" {
		if err := checkOutputPath("-o", out, "npy", "json", "csv", "txt"); err != nil {
			return err
		}
	}
	if maxIter < 0 || gradTol < 0 || threads < 0 {
		return usagef("--max-iter, --grad-tol and --threads must not be negative")
	}
	f, sp, err := mf.loadPoints(pos[0])
	if err != nil {
		return err
	}
	var w []float64
	if weightSpec != "" {
		if w, err = readWeights(weightSpec, len(f.pts)); err != nil {
			return err
		}
	}

	prog := newProgress(stderr, quiet, op, "iterations", 0, time.Second)
	rec := optim.RecorderFunc(func(it optim.Iteration) error {
		prog.update(it.Iter, fmt.Sprintf("objective %.6g, gradient norm %.2g", it.F, it.GradNorm))
		return nil
	})
	settings := &optim.Settings{MaxIterations: maxIter, GradTol: gradTol, Recorder: rec}
	ctx := context.Background()
	var res *optim.Result
	switch {
	case sp.flagDims != nil:
		res, err = flagAverage(ctx, op, f.pts, sp, w, settings, maxIter, threads, rec)
	case op == "mean":
		res, err = optim.KarcherMean(ctx, sp.m, f.pts, w, &optim.MeanOptions{Settings: settings, Workers: threads})
	default:
		res, err = optim.GeometricMedian(ctx, sp.m, f.pts, w, &optim.MeanOptions{Settings: settings, Workers: threads})
	}
	prog.finish()
	if err != nil {
		return fmt.Errorf("%s: %v", f.path, err)
	}

	r := &averageResult{
		Operation: op, Method: res.Method, Manifold: sp.desc, Points: len(f.pts),
		Shape: []int{sp.r, sp.c}, Point: nested(res.X, sp.r, sp.c),
		Objective: res.F, GradNorm: res.GradNorm, Iterations: res.Iterations,
		Status: res.Status.String(), Notes: res.Notes, Runtime: res.Runtime.Seconds(), x: res.X,
	}
	if sp.c == 1 {
		r.Shape = []int{sp.r}
	}
	switch res.Status {
	case optim.GradientConverged, optim.CostConverged, optim.StepTolerance:
	default:
		fmt.Fprintf(stderr, "geodesic %s: warning: the solver stopped early (%s); the result is its last iterate\n", op, res.Status)
	}

	if out == "" {
		return writeAverageText(stdout, r)
	}
	var o outputs
	err = o.add(out, func(w io.Writer) error {
		switch ext(out) {
		case "npy":
			return writeNPY(w, r.Shape, r.x)
		case "json":
			return writeJSON(w, r)
		case "csv":
			return writeCSVRows(w, [][]float64{r.x})
		default:
			return writeAverageText(w, r)
		}
	})
	if err == nil {
		err = o.commit()
	}
	if err != nil {
		o.abort()
		return err
	}
	fmt.Fprintf(stdout, "%s: objective %.6g, %d iterations, %s; wrote %s\n", r.title(), r.Objective, r.Iterations, r.Status, out)
	return nil
}

// flagAverage runs FlagMean or FlagMedian.
func flagAverage(ctx context.Context, op string, pts [][]float64, sp *space, w []float64, settings *optim.Settings, maxIter, threads int, rec optim.Recorder) (*optim.Result, error) {
	opts := &optim.FlagOptions{Settings: settings, Tolerance: sp.tolerance, Workers: threads, OrientSigns: true}
	if op == "mean" {
		return optim.FlagMean(ctx, pts, sp.flagN, sp.flagDims, w, opts)
	}
	return flagMedian(ctx, pts, sp, w, opts, maxIter, rec)
}

func (r *averageResult) title() string {
	name := map[string]string{
		"karcher": "Karcher mean", "weiszfeld": "geometric median",
		"flagmean-rtr": "chordal flag mean", "flagmedian-irls": "chordal flag median",
	}[r.Method]
	if name == "" {
		name = r.Operation + " (" + r.Method + ")"
	}
	return fmt.Sprintf("%s of %d points on %s", name, r.Points, r.Manifold)
}

func writeAverageText(w io.Writer, r *averageResult) error {
	bw := bufio.NewWriter(w)
	obj := "Σ w_j d(x, x_j)²"
	if r.Operation == "median" {
		obj = "Σ w_j d(x, x_j)"
	}
	if strings.HasPrefix(r.Method, "flag") {
		obj = strings.ReplaceAll(obj, "d(", "d_c(") + ", chordal distance"
	}
	fmt.Fprintf(bw, "# %s\n", r.title())
	fmt.Fprintf(bw, "# objective %s = %s (weights summing to 1)\n", obj, formatFloat(r.Objective))
	fmt.Fprintf(bw, "# %d iterations (%s), gradient norm %.3g: %s\n", r.Iterations, r.Method, r.GradNorm, r.Status)
	for _, n := range r.Notes {
		fmt.Fprintf(bw, "# note: %s\n", n)
	}
	cols := len(r.x)
	if len(r.Shape) == 2 {
		cols = r.Shape[1]
	}
	writeMatrixText(bw, r.x, cols)
	return bw.Flush()
}

// writeMatrixText writes a vector on one line, or a matrix as rows of
// space-separated numbers in the shortest exact form.
func writeMatrixText(w io.Writer, x []float64, cols int) {
	for i := 0; i < len(x); i += cols {
		for j := i; j < i+cols; j++ {
			if j > i {
				io.WriteString(w, " ")
			}
			io.WriteString(w, formatFloat(x[j]))
		}
		io.WriteString(w, "\n")
	}
}

// nested returns x as a JSON-friendly value: a vector, or r rows of c.
func nested(x []float64, r, c int) any {
	if c == 1 {
		return x
	}
	rows := make([][]float64, r)
	for i := range rows {
		rows[i] = x[i*c : (i+1)*c]
	}
	return rows
}

func writeJSON(w io.Writer, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(v)
}

// writeCSVRows writes one row of numbers per slice.
func writeCSVRows(w io.Writer, rows [][]float64) error {
	bw := bufio.NewWriter(w)
	for _, row := range rows {
		for j, v := range row {
			if j > 0 {
				bw.WriteByte(',')
			}
			bw.WriteString(formatFloat(v))
		}
		bw.WriteByte('\n')
	}
	return bw.Flush()
}
