package flag_test

import (
	"math"
	"math/big"
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/flag"
	"github.com/geodesic-go/geodesic/internal/testutil"
)

// High-precision reference for the chordal distance.
//
// The reference is computed from the float64 matrices exactly as given, in
// refPrec-bit math/big arithmetic, sharing nothing with the package's
// algorithm (no Gram matrix of the whole frame, no compensated residual):
//
//   - each block X_i, Y_i is orthonormalised on its own by modified
//     Gram–Schmidt applied twice, so the reference describes the subspaces
//     span X_i and span Y_i that the float64 data span, not an idealised
//     input (per block, because the chordal distance depends only on these
//     subspaces, and orthonormalising the whole frame would tilt block i
//     by the rounding of the earlier ones);
//   - R_i = Y_i − X_i(X_iᵀY_i) is formed exactly to refPrec bits;
//   - d_c² = Σ_i ‖R_i‖²_F = Σ_i tr(R_iᵀR_i) = Σ_i Σ_j sin²θ_ij, where θ_ij
//     are the principal angles between span X_i and span Y_i (the
//     eigenvalues of R_iᵀR_i = Y_iᵀ(I − X_iX_iᵀ)Y_i are their squared
//     sines, so the trace needs no eigenvalue computation); rounded to
//     float64 only at the end.
//
// 300 bits leave about 230 after the cancellation in R_i for angles of
// 1e-10, far more than the 53 the comparisons need.
const refPrec = 300

func bf() *big.Float { return new(big.Float).SetPrec(refPrec) }

// bigBlock returns columns lo:hi of the n×p float64 matrix x as big
// columns, orthonormalised by modified Gram–Schmidt applied twice.
func bigBlock(x []float64, n, p, lo, hi int) [][]*big.Float {
	m := hi - lo
	q := make([][]*big.Float, m)
	for j := range q {
		q[j] = make([]*big.Float, n)
		for i := 0; i < n; i++ {
			q[j][i] = bf().SetFloat64(x[i*p+lo+j])
		}
	}
	testutil.BigOrthonormalise(q, refPrec)
	return q
}

// refChordal returns the chordal distance between the flags of the n×p
// matrices x and y with block boundaries dims, computed as described
// above.
func refChordal(x, y []float64, n int, dims []int) float64 {
	p := dims[len(dims)-1]
	sum := bf()
	t, c := bf(), bf()
	lo := 0
	for _, hi := range dims {
		xb := bigBlock(x, n, p, lo, hi)
		yb := bigBlock(y, n, p, lo, hi)
		for _, yj := range yb {
			r := make([]*big.Float, n)
			for i := range r {
				r[i] = bf().Set(yj[i])
			}
			for _, xk := range xb {
				c.SetFloat64(0)
				for i := 0; i < n; i++ {
					t.Mul(xk[i], yj[i])
					c.Add(c, t)
				}
				for i := 0; i < n; i++ {
					t.Mul(c, xk[i])
					r[i].Sub(r[i], t)
				}
			}
			for i := 0; i < n; i++ {
				t.Mul(r[i], r[i])
				sum.Add(sum, t)
			}
		}
		lo = hi
	}
	if sum.Sign() <= 0 {
		return 0
	}
	v, _ := bf().Sqrt(sum).Float64()
	return v
}

// pairWithAngles returns two flags of the type dims in Rⁿ (n ≥ 2p) whose
// blocks have the prescribed principal angles: with U Haar on O(n),
// X = U[:, 1:p] and column j of Y = cos θ_j·u_j + sin θ_j·u_{p+j}, so that
// X_iᵀY_i = diag(cos θ_j) and X_iᵀY_l = 0 for i ≠ l; both are then
// multiplied by random block rotations. The exact chordal distance is
// √(Σ_j sin²θ_j), up to the rounding of the float64 data.
func pairWithAngles(rng *rand.Rand, f *flag.Flag, theta []float64) (x, y []float64) {
	n, p := f.Shape()
	u := testutil.Haar(rng, n, false)
	x = make([]float64, n*p)
	y = make([]float64, n*p)
	for i := 0; i < n; i++ {
		for j := 0; j < p; j++ {
			x[i*p+j] = u[i*n+j]
			y[i*p+j] = math.Cos(theta[j])*u[i*n+j] + math.Sin(theta[j])*u[i*n+p+j]
		}
	}
	return rotate(f, x, blockRotation(f, rng)), rotate(f, y, blockRotation(f, rng))
}
