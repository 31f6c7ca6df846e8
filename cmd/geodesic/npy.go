package main

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
)

// The NumPy .npy format (numpy.lib.format): the magic string "\x93NUMPY",
// a major and a minor version byte, the header length (uint16 little-endian
// for version 1.0, uint32 for 2.0 and 3.0), and an ASCII header (UTF-8 in
// 3.0) holding a Python dict literal with exactly the keys 'descr',
// 'fortran_order' and 'shape', padded with spaces and a final newline so
// that the data start at a multiple of 64 bytes. The data follow as raw
// elements. We read and write only little-endian float64 ('<f8') in C order,
// the default of numpy.save for float arrays.

const npyMagic = "\x93NUMPY"

// npyMaxElems bounds the element count we accept from a header, so that a
// corrupt or hostile header cannot make us allocate absurd amounts.
const npyMaxElems = 1 << 31

// writeNPY writes data as an array of the given shape: version 1.0, or 2.0
// if the header does not fit in 65535 bytes.
func writeNPY(w io.Writer, shape []int, data []float64) error {
	n := 1
	for _, s := range shape {
		if s < 0 {
			return fmt.Errorf("npy: negative dimension %d in shape %v", s, shape)
		}
		n *= s
	}
	if n != len(data) {
		return fmt.Errorf("npy: shape %v holds %d values, have %d", shape, n, len(data))
	}
	var dims []string
	for _, s := range shape {
		dims = append(dims, strconv.Itoa(s))
	}
	tuple := "(" + strings.Join(dims, ", ") + ")"
	if len(shape) == 1 {
		tuple = "(" + dims[0] + ",)"
	}
	dict := "{'descr': '<f8', 'fortran_order': False, 'shape': " + tuple + ", }"
	major, lenBytes := byte(1), 2
	padded := func() string {
		total := len(npyMagic) + 2 + lenBytes + len(dict) + 1
		return dict + strings.Repeat(" ", (64-total%64)%64) + "\n"
	}
	header := padded()
	if len(header) > math.MaxUint16 {
		major, lenBytes = 2, 4
		header = padded()
	}

	buf := make([]byte, 0, len(npyMagic)+2+lenBytes+len(header)+8*len(data))
	buf = append(buf, npyMagic...)
	buf = append(buf, major, 0)
	if lenBytes == 2 {
		buf = binary.LittleEndian.AppendUint16(buf, uint16(len(header)))
	} else {
		buf = binary.LittleEndian.AppendUint32(buf, uint32(len(header)))
	}
	buf = append(buf, header...)
	for _, v := range data {
		buf = binary.LittleEndian.AppendUint64(buf, math.Float64bits(v))
	}
	_, err := w.Write(buf)
	return err
}

// readNPY reads a little-endian float64 C-order array. size is the number
// of bytes available in r (the file size), or −1 if unknown; when known it
// is checked against the header before anything large is allocated.
// Errors say what is wrong, without a file name (the caller adds it).
func readNPY(r io.Reader, size int64) (shape []int, data []float64, err error) {
	var pre [10]byte
	if _, err := io.ReadFull(r, pre[:8]); err != nil {
		return nil, nil, errors.New("not a .npy file (too short for the magic string and version)")
	}
	if string(pre[:6]) != npyMagic {
		return nil, nil, errors.New("not a .npy file (no \\x93NUMPY magic string)")
	}
	major, minor := pre[6], pre[7]
	var hlen, prefix int
	switch major {
	case 1:
		if _, err := io.ReadFull(r, pre[8:10]); err != nil {
			return nil, nil, errors.New("truncated .npy header")
		}
		hlen, prefix = int(binary.LittleEndian.Uint16(pre[8:10])), 10
	case 2, 3:
		var l [4]byte
		if _, err := io.ReadFull(r, l[:]); err != nil {
			return nil, nil, errors.New("truncated .npy header")
		}
		hlen, prefix = int(binary.LittleEndian.Uint32(l[:])), 12
	default:
		return nil, nil, fmt.Errorf("unsupported .npy format version %d.%d (want 1.0, 2.0 or 3.0)", major, minor)
	}
	if minor != 0 {
		return nil, nil, fmt.Errorf("unsupported .npy format version %d.%d (want 1.0, 2.0 or 3.0)", major, minor)
	}
	if size >= 0 && int64(prefix+hlen) > size {
		return nil, nil, fmt.Errorf("truncated .npy header: header length %d exceeds the file", hlen)
	}
	if hlen > 1<<24 {
		return nil, nil, fmt.Errorf("implausible .npy header length %d", hlen)
	}
	hb := make([]byte, hlen)
	if _, err := io.ReadFull(r, hb); err != nil {
		return nil, nil, errors.New("truncated .npy header")
	}
	h, err := parseNPYHeader(string(hb))
	if err != nil {
		return nil, nil, fmt.Errorf("bad .npy header: %v", err)
	}
	switch {
	case h.descr == ">f8":
		return nil, nil, errors.New("dtype '>f8' (big-endian float64) is not supported; save a little-endian copy, a.astype('<f8')")
	case h.descr != "<f8":
		return nil, nil, fmt.Errorf("dtype '%s' is not supported, only little-endian float64 '<f8'; convert with a.astype('<f8')", h.descr)
	}
	if h.fortran && countNonTrivial(h.shape) > 1 {
		return nil, nil, errors.New("arrays in Fortran order are not supported; save np.ascontiguousarray(a)")
	}
	n := 1
	for _, s := range h.shape {
		if s > 0 && n > npyMaxElems/s {
			return nil, nil, fmt.Errorf("array of shape %s is too large", pyShape(h.shape))
		}
		n *= s
	}
	if size >= 0 {
		want := int64(prefix+hlen) + 8*int64(n)
		switch {
		case size < want:
			return nil, nil, fmt.Errorf("truncated .npy data: shape %s needs %d bytes of data, the file has %d", pyShape(h.shape), 8*n, size-int64(prefix+hlen))
		case size > want:
			return nil, nil, fmt.Errorf("%d unexpected bytes after the .npy data of shape %s", size-want, pyShape(h.shape))
		}
	}
	raw := make([]byte, 8*n)
	if _, err := io.ReadFull(r, raw); err != nil {
		return nil, nil, fmt.Errorf("truncated .npy data: shape %s needs %d bytes of data", pyShape(h.shape), 8*n)
	}
	if size < 0 {
		var extra [1]byte
		if k, _ := r.Read(extra[:]); k > 0 {
			return nil, nil, fmt.Errorf("unexpected bytes after the .npy data of shape %s", pyShape(h.shape))
		}
	}
	data = make([]float64, n)
	for i := range data {
		data[i] = math.Float64frombits(binary.LittleEndian.Uint64(raw[8*i:]))
	}
	return h.shape, data, nil
}

