package testutil

import (
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// Haar returns a Haar-distributed orthogonal n×n matrix (row-major): the Q
// factor of a standard Gaussian matrix (drawn row by row from rng) by
// gonum's mat.QR, with the columns signed so that R has a positive diagonal
// (F. Mezzadri, How to generate random matrices from the classical compact
// groups, Notices AMS 54, 2007). With special set, the last column is
// negated if needed so that det = +1 (Haar on SO(n)).
func Haar(rng *rand.Rand, n int, special bool) []float64 {
	g := make([]float64, n*n)
	for i := range g {
		g[i] = rng.NormFloat64()
	}
	var qr mat.QR
	qr.Factorize(mat.NewDense(n, n, g))
	var q, r mat.Dense
	qr.QTo(&q) // square: the full Q is the thin one
	qr.RTo(&r)
	out := make([]float64, n*n)
	for j := range n {
		s := 1.0
		if r.At(j, j) < 0 {
			s = -1
		}
		for i := range n {
			out[i*n+j] = s * q.At(i, j)
		}
	}
	if special && mat.Det(mat.NewDense(n, n, out)) < 0 {
		for i := range n {
			out[i*n+n-1] = -out[i*n+n-1]
		}
	}
	return out
}

// SymFunc returns f(A) = U·diag(f(λ))·Uᵀ for the symmetric n×n A by gonum's
// mat.EigenSym: a reference route sharing nothing with internal/linalg.
func SymFunc(a []float64, n int, f func(float64) float64) []float64 {
	var es mat.EigenSym
	if !es.Factorize(mat.NewSymDense(n, append([]float64(nil), a...)), true) {
		panic("testutil: mat.EigenSym failed")
	}
	var u mat.Dense
	es.VectorsTo(&u)
	vals := es.Values(nil)
	out := make([]float64, n*n)
	for i := range n {
		for j := range n {
			var s float64
			for k := range n {
				s += u.At(i, k) * f(vals[k]) * u.At(j, k)
			}
			out[i*n+j] = s
		}
	}
	return out
}

// FrechetExp returns the Fréchet derivative L_exp(A, E) of the matrix
// exponential as the upper-right block of exp([[A, E], [0, A]]) (Higham,
// Functions of Matrices, 2008, Thm 3.6; Mathias 1996), computed with
// gonum's mat.Dense.Exp: a route independent of the Daleckii–Krein formula.
func FrechetExp(a, e []float64, n int) []float64 {
	b := mat.NewDense(2*n, 2*n, nil)
	for i := range n {
		for j := range n {
			b.Set(i, j, a[i*n+j])
			b.Set(n+i, n+j, a[i*n+j])
			b.Set(i, n+j, e[i*n+j])
		}
	}
	var x mat.Dense
	x.Exp(b)
	out := make([]float64, n*n)
	for i := range n {
		for j := range n {
			out[i*n+j] = x.At(i, n+j)
		}
	}
	return out
}
