package spd

import (
	"math"
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// gaussSym fills the n×n s with sigma times a standard Gaussian of
// (Sym(n), ⟨·,·⟩_F): the coordinates in the orthonormal basis
// {Eᵢᵢ, (Eᵢⱼ + Eⱼᵢ)/√2} are independent N(0, 1), so Sᵢᵢ ~ N(0, σ²) and
// Sᵢⱼ = Sⱼᵢ ~ N(0, σ²/2). Entries are drawn row by row over the upper
// triangle.
func gaussSym(s []float64, n int, sigma float64, rng *rand.Rand) {
	off := sigma * math.Sqrt2 / 2
	for i := range n {
		s[i*n+i] = sigma * rng.NormFloat64()
		for j := i + 1; j < n; j++ {
			x := off * rng.NormFloat64()
			s[i*n+j] = x
			s[j*n+i] = x
		}
	}
}

// RandomPoint writes P = exp(S), where S is a Gaussian of (Sym(n),
// ⟨·,·⟩_F) with variance 1/n per coordinate: Sᵢᵢ ~ N(0, 1/n) and
// Sᵢⱼ ~ N(0, 1/(2n)), independent for i ≤ j. This is the law of
// Exp_I(V) for an isotropic Gaussian tangent vector at the identity in the
// affine-invariant and log-Euclidean metrics (a log-normal law on the
// cone). The scaling by 1/n keeps the spectrum of S close to Wigner's
// semicircle on [−√2, √2] whatever n, so cond(P) is rarely above
// e^{2√2} ≈ 17, while E‖S‖²_F = (n + 1)/2. The result is exactly symmetric.
// The same law is used for every metric.
func (m *SPD) RandomPoint(dst []float64, rng *rand.Rand) {
	m.check(dst)
	n := m.n
	gaussSym(dst, n, 1/math.Sqrt(float64(n)), rng)
	if err := linalg.SymExp(dst, dst, n); err != nil {
		linalg.FillNaN(dst)
	}
}

// RandomTangent writes a standard Gaussian vector of T_P in the metric at
// P: V = Σ_k c_k E_k with independent c_k ~ N(0, 1) over an orthonormal
// basis {E_k} of (T_P, ⟨·,·⟩_P), so that E‖V‖²_P = n(n+1)/2. It maps a
// standard Gaussian S of (Sym(n), ⟨·,·⟩_F) through an isometry onto T_P:
//
//	affine-invariant:   L·S·Lᵀ, P = LLᵀ
//	log-Euclidean:      Z·(E ∘ S)·Zᵀ, P = Z·diag(λ)·Zᵀ, E_ij = exp[log λᵢ, log λⱼ]
//	log-Cholesky:       L·Xᵀ + X·Lᵀ, X = ⌊S⌋ + D(L)·diag(s), sᵢ ~ N(0, 1)
//	Bures–Wasserstein:  Z·(√(2(λᵢ + λⱼ)) ∘ S)·Zᵀ
//
// (S drawn directly in the eigenbasis, its law being invariant under
// orthogonal congruence). A P that is not positive definite gives NaN.
func (m *SPD) RandomTangent(dst, p []float64, rng *rand.Rand) {
	m.check(dst, p)
	switch m.metric {
	case AffineInvariant:
		m.randomTangentAI(dst, p, rng)
	case LogEuclidean:
		m.randomTangentLE(dst, p, rng)
	case LogCholesky:
		m.randomTangentLC(dst, p, rng)
	default:
		m.randomTangentBW(dst, p, rng)
	}
}
