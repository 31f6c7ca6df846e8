package linalg

import "math"

// SylvesterSym solves the Sylvester equation A·X + X·B = C for the n×m
// matrix X, where A (n×n) and B (m×m) are symmetric and C is n×m. With the
// eigendecompositions A = U·diag(λ)·Uᵀ and B = V·diag(μ)·Vᵀ,
//
//	X = U·((Uᵀ·C·V) ⊘ (λᵢ + μⱼ))·Vᵀ,
//
// where ⊘ is entrywise division (Bartels & Stewart 1972 in the symmetric
// case; Golub & Van Loan, 4th ed., §7.6.3; Higham, Accuracy and Stability of
// Numerical Algorithms, 2nd ed., 2002, §16.1). A and B are read in full and
// their symmetric parts are used.
//
// The equation is singular when some λᵢ + μⱼ = 0. SylvesterSym treats
// |λᵢ + μⱼ| ≤ ε·max(n, m)·(max|λ| + max|μ|) as zero: it then returns
// ErrSingular and writes the minimum-norm least-squares solution, in which
// those components of Uᵀ·C·V are dropped (x is an exact solution if they
// vanish). x may alias a, b or c. Special case: NaN or ±Inf in A or B gives
// an all-NaN result. It returns EigSym's error if an eigensolver fails.
func SylvesterSym(x, a, b, c []float64, n, m int) error {
	checkDim(n)
	checkDim(m)
	checkLen(a, n*n)
	checkLen(b, m*m)
	checkLen(c, n*m)
	checkLen(x, n*m)
	ar := NewArena(n + m + n*n + m*m + 2*n*m)
	defer ar.Release()
	la := ar.Take(n)
	lb := ar.Take(m)
	u := ar.Take(n * n)
	v := ar.Take(m * m)
	f := ar.Take(n * m)
	g := ar.Take(n * m)
	if err := EigSym(la, u, a, n); err != nil {
		return err
	}
	if err := EigSym(lb, v, b, m); err != nil {
		return err
	}
	gemm(false, false, n, m, m, 1, c, v, 0, g) // G = C·V
	gemm(true, false, n, m, n, 1, u, g, 0, f)  // F = Uᵀ·G
	var amax, bmax float64
	for _, l := range la {
		amax = max(amax, math.Abs(l))
	}
	for _, l := range lb {
		bmax = max(bmax, math.Abs(l))
	}
	tol := eps * float64(max(n, m)) * (amax + bmax)
	singular := false
	for i := range n {
		for j := range m {
			d := la[i] + lb[j]
			if math.Abs(d) <= tol {
				f[i*m+j] = 0
				singular = true
				continue
			}
			f[i*m+j] /= d
		}
	}
	gemm(false, false, n, m, n, 1, u, f, 0, g) // G = U·Y
	gemm(false, true, n, m, m, 1, g, v, 0, x)  // X = G·Vᵀ
	if singular {
		return ErrSingular
	}
	return nil
}

// LyapunovEig solves the Lyapunov equation A·X + X·A = C for the symmetric
// n×n X, given the eigenpairs (w, z) of the symmetric matrix A in the
// layout of EigSym:
//
//	X = Z·((Zᵀ·sym(C)·Z) ⊘ (wᵢ + wⱼ))·Zᵀ,
//
// exactly symmetric. C is read in full and its symmetric part is used. For
// positive definite A the equation is never singular; in general, sums with
// |wᵢ + wⱼ| ≤ ε·n·2·max|w| are treated as zero, and LyapunovEig then returns
// ErrSingular with the minimum-norm least-squares solution, as SylvesterSym
// does. It is the Lyapunov operator L_A[C] of the Bures–Wasserstein metric
// (Bhatia, Jain & Lim, "On the Bures–Wasserstein distance between positive
// definite matrices", Expo. Math. 37, 2019). x may alias c or z (z is then
// lost); w must not overlap x.
func LyapunovEig(x, w, z, c []float64, n int) error {
	checkDim(n)
	checkLen(w, n)
	checkLen(z, n*n)
	checkLen(c, n*n)
	checkLen(x, n*n)
	if overlaps(x, w) {
		panic(errOverlap)
	}
	ar := NewArena(3 * n * n)
	defer ar.Release()
	s := ar.Take(n * n)
	g := ar.Take(n * n)
	zz := ar.Take(n * n)
	copy(zz, z)
	toEigBasis(s, g, zz, c, n) // S = Zᵀ·sym(C)·Z
	var wmax float64
	for _, l := range w {
		wmax = max(wmax, math.Abs(l))
	}
	tol := eps * float64(n) * 2 * wmax
	singular := false
	for i := range n {
		for j := i; j < n; j++ {
			d := w[i] + w[j]
			var v float64
			if math.Abs(d) <= tol {
				singular = true
			} else {
				v = 0.5 * (s[i*n+j] + s[j*n+i]) / d
			}
			s[i*n+j] = v
			s[j*n+i] = v
		}
	}
	fromEigBasis(x, g, zz, s, n) // X = Z·Y·Zᵀ
	if singular {
		return ErrSingular
	}
	return nil
}

