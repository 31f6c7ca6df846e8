package grassmann

import (
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

// Retract writes R_Y(Δ) for the configured retraction (Polar unless
// WithRetraction says otherwise).
func (g *Grassmann) Retract(dst, y, v []float64) {
	switch g.retr {
	case QR:
		g.RetractQR(dst, y, v)
	case Exponential:
		g.Exp(dst, y, v)
	default:
		g.RetractPolar(dst, y, v)
	}
}

// polarFastMax is the largest ‖Δ‖_F for which RetractPolar uses the
// eigendecomposition of ΔᵀΔ; beyond it, the SVD of Δ.
const polarFastMax = 1

// RetractPolar writes the polar retraction
//
//	R_Y(Δ) = (Y + Δ)(I + ΔᵀΔ)^{-1/2},
//
// the orthonormal polar factor of Y + Δ, i.e. the n×p matrix with
// orthonormal columns nearest to Y + Δ, for horizontal Δ. It agrees with
// Exp_Y(Δ) to second order: it is the metric projection of Y + Δ onto the
// Stiefel manifold, a second-order retraction there (Absil & Malick 2012,
// "Projection-like retractions on matrix manifolds"), and horizontal
// geodesics of the Stiefel manifold at Y are those of Gr(n, p) (Edelman,
// Arias & Smith 1998, §2.5). With Δ = UΣVᵀ it equals
// Y·V·cos Φ·Vᵀ + U·sin Φ·Vᵀ with Φ = arctan Σ: the geodesic step with each
// angle σ replaced by arctan σ.
//
// Computation: for ‖Δ‖_F ≤ 1 as M(MᵀM)^{-1/2}, M = Y + Δ, from the
// symmetric eigendecomposition of MᵀM (cheap: two n×p·p×p products besides
// p×p work), which is the polar factor of M even when Δ is not exactly
// horizontal or Y not exactly orthonormal, and leaves ‖R_YᵀR_Y − I‖ at a
// few ε; for larger Δ from the thin SVD of Δ
// by the arctan form above (with the noise handling and the Newton–Schulz
// step of Exp), which stays orthonormal to rounding for any ‖Δ‖, including
// huge ones (R_Y(tΔ) → span(Δ) as t → ∞ for Δ of rank p). Both give the
// same representative, and span(R_Y(Δ)) = span(Y + Δ) to rounding.
//
// Special cases are:
//
//	RetractPolar(Y, 0) = Y exactly;
//	on Gr(n, n) the result is Y;
//	a NaN entry gives NaN.
func (g *Grassmann) RetractPolar(dst, y, v []float64) {
	g.check(dst, y, v)
	n, p := g.n, g.p
	if p == n || linalg.AllZero(v) {
		copy(dst, y)
		return
	}
	if !(linalg.Nrm2(v) <= polarFastMax) {
		g.geodesicStep(dst, y, v, true)
		return
	}
	// The polar factor of M = Y + Δ is M(MᵀM)^{-1/2}. MᵀM is formed from M
	// itself rather than as I + ΔᵀΔ: that is the same matrix for horizontal
	// Δ and orthonormal Y, but a Δ with a small vertical part (a projection
	// rounds to one) or a Y slightly off the manifold would otherwise leave
	// the result off the manifold by that much, an error that feeds back and
	// grows along an iteration.
	ar := linalg.NewArena(n*p + 3*p*p + p)
	defer ar.Release()
	gm, z, f := ar.Take(p*p), ar.Take(p*p), ar.Take(p*p)
	w, a := ar.Take(p), ar.Take(n*p)
	for i, yi := range y {
		a[i] = yi + v[i]
	}
	linalg.MulAtB(gm, a, a, p, n, p)
	if err := linalg.EigSym(w, z, gm, p); err != nil || !(w[0] > 0) {
		g.geodesicStep(dst, y, v, true)
		return
	}
	linalg.SymFuncEig(f, w, z, p, invSqrt)
	linalg.Mul(dst, a, f, n, p, p)
}

// invSqrt returns λ^{-1/2}; RetractPolar calls it only for λ > 0.
func invSqrt(l float64) float64 { return 1 / math.Sqrt(l) }

// RetractQR writes the QR retraction
//
//	R_Y(Δ) = qf(Y + Δ),
//
// the Q factor of the thin QR factorisation Y + Δ = QR with the diagonal of
// R positive (Absil, Mahony & Sepulchre 2008, §4.1; Edelman, Arias & Smith
// 1998, §2.2.2). It spans the same subspace as RetractPolar, so on
// Gr(n, p) it is the same second-order retraction with another
// representative; it is cheaper (one Householder QR) and is the usual choice
// when the representative does not matter.
//
// Special cases are: RetractQR(Y, 0) = Y exactly; on Gr(n, n) the result
// is Y; a NaN entry gives NaN.
func (g *Grassmann) RetractQR(dst, y, v []float64) {
	g.check(dst, y, v)
	n, p := g.n, g.p
	if p == n || linalg.AllZero(v) {
		copy(dst, y)
		return
	}
	a := linalg.GetFloats(n * p)
	defer linalg.PutFloats(a)
	for i, yi := range y {
		(*a)[i] = yi + v[i]
	}
	linalg.QR(dst, nil, *a, n, p)
}

// RetractExp writes Exp_Y(Δ); it is the retraction selected by Exponential.
func (g *Grassmann) RetractExp(dst, y, v []float64) { g.Exp(dst, y, v) }

// InverseRetract writes the inverse of the configured retraction: Log for
// Exponential, InverseRetractPolar (the same as InverseRetractQR) otherwise.
func (g *Grassmann) InverseRetract(dst, x, y []float64) error {
	if g.retr == Exponential {
		return g.Log(dst, x, y)
	}
	return g.inverseSpan(dst, x, y, "InverseRetractPolar")
}

// InverseRetractPolar writes the horizontal Δ at X with span(R_X(Δ)) =
// span(Y) for the polar retraction:
//
//	Δ = (I − XXᵀ)·Y·(XᵀY)⁻¹,
//
// the unique horizontal vector with span(X + Δ) = span(Y): X + Δ = Y·C for
// some invertible C, and XᵀΔ = 0 forces I = XᵀY·C. It is the horizontal
// lift at the given representative X, and both retractions map it back to
// span(Y) (RetractPolar gives the representative (X + Δ)(I + ΔᵀΔ)^{-1/2},
// RetractQR another one). With the
// principal angles θ of the two subspaces, ‖Δ‖_F = ‖tan θ‖₂. The result
// does not depend on the representative Y. (I − XXᵀ)Y is the
// doubled-precision residual of PrincipalAngles and (XᵀY)⁻¹ is applied
// through the SVD XᵀY = A·S·Bᵀ, so Δ is accurate relative to its norm for
// nearby subspaces.
//
// Special cases are:
//
//	InverseRetractPolar(X, X) = 0 exactly when the slices hold equal values;
//	on Gr(n, n) the result is 0;
//	if XᵀY is singular to working precision (σ_min(XᵀY) ≤
//	CutLocusTolerance: a principal angle of π/2, where no horizontal Δ
//	exists), it returns an error wrapping manifold.ErrCutLocus and leaves
//	dst unchanged;
//	a NaN entry gives NaN and a nil error.
func (g *Grassmann) InverseRetractPolar(dst, x, y []float64) error {
	return g.inverseSpan(dst, x, y, "InverseRetractPolar")
}

// InverseRetractQR writes the horizontal Δ at X with span(qf(X + Δ)) =
// span(Y). Since the QR and polar retractions span the same subspace, it is
// the same vector as InverseRetractPolar, Δ = (I − XXᵀ)Y(XᵀY)⁻¹, with the
// same special cases.
func (g *Grassmann) InverseRetractQR(dst, x, y []float64) error {
	return g.inverseSpan(dst, x, y, "InverseRetractQR")
}

func (g *Grassmann) inverseSpan(dst, x, y []float64, name string) error {
	g.check(dst, x, y)
	n, p := g.n, g.p
	if p == n || linalg.Equal(x, y) {
		clear(dst)
		return nil
	}
	ar := linalg.NewArena(n*p + 5*p*p + p)
	defer ar.Release()
	r, m, t := ar.Take(n*p), ar.Take(p*p), ar.Take(p*p)
	a, bt, d := ar.Take(p*p), ar.Take(p*p), ar.Take(p*p)
	s := ar.Take(p)
	residual(r, m, t, x, y, n, p, false)
	if err := linalg.SVD(a, s, bt, m, p, p); err != nil {
		return fmt.Errorf("grassmann: %s: %w", name, err)
	}
	if cmin := s[p-1]; cmin <= CutLocusTolerance {
		return fmt.Errorf("grassmann: %s: XᵀY is singular to working precision (σ_min = %.3g ≤ %.3g): %w",
			name, cmin, CutLocusTolerance, manifold.ErrCutLocus)
	}
	// (XᵀY)⁻¹ = B·S⁻¹·Aᵀ: d = S⁻¹Aᵀ, t = Bᵀᵀ·d.
	for k := range p {
		for j := range p {
			d[k*p+j] = a[j*p+k] / s[k]
		}
	}
	linalg.Gemm(true, false, p, p, p, 1, bt, d, 0, t)
	linalg.Mul(dst, r, t, n, p, p)
	return nil
}
