package embed

import (
	"bufio"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
)

// WriteTSV writes the embedding as text: a comment line
//
//	# geodesic embedding model=poincare curvature=1 dim=5
//
// then one line per point, the node name and its Width() coordinates
// separated by tabs, in the shortest decimal form that reads back to the
// same float64 (for the hyperboloid the time coordinate x₀ first). Points
// without names (Names nil) are named by their index. ReadEmbedding reads
// the format back.
func (e *Embedding) WriteTSV(w io.Writer) error {
	if err := e.Validate(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	fmt.Fprintf(bw, "# geodesic embedding model=%v curvature=%s dim=%d\n",
		e.Model, strconv.FormatFloat(e.curvature(), 'g', -1, 64), e.Dim)
	var buf []byte
	for i := 0; i < e.Len(); i++ {
		buf = buf[:0]
		if e.Names != nil {
			buf = append(buf, e.Names[i]...)
		} else {
			buf = strconv.AppendInt(buf, int64(i), 10)
		}
		for _, x := range e.Point(i) {
			buf = append(buf, '\t')
			buf = strconv.AppendFloat(buf, x, 'g', -1, 64)
		}
		buf = append(buf, '\n')
		if _, err := bw.Write(buf); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// WriteNPY writes the coordinates as a NumPy .npy file (format version 1.0):
// a float64 little-endian ('<f8') C-order array of shape (Len(), Width()),
// readable with numpy.load. The names are not stored; write them with
// WriteTSV or keep the hierarchy's order (node ids are in name order).
func (e *Embedding) WriteNPY(w io.Writer) error {
	if err := e.Validate(); err != nil {
		return err
	}
	bw := bufio.NewWriter(w)
	if _, err := bw.Write(npyHeader(e.Len(), e.Width())); err != nil {
		return err
	}
	var b [8]byte
	for _, x := range e.Coords {
		binary.LittleEndian.PutUint64(b[:], math.Float64bits(x))
		if _, err := bw.Write(b[:]); err != nil {
			return err
		}
	}
	return bw.Flush()
}

// npyHeader returns the NPY 1.0 preamble for a float64 C-order (rows, cols)
// array: the magic "\x93NUMPY", version 1.0, the little-endian uint16 length
// of the header, and the header, a Python dict literal padded with spaces
// and ended by '\n' so that the data starts at a multiple of 64 bytes.
func npyHeader(rows, cols int) []byte {
	dict := fmt.Sprintf("{'descr': '<f8', 'fortran_order': False, 'shape': (%d, %d), }", rows, cols)
	const pre = 10 // magic (6) + version (2) + header length (2)
	total := pre + len(dict) + 1
	pad := (64 - total%64) % 64
	hlen := len(dict) + pad + 1
	out := make([]byte, 0, pre+hlen)
	out = append(out, "\x93NUMPY"...)
	out = append(out, 1, 0)
	out = binary.LittleEndian.AppendUint16(out, uint16(hlen))
	out = append(out, dict...)
	out = append(out, strings.Repeat(" ", pad)...)
	out = append(out, '\n')
	return out
}

// Save writes the embedding to path in the format its extension names:
// ".tsv" (WriteTSV) or ".npy" (WriteNPY).
func (e *Embedding) Save(path string) (err error) {
	var write func(io.Writer) error
	switch strings.ToLower(filepath.Ext(path)) {
	case ".tsv":
		write = e.WriteTSV
	case ".npy":
		write = e.WriteNPY
	default:
		return fmt.Errorf("embed: %s: unknown extension (want .tsv or .npy)", path)
	}
	f, err := os.Create(path)
	if err != nil {
		return fmt.Errorf("embed: %w", err)
	}
	defer func() {
		if cerr := f.Close(); err == nil && cerr != nil {
			err = fmt.Errorf("embed: %w", cerr)
		}
	}()
	if err := write(f); err != nil {
		return fmt.Errorf("embed: %s: %w", path, err)
	}
	return nil
}

// ReadEmbedding reads an embedding in the format of WriteTSV. name is used
// in error messages only.
func ReadEmbedding(r io.Reader, name string) (*Embedding, error) {
	sc := bufio.NewScanner(r)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	if !sc.Scan() {
		if err := sc.Err(); err != nil {
			return nil, fmt.Errorf("embed: %s: %w", name, err)
		}
		return nil, fmt.Errorf("embed: %s: empty file", name)
	}
	e := &Embedding{}
	head := strings.TrimSuffix(sc.Text(), "\r")
	rest, ok := strings.CutPrefix(head, "# geodesic embedding ")
	if !ok {
		return nil, fmt.Errorf("embed: %s:1: want the header \"# geodesic embedding model=… curvature=… dim=…\"", name)
	}
	for _, f := range strings.Fields(rest) {
		k, v, _ := strings.Cut(f, "=")
		var err error
		switch k {
		case "model":
			e.Model, err = ParseModel(v)
		case "curvature":
			e.Curvature, err = strconv.ParseFloat(v, 64)
		case "dim":
			e.Dim, err = strconv.Atoi(v)
		}
		if err != nil {
			return nil, fmt.Errorf("embed: %s:1: %s: %w", name, k, err)
		}
	}
	if e.Dim < 1 {
		return nil, fmt.Errorf("embed: %s:1: missing or invalid dim", name)
	}
	w := e.Width()
	line := 1
	for sc.Scan() {
		line++
		s := strings.TrimSuffix(sc.Text(), "\r")
		if s == "" {
			continue
		}
		fields := strings.Split(s, "\t")
		if len(fields) != w+1 {
			return nil, fmt.Errorf("embed: %s:%d: want a name and %d coordinates, found %d fields", name, line, w, len(fields))
		}
		e.Names = append(e.Names, fields[0])
		for _, f := range fields[1:] {
			x, err := strconv.ParseFloat(f, 64)
			if err != nil {
				return nil, fmt.Errorf("embed: %s:%d: %w", name, line, err)
			}
			e.Coords = append(e.Coords, x)
		}
	}
	if err := sc.Err(); err != nil {
		return nil, fmt.Errorf("embed: %s: %w", name, err)
	}
	if err := e.Validate(); err != nil {
		return nil, fmt.Errorf("%w (in %s)", err, name)
	}
	if e.Names == nil {
		return nil, errors.New("embed: " + name + ": no points")
	}
	return e, nil
}
