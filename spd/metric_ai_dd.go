package spd

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// The extended-precision path of the affine-invariant Exp, Log and Dist.
//
// Why it is needed. The float64 path is backward stable: what it computes
// is exact for P, Q and V perturbed at the level of their rounding. The
// Cholesky factor of P is exact for P + E with ‖L⁻¹EL⁻ᵀ‖ of order
// ε·κ(P), and every congruence by L⁻¹ carries that relative perturbation
// into the generalized eigenvalues μᵢ of (Q, P) and the eigenvalues wᵢ of
// L⁻¹VL⁻ᵀ. The answer for the data as given therefore has a forward error
// of order ε·κ(P) (for Exp, ε·κ(P)·‖L⁻¹VL⁻ᵀ‖₂), about 1e-10 at κ = 1e6 and
// 1e-4 at 1e12, and no rearrangement in float64 can do better. Carrying
// the factorisation, the congruences, the eigendecompositions and the
// reconstruction in double-double arithmetic (internal/linalg, dd*.go, unit
// roundoff u_dd = u² = 2⁻¹⁰⁶ ≈ 1.2e-32, each operation exact to a few
// u_dd) shrinks every one of these terms by 2⁻⁵³, to about 1e-20 at
// κ = 1e12, far below the final rounding.
//
// When. aiCond bounds κ₂(P) from above with tr(P)·tr(P⁻¹), from the float64
// factor the fast path computes anyway (n³/6 flops), tightened by
// ‖P‖_F·‖P⁻¹‖_F only when the trace bound is ambiguous. Above aiKappa Log
// and Dist take the extended path; if the float64 path needs Q's side of
// the pencil (pencil.go), the same test on Q's factor decides again. Exp
// switches when the bound, or the bound times max|wᵢ| once the float64
// eigenvalues wᵢ of L⁻¹VL⁻ᵀ are known, exceeds aiExpKappa. The thresholds
// keep the float64 path inside the range where TestAccuracyAI measured it
// below 1e-10 (κ ≤ 1e6), with a margin.
//
// Error budget of Dist. With ℓᵢ = log μᵢ and d = ‖ℓ‖₂, a relative error rᵢ
// in μᵢ changes ℓᵢ by rᵢ and d by Σᵢ ℓᵢrᵢ/d to first order, so
//
//	|Δd|/d ≤ Σᵢ (|ℓᵢ|/d)·rᵢ/d ≤ max_i rᵢ·(Σᵢ|ℓᵢ|)/d² ≤ √n·max_i rᵢ/d:
//
// an eigenvalue's error matters in proportion to |log μᵢ|, so eigenvalues
// near 1 are forgiving (and for nearby points, where d is tiny, every rᵢ is
// itself relative to δᵢ = μᵢ − 1 because D = L⁻¹(Q − P)L⁻ᵀ is formed from the
// exact difference Q − P). The estimates of pencil.go, in units of u_dd,
// are rᵢ ≈ u_dd·(κ̂(P)·|xᵢ| + ‖X‖₂)/μᵢ from P's side and the mirror image
// from Q's: the Cholesky factor's relative perturbation of X plus the
// double-double eigensolver's absolute error (DDEigSym). Q's side is
// decomposed when some rᵢ from P's side exceeds ddSplitRatio·u_dd = 2⁻⁵⁰
// ≈ 9e-16, and the sides then meet at a boundary whose worst rᵢ is at most
// max(2⁻⁵⁰, 16 times the best possible): with κ(P), κ(Q) ≤ 1e12 the best
// possible is below about 2e12·u_dd ≈ 3e-20 (an eigenvalue in the middle of
// a spread of 1e24 is determined to u_dd·(μ_max/μ_min)^{1/2} from either
// side), so |Δd|/d is far below 1e-10 for every d above about 1e-8 (and
// for smaller d the rᵢ are relative to δᵢ, as said). Among the admissible
// boundaries ddChooseFirst takes the one at the widest gap between
// consecutive μᵢ, so that the eigenvectors taken from either side span
// complementary invariant subspaces to full accuracy and Log, which
// combines them, stays consistent; the float64 path, whose error budget is
// tight, takes the boundary of least estimated error.
//
// Elementary functions. log1p, log, expm1 and exp of the double-double
// eigenvalues are evaluated in double-double (linalg.DDLog1p, DDLog,
// DDExpm1, DDExp), not as float64 functions of the rounded argument:
// log1p(δ) of the float64 rounding of δ = μ − 1 ≈ −1 has a relative error of
// ε/μ (1e-4 for μ = 1e-12), and even where the float64 function of the
// double-double argument would be accurate to one ulp of ℓᵢ (it would be
// for Dist, whose result is then correct to a few ulps), Log sums
// ℓᵢ·(Luᵢ)(Luᵢ)ᵀ with cancellation up to κ(L) between terms of opposite
// sign, so one ulp per ℓᵢ could cost 1e-10 at κ(P) = 1e12. In double-double
// they cost nothing measurable (n calls of a few dozen operations against
// O(n³) work); the result is rounded once, at the end.
//
// Cost. The extended path does O(n³) double-double work (each
// multiply-add about 20 flops plus the eigensolver's Jacobi sweeps); see
// the package documentation for timings.

