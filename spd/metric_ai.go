package spd

import (
	"math"
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// The affine-invariant metric, computed through the Cholesky factor P = LLᵀ.
//
// Every operation is a congruence by L: with W = L⁻¹VL⁻ᵀ and
// D = L⁻¹(Q − P)L⁻ᵀ (so that L⁻¹QL⁻ᵀ = I + D),
//
//	⟨U, V⟩_P = ⟨L⁻¹UL⁻ᵀ, L⁻¹VL⁻ᵀ⟩_F
//	Exp_P(V) = L·exp(W)·Lᵀ = P + L·expm1(W)·Lᵀ
//	Log_P(Q) = L·log(I + D)·Lᵀ = L·log1p(D)·Lᵀ
//	d(P, Q)  = ‖log1p(D)‖_F = (Σᵢ log²(1 + δᵢ))^{1/2}
//	P_{P→Q}(V) = E·V·Eᵀ, E = (QP⁻¹)^{1/2} = L·(I + D)^{1/2}·L⁻¹
//
// These are exact identities: the affine invariance P ↦ L⁻¹PL⁻ᵀ moves P to
// I, where Exp, Log and the distance are exp, log and ‖log‖_F (Pennec,
// Fillard & Ayache 2006; Bhatia 2007, Thm 6.1.6), and they need no P^{±1/2}.
// The eigenvalues 1 + δᵢ of I + D are the generalized eigenvalues of the
// pencil (Q, P). Forming D from Q − P (exact when Q and P are close) and
// applying log1p and expm1 to its eigenvalues keeps full relative accuracy
// for nearby points, where log(L⁻¹QL⁻ᵀ) would lose it to cancellation.

// innerAI returns ⟨ku·U, kv·V⟩_P (v is ignored when same).
func (m *SPD) innerAI(p, u, v []float64, ku, kv float64, same bool) float64 {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(3 * nn)
	defer w.Release()
	l, a, b := w.Take(nn), w.Take(nn), w.Take(nn)
	if !linalg.Cholesky(l, p, n) {
		return math.NaN()
	}
	symInto(a, u, n, ku)
	linalg.CongruenceInvLower(a, l, a, n)
	if same {
		return dot(a, a)
	}
	symInto(b, v, n, kv)
	linalg.CongruenceInvLower(b, l, b, n)
	return dot(a, b)
}

// normAI returns ‖k·V‖_P.
func (m *SPD) normAI(p, v []float64, k float64) float64 {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(2 * nn)
	defer w.Release()
	l, a := w.Take(nn), w.Take(nn)
	if !linalg.Cholesky(l, p, n) {
		return math.NaN()
	}
	symInto(a, v, n, k)
	linalg.CongruenceInvLower(a, l, a, n)
	return linalg.Nrm2(a)
}

// egradAI writes grad f(P) = P·sym(∇f)·P.
func (m *SPD) egradAI(dst, p, egrad []float64) {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(4 * nn)
	defer w.Release()
	g, ps, c, d := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn)
	symInto(g, egrad, n, 1)
	symInto(ps, p, n, 1)
	matMul(c, false, g, false, ps, n) // G·P
	matMul(d, false, ps, false, c, n) // P·G·P
	symInto(dst, d, n, 1)
}

// ehessAI writes Hess f(P)[V] = P·sym(∇²f[V])·P + sym(V·sym(∇f)·P).
func (m *SPD) ehessAI(dst, p, egrad, ehess, v []float64) {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(5 * nn)
	defer w.Release()
	a, ps, c, d, e := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn)
	symInto(ps, p, n, 1)
	symInto(a, ehess, n, 1)
	matMul(c, false, a, false, ps, n) // Ė·P
	matMul(d, false, ps, false, c, n) // P·Ė·P
	symInto(a, egrad, n, 1)
	symInto(e, v, n, 1)
	matMul(c, false, e, false, a, n)  // V·G
	matMul(a, false, c, false, ps, n) // V·G·P
	for i := range n {
		dst[i*n+i] = d[i*n+i] + a[i*n+i]
		for j := i + 1; j < n; j++ {
			x := (0.5*d[i*n+j] + 0.5*d[j*n+i]) + (0.5*a[i*n+j] + 0.5*a[j*n+i])
			dst[i*n+j] = x
			dst[j*n+i] = x
		}
	}
}

