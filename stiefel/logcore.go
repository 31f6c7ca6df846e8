package stiefel

import (
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

// andersonDepth is the number of previous iterates Anderson acceleration
// combines in the Log iteration.
const andersonDepth = 5

// eps is the machine epsilon 2⁻⁵².
const eps = 0x1p-52

// logNotConverged is the error of logCore when the iteration fails.
type logNotConverged struct {
	iter     int
	residual float64
	bound    float64
}

func (e *logNotConverged) Error() string {
	return fmt.Sprintf("stiefel: Log: no geodesic found after %d iterations (residual %.3g; a curve of length %.6g joins the points): %v",
		e.iter, e.residual, e.bound, manifold.ErrNotConverged)
}

func (e *logNotConverged) Unwrap() error { return manifold.ErrNotConverged }

// logSolver holds the workspace of one logarithm computation in the
// reduced space St(k, p), k = p + r (see Stiefel.Log).
type logSolver struct {
	s       *Stiefel
	n, p, r int
	k       int
	tol     float64

	q2, y0, w0           []float64
	v, lu, l, ref, bestL []float64
	a, ea, es, b, zc     []float64
	wk                   []float64
	xv, f, best          []float64
	xStart               []float64 // initial point of a second attempt
	savedL               []float64 // logarithm of the first attempt's solution
	aa                   linalg.Anderson

	// per run
	beta    float64
	da, dim int
	useRef  bool
}

// logCore computes the Riemannian logarithm Log_X(Y) for p < n, writing Δ
// into dst when dst is not nil. On success it returns ‖Δ‖_β and a nil
// error. On failure it leaves dst unchanged and returns the length of the
// shortest curve from X to Y the iterations constructed (a finite upper
// bound on the distance) with an error wrapping manifold.ErrNotConverged.
func (s *Stiefel) logCore(dst, x, y []float64) (float64, error) {
	n, p := s.n, s.p
	r := min(p, n-p)
	k := p + r
	ar := linalg.NewArena(logWorkSize(n, p))
	defer ar.Release()
	ls := s.newLogSolver(&ar, x, y)

	// First attempt: Anderson-accelerated iteration from A = 0, S = 0.
	beta := s.beta
	ok, length, bound, it, res := ls.run(beta, false, false)
	// For β ≠ ½, a geodesic that is not certified minimal (not shorter than
	// the known injectivity radius) or no geodesic at all triggers a second
	// attempt started from the canonical solution, which the Zimmermann
	// iteration finds robustly; the shorter verified geodesic wins.
	if beta != 0.5 && !(ok && length < s.inj) {
		if ok {
			copy(ls.savedL, ls.l)
		}
		okC, _, boundC, _, _ := ls.run(0.5, false, false)
		bound = math.Min(bound, boundC)
		if okC {
			// Start from (A_c, S_c), A_c = L₁₁ of the canonical solution,
			// with the branch reference [[2βA_c, −B_cᵀ], [B_c, 0]].
			da, ds := p*(p-1)/2, r*(r-1)/2
			copy(ls.xStart[da:da+ds], ls.xv[:ds])
			linalg.GetBlock(ls.ea, ls.l, k, 0, 0, p, p)
			linalg.PackSkew(ls.xStart[:da], ls.ea, p)
			copy(ls.ref, ls.l)
			for i := range p {
				for j := range p {
					ls.ref[i*k+j] *= 2 * beta
				}
			}
			ok2, length2, bound2, it2, res2 := ls.run(beta, true, true)
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
	if !ok {
		return bound, &logNotConverged{iter: it, residual: res, bound: bound}
	}
	_ = length
	// A = L₁₁/(2β), B = L₂₁; verify Exp_X(Δ) = Y in the reduced space.
	a, b := ls.a, ls.b
	linalg.GetBlock(a, ls.l, k, 0, 0, p, p)
	for i := range a {
		a[i] /= 2 * beta
	}
	linalg.SkewPart(a, a, p)
	linalg.GetBlock(b, ls.l, k, p, 0, r, p)
	linalg.StiefelExpReduced(ls.zc, a, b, s.beta, p, r)
	var ev float64
	for i := range ls.zc {
		d := ls.zc[i] - ls.y0[i]
		ev += d * d
	}
	ev = math.Sqrt(ev)
	if !(ev <= math.Max(1e-11, 100*s.logTol)) {
		return bound, &logNotConverged{iter: it, residual: ev, bound: bound}
	}
	length = math.Sqrt(beta*linalg.SumSq(a) + linalg.SumSq(b))
	if dst != nil {
		delta := ls.wk[:n*p]
		linalg.Mul(delta, x, a, n, p, p)
		linalg.Gemm(false, false, n, p, r, 1, ls.q2, b, 1, delta)
		copy(dst, delta)
	}
	return length, nil
}

// logWorkSize returns the workspace newLogSolver takes from its arena.
func logWorkSize(n, p int) int {
	r := min(p, n-p)
	k := p + r
	dimMax := p*(p-1)/2 + r*(r-1)/2
	return n*r + n*k + 2*k*p + k*r + 6*k*k + 2*p*p + 4*r*r + r + r*p +
		4*dimMax + linalg.AndersonWorkSize(dimMax, andersonDepth)
}

// newLogSolver reduces the problem Log_X(Y), p < n, to St(k, p), k = p + r,
// r = min(p, n − p): Y = X·M + Q₂·N with [X Q₂] orthonormal, where the
// Householder QR of [X K] (K = Y − XM, first r columns when n < 2p) gives
// Q₂ exactly orthogonal to span(X) even when K is rank deficient
// (linalg.StiefelReduce). It also computes the initial completion W₀. All
// workspace comes from ar.
func (s *Stiefel) newLogSolver(ar *linalg.Arena, x, y []float64) logSolver {
	n, p := s.n, s.p
	r := min(p, n-p)
	k := p + r
	dimMax := p*(p-1)/2 + r*(r-1)/2
	ls := logSolver{s: s, n: n, p: p, r: r, k: k, tol: s.logTol}
	ls.q2 = ar.Take(n * r)
	ls.y0 = ar.Take(k * p)
	linalg.StiefelReduce(ls.y0[:p*p], ls.q2, ls.y0[p*p:], x, y, n, p) // Y₀ = [M; N]

	ls.w0 = ar.Take(k * r)
	ls.v = ar.Take(k * k)
	ls.lu = ar.Take(k * k)
	ls.l = ar.Take(k * k)
	ls.ref = ar.Take(k * k)
	ls.bestL = ar.Take(k * k)
	ls.a = ar.Take(p * p)
	ls.ea = ar.Take(p * p)
	ls.es = ar.Take(r * r)
	wl := ar.Take(r * r)
	u := ar.Take(r * r)
	vt := ar.Take(r * r)
	sv := ar.Take(r)
	ls.b = ar.Take(r * p)
	ls.zc = ar.Take(k * p)
	ls.wk = ar.Take(n * k) // k×r and n×p uses
	ls.xv = ar.Take(dimMax)
	ls.f = ar.Take(dimMax)
	ls.best = ar.Take(dimMax)
	ls.xStart = ar.Take(dimMax)
	ls.savedL = ar.Take(k * k)
	ls.aa = linalg.NewAnderson(ar, dimMax, andersonDepth)
	ls.complete(wl, u, vt, sv)
	return ls
}

// complete writes into w0 an orthogonal completion of Y₀
// (linalg.OrthComplete) with det[Y₀ W₀] = +1, rotated by the Procrustes
// step of Zimmermann & Hüper (2022): W₀ ← W₀R, R ∈ SO(r), so that the lower
// block of W₀ becomes symmetric, which makes the initial lower-right block
// of log[Y₀ W₀] small.
func (ls *logSolver) complete(wl, u, vt, sv []float64) {
	p, r, k := ls.p, ls.r, ls.k
	linalg.OrthComplete(ls.w0, ls.y0, k, p)
	linalg.SetBlock(ls.v, k, 0, 0, ls.y0, k, p)
	linalg.SetBlock(ls.v, k, 0, p, ls.w0, k, r)
	if linalg.DetSign(ls.v, ls.lu, k) < 0 {
		for i := range k {
			ls.w0[i*r] = -ls.w0[i*r]
		}
	}
	if r < 2 {
		return
	}
	rot := ls.es
	linalg.GetBlock(wl, ls.w0, r, p, 0, r, r)
	if err := linalg.SVD(u, sv, vt, wl, r, r); err != nil || !linalg.AllFinite(u) {
		return
	}
	linalg.Gemm(true, true, r, r, r, 1, vt, u, 0, rot) // R = V·Uᵀ
	if linalg.DetSign(rot, ls.lu[:r*r], r) < 0 {
		for j := range r {
			vt[(r-1)*r+j] = -vt[(r-1)*r+j]
		}
		linalg.Gemm(true, true, r, r, r, 1, vt, u, 0, rot)
	}
	wk := ls.wk[:k*r]
	copy(wk, ls.w0)
	linalg.Mul(ls.w0, wk, rot, k, r, r)
}

// eval evaluates the fixed-point map at ls.xv: with
// V = [Y₀·expm((2β − 1)A), W₀·expm(S)] and L = log V (continuing the branch
// of ls.ref when ls.useRef), it writes f = G(x) − x =
// (L₁₁ − 2βA, −L₂₂) (packed), and returns ‖f‖ and the length
// √(β_M‖L₁₁ + (1 − 2β)A‖² + ‖L₂₁‖²) of the curve
// t ↦ [X Q₂]·expm(tL)·[I; 0]·expm(t(1 − 2β)A) from X to Y, where β is the
// iteration's parameter and β_M that of the manifold's metric (the curve
// has constant g_{β_M}-speed for any β).
func (ls *logSolver) eval() (res, length float64, err error) {
	p, r, k, beta := ls.p, ls.r, ls.k, ls.beta
	da, ds := ls.da, ls.dim-ls.da
	a := ls.a
	if da > 0 {
		linalg.UnpackSkew(a, ls.xv[:da], p)
	} else {
		clear(a)
	}
	if beta != 0.5 && da > 0 {
		for i := range a {
			ls.ea[i] = (2*beta - 1) * a[i]
		}
		linalg.ExpSkew(ls.ea, ls.ea, p)
		linalg.Mul(ls.zc, ls.y0, ls.ea, k, p, p)
	} else {
		copy(ls.zc, ls.y0)
	}
	wk := ls.wk[:k*r]
	if ds > 0 {
		linalg.UnpackSkew(ls.es, ls.xv[da:ls.dim], r)
		linalg.ExpSkew(ls.es, ls.es, r)
		linalg.Mul(wk, ls.w0, ls.es, k, r, r)
	} else {
		copy(wk, ls.w0)
	}
	linalg.SetBlock(ls.v, k, 0, 0, ls.zc, k, p)
	linalg.SetBlock(ls.v, k, 0, p, wk, k, r)
	var rf []float64
	if ls.useRef {
		rf = ls.ref
	}
	if err := linalg.LogOrthNear(ls.l, ls.v, rf, k); err != nil {
		return math.NaN(), math.Inf(1), err
	}
	l := ls.l
	var l11, l21 float64
	for i := range p {
		for j := range p {
			t := l[i*k+j] + (1-2*beta)*a[i*p+j]
			l11 += t * t
		}
	}
	for i := range r {
		for j := range p {
			t := l[(p+i)*k+j]
			l21 += t * t
		}
	}
	// The length is measured in the manifold's metric, which differs from
	// the iteration's β during the canonical pre-run.
	length = math.Sqrt(ls.s.beta*l11 + l21)
	f := ls.f[:ls.dim]
	if da > 0 {
		linalg.GetBlock(ls.ea, l, k, 0, 0, p, p)
		for i := range ls.ea {
			ls.ea[i] -= 2 * beta * a[i]
		}
		linalg.PackSkew(f[:da], ls.ea, p)
	}
	if ds > 0 {
		linalg.GetBlock(ls.es, l, k, p, p, r, r)
		linalg.PackSkew(f[da:], ls.es, r)
		for i := da; i < ls.dim; i++ {
			f[i] = -f[i]
		}
	}
	return math.Sqrt(linalg.SumSq(f)), length, nil
}

// run iterates the fixed-point map for the metric parameter beta, from
// x = 0, or from ls.xStart if fromStart (continuing the branch of ls.ref if
// withRef), with Anderson acceleration (linalg.Anderson). It
// reports whether the residual met the tolerance (ls.l then holds the
// converged logarithm), the length of the corresponding curve, the
// shortest curve length seen, the iterations used and the last residual.
func (ls *logSolver) run(beta float64, fromStart, withRef bool) (ok bool, length, bound float64, it int, res float64) {
	p, r, k := ls.p, ls.r, ls.k
	ls.beta = beta
	ls.da = p * (p - 1) / 2
	if beta == 0.5 {
		ls.da = 0 // the first block column does not depend on A
	}
	ls.dim = ls.da + r*(r-1)/2
	dim := ls.dim
	xv := ls.xv[:dim]
	if fromStart {
		copy(xv, ls.xStart[:dim])
	} else {
		clear(xv)
	}
	ls.useRef = withRef
	ls.aa.Reset(dim)
	bestRes, bound := math.Inf(1), math.Inf(1)
	restarts := 0
	f := ls.f[:dim]
	for ; it < ls.s.logMaxIter; it++ {
		var length float64
		var err error
		res, length, err = ls.eval()
		if err != nil || res != res {
			// Restart from the best iterate with a plain step.
			if restarts >= 3 || math.IsInf(bestRes, 1) {
				break
			}
			restarts++
			copy(xv, ls.best[:dim])
			copy(ls.ref, ls.bestL)
			ls.useRef = true
			ls.aa.Restart()
			continue
		}
		bound = math.Min(bound, length)
		if res < bestRes {
			bestRes = res
			copy(ls.best[:dim], xv)
			copy(ls.bestL, ls.l)
		}
		tol := math.Max(ls.tol, 8*float64(k)*eps) * math.Max(1, math.Sqrt(linalg.SumSq(ls.l)))
		if res <= tol {
			return true, length, bound, it, res
		}
		if res > 1e4*bestRes && restarts < 3 {
			restarts++
			copy(xv, ls.best[:dim])
			copy(ls.ref, ls.bestL)
			ls.useRef = true
			ls.aa.Restart()
			continue
		}
		copy(ls.ref, ls.l)
		ls.useRef = true
		ls.aa.Step(xv, f)
	}
	return false, math.Inf(1), bound, it, res
}
