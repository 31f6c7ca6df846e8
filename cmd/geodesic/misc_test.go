package main

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geodesic-go/geodesic/bench"
)

// --help on every subcommand: the usage on stdout, nothing on stderr, exit 0;
// likewise "geodesic help <command>".
func TestHelp(t *testing.T) {
	for name := range commands {
		for _, args := range [][]string{{name, "--help"}, {name, "-h"}, {"help", name}} {
			code, out, errb := cli(t, args...)
			assert.Equal(t, 0, code, "%v", args)
			assert.Empty(t, errb, "%v", args)
			assert.True(t, strings.HasPrefix(out, "usage: geodesic "+name), "%v: %q", args, out)
			assert.Contains(t, out, "Flags:", "%v", args)
		}
	}
	code, out, _ := cli(t, "help")
	assert.Equal(t, 0, code)
	for name := range commands {
		assert.Contains(t, out, "\n  "+name+" ")
	}
	code, _, errb := cli(t, "help", "nope")
	assert.Equal(t, 2, code)
	assert.Equal(t, "geodesic help: unknown command \"nope\"\n", errb)
}

// A quick benchmark run of a few workloads writes a JSON report that package
// bench reads back, and prints a table.
func TestBenchQuick(t *testing.T) {
	dir := t.TempDir()
	js := filepath.Join(dir, "r.json")
	code, out, errb := cli(t, "bench", "--quick", "--filter", "^op=(exp|dist)/manifold=sphere/", "--json", js)
	require.Equal(t, 0, code, errb)
	assert.Contains(t, out, "op=exp/manifold=sphere/n=3")
	assert.Contains(t, out, "wrote "+js)
	assert.Contains(t, errb, "bench: 2/2 workloads (100%)")
	f, err := os.Open(js)
	require.NoError(t, err)
	defer f.Close()
	rep, err := bench.ReadJSON(f)
	require.NoError(t, err)
	assert.True(t, rep.Settings.Quick)
	require.Len(t, rep.Results, 2)
	assert.NotNil(t, rep.Find("op=dist/manifold=sphere/n=3"))

	out = cliOK(t, "bench", "--quick", "--list", "--kind", "solver", "--filter", "rayleigh")
	assert.Contains(t, out, "solver=lbfgs/problem=rayleigh/manifold=sphere/n=10\n")
	assert.NotContains(t, out, "op=")

	// A second run compared with the first, with the Markdown report and
	// the plots.
	md, plots := filepath.Join(dir, "r.md"), filepath.Join(dir, "plots")
	out = cliOK(t, "bench", "--quick", "--quiet", "--filter", "^op=(exp|dist)/manifold=sphere/|solver=(sd|rtr)/problem=rayleigh",
		"--compare", js, "--md", md, "--plot-dir", plots)
	assert.Regexp(t, `compared with .*r\.json: \d+ regressions, \d+ improvements, \d+ unchanged, 2 added, 0 removed, 0 invalid`, out)
	assert.Contains(t, out, "wrote 3 plots to "+plots)
	b, err := os.ReadFile(md)
	require.NoError(t, err)
	assert.Contains(t, string(b), "op=exp/manifold=sphere/n=3")
	assert.Contains(t, string(b), "## Comparison with r.json")
	names := listDir(t, plots)
	assert.Equal(t, []string{"op-dist.svg", "op-exp.svg", "solver-rayleigh-sphere-tiny.svg"}, names)
	for _, n := range names {
		assert.True(t, strings.HasSuffix(n, ".svg"), n)
	}
	code, _, errb = cli(t, "bench", "--filter", "(")
	assert.Equal(t, 2, code)
	assert.True(t, strings.HasPrefix(errb, "geodesic bench: "), errb)
	code, _, errb = cli(t, "bench", "--quick", "--filter", "^nothing$")
	assert.Equal(t, 2, code)
	assert.Equal(t, "geodesic bench: no workload matches the selection (see --list) (see \"geodesic bench --help\")\n", errb)
	code, _, errb = cli(t, "bench", "--quick", "--compare", filepath.Join(dir, "old.json"))
	assert.Equal(t, 1, code)
	assert.Equal(t, "geodesic bench: "+filepath.Join(dir, "old.json")+": no such file or directory\n", errb)
	assert.Equal(t, []string{"plots", "r.json", "r.md"}, listDir(t, dir))
}

// The progress display: plain lines at each tenth of the work, and on a
// terminal a bar redrawn in place with the rate and the ETA.
func TestProgress(t *testing.T) {
	var buf bytes.Buffer
	clock := time.Unix(0, 0)
	p := newProgress(&buf, false, "training", "epochs", 100, 0)
	p.now = func() time.Time { return clock }
	p.start = clock
	for i := 1; i <= 100; i++ {
		clock = clock.Add(100 * time.Millisecond)
		p.update(i, "loss 1.5")
	}
	p.finish()
	lines := strings.Split(strings.TrimSpace(buf.String()), "\n")
	require.Len(t, lines, 10)
	assert.Equal(t, "training: 10/100 epochs ( 10%), 10.0 epochs/s, ETA 9s, loss 1.5", lines[0])
	assert.Equal(t, "training: 100/100 epochs (100%), 10.0 epochs/s, 10s, loss 1.5", lines[9])

	buf.Reset()
	clock = time.Unix(0, 0)
	p = newProgress(&buf, false, "training", "epochs", 4, 0)
	p.now = func() time.Time { return clock }
	p.start, p.tty = clock, true
	for i := 1; i <= 4; i++ {
		clock = clock.Add(time.Second)
		p.update(i, "")
	}
	p.finish()
	assert.Equal(t, "\r\x1b[Ktraining: [======                  ] 1/4 epochs ( 25%), 1.00 epochs/s, ETA 3s"+
		"\r\x1b[Ktraining: [============            ] 2/4 epochs ( 50%), 1.00 epochs/s, ETA 2s"+
		"\r\x1b[Ktraining: [==================      ] 3/4 epochs ( 75%), 1.00 epochs/s, ETA 1s"+
		"\r\x1b[Ktraining: [========================] 4/4 epochs (100%), 1.00 epochs/s, 4s\n", buf.String())

	// Quiet, and runs shorter than the delay, print nothing.
	buf.Reset()
	p = newProgress(&buf, true, "x", "y", 10, 0)
	p.update(10, "")
	p = newProgress(&buf, false, "x", "y", 10, time.Hour)
	p.update(10, "")
	p.finish()
	assert.Empty(t, buf.String())
	assert.False(t, isTerminal(&buf))
}

// The tour still runs, and is the default command.
func TestTourDefault(t *testing.T) {
	out := cliOK(t)
	assert.Contains(t, out, "cities on the unit sphere")
}
