package flag

// Exp writes the exponential map of the configured metric: the point at
// time 1 of the flag geodesic leaving X with horizontal velocity Δ.
//
// The quotient map St(n, p) → Fl is a Riemannian submersion for the metric
// g_β, so a Stiefel geodesic that starts horizontal stays horizontal and
// projects to a flag geodesic (O'Neill 1966; Boumal 2023, ch. 9; Ye, Wong
// & Lim 2022 and Nguyen 2022 for flags). Exp is therefore the closed-form
// Stiefel geodesic of stiefel.Stiefel.Exp (Edelman, Arias & Smith 1998;
// Zimmermann & Hüper 2022),
//
//	Exp_X(Δ) = [X Q]·expm([[2βA, −Bᵀ], [B, 0]])·[I; 0]·expm((1 − 2β)A),
//
// A = XᵀΔ (zero diagonal blocks), QB = (I − XXᵀ)Δ a thin QR. For the
// canonical metric (β = ½) the last factor is I and the geodesic is the
// one-parameter subgroup t ↦ expm(tΩ)X, Ω = PΔXᵀ − XΔᵀP, P = I − ½XXᵀ
// (Edelman, Arias & Smith 1998, §2.4). For p = n it is X·expm(A). For a
// one-block flag (Gr(n, p)) it is grassmann.Grassmann.Exp, the same
// geodesic. The representative returned is the one on the horizontal lift
// through X. It agrees with an RK4 integration of the geodesic equation
// to 1e-11 (see the package documentation).
//
// Δ is assumed horizontal (see Proj): a vertical component (within the
// blocks) or a normal one (X·sym(XᵀΔ)) is not removed and moves the point
// along a Stiefel curve that is not a flag geodesic.
//
// Special cases are:
//
//	Exp(X, 0) = X exactly;
//	huge ‖Δ‖ gives a point of St(n, p) (angles are reduced exactly);
//	on a one-point manifold Exp(X, Δ) = X;
//	a NaN entry gives NaN.
func (f *Flag) Exp(dst, x, v []float64) {
	f.check3(dst, x, v)
	if f.point() {
		copy(dst, x)
		return
	}
	if f.gr != nil {
		f.gr.Exp(dst, x, v)
		return
	}
	f.st.Exp(dst, x, v)
}
