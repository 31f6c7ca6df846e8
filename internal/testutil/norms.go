package testutil

import "math"

// DiffNorm returns ‖a − b‖_F = √(Σ (aᵢ − bᵢ)²), accumulated left to right
// in plain float64 (no scaling: the tests' values are far from overflow).
// b must be at least as long as a.
func DiffNorm(a, b []float64) float64 {
	var s float64
	for i := range a {
		d := a[i] - b[i]
		s += d * d
	}
	return math.Sqrt(s)
}

// Frob returns ‖a‖_F = √(Σ aᵢ²), accumulated left to right in plain
// float64: bit for bit DiffNorm(a, 0), since aᵢ − 0 = aᵢ exactly.
func Frob(a []float64) float64 {
	var s float64
	for _, v := range a {
		s += v * v
	}
	return math.Sqrt(s)
}
