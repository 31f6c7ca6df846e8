package linalg

import (
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/lapack/lapack64"
)

// Condition estimates for a matrix given with its Cholesky factor, cheap
// enough to decide on the fly whether a computation needs more precision.

// CholCondTrace returns tr(P)·tr(P⁻¹) = ‖L‖²_F·‖L⁻¹‖²_F for P = L·Lᵀ with
// the n×n lower-triangular L in l (its strict upper triangle is not read).
// It bounds the spectral condition number from above,
//
//	κ₂(P) ≤ tr(P)·tr(P⁻¹) ≤ n²·κ₂(P),
//
// since λ_max ≤ tr P ≤ n·λ_max and likewise for P⁻¹; for spectra spread over
// many orders of magnitude both traces are dominated by a few extreme
// eigenvalues and the bound is within a small factor of κ₂(P) at small n.
// Unlike the ratio of Cholesky pivots, which can miss an ill-conditioning
// by a factor exponential in n, it never underestimates (up to rounding).
// ‖L⁻¹‖²_F is accumulated column by column from the solutions of L·x = eⱼ,
// about n³/6 multiply-adds and O(n) workspace; it allocates nothing after
// warm-up. A zero or NaN diagonal gives +Inf or NaN.
func CholCondTrace(l []float64, n int) float64 {
	checkDim(n)
	checkLen(l, n*n)
	ws := GetFloats(2 * n)
	defer PutFloats(ws)
	x, rd := (*ws)[:n], (*ws)[n:]
	var tr, tri float64
	for i := range n {
		for _, v := range l[i*n : i*n+i+1] {
			tr += v * v
		}
		rd[i] = 1 / l[i*n+i]
	}
	for j := range n {
		xj := rd[j]
		x[j] = xj
		tri += xj * xj
		for i := j + 1; i < n; i++ {
			row, xs := l[i*n+j:i*n+i], x[j:i]
			var s float64
			if len(row) >= 16 {
				s = floats.Dot(row, xs)
			} else {
				for k, v := range row {
					s += v * xs[k]
				}
			}
			xi := -s * rd[i]
			x[i] = xi
			tri += xi * xi
		}
	}
	return tr * tri
}

// CholCondFrob returns ‖P‖_F·‖P⁻¹‖_F for the n×n matrix P in p (read in
// full; meant to be symmetric) and its lower-triangular Cholesky factor L
// in l, with P⁻¹ = L⁻ᵀ·L⁻¹ formed from the triangular inverse (LAPACK
// Dtrtri) and one product, about 4n³/3 flops. It bounds the spectral
// condition number more tightly than CholCondTrace,
//
//	κ₂(P) ≤ ‖P‖_F·‖P⁻¹‖_F ≤ n·κ₂(P),
//
// and for spread spectra is typically within a factor 2–3 of κ₂(P) even at
// n = 100 (the Frobenius norms are dominated by the extreme eigenvalues
// more strongly than the traces). It allocates nothing after warm-up for
// n ≤ 192 (above that the product may use gonum's parallel Dgemm). A
// singular or NaN factor gives +Inf or NaN.
func CholCondFrob(p, l []float64, n int) float64 {
	checkDim(n)
	checkLen(p, n*n)
	checkLen(l, n*n)
	ws := GetFloats(2 * n * n)
	defer PutFloats(ws)
	li, pinv := (*ws)[:n*n], (*ws)[n*n:]
	copy(li, l)
	for i := range n {
		clear(li[i*n+i+1 : i*n+n])
	}
	if !lapack64.Trtri(blas64.Triangular{N: n, Stride: n, Uplo: blas.Lower, Diag: blas.NonUnit, Data: li}) {
		return math.Inf(1)
	}
	gemm(true, false, n, n, n, 1, li, li, 0, pinv) // L⁻ᵀ·L⁻¹
	return Nrm2(p) * Nrm2(pinv)
}
