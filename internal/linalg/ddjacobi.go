package linalg

import "math"

// Symmetric eigendecomposition in double-double arithmetic.

// ddJacobiMaxSweeps bounds the number of cyclic sweeps. Cyclic Jacobi
// converges quadratically once the off-diagonal part is small (Golub & Van
// Loan, 4th ed., §8.5.3); from the identity it takes about 4–10 sweeps
// for well-scaled matrices with n ≤ 50 (up to 20 for spectra spanning 24
// orders of magnitude, whose small eigenvalues the relative criterion
// resolves too), from a float64 eigendecomposition (DDEigSym) two or
// three.
const ddJacobiMaxSweeps = 60

// DDJacobi diagonalises the symmetric n×n DD matrix A (read in full and
// overwritten) by the cyclic Jacobi method in double-double arithmetic
// (Golub & Van Loan, Matrix Computations, 4th ed., §8.5; rotations from
// Rutishauser's formulas). On return w holds the eigenvalues in ascending
// order; if v is not nil, the rotations are accumulated into it (V ← V·J)
// and its columns are permuted with w, so a caller passing V = I gets the
// eigenvectors of A, and one passing an orthogonal X with A = XᵀA₀X gets
// those of A₀.
//
// A rotation is applied to the pair (p, q) only while
// |a_pq| > tol·(|a_pp|·|a_qq|)^{1/2}, tol = 2⁻¹⁰⁶·n, the criterion under
// which Demmel & Veselić proved that Jacobi's method computes the
// eigenvalues of a positive definite matrix A = D·H·D (D diagonal) to
// relative accuracy about tol·κ(H), however graded D is ("Jacobi's method
// is more accurate than QR", SIAM J. Matrix Anal. Appl. 13, 1992); entries
// below floor (absolute; 0 for a purely relative criterion) are left
// alone as well. For any symmetric A the eigenvalues have absolute errors
// of order n·2⁻¹⁰⁴·‖A‖₂.
//
// DDJacobi reports whether the sweeps converged (they always have in
// practice); a NaN or ±Inf entry gives NaN eigenvalues and false. w must
// not overlap a or v.
func DDJacobi(w, v, a []DD, n int, floor float64) bool {
	checkDim(n)
	checkDDLen(w, n)
	checkDDLen(a, n*n)
	if v != nil {
		checkDDLen(v, n*n)
	}
	if !ddAllFinite(a) {
		ddFillNaN(w)
		if v != nil {
			ddFillNaN(v)
		}
		return false
	}
	tol := 0x1p-106 * float64(n)
	converged := false
	for sweep := 0; sweep < ddJacobiMaxSweeps && !converged; sweep++ {
		converged = true
		for p := 0; p < n-1; p++ {
			for q := p + 1; q < n; q++ {
				apq := a[p*n+q]
				x := math.Abs(apq.Hi)
				if x == 0 || x <= floor || x <= tol*math.Sqrt(math.Abs(a[p*n+p].Hi))*math.Sqrt(math.Abs(a[q*n+q].Hi)) {
					continue
				}
				converged = false
				ddRotate(a, v, apq, p, q, n)
			}
		}
	}
	for i := range n {
		w[i] = a[i*n+i]
	}
	ddSortEig(w, v, n)
	return converged
}

// ddRotate applies the Jacobi rotation that annihilates a_pq (= apq) to
// rows and columns p, q of the symmetric a, and to columns p, q of v (if
// not nil).
func ddRotate(a, v []DD, apq DD, p, q, n int) {
	// θ = (a_qq − a_pp)/(2a_pq), t = sign(θ)/(|θ| + √(θ² + 1)) is the
	// smaller root of t² + 2θt − 1 = 0; c = 1/√(1 + t²), s = t·c.
	app, aqq := a[p*n+p], a[q*n+q]
	theta := aqq.Sub(app).Div(apq.Ldexp(1))
	var t DD
	if math.Abs(theta.Hi) > 0x1p60 {
		t = theta.Ldexp(1).Recip() // θ² would lose the 1 (or overflow)
	} else {
		t = theta.Abs().Add(theta.Sqr().AddF(1).Sqrt()).Recip()
		if theta.Hi < 0 {
			t = t.Neg()
		}
	}
	c := t.Sqr().AddF(1).Sqrt().Recip()
	s := t.Mul(c)
	ms := s.Neg()
	ta := t.Mul(apq)
	a[p*n+p] = app.Sub(ta)
	a[q*n+q] = aqq.Add(ta)
	a[p*n+q] = DD{}
	a[q*n+p] = DD{}
	for k := range n {
		if k == p || k == q {
			continue
		}
		g, h := a[k*n+p], a[k*n+q]
		x := ddComb2(c, g, ms, h)
		y := ddComb2(s, g, c, h)
		a[k*n+p], a[p*n+k] = x, x
		a[k*n+q], a[q*n+k] = y, y
	}
	if v == nil {
		return
	}
	for k := range n {
		g, h := v[k*n+p], v[k*n+q]
		v[k*n+p] = ddComb2(c, g, ms, h)
		v[k*n+q] = ddComb2(s, g, c, h)
	}
}