// expAI writes Exp_P(V) = L·exp(W)·Lᵀ, W = L⁻¹VL⁻ᵀ = Z·diag(w)·Zᵀ. When
// max|wᵢ| ≤ 1 it is formed as P + M·diag(expm1(w))·Mᵀ with M = LZ, which
// keeps P exact and the increment accurate to working precision relative to
// itself; otherwise as the Gram matrix N·Nᵀ, N = M·diag(e^{w/2}), which is
// positive semidefinite whatever the rounding.
func (m *SPD) expAI(dst, p, v []float64) {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(3*nn + n)
	defer w.Release()
	l, a, z, ev := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(n)
	if !linalg.Cholesky(l, p, n) {
		linalg.FillNaN(dst)
		return
	}
	linalg.CongruenceInvLower(a, l, v, n)
	if err := linalg.EigSym(ev, z, a, n); err != nil {
		linalg.FillNaN(dst)
		return
	}
	small := true
	for _, x := range ev {
		if !(math.Abs(x) <= 1) {
			small = false
		}
	}
	linalg.MulLower(l, false, z, n, n) // M = L·Z; l is free from here on
	copy(a, z)
	if small {
		for i := range ev {
			ev[i] = math.Expm1(ev[i])
		}
		scaleCols(a, ev, n)
		matMul(l, false, a, true, z, n) // M·diag(expm1 w)·Mᵀ
		addSymInto(dst, p, l, n)
		return
	}
	for i := range ev {
		ev[i] = math.Exp(0.5 * ev[i])
	}
	scaleCols(a, ev, n)
	matMul(l, false, a, true, a, n) // N·Nᵀ
	mirror(l, n)
	copy(dst, l)
}

// splitRatio is the spread μ_max/μ_min of the generalized eigenvalues of
// (Q, P) above which logAI and distAI also decompose the reversed pencil
// (P, Q). A symmetric eigensolver computes the eigenvalues of C = L⁻¹QL⁻ᵀ
// with absolute errors of order ε·μ_max, that is relative errors
// ε·μ_max/μᵢ, which for μ_max/μ_min ≫ 1 ruins the small ones; the reversed
// pencil C' = K⁻¹PK⁻ᵀ (Q = KKᵀ) has the eigenvalues 1/μᵢ with relative
// errors ε·μᵢ/μ_min. Taking each μᵢ from whichever side is accurate for it
// (C when μᵢ² ≥ μ_max·μ_min) bounds the relative error by ε·(μ_max/μ_min)^{1/2}
// ≤ ε·(κ(P)·κ(Q))^{1/2}, the size of the error that the Cholesky factors
// themselves carry. distAI further replaces each eigenvalue by the Rayleigh
// quotient of its generalized eigenvector evaluated with P and Q
// themselves (see rayleigh), whose error is quadratic in the eigenvector's;
// logAI does not, since its eigenvectors must stay consistent with its
// eigenvalues. Below the ratio one decomposition suffices.
const splitRatio = 0x1p13

