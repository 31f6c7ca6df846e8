package main

import (
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"
	"strings"
)

// pointFile is a set of points read from a file. Points are numbered from 0
// in error messages, in file order.
type pointFile struct {
	path  string
	shape []int // the shape of one point as the file gives it: [d] or [r, c]
	pts   [][]float64
	lines []int // CSV only: the line of each point
}

// where names point i in an error message: "pts.npy: point 3" or, for CSV,
// "pts.csv:5: point 3".
func (f *pointFile) where(i int) string {
	if f.lines != nil {
		return fmt.Sprintf("%s:%d: point %d", f.path, f.lines[i], i)
	}
	return fmt.Sprintf("%s: point %d", f.path, i)
}

// readPointFile reads a point set in the format named by the extension of
// path: .npy (an N×d or N×r×c float64 array), .csv (one flattened point per
// row) or .json (an array of N points, each an array of d numbers or of r
// rows of c numbers).
func readPointFile(path string) (*pointFile, error) {
	e := ext(path)
	if e != "npy" && e != "csv" && e != "json" {
		return nil, fmt.Errorf("%s: unknown input format %q (want .npy, .csv or .json)", path, "."+e)
	}
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, unwrapPathError(path, err)
	}
	var f *pointFile
	switch e {
	case "npy":
		f, err = parseNPYPoints(b)
	case "csv":
		f, err = parseCSVPoints(b)
	case "json":
		f, err = parseJSONPoints(b)
	}
	var le lineError
	if errors.As(err, &le) {
		return nil, fmt.Errorf("%s:%d: %s", path, le.line, le.msg)
	}
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	f.path = path
	if len(f.pts) == 0 {
		return nil, fmt.Errorf("%s: no points", path)
	}
	return f, nil
}

// unwrapPathError turns "open x: no such file or directory" into
// "x: no such file or directory".
func unwrapPathError(path string, err error) error {
	var pe *os.PathError
	if errors.As(err, &pe) {
		return fmt.Errorf("%s: %v", path, pe.Err)
	}
	return fmt.Errorf("%s: %v", path, err)
}

func parseNPYPoints(b []byte) (*pointFile, error) {
	shape, data, err := readNPY(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		return nil, err
	}
	if len(shape) != 2 && len(shape) != 3 {
		return nil, fmt.Errorf("array of shape %s: want N×d (one point per row) or N×r×c (one matrix per point)", pyShape(shape))
	}
	f := &pointFile{shape: shape[1:]}
	size := 1
	for _, s := range f.shape {
		size *= s
	}
	if size == 0 {
		return nil, fmt.Errorf("array of shape %s: points have no coordinates", pyShape(shape))
	}
	for i := range shape[0] {
		f.pts = append(f.pts, data[i*size:(i+1)*size:(i+1)*size])
	}
	return f, nil
}

// lineError is an error at a line of a text file.
type lineError struct {
	line int
	msg  string
}

func (e lineError) Error() string { return fmt.Sprintf("line %d: %s", e.line, e.msg) }

func parseCSVPoints(b []byte) (*pointFile, error) {
	r := csv.NewReader(bytes.NewReader(b))
	r.FieldsPerRecord = -1
	r.Comment = '#'
	r.TrimLeadingSpace = true
	f := &pointFile{lines: []int{}}
	first := true
	for {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			var pe *csv.ParseError
			if errors.As(err, &pe) {
				return nil, lineError{pe.Line, pe.Err.Error()}
			}
			return nil, err
		}
		line, _ := r.FieldPos(0)
		if first && isHeader(rec) {
			first = false
			continue
		}
		first = false
		i := len(f.pts)
		if f.shape == nil {
			f.shape = []int{len(rec)}
		} else if len(rec) != f.shape[0] {
			return nil, lineError{line, fmt.Sprintf("point %d: has %d values, point 0 has %d", i, len(rec), f.shape[0])}
		}
		x := make([]float64, len(rec))
		for j, s := range rec {
			v, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
			if err != nil && !errors.Is(err, strconv.ErrRange) {
				return nil, lineError{line, fmt.Sprintf("point %d: value %d, %q, is not a number", i, j, s)}
			}
			x[j] = v
		}
		f.pts = append(f.pts, x)
		f.lines = append(f.lines, line)
	}
	return f, nil
}

// isHeader reports whether a CSV record is a header: no field is a number.
func isHeader(rec []string) bool {
	for _, s := range rec {
		if _, err := strconv.ParseFloat(strings.TrimSpace(s), 64); err == nil {
			return false
		}
	}
	return true
}

