package linalg

import "github.com/geodesic-go/geodesic/manifold"

const errBlock = manifold.Error("linalg: block outside the matrix")

// checkBlock panics unless the r×c block at (i0, j0) lies inside a
// row-major matrix with cols columns held in a, and m (the block's own
// storage) has length r*c.
func checkBlock(m, a []float64, cols, i0, j0, r, c int) {
	if i0 < 0 || j0 < 0 || r < 0 || c < 0 || j0+c > cols || (r > 0 && c > 0 && (i0+r)*cols > len(a)) {
		panic(errBlock)
	}
	checkLen(m, r*c)
}

// GetBlock copies the r×c block of the row-major matrix a (cols columns)
// whose top-left entry is a[i0][j0] into dst (r×c, row-major): dst[i][j] =
// a[i0+i][j0+j]. dst must not overlap a. An empty block (r or c zero) is
// allowed. GetBlock panics if the block does not lie inside a or
// len(dst) ≠ r·c.
func GetBlock(dst, a []float64, cols, i0, j0, r, c int) {
	checkBlock(dst, a, cols, i0, j0, r, c)
	for i := range r {
		copy(dst[i*c:(i+1)*c], a[(i0+i)*cols+j0:(i0+i)*cols+j0+c])
	}
}

// SetBlock copies the r×c row-major matrix b into the block of the
// row-major matrix a (cols columns) whose top-left entry is a[i0][j0]:
// a[i0+i][j0+j] = b[i][j]; the rest of a is unchanged. b must not overlap
// a. SetBlock panics if the block does not lie inside a or len(b) ≠ r·c.
func SetBlock(a []float64, cols, i0, j0 int, b []float64, r, c int) {
	checkBlock(b, a, cols, i0, j0, r, c)
	for i := range r {
		copy(a[(i0+i)*cols+j0:(i0+i)*cols+j0+c], b[i*c:(i+1)*c])
	}
}