// pencilAI computes, for P = LLᵀ (l) and Q, the eigenpairs of
// D = L⁻¹(Q − P)L⁻ᵀ = U·diag(δ)·Uᵀ into ev, z (z only if vecs), and, when
// the spread of 1 + δ exceeds splitRatio, those of D' = K⁻¹(P − Q)K⁻ᵀ,
// Q = KKᵀ, into ev2, z2 with K in k; it reports whether it did (split) and
// returns a non-nil error for a failed eigensolver or a Q that is not
// positive definite. a is scratch.
func (m *SPD) pencilAI(l, k, a, z, z2, ev, ev2, p, q []float64, vecs bool) (split bool, err error) {
	n := m.n
	decomp := func(ev, z, a []float64) error {
		if vecs {
			return linalg.EigSym(ev, z, a, n)
		}
		return linalg.EigSymValues(ev, a, n)
	}
	for i := range a {
		a[i] = q[i] - p[i]
	}
	linalg.CongruenceInvLower(a, l, a, n)
	if err := decomp(ev, z, a); err != nil {
		return false, errEig
	}
	for _, x := range ev {
		if !(x > -1) {
			return false, errTargetNotPD
		}
	}
	if !((1+ev[n-1])/(1+ev[0]) > splitRatio) {
		return false, nil
	}
	if !linalg.Cholesky(k, q, n) {
		return false, errTargetNotPD
	}
	for i := range a {
		a[i] = p[i] - q[i]
	}
	linalg.CongruenceInvLower(a, k, a, n)
	if err := decomp(ev2, z2, a); err != nil {
		return false, errEig
	}
	for _, x := range ev2 {
		if !(x > -1) {
			return false, errTargetNotPD
		}
	}
	return true, nil
}

// fromC reports whether the i-th (ascending) generalized eigenvalue is
// taken from C rather than from the reversed pencil: μᵢ² ≥ μ_max·μ_min.
func fromC(ev []float64, i int) bool {
	n := len(ev)
	return (1+ev[i])*(1+ev[i]) >= (1+ev[n-1])*(1+ev[0])
}

// logAI writes Log_P(Q) = L·log1p(D)·Lᵀ, D = L⁻¹(Q − P)L⁻ᵀ. When the
// pencil is ill-conditioned (see splitRatio) it uses, with the generalized
// eigenvectors xᵢ = L⁻ᵀuᵢ = K⁻ᵀwⱼ/√νⱼ (νⱼ = 1/μᵢ),
//
//	Log_P(Q) = Σᵢ log μᵢ·P·xᵢxᵢᵀ·P = Σ_{i∈A} log μᵢ·(Luᵢ)(Luᵢ)ᵀ − Σ_{j∈B} νⱼ·log νⱼ·(Kwⱼ)(Kwⱼ)ᵀ,
//
// A the eigenvalues taken from C and B those taken from the reversed
// pencil, where P·xᵢ = νⱼ·Q·K⁻ᵀwⱼ/√νⱼ = √νⱼ·K·wⱼ.
func (m *SPD) logAI(dst, p, q []float64) error {
	n, nn := m.n, m.n*m.n
	if linalg.Equal(p, q) {
		clear(dst)
		return nil
	}
	w := linalg.NewArena(6*nn + 2*n)
	defer w.Release()
	l, k, a, z, z2, b := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn)
	ev, ev2 := w.Take(n), w.Take(n)
	if !linalg.Cholesky(l, p, n) {
		linalg.FillNaN(dst)
		return errBaseNotPD
	}
	split, err := m.pencilAI(l, k, a, z, z2, ev, ev2, p, q, true)
	if err != nil {
		linalg.FillNaN(dst)
		return err
	}
	linalg.MulLower(l, false, z, n, n) // L·U
	copy(a, z)
	if !split {
		for i, x := range ev {
			ev[i] = math.Log1p(x)
		}
		scaleCols(a, ev, n)
		matMul(b, false, a, true, z, n) // (LU)·diag(log1p δ)·(LU)ᵀ
		mirror(b, n)
		copy(dst, b)
		return nil
	}
	linalg.MulLower(k, false, z2, n, n) // K·W
	copy(l, z2)
	for i := range n {
		j := n - 1 - i // μᵢ ↔ νⱼ = 1/μᵢ
		if fromC(ev, i) {
			ev[i] = math.Log1p(ev[i])
			ev2[j] = 0
		} else {
			ev[i] = 0
			ev2[j] = -math.Log1p(ev2[j]) * (1 + ev2[j])
		}
	}
	scaleCols(a, ev, n)
	scaleCols(l, ev2, n)
	matMul(b, false, a, true, z, n)
	linalg.Gemm(false, true, n, n, n, 1, l, z2, 1, b)
	mirror(b, n)
	copy(dst, b)
	return nil
}

