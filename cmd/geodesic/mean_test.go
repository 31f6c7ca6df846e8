package main

import (
	"encoding/json"
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

// The expected values below follow from symmetry or from closed forms,
// derived in the comments; none comes from the code under test.

// frame returns the row-major n×p matrix with the given columns.
func frame(cols ...[]float64) []float64 {
	n, p := len(cols[0]), len(cols)
	x := make([]float64, n*p)
	for j, c := range cols {
		for i, v := range c {
			x[i*p+j] = v
		}
	}
	return x
}

func e(n, i int) []float64 {
	v := make([]float64, n)
	v[i] = 1
	return v
}

// rot returns cos t·a + sin t·b.
func rot(a, b []float64, t float64) []float64 {
	v := make([]float64, len(a))
	for i := range v {
		v[i] = math.Cos(t)*a[i] + math.Sin(t)*b[i]
	}
	return v
}

// projector returns X Xᵀ of the row-major n×p matrix x.
func projector(x []float64, n, p int) []float64 {
	pr := make([]float64, n*n)
	for i := range n {
		for j := range n {
			for k := range p {
				pr[i*n+j] += x[i*p+k] * x[j*p+k]
			}
		}
	}
	return pr
}

func assertClose(t *testing.T, want, got []float64, tol float64, msg string) {
	t.Helper()
	require.Len(t, got, len(want), msg)
	for i := range want {
		assert.InDelta(t, want[i], got[i], tol, "%s: entry %d: want %v, got %v", msg, i, want, got)
	}
}

// Two points of S²: the mean and the median of e1 and e2 lie on the
// geodesic between them, at its midpoint (e1 + e2)/√2 by the symmetry
// swapping them (for the median every point of the geodesic is optimal; the
// solver starts at, and keeps, the midpoint). Each is π/4 away, so the mean's
// objective is (π/4)² and the median's π/4.
func TestMeanSphereTwoPoints(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "two.csv", csvPoints(e(3, 0), e(3, 1)))
	out := cliOK(t, "mean", "--manifold", "sphere", in)
	assertClose(t, []float64{math.Sqrt2 / 2, math.Sqrt2 / 2, 0}, textPoint(t, out), 1e-15, "mean")
	assert.InDelta(t, math.Pi*math.Pi/16, textObjective(t, out), 1e-15)
	assert.Contains(t, out, "# Karcher mean of 2 points on the sphere S^2 in R^3")

	out = cliOK(t, "median", "--manifold", "sphere", in)
	assertClose(t, []float64{math.Sqrt2 / 2, math.Sqrt2 / 2, 0}, textPoint(t, out), 1e-12, "median")
	assert.InDelta(t, math.Pi/4, textObjective(t, out), 1e-12)
}

// Weights 1 and 3 put the mean of e1 and e2 at 3/4 of the geodesic from e1:
// minimising (1/4)θ² + (3/4)(π/2 − θ)² gives θ = 3π/8. The weights may be
// inline or in a file.
func TestMeanWeights(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "two.csv", csvPoints(e(3, 0), e(3, 1)))
	want := []float64{math.Cos(3 * math.Pi / 8), math.Sin(3 * math.Pi / 8), 0}
	for _, w := range []string{
		"1,3",
		writeFile(t, dir, "w.txt", "1\n3\n"),
		writeFile(t, dir, "w.json", "[0.5, 1.5]"),
		npyPoints(t, dir, "w.npy", 1, 0, []float64{1}, []float64{3}), // shape (2, 1)
	} {
		out := cliOK(t, "mean", "--manifold", "sphere", "--weights", w, in)
		assertClose(t, want, textPoint(t, out), 1e-12, "weights "+w)
	}
}

