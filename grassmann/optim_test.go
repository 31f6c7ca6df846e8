package grassmann_test

import (
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/grassmann"
	"github.com/geodesic-go/geodesic/internal/testutil"
)

// TestDominantSubspace is an optimisation sanity check that needs no solver:
// plain Riemannian gradient descent on f(Y) = −½tr(YᵀAY), whose minimisers
// on Gr(n, p) are the dominant p-dimensional invariant subspaces of the
// symmetric A (Absil, Mahony & Sepulchre 2008, §4.6), with a fixed step
// 1/λ_max(A) and each retraction, must reach the span of the top-p
// eigenvectors computed by gonum's mat.EigenSym to 1e-8 in subspace
// distance.
func TestDominantSubspace(t *testing.T) {
	rng := rand.New(rand.NewPCG(601, 602))
	const n, p = 60, 4
	// A = Q·diag(λ)·Qᵀ with λ = 10, 9.5, 9, 8.5 for the dominant subspace
	// and the rest in [0, 6]: an eigengap of 2.5.
	q := testutil.Haar(rng, n, false)
	lam := make([]float64, n)
	for i := range lam {
		if i < p {
			lam[i] = 10 - 0.5*float64(i)
		} else {
			lam[i] = 6 * rng.Float64()
		}
	}
	a := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			var s float64
			for k := 0; k < n; k++ {
				s += q[i*n+k] * lam[k] * q[j*n+k]
			}
			a[i*n+j] = s
		}
	}
	for i := 0; i < n; i++ { // exactly symmetric
		for j := 0; j < i; j++ {
			a[i*n+j] = a[j*n+i]
		}
	}
	var es mat.EigenSym
	if !es.Factorize(mat.NewSymDense(n, a), true) {
		t.Fatal("EigenSym failed")
	}
	var ev mat.Dense
	es.VectorsTo(&ev)
	want := make([]float64, n*p) // eigenvalues ascend: the last p columns
	for i := 0; i < n; i++ {
		for j := 0; j < p; j++ {
			want[i*p+j] = ev.At(i, n-p+j)
		}
	}
	dist := subspaceDist(n, p)
	for _, r := range []grassmann.Retraction{grassmann.Polar, grassmann.QR, grassmann.Exponential} {
		g := grassmann.New(n, p, grassmann.WithRetraction(r))
		y, grad, step := make([]float64, n*p), make([]float64, n*p), make([]float64, n*p)
		g.RandomPoint(y, rng)
		const alpha = 1.0 / 10 // 1/λ_max
		iters := 0
		for ; iters < 1000; iters++ {
			ay := testutil.MatMul(a, y, n, n, p)
			for i := range ay {
				ay[i] = -ay[i] // ∇f(Y) = −AY
			}
			g.EGradToRGrad(grad, y, ay)
			if g.Norm(y, grad) < 1e-12 {
				break
			}
			for i := range step {
				step[i] = -alpha * grad[i]
			}
			g.Retract(y, y, step)
		}
		d := dist(y, want)
		t.Logf("retraction %v: %d iterations, ‖YYᵀ − VVᵀ‖_F = %.3g, Dist = %.3g", r, iters, d, g.Dist(y, want))
		if !(d <= 1e-8) || !(g.Dist(y, want) <= 1e-8) {
			t.Errorf("retraction %v: gradient descent ended %.3g from the dominant subspace after %d iterations", r, d, iters)
		}
		if err := g.CheckPoint(y); err != nil {
			t.Errorf("retraction %v: iterate left the manifold: %v", r, err)
		}
	}
}
