package linalg

import (
	"math"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/lapack/lapack64"
)

// Degrees m of the diagonal Padé approximants r_m used by Expm, with θ_m, the
// largest ‖A‖₁ for which r_m(A) meets unit roundoff in backward error
// (Higham 2005, Table 2.3).
var expmTheta = [...]struct {
	m     int
	theta float64
}{
	{3, 1.495585217958292e-2},
	{5, 2.539398330063230e-1},
	{7, 9.504178996162932e-1},
	{9, 2.097847961257068e0},
	{13, 5.371920351148152e0},
}

// Coefficients b_j = (2m−j)!·m!/((2m)!·j!·(m−j)!), scaled to integers, of the
// numerator p_m(x) = Σ b_j x^j of the [m/m] Padé approximant to eˣ; the
// denominator is p_m(−x).
var (
	pade3  = [...]float64{120, 60, 12, 1}
	pade5  = [...]float64{30240, 15120, 3360, 420, 30, 1}
	pade7  = [...]float64{17297280, 8648640, 1995840, 277200, 25200, 1512, 56, 1}
	pade9  = [...]float64{17643225600, 8821612800, 2075673600, 302702400, 30270240, 2162160, 110880, 3960, 90, 1}
	pade13 = [...]float64{
		64764752532480000, 32382376266240000, 7771770303897600, 1187353796428800,
		129060195264000, 10559470521600, 670442572800, 33522128640,
		1323241920, 40840800, 960960, 16380, 182, 1,
	}
)

// norm1 returns the 1-norm (largest absolute column sum) of the n×n matrix a.
func norm1(a []float64, n int) float64 {
	var nrm float64
	for j := range n {
		var s float64
		for i := range n {
			s += math.Abs(a[i*n+j])
		}
		nrm = max(nrm, s)
	}
	return nrm
}

// linComb sets dst = c0·I + Σ cs[k]·ms[k] for n×n matrices ms[k].
func linComb(dst []float64, n int, c0 float64, cs []float64, ms ...[]float64) {
	clear(dst)
	for k, m := range ms {
		c := cs[k]
		for i, v := range m {
			dst[i] += c * v
		}
	}
	for i := range n {
		dst[i*n+i] += c0
	}
}

