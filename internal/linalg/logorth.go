package linalg

import "math"

// piTol returns the distance below which an angle is taken to equal π for a
// p×p orthogonal matrix: 16·p·ε, a small multiple of the error of the
// rotation angles read from a computed real Schur form.
func piTol(p int) float64 { return 16 * float64(p) * eps }

// LogOrth writes the principal logarithm L = log(Q) of the p×p orthogonal
// matrix Q: the unique real skew-symmetric L with exp(L) = Q whose
// eigenvalues ±iθⱼ satisfy |θⱼ| < π. The result is exactly skew-symmetric.
//
// The method is spectral, the inverse of ExpSkew: the real Schur form of
// the normal matrix Q is block diagonal, Q = Z·diag(R(θ₁), …, R(θ_k), 1, …)·Zᵀ
// with plane rotations R(θ) = [[cos θ, −sin θ], [sin θ, cos θ]] (Golub & Van
// Loan, 4th ed., §7.4; Gallier & Xu 2002; Higham, Functions of Matrices,
// 2008, Ch. 11, for the principal logarithm). Each 2×2 Schur block
// [[a, b], [c, d]] is first projected onto the nearest scaled rotation
// (cos θ = (a + d)/2, sin θ = (c − b)/2), which absorbs the rounding-level
// differences between the diagonal entries and between |b| and |c|; then
// θ = atan2(sin θ, cos θ), 1×1 blocks (eigenvalue +1) give 0, and
// L = Z·diag([[0, −θⱼ], [θⱼ, 0]], 0, …)·Zᵀ, skew-symmetrised exactly. The
// angles are accurate to a few ulps of π, including near π (the log itself
// is ill conditioned there, with condition number of order 1/(π − |θ|)).
//
// LogOrth returns an error wrapping manifold.ErrCutLocus when Q has the
// eigenvalue −1: a negative 1×1 Schur block (which includes every Q with
// det Q = −1, for which no real logarithm exists) or an angle with
// |θ| ≥ π − 16·p·ε. The real logarithm is then not unique and dst is
// unspecified. Q is assumed orthogonal; the off-block entries of its Schur
// form, of rounding size for orthogonal Q, are ignored. p = 1 and p = 2 use
// closed forms.
//
// dst may alias q. Special case: NaN or ±Inf in Q gives an all-NaN result
// and a nil error. It returns an error wrapping manifold.ErrNotConverged if
// the Schur iteration fails.
func LogOrth(dst, q []float64, p int) error {
	checkDim(p)
	checkLen(q, p*p)
	checkLen(dst, p*p)
	if !AllFinite(q) {
		FillNaN(dst)
		return nil
	}
	switch p {
	case 1:
		if q[0] < 0 {
			return errLogOrthCut
		}
		dst[0] = 0
		return nil
	case 2:
		if q[0]*q[3]-q[1]*q[2] < 0 { // det Q = −1: eigenvalues +1 and −1
			return errLogOrthCut
		}
		th := math.Atan2(0.5*(q[2]-q[1]), 0.5*(q[0]+q[3]))
		if math.Pi-math.Abs(th) <= piTol(p) {
			return errLogOrthCut
		}
		dst[0], dst[1], dst[2], dst[3] = 0, -th, th, 0
		return nil
	}
	pp := p * p
	ar := NewArena(3 * pp)
	defer ar.Release()
	t := ar.Take(pp)
	z := ar.Take(pp)
	m := ar.Take(pp)
	copy(t, q)
	if err := schur(t, z, p); err != nil {
		return err
	}
	tol := piTol(p)
	// M = Z·diag([[0, −θⱼ], [θⱼ, 0]], 0, …), column by column.
	for j := 0; j < p; {
		if j+1 < p && t[(j+1)*p+j] != 0 {
			c := 0.5 * (t[j*p+j] + t[(j+1)*p+j+1])
			s := 0.5 * (t[(j+1)*p+j] - t[j*p+j+1])
			th := math.Atan2(s, c)
			if math.Pi-math.Abs(th) <= tol {
				return errLogOrthCut
			}
			for i := range p {
				z0, z1 := z[i*p+j], z[i*p+j+1]
				m[i*p+j] = th * z1
				m[i*p+j+1] = -th * z0
			}
			j += 2
			continue
		}
		if t[j*p+j] < 0 {
			return errLogOrthCut
		}
		for i := range p {
			m[i*p+j] = 0
		}
		j++
	}
	gemm(false, true, p, p, p, 1, m, z, 0, dst)
	SkewPart(dst, dst, p)
	return nil
}