// Four points at polar angle a around the north pole, at longitudes 0, 90,
// 180 and 270 degrees: the rotation by 90 degrees about the pole permutes
// them, so the (unique) mean and median are the pole, at distance a from
// each point.
func TestMeanSphereSymmetric(t *testing.T) {
	dir := t.TempDir()
	const a = 0.3
	var pts [][]float64
	for k := range 4 {
		phi := float64(k) * math.Pi / 2
		pts = append(pts, []float64{math.Sin(a) * math.Cos(phi), math.Sin(a) * math.Sin(phi), math.Cos(a)})
	}
	in := npyPoints(t, dir, "sym.npy", 3, 0, pts...)
	out := cliOK(t, "mean", "--manifold", "sphere", in)
	assertClose(t, []float64{0, 0, 1}, textPoint(t, out), 1e-10, "mean")
	assert.InDelta(t, a*a, textObjective(t, out), 1e-12)
	out = cliOK(t, "median", "--manifold", "sphere", in)
	assertClose(t, []float64{0, 0, 1}, textPoint(t, out), 1e-8, "median")
	assert.InDelta(t, a, textObjective(t, out), 1e-10)
}

// Gr(4, 2): span(e1, e2) and span(e1, cos t·e2 + sin t·e3) have principal
// angles 0 and t; the geodesic between them turns the second direction, so
// the midpoint is span(e1, cos(t/2)·e2 + sin(t/2)·e3), at distance t/2 from
// each. The median of the three subspaces at angles −t, 0, t is the middle
// one (the reflection e3 → −e3 swaps the outer two), with objective
// (t + 0 + t)/3.
func TestMeanGrassmann(t *testing.T) {
	dir := t.TempDir()
	const tt = 0.8
	e1, e2, e3 := e(4, 0), e(4, 1), e(4, 2)
	in := npyPoints(t, dir, "gr.npy", 4, 2, frame(e1, e2), frame(e1, rot(e2, e3, tt)))
	out := cliOK(t, "mean", "--manifold", "grassmann", in)
	want := projector(frame(e1, rot(e2, e3, tt/2)), 4, 2)
	assertClose(t, want, projector(textPoint(t, out), 4, 2), 1e-10, "mean projector")
	assert.InDelta(t, tt*tt/4, textObjective(t, out), 1e-12)

	in = npyPoints(t, dir, "gr3.npy", 4, 2, frame(e1, rot(e2, e3, -tt)), frame(e1, e2), frame(e1, rot(e2, e3, tt)))
	out = cliOK(t, "median", "--manifold", "grassmann", in)
	assertClose(t, projector(frame(e1, e2), 4, 2), projector(textPoint(t, out), 4, 2), 1e-8, "median projector")
	assert.InDelta(t, 2*tt/3, textObjective(t, out), 1e-8)
}

// St(3, 2), both metrics: the frames X± = [cos t·e1 ± sin t·e3, e2] and
// Y± = [e1, cos t·e2 ± sin t·e3]. The curve s ↦ [cos s·e1 + sin s·e3, e2]
// is a unit-speed geodesic for both metrics (its velocity is normal to the
// frame's span, where the metrics agree, and X” = −X·diag(1, 0) =
// −X(X'ᵀX')), so each point is at distance t from M = [e1, e2]. The
// reflection e3 → −e3 swaps X+ and X−, Y+ and Y−; the isometry X ↦ PXS (P
// swapping e1 and e2, S the columns) swaps the X's with the Y's; M is the
// only nearby frame both fix. Mean: M with objective t²; median: M, t.
func TestMeanStiefel(t *testing.T) {
	dir := t.TempDir()
	const tt = 0.4
	e1, e2, e3 := e(3, 0), e(3, 1), e(3, 2)
	in := writeFile(t, dir, "st.json", mustJSON(t, [][][]float64{
		nest(frame(rot(e1, e3, tt), e2), 2), nest(frame(rot(e1, e3, -tt), e2), 2),
		nest(frame(e1, rot(e2, e3, tt)), 2), nest(frame(e1, rot(e2, e3, -tt)), 2),
	}))
	m := frame(e1, e2)
	for _, metric := range []string{"euclidean", "canonical"} {
		out := cliOK(t, "mean", "--manifold", "stiefel", "--metric", metric, in)
		assertClose(t, m, textPoint(t, out), 1e-9, "mean "+metric)
		assert.InDelta(t, tt*tt, textObjective(t, out), 1e-12, metric)
		out = cliOK(t, "median", "--manifold", "stiefel", "--metric", metric, in)
		assertClose(t, m, textPoint(t, out), 1e-7, "median "+metric)
		assert.InDelta(t, tt, textObjective(t, out), 1e-9, metric)
	}
}

