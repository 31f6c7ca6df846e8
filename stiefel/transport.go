package stiefel

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// Transport writes the configured vector transport of v ∈ T_X to T_Y
// (Projection unless WithTransport says otherwise).
func (s *Stiefel) Transport(dst, x, y, v []float64) {
	switch s.transp {
	case DifferentiatedQR:
		s.TransportDifferentiatedQR(dst, x, y, v)
	case DifferentiatedPolar:
		s.TransportDifferentiatedPolar(dst, x, y, v)
	default:
		s.TransportProjection(dst, x, y, v)
	}
}

// TransportProjection writes Proj_Y(v) = v − Y·sym(Yᵀv), the projection
// transport (Absil, Mahony & Sepulchre 2008, §8.1.3). It does not use X.
// Cost: two n×p×p products.
func (s *Stiefel) TransportProjection(dst, x, y, v []float64) {
	s.check4(dst, x, y, v)
	s.normalCorrect(dst, y, v, 0)
}

// TransportDifferentiatedQR writes the transport by the differentiated QR
// retraction,
//
//	T(v) = D R_X(η)[v] = Y·ρ_skew(Yᵀ v R⁻¹) + (I − YYᵀ)·v R⁻¹,
//
// where η = InverseRetractQR(X, Y), X + η = YR (Absil, Mahony & Sepulchre
// 2008, §8.1.2), and ρ_skew(Ω) is the skew-symmetric matrix
// with the strict lower triangle of Ω (ρ_skew(Ω)ᵢⱼ = Ωᵢⱼ for i > j, 0 on the
// diagonal, −Ωⱼᵢ for i < j). It is computed as Z + Y(ρ_skew(YᵀZ) − YᵀZ),
// Z = vR⁻¹ (a triangular solve). T_{X→X} is the identity on T_X.
//
// Special case: if Y is not in the image of the QR retraction at X
// (InverseRetractQR fails), the result is TransportProjection(X, Y, v).
func (s *Stiefel) TransportDifferentiatedQR(dst, x, y, v []float64) {
	s.check4(dst, x, y, v)
	n, p := s.n, s.p
	ar := linalg.NewArena(4*p*p + n*p)
	defer ar.Release()
	r := ar.Take(p * p)
	m := ar.Take(p * p)
	lu := ar.Take(p * p)
	om := ar.Take(p * p)
	z := ar.Take(n * p)
	if err := s.invQRFactor(r, m, lu, x, y); err != nil {
		s.normalCorrect(dst, y, v, 0)
		return
	}
	copy(z, v)
	blas64.Trsm(blas.Right, blas.NoTrans, 1,
		blas64.Triangular{Uplo: blas.Upper, Diag: blas.NonUnit, N: p, Stride: p, Data: r},
		blas64.General{Rows: n, Cols: p, Stride: p, Data: z})
	linalg.MulAtB(om, y, z, p, n, p) // Ω = YᵀZ
	// om ← ρ_skew(Ω) − Ω: strictly lower part 0, diagonal −Ω_ii, strictly
	// upper −Ω_ji − Ω_ij.
	for i := range p {
		om[i*p+i] = -om[i*p+i]
		for j := i + 1; j < p; j++ {
			om[i*p+j] = -om[j*p+i] - om[i*p+j]
			om[j*p+i] = 0
		}
	}
	linalg.Gemm(false, false, n, p, p, 1, y, om, 1, z)
	copy(dst, z)
}

// TransportDifferentiatedPolar writes the transport by the differentiated
// polar retraction,
//
//	T(v) = D R_X(η)[v] = YΛ + (I − YYᵀ)·v S⁻¹,   S·Λ + Λ·S = Yᵀv − vᵀY,
//
// where η = InverseRetractPolar(X, Y), X + η = YS with S = (I + ηᵀη)^{1/2}
// symmetric positive definite. This is the construction of Absil, Mahony &
// Sepulchre (2008, §8.1.2) applied to the polar retraction, derived here:
// with Z = X + η, R(η + tv) = Z_t(Z_tᵀZ_t)^{-1/2}, and DS the derivative of
// S = (ZᵀZ)^{1/2}, S·DS + DS·S = vᵀZ + Zᵀv; then D R = vS⁻¹ − Y·DS·S⁻¹, whose
// normal part is (I − YYᵀ)vS⁻¹ and whose tangent part Λ = YᵀvS⁻¹ − DS·S⁻¹
// satisfies SΛ + ΛS = Yᵀv − vᵀY (skew right-hand side, so Λ is skew). The
// equation is solved in the eigenbasis of S. T_{X→X} is the identity on T_X.
// The package tests compare T with central differences of RetractPolar.
//
// Special case: if Y is not in the image of the polar retraction at X
// (InverseRetractPolar fails), the result is TransportProjection(X, Y, v).
func (s *Stiefel) TransportDifferentiatedPolar(dst, x, y, v []float64) {
	s.check4(dst, x, y, v)
	n, p := s.n, s.p
	ar := linalg.NewArena(6*p*p + 2*p + n*p)
	defer ar.Release()
	sm := ar.Take(p * p)
	m := ar.Take(p * p)
	w := ar.Take(p*p + p)
	zv := ar.Take(p * p) // eigenvectors of S
	ev := ar.Take(p)
	c := ar.Take(p * p)
	t := ar.Take(p * p)
	z := ar.Take(n * p)
	if err := s.invPolarFactor(sm, m, w, x, y); err != nil {
		s.normalCorrect(dst, y, v, 0)
		return
	}
	if err := linalg.EigSym(ev, zv, sm, p); err != nil {
		s.normalCorrect(dst, y, v, 0)
		return
	}
	// C = Yᵀv − vᵀY, in the eigenbasis: Ĉ = UᵀCU; Λ̂ᵢⱼ = Ĉᵢⱼ/(σᵢ + σⱼ).
	linalg.MulAtB(c, y, v, p, n, p)
	for i := range p {
		c[i*p+i] = 0
		for j := i + 1; j < p; j++ {
			d := c[i*p+j] - c[j*p+i]
			c[i*p+j] = d
			c[j*p+i] = -d
		}
	}
	linalg.Mul(t, c, zv, p, p, p)
	linalg.MulAtB(c, zv, t, p, p, p)
	for i := range p {
		for j := range p {
			c[i*p+j] /= ev[i] + ev[j]
		}
	}
	linalg.Mul(t, zv, c, p, p, p)
	linalg.MulABt(c, t, zv, p, p, p) // Λ
	linalg.SkewPart(c, c, p)
	// S⁻¹ = U·diag(1/σ)·Uᵀ, then Z = v·S⁻¹.
	for i := range p {
		for j := range p {
			t[i*p+j] = zv[i*p+j] / ev[j]
		}
	}
	linalg.MulABt(w[:p*p], t, zv, p, p, p)
	linalg.Mul(z, v, w[:p*p], n, p, p)
	// T = YΛ + Z − Y(YᵀZ) = Z + Y(Λ − YᵀZ).
	linalg.MulAtB(t, y, z, p, n, p)
	for i := range t {
		t[i] = c[i] - t[i]
	}
	linalg.Gemm(false, false, n, p, p, 1, y, t, 1, z)
	copy(dst, z)
}
