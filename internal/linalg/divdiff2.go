package linalg

import "math"

// DivDiff2Exp returns the second divided difference of the exponential,
//
//	exp[a, b, c] = (exp[a, b] − exp[b, c])/(a − c),
//
// symmetric in its arguments, with the confluent limits exp[a, a, c] =
// ∂/∂a exp[a, c] and exp[a, a, a] = eᵃ/2. It is the kernel of the second
// Fréchet derivative of the matrix exponential at a symmetric matrix
// A = Z·diag(x)·Zᵀ (second-order Daleckii–Krein formula, Bhatia, Matrix
// Analysis, 1997, Thm V.3.5):
//
//	D²exp(A)[H, K] = Z·S·Zᵀ,  S_ij = Σ_k exp[x_i, x_k, x_j]·(H̃_ik K̃_kj + K̃_ik H̃_kj),
//
// with H̃ = Zᵀ·H·Z and K̃ = Zᵀ·K·Z.
//
// With the arguments sorted, a ≥ b ≥ c, and h = a − c: for h ≥ 1 the
// quotient above is used; it loses at most two bits, because exp[a, b] is the
// mean of eˣ over [b, a] and exp[b, c] its mean over [c, b], and these differ
// by a factor of at least 1.58 when a − c ≥ 1. For h < 1 it sums the series
//
//	exp[a, b, c] = e^c·Σ_{k≥0} h_k(a − c, b − c)/(k + 2)!,
//
// where h_k(α, β) = Σ_{i=0}^{k} α^i·β^{k−i} is the complete homogeneous
// symmetric polynomial (the divided differences of x^{k+2} at α, β, 0); all
// its terms are positive, so it has no cancellation, and 20 terms reach
// unit roundoff for h < 1. The relative error is a few ulps times
// 1 + max(|a|, |b|, |c|), the condition number of eˣ with respect to its
// argument (the quotient path inherits it from DivDiffExp); it overflows
// only where e^a does. NaN arguments give NaN.
func DivDiff2Exp(a, b, c float64) float64 {
	if math.IsNaN(a) || math.IsNaN(b) || math.IsNaN(c) {
		return math.NaN()
	}
	// Sort a ≥ b ≥ c.
	if a < b {
		a, b = b, a
	}
	if b < c {
		b, c = c, b
	}
	if a < b {
		a, b = b, a
	}
	h := a - c
	if h >= 1 {
		return (DivDiffExp(a, b) - DivDiffExp(b, c)) / h
	}
	al, be := a-c, b-c
	// s = Σ h_k/(k+2)!, with h_k = be·h_{k−1} + al^k.
	var s float64
	hk, alk := 1.0, 1.0 // h_0 = 1, al^0 = 1
	fact := 2.0         // (k+2)! for k = 0
	for k := 0; ; k++ {
		t := hk / fact
		s += t
		if t <= 0x1p-56*s || k == 30 {
			break
		}
		alk *= al
		hk = be*hk + alk
		fact *= float64(k + 3)
	}
	return math.Exp(c) * s
}
