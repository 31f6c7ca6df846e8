package linalg

import "math"

// SameBits reports whether a and b hold the same bits entry by entry: unlike
// Equal, 0 and −0 differ and a NaN matches a NaN with the same payload. It
// is the test for the exact special cases "Log_X(X) = 0" and
// "Dist(X, X) = 0", which must hold for bitwise-equal inputs only. b must be
// at least as long as a; entries of b beyond len(a) are ignored.
func SameBits(a, b []float64) bool {
	for i, v := range a {
		if math.Float64bits(v) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

// LexLess reports whether a precedes b in lexicographic order: at the first
// index where they differ (compared with !=, so a NaN always differs) a's
// entry is the smaller. It is false when no entry differs, and when the
// first difference involves a NaN. Symmetric functions such as Dist
// evaluate f(x, y) with the arguments in LexLess order, so that swapping
// them gives bitwise the same result. b must be at least as long as a.
func LexLess(a, b []float64) bool {
	for i, v := range a {
		if v != b[i] {
			return v < b[i]
		}
	}
	return false
}
