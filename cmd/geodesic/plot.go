package main

import (
	"cmp"
	"fmt"
	"image/color"
	"io"
	"math"
	"regexp"
	"slices"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"

	"github.com/geodesic-go/geodesic/embed"
	"github.com/geodesic-go/geodesic/hyperbolic"
	"github.com/geodesic-go/geodesic/manifold"
)

// diskPlot draws a two-dimensional embedding in the Poincaré disk, the
// picture of Nickel & Kiela (2017, Fig. 2): the unit circle (the boundary at
// infinity), the parent–child edges of the hierarchy as hyperbolic geodesics
// (arcs of circles orthogonal to the boundary) in a light colour, the nodes
// as points, and labels for the nodes with the most descendants (the top
// levels of the hierarchy), at most maxLabels of them so that the picture
// stays readable.
type diskPlot struct {
	title     string
	emb       *embed.Embedding
	closure   *embed.Hierarchy // for the depths and descendant counts
	edges     bool
	maxLabels int
}

// render returns the plot in format ("svg", "png" or "pdf").
func (d *diskPlot) render(format string) (io.WriterTo, error) {
	if d.emb.Dim != 2 {
		return nil, fmt.Errorf("a Poincaré-disk plot needs a 2-dimensional embedding, not %d", d.emb.Dim)
	}
	c := d.emb.Curvature
	if c == 0 {
		c = 1
	}
	// Points of the unit disk: the ball of radius 1/√c scaled by √c.
	ball := d.emb.BallCoords()
	for i := range ball {
		ball[i] *= math.Sqrt(c)
	}
	n := d.emb.Len()
	xy := make(plotter.XYs, n)
	for i := range xy {
		xy[i].X, xy[i].Y = ball[2*i], ball[2*i+1]
	}

	p := plot.New()
	p.Title.Text = d.title
	p.HideAxes()
	p.BackgroundColor = color.White

	circle := make(plotter.XYs, 361)
	for i := range circle {
		t := 2 * math.Pi * float64(i) / 360
		circle[i].X, circle[i].Y = math.Cos(t), math.Sin(t)
	}
	cl, err := plotter.NewLine(circle)
	if err != nil {
		return nil, err
	}
	cl.Color = color.Gray{Y: 60}
	cl.Width = vg.Points(1)
	p.Add(cl)

	if d.edges {
		p.Add(&polylines{lines: d.geodesicEdges(ball), style: draw.LineStyle{Color: color.RGBA{R: 150, G: 170, B: 200, A: 255}, Width: vg.Points(0.3)}})
	}

	sc, err := plotter.NewScatter(xy)
	if err != nil {
		return nil, err
	}
	sc.GlyphStyle = draw.GlyphStyle{Color: color.RGBA{R: 30, G: 70, B: 150, A: 255}, Radius: vg.Points(1.2), Shape: draw.CircleGlyph{}}
	p.Add(sc)

	if lab := d.labels(xy); lab != nil {
		p.Add(lab)
	}
	// Fix the view after Add, which widens the axes to the data.
	p.X.Min, p.X.Max, p.Y.Min, p.Y.Max = -1.1, 1.1, -1.1, 1.1
	return p.WriterTo(8*vg.Inch, 8*vg.Inch+p.Title.TextStyle.Height(p.Title.Text), format)
}

// geodesicEdges samples the geodesic of the unit-curvature disk between
// the ends of every parent–child edge (the transitive reduction).
func (d *diskPlot) geodesicEdges(ball []float64) []plotter.XYs {
	disk := hyperbolic.NewPoincareBall(2)
	var lines []plotter.XYs
	for _, e := range d.closure.Reduction().Edges() {
		u, v := ball[2*e.Child:2*e.Child+2], ball[2*e.Ancestor:2*e.Ancestor+2]
		// Points at the float64 edge of the disk are not points of it;
		// pull them in by a hair to draw them.
		u, v = inDisk(u), inDisk(v)
		const k = 24
		line := make(plotter.XYs, 0, k+1)
		for s := 0; s <= k; s++ {
			g, err := manifold.Geodesic(disk, u, v, float64(s)/k)
			if err != nil || math.IsNaN(g[0]) || math.IsNaN(g[1]) {
				line = plotter.XYs{{X: u[0], Y: u[1]}, {X: v[0], Y: v[1]}}
				break
			}
			line = append(line, plotter.XY{X: g[0], Y: g[1]})
		}
		lines = append(lines, line)
	}
	return lines
}

