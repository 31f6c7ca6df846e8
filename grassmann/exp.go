package grassmann

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// Exp writes the exponential map of the canonical metric,
//
//	Exp_Y(Δ) = Y·V·cos(Σ)·Vᵀ + U·sin(Σ)·Vᵀ,   Δ = U·Σ·Vᵀ (thin SVD),
//
// the point reached at time 1 along the geodesic leaving span(Y) with
// horizontal velocity Δ (Edelman, Arias & Smith 1998, Thm 2.3 and
// eq. 2.65; Absil, Mahony & Sepulchre 2004, §3). The representative is the
// one on the horizontal lift of the geodesic through Y, so (Exp_Y Δ)ᵀY is
// symmetric positive semidefinite while every singular value of Δ is below
// π/2. Δ must be horizontal (YᵀΔ = 0).
//
// Computation. The formula is evaluated as
// Y + [Y·V(cos Σ − I)Vᵀ + U·sin Σ·Vᵀ] with cos σ − 1 = −2 sin²(σ/2), so
// that a short step is the exact small correction added once to Y. Singular
// values of Δ below 64ε·σ₁, and all beyond the first n − p (a horizontal Δ
// has rank at most n − p), are treated as zero: they are rounding noise of
// Δ and of its SVD, with singular vectors in arbitrary (not horizontal)
// directions, and for a huge Δ sin and cos would turn such a noise value
// into an O(1) rotation that no re-orthonormalisation could repair; for
// ‖Δ‖ ≲ 1 dropping them changes the result by at most 64ε·‖Δ‖. The result
// Z is then re-orthonormalised by one Newton–Schulz step,
// Z ← Z + Z·(I − ZᵀZ)/2 (Higham 2008, "Functions of Matrices", §8.3;
// Björck & Bowie 1971). That is a right multiplication by a p×p matrix
// I + E with ‖E‖ ≈ ‖ZᵀZ − I‖/2 — of order ε, since Z is orthonormal to
// rounding — so it does not change the subspace, moves the representative
// by O(ε) and maps an orthonormality defect δ to O(δ²): repeated steps do not
// let rounding errors accumulate in YᵀY. No QR is involved, so the
// representative stays the geodesic's.
//
// Accuracy: agrees with an RK4 integration of the geodesic equation
// Ÿ + Y(ẎᵀẎ) = 0 to 1e-12 and keeps ‖ZᵀZ − I‖_F at a few ε·√p for ‖Δ‖ up
// to 1e300 (see the package documentation).
//
// Special cases are:
//
//	Exp(Y, 0) = Y exactly;
//	on Gr(n, n) Exp(Y, Δ) = Y (the only tangent vector is 0);
//	‖Δ‖ of any finite size is allowed: sin and cos reduce each singular
//	value exactly (the subspace is periodic with period π in each of them);
//	a NaN entry gives NaN.
func (g *Grassmann) Exp(dst, y, v []float64) {
	g.check(dst, y, v)
	if g.p == g.n || linalg.AllZero(v) {
		copy(dst, y)
		return
	}
	g.geodesicStep(dst, y, v, false)
}

// geodesicStep writes Y·V·cos(Φ)·Vᵀ + U·sin(Φ)·Vᵀ for Δ = UΣVᵀ, with
// Φ = Σ (the exponential map) or Φ = arctan Σ (the polar retraction),
// re-orthonormalised by one Newton–Schulz step as documented on Exp.
func (g *Grassmann) geodesicStep(dst, y, v []float64, atan bool) {
	n, p := g.n, g.p
	ar := linalg.NewArena(2*n*p + 4*p*p + 2*p)
	defer ar.Release()
	u, vt, z := ar.Take(n*p), ar.Take(p*p), ar.Take(n*p)
	s, cm1 := ar.Take(p), ar.Take(p)
	a, b, e := ar.Take(p*p), ar.Take(p*p), ar.Take(p*p)
	if err := linalg.SVD(u, s, vt, v, n, p); err != nil {
		linalg.FillNaN(dst)
		return
	}
	noise := 64 * eps * s[0]
	for k, sk := range s {
		if sk <= noise || k >= n-p {
			sk = 0
		}
		if atan {
			sk = math.Atan(sk)
		}
		h := math.Sin(sk / 2)
		cm1[k] = -2 * h * h // cos σ − 1
		s[k] = math.Sin(sk)
	}
	// b = diag(cos Φ − I)·Vᵀ, a = V·b = V(cos Φ − I)Vᵀ, then b = sin Φ·Vᵀ.
	for k := range p {
		for j := range p {
			b[k*p+j] = cm1[k] * vt[k*p+j]
		}
	}
	linalg.Gemm(true, false, p, p, p, 1, vt, b, 0, a)
	for k := range p {
		for j := range p {
			b[k*p+j] = s[k] * vt[k*p+j]
		}
	}
	copy(z, y)
	linalg.Gemm(false, false, n, p, p, 1, y, a, 1, z)
	linalg.Gemm(false, false, n, p, p, 1, u, b, 1, z)
	newtonSchulz(dst, z, e, n, p)
}

// newtonSchulz writes dst = Z + Z·(I − ZᵀZ)/2, one Newton–Schulz step
// towards the orthonormal polar factor of Z, using the p×p workspace e.
// dst must not overlap z.
func newtonSchulz(dst, z, e []float64, n, p int) {
	linalg.MulAtB(e, z, z, p, n, p)
	for i := range p {
		for j := range p {
			e[i*p+j] *= -0.5
		}
		e[i*p+i] += 0.5
	}
	copy(dst, z)
	linalg.Gemm(false, false, n, p, p, 1, z, e, 1, dst)
}