// A = diag(1, 4) and B = diag(4, 1) commute, and every metric's mean of two
// commuting matrices is a closed form: the affine-invariant midpoint
// A#B = (AB)^{1/2} = 2I; the log-Euclidean exp((log A + log B)/2) = 2I; the
// log-Cholesky mean of L = diag(1, 2), diag(2, 1) is exp of the mean of the
// logs of the diagonals, √2·I, so 2I; Bures–Wasserstein: ((A^{1/2} +
// B^{1/2})/2)² = (3/2)²I. The affine-invariant objective is d(A, 2I)² =
// ‖log diag(2, 1/2)‖² = 2 ln²2.
func TestMeanSPD(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "spd.json", `[[[1, 0], [0, 4]], [[4, 0], [0, 1]]]`)
	for metric, want := range map[string]float64{"ai": 2, "le": 2, "lc": 2, "bw": 2.25} {
		out := cliOK(t, "mean", "--manifold", "spd", "--metric", metric, in)
		assertClose(t, []float64{want, 0, 0, want}, textPoint(t, out), 1e-12, metric)
	}
	out := cliOK(t, "mean", "--manifold", "spd", in)
	assert.InDelta(t, 2*math.Ln2*math.Ln2, textObjective(t, out), 1e-12)
	// The median of the two plus their mean, which lies between them, is
	// that mean: d(A, M) + d(M, B) = d(A, B) makes M optimal.
	in = writeFile(t, dir, "spd3.json", `[[[1, 0], [0, 4]], [[2, 0], [0, 2]], [[4, 0], [0, 1]]]`)
	out = cliOK(t, "median", "--manifold", "spd", in)
	assertClose(t, []float64{2, 0, 0, 2}, textPoint(t, out), 1e-8, "median")
}

// Hyperbolic plane, three models. Points symmetric about the origin of the
// ball (±r, 0) average to the origin; on the hyperboloid the same pair is
// (cosh d, ±sinh d, 0) and the mean is (1, 0, 0), at distance d from each;
// in the half-plane (±a, y) lie on the semicircle of radius √(a² + y²)
// about 0, a geodesic, whose top (0, √(a² + y²)) is the midpoint. The median
// of (±r, 0), (0, ±r) is the origin (rotations by 90 degrees).
func TestMeanHyperbolic(t *testing.T) {
	dir := t.TempDir()
	const d, r, a, y = 1.3, 0.6, 0.7, 0.4
	lor := writeFile(t, dir, "lorentz.csv", csvPoints([]float64{math.Cosh(d), math.Sinh(d), 0}, []float64{math.Cosh(d), -math.Sinh(d), 0}))
	out := cliOK(t, "mean", "--manifold", "hyperbolic", lor)
	assertClose(t, []float64{1, 0, 0}, textPoint(t, out), 1e-12, "lorentz")
	assert.InDelta(t, d*d, textObjective(t, out), 1e-12)
	assert.Contains(t, out, "H^2, Lorentz model, curvature −1")

	ball := writeFile(t, dir, "ball.csv", csvPoints([]float64{r, 0}, []float64{-r, 0}))
	out = cliOK(t, "mean", "--manifold", "hyperbolic", "--model", "ball", ball)
	assertClose(t, []float64{0, 0}, textPoint(t, out), 1e-12, "ball")

	half := writeFile(t, dir, "half.csv", csvPoints([]float64{-a, y}, []float64{a, y}))
	out = cliOK(t, "mean", "--manifold", "hyperbolic", "--model", "halfspace", half)
	assertClose(t, []float64{0, math.Hypot(a, y)}, textPoint(t, out), 1e-12, "half-space")

	four := writeFile(t, dir, "four.csv", csvPoints([]float64{r, 0}, []float64{-r, 0}, []float64{0, r}, []float64{0, -r}))
	out = cliOK(t, "median", "--manifold", "hyperbolic", "--model", "ball", four)
	assertClose(t, []float64{0, 0}, textPoint(t, out), 1e-9, "ball median")
	// Curvature −c scales distances by 1/√c: the ball of curvature −4 has
	// radius 1/2, and the mean of (±r/2, 0) is still the origin.
	ball4 := writeFile(t, dir, "ball4.csv", csvPoints([]float64{r / 2, 0}, []float64{-r / 2, 0}))
	out = cliOK(t, "mean", "--manifold", "hyperbolic", "--model", "ball", "--curvature", "4", ball4)
	assertClose(t, []float64{0, 0}, textPoint(t, out), 1e-12, "ball c=4")
}