// Expm writes the matrix exponential exp(A) = Σ A^k/k! of the general n×n
// matrix A, by the scaling and squaring method of Higham (2005, Algorithm
// 2.3): with η = ‖A‖₁, the smallest degree m ∈ {3, 5, 7, 9} with η ≤ θ_m
// gives exp(A) ≈ r_m(A); otherwise s = max(0, ⌈log₂(η/θ₁₃)⌉) and
// exp(A) ≈ r₁₃(A/2ˢ)^{2ˢ}, where r_m = p_m(A)/p_m(−A) is the diagonal Padé
// approximant, evaluated with the even/odd splitting p_m(±A) = V ± U and one
// LU solve (V − U)·R = V + U. The backward error is at most unit roundoff in
// exact arithmetic (N. J. Higham, "The scaling and squaring method for the
// matrix exponential revisited", SIAM J. Matrix Anal. Appl. 26(4), 2005;
// also Higham, Functions of Matrices, 2008, Alg. 10.20).
//
// dst may alias a. Special case: NaN or ±Inf in A gives an all-NaN result.
// Expm allocates nothing for small n.
func Expm(dst, a []float64, n int) {
	checkDim(n)
	checkLen(a, n*n)
	checkLen(dst, n*n)
	if !AllFinite(a) {
		FillNaN(dst)
		return
	}
	if n == 1 {
		dst[0] = math.Exp(a[0])
		return
	}
	nn := n * n
	ar := NewArena(8 * nn)
	defer ar.Release()
	x := ar.Take(nn)
	a2 := ar.Take(nn)
	a4 := ar.Take(nn)
	a6 := ar.Take(nn)
	a8 := ar.Take(nn)
	u := ar.Take(nn)
	v := ar.Take(nn)
	t := ar.Take(nn)
	copy(x, a)

	eta := norm1(x, n)
	s := 0
	m := 13
	for _, e := range expmTheta[:4] {
		if eta <= e.theta {
			m = e.m
			break
		}
	}
	if m == 13 && eta > expmTheta[4].theta {
		s = int(math.Ceil(math.Log2(eta / expmTheta[4].theta)))
		sc := math.Ldexp(1, -s) // exact scaling by a power of two
		for i := range x {
			x[i] *= sc
		}
	}

	gemm(false, false, n, n, n, 1, x, x, 0, a2)
	// t holds the odd-part polynomial before the final multiplication by A.
	switch m {
	case 3:
		b := &pade3
		linComb(t, n, b[1], b[3:4], a2)
		linComb(v, n, b[0], b[2:3], a2)
	case 5:
		b := &pade5
		gemm(false, false, n, n, n, 1, a2, a2, 0, a4)
		linComb(t, n, b[1], []float64{b[3], b[5]}, a2, a4)
		linComb(v, n, b[0], []float64{b[2], b[4]}, a2, a4)
	case 7:
		b := &pade7
		gemm(false, false, n, n, n, 1, a2, a2, 0, a4)
		gemm(false, false, n, n, n, 1, a2, a4, 0, a6)
		linComb(t, n, b[1], []float64{b[3], b[5], b[7]}, a2, a4, a6)
		linComb(v, n, b[0], []float64{b[2], b[4], b[6]}, a2, a4, a6)
	case 9:
		b := &pade9
		gemm(false, false, n, n, n, 1, a2, a2, 0, a4)
		gemm(false, false, n, n, n, 1, a2, a4, 0, a6)
		gemm(false, false, n, n, n, 1, a4, a4, 0, a8)
		linComb(t, n, b[1], []float64{b[3], b[5], b[7], b[9]}, a2, a4, a6, a8)
		linComb(v, n, b[0], []float64{b[2], b[4], b[6], b[8]}, a2, a4, a6, a8)
	default:
		b := &pade13
		gemm(false, false, n, n, n, 1, a2, a2, 0, a4)
		gemm(false, false, n, n, n, 1, a2, a4, 0, a6)
		// Odd part: A·[A6·(b13·A6 + b11·A4 + b9·A2) + b7·A6 + b5·A4 + b3·A2 + b1·I].
		linComb(u, n, 0, []float64{b[13], b[11], b[9]}, a6, a4, a2)
		gemm(false, false, n, n, n, 1, a6, u, 0, t)
		for i := range t {
			t[i] += b[7]*a6[i] + b[5]*a4[i] + b[3]*a2[i]
		}
		// Even part: A6·(b12·A6 + b10·A4 + b8·A2) + b6·A6 + b4·A4 + b2·A2 + b0·I.
		linComb(u, n, 0, []float64{b[12], b[10], b[8]}, a6, a4, a2)
		gemm(false, false, n, n, n, 1, a6, u, 0, v)
		for i := range v {
			v[i] += b[6]*a6[i] + b[4]*a4[i] + b[2]*a2[i]
		}
		for i := range n {
			t[i*n+i] += b[1]
			v[i*n+i] += b[0]
		}
	}
	gemm(false, false, n, n, n, 1, x, t, 0, u) // U = A·(odd polynomial)

	// Solve (V − U)·R = V + U; the numerator overwrites u, the denominator v.
	for i := range u {
		p, q := v[i]+u[i], v[i]-u[i]
		u[i], v[i] = p, q
	}
	ipiv := GetInts(n)
	ok := lapack64.Getrf(general(n, n, v), *ipiv)
	if ok {
		lapack64.Getrs(blas.NoTrans, general(n, n, v), general(n, n, u), *ipiv)
	}
	PutInts(ipiv)
	if !ok {
		FillNaN(dst)
		return
	}

	// Undo the scaling by s squarings, ping-ponging between u and t.
	r, tmp := u, t
	for range s {
		gemm(false, false, n, n, n, 1, r, r, 0, tmp)
		r, tmp = tmp, r
	}
	copy(dst, r)
}
