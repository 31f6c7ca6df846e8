package linalg

import (
	"math"

	"gonum.org/v1/gonum/floats"
)

// Bounds of the fast path of Nrm2: inside [nrm2Lo, nrm2Hi] the plain sum of
// squares neither overflowed nor lost anything to underflow that matters.
const (
	nrm2Lo = 0x1p-960
	nrm2Hi = 0x1p960
)

// Nrm2 returns the Euclidean norm ‖x‖₂ = √(Σ xᵢ²) without spurious overflow
// or underflow. It first forms the plain sum of squares (one fused pass);
// only when that sum is outside [2⁻⁹⁶⁰, 2⁹⁶⁰] (or not finite) does it fall
// back to the scaled algorithm of LAPACK's dnrm2 (Blue 1978; Anderson 2017),
// as implemented by gonum's floats.Norm. A NaN entry gives NaN; an infinite
// entry gives +Inf.
func Nrm2(x []float64) float64 {
	s := floats.Dot(x, x)
	if s >= nrm2Lo && s <= nrm2Hi {
		return math.Sqrt(s)
	}
	if s == 0 && !anyNonZero(x) {
		return 0
	}
	return floats.Norm(x, 2)
}

func anyNonZero(x []float64) bool {
	for _, v := range x {
		if v != 0 {
			return true
		}
	}
	return false
}

// SumSq returns Σ xᵢ² (‖x‖₂², the squared Frobenius norm of a matrix held
// in x) by one plain left-to-right pass in float64, without the scaling of
// Nrm2: it overflows to +Inf when the sum exceeds the float64 range and
// loses tiny entries to underflow, but its result depends only on x and
// the order of its entries, not on the BLAS, so values derived from it are
// reproducible bit for bit. The terms being non-negative, the relative
// error is at most γₙ = nε/(1 − nε) for n entries (recursive summation,
// Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., 2002,
// §4.2, plus one rounding per square). A NaN entry gives NaN.
func SumSq(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v * v
	}
	return s
}