// Fl(1, 2; 3), chordal averages. X = [e1, e2] and Y = [e1, v(t)], v(t) =
// cos t·e2 + sin t·e3: the first blocks agree, and the chordal mean of the
// second is the top eigenvector of (e2e2ᵀ + v vᵀ)/2, v(t/2), orthogonal to
// e1; each flag is at chordal distance² 1 − cos²(t/2) from it. The median of
// the flags with v(−t), e2, v(t) is the middle one (reflection e3 → −e3),
// with objective (2/3)·sin t.
func TestMeanFlag(t *testing.T) {
	dir := t.TempDir()
	const tt = 0.6
	e1, e2, e3 := e(3, 0), e(3, 1), e(3, 2)
	in := npyPoints(t, dir, "fl.npy", 3, 2, frame(e1, e2), frame(e1, rot(e2, e3, tt)))
	out := cliOK(t, "mean", "--manifold", "flag", "--flag-type", "1,2", in)
	assert.Contains(t, out, "chordal flag mean of 2 points on Fl(1, 2; 3)")
	x := textPoint(t, out)
	assertBlocks(t, [][]float64{e1, rot(e2, e3, tt/2)}, x, 1e-10)
	s := math.Sin(tt / 2)
	assert.InDelta(t, s*s, textObjective(t, out), 1e-12)

	in = npyPoints(t, dir, "fl3.npy", 3, 2, frame(e1, rot(e2, e3, -tt)), frame(e1, e2), frame(e1, rot(e2, e3, tt)))
	out = cliOK(t, "median", "--manifold", "flag", "--flag-type", "1,2", in)
	assert.Contains(t, out, "chordal flag median of 3 points on Fl(1, 2; 3)")
	assertBlocks(t, [][]float64{e1, e2}, textPoint(t, out), 1e-6)
	assert.InDelta(t, 2*math.Sin(tt)/3, textObjective(t, out), 1e-8)
}

// assertBlocks checks that the columns of the n×k frame x span the given
// one-dimensional blocks (each column equal to the given vector up to sign).
func assertBlocks(t *testing.T, want [][]float64, x []float64, tol float64) {
	t.Helper()
	k := len(want)
	require.Len(t, x, len(want[0])*k)
	for j, w := range want {
		dot := 0.0
		for i := range w {
			dot += w[i] * x[i*k+j]
		}
		assert.InDelta(t, 1, math.Abs(dot), tol, "block %d: want ±%v, got %v", j, w, x)
	}
}

func nest(x []float64, c int) [][]float64 {
	var rows [][]float64
	for i := 0; i < len(x); i += c {
		rows = append(rows, x[i:i+c])
	}
	return rows
}

func mustJSON(t *testing.T, v any) string {
	t.Helper()
	b, err := json.Marshal(v)
	require.NoError(t, err)
	return string(b)
}

