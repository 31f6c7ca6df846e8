package linalg

import "math"

// ExpSkew writes the exponential exp(A) of the skew-symmetric p×p matrix A,
// an element of SO(p). Only the skew part (A − Aᵀ)/2 of the input is used.
//
// The method is spectral: the real Schur form of the skew matrix is block
// diagonal, A = Z·diag(B₁, …, B_k, 0, …)·Zᵀ with Bⱼ = [[0, −θⱼ], [θⱼ, 0]]
// (Golub & Van Loan, 4th ed., §7.4; Gallier & Xu, "Computing exponentials of
// skew-symmetric matrices and logarithms of orthogonal matrices", 2002), and
// exp(A) = Z·diag(R(θ₁), …, R(θ_k), 1, …)·Zᵀ with the plane rotations
// R(θ) = [[cos θ, −sin θ], [sin θ, cos θ]]. It is evaluated as
// I + Z·(diag(R(θⱼ), 1, …) − I)·Zᵀ, with cos θ − 1 = −2·sin²(θ/2), so that
// the deviation from I has error of order p·ε·max|θⱼ| and small arguments
// keep their relative accuracy. The rotations are exactly orthogonal and Z
// is orthogonal to working precision, so ‖exp(A)ᵀexp(A) − I‖ is of order
// p·ε however large ‖A‖ is (Expm's error instead grows with the number of
// squarings). Each θⱼ is read from the
// computed Schur block as (γ − β)/2, the nearest exact rotation generator,
// and the off-block entries of the computed T (of rounding size, since A is
// normal) are ignored. p = 1 gives [1] and p = 2 uses the closed form.
//
// dst may alias a. Special case: NaN or ±Inf in A gives an all-NaN result.
// If the Schur iteration fails to converge (not observed in practice),
// ExpSkew falls back to Expm of the skew part.
func ExpSkew(dst, a []float64, p int) {
	checkDim(p)
	checkLen(a, p*p)
	checkLen(dst, p*p)
	if !AllFinite(a) {
		FillNaN(dst)
		return
	}
	switch p {
	case 1:
		dst[0] = 1
		return
	case 2:
		th := 0.5 * (a[2] - a[1])
		s, c := math.Sincos(th)
		dst[0], dst[1], dst[2], dst[3] = c, -s, s, c
		return
	}
	pp := p * p
	ar := NewArena(3 * pp)
	defer ar.Release()
	t := ar.Take(pp)
	z := ar.Take(pp)
	m := ar.Take(pp)
	SkewPart(t, a, p)
	if err := schur(t, z, p); err != nil {
		SkewPart(t, a, p)
		Expm(dst, t, p)
		return
	}
	// M = Z·(diag(R(θⱼ), 1, …) − I), column by column; cos θ − 1 is formed
	// as −2·sin²(θ/2) so that small angles keep their relative accuracy.
	for j := 0; j < p; {
		if j+1 < p && t[(j+1)*p+j] != 0 {
			th := 0.5 * (t[(j+1)*p+j] - t[j*p+j+1])
			s := math.Sin(th)
			h := math.Sin(0.5 * th)
			cm1 := -2 * h * h
			for i := range p {
				z0, z1 := z[i*p+j], z[i*p+j+1]
				m[i*p+j] = cm1*z0 + s*z1
				m[i*p+j+1] = -s*z0 + cm1*z1
			}
			j += 2
			continue
		}
		for i := range p {
			m[i*p+j] = 0
		}
		j++
	}
	// exp(A) = I + M·Zᵀ.
	gemm(false, true, p, p, p, 1, m, z, 0, dst)
	for i := range p {
		dst[i*p+i]++
	}
}
