package main

import (
	"bytes"
	"math"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"
)

func TestNPYRoundTrip(t *testing.T) {
	cases := []struct {
		shape []int
		dict  string
	}{
		{[]int{3}, "{'descr': '<f8', 'fortran_order': False, 'shape': (3,), }"},
		{[]int{2, 3}, "{'descr': '<f8', 'fortran_order': False, 'shape': (2, 3), }"},
		{[]int{4, 3, 2}, "{'descr': '<f8', 'fortran_order': False, 'shape': (4, 3, 2), }"},
		{[]int{0, 5}, "{'descr': '<f8', 'fortran_order': False, 'shape': (0, 5), }"},
	}
	for _, tc := range cases {
		n := prod(tc.shape)
		data := make([]float64, n)
		for i := range data {
			data[i] = float64(i)*1.25 - 3
		}
		if n > 2 {
			data[1], data[2] = math.Inf(-1), math.SmallestNonzeroFloat64
		}
		var buf bytes.Buffer
		require.NoError(t, writeNPY(&buf, tc.shape, data))

		// Independent check of the bytes.
		got := parseTestNPY(t, buf.Bytes())
		assert.Equal(t, 1, got.major)
		assert.Equal(t, tc.dict, got.dict)
		assert.Equal(t, tc.shape, got.shape)
		assert.Equal(t, data, append([]float64{}, got.data...))

		// And our reader.
		shape, back, err := readNPY(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
		require.NoError(t, err)
		assert.Equal(t, tc.shape, shape)
		assert.Equal(t, data, back)
		// Reading from a stream of unknown size gives the same.
		shape, back, err = readNPY(bytes.NewReader(buf.Bytes()), -1)
		require.NoError(t, err)
		assert.Equal(t, tc.shape, shape)
		assert.Equal(t, data, back)
	}
}

// A header longer than 65535 bytes needs format version 2.0 (a uint32
// header length); a shape of 25,000 ones makes one.
func TestNPYVersion2(t *testing.T) {
	shape := make([]int, 25000)
	for i := range shape {
		shape[i] = 1
	}
	var buf bytes.Buffer
	require.NoError(t, writeNPY(&buf, shape, []float64{42}))
	got := parseTestNPY(t, buf.Bytes())
	assert.Equal(t, 2, got.major)
	assert.Greater(t, got.headLen, 65535)
	assert.Equal(t, []float64{42}, got.data)
	s, data, err := readNPY(bytes.NewReader(buf.Bytes()), int64(buf.Len()))
	require.NoError(t, err)
	assert.Equal(t, shape, s)
	assert.Equal(t, []float64{42}, data)
}

// Headers as other writers spell them: double quotes, no trailing comma,
// another key order, Fortran order of a vector (the same bytes as C order).
func TestNPYReadVariants(t *testing.T) {
	for _, dict := range []string{
		`{"descr": "<f8", "fortran_order": False, "shape": (2, 2)}`,
		`{'shape': (2, 2), 'fortran_order': False, 'descr': '<f8'}`,
		`{'descr':'<f8','fortran_order':False,'shape':(2,2),}`,
	} {
		b := rawNPY(dict, []float64{1, 2, 3, 4}, nil)
		shape, data, err := readNPY(bytes.NewReader(b), int64(len(b)))
		require.NoError(t, err, dict)
		assert.Equal(t, []int{2, 2}, shape)
		assert.Equal(t, []float64{1, 2, 3, 4}, data)
	}
	b := rawNPY("{'descr': '<f8', 'fortran_order': True, 'shape': (1, 3), }", []float64{1, 2, 3}, nil)
	_, data, err := readNPY(bytes.NewReader(b), int64(len(b)))
	require.NoError(t, err)
	assert.Equal(t, []float64{1, 2, 3}, data)
}

func TestNPYErrors(t *testing.T) {
	f8 := func(shape string) string {
		return "{'descr': '<f8', 'fortran_order': False, 'shape': " + shape + ", }"
	}
	cases := []struct {
		name string
		file []byte
		want string
	}{
		{"magic", []byte("PK\x03\x04 not numpy at all"), "not a .npy file (no \\x93NUMPY magic string)"},
		{"short", []byte("\x93NU"), "not a .npy file (too short for the magic string and version)"},
		{"version", append([]byte("\x93NUMPY\x04\x00"), make([]byte, 100)...), "unsupported .npy format version 4.0 (want 1.0, 2.0 or 3.0)"},
		{"float32", rawNPY("{'descr': '<f4', 'fortran_order': False, 'shape': (2,), }", nil, make([]byte, 8)),
			"dtype '<f4' is not supported, only little-endian float64 '<f8'; convert with a.astype('<f8')"},
		{"int64", rawNPY("{'descr': '<i8', 'fortran_order': False, 'shape': (1,), }", nil, make([]byte, 8)),
			"dtype '<i8' is not supported, only little-endian float64 '<f8'; convert with a.astype('<f8')"},
		{"big-endian", rawNPY("{'descr': '>f8', 'fortran_order': False, 'shape': (1,), }", nil, make([]byte, 8)),
			"dtype '>f8' (big-endian float64) is not supported; save a little-endian copy, a.astype('<f8')"},
		{"fortran", rawNPY("{'descr': '<f8', 'fortran_order': True, 'shape': (2, 2), }", []float64{1, 2, 3, 4}, nil),
			"arrays in Fortran order are not supported; save np.ascontiguousarray(a)"},
		{"structured", rawNPY("{'descr': [('x', '<f8')], 'fortran_order': False, 'shape': (1,), }", []float64{1}, nil),
			"bad .npy header: structured dtypes are not supported (only '<f8')"},
		{"missing key", rawNPY("{'descr': '<f8', 'shape': (1,), }", []float64{1}, nil), "bad .npy header: missing key \"fortran_order\""},
		{"extra key", rawNPY("{'descr': '<f8', 'fortran_order': False, 'shape': (1,), 'x': 1}", []float64{1}, nil),
			"bad .npy header: unexpected key \"x\""},
		{"bad shape", rawNPY("{'descr': '<f8', 'fortran_order': False, 'shape': (-1,), }", nil, nil),
			"bad .npy header: shape: \"-\" is not a non-negative integer"},
		{"truncated", rawNPY(f8("(2, 3)"), []float64{1, 2, 3}, nil),
			"truncated .npy data: shape (2, 3) needs 48 bytes of data, the file has 24"},
		{"trailing", rawNPY(f8("(1,)"), []float64{1, 2}, nil), "8 unexpected bytes after the .npy data of shape (1,)"},
		{"huge", rawNPY(f8("(100000, 100000, 100000)"), nil, nil), "array of shape (100000, 100000, 100000) is too large"},
	}
	for _, tc := range cases {
		_, _, err := readNPY(bytes.NewReader(tc.file), int64(len(tc.file)))
		if assert.Error(t, err, tc.name) {
			assert.Equal(t, tc.want, err.Error(), tc.name)
		}
	}
	// Truncation is also caught without the size.
	b := rawNPY(f8("(2, 3)"), []float64{1, 2, 3}, nil)
	_, _, err := readNPY(bytes.NewReader(b), -1)
	require.Error(t, err)
	assert.True(t, strings.HasPrefix(err.Error(), "truncated .npy data"), err.Error())
}
