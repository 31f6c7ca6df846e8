package hyperbolic

// Project writes x with its height raised to at least HalfSpaceMinHeight:
// the points with x_n ≥ HalfSpaceMinHeight are left alone, the others
// (including x_n ≤ 0) are moved vertically onto the height
// HalfSpaceMinHeight. A NaN entry gives a NaN entry.
func (h *HalfSpace) Project(dst, x []float64) {
	h.check(dst, x)
	copy(dst, x)
	last := h.n - 1
	dst[last] = max(dst[last], HalfSpaceMinHeight)
}