const (
	// aiKappa is the bound on aiCond(P) (and on aiCond(Q) when the float64
	// path factors Q) above which Log and Dist take the extended path.
	aiKappa = 1e6
	// aiExpKappa is the bound on aiCond(P)·max(1, max|wᵢ|), wᵢ the
	// eigenvalues of L⁻¹VL⁻ᵀ, above which Exp takes the extended path: the
	// float64 error of Exp grows like ε·κ(P)·‖L⁻¹VL⁻ᵀ‖₂ (measured: at most
	// 0.16·ε·κ(P)·‖V‖_P for n ≤ 10, ‖V‖_P ≤ 20).
	aiExpKappa = 1e6
	// ddSplitRatio is splitRatio for the double-double path: Q's side of
	// the pencil is decomposed when the estimated relative error of some μᵢ
	// from P's side (pencil.go) exceeds 2⁵⁶·u_dd = 2⁻⁵⁰ ≈ 9e-16.
	ddSplitRatio = 0x1p56
)

// aiCond returns an upper bound on κ₂(P) for P (p) with the float64
// Cholesky factor L (l): linalg.CholCondTrace (n³/6 flops, at most n² times
// κ₂), tightened by linalg.CholCondFrob (4n³/3 flops, at most n times κ₂)
// only when the trace bound exceeds limit without proving κ₂ > limit, which
// at large n keeps moderately conditioned matrices on the float64 path.
func aiCond(p, l []float64, n int, limit float64) float64 {
	c := linalg.CholCondTrace(l, n)
	if c <= limit || !(c <= float64(n)*float64(n)*limit) {
		return c
	}
	return min(c, linalg.CholCondFrob(p, l, n))
}

// ddErrors is pencilErrors for double-double eigenvalues (the estimates in
// units of u_dd): it writes the estimates into e and the log₂ of the
// float64 values of μᵢ = σ + xᵢ into t, and returns the largest estimate.
func ddErrors(e, t []float64, ev []linalg.DD, kappa, sigma float64) float64 {
	n := len(ev)
	norm := max(ev[n-1].Hi, -ev[0].Hi)
	var worst float64
	for i, d := range ev {
		mu := d.AddF(sigma).Hi
		x := math.Inf(1)
		if mu > 0 {
			x = (kappa*math.Abs(d.Hi) + norm) / mu
		}
		if !(x <= math.MaxFloat64) {
			x = math.Inf(1)
		}
		e[i] = x
		t[i] = math.Log2(mu)
		worst = max(worst, x)
	}
	return worst
}

// ddChooseFirst is chooseFirst for the double-double path, with ec, eb the
// error estimates and tc, tb the log₂ of μᵢ from P's side and of νⱼ from
// Q's side. The
// boundaries whose worst estimate is within a factor 16 of the best or
// below ddSplitRatio are all admissible, and among them the one at the
// widest gap between consecutive μ (log₂ μ_first − log₂ μ_{first−1}, each μ
// from the side that estimates it better) is chosen, a one-sided choice
// counting as an infinite gap: at a wide gap the invariant subspaces on
// either side are determined to full accuracy, so the eigenvectors Log
// takes from the two sides fit together. ec and tc are overwritten.
func ddChooseFirst(ec, eb, tc, tb []float64) int {
	n := len(ec)
	for i := range n {
		if eb[n-1-i] < ec[i] {
			tc[i] = -tb[n-1-i] // log₂ μᵢ = −log₂ νⱼ
		}
	}
	_, best := chooseFirst(ec, eb) // ec now holds suffix maxima
	h := max(ddSplitRatio, 16*best)
	first, gap := 0, -1.0
	var pre float64
	for k := 0; k <= n; k++ {
		c := pre
		if k < n {
			c = max(c, ec[k])
			pre = max(pre, eb[n-1-k])
		}
		if !(c <= h) {
			continue
		}
		g := math.Inf(1)
		if k > 0 && k < n {
			g = tc[k] - tc[k-1]
		}
		if g > gap {
			first, gap = k, g
		}
	}
	return first
}

