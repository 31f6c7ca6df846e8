package optim_test

import (
	"math"
	"math/rand/v2"
	"sync"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"
	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/optim"
	"github.com/geodesic-go/geodesic/sphere"
)

// rayleigh is the Rayleigh-quotient problem f(x) = xᵀAx on S^{n−1}, whose
// minimisers are ±v₁, the eigenvector of the smallest eigenvalue λ₁ of the
// symmetric A (Absil, Mahony & Sepulchre 2008, §4.6).
//
// A = (G + Gᵀ)/(2√n) − 3·uuᵀ with G standard Gaussian and u a random unit
// vector: the Wigner part has its spectrum in about [−√2, √2] and the spike
// pulls one eigenvalue out to about −3 − 1/6 (the BBP outlier), leaving a
// clear gap to the rest of the spectrum.
type rayleigh struct {
	n       int
	a       blas64.General
	lambda1 float64   // smallest eigenvalue, from mat.EigenSym
	lambda2 float64   // second smallest
	v1      []float64 // its unit eigenvector, from mat.EigenSym
}

func newRayleigh(n int, seed uint64) *rayleigh {
	rng := rand.New(rand.NewPCG(seed, 7))
	a := make([]float64, n*n)
	s := 1 / (2 * math.Sqrt(float64(n)))
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			g := (rng.NormFloat64() + rng.NormFloat64()) * s
			a[i*n+j] = g
			a[j*n+i] = g
		}
	}
	u := make([]float64, n)
	for i := range u {
		u[i] = rng.NormFloat64()
	}
	floats.Scale(1/floats.Norm(u, 2), u)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			a[i*n+j] -= 3 * u[i] * u[j]
		}
	}
	return &rayleigh{n: n, a: blas64.General{Rows: n, Cols: n, Stride: n, Data: a}}
}

// solve fills lambda1, lambda2 and v1 from gonum's symmetric eigensolver,
// independently of the code under test.
func (r *rayleigh) solve() {
	sym := mat.NewSymDense(r.n, append([]float64(nil), r.a.Data...))
	var eig mat.EigenSym
	if !eig.Factorize(sym, true) {
		panic("EigenSym failed")
	}
	vals := eig.Values(nil)
	var vecs mat.Dense
	eig.VectorsTo(&vecs)
	r.lambda1, r.lambda2 = vals[0], vals[1]
	r.v1 = mat.Col(nil, 0, &vecs)
}

func (r *rayleigh) mul(dst, x []float64) {
	blas64.Gemv(blas.NoTrans, 1, r.a, blas64.Vector{N: r.n, Inc: 1, Data: x}, 0, blas64.Vector{N: r.n, Inc: 1, Data: dst})
}

func (r *rayleigh) problem() optim.Problem {
	tmp := make([]float64, r.n)
	return optim.Problem{
		Cost: func(x []float64) float64 {
			r.mul(tmp, x)
			return floats.Dot(x, tmp)
		},
		Grad: func(g, x []float64) {
			r.mul(g, x)
			floats.Scale(2, g)
		},
		HessVec: func(hv, x, v []float64) {
			r.mul(hv, v)
			floats.Scale(2, hv)
		},
	}
}

func (r *rayleigh) manifold() manifold.Manifold { return sphere.New(r.n) }

func (r *rayleigh) start(seed uint64) []float64 {
	x := make([]float64, r.n)
	sphere.New(r.n).RandomPoint(x, rand.New(rand.NewPCG(seed, 11)))
	return x
}

var (
	rayleigh1000     *rayleigh
	rayleigh1000Once sync.Once
)

// bigRayleigh returns the shared n = 1000 Rayleigh problem with its
// reference solution (the eigendecomposition takes about two seconds, so it
// is done once).
func bigRayleigh() *rayleigh {
	rayleigh1000Once.Do(func() {
		rayleigh1000 = newRayleigh(1000, 1)
		rayleigh1000.solve()
	})
	return rayleigh1000
}

// spiked returns the n×n symmetric matrix W + Σⱼ cⱼ·uⱼuⱼᵀ, j < p, with W the
// Wigner matrix of newRayleigh (spectrum ≈ [−√2, √2]), u an orthonormal
// n×p frame and cⱼ = 3 + j: its p largest eigenvalues, ≈ cⱼ + 1/(2cⱼ), are
// separated from each other and from the bulk by gaps of about one.
func spiked(n, p int, seed uint64) []float64 {
	rng := rand.New(rand.NewPCG(seed, 13))
	a := make([]float64, n*n)
	s := 1 / (2 * math.Sqrt(float64(n)))
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			g := (rng.NormFloat64() + rng.NormFloat64()) * s
			a[i*n+j] = g
			a[j*n+i] = g
		}
	}
	g := mat.NewDense(n, p, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < p; j++ {
			g.Set(i, j, rng.NormFloat64())
		}
	}
	var qr mat.QR
	qr.Factorize(g)
	var q mat.Dense
	qr.QTo(&q)
	for k := 0; k < p; k++ {
		c := 3 + float64(k)
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				a[i*n+j] += c * q.At(i, k) * q.At(j, k)
			}
		}
	}
	return a
}

// eigSym returns the eigenvalues (ascending) and the eigenvectors (columns)
// of the n×n symmetric a, from gonum.
func eigSym(a []float64, n int) ([]float64, *mat.Dense) {
	var eig mat.EigenSym
	if !eig.Factorize(mat.NewSymDense(n, append([]float64(nil), a...)), true) {
		panic("EigenSym failed")
	}
	var v mat.Dense
	eig.VectorsTo(&v)
	return eig.Values(nil), &v
}

// matmul writes the n×p product a·x (a n×n) into dst.
func matmul(dst, a, x []float64, n, p int) {
	blas64.Gemm(blas.NoTrans, blas.NoTrans, 1,
		blas64.General{Rows: n, Cols: n, Stride: n, Data: a},
		blas64.General{Rows: n, Cols: p, Stride: p, Data: x},
		0, blas64.General{Rows: n, Cols: p, Stride: p, Data: dst})
}
