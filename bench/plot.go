package bench

import (
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Plot draws the report's figures into dir (created if needed) in each of
// the given formats, "svg" (the default when none is given) or "png", and
// returns the paths written, in order:
//
//   - op-<operation>.<format>: for each manifold operation, the median
//     time per call against the number of float64 values in a point, on
//     log–log axes, one line per manifold (and variant);
//   - <kind>-<problem>-<manifold>-<size>.<format>: for each solver problem,
//     and each averaging data set, at each size, two panels against the
//     iteration number, the cost gap f − f* to the known minimum and the
//     Riemannian gradient norm, on a log scale, one line per solver or
//     averaging function, from the traced warm-up runs.
//
// Non-positive and non-finite values (a cost gap at rounding level, a cost
// not evaluated by a stochastic method) are left out of the log-scale
// panels.
func Plot(r *Report, dir string, formats ...string) ([]string, error) {
	if r == nil {
		return nil, fmt.Errorf("bench: Plot of a nil report")
	}
	if len(formats) == 0 {
		formats = []string{"svg"}
	}
	for _, f := range formats {
		if f != "svg" && f != "png" {
			return nil, fmt.Errorf("bench: unsupported plot format %q (want svg or png)", f)
		}
	}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return nil, fmt.Errorf("bench: %w", err)
	}
	var files []string
	write := func(base string, w, h vg.Length, drawTo func(draw.Canvas)) error {
		for _, f := range formats {
			path := filepath.Join(dir, base+"."+f)
			if err := saveCanvas(path, f, w, h, drawTo); err != nil {
				return fmt.Errorf("bench: writing %s: %w", path, err)
			}
			files = append(files, path)
		}
		return nil
	}

	// Time against size, per operation.
	var ops []string
	byOp := make(map[string][]*Result)
	for i := range r.Results {
		res := &r.Results[i]
		if res.Kind != KindOp || len(res.SamplesNs) == 0 || res.Elements <= 0 || res.Time.Median <= 0 {
			continue
		}
		if byOp[res.Op] == nil {
			ops = append(ops, res.Op)
		}
		byOp[res.Op] = append(byOp[res.Op], res)
	}
	for _, op := range ops {
		p := plot.New()
		p.Title.Text = op + ": median time per call"
		p.X.Label.Text = "float64 values per point"
		p.Y.Label.Text = "time (ns)"
		logAxes(p, true, true)
		var series []string
		pts := make(map[string]plotter.XYs)
		for _, res := range byOp[op] {
			s := seriesName(res)
			if pts[s] == nil {
				series = append(series, s)
			}
			pts[s] = append(pts[s], plotter.XY{X: float64(res.Elements), Y: res.Time.Median})
		}
		var args []any
		for _, s := range series {
			args = append(args, s, pts[s])
		}
		if err := plotutil.AddLinePoints(p, args...); err != nil {
			return files, fmt.Errorf("bench: %w", err)
		}
		padLogRange(p)
		// The legend goes to the right of the plot, where it hides no data.
		legend := p.Legend
		legend.Top, legend.Left = true, true
		p.Legend = plot.NewLegend()
		const side = 2.6 * vg.Inch
		err := write("op-"+fileSafe(op), 8*vg.Inch, 4.5*vg.Inch, func(dc draw.Canvas) {
			p.Draw(draw.Crop(dc, 0, -side, 0, 0))
			legend.Draw(draw.Crop(dc, dc.Max.X-dc.Min.X-side+4*vg.Millimeter, 0, 0, -4*vg.Millimeter))
		})
		if err != nil {
			return files, err
		}
	}

	// Convergence, per problem (or data set) and size.
	type group struct {
		base    string
		title   string
		results []*Result
	}
	var groups []*group
	byKey := make(map[string]*group)
	for i := range r.Results {
		res := &r.Results[i]
		if res.Outcome == nil || len(res.Outcome.Trace) == 0 {
			continue
		}
		parts := []string{string(res.Kind), res.Problem, res.Manifold}
		if res.Variant != "" {
			parts = append(parts, res.Variant)
		}
		parts = append(parts, string(res.Size))
		key := strings.Join(parts, "-")
		g := byKey[key]
		if g == nil {
			title := fmt.Sprintf("%s %s on %s", res.Kind, res.Problem, res.Manifold)
			if res.Variant != "" {
				title += " (" + res.Variant + ")"
			}
			g = &group{base: fileSafe(key), title: title + paramString(res.Params)}
			byKey[key] = g
			groups = append(groups, g)
		}
		g.results = append(g.results, res)
	}
	for _, g := range groups {
		cost, grad := plot.New(), plot.New()
		cost.Title.Text = g.title
		cost.Y.Label.Text = "f − f*"
		grad.Y.Label.Text = "‖grad f‖"
		grad.X.Label.Text = "iteration"
		cost.X.Tick.Marker, grad.X.Tick.Marker = plainTicks{}, plainTicks{}
		var cargs, gargs []any
		for _, res := range g.results {
			o := res.Outcome
			var cp, gp plotter.XYs
			for _, t := range o.Trace {
				if gap := t.Cost - o.Optimum; gap > 0 && !math.IsInf(gap, 0) {
					cp = append(cp, plotter.XY{X: float64(t.Iter), Y: gap})
				}
				if t.GradNorm > 0 && !math.IsInf(t.GradNorm, 0) {
					gp = append(gp, plotter.XY{X: float64(t.Iter), Y: t.GradNorm})
				}
			}
			if len(cp) > 0 {
				cargs = append(cargs, res.Op, cp)
			}
			if len(gp) > 0 {
				gargs = append(gargs, res.Op, gp)
			}
		}
		for _, pa := range []struct {
			p    *plot.Plot
			args []any
		}{{cost, cargs}, {grad, gargs}} {
			if len(pa.args) == 0 {
				continue // an empty panel, on linear axes
			}
			logAxes(pa.p, false, true)
			if err := plotutil.AddLinePoints(pa.p, pa.args...); err != nil {
				return files, fmt.Errorf("bench: %w", err)
			}
			pa.p.Legend.Top = true
			padLogRange(pa.p)
		}
		err := write(g.base, 6*vg.Inch, 7*vg.Inch, func(dc draw.Canvas) {
			plots := [][]*plot.Plot{{cost}, {grad}}
			tiles := draw.Tiles{Rows: 2, Cols: 1, PadY: 4 * vg.Millimeter,
				PadTop: 2 * vg.Millimeter, PadBottom: 2 * vg.Millimeter, PadLeft: 2 * vg.Millimeter, PadRight: 2 * vg.Millimeter}
			cs := plot.Align(plots, tiles, dc)
			cost.Draw(cs[0][0])
			grad.Draw(cs[1][0])
		})
		if err != nil {
			return files, err
		}
	}
	return files, nil
}

