package flag

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// Log writes the Riemannian logarithm Log_X(Y): the horizontal lift at X
// of the initial velocity of a geodesic from the flag of X to the flag of
// Y, the minimising one when Y is within the radius stated in the package
// documentation. It is verified before it is returned: Exp_X(Log_X Y) is
// the flag of Y (compared representative-invariantly, block by block,
// to max(1e-11, 100·tol)).
//
// Formulation. A flag geodesic is a horizontal Stiefel geodesic (see Exp),
// so Log_X(Y) is the Stiefel logarithm from X to the representative
// Y·blkdiag(Q₁, …, Q_k) for which that logarithm is horizontal (Nguyen
// 2022 states the problem as a minimisation over the Q_i; Ye, Wong & Lim
// 2022 give the geodesics). In the reduced coordinates of
// stiefel.Stiefel.Log (Y = [X Q₂]·Y₀, [X Q₂] orthonormal, n×(p + r),
// r = min(p, n − p)) this asks for block rotations expm(D) (D skew,
// block diagonal), an off-diagonal-block skew A, and a completion W₀·expm(S)
// of Y₀ to SO(p + r) with
//
//	L = log[Y₀·expm(D)·expm((2β − 1)A), W₀·expm(S)] = [[2βA, −Bᵀ], [B, 0]],
//
// i.e. bd(L₁₁) = 0, offdiag(L₁₁) = 2βA and L₂₂ = 0; then Δ = XA + Q₂B.
//
// Algorithm. For the canonical metric (and for p = n, where Exp_X(XA) =
// X·expm(A) for every metric) A does not enter the first block column, and
// the iteration D ← D − bd(L₁₁), S ← S − L₂₂ is Zimmermann's (2017)
// algorithm for the Stiefel logarithm with the flag's block rotations
// added to the completion's rotation: each step turns the representative
// within its blocks against the vertical (within-block) part of the
// generator. It starts from the per-block Procrustes alignment
// Q_i = polar(Y_iᵀX_i) and the Procrustes-rotated completion of Zimmermann
// & Hüper (2022); the determinant of the aligned [Y₀Q⁰, W₀] is made +1 by
// the reflection (of a flag block or of the completion) that costs least
// in its trace; for p = n this is what brings a representative from the
// other component of O(n) into that of X. For the Euclidean metric A is
// updated too, A ← A + offdiag(L₁₁) − 2βA (first-order exact, as in
// stiefel.Stiefel.Log), and when that run fails or finds a geodesic that
// is not certified minimal, a second run starts from the canonical
// solution and the shorter verified geodesic wins. Every run uses Anderson
// acceleration of depth 5 (Walker & Ni 2011) and continues the branch of
// the matrix logarithm (linalg.LogOrthNear). A run stops when the residual
// ‖(bd(L₁₁), offdiag(L₁₁) − 2βA, L₂₂)‖_F is at most
// max(tol, 8(p + r)ε)·max(1, ‖L‖_F), tol = DefaultLogTolerance unless
// WithLogTolerance says otherwise, or fails after DefaultLogMaxIter
// iterations (WithLogMaxIter). Each iteration costs O((p + r)³); the
// reduction costs O(np²). One-block flags (Grassmann manifolds) use the
// closed-form grassmann.Grassmann.Log instead.
//
// Special cases are:
//
//	Log(X, X) = 0 exactly (bitwise-equal inputs), and Log is 0 on a
//	one-point manifold;
//	a NaN or ±Inf entry in X or Y gives an all-NaN dst and a nil error;
//	if no geodesic is found and verified, Log returns an error wrapping
//	manifold.ErrNotConverged and leaves dst unchanged; it never returns
//	an unverified vector;
//	for one-block flags, an error wrapping manifold.ErrCutLocus when the
//	largest principal angle is π/2 (see grassmann.Grassmann.Log).
//
// Beyond the stated radius the geodesic found, although verified to end at
// the flag of Y, need not be minimising.
func (f *Flag) Log(dst, x, y []float64) error {
	f.check3(dst, x, y)
	if !linalg.AllFinite(x) || !linalg.AllFinite(y) {
		linalg.FillNaN(dst)
		return nil
	}
	if linalg.SameBits(x, y) || f.point() {
		clear(dst)
		return nil
	}
	if f.gr != nil {
		return f.gr.Log(dst, x, y)
	}
	_, err := f.logCore(dst, x, y)
	return err
}

// Dist returns the Riemannian distance between the flags of X and Y.
//
// It is ‖Log_X(Y)‖_X when Log converges to a geodesic shorter than the
// injectivity radius (then that geodesic is the minimising one; see
// InjectivityRadius). Otherwise Dist also runs the iteration from Y to X
// and returns the smaller of the two lengths, each the length of a
// verified geodesic or, when the iteration fails, of the shortest curve
// joining the flags that its iterates define (see Log), and at worst the
// diameter bound π·√((p + r)·max(β, ½)), r = min(p, n − p). So Dist is
// always the length of a curve joining the flags: the distance within the
// radius of the Log contract, an upper bound on it beyond, finite and
// never NaN for valid input. The two points are taken in a fixed order
// (of their first differing entry), so Dist(X, Y) = Dist(Y, X) exactly.
// For one-block flags it is grassmann.Grassmann.Dist, the 2-norm of the
// principal angles.
//
// Dist does not depend on the representatives beyond rounding.
//
// Special cases are:
//
//	Dist(X, X) = 0 exactly (bitwise-equal inputs), and Dist is 0 on a
//	one-point manifold;
//	a NaN or ±Inf entry gives NaN.
func (f *Flag) Dist(x, y []float64) float64 {
	f.check2(x, y)
	if !linalg.AllFinite(x) || !linalg.AllFinite(y) {
		return math.NaN()
	}
	if linalg.SameBits(x, y) || f.point() {
		return 0
	}
	if f.gr != nil {
		return f.gr.Dist(x, y)
	}
	if !linalg.LexLess(x, y) {
		x, y = y, x
	}
	d1, err := f.logCore(nil, x, y)
	if err == nil && d1 < f.inj {
		return d1
	}
	d2, _ := f.logCore(nil, y, x)
	return math.Min(d1, d2)
}