// distAI returns (Σ log²μᵢ)^{1/2} from the eigenvalues 1 + δᵢ of
// L⁻¹QL⁻ᵀ, with log μᵢ = log1p(δᵢ); for an ill-conditioned pencil it hands
// over to distAISplit (see splitRatio).
func (m *SPD) distAI(p, q []float64) float64 {
	n, nn := m.n, m.n*m.n
	if linalg.Equal(p, q) {
		return 0
	}
	w := linalg.NewArena(3*nn + n)
	defer w.Release()
	l, a, ev := w.Take(nn), w.Take(nn), w.Take(n)
	if !linalg.Cholesky(l, p, n) {
		return math.NaN()
	}
	for i := range a {
		a[i] = q[i] - p[i]
	}
	linalg.CongruenceInvLower(a, l, a, n)
	if err := linalg.EigSymValues(ev, a, n); err != nil {
		return math.NaN()
	}
	for i, x := range ev {
		if !(x > -1) {
			return math.NaN()
		}
		ev[i] = math.Log1p(x)
	}
	if !(ev[n-1]-ev[0] > math.Log(splitRatio)) {
		return linalg.Nrm2(ev)
	}
	return m.distAISplit(p, q, l)
}

// distAISplit is distAI for an ill-conditioned pencil: the generalized
// eigenvalues come from both sides (see splitRatio), each refined as the
// Rayleigh quotient of its generalized eigenvector evaluated with P and Q
// themselves (see rayleigh).
func (m *SPD) distAISplit(p, q, l []float64) float64 {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(7*nn + 2*n)
	defer w.Release()
	k, a, z, z2, t1, t2, ev, ev2 := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(n), w.Take(n)
	split, err := m.pencilAI(l, k, a, z, z2, ev, ev2, p, q, true)
	if err != nil {
		return math.NaN()
	}
	if split {
		rayleigh(ev, z, l, p, q, a, t1, t2, n)
		rayleigh(ev2, z2, k, q, p, a, t1, t2, n)
	}
	for i := range n {
		if !split || fromC(ev, i) {
			ev[i] = math.Log1p(ev[i])
		} else {
			ev[i] = -math.Log1p(ev2[n-1-i])
		}
	}
	return linalg.Nrm2(ev)
}

// rayleigh overwrites ev with the Rayleigh quotients δᵢ = xᵢᵀ(Q − P)xᵢ/xᵢᵀPxᵢ
// of the generalized eigenvectors X = L⁻ᵀU (the columns of z, overwritten
// by X), computed from P and Q themselves rather than from C = L⁻¹QL⁻ᵀ,
// whose eigenvalues carry absolute errors ε·‖C‖: the quotient's error is
// quadratic in the eigenvector's plus the rounding of the products, of
// relative size ε·(κ(P) + κ(Q)) at worst. A quotient that comes out
// non-finite or ≤ −1 (possible only for matrices near the limit of
// float64) leaves the eigenvalue as it was. a, t1, t2 are scratch.
func rayleigh(ev, z, l, p, q, a, t1, t2 []float64, n int) {
	linalg.SolveLower(l, true, z, n, n) // X = L⁻ᵀU
	for i := range a {
		a[i] = q[i] - p[i]
	}
	matMul(t1, false, a, false, z, n)
	copy(a, p)
	matMul(t2, false, a, false, z, n)
	for j := range n {
		var num, den float64
		for r := range n {
			num += z[r*n+j] * t1[r*n+j]
			den += z[r*n+j] * t2[r*n+j]
		}
		if d := num / den; d > -1 && !math.IsInf(d, 0) {
			ev[j] = d
		}
	}
}