// ddShiftedDiff writes the exact symmetric part of x − σ·y, σ ∈ {0, 1}.
func ddShiftedDiff(a []linalg.DD, x, y []float64, sigma float64, n int) {
	if sigma == 0 {
		linalg.DDSymPart(a, x, n)
		return
	}
	linalg.DDSymDiff(a, x, y, n)
}

// ddLogShifted returns log(σ + x) for σ ∈ {0, 1} in double-double.
func ddLogShifted(x linalg.DD, sigma float64) linalg.DD {
	if sigma == 0 {
		return linalg.DDLog(x)
	}
	return linalg.DDLog1p(x)
}

// pencilAIDD is pencilAI in double-double arithmetic (pencil.go), for P
// with condition bound kp: P's side L⁻¹(Q − σP)L⁻ᵀ into ev (and z, if vecs),
// Q's side K⁻¹(P − σ₂Q)K⁻ᵀ into ev2 (and z2) when an error estimate of P's
// side exceeds ddSplitRatio, with L in l and K in k; a is scratch. The
// boundary first comes from ddChooseFirst. It returns a non-nil error if P
// or Q is not positive definite to double-double precision or an
// eigensolver fails.
func (m *SPD) pencilAIDD(l, k, a, z, z2, ev, ev2 []linalg.DD, p, q []float64, kp float64, vecs bool) (pc pencil, err error) {
	n := m.n
	if !vecs {
		z, z2 = nil, nil
	}
	pc = pencil{sigma: 1, sigma2: 1}
	if !linalg.DDCholesky(l, p, n) {
		return pc, errBaseNotPD
	}
	ws := linalg.NewArena(4 * n)
	defer ws.Release()
	ec, eb, tc, tb := ws.Take(n), ws.Take(n), ws.Take(n), ws.Take(n)
	side := func(sigma float64) (float64, error) {
		ddShiftedDiff(a, q, p, sigma, n)
		linalg.DDCongruenceInvLower(a, l, a, n)
		if linalg.DDEigSym(ev, z, a, n) != nil {
			return 0, errEig
		}
		return ddErrors(ec, tc, ev, kp, sigma), nil
	}
	worst, err := side(1)
	if err != nil {
		return pc, err
	}
	if worst <= ddSplitRatio {
		return pc, nil
	}
	if ev[n-1].Hi+1 < 0.5 {
		pc.sigma = 0
		if worst, err = side(0); err != nil {
			return pc, err
		}
		if worst <= ddSplitRatio {
			return pc, nil
		}
	}
	if !linalg.DDCholesky(k, q, n) {
		return pc, errTargetNotPD
	}
	kq := ddCondTrace(k, n)
	if ev[0].Hi+pc.sigma > 2 {
		pc.sigma2 = 0
	}
	ddShiftedDiff(a, p, q, pc.sigma2, n)
	linalg.DDCongruenceInvLower(a, k, a, n)
	if linalg.DDEigSym(ev2, z2, a, n) != nil {
		return pc, errEig
	}
	ddErrors(eb, tb, ev2, kq, pc.sigma2)
	pc.first = ddChooseFirst(ec, eb, tc, tb)
	for _, x := range ev[pc.first:] {
		if !(x.AddF(pc.sigma).Hi > 0) {
			return pc, errTargetNotPD
		}
	}
	for _, x := range ev2[n-pc.first:] {
		if !(x.AddF(pc.sigma2).Hi > 0) {
			return pc, errTargetNotPD
		}
	}
	return pc, nil
}

// ddCondTrace is linalg.CholCondTrace of the float64 rounding of the
// double-double factor K.
func ddCondTrace(k []linalg.DD, n int) float64 {
	ws := linalg.GetFloats(n * n)
	defer linalg.PutFloats(ws)
	linalg.DDRound(*ws, k)
	return linalg.CholCondTrace(*ws, n)
}