// Lyapunov solves the Lyapunov equation A·X + X·A = C for the symmetric
// positive definite n×n A and symmetric C; the solution X is symmetric and
// is written exactly symmetric. A and C are read in full and their
// symmetric parts are used. See LyapunovEig for the formula and for the
// behaviour when A is singular or indefinite. x may alias a or c. It returns
// EigSym's error if the eigensolver fails.
func Lyapunov(x, a, c []float64, n int) error {
	checkDim(n)
	checkLen(a, n*n)
	checkLen(c, n*n)
	checkLen(x, n*n)
	ar := NewArena(n + 2*n*n)
	defer ar.Release()
	w := ar.Take(n)
	z := ar.Take(n * n)
	cc := ar.Take(n * n)
	copy(cc, c)
	if err := EigSym(w, z, a, n); err != nil {
		return err
	}
	return LyapunovEig(x, w, z, cc, n)
}

// Sylvester solves the general Sylvester equation A·X + X·B = C for the n×m
// matrix X, with A n×n and B m×m arbitrary, by the Bartels–Stewart algorithm
// (R. H. Bartels & G. W. Stewart, "Solution of the matrix equation
// AX + XB = C", Comm. ACM 15, 1972; Golub & Van Loan, 4th ed., §7.6.3):
// with real Schur forms A = U·S·Uᵀ and B = V·T·Vᵀ it solves the
// quasi-triangular equation S·Y + Y·T = Uᵀ·C·V block by block (1×1 and 2×2
// diagonal blocks, each small system solved by Gaussian elimination with
// complete pivoting) and returns X = U·Y·Vᵀ. The equation has a unique
// solution iff A and −B have no common eigenvalue.
//
// As in LAPACK's Dtrsyl, a pivot smaller than
// smin = max(ε·max(max|Sᵢⱼ|, max|Tᵢⱼ|), smallest normal) is replaced by smin:
// Sylvester then returns ErrSingular and writes the solution of that
// slightly perturbed equation. There is no overflow scaling, so a nearly
// singular equation may give ±Inf entries. x may alias a, b or c. Special
// case: NaN or ±Inf in A or B gives an all-NaN result. It returns an error
// wrapping manifold.ErrNotConverged if a Schur iteration fails.
func Sylvester(x, a, b, c []float64, n, m int) error {
	checkDim(n)
	checkDim(m)
	checkLen(a, n*n)
	checkLen(b, m*m)
	checkLen(c, n*m)
	checkLen(x, n*m)
	if !AllFinite(a) || !AllFinite(b) {
		FillNaN(x)
		return nil
	}
	ar := NewArena(2*n*n + 2*m*m + 2*n*m)
	defer ar.Release()
	s := ar.Take(n * n)
	u := ar.Take(n * n)
	t := ar.Take(m * m)
	v := ar.Take(m * m)
	f := ar.Take(n * m)
	g := ar.Take(n * m)
	copy(s, a)
	if err := schur(s, u, n); err != nil {
		return err
	}
	copy(t, b)
	if err := schur(t, v, m); err != nil {
		return err
	}
	gemm(false, false, n, m, m, 1, c, v, 0, g) // G = C·V
	gemm(true, false, n, m, n, 1, u, g, 0, f)  // F = Uᵀ·G
	singular := solveQuasiTriSylvester(f, s, t, n, m)
	gemm(false, false, n, m, n, 1, u, f, 0, g) // G = U·Y
	gemm(false, true, n, m, m, 1, g, v, 0, x)  // X = G·Vᵀ
	if singular {
		return ErrSingular
	}
	return nil
}