// seriesName is the legend entry of a result in the operation plots.
func seriesName(res *Result) string {
	if res.Variant == "" {
		return res.Manifold
	}
	return res.Manifold + " " + res.Variant
}

// paramString formats size parameters for a title, e.g. " n=10 p=2".
func paramString(ps map[string]int) string {
	var b strings.Builder
	for _, k := range []string{"n", "p", "n1", "n2", "n3", "nodes", "dim"} {
		if v, ok := ps[k]; ok {
			fmt.Fprintf(&b, " %s=%d", k, v)
		}
	}
	return b.String()
}

// logAxes puts the chosen axes on a log scale with log ticks.
func logAxes(p *plot.Plot, x, y bool) {
	if x {
		p.X.Scale = plot.LogScale{}
		p.X.Tick.Marker = logTicks{}
	}
	if y {
		p.Y.Scale = plot.LogScale{}
		p.Y.Tick.Marker = logTicks{}
	}
}

// plainTicks are gonum's default ticks labelled in the shortest form
// ("25", not "25.00").
type plainTicks struct{}

// Ticks returns the ticks of [min, max].
func (plainTicks) Ticks(min, max float64) []plot.Tick {
	ticks := plot.DefaultTicks{}.Ticks(min, max)
	for i := range ticks {
		if ticks[i].Label != "" {
			ticks[i].Label = strconv.FormatFloat(ticks[i].Value, 'g', -1, 64)
		}
	}
	return ticks
}

// logTicks marks the powers of ten, with minor ticks at their multiples,
// and also labels the multiples 2 and 5 when the range holds fewer than
// two powers of ten (plot.LogTicks leaves a short range unlabelled).
type logTicks struct{}

// Ticks returns the ticks of [min, max], min > 0.
func (logTicks) Ticks(min, max float64) []plot.Tick {
	lo := math.Floor(math.Log10(min))
	hi := math.Ceil(math.Log10(max))
	powers := 0
	for e := lo; e <= hi; e++ {
		if v := math.Pow(10, e); v >= min && v <= max {
			powers++
		}
	}
	var ticks []plot.Tick
	for e := lo; e <= hi; e++ {
		base := math.Pow(10, e)
		for i := 1; i < 10; i++ {
			v := base * float64(i)
			t := plot.Tick{Value: v}
			if i == 1 || powers < 2 && (i == 2 || i == 5) {
				t.Label = strconv.FormatFloat(v, 'g', -1, 64)
			}
			ticks = append(ticks, t)
		}
	}
	return ticks
}

// padLogRange widens a degenerate axis range (a single value), which a
// log scale cannot draw, to a factor of 2 either side, and a linear one
// by 1 either side.
func padLogRange(p *plot.Plot) {
	for _, a := range []*plot.Axis{&p.X, &p.Y} {
		if a.Min < a.Max {
			continue
		}
		if _, ok := a.Scale.(plot.LogScale); ok {
			a.Min, a.Max = a.Min/2, a.Max*2
		} else {
			a.Min, a.Max = a.Min-1, a.Max+1
		}
	}
}

// fileSafe maps a name to lower-case letters, digits, '-' and '.'.
func fileSafe(s string) string {
	return strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9', r == '-', r == '.':
			return r
		case r >= 'A' && r <= 'Z':
			return r - 'A' + 'a'
		}
		return '-'
	}, s)
}

// saveCanvas draws into a canvas of the format and writes it to path.
func saveCanvas(path, format string, w, h vg.Length, drawTo func(draw.Canvas)) (err error) {
	var c interface {
		vg.CanvasSizer
		io.WriterTo
	}
	switch format {
	case "png":
		c = vgimg.PngCanvas{Canvas: vgimg.New(w, h)}
	default:
		c = vgsvg.New(w, h)
	}
	drawTo(draw.New(c))
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	defer func() {
		if e := f.Close(); err == nil {
			err = e
		}
	}()
	_, err = c.WriteTo(f)
	return err
}