func parseJSONPoints(b []byte) (*pointFile, error) {
	var raw []json.RawMessage
	if err := json.Unmarshal(b, &raw); err != nil {
		return nil, fmt.Errorf("not a JSON array of points: %v", jsonErr(err))
	}
	f := &pointFile{}
	for i, r := range raw {
		var vec []float64
		var mat [][]float64
		var shape []int
		var x []float64
		if json.Unmarshal(r, &vec) == nil {
			shape, x = []int{len(vec)}, vec
		} else if err := json.Unmarshal(r, &mat); err == nil {
			if len(mat) == 0 {
				return nil, fmt.Errorf("point %d: empty matrix", i)
			}
			for k, row := range mat {
				if len(row) != len(mat[0]) {
					return nil, fmt.Errorf("point %d: row %d has %d entries, row 0 has %d", i, k, len(row), len(mat[0]))
				}
				x = append(x, row...)
			}
			shape = []int{len(mat), len(mat[0])}
		} else {
			return nil, fmt.Errorf("point %d: not an array of numbers nor an array of rows of numbers", i)
		}
		if f.shape == nil {
			f.shape = shape
		} else if !equalInts(shape, f.shape) {
			return nil, fmt.Errorf("point %d: has shape %s, point 0 has %s", i, shapeString(shape), shapeString(f.shape))
		}
		f.pts = append(f.pts, x)
	}
	if f.shape != nil && f.shape[len(f.shape)-1] == 0 {
		return nil, errors.New("points have no coordinates")
	}
	return f, nil
}

func jsonErr(err error) string {
	var se *json.SyntaxError
	if errors.As(err, &se) {
		return fmt.Sprintf("%v (at byte %d)", se, se.Offset)
	}
	return err.Error()
}

func equalInts(a, b []int) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

// shapeString formats a shape as "3×4".
func shapeString(shape []int) string {
	if len(shape) == 0 {
		return "() (a scalar)"
	}
	s := make([]string, len(shape))
	for i, v := range shape {
		s[i] = strconv.Itoa(v)
	}
	return strings.Join(s, "×")
}

// pyShape formats a shape as numpy prints it: (3,), (2, 3).
func pyShape(shape []int) string {
	s := make([]string, len(shape))
	for i, v := range shape {
		s[i] = strconv.Itoa(v)
	}
	if len(s) == 1 {
		return "(" + s[0] + ",)"
	}
	return "(" + strings.Join(s, ", ") + ")"
}

// checkFinite returns an error naming the first NaN or infinite entry of a
// point of shape r×c.
func checkFinite(x []float64, c int) error {
	for k, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			what := "NaN"
			if math.IsInf(v, 0) {
				what = "infinite"
			}
			if c > 1 {
				return fmt.Errorf("entry (%d, %d) is %s", k/c, k%c, what)
			}
			return fmt.Errorf("entry %d is %s", k, what)
		}
	}
	return nil
}

// readWeights reads weights given inline ("1,2,0.5") or as a file (.npy
// of shape (N,) or (N, 1); .json array; any other file: numbers separated
// by commas, spaces or newlines). It checks the count against n and that
// the weights are finite, non-negative and not all zero.
func readWeights(spec string, n int) ([]float64, error) {
	var w []float64
	src := "--weights"
	if ws, ok := parseNumberList(spec); ok {
		w = ws
	} else {
		src = spec
		b, err := os.ReadFile(spec)
		if err != nil {
			return nil, unwrapPathError(spec, err)
		}
		switch ext(spec) {
		case "npy":
			shape, data, err := readNPY(bytes.NewReader(b), int64(len(b)))
			if err != nil {
				return nil, fmt.Errorf("%s: %v", spec, err)
			}
			if len(shape) != 1 && !(len(shape) == 2 && shape[1] == 1) {
				return nil, fmt.Errorf("%s: weights have shape %s, want (N,)", spec, pyShape(shape))
			}
			w = data
		case "json":
			if err := json.Unmarshal(b, &w); err != nil {
				return nil, fmt.Errorf("%s: not a JSON array of numbers: %v", spec, jsonErr(err))
			}
		default:
			var ok bool
			if w, ok = parseNumberList(string(b)); !ok {
				return nil, fmt.Errorf("%s: weights must be numbers separated by commas, spaces or newlines", spec)
			}
		}
	}
	if len(w) != n {
		return nil, fmt.Errorf("%s: %d weights for %d points", src, len(w), n)
	}
	sum := 0.0
	for i, v := range w {
		if math.IsNaN(v) || math.IsInf(v, 0) || v < 0 {
			return nil, fmt.Errorf("%s: weight %d is %v, want a finite number ≥ 0", src, i, v)
		}
		sum += v
	}
	if sum == 0 {
		return nil, fmt.Errorf("%s: all weights are zero", src)
	}
	return w, nil
}

// parseNumberList parses numbers separated by commas and white space.
func parseNumberList(s string) ([]float64, bool) {
	fields := strings.FieldsFunc(s, func(r rune) bool {
		return r == ',' || r == ' ' || r == '\t' || r == '\n' || r == '\r'
	})
	if len(fields) == 0 {
		return nil, false
	}
	out := make([]float64, len(fields))
	for i, f := range fields {
		v, err := strconv.ParseFloat(f, 64)
		if err != nil {
			return nil, false
		}
		out[i] = v
	}
	return out, true
}
