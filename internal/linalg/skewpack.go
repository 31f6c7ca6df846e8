package linalg

import "math"

// checkPacked panics unless p ≥ 0, the p×p matrix m has length p² and the
// packed vector x has length p(p−1)/2.
func checkPacked(m, x []float64, p int) {
	if p < 0 {
		panic(errNegDim)
	}
	checkLen(m, p*p)
	checkLen(x, p*(p-1)/2)
}

// PackSkew writes the skew-symmetric part of the p×p matrix A as a vector
// of length p(p−1)/2: the strict upper triangle of skew(A) = (A − Aᵀ)/2,
// row by row, scaled by √2,
//
//	dst = √2·(s₁₂, s₁₃, …, s₁ₚ, s₂₃, …, s_{p−1,p}),   S = skew(A),
//
// so that ‖dst‖₂ = ‖S‖_F: the map is an isometry from the skew-symmetric
// matrices with the Frobenius inner product onto R^{p(p−1)/2} (the
// orthonormal basis (eᵢeⱼᵀ − eⱼeᵢᵀ)/√2, i < j). Each entry is computed as
// (√2·½)·(aᵢⱼ − aⱼᵢ). dst must not overlap a. PackSkew panics if p < 0 or a
// length is wrong.
func PackSkew(dst, a []float64, p int) {
	checkPacked(a, dst, p)
	k := 0
	for i := range p {
		for j := i + 1; j < p; j++ {
			dst[k] = math.Sqrt2 * 0.5 * (a[i*p+j] - a[j*p+i])
			k++
		}
	}
}

// UnpackSkew is the inverse of PackSkew: it writes into the p×p matrix a
// the skew-symmetric matrix whose packed vector is x (length p(p−1)/2),
// aᵢⱼ = xₖ/√2 and aⱼᵢ = −aᵢⱼ for the k-th pair i < j in row order, with a
// zero diagonal. The result is exactly skew-symmetric. UnpackSkew∘PackSkew
// is the identity on skew-symmetric matrices up to one rounding per entry.
// a must not overlap x. UnpackSkew panics if p < 0 or a length is wrong.
func UnpackSkew(a, x []float64, p int) {
	checkPacked(a, x, p)
	k := 0
	for i := range p {
		a[i*p+i] = 0
		for j := i + 1; j < p; j++ {
			v := x[k] / math.Sqrt2
			a[i*p+j] = v
			a[j*p+i] = -v
			k++
		}
	}
}
