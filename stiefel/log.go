package stiefel

import (
	"errors"
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

var (
	errOtherComponent = fmt.Errorf("stiefel: Log: q is in the other connected component of O(n) (det(pᵀq) < 0), no geodesic joins the points: %w", manifold.ErrCutLocus)
	errRotationByPi   = fmt.Errorf("stiefel: Log: pᵀq has the eigenvalue −1, the minimising geodesic is not unique: %w", manifold.ErrCutLocus)
)

// Log writes the Riemannian logarithm Log_X(Y) of the configured metric: a
// tangent vector Δ at X with Exp_X(Δ) = Y, the initial velocity of the
// minimising geodesic when Y is within the injectivity radius of X.
//
// Method (p < n). Write Y = XM + Q₂N with M = XᵀY and [X Q₂] orthonormal
// (Q₂ from a Householder QR of [X, Y − XM], n×2p, so that it is orthogonal
// to X even when Y − XM is rank deficient); the geodesic stays in the
// totally geodesic copy [X Q₂]·St(p+r, p) of a small Stiefel manifold,
// r = min(p, n − p), and the problem reduces to finding A ∈ so(p),
// B ∈ R^{r×p} and an orthogonal completion W of Y₀ = [M; N] with
//
//	log[Y₀·expm((2β − 1)A), W] = [[2βA, −Bᵀ], [B, 0]]
//
// (Zimmermann & Hüper 2022; Mataigne, Zimmermann & Miolane 2024); then
// Δ = XA + Q₂B. For the canonical metric (β = ½) the first block column is
// Y₀ itself and the iteration W ← W·expm(−L₂₂), L = log[Y₀ W], is
// Zimmermann's algorithm (Zimmermann 2017), started from the
// Procrustes-rotated completion of Zimmermann & Hüper (2022). For
// other β, A is updated by A ← L₁₁ + (1 − 2β)A, which is exact to first
// order in the distance. The fixed-point map (A, log W) ↦ (A + L₁₁ − 2βA,
// log W − L₂₂) is accelerated by Anderson mixing of depth 5 (Walker & Ni
// 2011), which also makes it converge for β > ½ where the plain iteration
// diverges, and the logarithm is continued across the branch cut at angle
// π (linalg.LogOrthNear) because for β > ½ the generator may rotate by more
// than π inside the injectivity radius. For β ≠ ½, when this first attempt
// fails or finds a geodesic not shorter than the known lower bound on the
// injectivity radius (always, for the family members without one), a
// second attempt starts from the canonical solution (A, W) of the same
// points, and the shorter verified geodesic is returned; so for such
// metrics Log costs up to three runs of the iteration. Each run stops when the
// residual ‖(L₁₁ − 2βA, L₂₂)‖_F is at most max(tol, 8(p+r)ε)·max(1, ‖L‖_F),
// tol = DefaultLogTolerance unless WithLogTolerance says otherwise, or fails
// after DefaultLogMaxIter iterations (WithLogMaxIter). Before returning
// success Log checks the endpoint: ‖Exp_X(Δ) − Y‖_F ≤ max(1e-11, 100·tol),
// computed in the reduced space at O(p³) cost. Each iteration costs
// O((p+r)³); the reduction costs O(np²).
//
// Method (p = n). St(n, n) = O(n) and Exp_X(XA) = X·expm(A), so
// Log_X(Y) = X·log(XᵀY) with the principal logarithm (linalg.LogOrth).
//
// Special cases are:
//
//	Log(X, X) = 0 exactly (bitwise-equal inputs);
//	a NaN or ±Inf entry in X or Y gives an all-NaN dst and a nil error;
//	if the iteration fails (Y too far from X), Log returns an error
//	wrapping manifold.ErrNotConverged and leaves dst unchanged; it never
//	returns a vector whose endpoint was not verified;
//	for p = n, an error wrapping manifold.ErrCutLocus when det(XᵀY) < 0
//	(Y is in the other component of O(n)) or XᵀY has the eigenvalue −1.
//
// Beyond the injectivity radius the geodesic found, although verified to
// end at Y, need not be minimising. The measured accuracy is stated in the
// package documentation.
func (s *Stiefel) Log(dst, x, y []float64) error {
	s.check3(dst, x, y)
	if !linalg.AllFinite(x) || !linalg.AllFinite(y) {
		linalg.FillNaN(dst)
		return nil
	}
	if linalg.SameBits(x, y) {
		clear(dst)
		return nil
	}
	if s.p == s.n {
		return s.logSquare(dst, x, y)
	}
	_, err := s.logCore(dst, x, y)
	return err
}

// Dist returns the Riemannian distance of the configured metric.
//
// For p < n it is ‖Log_X(Y)‖ = √(β‖A‖² + ‖B‖²) when the Log iteration
// converges to a geodesic shorter than the known lower bound on the
// injectivity radius (then that geodesic is the minimising one). Otherwise
// Dist also runs the iteration in the other direction and returns the
// smaller of the two lengths. The two points are always taken in a fixed
// order (of their first differing entry), so Dist(X, Y) = Dist(Y, X)
// exactly. Each length is that of
// a verified geodesic or, when the iteration fails, of the shortest of the
// explicit curves t ↦ [X Q₂]·expm(tL)·[I; 0]·expm(t(1 − 2b)A) from X to Y that
// the iterates define (b the iteration's parameter: β, or ½ in the canonical
// pre-run; each curve has constant g_β-speed √(β‖L₁₁ + (1 − 2b)A‖² +
// ‖L₂₁‖²)). So Dist is always the length of an actual curve joining the
// points: the distance itself within the injectivity radius, and beyond it
// an upper bound on the distance, finite and never NaN for valid input,
// rather than an error value.
//
// For p = n, Dist = √β·‖log(XᵀY)‖_F = √β·√(Σ 2θⱼ²), θⱼ ∈ [0, π] the rotation
// angles of XᵀY read from its real Schur form (a rotation by exactly π
// included).
//
// Special cases are:
//
//	Dist(X, X) = 0 exactly;
//	a NaN or ±Inf entry gives NaN;
//	for p = n and det(XᵀY) < 0, Dist = +Inf: X and Y lie in different
//	connected components of O(n) and no curve joins them. (This is the
//	one case where valid input gives a non-finite value; any finite
//	number would be a wrong distance.)
func (s *Stiefel) Dist(x, y []float64) float64 {
	s.check2(x, y)
	if !linalg.AllFinite(x) || !linalg.AllFinite(y) {
		return math.NaN()
	}
	if linalg.SameBits(x, y) {
		return 0
	}
	if s.p == s.n {
		return s.distSquare(x, y)
	}
	if !linalg.LexLess(x, y) {
		x, y = y, x // a fixed order makes Dist exactly symmetric
	}
	d1, err := s.logCore(nil, x, y)
	if err == nil && d1 < s.inj {
		return d1
	}
	d2, _ := s.logCore(nil, y, x)
	return math.Min(d1, d2)
}

// logSquare is Log for p = n.
func (s *Stiefel) logSquare(dst, x, y []float64) error {
	n := s.n
	ar := linalg.NewArena(3 * n * n)
	defer ar.Release()
	m := ar.Take(n * n)
	l := ar.Take(n * n)
	d := ar.Take(n * n)
	linalg.MulAtB(m, x, y, n, n, n)
	if linalg.DetSign(m, l, n) < 0 {
		return errOtherComponent
	}
	if err := linalg.LogOrth(l, m, n); err != nil {
		if errors.Is(err, manifold.ErrCutLocus) {
			return errRotationByPi
		}
		return err
	}
	linalg.Mul(d, x, l, n, n, n)
	copy(dst, d)
	return nil
}

// distSquare is Dist for p = n.
func (s *Stiefel) distSquare(x, y []float64) float64 {
	n := s.n
	ar := linalg.NewArena(3 * n * n)
	defer ar.Release()
	m := ar.Take(n * n)
	t := ar.Take(n * n)
	z := ar.Take(n * n)
	linalg.MulAtB(m, x, y, n, n, n)
	if err := linalg.Schur(t, z, m, n); err != nil {
		// Not observed for orthogonal matrices; fall back to the logarithm.
		if err := linalg.LogOrth(t, m, n); err != nil {
			return math.NaN()
		}
		return math.Sqrt(s.beta * linalg.SumSq(t))
	}
	var sum float64
	neg := 0
	for j := 0; j < n; {
		if j+1 < n && t[(j+1)*n+j] != 0 {
			c := 0.5 * (t[j*n+j] + t[(j+1)*n+j+1])
			sn := 0.5 * (t[(j+1)*n+j] - t[j*n+j+1])
			th := math.Atan2(sn, c)
			sum += 2 * th * th
			j += 2
			continue
		}
		if t[j*n+j] < 0 {
			neg++
			sum += math.Pi * math.Pi
		}
		j++
	}
	if neg%2 == 1 {
		return math.Inf(1)
	}
	return math.Sqrt(s.beta * sum)
}

// LogRadius returns the radius, for the metric g_β, within which Log is
// stated to return the minimising geodesic (and tested to, by the package
// tests): 0.9 times the injectivity radius where it is known (β = 1: 0.9π;
// β = ½: 0.9·√(4/5)π); 0.81·min(√(2β), 1)·π for other β < 1, which is
// below 0.89 times the upper bound min{√(2β)π, π, √2·t_β} on the
// injectivity radius of Absil & Mataigne (2024) (see InjectivityRadius);
// and 0.54π/√β for β > 1. The last is the measured convergence region of
// the iteration, not a property of the geometry: for β > 1 the iteration
// converges more slowly as the distance grows, and the package tests see
// it stop at the iteration limit (and, rarely, converge to a longer
// geodesic) from distances of about 0.7π at β = 2, 0.4π at β = 5 and 0.3π
// at β = 10, below the upper bound π on the injectivity radius for these β.
// It panics unless β is finite and > 0.
func LogRadius(beta float64) float64 {
	switch Family(beta) {
	case Euclidean:
		return 0.9 * math.Pi
	case Canonical:
		return 0.9 * math.Sqrt(0.8) * math.Pi
	}
	if beta < 1 {
		return 0.81 * math.Min(math.Sqrt(2*beta), 1) * math.Pi
	}
	return 0.54 * math.Pi / math.Sqrt(beta)
}
