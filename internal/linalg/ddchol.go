package linalg

// Double-double Cholesky factorisation and the triangular kernels built on
// it. Matrices are row-major []DD of length n² (see dd.go). They are meant
// for small n, where the O(n³) double-double work (each multiply-add about
// twenty flops) is affordable.

// DDCholesky writes the lower-triangular Cholesky factor L of the exact
// symmetric part of the n×n float64 matrix A, sym(A) = L·Lᵀ, in
// double-double arithmetic (the column-oriented algorithm, Golub & Van
// Loan, Matrix Computations, 4th ed., Alg. 4.2.2), with the strict upper
// triangle set to zero. The computed factor is the exact factor of
// sym(A) + E with |E| ≤ γ_{n+1}·|L|·|Lᵀ| in the double-double unit roundoff
// (Higham, Accuracy and Stability of Numerical Algorithms, 2nd ed., 2002,
// Thm 10.3), about 2⁻¹⁰⁴: the generalized eigenvalues of a pencil reduced
// with it are perturbed relatively by about n·2⁻¹⁰⁴·κ(A) rather than the
// n·2⁻⁵³·κ(A) of a float64 factor.
//
// DDCholesky reports whether the factorisation succeeded; it returns false,
// with l all NaN, when a pivot is not positive (sym(A) is not positive
// definite to double-double precision) or A has a NaN or ±Inf entry. It
// allocates nothing.
func DDCholesky(l []DD, a []float64, n int) bool {
	checkDim(n)
	checkLen(a, n*n)
	checkDDLen(l, n*n)
	if !AllFinite(a) {
		ddFillNaN(l)
		return false
	}
	DDSymPart(l, a, n)
	for j := range n {
		lj := l[j*n : j*n+j]
		d := ddDotAcc(l[j*n+j], true, lj, lj, 1)
		if !(d.Hi > 0) {
			ddFillNaN(l)
			return false
		}
		d = d.Sqrt()
		l[j*n+j] = d
		r := d.Recip()
		for i := j + 1; i < n; i++ {
			s := ddDotAcc(l[i*n+j], true, l[i*n:i*n+j], lj, 1)
			l[i*n+j] = s.Mul(r)
		}
	}
	for i := range n {
		clear(l[i*n+i+1 : i*n+n])
	}
	return true
}

// DDSolveLower overwrites the n×m matrix B with L⁻¹·B by forward
// substitution in double-double arithmetic, for the n×n lower-triangular L
// in l (its strict upper triangle is not read). b must not overlap l.
func DDSolveLower(l, b []DD, n, m int) {
	checkDim(n)
	if m < 0 {
		panic(errNegDim)
	}
	checkDDLen(l, n*n)
	checkDDLen(b, n*m)
	for i := range n {
		r := l[i*n+i].Recip()
		bi := b[i*m : i*m+m]
		for c := range bi {
			bi[c] = ddDotAcc(bi[c], true, l[i*n:i*n+i], b[c:], m).Mul(r)
		}
	}
}

// DDCongruenceInvLower writes L⁻¹·X·L⁻ᵀ for the symmetric n×n DD matrix X
// (its upper triangle is read) and the lower-triangular L in l, in
// double-double arithmetic. Only the upper triangle of the result is
// computed and it is mirrored, so dst is exactly symmetric. With P = L·Lᵀ
// its eigenvalues are the generalized eigenvalues of the pencil (X, P). The
// computed result is the exact congruence by (L + ΔL)⁻¹ with
// |ΔL| ≤ γ_n·|L| in double-double precision (Higham 2002, Thm 8.5), a
// relative perturbation of the eigenvalues of about n·2⁻¹⁰⁴·cond(L). dst may
// alias x; neither may overlap l. It costs about n³·2/3 double-double
// multiply-adds and allocates nothing after warm-up.
func DDCongruenceInvLower(dst, l, x []DD, n int) {
	checkDim(n)
	checkDDLen(l, n*n)
	checkDDLen(x, n*n)
	checkDDLen(dst, n*n)
	ar := NewDDArena(n)
	defer ar.Release()
	rd := ar.Take(n)
	for i := range n {
		rd[i] = l[i*n+i].Recip()
	}
	if &dst[0] != &x[0] {
		for i := range n {
			for j := i; j < n; j++ {
				dst[i*n+j] = x[i*n+j]
				dst[j*n+i] = x[i*n+j]
			}
		}
	} else {
		for i := range n {
			for j := i + 1; j < n; j++ {
				dst[j*n+i] = dst[i*n+j]
			}
		}
	}
	// Y = L⁻¹X in place, row by row: row i of Y needs rows k < i of Y.
	for i := range n {
		yi := dst[i*n : i*n+n]
		li := l[i*n : i*n+i]
		for c := range yi {
			yi[c] = ddDotAcc(yi[c], true, li, dst[c:], n).Mul(rd[i])
		}
	}
	// Z = L⁻¹Yᵀ = L⁻¹XL⁻ᵀ, upper triangle only: z_ij (i ≤ j) needs y_ji
	// (the lower triangle and diagonal of Y, never overwritten here) and
	// z_kj for k < i (already written above it in column j).
	for j := range n {
		for i := 0; i <= j; i++ {
			dst[i*n+j] = ddDotAcc(dst[j*n+i], true, l[i*n:i*n+i], dst[j:], n).Mul(rd[i])
		}
	}
	for i := range n {
		for j := i + 1; j < n; j++ {
			dst[j*n+i] = dst[i*n+j]
		}
	}
}

// DDMulLower overwrites the n×m matrix B with L·B in double-double
// arithmetic, for the n×n lower-triangular L in l (its strict upper
// triangle is not read). b must not overlap l.
func DDMulLower(l, b []DD, n, m int) {
	checkDim(n)
	if m < 0 {
		panic(errNegDim)
	}
	checkDDLen(l, n*n)
	checkDDLen(b, n*m)
	for i := n - 1; i >= 0; i-- { // row i of L·B needs rows k ≤ i of B
		bi := b[i*m : i*m+m]
		for c := range bi {
			bi[c] = ddDotAcc(DD{}, false, l[i*n:i*n+i+1], b[c:], m)
		}
	}
}

// DDAddGram adds M·diag(f)·Mᵀ = Σₖ fₖ·mₖmₖᵀ (mₖ the columns of the n×n
// matrix M) to the symmetric n×n matrix dst in double-double arithmetic.
// Only the upper triangle is computed and it is mirrored, so dst is exactly
// symmetric if it was. dst must not overlap m or f.
func DDAddGram(dst, m, f []DD, n int) {
	checkDim(n)
	checkDDLen(dst, n*n)
	checkDDLen(m, n*n)
	checkDDLen(f, n)
	ar := NewDDArena(n)
	defer ar.Release()
	g := ar.Take(n)
	for i := range n {
		for k, v := range m[i*n : i*n+n] {
			g[k] = v.Mul(f[k])
		}
		for j := i; j < n; j++ {
			s := ddDotAcc(dst[i*n+j], false, g, m[j*n:j*n+n], 1)
			dst[i*n+j] = s
			dst[j*n+i] = s
		}
	}
}
