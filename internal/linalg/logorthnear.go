package linalg

import (
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/manifold"
)

var errLogOrthNearDet = fmt.Errorf("linalg: LogOrthNear: det Q = −1, no real logarithm: %w", manifold.ErrCutLocus)

// LogOrthNear writes a real logarithm L of the p×p orthogonal matrix Q
// (exp(L) = Q, L exactly skew-symmetric) on the branch that continues the
// skew-symmetric reference matrix ref: it is the logarithm to use when Q
// moves along a path whose logarithm is known to be close to ref, and the
// rotation angles of that logarithm may exceed π, where the principal
// logarithm (LogOrth) jumps by 2π.
//
// With the real Schur form Q = Z·diag(R(θ₁), …, R(θ_k), ±1, …)·Zᵀ, R(θ) the
// plane rotation by θ ∈ (−π, π] (Golub & Van Loan, 4th ed., §7.4; Gallier &
// Xu 2002), each angle θⱼ is replaced by θⱼ + 2πmⱼ, with mⱼ the integer
// nearest to (ωⱼ − θⱼ)/(2π), where ωⱼ = ½(z_{j+1}ᵀ·ref·zⱼ − zⱼᵀ·ref·z_{j+1})
// is the rotation rate of ref in the plane of the block. Eigenvalues −1,
// which the Schur form may return as pairs of 1×1 blocks, are taken pairwise
// as rotations by ±π (sign of ref's rate in their plane, then shifted by 2πm
// in the same way). Then L = Z·diag(θⱼ·[[0, −1], [1, 0]], 0, …)·Zᵀ. The
// branch is well defined when ref nearly commutes with Q, as it does along
// a continuation; the choice is a heuristic otherwise, but exp(L) = Q
// always holds to rounding.
//
// If ref is nil every mⱼ is 0: L is the principal logarithm, except that a
// pair of eigenvalues −1 gets the angle +π instead of an error (LogOrth
// returns ErrCutLocus there). ref must otherwise have length p*p and is read
// only through the rates ωⱼ, so it need not be exactly skew-symmetric.
//
// LogOrthNear returns an error wrapping manifold.ErrCutLocus when det Q < 0
// (an odd number of eigenvalues −1), and the error of Schur (wrapping
// manifold.ErrNotConverged) if the Schur iteration fails; dst is then
// unspecified. dst may alias q or ref. Special case: NaN or ±Inf in Q gives
// an all-NaN result and a nil error. It allocates nothing for small p.
func LogOrthNear(dst, q, ref []float64, p int) error {
	checkDim(p)
	checkLen(q, p*p)
	checkLen(dst, p*p)
	if ref != nil {
		checkLen(ref, p*p)
	}
	if !AllFinite(q) {
		FillNaN(dst)
		return nil
	}
	if p == 1 {
		if q[0] < 0 {
			return errLogOrthNearDet
		}
		dst[0] = 0
		return nil
	}
	pp := p * p
	w := GetFloats(4 * pp)
	defer PutFloats(w)
	t := (*w)[:pp]
	z := (*w)[pp : 2*pp]
	rz := (*w)[2*pp : 3*pp]
	m := (*w)[3*pp : 4*pp]
	if err := Schur(t, z, q, p); err != nil {
		return err
	}
	if ref != nil {
		Gemm(false, false, p, p, p, 1, ref, z, 0, m) // M = ref·Z
		Gemm(true, false, p, p, p, 1, z, m, 0, rz)   // RZ = Zᵀ·ref·Z
	}
	// rate returns ref's rotation rate in the plane (z_i, z_j).
	rate := func(i, j int) float64 {
		return 0.5 * (rz[j*p+i] - rz[i*p+j])
	}
	shift := func(th, om float64) float64 {
		return th + 2*math.Pi*math.Round((om-th)/(2*math.Pi))
	}
	// M = Z·Θ column by column: for a block (i, j) with angle θ, column i
	// of M is θ·z_j and column j is −θ·z_i.
	clear(m)
	setPlane := func(i, j int, th float64) {
		for r := range p {
			zi, zj := z[r*p+i], z[r*p+j]
			m[r*p+i] = th * zj
			m[r*p+j] = -th * zi
		}
	}
	neg := -1 // index of an unpaired 1×1 block −1
	for j := 0; j < p; {
		if j+1 < p && t[(j+1)*p+j] != 0 {
			c := 0.5 * (t[j*p+j] + t[(j+1)*p+j+1])
			s := 0.5 * (t[(j+1)*p+j] - t[j*p+j+1])
			th := math.Atan2(s, c)
			if ref != nil {
				th = shift(th, rate(j, j+1))
			}
			setPlane(j, j+1, th)
			j += 2
			continue
		}
		if t[j*p+j] < 0 {
			if neg < 0 {
				neg = j
			} else {
				th := math.Pi
				if ref != nil {
					om := rate(neg, j)
					if om < 0 {
						th = -math.Pi
					}
					th = shift(th, om)
				}
				setPlane(neg, j, th)
				neg = -1
			}
		}
		j++
	}
	if neg >= 0 {
		return errLogOrthNearDet
	}
	Gemm(false, true, p, p, p, 1, m, z, 0, dst) // L = M·Zᵀ
	SkewPart(dst, dst, p)
	return nil
}