// distAIDD is distAI in double-double arithmetic: (Σᵢ log²μᵢ)^{1/2} with
// log μᵢ from P's side or −log νⱼ from Q's (log1p of the eigenvalue for
// shift 1, log for shift 0), summed and square-rooted in double-double and
// rounded once.
func (m *SPD) distAIDD(p, q []float64, kp float64) float64 {
	n, nn := m.n, m.n*m.n
	w := linalg.NewDDArena(3*nn + 2*n)
	defer w.Release()
	l, k, a, ev, ev2 := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(n), w.Take(n)
	pc, err := m.pencilAIDD(l, k, a, nil, nil, ev, ev2, p, q, kp, false)
	if err != nil {
		return math.NaN()
	}
	var ss linalg.DD
	for i := range n {
		var lg linalg.DD // ±log μᵢ
		if i >= pc.first {
			lg = ddLogShifted(ev[i], pc.sigma)
		} else {
			lg = ddLogShifted(ev2[n-1-i], pc.sigma2)
		}
		ss = ss.Add(lg.Sqr())
	}
	return ss.Sqrt().Float64()
}

// logAIDD is logAI in double-double arithmetic:
//
//	Log_P(Q) = Σ_{i ≥ first} log μᵢ·(Luᵢ)(Luᵢ)ᵀ − Σ_{i < first} νⱼ·log νⱼ·(Kwⱼ)(Kwⱼ)ᵀ,
//
// νⱼ = 1/μᵢ, j = n − 1 − i (see logAI for the derivation), accumulated in
// double-double and rounded once; the result is exactly symmetric.
func (m *SPD) logAIDD(dst, p, q []float64, kp float64) error {
	n, nn := m.n, m.n*m.n
	w := linalg.NewDDArena(6*nn + 3*n)
	defer w.Release()
	l, k, a, z, z2, out := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn)
	ev, ev2, f := w.Take(n), w.Take(n), w.Take(n)
	pc, err := m.pencilAIDD(l, k, a, z, z2, ev, ev2, p, q, kp, true)
	if err != nil {
		linalg.FillNaN(dst)
		return err
	}
	clear(out)
	linalg.DDMulLower(l, z, n, n) // L·U
	for i := range n {
		f[i] = linalg.DD{}
		if i >= pc.first {
			f[i] = ddLogShifted(ev[i], pc.sigma)
		}
	}
	linalg.DDAddGram(out, z, f, n)
	if pc.first > 0 {
		linalg.DDMulLower(k, z2, n, n) // K·W
		for j := range n {
			f[j] = linalg.DD{}
			if n-1-j < pc.first {
				f[j] = ddLogShifted(ev2[j], pc.sigma2).Mul(ev2[j].AddF(pc.sigma2)).Neg()
			}
		}
		linalg.DDAddGram(out, z2, f, n)
	}
	linalg.DDRound(dst, out)
	return nil
}

// expAIDD is expAI in double-double arithmetic: W = L⁻¹·sym(V)·L⁻ᵀ (sym(V)
// exact), W = Z·diag(w)·Zᵀ, and with M = LZ the result
// P + M·diag(expm1 w)·Mᵀ when max|wᵢ| ≤ 1, M·diag(eʷ)·Mᵀ otherwise,
// accumulated in double-double and rounded once; exactly symmetric.
func (m *SPD) expAIDD(dst, p, v []float64) {
	n, nn := m.n, m.n*m.n
	w := linalg.NewDDArena(4*nn + 2*n)
	defer w.Release()
	l, a, z, out, ev, f := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(n), w.Take(n)
	if !linalg.DDCholesky(l, p, n) {
		linalg.FillNaN(dst)
		return
	}
	linalg.DDSymPart(a, v, n)
	linalg.DDCongruenceInvLower(a, l, a, n)
	if linalg.DDEigSym(ev, z, a, n) != nil {
		linalg.FillNaN(dst)
		return
	}
	linalg.DDMulLower(l, z, n, n) // M = L·Z
	small := true
	for _, x := range ev {
		if !(math.Abs(x.Hi) <= 1) {
			small = false
		}
	}
	if small {
		for i, x := range ev {
			f[i] = linalg.DDExpm1(x)
		}
		linalg.DDSymPart(out, p, n)
	} else {
		for i, x := range ev {
			f[i] = linalg.DDExp(x)
		}
		clear(out)
	}
	linalg.DDAddGram(out, z, f, n)
	linalg.DDRound(dst, out)
}
