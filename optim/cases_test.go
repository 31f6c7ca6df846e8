package optim_test

import (
	"math"
	"math/rand/v2"
	"sync"
	"testing"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/grassmann"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/optim"
	"github.com/geodesic-go/geodesic/stiefel"
)

// testCase is a problem with a known solution, computed independently of
// the code under test.
type testCase struct {
	name   string
	m      manifold.Manifold
	p      optim.Problem
	x0     []float64
	verify func(t testing.TB, x []float64, f float64)
}

// rayleighCase is the Rayleigh quotient on S^{n−1}; the minimiser ±v₁ and
// the minimum λ₁ come from mat.EigenSym.
func rayleighCase(rp *rayleigh) testCase {
	return testCase{
		name: "rayleigh",
		m:    rp.manifold(),
		p:    rp.problem(),
		x0:   rp.start(3),
		verify: func(t testing.TB, x []float64, f float64) {
			t.Helper()
			// |f − λ₁| ≲ ‖grad‖²/gap; the eigenvector error ≲ ‖grad‖/gap.
			if math.Abs(f-rp.lambda1) > 1e-12 {
				t.Errorf("f = %.17g, want λ₁ = %.17g (error %.2g)", f, rp.lambda1, f-rp.lambda1)
			}
			if s := sinAngle(x, rp.v1); s > 1e-7 {
				t.Errorf("sin∠(x, v₁) = %.2g, want ≤ 1e-7", s)
			}
		},
	}
}

// sinAngle returns the sine of the angle between the lines spanned by the
// vectors x and v.
func sinAngle(x, v []float64) float64 {
	c := floats.Dot(x, v) / (floats.Norm(x, 2) * floats.Norm(v, 2))
	return math.Sqrt(math.Max(0, 1-c*c))
}

// brockettCase is the Brockett cost f(X) = tr(XᵀAXN), N = diag(p, …, 1), on
// St(n, p) (Brockett 1991; Absil, Mahony & Sepulchre 2008, §4.8): its
// minimisers have as columns ±the eigenvectors of the p smallest eigenvalues
// λ₁ < ⋯ < λ_p of A, in that order, and the minimum is Σⱼ (p − j + 1)·λⱼ.
// A = −spiked, whose p smallest eigenvalues are separated; the reference is
// mat.EigenSym.
func brockettCase(n, p int, opts ...stiefel.Option) testCase {
	a := spiked(n, p, 21)
	floats.Scale(-1, a)
	nw := make([]float64, p)
	for j := range nw {
		nw[j] = float64(p - j)
	}
	// The reference, computed when first needed (benchmarks do not).
	ref := sync.OnceValues(func() (float64, *mat.Dense) {
		vals, vecs := eigSym(a, n)
		var fstar float64
		for j := range nw {
			fstar += nw[j] * vals[j]
		}
		return fstar, vecs
	})
	m := stiefel.New(n, p, opts...)
	ax := make([]float64, n*p)
	scaleCols := func(dst []float64) {
		for i := 0; i < n; i++ {
			for j := 0; j < p; j++ {
				dst[i*p+j] *= 2 * nw[j]
			}
		}
	}
	x0 := make([]float64, n*p)
	m.RandomPoint(x0, rand.New(rand.NewPCG(4, 5)))
	return testCase{
		name: "brockett",
		m:    m,
		p: optim.Problem{
			Cost: func(x []float64) float64 {
				matmul(ax, a, x, n, p)
				var f float64
				for i := 0; i < n; i++ {
					for j := 0; j < p; j++ {
						f += nw[j] * x[i*p+j] * ax[i*p+j]
					}
				}
				return f
			},
			Grad: func(g, x []float64) { // ∇f = 2AXN
				matmul(g, a, x, n, p)
				scaleCols(g)
			},
			HessVec: func(hv, x, v []float64) { // ∇²f[V] = 2AVN
				matmul(hv, a, v, n, p)
				scaleCols(hv)
			},
		},
		x0: x0,
		verify: func(t testing.TB, x []float64, f float64) {
			t.Helper()
			fstar, vecs := ref()
			if math.Abs(f-fstar) > 1e-12*math.Abs(fstar) {
				t.Errorf("f = %.17g, want %.17g (error %.2g)", f, fstar, f-fstar)
			}
			col := make([]float64, n)
			for j := 0; j < p; j++ {
				for i := 0; i < n; i++ {
					col[i] = x[i*p+j]
				}
				if s := sinAngle(col, mat.Col(nil, j, vecs)); s > 1e-7 {
					t.Errorf("column %d: sin∠(xⱼ, vⱼ) = %.2g, want ≤ 1e-7", j, s)
				}
			}
		},
	}
}

// subspaceCase is f(Y) = −tr(YᵀAY) on Gr(n, p), minimised by the dominant
// p-dimensional invariant subspace of A (Absil, Mahony & Sepulchre 2008,
// §2.1.1 and §6.4.2); the reference projector VVᵀ comes from mat.EigenSym.
func subspaceCase(n, p int, opts ...grassmann.Option) testCase {
	a := spiked(n, p, 31)
	// The reference, computed when first needed (benchmarks do not): the
	// minimum and the projector VVᵀ on the p dominant eigenvectors.
	ref := sync.OnceValues(func() (float64, *mat.Dense) {
		vals, vecs := eigSym(a, n)
		var fstar float64
		for j := n - p; j < n; j++ {
			fstar -= vals[j]
		}
		var proj mat.Dense
		v := vecs.Slice(0, n, n-p, n)
		proj.Mul(v, v.T())
		return fstar, &proj
	})
	m := grassmann.New(n, p, opts...)
	ax := make([]float64, n*p)
	x0 := make([]float64, n*p)
	m.RandomPoint(x0, rand.New(rand.NewPCG(6, 7)))
	return testCase{
		name: "subspace",
		m:    m,
		p: optim.Problem{
			Cost: func(y []float64) float64 {
				matmul(ax, a, y, n, p)
				return -floats.Dot(y, ax)
			},
			Grad: func(g, y []float64) { // ∇f = −2AY
				matmul(g, a, y, n, p)
				floats.Scale(-2, g)
			},
			HessVec: func(hv, y, v []float64) { // ∇²f[V] = −2AV
				matmul(hv, a, v, n, p)
				floats.Scale(-2, hv)
			},
		},
		x0: x0,
		verify: func(t testing.TB, y []float64, f float64) {
			t.Helper()
			fstar, proj := ref()
			if math.Abs(f-fstar) > 1e-12*math.Abs(fstar) {
				t.Errorf("f = %.17g, want %.17g (error %.2g)", f, fstar, f-fstar)
			}
			ym := mat.NewDense(n, p, y)
			var py mat.Dense
			py.Mul(ym, ym.T())
			py.Sub(&py, proj)
			if d := mat.Norm(&py, 2); d > 1e-7 {
				t.Errorf("‖YYᵀ − VVᵀ‖₂ = %.2g, want ≤ 1e-7", d)
			}
		},
	}
}