// transportAI writes the parallel transport E·V·Eᵀ, E = (QP⁻¹)^{1/2}
// (Sra & Hosseini 2015). With I + D = U·diag(1 + δ)·Uᵀ, W = L⁻¹VL⁻ᵀ and
// sᵢ = √(1 + δᵢ) − 1 = δᵢ/(√(1 + δᵢ) + 1),
//
//	E·V·Eᵀ = L·(I+D)^{1/2}·W·(I+D)^{1/2}·Lᵀ = V + (LU)·(W̃ ∘ F)·(LU)ᵀ,
//
// where W̃ = UᵀWU and F_ij = (1 + sᵢ)(1 + sⱼ) − 1 = sᵢ + sⱼ + sᵢsⱼ: V itself
// is kept exact and only the change, proportional to d(P, Q), is computed.
func (m *SPD) transportAI(dst, p, q, v []float64) {
	n, nn := m.n, m.n*m.n
	if linalg.Equal(p, q) {
		symInto(dst, v, n, 1)
		return
	}
	w := linalg.NewArena(5*nn + n)
	defer w.Release()
	l, a, z, b, c, ev := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(n)
	if !linalg.Cholesky(l, p, n) {
		linalg.FillNaN(dst)
		return
	}
	for i := range a {
		a[i] = q[i] - p[i]
	}
	linalg.CongruenceInvLower(a, l, a, n)
	if err := linalg.EigSym(ev, z, a, n); err != nil {
		linalg.FillNaN(dst)
		return
	}
	for i, x := range ev {
		if !(x > -1) {
			linalg.FillNaN(dst)
			return
		}
		ev[i] = x / (math.Sqrt(1+x) + 1)
	}
	linalg.CongruenceInvLower(b, l, v, n) // W
	matMul(c, true, z, false, b, n)       // Uᵀ·W
	matMul(b, false, c, false, z, n)      // W̃ = Uᵀ·W·U
	for i, si := range ev {
		for j, sj := range ev {
			b[i*n+j] *= si + sj + si*sj
		}
	}
	linalg.MulLower(l, false, z, n, n) // M = L·U
	matMul(c, false, z, false, b, n)   // M·(W̃ ∘ F)
	matMul(a, false, c, true, z, n)    // M·(W̃ ∘ F)·Mᵀ
	addSymInto(dst, v, a, n)
}

// randomTangentAI writes L·S·Lᵀ for a standard Gaussian S of
// (Sym(n), ⟨·,·⟩_F); ‖L S Lᵀ‖_P = ‖S‖_F.
func (m *SPD) randomTangentAI(dst, p []float64, rng *rand.Rand) {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(2 * nn)
	defer w.Release()
	l, s := w.Take(nn), w.Take(nn)
	ok := linalg.Cholesky(l, p, n)
	gaussSym(s, n, 1, rng)
	if !ok {
		linalg.FillNaN(dst)
		return
	}
	linalg.CongruenceLower(dst, l, s, n)
}

