package stiefel_test

import (
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/testutil"
	"github.com/geodesic-go/geodesic/stiefel"
)

// TestProcrustesGradientDescent is an optimisation sanity check that needs no
// solver: hand-written Riemannian gradient descent on
//
//	max tr(XᵀM) over St(n, p)   (f(X) = −tr(XᵀM), ∇f = −M),
//
// the orthogonal Procrustes problem, whose maximiser is the orthonormal
// polar factor X* = UVᵀ of M = UΣVᵀ (Golub & Van Loan, 4th ed., §6.4.1),
// computed here with gonum's SVD. Each metric and retraction must reach
// X* to 1e-8.
func TestProcrustesGradientDescent(t *testing.T) {
	rng := newRand(51)
	for _, sh := range [][2]int{{3, 2}, {20, 4}, {100, 10}} {
		n, p := sh[0], sh[1]
		// M = U·diag(σ)·Vᵀ with σ in [1, 3].
		var u, v mat.Dense
		u.CloneFrom(randOrth(n, p, rng))
		v.CloneFrom(randOrth(p, p, rng))
		sig := mat.NewDiagDense(p, nil)
		for i := range p {
			sig.SetDiag(i, 1+2*float64(i)/float64(max(1, p-1)))
		}
		var m, tmp mat.Dense
		tmp.Mul(&u, sig)
		m.Mul(&tmp, v.T())
		var svd mat.SVD
		if !svd.Factorize(&m, mat.SVDThin) {
			t.Fatal("SVD failed")
		}
		var su, sv, want mat.Dense
		svd.UTo(&su)
		svd.VTo(&sv)
		want.Mul(&su, sv.T())
		mg := m.RawMatrix().Data
		for _, c := range []struct {
			met  stiefel.Metric
			retr stiefel.Retraction
		}{
			{stiefel.Euclidean, stiefel.QR},
			{stiefel.Euclidean, stiefel.Polar},
			{stiefel.Canonical, stiefel.Cayley},
			{stiefel.Family(0.3), stiefel.Exponential},
		} {
			st := stiefel.New(n, p, stiefel.WithMetric(c.met), stiefel.WithRetraction(c.retr))
			x := make([]float64, n*p)
			st.RandomPoint(x, rng)
			eg := testutil.Scaled(-1, mg)
			g := make([]float64, n*p)
			step := make([]float64, n*p)
			iters := 0
			for ; iters < 5000; iters++ {
				st.EGradToRGrad(g, x, eg)
				if st.Norm(x, g) < 1e-12 {
					break
				}
				// The Hessian's eigenvalues along the rotations XA scale like
				// 1/β (g_β weighs them by β): step 0.25·min(1, β).
				for i := range g {
					step[i] = -0.25 * min(1, c.met.Beta()) * g[i]
				}
				st.Retract(x, x, step)
			}
			if e := testutil.DiffNorm(x, want.RawMatrix().Data); e > 1e-8 {
				t.Errorf("%dx%d %v %v: ‖X − X*‖ = %.3g after %d iterations", n, p, c.met, c.retr, e, iters)
			} else {
				t.Logf("%dx%d %-10v %-11v: ‖X − X*‖_F = %.1e after %d iterations", n, p, c.met, c.retr, e, iters)
			}
		}
	}
}

func randOrth(n, p int, rng interface{ NormFloat64() float64 }) *mat.Dense {
	g := mat.NewDense(n, p, nil)
	for i := range n {
		for j := range p {
			g.Set(i, j, rng.NormFloat64())
		}
	}
	var qr mat.QR
	qr.Factorize(g)
	var q mat.Dense
	qr.QTo(&q)
	return mat.DenseCopyOf(q.Slice(0, n, 0, p))
}
