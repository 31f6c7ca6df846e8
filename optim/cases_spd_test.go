package optim_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/optim"
	"github.com/geodesic-go/geodesic/spd"
)

// symFunc returns V·diag(f(λ))·Vᵀ for the symmetric a = V·diag(λ)·Vᵀ,
// computed with gonum's EigenSym.
func symFunc(a *mat.SymDense, f func(float64) float64) *mat.SymDense {
	var eig mat.EigenSym
	if !eig.Factorize(a, true) {
		panic("EigenSym failed")
	}
	vals := eig.Values(nil)
	var v mat.Dense
	eig.VectorsTo(&v)
	n := len(vals)
	out := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			var s float64
			for k := 0; k < n; k++ {
				s += v.At(i, k) * f(vals[k]) * v.At(j, k)
			}
			out.SetSym(i, j, s)
		}
	}
	return out
}

// geometricMean returns A#B = A^{1/2}(A^{−1/2}BA^{−1/2})^{1/2}A^{1/2}
// (Bhatia 2007, ch. 4 and 6), the midpoint of the affine-invariant geodesic
// from A to B and so the Karcher mean of {A, B}, computed with gonum.
func geometricMean(a, b *mat.SymDense) *mat.SymDense {
	sa := symFunc(a, math.Sqrt)
	isa := symFunc(a, func(x float64) float64 { return 1 / math.Sqrt(x) })
	var c mat.Dense
	c.Mul(isa, b)
	c.Mul(&c, isa)
	n := a.SymmetricDim()
	cs := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			cs.SetSym(i, j, (c.At(i, j)+c.At(j, i))/2)
		}
	}
	r := symFunc(cs, math.Sqrt)
	var out mat.Dense
	out.Mul(sa, r)
	out.Mul(&out, sa)
	return mat.NewSymDense(n, out.RawMatrix().Data)
}

// spdMatrix returns a random SPD matrix Q·diag(e^{s·zᵢ})·Qᵀ, z Gaussian.
func spdMatrix(n int, s float64, rng *rand.Rand) *mat.SymDense {
	g := mat.NewDense(n, n, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			g.Set(i, j, rng.NormFloat64())
		}
	}
	var qr mat.QR
	qr.Factorize(g)
	var q mat.Dense
	qr.QTo(&q)
	d := make([]float64, n)
	for i := range d {
		d[i] = math.Exp(s * rng.NormFloat64())
	}
	return conj(&q, d)
}

// conj returns Q·diag(d)·Qᵀ.
func conj(q *mat.Dense, d []float64) *mat.SymDense {
	n := len(d)
	out := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			var s float64
			for k := 0; k < n; k++ {
				s += q.At(i, k) * d[k] * q.At(j, k)
			}
			out.SetSym(i, j, s)
		}
	}
	return out
}

func dense(s *mat.SymDense) []float64 {
	n := s.SymmetricDim()
	out := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			out[i*n+j] = s.At(i, j)
		}
	}
	return out
}

// relDiff returns ‖a − b‖_F/‖b‖_F.
func relDiff(a, b []float64) float64 {
	var num, den float64
	for i := range a {
		num += (a[i] - b[i]) * (a[i] - b[i])
		den += b[i] * b[i]
	}
	return math.Sqrt(num / den)
}

// karcherTwoCase is the affine-invariant Karcher mean of two SPD matrices,
// whose minimiser is the geometric mean A#B computed with gonum.
func karcherTwoCase(n int) testCase {
	rng := rand.New(rand.NewPCG(41, 42))
	a, b := spdMatrix(n, 1, rng), spdMatrix(n, 1, rng)
	want := dense(geometricMean(a, b))
	m := spd.New(n)
	pts := [][]float64{dense(a), dense(b)}
	// Start at the arithmetic mean, a point of the cone but not the answer.
	x0 := make([]float64, n*n)
	for i := range x0 {
		x0[i] = (pts[0][i] + pts[1][i]) / 2
	}
	return testCase{
		name: "karcher2",
		m:    m,
		p:    optim.FrechetProblem(m, pts),
		x0:   x0,
		verify: func(t testing.TB, x []float64, f float64) {
			t.Helper()
			if d := relDiff(x, want); d > 1e-8 {
				t.Errorf("‖X − A#B‖/‖A#B‖ = %.2g, want ≤ 1e-8", d)
			}
		},
	}
}

// karcherCommutingCase is the Karcher mean of k commuting SPD matrices
// Pᵢ = Q·diag(e^{aᵢ})·Qᵀ, which is Q·diag(e^{mean aᵢ})·Qᵀ, the exponential of
// the mean of the logarithms (Bhatia 2007, §6.2; the affine-invariant
// geometry restricted to a commuting family is flat).
func karcherCommutingCase(n, k int, opts ...spd.Option) testCase {
	rng := rand.New(rand.NewPCG(43, 44))
	g := mat.NewDense(n, n, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			g.Set(i, j, rng.NormFloat64())
		}
	}
	var qr mat.QR
	qr.Factorize(g)
	var q mat.Dense
	qr.QTo(&q)
	mean := make([]float64, n)
	pts := make([][]float64, k)
	for i := range pts {
		d := make([]float64, n)
		for j := range d {
			a := 1.5 * rng.NormFloat64()
			mean[j] += a / float64(k)
			d[j] = math.Exp(a)
		}
		pts[i] = dense(conj(&q, d))
	}
	for j := range mean {
		mean[j] = math.Exp(mean[j])
	}
	want := dense(conj(&q, mean))
	m := spd.New(n, opts...)
	// A random start, which does not commute with the data, so the
	// iterates leave their flat.
	x0 := dense(spdMatrix(n, 1, rng))
	return testCase{
		name: "karcher-commuting",
		m:    m,
		p:    optim.FrechetProblem(m, pts),
		x0:   x0,
		verify: func(t testing.TB, x []float64, f float64) {
			t.Helper()
			if d := relDiff(x, want); d > 1e-8 {
				t.Errorf("‖X − exp(mean log Pᵢ)‖/‖·‖ = %.2g, want ≤ 1e-8", d)
			}
		},
	}
}
