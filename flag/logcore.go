package flag

import (
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

// andersonDepth is the number of previous iterates Anderson acceleration
// combines in the Log iteration.
const andersonDepth = 5

// logNotConverged is the error of logCore when no verified geodesic was
// found.
type logNotConverged struct {
	iter     int
	residual float64
	bound    float64
}

func (e *logNotConverged) Error() string {
	return fmt.Sprintf("flag: Log: no geodesic found after %d iterations (residual %.3g; a curve of length %.6g joins the flags): %v",
		e.iter, e.residual, e.bound, manifold.ErrNotConverged)
}

func (e *logNotConverged) Unwrap() error { return manifold.ErrNotConverged }

// logSolver holds the workspace of one logarithm computation in the
// reduced space R^k, k = p + r (see Flag.Log).
type logSolver struct {
	f          *Flag
	n, p, r, k int
	dp, ds     int // packed sizes of G (p×p skew) and S (r×r skew)
	dim        int // dp + ds
	tol        float64

	// current run
	b      float64 // iteration parameter: ½, or β when hasA
	hasA   bool    // the off-diagonal blocks of G (A) are unknowns
	useRef bool    // continue the branch of ref in the logarithm

	q2, y0, w0                   []float64
	v, lu, l, ref, bestL, savedL []float64 // k×k
	gm, dm, am, em, ea, a        []float64 // p×p
	es, wl, ru, rvt, rot         []float64 // r×r
	rs                           []float64 // r
	umin, smin, wu               []float64 // p, number of blocks, r
	wsig                         float64
	z, c, c2                     []float64 // k×p
	wk                           []float64 // k×r
	bb                           []float64 // r×p
	delta                        []float64 // n×p
	xv, fv, best, xStart         []float64 // dim
	aa                           linalg.Anderson
}

// logSizes returns r, k and the packed sizes for the flag f.
func logSizes(f *Flag) (r, k, dp, ds int) {
	p := f.p
	r = min(p, f.n-p)
	k = p + r
	dp = p * (p - 1) / 2
	ds = r * (r - 1) / 2
	return
}

// logWorkSize returns the number of elements newLogSolver takes.
func logWorkSize(f *Flag) int {
	n, p := f.n, f.p
	r, k, dp, ds := logSizes(f)
	dim := dp + ds
	return n*r + n*p + // q2, delta
		k*p + k*r + // y0, w0
		6*k*k + // v, lu, l, ref, bestL, savedL
		8*p*p + p + // gm, dm, am, em, ea, a, and the SVD temporaries (2p² + p)
		5*r*r + r + // es, wl, ru, rvt, rot, rs
		p + len(f.dims) + r + // umin, smin, wu
		3*k*p + k*r + r*p + // z, c, c2, wk, bb
		4*dim + linalg.AndersonWorkSize(dim, andersonDepth) // xv, fv, best, xStart
}

// newLogSolver reduces Log_X(Y) to R^k, k = p + r, r = min(p, n − p): with
// M = XᵀY, K = Y − XM and Q₂ (n×r) from the Householder QR of
// [X, K_{:,1:r}], [X Q₂] is orthonormal and Y = [X Q₂]·Y₀, Y₀ = [M; Q₂ᵀK]
// (linalg.StiefelReduce, as in stiefel.Stiefel.Log). It then aligns Y₀
// block by block (Procrustes) and completes it to an orthogonal matrix of
// determinant +1. All workspace comes from ar; the solver is written into
// ls.
func (f *Flag) newLogSolver(ls *logSolver, ar *linalg.Arena, x, y []float64) {
	n, p := f.n, f.p
	r, k, dp, ds := logSizes(f)
	*ls = logSolver{f: f, n: n, p: p, r: r, k: k, dp: dp, ds: ds, dim: dp + ds, tol: f.logTol}
	ls.q2 = ar.Take(n * r)
	ls.delta = ar.Take(n * p)
	ls.y0 = ar.Take(k * p)
	ls.w0 = ar.Take(k * r)
	ls.v = ar.Take(k * k)
	ls.lu = ar.Take(k * k)
	ls.l = ar.Take(k * k)
	ls.ref = ar.Take(k * k)
	ls.bestL = ar.Take(k * k)
	ls.savedL = ar.Take(k * k)
	ls.gm = ar.Take(p * p)
	ls.dm = ar.Take(p * p)
	ls.am = ar.Take(p * p)
	ls.em = ar.Take(p * p)
	ls.ea = ar.Take(p * p)
	ls.a = ar.Take(p * p)
	su := ar.Take(p * p)
	svt := ar.Take(p * p)
	ss := ar.Take(p)
	ls.es = ar.Take(r * r)
	ls.wl = ar.Take(r * r)
	ls.ru = ar.Take(r * r)
	ls.rvt = ar.Take(r * r)
	ls.rot = ar.Take(r * r)
	ls.rs = ar.Take(r)
	ls.umin = ar.Take(p)
	ls.smin = ar.Take(len(f.dims))
	ls.wu = ar.Take(r)
	ls.z = ar.Take(k * p)
	ls.c = ar.Take(k * p)
	ls.c2 = ar.Take(k * p)
	ls.wk = ar.Take(k * r)
	ls.bb = ar.Take(r * p)
	dim := ls.dim
	ls.xv = ar.Take(dim)
	ls.fv = ar.Take(dim)
	ls.best = ar.Take(dim)
	ls.xStart = ar.Take(dim)
	ls.aa = linalg.NewAnderson(ar, dim, andersonDepth)

	linalg.StiefelReduce(ls.y0[:p*p], ls.q2, ls.y0[p*p:], x, y, n, p) // Y₀ = [M; N]
	ls.align(su, svt, ss)
	if r > 0 {
		ls.complete()
	}
	ls.fixDet()
}

// align replaces Y₀ by Y₀·Q⁰, Q⁰ = blkdiag(Q₁, …, Q_k) with Q_i = V_iU_iᵀ
// for the SVD M_ii = U_iΣ_iV_iᵀ of the diagonal block M_ii = X_iᵀY_i: the
// orthogonal Procrustes rotation that makes X_iᵀY_iQ_i symmetric positive
// semidefinite (maximising tr(X_iᵀY_iQ_i)). It records in ls.umin the last
// left singular vector u_i of each block and in ls.smin its smallest
// singular value σ_i: reflecting the block, Q_i ← Q_i(I − 2u_iu_iᵀ), is
// the change of determinant that costs least in the trace (2σ_i).
func (ls *logSolver) align(su, svt, ss []float64) {
	f, p, k := ls.f, ls.p, ls.k
	qb := ls.gm
	clear(qb)
	for bi := range f.dims {
		lo, hi := f.off[bi], f.off[bi+1]
		m := hi - lo
		if m == 1 {
			d := ls.y0[lo*p+lo]
			q := 1.0
			if d < 0 {
				q = -1
			}
			qb[lo*p+lo] = q
			ls.umin[lo] = 1
			ls.smin[bi] = math.Abs(d)
			continue
		}
		a, u, vt, s := ls.em[:m*m], su[:m*m], svt[:m*m], ss[:m]
		linalg.GetBlock(a, ls.y0, p, lo, lo, m, m)
		if err := linalg.SVD(u, s, vt, a, m, m); err != nil || !linalg.AllFinite(s) {
			for i := range m {
				qb[(lo+i)*p+lo+i] = 1
				ls.umin[lo+i] = 0
			}
			ls.umin[hi-1] = 1
			ls.smin[bi] = math.Inf(1)
			continue
		}
		q := ls.ea[:m*m]
		linalg.Gemm(true, true, m, m, m, 1, vt, u, 0, q) // Q_i = V·Uᵀ
		linalg.SetBlock(qb, p, lo, lo, q, m, m)
		for i := range m {
			ls.umin[lo+i] = u[i*m+m-1]
		}
		ls.smin[bi] = s[m-1]
	}
	copy(ls.c, ls.y0)
	linalg.Mul(ls.y0, ls.c, qb, k, p, p)
}

// complete writes into w0 an orthogonal completion of Y₀ (r ≥ 1,
// linalg.OrthComplete), rotated by the Procrustes step of Zimmermann &
// Hüper (2022), W₀ ← W₀R with R = V_wU_wᵀ from the SVD W_l = U_wΣ_wV_wᵀ of
// its lower r×r block, so that that block becomes symmetric positive
// semidefinite and the lower-right block of log[Y₀ W₀] small. Like align,
// it records the last left singular vector and the smallest singular value
// of W_l.
func (ls *logSolver) complete() {
	p, r, k := ls.p, ls.r, ls.k
	linalg.OrthComplete(ls.w0, ls.y0, k, p)
	linalg.GetBlock(ls.wl, ls.w0, r, p, 0, r, r)
	if r == 1 {
		if ls.wl[0] < 0 {
			for i := range k {
				ls.w0[i] = -ls.w0[i]
			}
		}
		ls.wu[0] = 1
		ls.wsig = math.Abs(ls.wl[0])
		return
	}
	if err := linalg.SVD(ls.ru, ls.rs, ls.rvt, ls.wl, r, r); err != nil || !linalg.AllFinite(ls.ru) {
		clear(ls.wu)
		ls.wu[r-1] = 1
		ls.wsig = math.Inf(1)
		return
	}
	linalg.Gemm(true, true, r, r, r, 1, ls.rvt, ls.ru, 0, ls.rot) // R = V·Uᵀ
	for i := range r {
		ls.wu[i] = ls.ru[i*r+r-1]
	}
	ls.wsig = ls.rs[r-1]
	copy(ls.wk, ls.w0)
	linalg.Mul(ls.w0, ls.wk, ls.rot, k, r, r)
}

// fixDet makes det[Y₀ W₀] (det Y₀ when r = 0) equal to +1, as a real
// logarithm requires, by the reflection that costs least in the trace of
// the aligned matrix: of the flag block i or of the completion with the
// smallest recorded singular value σ, the matrix is multiplied on the
// right by I − 2uuᵀ, u its recorded singular vector (for a flag block this
// changes the representative Y·Q⁰ within the same flag). Such a
// reflection always exists, the fibre being O(m₁) × … × O(m_k) rather
// than a product of SO(m_i): that is why the flag manifold is connected
// even when its total space O(n) (r = 0) is not.
func (ls *logSolver) fixDet() {
	f, p, r, k := ls.f, ls.p, ls.r, ls.k
	linalg.SetBlock(ls.v, k, 0, 0, ls.y0, k, p)
	if r > 0 {
		linalg.SetBlock(ls.v, k, 0, p, ls.w0, k, r)
	}
	if linalg.DetSign(ls.v, ls.lu, k) >= 0 {
		return
	}
	best, bestSig := -1, math.Inf(1)
	for bi := range f.dims {
		if ls.smin[bi] < bestSig {
			best, bestSig = bi, ls.smin[bi]
		}
	}
	if r > 0 && (ls.wsig < bestSig || best < 0) {
		householderRight(ls.w0, ls.wu, k, r, 0, r)
		return
	}
	if best < 0 {
		best = 0
	}
	householderRight(ls.y0, ls.umin, k, p, f.off[best], f.off[best+1])
}

// householderRight multiplies columns lo:hi of the rows×cols matrix a on
// the right by I − 2uuᵀ, u = w[lo:hi] (a unit vector).
func householderRight(a, w []float64, rows, cols, lo, hi int) {
	u := w[lo:hi]
	for i := range rows {
		row := a[i*cols+lo : i*cols+hi]
		var s float64
		for j, v := range u {
			s += row[j] * v
		}
		s *= 2
		for j, v := range u {
			row[j] -= s * v
		}
	}
}

// expBlockDiag writes into dst (p×p) the exponential of the skew p×p
// matrix g that is block diagonal for the flag's blocks, block by block:
// 1 for blocks of size 1 and linalg.ExpSkew of each larger block (closed
// form for size 2), which is cheaper than one p×p spectral exponential.
func (ls *logSolver) expBlockDiag(dst, g []float64) {
	f, p := ls.f, ls.p
	clear(dst)
	for bi := range f.dims {
		lo, hi := f.off[bi], f.off[bi+1]
		m := hi - lo
		if m == 1 {
			dst[lo*p+lo] = 1
			continue
		}
		b := ls.ea[:m*m]
		linalg.GetBlock(b, g, p, lo, lo, m, m)
		linalg.ExpSkew(b, b, m)
		linalg.SetBlock(dst, p, lo, lo, b, m, m)
	}
}

// eval evaluates the fixed-point map at ls.xv = (G, S) packed, G = D + A
// with D = bd(G) (the block rotations of the representative) and
// A = offdiag(G) (an unknown only when ls.hasA). With
//
//	V = [Y₀·expm(D)·expm((2b − 1)A), W₀·expm(S)],   L = log V
//
// (continuing the branch of ls.ref when ls.useRef), it writes the residual
// f = (−bd(L₁₁), offdiag(L₁₁) − 2bA [only when hasA], −L₂₂) packed. It
// returns ‖f‖ and the length of the curve
// t ↦ [X Q₂]·expm(tL)·[I; 0]·expm(t(1 − 2b)A) from X to a representative
// of the flag of Y: its flag length √(β‖offdiag L₁₁‖² + ‖L₂₁‖²) when A = 0,
// else its Stiefel length √(β‖L₁₁ + (1 − 2b)A‖² + ‖L₂₁‖²), an upper bound.
func (ls *logSolver) eval() (res, length float64, err error) {
	f, p, r, k := ls.f, ls.p, ls.r, ls.k
	b := ls.b
	g := ls.gm
	linalg.UnpackSkew(g, ls.xv[:ls.dp], p)
	if ls.hasA {
		// dm = D, am = (2b − 1)A, a = A.
		for i := range p {
			for j := range p {
				v := g[i*p+j]
				if f.blk[i] == f.blk[j] {
					ls.dm[i*p+j], ls.a[i*p+j] = v, 0
				} else {
					ls.dm[i*p+j], ls.a[i*p+j] = 0, v
				}
				ls.am[i*p+j] = (2*b - 1) * ls.a[i*p+j]
			}
		}
		ls.expBlockDiag(ls.em, ls.dm)
		linalg.ExpSkew(ls.ea, ls.am, p)
		linalg.Mul(ls.dm, ls.em, ls.ea, p, p, p)
		linalg.Mul(ls.z, ls.y0, ls.dm, k, p, p)
	} else {
		clear(ls.a)
		if linalg.AllZero(g) {
			copy(ls.z, ls.y0)
		} else {
			ls.expBlockDiag(ls.em, g)
			linalg.Mul(ls.z, ls.y0, ls.em, k, p, p)
		}
	}
	linalg.SetBlock(ls.v, k, 0, 0, ls.z, k, p)
	if r > 0 {
		if ls.ds > 0 && !linalg.AllZero(ls.xv[ls.dp:]) {
			linalg.UnpackSkew(ls.es, ls.xv[ls.dp:], r)
			linalg.ExpSkew(ls.es, ls.es, r)
			linalg.Mul(ls.wk, ls.w0, ls.es, k, r, r)
		} else {
			copy(ls.wk, ls.w0)
		}
		linalg.SetBlock(ls.v, k, 0, p, ls.wk, k, r)
	}
	var rf []float64
	if ls.useRef {
		rf = ls.ref
	}
	if err := linalg.LogOrthNear(ls.l, ls.v, rf, k); err != nil {
		return math.NaN(), math.Inf(1), err
	}
	l, fv, a := ls.l, ls.fv, ls.a
	var l11, l21 float64
	idx := 0
	for i := range p {
		for j := i + 1; j < p; j++ {
			lij := l[i*k+j]
			var fij float64
			switch {
			case f.blk[i] == f.blk[j]:
				fij = -lij
			case ls.hasA:
				fij = lij - 2*b*a[i*p+j]
			}
			fv[idx] = math.Sqrt2 * fij
			idx++
		}
		for j := range p {
			if ls.hasA {
				t := l[i*k+j] + (1-2*b)*a[i*p+j]
				l11 += t * t
			} else if f.blk[i] != f.blk[j] {
				l11 += l[i*k+j] * l[i*k+j]
			}
		}
	}
	for i := range r {
		for j := range p {
			t := l[(p+i)*k+j]
			l21 += t * t
		}
		for j := i + 1; j < r; j++ {
			fv[idx] = -math.Sqrt2 * l[(p+i)*k+p+j]
			idx++
		}
	}
	length = math.Sqrt(f.beta*l11 + l21)
	return math.Sqrt(linalg.SumSq(fv)), length, nil
}

// run iterates the fixed-point map with parameter b (A an unknown iff
// hasA), from x = 0 or from ls.xStart if fromStart (continuing the branch
// of ls.ref if withRef), with Anderson acceleration (Walker & Ni 2011;
// linalg.Anderson). It reports whether the residual met the tolerance (ls.l
// then holds the converged logarithm), the length of the corresponding
// curve, the shortest curve length seen, the iterations used and the last
// residual.
func (ls *logSolver) run(b float64, hasA, fromStart, withRef bool) (ok bool, length, bound float64, it int, res float64) {
	ls.b, ls.hasA = b, hasA
	xv := ls.xv
	if fromStart {
		copy(xv, ls.xStart)
	} else {
		clear(xv)
	}
	ls.useRef = withRef
	ls.aa.Reset(ls.dim)
	bestRes := math.Inf(1)
	bound = math.Inf(1)
	restarts := 0
	f := ls.fv
	restart := func() {
		restarts++
		copy(xv, ls.best)
		copy(ls.ref, ls.bestL)
		ls.useRef = true
		ls.aa.Restart()
	}
	for ; it < ls.f.logMaxIter; it++ {
		var err error
		res, length, err = ls.eval()
		if err != nil || res != res {
			if restarts >= 3 || math.IsInf(bestRes, 1) {
				break
			}
			restart()
			continue
		}
		bound = math.Min(bound, length)
		if res < bestRes {
			bestRes = res
			copy(ls.best, xv)
			copy(ls.bestL, ls.l)
		}
		tol := math.Max(ls.tol, 8*float64(ls.k)*eps) * math.Max(1, math.Sqrt(linalg.SumSq(ls.l)))
		if res <= tol {
			return true, length, bound, it, res
		}
		if res > 1e4*bestRes && restarts < 3 {
			restart()
			continue
		}
		copy(ls.ref, ls.l)
		ls.useRef = true
		ls.aa.Step(xv, f)
	}
	return false, math.Inf(1), bound, it, res
}

// logCore computes Log_X(Y) for a flag with k ≥ 2 blocks, writing Δ into
// dst when dst is not nil. On success it returns ‖Δ‖_X and a nil error. On
// failure it leaves dst unchanged and returns a finite upper bound on the
// distance (the shortest curve the iterations constructed, or
// diameterBound) with an error wrapping manifold.ErrNotConverged.
func (f *Flag) logCore(dst, x, y []float64) (float64, error) {
	ar := linalg.NewArena(logWorkSize(f))
	defer ar.Release()
	var sol logSolver
	ls := &sol
	f.newLogSolver(ls, &ar, x, y)
	p, r, k := ls.p, ls.r, ls.k

	// The block-rotation iteration alone (b = ½) when the geodesic does not
	// depend on A through a second factor: the canonical metric, and p = n.
	hasA := f.beta != 0.5 && r > 0
	b := 0.5
	if hasA {
		b = f.beta
	}
	ok, length, bound, it, res := ls.run(b, hasA, false, false)
	if hasA && !(ok && length < f.inj) {
		// As in stiefel.Stiefel.Log: a geodesic not certified minimal, or
		// none, triggers a second attempt started from the canonical
		// solution (D_c, A_c = offdiag L₁₁, S_c), with the branch reference
		// [[2βA_c, −B_cᵀ], [B_c, 0]]; the shorter verified geodesic wins.
		if ok {
			copy(ls.savedL, ls.l)
		}
		okC, _, boundC, _, _ := ls.run(0.5, false, false, false)
		bound = math.Min(bound, boundC)
		if okC {
			copy(ls.xStart, ls.xv)
			idx := 0
			for i := range p {
				for j := i + 1; j < p; j++ {
					if f.blk[i] != f.blk[j] {
						ls.xStart[idx] = math.Sqrt2 * ls.l[i*k+j]
					}
					idx++
				}
			}
			copy(ls.ref, ls.l)
			for i := range p {
				for j := range p {
					ls.ref[i*k+j] *= 2 * f.beta
				}
			}
			ok2, length2, bound2, it2, res2 := ls.run(f.beta, true, true, true)
			bound = math.Min(bound, bound2)
			switch {
			case ok2 && (!ok || length2 < length):
				ok, length, it, res = true, length2, it2, res2
			case ok:
				copy(ls.l, ls.savedL)
			}
		} else if ok {
			copy(ls.l, ls.savedL)
		}
	}
	if math.IsInf(bound, 1) {
		bound = f.diameterBound()
	}
	if !ok {
		return bound, &logNotConverged{iter: it, residual: res, bound: bound}
	}
	// A = offdiag(L₁₁)/(2b), exactly skew with zero diagonal blocks;
	// B = L₂₁.
	a, bm := ls.a, ls.bb
	for i := range p {
		for j := range p {
			if f.blk[i] == f.blk[j] {
				a[i*p+j] = 0
			} else {
				a[i*p+j] = ls.l[i*k+j] / (2 * b)
			}
		}
	}
	linalg.SkewPart(a, a, p)
	linalg.GetBlock(bm, ls.l, k, p, 0, r, p)
	// Verify that Exp_X(Δ) is the flag of Y, in the reduced space:
	// C = expm([[2βA, −Bᵀ], [B, 0]])·[I; 0]·expm((1 − 2β)A), or expm(A)
	// for r = 0 (see Flag.Exp).
	if r == 0 {
		linalg.ExpSkew(ls.c, a, p)
	} else {
		linalg.StiefelExpReduced(ls.c, a, bm, f.beta, p, r)
	}
	if ev := f.blockChordal(ls.c, ls.y0, ls.gm, ls.c2, k); !(ev <= math.Max(1e-11, 100*f.logTol)) {
		return bound, &logNotConverged{iter: it, residual: ev, bound: bound}
	}
	length = math.Sqrt(f.beta*linalg.SumSq(a) + linalg.SumSq(bm))
	if dst != nil {
		d := ls.delta
		linalg.Mul(d, x, a, f.n, p, p)
		if r > 0 {
			linalg.Gemm(false, false, f.n, p, r, 1, ls.q2, bm, 1, d)
		}
		copy(dst, d)
	}
	return length, nil
}

// blockChordal returns √(Σ_i ‖(I − Y_iY_iᵀ)C_i‖²_F) for the rows×p
// matrices c and y with orthonormal columns, the chordal distance of their
// flags, in plain arithmetic, using the p×p workspace t and the rows×p
// workspace w.
func (f *Flag) blockChordal(c, y, t, w []float64, rows int) float64 {
	p := f.p
	linalg.MulAtB(t, y, c, p, rows, p)
	f.keepDiagBlocks(t)
	copy(w, c)
	linalg.Gemm(false, false, rows, p, p, -1, y, t, 1, w)
	return math.Sqrt(linalg.SumSq(w))
}

// diameterBound returns π·√((p + r)·max(β, ½)), r = min(p, n − p): an upper
// bound on the distance between any two flags. Derivation: in the reduced
// space every pair of flags is joined by a curve t ↦ [X Q₂]·expm(tL)·[I; 0]
// with L the principal logarithm of an element of SO(p + r), whose
// rotation angles are at most π, so ‖L‖²_F ≤ (p + r)π²; the curve's length
// √(β‖offdiag L₁₁‖² + ‖L₂₁‖²) is at most √(max(β, ½))·‖L‖_F.
func (f *Flag) diameterBound() float64 {
	r := min(f.p, f.n-f.p)
	return math.Pi * math.Sqrt(float64(f.p+r)*math.Max(f.beta, 0.5))
}
