package linalg_test

import (
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// TestGetSetBlock compares GetBlock with gonum's mat.Dense.Slice (an
// independent route) for every block of a 5×7 matrix, checks that SetBlock
// writes exactly the block and nothing else, and that bad blocks panic.
func TestGetSetBlock(t *testing.T) {
	rng := newRand()
	const rows, cols = 5, 7
	a := randMat(rng, rows, cols)
	ref := dense(rows, cols, a)
	for i0 := 0; i0 <= rows; i0++ {
		for j0 := 0; j0 <= cols; j0++ {
			for r := 0; i0+r <= rows; r++ {
				for c := 0; j0+c <= cols; c++ {
					got := make([]float64, r*c)
					linalg.GetBlock(got, a, cols, i0, j0, r, c)
					if r > 0 && c > 0 {
						want := flat(ref.Slice(i0, i0+r, j0, j0+c))
						for k := range got {
							if got[k] != want[k] {
								t.Fatalf("GetBlock (%d,%d) %d×%d: entry %d = %v, want %v", i0, j0, r, c, k, got[k], want[k])
							}
						}
					}
					b := randMat(rng, r, c)
					dst := append([]float64(nil), a...)
					linalg.SetBlock(dst, cols, i0, j0, b, r, c)
					for i := range rows {
						for j := range cols {
							want := a[i*cols+j]
							if i >= i0 && i < i0+r && j >= j0 && j < j0+c {
								want = b[(i-i0)*c+j-j0]
							}
							if dst[i*cols+j] != want {
								t.Fatalf("SetBlock (%d,%d) %d×%d: entry (%d,%d) = %v, want %v", i0, j0, r, c, i, j, dst[i*cols+j], want)
							}
						}
					}
				}
			}
		}
	}
	buf := make([]float64, 4)
	mustPanic(t, "GetBlock past the last column", func() { linalg.GetBlock(buf, a, cols, 0, 6, 2, 2) })
	mustPanic(t, "GetBlock past the last row", func() { linalg.GetBlock(buf, a, cols, 4, 0, 2, 2) })
	mustPanic(t, "GetBlock negative origin", func() { linalg.GetBlock(buf, a, cols, -1, 0, 2, 2) })
	mustPanic(t, "GetBlock wrong dst length", func() { linalg.GetBlock(buf[:3], a, cols, 0, 0, 2, 2) })
	mustPanic(t, "SetBlock past the last column", func() { linalg.SetBlock(a, cols, 0, 6, buf, 2, 2) })
	mustPanic(t, "SetBlock wrong source length", func() { linalg.SetBlock(a, cols, 0, 0, buf, 1, 2) })
	if testing.CoverMode() == "" && !raceEnabled {
		if n := testing.AllocsPerRun(20, func() { linalg.GetBlock(buf, a, cols, 1, 2, 2, 2) }); n != 0 {
			t.Errorf("GetBlock allocates %v times", n)
		}
	}
}