// The same points as .npy (N×d and N×r×c), .csv and .json (flat and
// nested) give the same result, and each output format holds it.
func TestMeanFormats(t *testing.T) {
	dir := t.TempDir()
	e1, e2, e3 := e(3, 0), e(3, 1), e(3, 2)
	p1, p2 := frame(e1, e2), frame(e1, rot(e2, e3, 0.5))
	inputs := []string{
		npyPoints(t, dir, "flat.npy", 6, 0, p1, p2),
		npyPoints(t, dir, "mat.npy", 3, 2, p1, p2),
		writeFile(t, dir, "pts.csv", "# two frames\nx11,x12,x21,x22,x31,x32\n"+csvPoints(p1, p2)),
		writeFile(t, dir, "flat.json", mustJSON(t, [][]float64{p1, p2})),
		writeFile(t, dir, "mat.json", mustJSON(t, [][][]float64{nest(p1, 2), nest(p2, 2)})),
	}
	want := frame(e1, rot(e2, e3, 0.25))
	for _, in := range inputs {
		out := cliOK(t, "mean", "--manifold", "stiefel", "--p", "2", in)
		assertClose(t, want, textPoint(t, out), 1e-10, in)
	}

	in := inputs[1]
	o := filepath.Join(dir, "m.npy")
	stdout := cliOK(t, "mean", "--manifold", "stiefel", in, "-o", o)
	assert.Contains(t, stdout, "Karcher mean of 2 points on St(3, 2), Euclidean metric: objective 0.0625, ")
	assert.Contains(t, stdout, "wrote "+o)
	n := readTestNPY(t, o)
	assert.Equal(t, []int{3, 2}, n.shape)
	assertClose(t, want, n.data, 1e-10, "npy")

	o = filepath.Join(dir, "m.json")
	cliOK(t, "mean", "--manifold", "stiefel", in, "-o", o)
	var res struct {
		Operation, Method, Manifold, Status string
		Point                               [][]float64
		Objective                           float64
		Iterations                          int
		Shape                               []int
	}
	b, err := os.ReadFile(o)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &res))
	assert.Equal(t, "mean", res.Operation)
	assert.Equal(t, "karcher", res.Method)
	assert.Equal(t, "St(3, 2), Euclidean metric", res.Manifold)
	assert.Equal(t, "gradient norm below tolerance", res.Status)
	assert.Equal(t, []int{3, 2}, res.Shape)
	assert.InDelta(t, 0.0625, res.Objective, 1e-12)
	var flat []float64
	for _, row := range res.Point {
		flat = append(flat, row...)
	}
	assertClose(t, want, flat, 1e-10, "json")

	// CSV output is one flattened row, which reads back as a point set.
	o = filepath.Join(dir, "m.csv")
	cliOK(t, "mean", "--manifold", "stiefel", in, "-o", o)
	out := cliOK(t, "mean", "--manifold", "stiefel", "--p", "2", o)
	assertClose(t, want, textPoint(t, out), 1e-10, "csv")

	o = filepath.Join(dir, "m.txt")
	cliOK(t, "mean", "--manifold", "stiefel", in, "-o", o)
	b, err = os.ReadFile(o)
	require.NoError(t, err)
	assert.Equal(t, cliOK(t, "mean", "--manifold", "stiefel", in), string(b))

	// Vectors are written as shape (n,).
	o = filepath.Join(dir, "v.npy")
	cliOK(t, "mean", "--manifold", "sphere", writeFile(t, dir, "two.csv", csvPoints(e1, e2)), "-o", o)
	assert.Equal(t, []int{3}, readTestNPY(t, o).shape)
}

// --project snaps points onto the manifold before the check.
func TestMeanProject(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "rough.csv", "2,0,0\n0,0.5,0\n")
	code, _, errb := cli(t, "mean", "--manifold", "sphere", in)
	assert.Equal(t, 1, code, errb)
	out := cliOK(t, "mean", "--manifold", "sphere", "--project", in)
	assertClose(t, []float64{math.Sqrt2 / 2, math.Sqrt2 / 2, 0}, textPoint(t, out), 1e-15, "projected")
}