// solveQuasiTriSylvester overwrites the n×m matrix f with the solution Y of
// S·Y + Y·T = F for upper quasi-triangular S (n×n) and T (m×m) in real
// Schur form. It reports whether a pivot had to be perturbed.
func solveQuasiTriSylvester(f, s, t []float64, n, m int) (perturbed bool) {
	var smax float64
	for _, v := range s {
		smax = max(smax, math.Abs(v))
	}
	for _, v := range t {
		smax = max(smax, math.Abs(v))
	}
	smin := max(eps*smax, 0x1p-1022)

	// Column blocks of T left to right; row blocks of S bottom to top. When
	// block (k, l) is solved, Y is known in rows below k (same columns) and
	// in all columns left of l.
	for l := 0; l < m; {
		nc := 1
		if l+1 < m && t[(l+1)*m+l] != 0 {
			nc = 2
		}
		for kEnd := n; kEnd > 0; {
			k, nr := kEnd-1, 1
			if k > 0 && s[k*n+k-1] != 0 {
				k, nr = k-1, 2
			}
			var rhs [4]float64
			for ii := range nr {
				row := k + ii
				for jj := range nc {
					col := l + jj
					r := f[row*m+col]
					for q := k + nr; q < n; q++ {
						r -= s[row*n+q] * f[q*m+col]
					}
					for q := range l {
						r -= f[row*m+q] * t[q*m+col]
					}
					rhs[ii*nc+jj] = r
				}
			}
			// Kronecker form of S_kk·Y + Y·T_ll on the nr×nc block, unknowns
			// indexed ii*nc + jj.
			sz := nr * nc
			var kmat [16]float64
			for ii := range nr {
				for jj := range nc {
					row := ii*nc + jj
					for q := range nr {
						kmat[row*sz+q*nc+jj] += s[(k+ii)*n+k+q]
					}
					for q := range nc {
						kmat[row*sz+ii*nc+q] += t[(l+q)*m+l+jj]
					}
				}
			}
			if solveSmall(kmat[:sz*sz], rhs[:sz], sz, smin) {
				perturbed = true
			}
			for ii := range nr {
				for jj := range nc {
					f[(k+ii)*m+l+jj] = rhs[ii*nc+jj]
				}
			}
			kEnd = k
		}
		l += nc
	}
	return perturbed
}

// solveSmall solves the sz×sz system K·y = r (sz ≤ 4) in place in r by
// Gaussian elimination with complete pivoting, replacing pivots smaller than
// smin by ±smin. It reports whether it did so.
func solveSmall(k, r []float64, sz int, smin float64) (perturbed bool) {
	var perm [4]int // perm[j]: unknown held in column j
	for j := range sz {
		perm[j] = j
	}
	for p := range sz {
		// Complete pivoting: the largest entry of the trailing block.
		pi, pj, best := p, p, -1.0
		for i := p; i < sz; i++ {
			for j := p; j < sz; j++ {
				if a := math.Abs(k[i*sz+j]); a > best {
					pi, pj, best = i, j, a
				}
			}
		}
		if pi != p {
			for j := range sz {
				k[p*sz+j], k[pi*sz+j] = k[pi*sz+j], k[p*sz+j]
			}
			r[p], r[pi] = r[pi], r[p]
		}
		if pj != p {
			for i := range sz {
				k[i*sz+p], k[i*sz+pj] = k[i*sz+pj], k[i*sz+p]
			}
			perm[p], perm[pj] = perm[pj], perm[p]
		}
		if math.Abs(k[p*sz+p]) < smin {
			k[p*sz+p] = math.Copysign(smin, k[p*sz+p])
			perturbed = true
		}
		for i := p + 1; i < sz; i++ {
			mult := k[i*sz+p] / k[p*sz+p]
			if mult == 0 {
				continue
			}
			for j := p + 1; j < sz; j++ {
				k[i*sz+j] -= mult * k[p*sz+j]
			}
			r[i] -= mult * r[p]
		}
	}
	var y [4]float64
	for i := sz - 1; i >= 0; i-- {
		v := r[i]
		for j := i + 1; j < sz; j++ {
			v -= k[i*sz+j] * y[j]
		}
		y[i] = v / k[i*sz+i]
	}
	for j := range sz {
		r[perm[j]] = y[j]
	}
	return perturbed
}
