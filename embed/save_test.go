package embed

import (
	"bytes"
	"encoding/binary"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// parseNPY is an independent reader of NPY version 1.0 files holding a
// 2-D little-endian float64 C-order array; it checks the layout rules of
// the format (numpy/lib/format.py): magic, version, header length, a
// header dict ending in '\n', and the data aligned to 64 bytes.
func parseNPY(t *testing.T, b []byte) (rows, cols int, data []float64) {
	t.Helper()
	if len(b) < 10 || string(b[:6]) != "\x93NUMPY" {
		t.Fatalf("bad magic %q", b[:min(len(b), 6)])
	}
	if b[6] != 1 || b[7] != 0 {
		t.Fatalf("version %d.%d, want 1.0", b[6], b[7])
	}
	hlen := int(b[8]) | int(b[9])<<8
	start := 10 + hlen
	if start%64 != 0 {
		t.Fatalf("data starts at %d, not a multiple of 64", start)
	}
	header := string(b[10:start])
	if !strings.HasSuffix(header, "\n") {
		t.Fatalf("header %q does not end in a newline", header)
	}
	re := regexp.MustCompile(`^\{'descr': '<f8', 'fortran_order': False, 'shape': \((\d+), (\d+)\), \} *\n$`)
	m := re.FindStringSubmatch(header)
	if m == nil {
		t.Fatalf("header %q not as expected", header)
	}
	rows, _ = strconv.Atoi(m[1])
	cols, _ = strconv.Atoi(m[2])
	body := b[start:]
	if len(body) != 8*rows*cols {
		t.Fatalf("%d data bytes for shape (%d, %d)", len(body), rows, cols)
	}
	data = make([]float64, rows*cols)
	for i := range data {
		data[i] = math.Float64frombits(binary.LittleEndian.Uint64(body[8*i:]))
	}
	return rows, cols, data
}

func testEmbedding(model Model) *Embedding {
	e := &Embedding{Model: model, Curvature: 2, Dim: 3, Names: []string{"a", "b.n.01", "c"}}
	pts := []float64{0.1, -0.2, 0.3, 1e-17, 0.5, -0.125, -0.6, 0, 1.0 / 3}
	if model == PoincareBall {
		e.Coords = pts
		return e
	}
	for i := 0; i < 3; i++ {
		p := pts[3*i : 3*i+3]
		var ss float64
		for _, x := range p {
			ss += x * x
		}
		e.Coords = append(e.Coords, math.Sqrt(1/2.0+ss))
		e.Coords = append(e.Coords, p...)
	}
	return e
}

func TestWriteNPY(t *testing.T) {
	for _, model := range []Model{PoincareBall, Lorentz} {
		e := testEmbedding(model)
		var buf bytes.Buffer
		if err := e.WriteNPY(&buf); err != nil {
			t.Fatal(err)
		}
		r, c, data := parseNPY(t, buf.Bytes())
		if r != 3 || c != e.Width() || !slices.Equal(data, e.Coords) {
			t.Errorf("%v: read back (%d, %d) %v, want (3, %d) %v", model, r, c, data, e.Width(), e.Coords)
		}
	}
	// Header padding for shapes whose dict lengths differ.
	for _, s := range [][2]int{{0, 1}, {1, 1}, {82115, 11}, {1234567890, 10}} {
		h := npyHeader(s[0], s[1])
		if len(h)%64 != 0 || h[len(h)-1] != '\n' {
			t.Errorf("shape %v: header of %d bytes", s, len(h))
		}
	}
}

func TestTSVRoundTrip(t *testing.T) {
	for _, model := range []Model{PoincareBall, Lorentz} {
		e := testEmbedding(model)
		var buf bytes.Buffer
		if err := e.WriteTSV(&buf); err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(buf.String(), "\n")
		if !strings.HasPrefix(lines[0], "# geodesic embedding model="+model.String()+" curvature=2 dim=3") ||
			!strings.HasPrefix(lines[2], "b.n.01\t") || len(strings.Split(lines[1], "\t")) != e.Width()+1 {
			t.Fatalf("%v: unexpected TSV\n%s", model, buf.String())
		}
		back, err := ReadEmbedding(&buf, "x.tsv")
		if err != nil {
			t.Fatal(err)
		}
		if back.Model != e.Model || back.Curvature != e.Curvature || back.Dim != e.Dim ||
			!slices.Equal(back.Names, e.Names) || !slices.Equal(back.Coords, e.Coords) {
			t.Errorf("%v: round trip changed the embedding: %+v", model, back)
		}
	}
	if _, err := ReadEmbedding(strings.NewReader("# geodesic embedding model=poincare curvature=1 dim=2\na\t0.1\n"), "bad.tsv"); err == nil ||
		!strings.Contains(err.Error(), "bad.tsv:2") {
		t.Errorf("short line: error %v", err)
	}
	if _, err := ReadEmbedding(strings.NewReader("# geodesic embedding model=poincare curvature=1 dim=2\na\t0.8\t0.8\n"), "out.tsv"); err == nil {
		t.Error("a point outside the ball was accepted")
	}
}

func TestSave(t *testing.T) {
	e := testEmbedding(PoincareBall)
	dir := t.TempDir()
	for _, name := range []string{"e.tsv", "e.npy"} {
		p := filepath.Join(dir, name)
		if err := e.Save(p); err != nil {
			t.Fatal(err)
		}
		b, _ := os.ReadFile(p)
		if strings.HasSuffix(name, ".npy") {
			parseNPY(t, b)
		} else if !bytes.HasPrefix(b, []byte("# geodesic embedding")) {
			t.Error("Save(.tsv) wrote something else")
		}
	}
	if err := e.Save(filepath.Join(dir, "e.csv")); err == nil {
		t.Error("Save(.csv) did not fail")
	}
	bad := &Embedding{Dim: 2, Coords: []float64{1, 0}}
	if err := bad.WriteNPY(&bytes.Buffer{}); err == nil {
		t.Error("a point on the boundary was written")
	}
}