func inDisk(x []float64) []float64 {
	r := math.Hypot(x[0], x[1])
	if r < 1-1e-12 {
		return x
	}
	s := (1 - 1e-12) / r
	return []float64{x[0] * s, x[1] * s}
}

var synsetSuffix = regexp.MustCompile(`\.[a-z]\.[0-9]+$`)

// labels labels the nodes with the most descendants, ties broken by depth
// and name; WordNet synset suffixes (".n.01") are dropped.
func (d *diskPlot) labels(xy plotter.XYs) *plotter.Labels {
	if d.maxLabels <= 0 {
		return nil
	}
	h := d.closure
	desc := make([]int, h.Len())
	for _, e := range h.Edges() {
		desc[e.Ancestor]++
	}
	ids := make([]int, 0, h.Len())
	for u := range h.Len() {
		if desc[u] > 0 {
			ids = append(ids, u)
		}
	}
	slices.SortFunc(ids, func(a, b int) int {
		if desc[a] != desc[b] {
			return desc[b] - desc[a]
		}
		if da, db := len(h.Ancestors(a)), len(h.Ancestors(b)); da != db {
			return da - db
		}
		return cmp.Compare(h.Name(a), h.Name(b))
	})
	// Map node ids of the hierarchy to rows of the embedding by name.
	row := make(map[string]int, d.emb.Len())
	for i, name := range d.emb.Names {
		row[name] = i
	}
	// Take labels in order of priority, skipping any whose box would
	// overlap one already placed, until maxLabels are placed. The boxes are
	// estimated in data units: the 8-inch canvas shows 2.2 units.
	style := text.Style{Font: font.Font{Typeface: plot.DefaultFont.Typeface, Variant: plot.DefaultFont.Variant, Size: vg.Points(7)}, Handler: plot.DefaultTextHandler}
	const perUnit = 8 * 72 / 2.2 // points per data unit
	type box struct{ x0, x1, y0, y1 float64 }
	var placed []box
	var lxy plotter.XYs
	var names []string
	for _, u := range ids {
		if len(names) == d.maxLabels {
			break
		}
		i, ok := row[h.Name(u)]
		if !ok {
			continue
		}
		name := strings.ReplaceAll(synsetSuffix.ReplaceAllString(h.Name(u), ""), "_", " ")
		w := float64(style.Width(name))/perUnit + 0.01
		ht := float64(style.Height(name))/perUnit + 0.005
		b := box{xy[i].X - w/2, xy[i].X + w/2, xy[i].Y, xy[i].Y + ht}
		if slices.ContainsFunc(placed, func(q box) bool {
			return b.x0 < q.x1 && q.x0 < b.x1 && b.y0 < q.y1 && q.y0 < b.y1
		}) {
			continue
		}
		placed = append(placed, b)
		lxy = append(lxy, xy[i])
		names = append(names, name)
	}
	if len(names) == 0 {
		return nil
	}
	lab, err := plotter.NewLabels(plotter.XYLabels{XYs: lxy, Labels: names})
	if err != nil {
		return nil
	}
	for i := range lab.TextStyle {
		lab.TextStyle[i].Font = style.Font
		lab.TextStyle[i].Color = color.RGBA{R: 150, G: 20, B: 20, A: 255}
		lab.TextStyle[i].XAlign = text.XCenter
	}
	lab.Offset = vg.Point{Y: vg.Points(2)}
	return lab
}

// polylines draws many polylines with one style (a plotter.Line per edge
// would work too, at a thousand plotters).
type polylines struct {
	lines []plotter.XYs
	style draw.LineStyle
}

func (l *polylines) Plot(c draw.Canvas, p *plot.Plot) {
	tx, ty := p.Transforms(&c)
	for _, line := range l.lines {
		pts := make([]vg.Point, len(line))
		for i, q := range line {
			pts[i] = vg.Point{X: tx(q.X), Y: ty(q.Y)}
		}
		c.StrokeLines(l.style, c.ClipLinesXY(pts)...)
	}
}
