package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geodesic-go/geodesic/embed"
)

// tinyTree is a small taxonomy as parent links (not closed): a root, three
// children, two grandchildren each.
const tinyTree = `# child	parent
animal	thing
plant	thing
fungus	thing
cat	animal
dog	animal
oak	plant
fern	plant
yeast	fungus
mould	fungus
`

// Embedding a tiny hierarchy with few epochs writes the embedding (.tsv and
// .npy), the metrics and the Poincaré-disk plot, and prints the figures.
func TestEmbedTiny(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "tree.tsv", tinyTree)
	tsv, npy := filepath.Join(dir, "e.tsv"), filepath.Join(dir, "e.npy")
	metrics, svg, png := filepath.Join(dir, "m.json"), filepath.Join(dir, "p.svg"), filepath.Join(dir, "p.png")
	code, out, errb := cli(t, "embed", in, "--closure", "--dim", "2", "--epochs", "60", "--burn-in", "5",
		"--negatives", "4", "--lr", "0.5", "--threads", "1", "--seed", "3",
		"-o", tsv, "-o", npy, "--metrics", metrics, "--plot", svg)
	require.Equal(t, 0, code, errb)
	assert.Contains(t, out, in+": 10 nodes, 15 pairs\n")
	assert.Contains(t, out, "training: poincare model, dimension 2, curvature −1, rsgd, lr 0.5, 60 epochs (5 burn-in), 4 negatives, batches of 10, seed 3, 1 threads\n")
	m := regexp.MustCompile(`reconstruction: mean rank (\S+), MAP (\S+) \(15 pairs, 9 nodes\)`).FindStringSubmatch(out)
	require.NotNil(t, m, out)
	mr, _ := strconv.ParseFloat(m[1], 64)
	mapv, _ := strconv.ParseFloat(m[2], 64)
	assert.GreaterOrEqual(t, mr, 1.0)
	assert.Greater(t, mapv, 0.0)
	assert.LessOrEqual(t, mapv, 1.0)
	for _, p := range []string{tsv, npy, metrics, svg} {
		assert.Contains(t, out, "wrote "+p+"\n")
	}
	// Progress went to stderr as plain lines (not a terminal).
	assert.Contains(t, errb, "training: 60/60 epochs (100%)")
	assert.NotContains(t, errb, "\r")

	// The TSV reads back with package embed; the .npy holds the same
	// coordinates, in the same (name) order.
	f, err := os.Open(tsv)
	require.NoError(t, err)
	defer f.Close()
	emb, err := embed.ReadEmbedding(f, tsv)
	require.NoError(t, err)
	assert.Equal(t, 10, emb.Len())
	assert.Equal(t, 2, emb.Dim)
	n := readTestNPY(t, npy)
	assert.Equal(t, []int{10, 2}, n.shape)
	assert.Equal(t, emb.Coords, n.data)

	var mj embedMetrics
	b, err := os.ReadFile(metrics)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &mj))
	assert.Equal(t, 10, mj.Nodes)
	assert.Equal(t, 15, mj.Pairs)
	assert.InDelta(t, mr, mj.MeanRank, 1e-3)
	assert.InDelta(t, mapv, mj.MAP, 1e-4)
	assert.Equal(t, "poincare", mj.Model)
	assert.Equal(t, 60, mj.Epochs)

	b, err = os.ReadFile(svg)
	require.NoError(t, err)
	assert.Greater(t, len(b), 1000)
	assert.Contains(t, string(b), "<svg")
	assert.Contains(t, string(b), "animal") // a top-level label

	// PNG too, with the Lorentz model (mapped to the disk) and no edges.
	code, _, errb = cli(t, "embed", in, "--closure", "--dim", "2", "--epochs", "10", "--negatives", "4",
		"--model", "lorentz", "--quiet", "--plot", png, "--plot-edges=false")
	require.Equal(t, 0, code, errb)
	assert.Empty(t, errb)
	b, err = os.ReadFile(png)
	require.NoError(t, err)
	assert.True(t, strings.HasPrefix(string(b), "\x89PNG"), "PNG signature")
}

