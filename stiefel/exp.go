package stiefel

import "github.com/geodesic-go/geodesic/internal/linalg"

// Exp writes the exponential map of the configured metric, the point at
// time 1 of the geodesic leaving X with velocity Δ. For the metric g_β it
// is the closed form of Zimmermann & Hüper (2022), written with β,
//
//	Exp_X(Δ) = [X Q]·expm([[2βA, −Bᵀ], [B, 0]])·[I; 0]·expm((1 − 2β)A),
//
// with A = skew(XᵀΔ) and QB = Δ − X(XᵀΔ) a thin QR factorisation (Q n×p,
// B p×p). For β = ½ this is the canonical geodesic and for β = 1 the
// Euclidean one of Edelman, Arias & Smith (1998, §2.2 and §2.4). Both
// matrix exponentials are of skew-symmetric matrices and are evaluated
// spectrally (linalg.ExpSkew), so they are orthogonal to working precision
// for any ‖Δ‖. Q need not be orthogonal to X when (I − XXᵀ)Δ is rank
// deficient (always when n < 2p), since the undetermined columns of Q are
// multiplied by rows of B of rounding size; only when that product is not
// negligible (huge ‖Δ‖), detected by ‖YᵀY − I‖_F > 1e-8, is Q recomputed
// from a Householder QR of [X, (I − XXᵀ)Δ], exactly orthogonal to X. The
// result Y is finally
// re-orthonormalised by one Newton–Schulz step Y ← Y(3I − YᵀY)/2, which
// moves it by ½‖YᵀY − I‖, a rounding-level amount, towards the polar
// factor. For p = n, Exp_X(Δ) = X·expm(XᵀΔ). Cost: O(np²) plus the
// 2p×2p exponential.
//
// The geodesic equation this solves is
//
//	Ẍ = −X·ẊᵀẊ + 2(1 − β)(I − XXᵀ)·Ẋ·XᵀẊ,
//
// the Euler–Lagrange equation of the energy ½∫g_β(Ẋ, Ẋ) on XᵀX = I
// (Edelman, Arias & Smith 1998, eqs. 2.7 and 2.41 for β = 1 and β = ½).
// The package tests integrate it with RK4.
//
// Special cases are:
//
//	Exp(X, 0) = X exactly;
//	the normal part X·sym(XᵀΔ) of a non-tangent Δ only changes Q and B
//	through Δ − X(XᵀΔ), so Exp acts on Proj_X(Δ) plus that rounding;
//	huge ‖Δ‖ gives a finite point of St(n, p) (angles are reduced by
//	math.Sincos inside the spectral exponential).
func (s *Stiefel) Exp(dst, x, v []float64) {
	s.check3(dst, x, v)
	if linalg.AllZero(v) {
		copy(dst, x)
		return
	}
	n, p := s.n, s.p
	if p == n {
		ar := linalg.NewArena(2*p*p + n*p)
		defer ar.Release()
		a := ar.Take(p * p)
		e := ar.Take(p * p)
		y := ar.Take(n * p)
		linalg.MulAtB(a, x, v, p, n, p)
		linalg.SkewPart(a, a, p)
		linalg.ExpSkew(e, a, p)
		linalg.Mul(y, x, e, n, p, p)
		s.reorth(dst, y)
		return
	}
	ar := linalg.NewArena(n * p)
	defer ar.Release()
	y := ar.Take(n * p)
	s.expFast(y, x, v)
	if !(linalg.OrthResidual(y, n, p) <= 1e-8) {
		// Only for huge Δ whose normal part is rank deficient: redo with a
		// basis Q exactly orthogonal to X.
		s.expRobust(y, x, v)
	}
	s.reorth(dst, y)
}

// expFast writes Exp_X(Δ) for p < n, before re-orthonormalisation, with Q
// and B from the thin QR of K = Δ − X(XᵀΔ). If K is rank deficient, the
// columns of Q that K does not determine may not be orthogonal to X; they
// are multiplied by rows of B of rounding size, so the result is accurate
// unless ‖Δ‖ is huge, which the caller detects from ‖YᵀY − I‖.
func (s *Stiefel) expFast(y, x, v []float64) {
	n, p := s.n, s.p
	ar := linalg.NewArena(2*n*p + 4*p*p)
	defer ar.Release()
	a := ar.Take(p * p)
	r := ar.Take(p * p)
	k := ar.Take(n * p)
	q := ar.Take(n * p)
	c := ar.Take(2 * p * p)

	linalg.MulAtB(a, x, v, p, n, p)
	copy(k, v)
	linalg.Gemm(false, false, n, p, p, -1, x, a, 1, k) // K = Δ − X(XᵀΔ)
	linalg.SkewPart(a, a, p)
	linalg.QR(q, r, k, n, p)
	linalg.StiefelExpReduced(c, a, r, s.beta, p, p)
	// Y = X·C_top + Q·C_bottom.
	linalg.Mul(y, x, c[:p*p], n, p, p)
	linalg.Gemm(false, false, n, p, p, 1, q, c[p*p:], 1, y)
}

// expRobust is expFast with Q₂ (n×r, r = min(p, n − p)) taken from the
// Householder QR of [X K] (first r columns of K when n < 2p), which makes
// Q₂ orthogonal to X to working precision whatever the rank of K, and
// B = Q₂ᵀK (r×p). It is the reduction Log uses.
func (s *Stiefel) expRobust(y, x, v []float64) {
	n, p := s.n, s.p
	r := min(p, n-p)
	k := p + r
	ar := linalg.NewArena(p*p + r*p + n*r + k*p)
	defer ar.Release()
	a := ar.Take(p * p)
	b := ar.Take(r * p)
	q2 := ar.Take(n * r)
	c := ar.Take(k * p)

	linalg.StiefelReduce(a, q2, b, x, v, n, p)
	linalg.SkewPart(a, a, p)
	linalg.StiefelExpReduced(c, a, b, s.beta, p, r)
	linalg.Mul(y, x, c[:p*p], n, p, p)
	linalg.Gemm(false, false, n, p, r, 1, q2, c[p*p:], 1, y)
}

// reorth writes y(3I − yᵀy)/2 into dst: one Newton–Schulz step towards the
// orthonormal polar factor of y, which changes a y with ‖yᵀy − I‖ = δ by
// about δ/2 and leaves ‖·ᵀ· − I‖ = O(δ²) plus rounding.
func (s *Stiefel) reorth(dst, y []float64) {
	n, p := s.n, s.p
	ar := linalg.NewArena(p*p + n*p)
	defer ar.Release()
	g := ar.Take(p * p)
	z := ar.Take(n * p)
	linalg.MulAtB(g, y, y, p, n, p)
	for i := range g {
		g[i] *= -0.5
	}
	for i := range p {
		g[i*p+i] += 1.5
	}
	linalg.Mul(z, y, g, n, p, p)
	copy(dst, z)
}