// ddSortEig sorts w ascending by selection sort, permuting the columns of v
// (if not nil) alike.
func ddSortEig(w, v []DD, n int) {
	for i := range n - 1 {
		k := i
		for j := i + 1; j < n; j++ {
			if w[j].Cmp(w[k]) < 0 {
				k = j
			}
		}
		if k == i {
			continue
		}
		w[i], w[k] = w[k], w[i]
		if v != nil {
			for r := range n {
				v[r*n+i], v[r*n+k] = v[r*n+k], v[r*n+i]
			}
		}
	}
}

// DDEigSym computes the eigenvalues w (ascending) and, if z is not nil,
// the orthonormal eigenvectors (the columns of z) of the symmetric n×n DD
// matrix A, read in full, to double-double accuracy: absolute eigenvalue
// errors of order n·2⁻¹⁰⁴·‖A‖₂ and eigenvector errors of that order
// divided by the gap.
//
// It is DDJacobi preconditioned by a float64 eigendecomposition, which
// removes most of the work: X is the float64 eigenvector matrix of A
// rounded to float64 (EigSym), made orthogonal to double-double precision
// by one Newton–Schulz step X ← X + X·(I − XᵀX)/2 (XᵀX from Dot2, the
// correction, of size 2⁻⁵³, in float64: Higham, Functions of Matrices,
// 2008, §8.3), and Jacobi sweeps diagonalise XᵀAX, whose off-diagonal part
// is already of order 2⁻⁵³·‖A‖: one sweep brings it to about 2⁻¹⁰⁶·‖A‖
// (clusters of eigenvalues are resolved by the same rotations) and one or
// two more confirm; when the eigenvalues span many orders of magnitude the
// relative stopping criterion of DDJacobi resolves the small ones as well,
// in up to about eight sweeps. If the float64 solver fails, plain Jacobi
// from the identity is used.
//
// A is not modified; w and z must not overlap a or each other. A NaN or
// ±Inf entry gives NaN outputs and a nil error. It returns an error
// wrapping manifold.ErrNotConverged if the sweeps do not converge, and
// allocates nothing after warm-up.
func DDEigSym(w, z, a []DD, n int) error {
	checkDim(n)
	checkDDLen(w, n)
	checkDDLen(a, n*n)
	if z != nil {
		checkDDLen(z, n*n)
	}
	if !ddAllFinite(a) {
		ddFillNaN(w)
		if z != nil {
			ddFillNaN(z)
		}
		return nil
	}
	nn := n * n
	far := NewArena(4*nn + n)
	defer far.Release()
	xf, xtf, g, af, wf := far.Take(nn), far.Take(nn), far.Take(nn), far.Take(nn), far.Take(n)
	dar := NewDDArena(4 * nn)
	defer dar.Release()
	x, xt, b, t := dar.Take(nn), dar.Take(nn), dar.Take(nn), dar.Take(nn)
	var scale float64
	for i, v := range a {
		af[i] = v.Hi
		scale = math.Max(scale, math.Abs(v.Hi))
	}
	if EigSym(wf, xf, af, n) == nil && AllFinite(xf) {
		// G = XᵀX − I to double-double precision, rounded: its entries are
		// O(2⁻⁵³), so their float64 roundings carry relative errors 2⁻⁵³.
		for i := range n {
			for k := range n {
				xtf[i*n+k] = xf[k*n+i]
			}
		}
		for i := range n {
			for j := i; j < n; j++ {
				s := Dot2(xtf[i*n:i*n+n], xtf[j*n:j*n+n])
				if i == j {
					s = s.AddF(-1)
				}
				g[i*n+j] = -0.5 * s.Float64()
				g[j*n+i] = g[i*n+j]
			}
		}
		Gemm(false, false, n, n, n, 1, xf, g, 0, af) // X·(I − XᵀX)/2
		for i, v := range xf {
			x[i] = DDSum(v, af[i])
		}
	} else {
		for i := range x {
			x[i] = DD{}
		}
		for i := range n {
			x[i*n+i] = DD{1, 0}
		}
	}
	// B = XᵀAX: T = A·X, then the upper triangle of Xᵀ·T, mirrored.
	for i := range n {
		for j := range n {
			t[i*n+j] = ddDotAcc(DD{}, false, a[i*n:i*n+n], x[j:], n)
			xt[j*n+i] = x[i*n+j]
		}
	}
	for i := range n {
		for j := i; j < n; j++ {
			s := ddDotAcc(DD{}, false, xt[i*n:i*n+n], t[j:], n)
			b[i*n+j] = s
			b[j*n+i] = s
		}
	}
	// Entries below 2⁻¹¹⁰·‖A‖ change the eigenvalues by less than the
	// rounding of B itself.
	floor := 0x1p-110 * scale
	var v []DD
	if z != nil {
		v = x
	}
	if !DDJacobi(w, v, b, n, floor) {
		return errEigNotConverged
	}
	if z != nil {
		copy(z, x)
	}
	return nil
}
