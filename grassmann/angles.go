package grassmann

import (
	"math"

	"gonum.org/v1/gonum/floats"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

// Principal angles. For bases X and Y of two subspaces, the cosines of the
// principal angles θ₁ ≤ … ≤ θ_p are the singular values of XᵀY and their
// sines are the singular values of the residual (I − XXᵀ)Y (Björck & Golub
// 1973, "Numerical methods for computing angles between linear subspaces").
// A cosine determines a small angle badly (cos θ = 1 − θ²/2 loses θ below
// about 1e-8) and a sine determines an angle near π/2 badly, so every angle
// is taken as θ = atan2(sin θ, cos θ) from both, paired by order: this is
// accurate over the whole range [0, π/2] (Knyazev & Argentati 2002,
// "Principal angles between subspaces in an A-based scalar product", who
// combine sines for small and cosines for large angles).
//
// The sines are only as good as the residual. Formed plainly, Y − X(XᵀY)
// has an absolute error of order ε, which is a relative error of ε/sin θ:
// 2e-6 for angles of 1e-10. residual therefore computes it in two passes
// ("twice is enough", Parlett 1980, §6.9):
//
//  1. R = Y − X·M with M = fl(XᵀY), evaluated entry by entry in doubled
//     precision (linalg.ResidualDot2) when the subspaces are close, that is
//     when ‖Y‖_F² − ‖M‖_F² (an estimate of ‖sin θ‖₂²) is below 2⁻⁸. Any M
//     gives R = (I − XXᵀ)Y + X·a with a = (XᵀX)⁻¹XᵀY − M of size ε, and R
//     carries an error of size ε‖R‖ only.
//  2. R ← R − X(XᵀR) in plain arithmetic, which removes X·a to O(ε²) and
//     adds errors of size ε‖R‖.
//
// The sines then have absolute errors of order ε·‖sin θ‖₂, so the largest
// angle, the distance and the chordal distance have relative errors of a few
// ε from 1e-10 (and below, down to where ε²·p² matters) to π/2. Farther
// apart (‖sin θ‖₂ ≳ 1/16) the first pass is plain: its error of size ε is
// already a relative error of at most 16ε. When only the singular values or
// the norm of R are needed (the angles, Dist, ChordalDist) the second pass
// is then skipped as well, since the in-span part X·a, orthogonal to the
// true residual, moves them only by O(ε²/sin θ); Log and the maps built on
// it keep it, because their result is R's singular vectors, which X·a would
// tilt out of the horizontal space by O(ε/‖sin θ‖).

// dot2Below is the estimate of ‖sin θ‖₂² below which the first pass of the
// residual is compensated; (1/16)².
const dot2Below = 0x1p-8

// residual writes m = XᵀY (p×p) and r = (I − XXᵀ)Y (n×p) as above, using
// the p×p workspace t; with valuesOnly the second pass is skipped for
// distant subspaces. r must not overlap x or y.
func residual(r, m, t, x, y []float64, n, p int, valuesOnly bool) {
	linalg.MulAtB(m, x, y, p, n, p)
	if floats.Dot(y, y)-floats.Dot(m, m) < dot2Below {
		linalg.ResidualDot2(r, y, x, m, n, p, p)
	} else {
		copy(r, y)
		linalg.Gemm(false, false, n, p, p, -1, x, m, 1, r)
		if valuesOnly {
			return
		}
	}
	linalg.MulAtB(t, x, r, p, n, p)
	linalg.Gemm(false, false, n, p, p, -1, x, t, 1, r)
}

// angles writes the principal angles between span(x) and span(y) in
// ascending order into th (length p).
func (g *Grassmann) angles(th, x, y []float64) {
	n, p := g.n, g.p
	if p == n || linalg.Equal(x, y) {
		clear(th)
		return
	}
	ar := linalg.NewArena(n*p + 2*p*p + 2*p)
	defer ar.Release()
	r, m, t := ar.Take(n*p), ar.Take(p*p), ar.Take(p*p)
	c, s := ar.Take(p), ar.Take(p)
	residual(r, m, t, x, y, n, p, true)
	errC := linalg.SVD(nil, c, nil, m, p, p) // cosines, descending
	errS := linalg.SVD(nil, s, nil, r, n, p) // sines, descending
	if errC != nil || errS != nil {
		linalg.FillNaN(th)
		return
	}
	for i := range th {
		th[i] = math.Atan2(s[p-1-i], c[i])
	}
}

// PrincipalAngles writes the principal angles 0 ≤ θ₁ ≤ θ₂ ≤ … ≤ θ_p ≤ π/2
// between span(y1) and span(y2), in ascending order, into dst (length p).
// Each θᵢ = atan2(sin θᵢ, cos θᵢ), with the cosines the singular values of
// y1ᵀy2 and the sines those of (I − y1y1ᵀ)y2 computed in doubled precision
// where it matters (Björck & Golub 1973; Knyazev & Argentati 2002; see the
// package documentation). The angles do not depend on the representatives.
//
// Accuracy: every angle has an absolute error of a few ε·max(‖sin θ‖₂, ε),
// so the largest one is accurate to a few ε relatively from 1e-10 to π/2; a
// small angle next to much larger ones is accurate in that absolute sense.
//
// Special cases are:
//
//	PrincipalAngles(y, y) = 0 exactly when the two slices hold equal values;
//	on Gr(n, n) every angle is 0;
//	a NaN entry gives NaN angles.
//
// It panics with a manifold.Error if len(dst) ≠ p or a basis has the wrong
// length.
func (g *Grassmann) PrincipalAngles(dst, y1, y2 []float64) {
	g.check(y1, y2)
	if len(dst) != g.p {
		panic(manifold.Error("grassmann: PrincipalAngles: len(dst) must be p"))
	}
	g.angles(dst, y1, y2)
}

// Dist returns the geodesic distance of the canonical metric,
//
//	d(span Y₁, span Y₂) = ‖θ‖₂ = (θ₁² + … + θ_p²)^{1/2},
//
// the 2-norm of the principal angles between the subspaces (Edelman, Arias
// & Smith 1998, §4.3; Bendokat, Zimmermann & Absil 2024), computed as
// in PrincipalAngles.
//
// Accuracy: the relative error is below 1e-12 (measured worst 1.6e-15, see
// the package documentation) when the largest principal angle is between
// 1e-10 and π/2 − 1e-8, for bases orthonormal to rounding.
//
// Special cases are:
//
//	Dist(Y, Y) = 0 exactly when the two slices hold equal values (a
//	different basis of the same subspace gives a distance of order ε);
//	Dist on Gr(n, n) is 0;
//	Dist ≤ √p·π/2 always; a NaN entry gives NaN.
func (g *Grassmann) Dist(y1, y2 []float64) float64 {
	g.check(y1, y2)
	th := linalg.GetFloats(g.p)
	defer linalg.PutFloats(th)
	g.angles(*th, y1, y2)
	return linalg.Nrm2(*th)
}

// ChordalDist returns the projection (chordal) distance
//
//	‖sin θ‖₂ = ‖Y₁Y₁ᵀ − Y₂Y₂ᵀ‖_F / √2 = ‖(I − Y₁Y₁ᵀ)Y₂‖_F,
//
// with θ the principal angles. Note the normalisation: it is the Frobenius
// distance of the orthogonal projectors divided by √2, so that it agrees
// with Dist to first order for nearby subspaces and is at most √p (Edelman,
// Arias & Smith 1998, §4.3, "projection F-norm"; Conway, Hardin & Sloane
// 1996, "Packing lines, planes, etc.", who use the squared form). It is
// computed from the doubled-precision residual of PrincipalAngles, without
// an SVD and without n×n matrices, and has a relative error of a few ε from
// 1e-10 to √p.
//
// Special cases are: ChordalDist(Y, Y) = 0 exactly when the slices hold
// equal values; 0 on Gr(n, n); a NaN entry gives NaN.
func (g *Grassmann) ChordalDist(y1, y2 []float64) float64 {
	g.check(y1, y2)
	n, p := g.n, g.p
	if p == n || linalg.Equal(y1, y2) {
		return 0
	}
	ar := linalg.NewArena(n*p + 2*p*p)
	defer ar.Release()
	r := ar.Take(n * p)
	residual(r, ar.Take(p*p), ar.Take(p*p), y1, y2, n, p, true)
	return linalg.Nrm2(r)
}

// SameSubspace reports whether y1 and y2 span the same subspace to within
// tol, that is whether ChordalDist(y1, y2) = ‖sin θ‖₂ ≤ tol. Two bases of
// one subspace computed from each other in floating point (for example
// y2 = y1·O with O orthogonal) are at a chordal distance of a few ε·√p, so
// a tolerance such as 1e-12 accepts them while rejecting any subspace whose
// largest principal angle exceeds 1e-12. NaN input gives false. It panics
// with a manifold.Error if tol is negative or NaN.
func (g *Grassmann) SameSubspace(y1, y2 []float64, tol float64) bool {
	if !(tol >= 0) {
		panic(manifold.Error("grassmann: SameSubspace: tolerance must be ≥ 0"))
	}
	return g.ChordalDist(y1, y2) <= tol
}