// --evaluate scores a saved embedding without training. The figures of a
// saved embedding equal those printed when it was trained, also when its
// rows are reversed and extra points are added (evaluation matches points
// to nodes by name); a missing node, a repeated name, an unreadable file
// and --plot at a dimension other than 2 are errors.
func TestEmbedEvaluate(t *testing.T) {
	dir := t.TempDir()
	in := writeFile(t, dir, "tree.tsv", tinyTree)
	tsv := filepath.Join(dir, "e.tsv")
	out := cliOK(t, "embed", in, "--closure", "--dim", "3", "--epochs", "40", "--negatives", "4",
		"--threads", "1", "--quiet", "-o", tsv)
	figures := regexp.MustCompile(`reconstruction: .*\n`).FindString(out)
	require.NotEmpty(t, figures, out)

	b, err := os.ReadFile(tsv)
	require.NoError(t, err)
	lines := strings.Split(strings.TrimSuffix(string(b), "\n"), "\n")
	rows := slices.Clone(lines[1:])
	slices.Reverse(rows)
	extra := "stone\t0.1\t0.2\t0.3"
	shuffled := writeFile(t, dir, "shuffled.tsv", lines[0]+"\n"+strings.Join(rows, "\n")+"\n"+extra+"\n")
	metrics := filepath.Join(dir, "m.json")
	out = cliOK(t, "embed", in, "--closure", "--evaluate", shuffled, "--metrics", metrics)
	assert.Contains(t, out, figures)
	assert.Contains(t, out, "note: 1 points of "+shuffled+" are not nodes of the hierarchy; ignored\n")
	assert.Contains(t, out, "evaluating "+shuffled+": poincare model, dimension 3, curvature −1\n")
	assert.NotContains(t, out, "training:")
	var mj map[string]any
	b, err = os.ReadFile(metrics)
	require.NoError(t, err)
	require.NoError(t, json.Unmarshal(b, &mj))
	assert.Equal(t, shuffled, mj["embedding"])
	assert.Equal(t, 3.0, mj["dim"])
	assert.NotContains(t, mj, "epochs")

	missing := writeFile(t, dir, "missing.tsv", lines[0]+"\n"+strings.Join(lines[2:], "\n")+"\n")
	dup := writeFile(t, dir, "dup.tsv", strings.Join(lines, "\n")+"\n"+lines[1]+"\n")
	absent := strings.SplitN(lines[1], "\t", 2)[0]
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"embed", in, "--closure", "--evaluate", missing}, 1,
			"geodesic embed: " + missing + ": no point for the node \"" + absent + "\" of the hierarchy"},
		{[]string{"embed", in, "--closure", "--evaluate", dup}, 1,
			"geodesic embed: " + dup + ": node \"" + absent + "\" has two points (rows 1 and 11)"},
		{[]string{"embed", in, "--closure", "--evaluate", filepath.Join(dir, "nope.tsv")}, 1,
			"geodesic embed: " + filepath.Join(dir, "nope.tsv") + ": no such file or directory"},
		{[]string{"embed", in, "--closure", "--evaluate", tsv, "--plot", filepath.Join(dir, "p.svg")}, 2,
			"geodesic embed: --plot draws the Poincaré disk and needs dimension 2 (" + tsv + " has dimension 3; a flat picture of a 3-dimensional embedding would hide its distances) (see \"geodesic embed --help\")"},
	}
	for _, tc := range cases {
		code, _, errb := cli(t, tc.args...)
		assert.Equal(t, tc.code, code, "%v", tc.args)
		assert.Equal(t, tc.want+"\n", errb, "%v", tc.args)
	}
	assert.NoFileExists(t, filepath.Join(dir, "p.svg"))
}

// The shipped WordNet mammals are the default input (two epochs only); the
// learning rate defaults to the optimizer's own.
func TestEmbedShippedData(t *testing.T) {
	out := cliOK(t, "embed", "--epochs", "2", "--burn-in", "1", "--quiet")
	assert.Contains(t, out, "WordNet mammals: 1180 nodes, 6540 pairs\n")
	assert.Contains(t, out, "(6540 pairs, 1179 nodes)")
	assert.Contains(t, out, ", rsgd, lr 0.3, ")
	out = cliOK(t, "embed", "--epochs", "1", "--burn-in", "0", "--optimizer", "radam", "--quiet")
	assert.Contains(t, out, ", radam, lr 0.003, ")
	code, _, errb := cli(t, "embed", "--lr", "0")
	assert.Equal(t, 2, code)
	assert.Equal(t, "geodesic embed: --lr 0: want > 0 (see \"geodesic embed --help\")\n", errb)
}

func TestEmbedErrors(t *testing.T) {
	dir := t.TempDir()
	bad := writeFile(t, dir, "bad.tsv", "a\tb\nc d\n")
	cyc := writeFile(t, dir, "cyc.tsv", "a\tb\nb\ta\n")
	cases := []struct {
		args []string
		code int
		want string
	}{
		{[]string{"embed", "--plot", filepath.Join(dir, "p.svg")}, 2,
			"geodesic embed: --plot draws the Poincaré disk and needs dimension 2 (this run has --dim 5; a flat picture of a 5-dimensional embedding would hide its distances) (see \"geodesic embed --help\")"},
		{[]string{"embed", "--dim", "2", "--plot", filepath.Join(dir, "p.gif")}, 2,
			"geodesic embed: --plot " + filepath.Join(dir, "p.gif") + ": unknown output format \".gif\" (want .svg, .png, .pdf) (see \"geodesic embed --help\")"},
		{[]string{"embed", "--model", "klein"}, 2,
			"geodesic embed: --model \"klein\": want poincare or lorentz (see \"geodesic embed --help\")"},
		{[]string{"embed", "--optimizer", "lbfgs"}, 2,
			"geodesic embed: --optimizer \"lbfgs\": want rsgd or radam (see \"geodesic embed --help\")"},
		{[]string{"embed", "--epochs", "0"}, 2,
			"geodesic embed: --epochs 0: want ≥ 1 (see \"geodesic embed --help\")"},
		{[]string{"embed", "-o", filepath.Join(dir, "e.csv")}, 2,
			"geodesic embed: -o " + filepath.Join(dir, "e.csv") + ": unknown output format \".csv\" (want .tsv, .npy) (see \"geodesic embed --help\")"},
		{[]string{"embed", "a.tsv", "b.tsv"}, 2,
			"geodesic embed: want at most one input file, got 2 (see \"geodesic embed --help\")"},
		{[]string{"embed", cyc, "--closure"}, 1, "geodesic embed: " + cyc + ": the hierarchy has a cycle through \"a\""},
		{[]string{"embed", bad}, 1, "geodesic embed: " + bad + ":2: want \"child<TAB>ancestor\", found no tab in \"c d\""},
		{[]string{"embed", filepath.Join(dir, "missing.tsv")}, 1, "geodesic embed: " + filepath.Join(dir, "missing.tsv") + ": no such file or directory"},
	}
	for _, tc := range cases {
		code, _, errb := cli(t, tc.args...)
		assert.Equal(t, tc.code, code, "%v", tc.args)
		assert.Equal(t, tc.want+"\n", errb, "%v", tc.args)
	}
	assert.Equal(t, []string{"bad.tsv", "cyc.tsv"}, listDir(t, dir))
}
