package optim

import (
	"fmt"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// Parameters of the subspace iteration of initialPoint.
const (
	initOversample = 6 // extra columns of the iterated subspace
	initPower      = 2 // multiplications by P_i after the first
)

// initialPoint returns the default starting point of FlagMean: for each
// block the top m_i eigenvectors U_i of P_i = D_iB_iD_iᵀ (the weighted
// Grassmann chordal mean of the blocks' subspaces), orthonormalised in
// nesting order by a QR factorisation of [U_1 … U_k].
//
// When n ≤ N·m_i the n×n matrix P_i is formed (it is then no larger than
// D_i) and decomposed by EigSym. Otherwise the eigenvectors are
// approximated by a block subspace iteration with Rayleigh–Ritz extraction
// (Golub & Van Loan, 4th ed., §8.3.7; Halko, Martinsson & Tropp 2011,
// "Finding structure with randomness", SIAM Rev. 53, Alg. 4.4 and 5.3) on
// the N·m_i-square matrix B^{1/2}D_iᵀD_iB^{1/2}, which has the nonzero
// eigenvalues of P_i: three multiplications of a Gaussian start of b = m_i
// + 6 columns (drawn from a fixed seed, so the result is deterministic),
// orthonormalised in between, then the top m_i eigenvectors of the
// Rayleigh quotient, mapped to those of P_i by D_iB^{1/2}v/√λ. Each
// multiplication is one pass over D_i, O(n·N·m_i·b) flops, where forming
// the Gram matrix D_iᵀD_i would cost O(n·N²·m_i²). The approximation
// matters little: the trust-region solve refines the start.
func (f *flagData) initialPoint() ([]float64, error) {
	n, p, N := f.n, f.p, len(f.pts)
	u := make([]float64, n*p)
	for i, mi := range f.size {
		k := N * mi
		ub := f.blockOf(u, i)
		var ui []float64 // n×m_i
		var err error
		if n <= k {
			ui, err = f.eigDirect(i)
		} else {
			ui, err = f.eigSubspace(i, rand.New(rand.NewPCG(uint64(i), 0x5eed)))
		}
		if err != nil {
			return nil, fmt.Errorf("optim: %s: starting point: %w", f.fn, err)
		}
		for r := 0; r < n; r++ {
			copy(ub.Data[r*p:r*p+mi], ui[r*mi:(r+1)*mi])
		}
	}
	if !linalg.AllFinite(u) {
		return nil, fmt.Errorf("optim: %s: the starting point is not finite", f.fn)
	}
	linalg.QR(u, nil, u, n, p)
	return u, nil
}

// eigDirect returns the top m_i eigenvectors of P_i = D_iB_iD_iᵀ, formed.
func (f *flagData) eigDirect(i int) ([]float64, error) {
	n, N, mi := f.n, len(f.pts), f.size[i]
	k := N * mi
	di := f.blockD(i)
	sc := make([]float64, n*k) // D_i·B_i
	for r := 0; r < n; r++ {
		for c := 0; c < k; c++ {
			sc[r*k+c] = di.Data[r*f.stride+c] * f.beta[c/mi]
		}
	}
	mm := make([]float64, n*n)
	blas64.Gemm(blas.NoTrans, blas.Trans, 1, di, blas64.General{Rows: n, Cols: k, Stride: k, Data: sc}, 0, blas64.General{Rows: n, Cols: n, Stride: n, Data: mm})
	ev := make([]float64, n)
	if err := linalg.EigSym(ev, mm, mm, n); err != nil {
		return nil, err
	}
	out := make([]float64, n*mi)
	for r := 0; r < n; r++ {
		for c := 0; c < mi; c++ {
			out[r*mi+c] = mm[r*n+n-1-c]
		}
	}
	return out, nil
}

// eigSubspace approximates the top m_i eigenvectors of P_i by subspace
// iteration on the N·m_i-square matrix M = B^{1/2}D_iᵀD_iB^{1/2}, which has
// the eigenvalues of P_i, and whose eigenvectors v give those of P_i as
// D_iB^{1/2}v/√λ (see initialPoint). Each multiplication by M is one pass
// over D_i (the fused products of gramBlock); the orthonormalisations are
// of N·m_i×b matrices.
func (f *flagData) eigSubspace(i int, rng *rand.Rand) ([]float64, error) {
	n, N, mi := f.n, len(f.pts), f.size[i]
	k := N * mi
	b := min(mi+initOversample, k, n)
	sq := make([]float64, k)
	for a := range sq {
		sq[a] = math.Sqrt(f.beta[a/mi])
	}
	// w holds the b columns of a k×b matrix as rows (b×k); wt is its
	// k×b transpose for QR.
	w, y, wt := make([]float64, b*k), make([]float64, b*k), make([]float64, k*b)
	for c := range w {
		w[c] = rng.NormFloat64()
	}
	for it := 0; ; it++ {
		for c := 0; c < b; c++ {
			for a := 0; a < k; a++ {
				wt[a*b+c] = w[c*k+a]
			}
		}
		linalg.QR(wt, nil, wt, k, b)
		for c := 0; c < b; c++ {
			for a := 0; a < k; a++ {
				w[c*k+a] = wt[a*b+c]
			}
		}
		// Y = M·W.
		for c := 0; c < b; c++ {
			for a := 0; a < k; a++ {
				y[c*k+a] = sq[a] * w[c*k+a]
			}
		}
		f.gramBlock(y, y, i, b)
		for c := 0; c < b; c++ {
			for a := 0; a < k; a++ {
				y[c*k+a] *= sq[a]
			}
		}
		if it == initPower {
			break
		}
		w, y = y, w
	}
	// Rayleigh–Ritz: T = WᵀMW = WᵀY (b×b).
	t := make([]float64, b*b)
	for c := 0; c < b; c++ {
		for e := c; e < b; e++ {
			v := level1.Ddot(k, w[c*k:(c+1)*k], 1, y[e*k:(e+1)*k], 1)
			t[c*b+e], t[e*b+c] = v, v
		}
	}
	ev := make([]float64, b)
	if err := linalg.EigSym(ev, t, t, b); err != nil {
		return nil, err
	}
	// U = D_i·B^{1/2}·V·Λ^{−1/2}, V = W·S for the top eigenvectors S of T.
	v := make([]float64, mi*k)
	for c := 0; c < mi; c++ {
		lam := ev[b-1-c]
		if !(lam > 0) {
			continue
		}
		vc := v[c*k : (c+1)*k]
		for e := 0; e < b; e++ {
			level1.Daxpy(k, t[e*b+b-1-c], w[e*k:(e+1)*k], 1, vc, 1)
		}
		s := 1 / math.Sqrt(lam)
		for a := range vc {
			vc[a] *= sq[a] * s
		}
	}
	out := make([]float64, f.n*mi)
	f.dwBlock(out, v, i, mi)
	return out, nil
}
