package main

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"
)

// cli runs one command line and returns the exit status and the output.
func cli(t *testing.T, args ...string) (code int, stdout, stderr string) {
	t.Helper()
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

// cliOK runs a command line that must succeed.
func cliOK(t *testing.T, args ...string) string {
	t.Helper()
	code, out, errb := cli(t, args...)
	require.Equal(t, 0, code, "geodesic %s\nstderr: %s", strings.Join(args, " "), errb)
	return out
}

func writeFile(t *testing.T, dir, name, content string) string {
	t.Helper()
	p := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(p, []byte(content), 0o644))
	return p
}

// csvPoints formats points as CSV rows.
func csvPoints(pts ...[]float64) string {
	var b strings.Builder
	for _, p := range pts {
		for j, v := range p {
			if j > 0 {
				b.WriteByte(',')
			}
			b.WriteString(strconv.FormatFloat(v, 'g', -1, 64))
		}
		b.WriteByte('\n')
	}
	return b.String()
}

// rawNPY builds a .npy file by hand, independently of writeNPY: version
// 1.0, the given dict literal padded to a 64-byte boundary, then data as
// little-endian float64 (or raw bytes when data is nil and raw is set).
func rawNPY(dict string, data []float64, raw []byte) []byte {
	total := 10 + len(dict) + 1
	pad := (64 - total%64) % 64
	header := dict + strings.Repeat(" ", pad) + "\n"
	var b bytes.Buffer
	b.WriteString("\x93NUMPY\x01\x00")
	binary.Write(&b, binary.LittleEndian, uint16(len(header)))
	b.WriteString(header)
	for _, v := range data {
		binary.Write(&b, binary.LittleEndian, v)
	}
	b.Write(raw)
	return b.Bytes()
}

// testNPY is an independent reader of the .npy files our writer makes,
// checking the layout rules of the format as it goes: the magic string,
// the version, the header length and its 64-byte alignment, the final
// newline, the dict literal's exact content and the data length.
type testNPY struct {
	major   int
	dict    string
	shape   []int
	data    []float64
	headLen int
}

var npyDictRE = regexp.MustCompile(`^\{'descr': '<f8', 'fortran_order': False, 'shape': \(([0-9, ]*)\), \}$`)

func parseTestNPY(t *testing.T, b []byte) testNPY {
	t.Helper()
	require.True(t, len(b) >= 10, "file too short")
	require.Equal(t, "\x93NUMPY", string(b[:6]), "magic")
	var n testNPY
	n.major = int(b[6])
	require.Equal(t, byte(0), b[7], "minor version")
	var off int
	switch n.major {
	case 1:
		n.headLen, off = int(binary.LittleEndian.Uint16(b[8:10])), 10
	case 2:
		n.headLen, off = int(binary.LittleEndian.Uint32(b[8:12])), 12
	default:
		t.Fatalf("version %d", n.major)
	}
	end := off + n.headLen
	require.Equal(t, 0, end%64, "data must start at a multiple of 64 bytes")
	header := string(b[off:end])
	require.True(t, strings.HasSuffix(header, "\n"), "header ends with a newline")
	n.dict = strings.TrimRight(header, " \n")
	m := npyDictRE.FindStringSubmatch(n.dict)
	require.NotNil(t, m, "header dict %q", n.dict)
	size := 1
	for _, f := range strings.Split(m[1], ",") {
		if f = strings.TrimSpace(f); f == "" {
			continue
		}
		k, err := strconv.Atoi(f)
		require.NoError(t, err)
		n.shape = append(n.shape, k)
		size *= k
	}
	require.Equal(t, 8*size, len(b)-end, "data length")
	for i := range size {
		n.data = append(n.data, math.Float64frombits(binary.LittleEndian.Uint64(b[end+8*i:])))
	}
	return n
}

// readTestNPY reads a file with parseTestNPY.
func readTestNPY(t *testing.T, path string) testNPY {
	t.Helper()
	b, err := os.ReadFile(path)
	require.NoError(t, err)
	return parseTestNPY(t, b)
}

// npyPoints writes points of shape r×c (c = 0: flat vectors) as a .npy
// file built by rawNPY.
func npyPoints(t *testing.T, dir, name string, r, c int, pts ...[]float64) string {
	t.Helper()
	shape := fmt.Sprintf("(%d, %d)", len(pts), r)
	if c > 0 {
		shape = fmt.Sprintf("(%d, %d, %d)", len(pts), r, c)
	}
	var data []float64
	for _, p := range pts {
		data = append(data, p...)
	}
	path := filepath.Join(dir, name)
	require.NoError(t, os.WriteFile(path, rawNPY("{'descr': '<f8', 'fortran_order': False, 'shape': "+shape+", }", data, nil), 0o644))
	return path
}

// listDir returns the names of the files in dir.
func listDir(t *testing.T, dir string) []string {
	t.Helper()
	es, err := os.ReadDir(dir)
	require.NoError(t, err)
	var names []string
	for _, e := range es {
		names = append(names, e.Name())
	}
	return names
}

// textPoint parses the numeric lines of the text output (those not
// starting with '#') into one flat slice.
func textPoint(t *testing.T, out string) []float64 {
	t.Helper()
	var x []float64
	for _, line := range strings.Split(out, "\n") {
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		for _, f := range strings.Fields(line) {
			v, err := strconv.ParseFloat(f, 64)
			require.NoError(t, err, "line %q", line)
			x = append(x, v)
		}
	}
	return x
}

// textObjective returns the objective from the text output.
func textObjective(t *testing.T, out string) float64 {
	t.Helper()
	m := regexp.MustCompile(`(?m)^# objective .* = (\S+) \(weights`).FindStringSubmatch(out)
	require.NotNil(t, m, "no objective in %q", out)
	v, err := strconv.ParseFloat(m[1], 64)
	require.NoError(t, err)
	return v
}
