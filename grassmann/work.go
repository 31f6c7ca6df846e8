package grassmann

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// eps is the machine epsilon 2⁻⁵².
const eps = 0x1p-52

// arena hands out consecutive pieces of one pooled slice, so that a method
// needing several temporaries makes one pool round trip and allocates
// nothing after warm-up.
type arena struct {
	buf  *[]float64
	rest []float64
}

func newArena(n int) arena {
	b := linalg.GetFloats(n)
	return arena{buf: b, rest: *b}
}

// take returns the next k elements (contents unspecified).
func (a *arena) take(k int) []float64 {
	s := a.rest[:k:k]
	a.rest = a.rest[k:]
	return s
}

func (a *arena) release() { linalg.PutFloats(a.buf) }

// allZero reports whether every entry of x is zero (either sign).
func allZero(x []float64) bool {
	for _, v := range x {
		if v != 0 {
			return false
		}
	}
	return true
}

// same reports whether x and y hold equal values entry by entry (so the same
// bits up to the sign of zeros; a NaN is never equal).
func same(x, y []float64) bool {
	y = y[:len(x)]
	for i, v := range x {
		if v != y[i] {
			return false
		}
	}
	return true
}

// fillNaN sets every entry of x to NaN.
func fillNaN(x []float64) {
	nan := math.NaN()
	for i := range x {
		x[i] = nan
	}
}

// projInto writes dst = x − Y(Yᵀx) for the n×p matrices Y and x, using the
// n×p workspace t and the p×p workspace m. dst may alias y or x.
func projInto(dst, y, x, t, m []float64, n, p int) {
	linalg.MulAtB(m, y, x, p, n, p)
	linalg.Mul(t, y, m, n, p, p)
	for i, v := range x {
		dst[i] = v - t[i]
	}
}
