package hyperbolic

import "github.com/geodesic-go/geodesic/internal/linalg"

// Inner returns ⟨u, v⟩_x = uᵀv/(c·x_n²).
func (h *HalfSpace) Inner(x, u, v []float64) float64 {
	h.check(x, u, v)
	k := h.r / x[h.n-1]
	return (dot(u, v) * k) * k
}

// Norm returns ‖v‖_x = ‖v‖₂/(√c·x_n), without spurious overflow or
// underflow in ‖v‖₂. Special cases are: Norm(x, v) = NaN if an entry of v
// is NaN.
func (h *HalfSpace) Norm(x, v []float64) float64 {
	h.check(x, v)
	return (linalg.Nrm2(v) / x[h.n-1]) * h.r
}

// Proj writes z: every tangent space of the half-space is Rⁿ.
func (h *HalfSpace) Proj(dst, x, z []float64) {
	h.check(dst, x, z)
	copy(dst, z)
}

// EGradToRGrad writes the Riemannian gradient grad f(x) = c·x_n²·∇f(x), the
// inverse of the conformal metric applied to the Euclidean gradient.
func (h *HalfSpace) EGradToRGrad(dst, x, egrad []float64) {
	h.check(dst, x, egrad)
	xn := x[h.n-1]
	k := (h.c * xn) * xn
	for i, g := range egrad {
		dst[i] = k * g
	}
}

// EHessToRHess writes the Riemannian Hessian-vector product
//
//	Hess f(x)[v] = c·x_n²·∇²f(x)[v] + c·x_n·(v_n·g − g_n·v + (vᵀg)·e_n),
//
// g = ∇f(x), given egrad = g and ehess = ∇²f(x)[v]: the formula of
// PoincareBall.EHessToRHess for the conformal metric e^{2φ}I, here with
// φ = −ln(√c·x_n) and ∇φ = −e_n/x_n.
func (h *HalfSpace) EHessToRHess(dst, x, egrad, ehess, v []float64) {
	h.check(dst, x, egrad, ehess, v)
	last := h.n - 1
	xn := x[last]
	vn, gn := v[last], egrad[last]
	vg := dot(v, egrad)
	k := (h.c * xn) * xn
	m := h.c * xn
	for i, e := range ehess {
		dst[i] = k*e + m*(vn*egrad[i]-gn*v[i])
	}
	dst[last] += m * vg
}
