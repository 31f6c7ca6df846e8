package linalg_test

import (
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

func TestPool(t *testing.T) {
	for _, n := range []int{0, 1, 2, 3, 4, 5, 7, 8, 9, 100, 1000, 1025} {
		s := linalg.GetFloats(n)
		if len(*s) != n {
			t.Fatalf("GetFloats(%d): len %d", n, len(*s))
		}
		for i := range *s {
			(*s)[i] = 7
		}
		linalg.PutFloats(s)
		z := linalg.GetFloatsZeroed(n)
		if len(*z) != n {
			t.Fatalf("GetFloatsZeroed(%d): len %d", n, len(*z))
		}
		for i, v := range *z {
			if v != 0 {
				t.Fatalf("GetFloatsZeroed(%d)[%d] = %v", n, i, v)
			}
		}
		linalg.PutFloats(z)
		is := linalg.GetInts(n)
		if len(*is) != n {
			t.Fatalf("GetInts(%d): len %d", n, len(*is))
		}
		linalg.PutInts(is)
	}
	// A foreign slice with a capacity that is not a power of two must be
	// served only for requests it can hold.
	odd := make([]float64, 5, 6)
	linalg.PutFloats(&odd)
	for range 10 {
		s := linalg.GetFloats(8)
		if len(*s) != 8 {
			t.Fatalf("len %d", len(*s))
		}
		linalg.PutFloats(s)
	}
	linalg.PutFloats(nil)
	mustPanic(t, "GetFloats(-1)", func() { linalg.GetFloats(-1) })
	mustPanic(t, "GetInts(-1)", func() { linalg.GetInts(-1) })
}