// RetractSecondOrder writes the second-order retraction of the
// affine-invariant metric,
//
//	R_P(V) = P + V + ½·V·P⁻¹·V = ½·P + ½·(P + V)·P⁻¹·(P + V),
//
// the Taylor expansion of Exp_P(V) = P + V + ½VP⁻¹V + O(‖V‖³) (the
// geodesic equation is P” = P'P⁻¹P') truncated after the quadratic term
// (Jeuris, Vandebril & Vandereycken, "A survey and comparison of
// contemporary algorithms for computing the matrix geometric mean", ETNA
// 39, 2012; Boumal 2023, §7.6). The second form shows it is positive
// definite for every symmetric V: R_P maps all of T_P into the cone. It is
// computed as P + V + ½·YᵀY with Y = L⁻¹V, exactly symmetric, at the cost
// of a Cholesky factorisation, one triangular solve and one product (no
// eigendecomposition). It is a retraction for any metric, but second order
// only for the affine-invariant one, whose Retract it is by default.
//
// Special cases are: RetractSecondOrder(P, 0) = P exactly; a P that is not
// positive definite gives NaN.
func (m *SPD) RetractSecondOrder(dst, p, v []float64) {
	m.check(dst, p, v)
	n, nn := m.n, m.n*m.n
	if linalg.AllZero(v) {
		copy(dst, p)
		return
	}
	w := linalg.NewArena(3 * nn)
	defer w.Release()
	l, y, g := w.Take(nn), w.Take(nn), w.Take(nn)
	if !linalg.Cholesky(l, p, n) {
		linalg.FillNaN(dst)
		return
	}
	symInto(y, v, n, 1)
	linalg.SolveLower(l, false, y, n, n)
	matMul(g, true, y, false, y, n) // Yᵀ·Y = V·P⁻¹·V
	for i := range n {
		dst[i*n+i] = (p[i*n+i] + v[i*n+i]) + 0.5*g[i*n+i]
		for j := i + 1; j < n; j++ {
			x := ((0.5*p[i*n+j] + 0.5*p[j*n+i]) + (0.5*v[i*n+j] + 0.5*v[j*n+i])) + 0.5*g[i*n+j]
			dst[i*n+j] = x
			dst[j*n+i] = x
		}
	}
}

// InverseRetractSecondOrder writes the V with RetractSecondOrder(P, V) = R
// and I + L⁻¹VL⁻ᵀ ≻ 0, the branch containing V = 0: from
// 2R − P = (P + V)·P⁻¹·(P + V),
//
//	V = L·((I + M)^{1/2} − I)·Lᵀ,  M = L⁻¹·2(R − P)·L⁻ᵀ,
//
// evaluated as L·U·diag(mᵢ/(√(1 + mᵢ) + 1))·Uᵀ·Lᵀ for M = U·diag(m)·Uᵀ,
// without cancellation for R near P. The retraction maps T_P onto
// {R : 2R − P ≻ 0} (closure aside); for R outside it
// InverseRetractSecondOrder returns an error wrapping manifold.ErrCutLocus.
// It is the inverse of the retraction on the set {V : I + L⁻¹VL⁻ᵀ ≻ 0},
// which contains the ball ‖V‖_P < 1 of the affine-invariant metric.
//
// Special cases are: InverseRetractSecondOrder(P, P) = 0 exactly; a P that
// is not positive definite gives an error wrapping ErrNotPositiveDefinite.
func (m *SPD) InverseRetractSecondOrder(dst, p, r []float64) error {
	m.check(dst, p, r)
	n, nn := m.n, m.n*m.n
	if linalg.Equal(p, r) {
		clear(dst)
		return nil
	}
	w := linalg.NewArena(3*nn + n)
	defer w.Release()
	l, a, z, ev := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(n)
	if !linalg.Cholesky(l, p, n) {
		linalg.FillNaN(dst)
		return errBaseNotPD
	}
	for i := range a {
		a[i] = 2 * (r[i] - p[i])
	}
	linalg.CongruenceInvLower(a, l, a, n)
	if err := linalg.EigSym(ev, z, a, n); err != nil {
		linalg.FillNaN(dst)
		return errEig
	}
	for i, x := range ev {
		if !(x > -1) {
			if x != x {
				linalg.FillNaN(dst)
				return errTargetNotPD
			}
			return errNotInImage
		}
		ev[i] = x / (math.Sqrt(1+x) + 1)
	}
	linalg.MulLower(l, false, z, n, n)
	copy(a, z)
	scaleCols(a, ev, n)
	matMul(l, false, a, true, z, n)
	mirror(l, n)
	copy(dst, l)
	return nil
}
