package spd

import (
	"errors"
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
// Log and Dist fall back on the reversed pencil, and on unshifted forms,
// where D does not determine the eigenvalues well (pencil.go); Exp, Log and
// Dist of ill-conditioned points run in double-double arithmetic
// (metric_ai_dd.go).

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
	kappa := aiCond(p, l, n, aiExpKappa)
	if !(kappa <= aiExpKappa) && !m.float64Only {
		m.expAIDD(dst, p, v)
		return
	}
	linalg.CongruenceInvLower(a, l, v, n)
	if err := linalg.EigSym(ev, z, a, n); err != nil {
		linalg.FillNaN(dst)
		return
	}
	if wmax := max(-ev[0], ev[n-1]); wmax > 1 && !(kappa*wmax <= aiExpKappa) && !m.float64Only {
		m.expAIDD(dst, p, v)
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

// splitRatio is the estimated relative error of a generalized eigenvalue
// from P's side, in units of ε (see pencil.go), above which logAI and
// distAI also decompose Q's side of the pencil: 2¹⁶·ε ≈ 1.5e-11. distAI
// further replaces each eigenvalue by the Rayleigh quotient of its
// generalized eigenvector evaluated with P and Q themselves (see rayleigh),
// whose error is quadratic in the eigenvector's; logAI does not, since its
// eigenvectors must stay consistent with its eigenvalues.
const splitRatio = 0x1p16

// errExtended is returned by pencilAI, and never by a method, when the
// reversed pencil needs Q's Cholesky factor and Q turns out too
// ill-conditioned for the float64 path: the caller hands over to the
// double-double path.
var errExtended = errors.New("spd: extended precision needed")

// shiftedDiff writes a = x − σ·y for σ ∈ {0, 1}.
func shiftedDiff(a, x, y []float64, sigma float64) {
	if sigma == 0 {
		copy(a, x)
		return
	}
	for i := range a {
		a[i] = x[i] - y[i]
	}
}

// logShifted returns log(σ + x) for σ ∈ {0, 1}: log1p(x) or log(x).
func logShifted(x, sigma float64) float64 {
	if sigma == 0 {
		return math.Log(x)
	}
	return math.Log1p(x)
}

// pencilAI computes, for P = LLᵀ (l) with condition bound kp and Q, the
// eigenpairs (z only if vecs) of P's side of the pencil, into ev, z, and if
// needed of Q's side, into ev2, z2 with Q = KKᵀ in k, as described in
// pencil.go: P's side is D = L⁻¹(Q − P)L⁻ᵀ, or C = L⁻¹QL⁻ᵀ when every μᵢ
// < 1/2 (shift σ = 1 or 0: eigenvalues μᵢ − σ); Q's side, decomposed when
// an error estimate of P's side (ec) exceeds splitRatio, is
// D' = K⁻¹(P − Q)K⁻ᵀ, or C' = K⁻¹PK⁻ᵀ when every μᵢ > 2 (every νⱼ = 1/μᵢ <
// 1/2), with estimates eb. The eigenvalues i ≥ first come from P's side and
// are valid (σ + evᵢ > 0), the others from Q's (σ₂ + ev2ⱼ > 0, j = n−1−i).
// It returns a non-nil error for a failed eigensolver or a Q that is not
// positive definite, and errExtended when Q's condition bound exceeds
// aiKappa and ext is set (the caller has a double-double path). a is
// scratch.
func (m *SPD) pencilAI(l, k, a, z, z2, ev, ev2, ec, eb, p, q []float64, kp float64, vecs, ext bool) (pc pencil, err error) {
	n := m.n
	decomp := func(ev, z, a []float64) error {
		if vecs {
			return linalg.EigSym(ev, z, a, n)
		}
		return linalg.EigSymValues(ev, a, n)
	}
	pc = pencil{sigma: 1, sigma2: 1}
	shiftedDiff(a, q, p, 1)
	linalg.CongruenceInvLower(a, l, a, n)
	if err := decomp(ev, z, a); err != nil {
		return pc, errEig
	}
	if pencilErrors(ec, ev, kp, 1) <= splitRatio {
		return pc, nil
	}
	if 1+ev[n-1] < 0.5 {
		pc.sigma = 0
		shiftedDiff(a, q, p, 0)
		linalg.CongruenceInvLower(a, l, a, n)
		if err := decomp(ev, z, a); err != nil {
			return pc, errEig
		}
		if pencilErrors(ec, ev, kp, 0) <= splitRatio {
			return pc, nil
		}
	}
	if !linalg.Cholesky(k, q, n) {
		return pc, errTargetNotPD
	}
	kq := aiCond(q, k, n, aiKappa)
	if !(kq <= aiKappa) && ext {
		return pc, errExtended
	}
	if pc.sigma+ev[0] > 2 {
		pc.sigma2 = 0
	}
	shiftedDiff(a, p, q, pc.sigma2)
	linalg.CongruenceInvLower(a, k, a, n)
	if err := decomp(ev2, z2, a); err != nil {
		return pc, errEig
	}
	pencilErrors(eb, ev2, kq, pc.sigma2)
	var cost float64
	pc.first, cost = chooseFirst(ec, eb)
	if math.IsInf(cost, 1) {
		// Some μᵢ is ≤ 0 from both sides: Q is not positive definite
		// to working precision (or has NaN).
		return pc, errTargetNotPD
	}
	return pc, nil
}

// logAI writes Log_P(Q) = L·log1p(D)·Lᵀ, D = L⁻¹(Q − P)L⁻ᵀ. When D alone
// does not determine every μᵢ accurately (see pencil.go) it uses, with the
// generalized eigenvectors xᵢ = L⁻ᵀuᵢ = K⁻ᵀwⱼ/√νⱼ (νⱼ = 1/μᵢ),
//
//	Log_P(Q) = Σᵢ log μᵢ·P·xᵢxᵢᵀ·P = Σ_{i∈A} log μᵢ·(Luᵢ)(Luᵢ)ᵀ − Σ_{j∈B} νⱼ·log νⱼ·(Kwⱼ)(Kwⱼ)ᵀ,
//
// A the eigenvalues taken from P's side (i ≥ first) and B those taken from
// Q's, where P·xᵢ = νⱼ·Q·K⁻ᵀwⱼ/√νⱼ = √νⱼ·K·wⱼ (the eigenvectors uᵢ, wⱼ do not
// depend on the shifts σ, σ₂).
func (m *SPD) logAI(dst, p, q []float64) error {
	n, nn := m.n, m.n*m.n
	if linalg.Equal(p, q) {
		clear(dst)
		return nil
	}
	w := linalg.NewArena(6*nn + 4*n)
	defer w.Release()
	l, k, a, z, z2, b := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn)
	ev, ev2, ec, eb := w.Take(n), w.Take(n), w.Take(n), w.Take(n)
	if !linalg.Cholesky(l, p, n) {
		linalg.FillNaN(dst)
		return errBaseNotPD
	}
	kp := aiCond(p, l, n, aiKappa)
	if !(kp <= aiKappa) && !m.float64Only {
		return m.logAIDD(dst, p, q, kp)
	}
	pc, err := m.pencilAI(l, k, a, z, z2, ev, ev2, ec, eb, p, q, kp, true, !m.float64Only)
	if err == errExtended {
		return m.logAIDD(dst, p, q, kp)
	}
	if err != nil {
		linalg.FillNaN(dst)
		return err
	}
	linalg.MulLower(l, false, z, n, n) // L·U
	copy(a, z)
	if pc.first == 0 {
		for i, x := range ev {
			ev[i] = logShifted(x, pc.sigma)
		}
		scaleCols(a, ev, n)
		matMul(b, false, a, true, z, n) // (LU)·diag(log μ)·(LU)ᵀ
		mirror(b, n)
		copy(dst, b)
		return nil
	}
	linalg.MulLower(k, false, z2, n, n) // K·W
	copy(l, z2)
	for i := range n {
		j := n - 1 - i // μᵢ ↔ νⱼ = 1/μᵢ
		if i >= pc.first {
			ev[i] = logShifted(ev[i], pc.sigma)
			ev2[j] = 0
		} else {
			ev[i] = 0
			ev2[j] = -logShifted(ev2[j], pc.sigma2) * (pc.sigma2 + ev2[j])
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
// L⁻¹QL⁻ᵀ, with log μᵢ = log1p(δᵢ); when D alone does not determine every
// μᵢ accurately (see pencil.go) it hands over to distAISplit.
func (m *SPD) distAI(p, q []float64) float64 {
	n, nn := m.n, m.n*m.n
	if linalg.Equal(p, q) {
		return 0
	}
	w := linalg.NewArena(3*nn + 2*n)
	defer w.Release()
	l, a, ev, ec := w.Take(nn), w.Take(nn), w.Take(n), w.Take(n)
	if !linalg.Cholesky(l, p, n) {
		return math.NaN()
	}
	kp := aiCond(p, l, n, aiKappa)
	if !(kp <= aiKappa) && !m.float64Only {
		return m.distAIDD(p, q, kp)
	}
	for i := range a {
		a[i] = q[i] - p[i]
	}
	linalg.CongruenceInvLower(a, l, a, n)
	if err := linalg.EigSymValues(ev, a, n); err != nil {
		return math.NaN()
	}
	if !(pencilErrors(ec, ev, kp, 1) <= splitRatio) {
		return m.distAISplit(p, q, l, kp)
	}
	for i, x := range ev {
		ev[i] = math.Log1p(x) // x > −1: the error estimates are finite
	}
	return linalg.Nrm2(ev)
}

// distAISplit is distAI when D alone does not determine every generalized
// eigenvalue accurately: they come from both sides (see pencil.go), each
// refined as the Rayleigh quotient of its generalized eigenvector evaluated
// with P and Q themselves (see rayleigh).
func (m *SPD) distAISplit(p, q, l []float64, kp float64) float64 {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(6*nn + 4*n)
	defer w.Release()
	k, a, z, z2, t1, t2 := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn)
	ev, ev2, ec, eb := w.Take(n), w.Take(n), w.Take(n), w.Take(n)
	pc, err := m.pencilAI(l, k, a, z, z2, ev, ev2, ec, eb, p, q, kp, true, !m.float64Only)
	if err == errExtended {
		return m.distAIDD(p, q, kp)
	}
	if err != nil {
		return math.NaN()
	}
	rayleigh(ev, z, l, p, q, a, t1, t2, n, pc.sigma)
	if pc.first > 0 {
		rayleigh(ev2, z2, k, q, p, a, t1, t2, n, pc.sigma2)
	}
	for i := range n {
		if i >= pc.first {
			ev[i] = logShifted(ev[i], pc.sigma)
		} else {
			ev[i] = -logShifted(ev2[n-1-i], pc.sigma2)
		}
	}
	return linalg.Nrm2(ev)
}

// rayleigh overwrites ev with the Rayleigh quotients xᵢᵀ(Q − σP)xᵢ/xᵢᵀPxᵢ
// = μᵢ − σ of the generalized eigenvectors X = L⁻ᵀU (the columns of z,
// overwritten by X), computed from P and Q themselves rather than from the
// congruence L⁻¹(Q − σP)L⁻ᵀ, whose eigenvalues carry absolute errors of
// order ε times its norm: the quotient's error is quadratic in the
// eigenvector's plus the rounding of the products, of relative size
// ε·(κ(P) + κ(Q)) at worst. A quotient that comes out non-finite or with
// σ + quotient ≤ 0 (possible only for matrices near the limit of float64)
// leaves the eigenvalue as it was. a, t1, t2 are scratch.
func rayleigh(ev, z, l, p, q, a, t1, t2 []float64, n int, sigma float64) {
	linalg.SolveLower(l, true, z, n, n) // X = L⁻ᵀU
	shiftedDiff(a, q, p, sigma)
	matMul(t1, false, a, false, z, n)
	copy(a, p)
	matMul(t2, false, a, false, z, n)
	for j := range n {
		var num, den float64
		for r := range n {
			num += z[r*n+j] * t1[r*n+j]
			den += z[r*n+j] * t2[r*n+j]
		}
		if d := num / den; sigma+d > 0 && !math.IsInf(d, 0) {
			ev[j] = d
		}
	}
}

// transportAI writes the parallel transport E·V·Eᵀ, E = (QP⁻¹)^{1/2}
// (Sra & Hosseini 2015), from the generalized eigenpairs of the pencil
// (Q, P) chosen as for Log (see pencil.go).
//
// With P's side alone and the shift σ = 1 (I + D = U·diag(1 + δ)·Uᵀ,
// D = L⁻¹(Q − P)L⁻ᵀ), W = L⁻¹VL⁻ᵀ and sᵢ = √(1 + δᵢ) − 1 = δᵢ/(√(1 + δᵢ) + 1),
//
//	E·V·Eᵀ = L·(I+D)^{1/2}·W·(I+D)^{1/2}·Lᵀ = V + (LU)·(W̃ ∘ F)·(LU)ᵀ,
//
// where W̃ = UᵀWU and F_ij = (1 + sᵢ)(1 + sⱼ) − 1 = sᵢ + sⱼ + sᵢsⱼ: V itself
// is kept exact and only the change, proportional to d(P, Q), is computed.
//
// Otherwise (every μᵢ far below 1, or eigenvalues from both sides), with
// the generalized eigenvectors xᵢ (xᵢᵀPxⱼ = δᵢⱼ), QP⁻¹ = Σ μᵢ·Pxᵢ·(Pxᵢ)ᵀ·P⁻¹,
// so that
//
//	E·V·Eᵀ = B·(CᵀVC)·Bᵀ,  bᵢ = √μᵢ·Pxᵢ,  cᵢ = xᵢ,
//
// with, from P's side, bᵢ = √μᵢ·Luᵢ and cᵢ = L⁻ᵀuᵢ, and from Q's side
// (νⱼ = 1/μᵢ, Pxᵢ = √νⱼ·Kwⱼ) bᵢ = Kwⱼ and cᵢ = K⁻ᵀwⱼ/√νⱼ: no factor
// 1 + δᵢ that cancels.
// There is no double-double path: for a P or Q beyond the float64 path's
// condition bound, the float64 pencil is used as it is (see the package
// documentation for the accuracy reached).
func (m *SPD) transportAI(dst, p, q, v []float64) {
	n, nn := m.n, m.n*m.n
	if linalg.Equal(p, q) {
		symInto(dst, v, n, 1)
		return
	}
	w := linalg.NewArena(8*nn + 4*n)
	defer w.Release()
	l, k, a, z, z2, b, c, t := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn)
	ev, ev2, ec, eb := w.Take(n), w.Take(n), w.Take(n), w.Take(n)
	if !linalg.Cholesky(l, p, n) || !linalg.AllFinite(v) {
		linalg.FillNaN(dst)
		return
	}
	kp := aiCond(p, l, n, aiKappa)
	pc, err := m.pencilAI(l, k, a, z, z2, ev, ev2, ec, eb, p, q, kp, true, false)
	if err != nil {
		linalg.FillNaN(dst)
		return
	}
	if pc.first == 0 && pc.sigma == 1 {
		for i, x := range ev {
			ev[i] = x / (math.Sqrt(1+x) + 1)
		}
		linalg.CongruenceInvLower(b, l, v, n) // W
		congT(b, z, b, c, n)                  // W̃ = Uᵀ·W·U
		for i, si := range ev {
			for j, sj := range ev {
				b[i*n+j] *= si + sj + si*sj
			}
		}
		linalg.MulLower(l, false, z, n, n) // M = L·U
		matMul(c, false, z, false, b, n)   // M·(W̃ ∘ F)
		matMul(a, false, c, true, z, n)    // M·(W̃ ∘ F)·Mᵀ
		addSymInto(dst, v, a, n)
		return
	}
	copy(b, z)
	linalg.MulLower(l, false, b, n, n) // L·U
	copy(c, z)
	linalg.SolveLower(l, true, c, n, n) // L⁻ᵀ·U
	if pc.first > 0 {
		copy(a, z2)
		linalg.MulLower(k, false, a, n, n) // K·W
		copy(t, z2)
		linalg.SolveLower(k, true, t, n, n) // K⁻ᵀ·W
	}
	for i := range n {
		if i >= pc.first {
			s := math.Sqrt(pc.sigma + ev[i])
			for r := range n {
				b[r*n+i] *= s
			}
			continue
		}
		j := n - 1 - i
		s := 1 / math.Sqrt(pc.sigma2+ev2[j])
		for r := range n {
			b[r*n+i] = a[r*n+j]
			c[r*n+i] = t[r*n+j] * s
		}
	}
	symInto(a, v, n, 1)
	congT(a, c, a, t, n) // Cᵀ·sym(V)·C
	symInto(a, a, n, 1)
	matMul(t, false, b, false, a, n)
	matMul(a, false, t, true, b, n) // B·(CᵀVC)·Bᵀ
	symInto(dst, a, n, 1)
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
