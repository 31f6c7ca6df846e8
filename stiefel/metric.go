package stiefel

import (
	"math"
	"strconv"

	"gonum.org/v1/gonum/floats"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

// Metric is a member of the one-parameter family of Riemannian metrics on
// St(n, p) introduced by Hüper, Markina & Silva Leite (2021), written with
// the parameter β of Absil & Mataigne (2024) and Mataigne, Zimmermann &
// Miolane (2024):
//
//	g_β(Δ, Δ) = tr(ΔᵀΔ) − (1 − β)·tr(ΔᵀXXᵀΔ),   β > 0.
//
// Writing a tangent vector as Δ = XA + X⊥B (A skew, X⊥ an orthonormal basis
// of the complement of span(X)), g_β(Δ, Δ) = β‖A‖²_F + ‖B‖²_F: β weighs the
// motion of the frame within its own span. β = 1 is the Euclidean
// (embedded) metric and β = ½ the canonical metric of Edelman, Arias &
// Smith (1998). Hüper et al. write the family with α ∈ (−1, ∞) instead;
// β = 1/(2(α + 1)), so α = −½ is Euclidean and α = 0 canonical (see
// Metric.Alpha).
//
// The zero value is the Euclidean metric. Metrics compare with ==:
// Family(1) == Euclidean and Family(0.5) == Canonical.
type Metric struct {
	b float64 // β, with 0 standing for 1 so that the zero value is Euclidean
}

var (
	// Euclidean is the metric g(Δ, Δ) = tr(ΔᵀΔ) induced by the embedding
	// in R^{n×p} (β = 1).
	Euclidean = Metric{}
	// Canonical is the metric g(Δ, Δ) = tr(Δᵀ(I − ½XXᵀ)Δ) of St(n, p) as
	// the quotient O(n)/O(n−p) (β = ½; Edelman, Arias & Smith 1998, §2.4).
	Canonical = Metric{b: 0.5}
)

// Family returns the metric g_β of the Hüper–Markina–Silva Leite family
// (see Metric). It panics with a manifold.Error unless β is finite and > 0.
// Numerical note: the tangent-space operations divide by β, so their
// relative accuracy degrades like ε/β for very small β.
func Family(beta float64) Metric {
	if !(beta > 0) || math.IsInf(beta, 1) {
		panic(manifold.Error("stiefel: metric parameter β must be finite and > 0"))
	}
	if beta == 1 {
		return Metric{}
	}
	return Metric{b: beta}
}

// Beta returns the parameter β of the metric.
func (m Metric) Beta() float64 {
	if m.b == 0 {
		return 1
	}
	return m.b
}

// Alpha returns the parameter α = 1/(2β) − 1 of Hüper, Markina & Silva
// Leite (2021): α = −½ for the Euclidean metric, 0 for the canonical one.
func (m Metric) Alpha() float64 { return 1/(2*m.Beta()) - 1 }

// String returns "Euclidean", "canonical" or "β=<value>".
func (m Metric) String() string {
	switch m {
	case Euclidean:
		return "Euclidean"
	case Canonical:
		return "canonical"
	}
	return "β=" + strconv.FormatFloat(m.b, 'g', -1, 64)
}

// Inner returns the metric
//
//	⟨u, v⟩_X = tr(uᵀv) − (1 − β)·tr((Xᵀu)ᵀ(Xᵀv)),
//
// which for tangent vectors is β⟨A_u, A_v⟩ + ⟨B_u, B_v⟩ in the notation of
// Metric. Inputs are not checked for tangency. Cost: one dot product for
// the Euclidean metric, plus two n×p×p products otherwise.
func (s *Stiefel) Inner(x, u, v []float64) float64 {
	s.check3(x, u, v)
	d := floats.Dot(u, v)
	if s.beta == 1 {
		return d
	}
	p := s.p
	ar := linalg.NewArena(2 * p * p)
	defer ar.Release()
	xu := ar.Take(p * p)
	xv := ar.Take(p * p)
	linalg.MulAtB(xu, x, u, p, s.n, p)
	linalg.MulAtB(xv, x, v, p, s.n, p)
	return d - (1-s.beta)*floats.Dot(xu, xv)
}

// Norm returns ‖v‖_X = √⟨v, v⟩_X without spurious overflow or underflow:
// vectors whose entries are huge (up to math.MaxFloat64) or tiny (down to
// the smallest subnormal) are scaled by a power of two first. A NaN entry
// gives NaN.
func (s *Stiefel) Norm(x, v []float64) float64 {
	s.check2(x, v)
	if vv := floats.Dot(v, v); vv >= 0x1p-800 && vv <= 0x1p800 {
		return math.Sqrt(s.sqNorm(x, v, 1, vv))
	}
	m := linalg.MaxAbs(v)
	switch {
	case m != m:
		return math.NaN()
	case m == 0:
		return 0
	}
	// Scale by 2^k ≈ 1/m (exact) so that the squares neither overflow nor
	// underflow.
	_, e := math.Frexp(m)
	k := math.Ldexp(1, -e)
	var vv float64
	for _, t := range v {
		t *= k
		vv += t * t
	}
	return math.Sqrt(s.sqNorm(x, v, k, vv)) / k
}

// sqNorm returns ⟨kv, kv⟩_X given vv = ‖kv‖²_F, clamped at 0.
func (s *Stiefel) sqNorm(x, v []float64, k, vv float64) float64 {
	if s.beta == 1 {
		return vv
	}
	p := s.p
	ar := linalg.NewArena(p * p)
	defer ar.Release()
	xv := ar.Take(p * p)
	linalg.Gemm(true, false, p, p, s.n, k, x, v, 0, xv)
	return math.Max(0, vv-(1-s.beta)*floats.Dot(xv, xv))
}

// Proj writes the orthogonal projection of the ambient matrix Z onto T_X,
//
//	Proj_X(Z) = Z − X·sym(XᵀZ),   sym(M) = (M + Mᵀ)/2.
//
// The normal space {XS : S symmetric} is the same for every metric of the
// family (g_β(XS, Δ) = β·tr(SXᵀΔ) = 0 for tangent Δ), so this is the
// g_β-orthogonal projection for every β (Edelman, Arias & Smith 1998, eq.
// 2.3; Absil, Mahony & Sepulchre 2008, §3.6.1).
func (s *Stiefel) Proj(dst, x, z []float64) {
	s.check3(dst, x, z)
	s.normalCorrect(dst, x, z, 0)
}

// EGradToRGrad writes the Riemannian gradient of f for the configured metric
// from its Euclidean gradient G = ∇f(X):
//
//	grad f(X) = G − X·(sym(XᵀG) + (1 − 1/β)·skew(XᵀG)),
//
// the tangent vector with g_β(grad f, Δ) = tr(GᵀΔ) for every tangent Δ
// (write grad f = XA + (I − XXᵀ)G; then βA = skew(XᵀG)). It is
// G − X·sym(XᵀG) for the Euclidean metric and G − XGᵀX for the canonical
// one (Edelman, Arias & Smith 1998, §2.4; Zimmermann & Hüper 2022).
func (s *Stiefel) EGradToRGrad(dst, x, egrad []float64) {
	s.check3(dst, x, egrad)
	s.normalCorrect(dst, x, egrad, 1-1/s.beta)
}

// normalCorrect writes dst = Z − X·(sym(W) + c·skew(W)), W = XᵀZ.
func (s *Stiefel) normalCorrect(dst, x, z []float64, c float64) {
	n, p := s.n, s.p
	ar := linalg.NewArena(p*p + n*p)
	defer ar.Release()
	w := ar.Take(p * p)
	t := ar.Take(n * p)
	linalg.MulAtB(w, x, z, p, n, p)
	symSkewComb(w, p, 1, c)
	copy(t, z)
	linalg.Gemm(false, false, n, p, p, -1, x, w, 1, t)
	copy(dst, t)
}

// symSkewComb overwrites the p×p matrix w with a·sym(w) + b·skew(w).
func symSkewComb(w []float64, p int, a, b float64) {
	for i := range p {
		w[i*p+i] *= a
		for j := i + 1; j < p; j++ {
			u, l := w[i*p+j], w[j*p+i]
			sy, sk := 0.5*(u+l), 0.5*(u-l)
			w[i*p+j] = a*sy + b*sk
			w[j*p+i] = a*sy - b*sk
		}
	}
}
