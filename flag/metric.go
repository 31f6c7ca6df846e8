package flag

import "github.com/geodesic-go/geodesic/internal/linalg"

// Inner returns the metric
//
//	⟨u, v⟩_X = tr(uᵀv) − (1 − β)·tr((Xᵀu)ᵀ(Xᵀv)),
//
// β = ½ (Canonical) or 1 (Euclidean), which for horizontal u, v is
// β⟨A_u, A_v⟩ + ⟨B_u, B_v⟩ with u = XA_u + X⊥B_u (see Metric). It is the
// Stiefel metric g_β restricted to the horizontal space, which is how the
// quotient metric is defined (Absil, Mahony & Sepulchre 2008, §3.6.2; Ye,
// Wong & Lim 2022; Nguyen 2022). Inputs are not checked for tangency.
func (f *Flag) Inner(x, u, v []float64) float64 {
	f.check3(x, u, v)
	return f.st.Inner(x, u, v)
}

// Norm returns ‖v‖_X = √⟨v, v⟩_X without spurious overflow or underflow
// (vectors with entries up to math.MaxFloat64 or down to the smallest
// subnormal are scaled by a power of two first). A NaN entry gives NaN.
func (f *Flag) Norm(x, v []float64) float64 {
	f.check2(x, v)
	return f.st.Norm(x, v)
}

// Proj writes the orthogonal projection of the ambient n×p matrix Z onto
// the horizontal space at X,
//
//	Proj_X(Z) = Z − X·(bd(W) + offdiag(sym W)),   W = XᵀZ,
//
// where bd keeps the diagonal blocks W_ii = X_iᵀZ_i and offdiag the others,
// sym(W) = (W + Wᵀ)/2. It removes the normal part X·sym(W) of Z (the
// Stiefel projection, Edelman, Arias & Smith 1998, eq. 2.3) and the
// vertical part X·bd(skew W), the motion within the blocks that does not
// change the flag (Ye, Wong & Lim 2022). Both removed spaces are
// g_β-orthogonal to the horizontal space for every β, so this is the
// orthogonal projection for both metrics. Cost: two n×p×p products.
//
// Special case: on a one-point manifold Fl(n; n) the result is zero.
func (f *Flag) Proj(dst, x, z []float64) {
	f.check3(dst, x, z)
	if f.point() {
		clear(dst)
		return
	}
	f.normalCorrect(dst, x, z, 0)
}

// EGradToRGrad writes the Riemannian gradient for the configured metric
// from the Euclidean gradient G = ∇f(X) of a smooth function of n×p
// matrices,
//
//	grad f(X) = G − X·(bd(W) + offdiag(sym(W) + (1 − 1/β)·skew(W))),   W = XᵀG,
//
// that is (I − XXᵀ)G + X·offdiag(skew W)/β: the horizontal vector with
// g_β(grad f, Δ) = tr(GᵀΔ) for every horizontal Δ. It is the horizontal
// part of the Stiefel gradient G − X(sym W + (1 − 1/β)skew W) (Ye, Wong
// & Lim 2022; Nguyen 2022; Absil, Mahony & Sepulchre 2008, §3.6.2); for a
// function with f(XQ) = f(X) for block-diagonal orthogonal Q the Stiefel
// gradient is already horizontal. For the canonical metric the off-diagonal
// blocks of the correction are those of Wᵀ, and for Euclidean those of
// sym(W).
//
// Special case: on a one-point manifold the result is zero.
func (f *Flag) EGradToRGrad(dst, x, egrad []float64) {
	f.check3(dst, x, egrad)
	if f.point() {
		clear(dst)
		return
	}
	f.normalCorrect(dst, x, egrad, 1-1/f.beta)
}

// EHessToRHess writes the horizontal lift of the Riemannian Hessian-vector
// product Hess f(X)[Δ], given egrad = ∇f(X), ehess = ∇²f(X)[Δ] and a
// horizontal Δ: the horizontal projection of the Hessian of f on the
// Stiefel manifold with the metric g_β,
//
//	Hess f(X)[Δ] = Proj_X(Hess_St f(X)[Δ])
//
// (for a Riemannian submersion the lift of the quotient Hessian of an
// invariant f is the horizontal part of the total-space Hessian: Absil,
// Mahony & Sepulchre 2008, Prop. 5.3.4; Boumal 2023, ch. 9; for flags Ye,
// Wong & Lim 2022 and Nguyen 2022). The Stiefel Hessian is that of
// stiefel.Stiefel.EHessToRHess. For a function that is not invariant under
// the block rotations this is still a symmetric operator on the
// horizontal space and gives the second derivative of f along the
// geodesics t ↦ Exp_X(tΔ), which are Stiefel geodesics.
//
// Special case: on a one-point manifold the result is zero.
func (f *Flag) EHessToRHess(dst, x, egrad, ehess, v []float64) {
	f.check1(dst)
	f.check4(x, egrad, ehess, v)
	if f.point() {
		clear(dst)
		return
	}
	h := linalg.GetFloats(f.n * f.p) // dst may alias x
	defer linalg.PutFloats(h)
	f.st.EHessToRHess(*h, x, egrad, ehess, v)
	f.normalCorrect(dst, x, *h, 0)
}
