package stiefel

import (
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

var (
	errNotInQRImage    = fmt.Errorf("stiefel: InverseRetractQR: q is not in the image of the QR retraction at p (a leading principal minor of pᵀq is not positive): %w", manifold.ErrCutLocus)
	errNotInPolarImage = fmt.Errorf("stiefel: InverseRetractPolar: q is not in the image of the polar retraction at p (pᵀq·S + S·qᵀp = 2I has no positive definite solution S): %w", manifold.ErrCutLocus)
)

// InverseRetract writes the inverse of the configured retraction: Log for
// Exponential, InverseRetractQR for QR and InverseRetractPolar for Polar.
// The Cayley retraction has no inverse here: InverseRetract then panics
// with a manifold.Error, and HasCapability(manifold.CapInverseRetract)
// reports false.
func (s *Stiefel) InverseRetract(dst, x, y []float64) error {
	switch s.retr {
	case Exponential:
		return s.Log(dst, x, y)
	case Polar:
		return s.InverseRetractPolar(dst, x, y)
	case Cayley:
		s.check3(dst, x, y)
		panic(manifold.Error("stiefel: the Cayley retraction has no inverse retraction (see HasCapability)"))
	}
	return s.InverseRetractQR(dst, x, y)
}

// InverseRetractQR writes the Δ ∈ T_X with qf(X + Δ) = Y (Kaneko, Fiori &
// Tanaka 2013, "Empirical arithmetic averaging over the compact Stiefel
// manifold", IEEE Trans. Signal Process. 61). X + Δ = YR with R upper
// triangular with a positive diagonal, and tangency of Δ = YR − X means
//
//	M·R + Rᵀ·Mᵀ = 2I,   M = XᵀY,
//
// whose upper-triangular solution is found column by column: column j of R
// solves M_{1:j,1:j}·r = b with b_i = −(MR)_{ji} for i < j and b_j = 1
// (a triangular recursion; the leading blocks are factorised once, by an
// LU decomposition of M without pivoting, so the cost is O(p³) after the
// O(np²) products). The QR retraction maps T_X onto the Y whose matrix
// XᵀY has positive leading principal minors; for any other Y
// InverseRetractQR returns an error wrapping manifold.ErrCutLocus and leaves
// dst unchanged.
//
// Special case: InverseRetractQR(X, X) = 0 exactly (bitwise-equal inputs).
func (s *Stiefel) InverseRetractQR(dst, x, y []float64) error {
	s.check3(dst, x, y)
	if linalg.SameBits(x, y) {
		clear(dst)
		return nil
	}
	n, p := s.n, s.p
	ar := linalg.NewArena(3*p*p + n*p)
	defer ar.Release()
	r := ar.Take(p * p)
	m := ar.Take(p * p)
	lu := ar.Take(p * p)
	d := ar.Take(n * p)
	if err := s.invQRFactor(r, m, lu, x, y); err != nil {
		return err
	}
	copy(d, x)
	linalg.Gemm(false, false, n, p, p, 1, y, r, -1, d) // Δ = YR − X
	copy(dst, d)
	return nil
}

// invQRFactor writes into r the upper-triangular R with positive diagonal
// solving M·R + Rᵀ·Mᵀ = 2I, M = XᵀY (written to m), using lu as workspace.
func (s *Stiefel) invQRFactor(r, m, lu, x, y []float64) error {
	n, p := s.n, s.p
	linalg.MulAtB(m, x, y, p, n, p)
	if !linalg.AllFinite(m) {
		linalg.FillNaN(r)
		return nil
	}
	// LU of M without pivoting: the leading j×j blocks of L and U factor
	// the leading blocks of M.
	copy(lu, m)
	var mmax float64
	for _, v := range m {
		mmax = math.Max(mmax, math.Abs(v))
	}
	for c := range p {
		piv := lu[c*p+c]
		if !(math.Abs(piv) > 1e-12*mmax) {
			return errNotInQRImage
		}
		for i := c + 1; i < p; i++ {
			f := lu[i*p+c] / piv
			lu[i*p+c] = f
			for j := c + 1; j < p; j++ {
				lu[i*p+j] -= f * lu[c*p+j]
			}
		}
	}
	clear(r)
	for j := range p {
		// b (stored in column j of r): b_i = −Σ_{l≤i} M_{jl} R_{li}, b_j = 1.
		for i := range j {
			var t float64
			for l := 0; l <= i; l++ {
				t += m[j*p+l] * r[l*p+i]
			}
			r[i*p+j] = -t
		}
		r[j*p+j] = 1
		// Forward substitution with unit-lower L, then back substitution
		// with U, on the leading (j+1)×(j+1) block.
		for i := 0; i <= j; i++ {
			t := r[i*p+j]
			for l := range i {
				t -= lu[i*p+l] * r[l*p+j]
			}
			r[i*p+j] = t
		}
		for i := j; i >= 0; i-- {
			t := r[i*p+j]
			for l := i + 1; l <= j; l++ {
				t -= lu[i*p+l] * r[l*p+j]
			}
			r[i*p+j] = t / lu[i*p+i]
		}
		if !(r[j*p+j] > 0) || math.IsInf(r[j*p+j], 1) {
			return errNotInQRImage
		}
	}
	return nil
}

// InverseRetractPolar writes the Δ ∈ T_X with (X + Δ)(I + ΔᵀΔ)^{-1/2} = Y.
// Then X + Δ = YS with S = (I + ΔᵀΔ)^{1/2} symmetric positive definite, and
// tangency of Δ = YS − X is the Lyapunov-type equation
//
//	M·S + S·Mᵀ = 2I,   M = XᵀY,
//
// solved by the Bartels–Stewart algorithm (linalg.Sylvester; the equation
// is that of Kaneko, Fiori & Tanaka 2013). The solution is symmetric by uniqueness and is
// symmetrised exactly. If the equation is singular (M and −Mᵀ share an
// eigenvalue) or S is not positive definite, Y is not in the image of the
// polar retraction at X: InverseRetractPolar returns an error wrapping
// manifold.ErrCutLocus and leaves dst unchanged. Cost O(np²) + O(p³).
//
// Special case: InverseRetractPolar(X, X) = 0 exactly (bitwise-equal inputs).
func (s *Stiefel) InverseRetractPolar(dst, x, y []float64) error {
	s.check3(dst, x, y)
	if linalg.SameBits(x, y) {
		clear(dst)
		return nil
	}
	n, p := s.n, s.p
	ar := linalg.NewArena(3*p*p + p + n*p)
	defer ar.Release()
	sm := ar.Take(p * p)
	m := ar.Take(p * p)
	w := ar.Take(p*p + p)
	d := ar.Take(n * p)
	if err := s.invPolarFactor(sm, m, w, x, y); err != nil {
		return err
	}
	copy(d, x)
	linalg.Gemm(false, false, n, p, p, 1, y, sm, -1, d) // Δ = YS − X
	copy(dst, d)
	return nil
}

// invPolarFactor writes into sm the symmetric positive definite S solving
// M·S + S·Mᵀ = 2I, M = XᵀY (written to m); w is workspace of length p²+p.
func (s *Stiefel) invPolarFactor(sm, m, w, x, y []float64) error {
	n, p := s.n, s.p
	linalg.MulAtB(m, x, y, p, n, p)
	if !linalg.AllFinite(m) {
		linalg.FillNaN(sm)
		return nil
	}
	mt := w[:p*p]
	for i := range p {
		for j := range p {
			mt[j*p+i] = m[i*p+j]
		}
	}
	c := sm // right-hand side 2I, overwritten by the solution
	clear(c)
	for i := range p {
		c[i*p+i] = 2
	}
	if err := linalg.Sylvester(c, m, mt, c, p, p); err != nil {
		return errNotInPolarImage
	}
	linalg.SymPart(sm, sm, p)
	if !linalg.AllFinite(sm) {
		return errNotInPolarImage
	}
	// Positive definiteness by a Cholesky attempt (in mt).
	copy(mt, sm)
	if !linalg.CholeskyInPlace(mt, p) {
		return errNotInPolarImage
	}
	return nil
}
