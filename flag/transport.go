package flag

// Transport writes the projection transport of the horizontal Δ at X to
// the horizontal space at Y,
//
//	T_{X→Y}(Δ) = Proj_Y(Δ) = Δ − Y·(bd(W) + offdiag(sym W)),   W = YᵀΔ
//
// (Absil, Mahony & Sepulchre 2008, §8.1.3), as a lift at the given
// representative Y. It does not use X, is linear, is the identity for
// X = Y on horizontal vectors, and is not an isometry.
func (f *Flag) Transport(dst, x, y, v []float64) {
	f.check4(dst, x, y, v)
	f.Proj(dst, y, v)
}
