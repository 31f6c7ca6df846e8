package grassmann

import (
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

// CutLocusTolerance is the threshold of the cut-locus test of Log,
// InverseRetract and ParallelTransport: a target whose largest principal
// angle θ_p with the base point has cos θ_p = σ_min(XᵀY) ≤ CutLocusTolerance
// (2⁻⁴⁷ ≈ 7.1e-15, i.e. θ_p within 7.1e-15 of π/2) is in the cut locus to
// working precision. The float64 bases determine that cosine only to an
// absolute accuracy of a few ε·√p, so below this threshold the data do not
// say on which side of π/2 the angle lies, and the minimising geodesic (the
// direction of the logarithm) is not determined.
const CutLocusTolerance = 0x1p-47

// logData holds the logarithm of Y at X in factored form.
type logData struct {
	uh []float64 // n×p: Û, left singular vectors of (I − XXᵀ)Y
	th []float64 // p: the principal angles θᵢ paired with the columns of Û
	vt []float64 // p×p: V̂ᵀ, so that Log_X(Y) = Û·diag(θ)·V̂ᵀ
	w  []float64 // p×p orthogonal: Y* = Y·W is the representative Exp_X(Log_X Y)
}

// logParts computes the factored logarithm by the algorithm of Bendokat,
// Zimmermann & Absil (2024, algorithm "Grassmann logarithm") with the
// changes described on Log, taking n·p + 5p² + 2p elements from ar. On a
// cut-locus error the contents of the result are unspecified.
func (g *Grassmann) logParts(ar *linalg.Arena, x, y []float64) (logData, error) {
	n, p := g.n, g.p
	uh, m, t := ar.Take(n*p), ar.Take(p*p), ar.Take(p*p)
	a, bt, w := ar.Take(p*p), ar.Take(p*p), ar.Take(p*p)
	s, sh := ar.Take(p), ar.Take(p)
	residual(uh, m, t, x, y, n, p, false) // uh = (I − XXᵀ)Y, m = XᵀY
	// XᵀY = A·S·Bᵀ, i.e. YᵀX = B·S·Aᵀ = Q·S·Rᵀ in the notation of BZA.
	if err := linalg.SVD(a, s, bt, m, p, p); err != nil {
		return logData{}, fmt.Errorf("grassmann: Log: %w", err)
	}
	if cmin := s[p-1]; cmin <= CutLocusTolerance {
		return logData{}, fmt.Errorf("grassmann: Log: the largest principal angle is π/2 to working precision (cos θ = %.3g ≤ %.3g): %w",
			cmin, CutLocusTolerance, manifold.ErrCutLocus)
	}
	// (I − XXᵀ)Y = Û·Ŝ·V̂₀ᵀ, so (I − XXᵀ)Y* = Û·Ŝ·(V̂₀ᵀW) with W = QRᵀ = B·Aᵀ.
	vt := m // XᵀY is no longer needed
	if err := linalg.SVD(uh, sh, vt, uh, n, p); err != nil {
		return logData{}, fmt.Errorf("grassmann: Log: %w", err)
	}
	linalg.Gemm(true, true, p, p, p, 1, bt, a, 0, w)
	// Cosines in the basis of the sines: cᵢ = v̂ᵢᵀ(XᵀY*)v̂ᵢ with
	// XᵀY* = A·S·Aᵀ and v̂ᵢ = Wᵀv̂₀ᵢ, i.e. cᵢ = Σₖ sₖ·(v̂₀ᵢᵀbₖ)².
	linalg.Gemm(false, true, p, p, p, 1, vt, bt, 0, t)
	for i := range p {
		var c float64
		for k, sk := range s {
			c += sk * t[i*p+k] * t[i*p+k]
		}
		sh[i] = math.Atan2(sh[i], c)
	}
	linalg.Mul(a, vt, w, p, p, p) // V̂ᵀ = V̂₀ᵀ·W
	return logData{uh: uh, th: sh, vt: a, w: w}, nil
}

// Log writes the logarithm Log_X(Y): the horizontal lift at X of the
// initial velocity of the minimising geodesic from span(X) to span(Y), with
// ‖Log_X(Y)‖ = Dist(X, Y). It uses the SVD-and-Procrustes algorithm of
// Bendokat, Zimmermann & Absil (2024, "A Grassmann manifold handbook",
// algorithm "Grassmann logarithm"), which needs no matrix inverse and is
// stable for every largest principal angle below π/2:
//
//  1. XᵀY = A·S·Bᵀ (SVD; S holds the cosines of the principal angles) and
//     W = B·Aᵀ, so that the representative Y* = Y·W is aligned with X:
//     XᵀY* = A·S·Aᵀ is symmetric positive semidefinite (Procrustes).
//  2. (I − XXᵀ)Y* = Û·Ŝ·V̂ᵀ (thin SVD; Ŝ holds the sines).
//  3. θᵢ = atan2(ŝᵢ, cᵢ) with cᵢ = v̂ᵢᵀ(XᵀY*)v̂ᵢ, the cosines in the same
//     basis, and Log_X(Y) = Û·diag(θ)·V̂ᵀ.
//
// Two departures from the published algorithm, both for accuracy: step 3
// takes θ = atan2(sin, cos) instead of arcsin(Ŝ), which loses half the
// digits of angles near π/2 (arcsin is ill-conditioned at 1); and
// (I − XXᵀ)Y* is computed as [(I − XXᵀ)Y]·W, where (I − XXᵀ)Y is the
// doubled-precision residual of PrincipalAngles, so that the result is
// accurate relative to its norm even for tiny distances (forming Y* = Y·W
// first would add errors of order ε to a residual of size ‖θ‖). No n×n
// matrix is formed. Exp_X(Log_X Y) is the representative Y* = Y·W.
//
// Accuracy (see the package documentation): within 1e-12 relative of a
// high-precision logarithm when the two largest principal angles sum to at
// most π − 1e-3 (near the conjugate locus θ_p + θ_{p−1} = π the condition
// number grows like 1/(π − θ_p − θ_{p−1})), and
// ‖Log_X(Exp_X Δ) − Δ‖ ≤ 1e-12·‖Δ‖ + 1e-15·√p for ‖Δ‖ ≤ 0.99·π/2, the
// absolute term being the rounding of the point Exp_X Δ to float64.
//
// Special cases are:
//
//	Log(X, X) = 0 exactly when the two slices hold equal values (a
//	different basis of the same subspace gives a vector of size ε);
//	on Gr(n, n) Log is 0;
//	if the largest principal angle is π/2 to working precision
//	(σ_min(XᵀY) ≤ CutLocusTolerance), span(Y) is in the cut locus of
//	span(X): Log returns an error wrapping manifold.ErrCutLocus and leaves
//	dst unchanged;
//	a NaN entry gives NaN entries and a nil error.
//
// Near the cut locus the result is still accurate as long as a single
// angle approaches π/2; the pairing of the principal vectors becomes
// ill-conditioned only when two angles do.
func (g *Grassmann) Log(dst, x, y []float64) error {
	g.check(dst, x, y)
	n, p := g.n, g.p
	if p == n || linalg.Equal(x, y) {
		clear(dst)
		return nil
	}
	ar := linalg.NewArena(n*p + 5*p*p + 2*p)
	defer ar.Release()
	ld, err := g.logParts(&ar, x, y)
	if err != nil {
		return err
	}
	for i, th := range ld.th {
		row := ld.vt[i*p : i*p+p]
		for j := range row {
			row[j] *= th
		}
	}
	linalg.Mul(dst, ld.uh, ld.vt, n, p, p)
	return nil
}
