package flag

import (
	"math"

	"github.com/geodesic-go/geodesic/manifold"
)

// FromGrassmann writes into dst the point of the one-block flag manifold
// Fl(p; n) = New(n, p) that is the subspace spanned by the point y of
// Gr(n, p) (grassmann.New(n, p)): the same n×p matrix, copied. A one-block
// flag is a single subspace, so the two manifolds are the same: tangent
// vectors are the same horizontal lifts (XᵀΔ = 0), the metric is tr(ΔᵀΔ)
// for both flag metrics (A = 0), and Exp, Log, Dist, ChordalDist and the
// retractions agree with grassmann's. It panics with a manifold.Error if
// len(dst) ≠ len(y). dst may alias y.
func FromGrassmann(dst, y []float64) {
	if len(dst) != len(y) {
		panic(manifold.Error("flag: FromGrassmann: len(dst) ≠ len(y)"))
	}
	copy(dst, y)
}

// ToGrassmann writes into dst the point of Gr(n, p) that is the one-block
// flag x ∈ Fl(p; n): the same n×p matrix, copied (see FromGrassmann; for a
// flag with several blocks, Flag.Subspace gives each of its subspaces). It
// panics with a manifold.Error if len(dst) ≠ len(x). dst may alias x.
func ToGrassmann(dst, x []float64) {
	if len(dst) != len(x) {
		panic(manifold.Error("flag: ToGrassmann: len(dst) ≠ len(x)"))
	}
	copy(dst, x)
}

// Subspace writes into dst (n×n_i, row-major) the basis [X₀ … X_i] of the
// i-th subspace V_i of the flag x, i = 0, …, k − 1: the first n_i columns
// of x, a point of Gr(n, n_i). With the canonical metric the map
// X ↦ V_i is a Riemannian submersion onto Gr(n, n_i) (both are normal
// homogeneous spaces of O(n) with the same metric), so
// grassmann Dist(V_i(X), V_i(Y)) ≤ Dist(X, Y). It panics with a
// manifold.Error if i is out of range or a length is wrong. dst may be
// x[:n·n_i] (the basis is then compacted in place); it must not overlap x
// otherwise.
func (f *Flag) Subspace(dst, x []float64, i int) {
	_, hi := f.BlockRange(i)
	f.check1(x)
	if len(dst) != f.n*hi {
		panic(manifold.Error("flag: Subspace: len(dst) must be n·n_i"))
	}
	if hi == f.p {
		copy(dst, x)
		return
	}
	for r := range f.n {
		copy(dst[r*hi:(r+1)*hi], x[r*f.p:r*f.p+hi])
	}
}

// FromRotation writes into dst the flag of the columns of the 3×3 rotation
// r (row-major), span(r₁) ⊂ span(r₁, r₂) ⊂ R³: for len(dst) = 9 the point
// of the complete flag manifold Fl(1, 2, 3; 3) = New(3, 1, 2, 3), which is
// r itself (copied); for len(dst) = 6 the point of Fl(1, 2; 3) =
// New(3, 1, 2), the 3×2 matrix [r₁ r₂] of its first two columns. The two
// manifolds are the same set of flags (r₃ = ±r₁ × r₂ is determined up to
// sign), and with the canonical metric they are isometric to
// SO(3)/{diag(±1, ±1, ±1)} with the rotation-angle metric: the distance
// between the flags of R₁ and R₂ is min_D θ(R₁ᵀR₂D) over the four sign
// matrices D of determinant +1, θ(M) = arccos((tr M − 1)/2) the rotation
// angle.
//
// r is assumed orthogonal (a rotation, or any orthogonal matrix: its flag
// does not depend on det r). It panics with a manifold.Error unless
// len(r) = 9 and len(dst) is 9 or 6. dst may alias r when len(dst) = 9.
func FromRotation(dst, r []float64) {
	if len(r) != 9 {
		panic(manifold.Error("flag: FromRotation: len(r) must be 9"))
	}
	switch len(dst) {
	case 9:
		copy(dst, r)
	case 6:
		for i := range 3 {
			dst[2*i], dst[2*i+1] = r[3*i], r[3*i+1]
		}
	default:
		panic(manifold.Error("flag: FromRotation: len(dst) must be 9 or 6"))
	}
}

// ToRotation writes into dst (3×3, row-major) the rotation of determinant
// +1 that represents the flag x of Fl(1, 2, 3; 3) (len(x) = 9) or
// Fl(1, 2; 3) (len(x) = 6), with this sign convention:
//
//	the first two columns are x₁ and x₂ with their signs chosen so that
//	the entry of largest magnitude of each is positive (the first such
//	entry on ties);
//	the third column is ±x₃ with the sign that makes the determinant +1
//	(len(x) = 9), or x₁ × x₂ of the sign-fixed columns (len(x) = 6).
//
// A flag determines each column of a representative only up to sign, so
// four rotations R·D, D ∈ {I, diag(1, −1, −1), diag(−1, 1, −1),
// diag(−1, −1, 1)}, represent it; the convention picks one of them. So
// ToRotation(FromRotation(R)) = R·D with D the sign matrix that makes the
// largest entries of R's first two columns positive: R itself when R
// already follows the convention (bitwise for len(x) = 9, where only signs
// change; to rounding in the third column for len(x) = 6), and R with two
// columns negated otherwise. The convention is discontinuous where the
// largest entry of a column changes sign or ties, as any choice of
// representative must be somewhere.
//
// x is assumed orthonormal (a point passing CheckPoint); the result is as
// orthogonal as x. NaN in x gives NaN in dst. It panics with a
// manifold.Error unless len(dst) = 9 and len(x) is 9 or 6. dst may alias x.
func ToRotation(dst, x []float64) {
	if len(dst) != 9 {
		panic(manifold.Error("flag: ToRotation: len(dst) must be 9"))
	}
	var c int
	switch len(x) {
	case 9:
		c = 3
	case 6:
		c = 2
	default:
		panic(manifold.Error("flag: ToRotation: len(x) must be 9 or 6"))
	}
	var col [3][3]float64 // col[j] is column j
	for j := range c {
		for i := range 3 {
			col[j][i] = x[i*c+j]
		}
	}
	for j := range 2 {
		big := 0
		for i := 1; i < 3; i++ {
			if math.Abs(col[j][i]) > math.Abs(col[j][big]) {
				big = i
			}
		}
		if col[j][big] < 0 {
			for i := range 3 {
				col[j][i] = 0 - col[j][i] // exact; 0 − 0 = +0, not −0
			}
		}
	}
	a, b := col[0], col[1]
	// (+0 turns a −0 of the cross product into +0, for tidy output.)
	cross := [3]float64{a[1]*b[2] - a[2]*b[1] + 0, a[2]*b[0] - a[0]*b[2] + 0, a[0]*b[1] - a[1]*b[0] + 0}
	if c == 2 {
		col[2] = cross
	} else if det := cross[0]*col[2][0] + cross[1]*col[2][1] + cross[2]*col[2][2]; det < 0 {
		for i := range 3 {
			col[2][i] = 0 - col[2][i]
		}
	}
	for i := range 3 {
		for j := range 3 {
			dst[i*3+j] = col[j][i]
		}
	}
}
