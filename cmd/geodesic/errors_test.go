package main

import (
	"math"
	"os"
	"path/filepath"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geodesic-go/geodesic/sphere"
)

// Bad input gets exactly one line on stderr naming the file, the point and
// what is wrong, a non-zero exit status (1 for data, 2 for the command
// line), nothing on stdout, and no output file (nor a temporary one).
func TestBadInputErrors(t *testing.T) {
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	good := writeFile(t, dir, "good.csv", csvPoints(e(3, 0), e(3, 1)))
	writeFile(t, dir, "nan.csv", "1,0,0\n0,1,NaN\n")
	writeFile(t, dir, "ragged.csv", "1,0,0\n0,1\n")
	writeFile(t, dir, "word.csv", "1,0,0\n0,one,0\n")
	writeFile(t, dir, "off.csv", "1,0,0\n0,1.1,0\n")
	writeFile(t, dir, "three.json", "[[1,2,3],[4,5,6]]")
	writeFile(t, dir, "bad.json", "[[1,2,3],[4,5,6]")
	writeFile(t, dir, "rows.json", "[[[1,0],[0,1]],[[1,0],[0]]]")
	writeFile(t, dir, "empty.csv", "# nothing\n")
	writeFile(t, dir, "pts.txt", "1 0 0\n")
	npyPoints(t, dir, "inf.npy", 2, 2, []float64{1, 0, 0, 1}, []float64{1, 0, math.Inf(1), 1})
	require.NoError(t, os.WriteFile(p("f4.npy"), rawNPY("{'descr': '<f4', 'fortran_order': False, 'shape': (2, 3), }", nil, make([]byte, 24)), 0o644))
	require.NoError(t, os.WriteFile(p("fortran.npy"), rawNPY("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 3), }", make([]float64, 6), nil), 0o644))
	offErr := sphere.New(3).CheckPoint([]float64{0, 1.1, 0})
	require.Error(t, offErr)

	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"mean", "--manifold", "sphere", p("nan.csv")}, 1,
			"geodesic mean: " + p("nan.csv") + ":2: point 1: entry 2 is NaN"},
		{[]string{"median", "--manifold", "spd", p("inf.npy")}, 1,
			"geodesic median: " + p("inf.npy") + ": point 1: entry (1, 0) is infinite"},
		{[]string{"mean", "--manifold", "sphere", p("ragged.csv")}, 1,
			"geodesic mean: " + p("ragged.csv") + ":2: point 1: has 2 values, point 0 has 3"},
		{[]string{"mean", "--manifold", "sphere", p("word.csv")}, 1,
			"geodesic mean: " + p("word.csv") + ":2: point 1: value 1, \"one\", is not a number"},
		{[]string{"mean", "--manifold", "sphere", p("off.csv")}, 1,
			"geodesic mean: " + p("off.csv") + ":2: point 1: not on the sphere S^2 in R^3: " + offErr.Error() + " (see --tol and --project)"},
		{[]string{"dist", "--manifold", "spd", p("three.json")}, 1,
			"geodesic dist: " + p("three.json") + ": points have 3 values, not the n² of an n×n SPD matrix"},
		{[]string{"mean", "--manifold", "grassmann", "--p", "2", p("three.json")}, 1,
			"geodesic mean: " + p("three.json") + ": points have 3 values, not a multiple of --p 2"},
		{[]string{"mean", "--manifold", "flag", "--flag-type", "1,3", p("three.json")}, 1,
			"geodesic mean: " + p("three.json") + ": points of shape 1×3 do not fit --flag-type 1,3: want n×3 with n ≥ 3"},
		{[]string{"mean", "--manifold", "flag", "--flag-type", "1,2", p("three.json")}, 1,
			"geodesic mean: " + p("three.json") + ": points have 3 values, not a multiple of nk = 2 (--flag-type 1,2)"},
		{[]string{"mean", "--manifold", "flag", "--flag-type", "2,1", good}, 2,
			"geodesic mean: --flag-type 2,1: want 1 ≤ n1 < … < nk ≤ n = 3 (see \"geodesic mean --help\")"},
		{[]string{"mean", "--manifold", "sphere", "--n", "4", p("three.json")}, 1,
			"geodesic mean: " + p("three.json") + ": --n 4 does not match the points: they have 3 coordinates"},
		{[]string{"mean", "--manifold", "sphere", p("bad.json")}, 1,
			"geodesic mean: " + p("bad.json") + ": not a JSON array of points: unexpected end of JSON input (at byte 16)"},
		{[]string{"mean", "--manifold", "spd", p("rows.json")}, 1,
			"geodesic mean: " + p("rows.json") + ": point 1: row 1 has 1 entries, row 0 has 2"},
		{[]string{"mean", "--manifold", "sphere", p("empty.csv")}, 1,
			"geodesic mean: " + p("empty.csv") + ": no points"},
		{[]string{"mean", "--manifold", "sphere", p("f4.npy")}, 1,
			"geodesic mean: " + p("f4.npy") + ": dtype '<f4' is not supported, only little-endian float64 '<f8'; convert with a.astype('<f8')"},
		{[]string{"mean", "--manifold", "sphere", p("fortran.npy")}, 1,
			"geodesic mean: " + p("fortran.npy") + ": arrays in Fortran order are not supported; save np.ascontiguousarray(a)"},
		{[]string{"mean", "--manifold", "sphere", p("missing.npy")}, 1,
			"geodesic mean: " + p("missing.npy") + ": no such file or directory"},
		{[]string{"mean", "--manifold", "sphere", p("pts.txt")}, 1,
			"geodesic mean: " + p("pts.txt") + ": unknown input format \".txt\" (want .npy, .csv or .json)"},
		{[]string{"mean", "--manifold", "sphere", "--weights", "1,2,3", good}, 1,
			"geodesic mean: --weights: 3 weights for 2 points"},
		{[]string{"mean", "--manifold", "sphere", "--weights", "1,-2", good}, 1,
			"geodesic mean: --weights: weight 1 is -2, want a finite number ≥ 0"},
		{[]string{"mean", "--manifold", "sphere", "--weights", "0,0", good}, 1,
			"geodesic mean: --weights: all weights are zero"},
		{[]string{"mean", "--manifold", "sphere", "--weights", p("nope.txt"), good}, 1,
			"geodesic mean: " + p("nope.txt") + ": no such file or directory"},
		{[]string{"mean", "--manifold", "sphere", good, "-o", p("no/such/dir/out.npy")}, 1,
			"geodesic mean: " + p("no/such/dir/out.npy") + ": output directory " + p("no/such/dir") + ": no such file or directory"},

		{[]string{"mean", "--manifold", "sphere", good, "-o", p("out.xlsx")}, 2,
			"geodesic mean: -o " + p("out.xlsx") + ": unknown output format \".xlsx\" (want .npy, .json, .csv, .txt) (see \"geodesic mean --help\")"},
		{[]string{"mean", "--bogus", good}, 2,
			"geodesic mean: flag provided but not defined: -bogus (see \"geodesic mean --help\")"},
		{[]string{"mean", good}, 2,
			"geodesic mean: --manifold is required (sphere, grassmann, stiefel, spd, hyperbolic or flag) (see \"geodesic mean --help\")"},
		{[]string{"mean", "--manifold", "torus", good}, 2,
			"geodesic mean: --manifold \"torus\": unknown manifold (want sphere, grassmann, stiefel, spd, hyperbolic or flag) (see \"geodesic mean --help\")"},
		{[]string{"mean", "--manifold", "sphere", "--metric", "ai", good}, 2,
			"geodesic mean: --metric applies to stiefel, spd and flag, not to sphere (see \"geodesic mean --help\")"},
		{[]string{"mean", "--manifold", "spd", "--metric", "xx", writeFile(t, dir, "id.json", "[[[1,0],[0,1]]]")}, 2,
			"geodesic mean: --metric \"xx\": spd metrics are ai, le, lc and bw (see \"geodesic mean --help\")"},
		{[]string{"mean", "--manifold", "flag", good}, 2,
			"geodesic mean: --manifold flag needs --flag-type, e.g. --flag-type 1,3 (see \"geodesic mean --help\")"},
		{[]string{"mean", "--manifold", "grassmann", p("three.json")}, 2,
			"geodesic mean: flat points of length 3 on grassmann need --p (or --n, or --shape n,p) (see \"geodesic mean --help\")"},
		{[]string{"mean", "--manifold", "sphere"}, 2,
			"geodesic mean: want one input file, got 0 arguments (see \"geodesic mean --help\")"},
		{[]string{"dist", "--manifold", "sphere", "--threads", "x", good}, 2,
			"geodesic dist: invalid value \"x\" for flag -threads: parse error (see \"geodesic dist --help\")"},
		{[]string{"mean", "--manifold", "hyperbolic", "--curvature", "-1", good}, 2,
			"geodesic mean: --curvature -1: want c in [3.054936363499605e-151, 3.273390607896142e+150] (see \"geodesic mean --help\")"},
	}
	for _, tc := range cases {
		before := listDir(t, dir)
		code, out, errb := cli(t, tc.args...)
		assert.Equal(t, tc.code, code, "%v", tc.args)
		assert.Equal(t, tc.want+"\n", errb, "%v", tc.args)
		assert.Empty(t, out, "%v", tc.args)
		assert.Equal(t, before, listDir(t, dir), "%v wrote files", tc.args)
	}
}

