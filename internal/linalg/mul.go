package linalg

import (
	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
)

// general returns a blas64.General view of the r×c row-major slice s.
func general(r, c int, s []float64) blas64.General {
	return blas64.General{Rows: r, Cols: c, Stride: max(1, c), Data: s}
}

func trans(t bool) blas.Transpose {
	if t {
		return blas.Trans
	}
	return blas.NoTrans
}

// gonum's Dgemm splits C into 64×64 blocks and goes parallel, with
// goroutines that allocate, once C has at least 4 blocks. For the thin
// products of the manifold hot paths (n×p frames times p×p matrices) that is
// both slower and allocating, so gemm cuts the long side of C into pieces of
// at most 3 blocks and multiplies them serially; only products with both
// dimensions of C above 3·64 reach the parallel code.
const (
	gemmBlock     = 64
	gemmMaxSerial = 3 // blocks per serial piece
)

func gemmBlocks(d int) int { return (d + gemmBlock - 1) / gemmBlock }

// gemm is Gemm without checks: c must not overlap a or b.
func gemm(tA, tB bool, m, n, k int, alpha float64, a, b []float64, beta float64, c []float64) {
	if m == 0 || n == 0 {
		return
	}
	if k == 0 { // empty sum: C = β·C
		if beta == 0 {
			clear(c)
		} else {
			for i := range c {
				c[i] *= beta
			}
		}
		return
	}
	bm, bn := gemmBlocks(m), gemmBlocks(n)
	switch {
	case bm*bn <= gemmMaxSerial || (bm > gemmMaxSerial && bn > gemmMaxSerial):
		gemmView(tA, tB, m, n, k, alpha, a, b, beta, c, n)
	case bn <= bm: // few column blocks: cut the rows of C
		step := gemmBlock * (gemmMaxSerial / bn)
		for r := 0; r < m; r += step {
			mc := min(step, m-r)
			ar := a[r*k:] // rows r.. of A (m×k)
			if tA {
				ar = a[r:] // columns r.. of the stored k×m A
			}
			gemmStrided(tA, tB, mc, n, k, alpha, ar, m, b, beta, c[r*n:], n)
		}
	default: // few row blocks: cut the columns of C
		step := gemmBlock * (gemmMaxSerial / bm)
		for j := 0; j < n; j += step {
			nc := min(step, n-j)
			bc := b[j:] // columns j.. of the stored k×n B
			if tB {
				bc = b[j*k:] // rows j.. of the stored n×k B
			}
			gemmStridedB(tA, tB, m, nc, k, alpha, a, bc, n, beta, c[j:], n)
		}
	}
}

// gemmView multiplies with C of leading dimension ldc and A, B packed.
func gemmView(tA, tB bool, m, n, k int, alpha float64, a, b []float64, beta float64, c []float64, ldc int) {
	ar, ac := m, k
	if tA {
		ar, ac = k, m
	}
	br, bc := k, n
	if tB {
		br, bc = n, k
	}
	blas64.Gemm(trans(tA), trans(tB), alpha, general(ar, ac, a), general(br, bc, b),
		beta, blas64.General{Rows: m, Cols: n, Stride: ldc, Data: c})
}

// gemmStrided multiplies a row piece of A (stored with its full width: m
// columns when tA, k otherwise) by the packed B.
func gemmStrided(tA, tB bool, m, n, k int, alpha float64, a []float64, mFull int, b []float64, beta float64, c []float64, ldc int) {
	ga := blas64.General{Rows: m, Cols: k, Stride: k, Data: a}
	if tA {
		ga = blas64.General{Rows: k, Cols: m, Stride: mFull, Data: a}
	}
	br, bc := k, n
	if tB {
		br, bc = n, k
	}
	blas64.Gemm(trans(tA), trans(tB), alpha, ga, general(br, bc, b),
		beta, blas64.General{Rows: m, Cols: n, Stride: ldc, Data: c})
}

// gemmStridedB multiplies the packed A by a column piece of B (stored with
// its full width: nFull columns unless tB).
func gemmStridedB(tA, tB bool, m, n, k int, alpha float64, a, b []float64, nFull int, beta float64, c []float64, ldc int) {
	ar, ac := m, k
	if tA {
		ar, ac = k, m
	}
	gb := blas64.General{Rows: k, Cols: n, Stride: nFull, Data: b}
	if tB {
		gb = blas64.General{Rows: n, Cols: k, Stride: k, Data: b}
	}
	blas64.Gemm(trans(tA), trans(tB), alpha, general(ar, ac, a), gb,
		beta, blas64.General{Rows: m, Cols: n, Stride: ldc, Data: c})
}

// Gemm computes the general matrix product
//
//	C = α·op(A)·op(B) + β·C,
//
// where op(X) is X, or Xᵀ when the corresponding flag tA or tB is set;
// op(A) is m×k, op(B) is k×n and C is m×n. A is stored row-major as an m×k
// slice when tA is false and as a k×m slice when tA is true; likewise B is
// k×n, or n×k when tB is true. As in the BLAS (Golub & Van Loan, Matrix
// Computations, 4th ed., §1.1), C is not read when β = 0, so NaNs in C do
// not propagate.
//
// c may alias a or b: the product is then formed in pooled workspace and
// copied. Any dimension may be zero; a negative one or a slice whose length
// is not the product of its dimensions panics. Products whose C has a side
// of at most 192 are computed serially, in pieces, and allocate nothing;
// larger ones use gonum's parallel Dgemm, which starts goroutines.
func Gemm(tA, tB bool, m, n, k int, alpha float64, a, b []float64, beta float64, c []float64) {
	if m < 0 || n < 0 || k < 0 {
		panic(errNegDim)
	}
	checkLen(a, m*k)
	checkLen(b, k*n)
	checkLen(c, m*n)
	if overlaps(c, a) || overlaps(c, b) {
		w := GetFloats(m * n)
		tmp := *w
		if beta != 0 {
			copy(tmp, c)
		}
		gemm(tA, tB, m, n, k, alpha, a, b, beta, tmp)
		copy(c, tmp)
		PutFloats(w)
		return
	}
	gemm(tA, tB, m, n, k, alpha, a, b, beta, c)
}

// Mul computes C = A·B for A m×k and B k×n; c (m×n) may alias a or b.
func Mul(c, a, b []float64, m, k, n int) {
	Gemm(false, false, m, n, k, 1, a, b, 0, c)
}

// MulAtB computes C = Aᵀ·B for A k×m and B k×n; c (m×n) may alias a or b.
// It is the Gram-type product (e.g. XᵀV for n×p frames) of the Stiefel and
// Grassmann projections.
func MulAtB(c, a, b []float64, m, k, n int) {
	Gemm(true, false, m, n, k, 1, a, b, 0, c)
}

// MulABt computes C = A·Bᵀ for A m×k and B n×k; c (m×n) may alias a or b.
func MulABt(c, a, b []float64, m, k, n int) {
	Gemm(false, true, m, n, k, 1, a, b, 0, c)
}
