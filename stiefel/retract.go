package stiefel

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/lapack/lapack64"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// Retract writes R_X(Δ) for the configured retraction (QR unless
// WithRetraction says otherwise).
func (s *Stiefel) Retract(dst, x, v []float64) {
	switch s.retr {
	case Polar:
		s.RetractPolar(dst, x, v)
	case Cayley:
		s.RetractCayley(dst, x, v)
	case Exponential:
		s.Exp(dst, x, v)
	default:
		s.RetractQR(dst, x, v)
	}
}

// RetractQR writes the QR retraction R_X(Δ) = qf(X + Δ), the orthonormal
// factor of the thin QR factorisation X + Δ = QR with a positive diagonal in
// R (Absil, Mahony & Sepulchre 2008, §4.1.1; linalg.QR). It agrees with
// Exp to first order only. Cost: one n×p Householder QR.
//
// Special cases are:
//
//	RetractQR(X, 0) = X exactly;
//	X + Δ always has full rank for tangent Δ ((X + Δ)ᵀ(X + Δ) = I + ΔᵀΔ), so
//	the result is well defined, and huge Δ gives qf(Δ) in effect.
func (s *Stiefel) RetractQR(dst, x, v []float64) {
	s.check3(dst, x, v)
	if linalg.AllZero(v) {
		copy(dst, x)
		return
	}
	for i := range dst {
		dst[i] = x[i] + v[i]
	}
	linalg.QR(dst, nil, dst, s.n, s.p)
}

// RetractPolar writes the polar retraction
//
//	R_X(Δ) = (X + Δ)(I + ΔᵀΔ)^{-1/2},
//
// the orthonormal polar factor U = WVᵀ of X + Δ = WΣVᵀ, which is the point
// of St(n, p) nearest to X + Δ in the Frobenius norm (Absil, Mahony &
// Sepulchre 2008, §4.1.1; Absil & Malick 2012, "Projection-like
// retractions on matrix manifolds"). As a metric projection it agrees
// with the Euclidean Exp to second order; for β ≠ 1 the agreement is first
// order (the second derivatives differ by 2(1 − β)(I − XXᵀ)ΔXᵀΔ). It is
// computed by an SVD (linalg.Polar), which stays accurate for huge Δ.
//
// Special case: RetractPolar(X, 0) = X exactly.
func (s *Stiefel) RetractPolar(dst, x, v []float64) {
	s.check3(dst, x, v)
	if linalg.AllZero(v) {
		copy(dst, x)
		return
	}
	zp := linalg.GetFloats(len(x))
	defer linalg.PutFloats(zp)
	z := *zp
	for i := range z {
		z[i] = x[i] + v[i]
	}
	if err := linalg.Polar(dst, nil, z, s.n, s.p); err != nil {
		// The SVD did not converge (not observed): fall back to QR, also a
		// retraction, rather than return garbage.
		linalg.QR(dst, nil, z, s.n, s.p)
	}
}

// RetractExp writes Exp_X(Δ); it is the retraction selected by Exponential.
func (s *Stiefel) RetractExp(dst, x, v []float64) { s.Exp(dst, x, v) }

// RetractCayley writes the Cayley retraction of Wen & Yin (2013, "A
// feasible method for optimization with orthogonality constraints", Math.
// Program. 142, eqs. 7 and 13):
//
//	R_X(Δ) = (I − W/2)⁻¹(I + W/2)·X,   W = PΔXᵀ − XΔᵀP,   P = I − ½XXᵀ,
//
// where W is skew-symmetric with WX = Δ for tangent Δ; it is the horizontal
// generator of the canonical geodesic expm(W)X, so the Cayley retraction
// agrees with the canonical Exp to second order (cay(tW) = expm(tW) + O(t³));
// for other metrics to first order. With W = UVᵀ, U = [PΔ, X],
// V = [X, −PΔ] (n×2p), the Sherman–Morrison–Woodbury form (Wen & Yin 2013)
//
//	R_X(Δ) = X + U·(I − ½VᵀU)⁻¹·VᵀX
//
// costs O(np²) plus a 2p×2p LU solve. To keep huge Δ from overflowing,
// Δ = σΔ' with σ = max(1, max|Δᵢⱼ|) and the equivalent form
// X + U'·(I/σ − ½V'ᵀU')⁻¹·V'ᵀX is used (U', V' built from Δ'); for σ = 1 it
// is the formula above. If the solve is singular or the result is not
// finite (which can happen only for huge, rank-deficient Δ), RetractCayley
// returns RetractPolar(X, Δ) instead.
//
// Special case: RetractCayley(X, 0) = X exactly.
func (s *Stiefel) RetractCayley(dst, x, v []float64) {
	s.check3(dst, x, v)
	if linalg.AllZero(v) {
		copy(dst, x)
		return
	}
	if !s.cayley(dst, x, v) {
		s.RetractPolar(dst, x, v)
	}
}

