package linalg

import (
	"errors"
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/manifold"
)

// ErrSingular is returned by the Sylvester and Lyapunov solvers when the
// equation is singular to working precision (an eigenvalue sum λᵢ + μⱼ is
// zero relative to the size of the coefficients). The solution written is
// then the documented fallback of each solver.
var ErrSingular = errors.New("linalg: Sylvester equation is singular to working precision")

// Panics for programming errors. They are constants so that the checks on
// the hot paths never allocate.
const (
	errLength    = manifold.Error("linalg: slice length mismatch")
	errDim       = manifold.Error("linalg: dimension must be ≥ 1")
	errNegDim    = manifold.Error("linalg: negative dimension")
	errTall      = manifold.Error("linalg: need n ≥ p")
	errOverlap   = manifold.Error("linalg: outputs must not overlap")
	errPoolClass = manifold.Error("linalg: negative workspace size")
)

// Data-dependent failures, allocated once.
var (
	errSVDNotConverged   = fmt.Errorf("linalg: SVD: %w", manifold.ErrNotConverged)
	errEigNotConverged   = fmt.Errorf("linalg: symmetric eigensolver: %w", manifold.ErrNotConverged)
	errSchurNotConverged = fmt.Errorf("linalg: Schur QR iteration: %w", manifold.ErrNotConverged)
	errLogOrthCut        = fmt.Errorf("linalg: LogOrth: eigenvalue −1, the principal logarithm is not unique: %w", manifold.ErrCutLocus)
)

const eps = 0x1p-52 // machine epsilon, 2⁻⁵²

func checkLen(s []float64, want int) {
	if len(s) != want {
		panic(errLength)
	}
}

func checkDim(n int) {
	if n < 1 {
		panic(errDim)
	}
}

// AllFinite reports whether no entry of s is NaN or ±Inf.
func AllFinite(s []float64) bool {
	var acc float64
	for _, v := range s {
		acc += v * 0 // 0 for finite v, NaN for NaN or ±Inf
	}
	return acc == 0
}

// FillNaN sets every entry of s to NaN.
func FillNaN(s []float64) {
	nan := math.NaN()
	for i := range s {
		s[i] = nan
	}
}

// AllZero reports whether every entry of x is zero (of either sign).
func AllZero(x []float64) bool {
	for _, v := range x {
		if v != 0 {
			return false
		}
	}
	return true
}

// MaxAbs returns max |xᵢ| (0 for an empty x), or NaN if some entry is NaN.
func MaxAbs(x []float64) float64 {
	var m float64
	for _, v := range x {
		if v != v {
			return math.NaN()
		}
		m = math.Max(m, math.Abs(v))
	}
	return m
}

// Equal reports whether a and b hold equal values entry by entry (so a NaN
// is never equal, and 0 equals −0). b must be at least as long as a.
func Equal(a, b []float64) bool {
	b = b[:len(a)]
	for i, v := range a {
		if v != b[i] {
			return false
		}
	}
	return true
}