func countNonTrivial(shape []int) int {
	k := 0
	for _, s := range shape {
		if s > 1 {
			k++
		}
	}
	return k
}

type npyHeader struct {
	descr   string
	fortran bool
	shape   []int
}

// parseNPYHeader parses the Python dict literal of a .npy header, as
// numpy writes it: {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }.
// It accepts either quote character, arbitrary spaces and trailing commas,
// and requires exactly the three keys, as numpy does.
func parseNPYHeader(s string) (npyHeader, error) {
	p := &pyLit{s: strings.TrimRight(s, " \n\x00")}
	var h npyHeader
	seen := map[string]bool{}
	if !p.eat('{') {
		return h, errors.New("header is not a dict literal")
	}
	for {
		if p.eat('}') {
			break
		}
		key, err := p.str()
		if err != nil {
			return h, fmt.Errorf("dict key: %v", err)
		}
		if seen[key] {
			return h, fmt.Errorf("duplicate key %q", key)
		}
		seen[key] = true
		if !p.eat(':') {
			return h, fmt.Errorf("missing ':' after key %q", key)
		}
		switch key {
		case "descr":
			if p.peek() == '[' {
				return h, errors.New("structured dtypes are not supported (only '<f8')")
			}
			if h.descr, err = p.str(); err != nil {
				return h, fmt.Errorf("descr: %v", err)
			}
		case "fortran_order":
			switch {
			case p.word("True"):
				h.fortran = true
			case p.word("False"):
				h.fortran = false
			default:
				return h, errors.New("fortran_order is neither True nor False")
			}
		case "shape":
			if h.shape, err = p.intTuple(); err != nil {
				return h, fmt.Errorf("shape: %v", err)
			}
		default:
			return h, fmt.Errorf("unexpected key %q", key)
		}
		if !p.eat(',') {
			if !p.eat('}') {
				return h, errors.New("expected ',' or '}'")
			}
			break
		}
	}
	if p.skip(); p.i != len(p.s) {
		return h, errors.New("text after the dict literal")
	}
	for _, k := range []string{"descr", "fortran_order", "shape"} {
		if !seen[k] {
			return h, fmt.Errorf("missing key %q", k)
		}
	}
	return h, nil
}

// pyLit is a cursor over a Python literal.
type pyLit struct {
	s string
	i int
}

func (p *pyLit) skip() {
	for p.i < len(p.s) && (p.s[p.i] == ' ' || p.s[p.i] == '\t' || p.s[p.i] == '\n') {
		p.i++
	}
}

func (p *pyLit) peek() byte {
	p.skip()
	if p.i < len(p.s) {
		return p.s[p.i]
	}
	return 0
}

func (p *pyLit) eat(c byte) bool {
	if p.peek() == c && c != 0 {
		p.i++
		return true
	}
	return false
}

func (p *pyLit) word(w string) bool {
	p.skip()
	if strings.HasPrefix(p.s[p.i:], w) {
		p.i += len(w)
		return true
	}
	return false
}

func (p *pyLit) str() (string, error) {
	q := p.peek()
	if q != '\'' && q != '"' {
		return "", errors.New("expected a quoted string")
	}
	end := strings.IndexByte(p.s[p.i+1:], q)
	if end < 0 {
		return "", errors.New("unterminated string")
	}
	v := p.s[p.i+1 : p.i+1+end]
	if strings.ContainsRune(v, '\\') {
		return "", errors.New("escapes in strings are not supported")
	}
	p.i += end + 2
	return v, nil
}

func (p *pyLit) intTuple() ([]int, error) {
	if !p.eat('(') {
		return nil, errors.New("expected a tuple")
	}
	out := []int{}
	for {
		if p.eat(')') {
			return out, nil
		}
		p.skip()
		j := p.i
		for j < len(p.s) && p.s[j] >= '0' && p.s[j] <= '9' {
			j++
		}
		// Python 2 era files may write long integers as 3L.
		v, err := strconv.Atoi(p.s[p.i:j])
		if err != nil {
			return nil, fmt.Errorf("%q is not a non-negative integer", p.s[p.i:min(j+1, len(p.s))])
		}
		p.i = j
		if p.i < len(p.s) && p.s[p.i] == 'L' {
			p.i++
		}
		out = append(out, v)
		if !p.eat(',') {
			if !p.eat(')') {
				return nil, errors.New("expected ',' or ')'")
			}
			return out, nil
		}
	}
}