func (s *Stiefel) cayley(dst, x, v []float64) bool {
	n, p := s.n, s.p
	m := 2 * p
	sigma := max(1, linalg.MaxAbs(v))
	if sigma != sigma {
		linalg.FillNaN(dst)
		return true
	}
	ar := linalg.NewArena(2*n*p + 3*p*p + 2*m*m + m*p)
	defer ar.Release()
	pd := ar.Take(n * p) // PΔ'
	y := ar.Take(n * p)
	a := ar.Take(p * p)
	g := ar.Take(p * p)
	xpd := ar.Take(p * p)
	k := ar.Take(m * m) // I/σ − ½V'ᵀU'
	vu := ar.Take(m * m)
	rhs := ar.Take(m * p) // V'ᵀX, then the solution
	inv := 1 / sigma
	for i := range pd {
		pd[i] = v[i] * inv
	}
	linalg.MulAtB(a, x, pd, p, n, p)                      // XᵀΔ'
	linalg.MulAtB(g, x, x, p, n, p)                       // XᵀX (I up to rounding)
	linalg.Gemm(false, false, n, p, p, -0.5, x, a, 1, pd) // PΔ' = Δ' − ½X(XᵀΔ')
	// V'ᵀU' = [[XᵀPΔ', XᵀX], [−PΔ'ᵀPΔ', −PΔ'ᵀX]] and V'ᵀX = [XᵀX; −PΔ'ᵀX],
	// with XᵀPΔ' = XᵀΔ' − ½(XᵀX)(XᵀΔ').
	copy(xpd, a)
	linalg.Gemm(false, false, p, p, p, -0.5, g, a, 1, xpd)
	linalg.SetBlock(vu, m, 0, 0, xpd, p, p)
	linalg.SetBlock(vu, m, 0, p, g, p, p)
	linalg.SetBlock(rhs, p, 0, 0, g, p, p)
	for i := range p {
		for j := range p {
			t := -xpd[j*p+i]
			vu[(p+i)*m+p+j] = t
			rhs[(p+i)*p+j] = t
		}
	}
	linalg.MulAtB(g, pd, pd, p, n, p)
	for i := range p {
		for j := range p {
			vu[(p+i)*m+j] = -g[i*p+j]
		}
	}
	for i := range k {
		k[i] = -0.5 * vu[i]
	}
	for i := range m {
		k[i*m+i] += inv
	}
	ipiv := linalg.GetInts(m)
	defer linalg.PutInts(ipiv)
	kg := blas64.General{Rows: m, Cols: m, Stride: m, Data: k}
	if !lapack64.Getrf(kg, *ipiv) {
		return false
	}
	lapack64.Getrs(blas.NoTrans, kg, blas64.General{Rows: m, Cols: p, Stride: p, Data: rhs}, *ipiv)
	// Y = X + PΔ'·Γ_top + X·Γ_bottom.
	copy(y, x)
	linalg.Gemm(false, false, n, p, p, 1, pd, rhs[:p*p], 1, y)
	linalg.Gemm(false, false, n, p, p, 1, x, rhs[p*p:], 1, y)
	if !linalg.AllFinite(y) {
		return false
	}
	copy(dst, y)
	return true
}