// Nothing is written when a run fails, even with the output named, and a
// successful run leaves only the output (no temporary files).
func TestNothingWrittenOnFailure(t *testing.T) {
	dir := t.TempDir()
	outDir := filepath.Join(dir, "out")
	require.NoError(t, os.Mkdir(outDir, 0o755))
	bad := writeFile(t, dir, "bad.csv", "1,0,0\n0,1,NaN\n")
	good := writeFile(t, dir, "good.csv", csvPoints(e(3, 0), e(3, 1)))
	for _, args := range [][]string{
		{"mean", "--manifold", "sphere", bad, "-o", filepath.Join(outDir, "m.npy")},
		{"median", "--manifold", "sphere", bad, "-o", filepath.Join(outDir, "m.json")},
		{"dist", "--manifold", "sphere", bad, "-o", filepath.Join(outDir, "d.csv")},
		{"mean", "--manifold", "sphere", "--weights", "1", good, "-o", filepath.Join(outDir, "m.txt")},
		{"embed", "--dim", "3", "--plot", filepath.Join(outDir, "p.svg"), "-o", filepath.Join(outDir, "e.tsv")},
		{"embed", filepath.Join(dir, "missing.tsv"), "-o", filepath.Join(outDir, "e.tsv"), "--metrics", filepath.Join(outDir, "m.json")},
	} {
		code, _, _ := cli(t, args...)
		assert.NotEqual(t, 0, code, "%v", args)
		assert.Empty(t, listDir(t, outDir), "%v", args)
	}
	cliOK(t, "mean", "--manifold", "sphere", good, "-o", filepath.Join(outDir, "m.npy"))
	assert.Equal(t, []string{"m.npy"}, listDir(t, outDir))
	st, err := os.Stat(filepath.Join(outDir, "m.npy"))
	require.NoError(t, err)
	assert.Equal(t, os.FileMode(0o644), st.Mode().Perm())
}

// Flags may come after the input file, and "--" ends the flags.
func TestFlagOrder(t *testing.T) {
	dir := t.TempDir()
	good := writeFile(t, dir, "good.csv", csvPoints(e(3, 0), e(3, 1)))
	a := cliOK(t, "mean", good, "--manifold", "sphere")
	b := cliOK(t, "mean", "--manifold", "sphere", "--", good)
	assert.Equal(t, a, b)
}
