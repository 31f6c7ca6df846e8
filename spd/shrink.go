package spd

import (
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

// Shrink writes the linear shrinkage of the n×n matrix S toward a scaled
// identity,
//
//	(1 − α)·sym(S) + α·μ·I,  μ = tr(S)/n,
//
// the regularisation of a (possibly singular) sample covariance matrix of
// Ledoit & Wolf ("A well-conditioned estimator for large-dimensional
// covariance matrices", J. Multivariate Anal. 88, 2004) with a shrinkage
// intensity α ∈ [0, 1] chosen by the caller. The eigenvectors of sym(S)
// are kept and each eigenvalue λ becomes (1 − α)λ + αμ, so for positive
// semidefinite S with μ > 0 every α > 0 gives a positive definite result
// with condition number at most ((1 − α)λ_max + αμ)/(αμ). The result is
// exactly symmetric. dst may alias s.
//
// Shrink panics with a manifold.Error if n < 1, a length is not n², or α is
// not in [0, 1].
func Shrink(dst, s []float64, n int, alpha float64) {
	if n < 1 {
		panic(manifold.Error("spd: n must be ≥ 1"))
	}
	if len(dst) != n*n || len(s) != n*n {
		panic(errLength)
	}
	if !(alpha >= 0 && alpha <= 1) {
		panic(manifold.Error("spd: shrinkage intensity must be in [0, 1]"))
	}
	var tr float64
	for i := range n {
		tr += s[i*n+i]
	}
	mu := tr / float64(n)
	symInto(dst, s, n, 1)
	b := 1 - alpha
	for i := range dst {
		dst[i] *= b
	}
	for i := range n {
		dst[i*n+i] += alpha * mu
	}
}

// ShrinkMinEig writes Shrink(dst, s, n, α) with the smallest α ∈ [0, 1] for
// which the smallest eigenvalue of the result is at least minEig, and
// returns α. Since shrinkage maps each eigenvalue λ of sym(S) to
// (1 − α)λ + αμ, μ = tr(S)/n, that α is
//
//	α = (minEig − λ_min)/(μ − λ_min)   (0 if λ_min ≥ minEig already),
//
// found from one eigenvalue computation. The smallest eigenvalue of the
// result equals minEig to within rounding (a few ulps of ‖S‖).
//
// It returns an error, and leaves dst unchanged, when minEig > μ (no
// shrinkage toward μ·I reaches it: at α = 1 every eigenvalue is μ), when S
// has a NaN or infinite entry, or when the eigensolver fails. It panics
// with a manifold.Error if n < 1, a length is not n², or minEig is not a
// finite number > 0.
func ShrinkMinEig(dst, s []float64, n int, minEig float64) (alpha float64, err error) {
	if n < 1 {
		panic(manifold.Error("spd: n must be ≥ 1"))
	}
	if len(dst) != n*n || len(s) != n*n {
		panic(errLength)
	}
	if !(minEig > 0) || math.IsInf(minEig, 1) {
		panic(manifold.Error("spd: ShrinkMinEig target must be a finite number > 0"))
	}
	if !linalg.AllFinite(s) {
		return 0, fmt.Errorf("spd: ShrinkMinEig: matrix has a NaN or infinite entry")
	}
	w := linalg.NewArena(n)
	defer w.Release()
	ev := w.Take(n)
	if err := linalg.EigSymValues(ev, s, n); err != nil {
		return 0, err
	}
	var tr float64
	for i := range n {
		tr += s[i*n+i]
	}
	mu := tr / float64(n)
	lmin := ev[0]
	switch {
	case lmin >= minEig:
		alpha = 0
	case mu < minEig:
		return 0, fmt.Errorf("spd: ShrinkMinEig: target %.3g exceeds the mean eigenvalue tr(S)/n = %.3g, the most shrinkage can reach", minEig, mu)
	default:
		alpha = math.Min(1, (minEig-lmin)/(mu-lmin))
	}
	Shrink(dst, s, n, alpha)
	return alpha, nil
}
