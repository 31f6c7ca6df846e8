package stiefel

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// TestCurveBound checks the upper bound Dist falls back on: for an iterate
// (A, L) of the Log iteration — deliberately stopped after 3 iterations,
// both for the iteration of the metric's own β and for the canonical
// pre-run used when β ≠ ½ — the curve
//
//	c(t) = [X Q₂]·expm(tL)·[I; 0]·expm(t(1 − 2β_it)A)
//
// ends at Y, and its g_β-length by 400-point midpoint quadrature of
// √g_β(ċ, ċ) (central differences, general Padé expm) equals the constant-
// speed formula √(β‖L₁₁ + (1 − 2β_it)A‖² + ‖L₂₁‖²) used by eval.
func TestCurveBound(t *testing.T) {
	rng := rand.New(rand.NewPCG(71, 72))
	for _, beta := range []float64{0.25, 1, 5} {
		n, p := 9, 4
		s := New(n, p, WithMetric(Family(beta)), WithLogMaxIter(3))
		x := make([]float64, n*p)
		y := make([]float64, n*p)
		s.RandomPoint(x, rng)
		s.RandomPoint(y, rng) // far apart: the iteration will not converge in 3 steps
		for _, itBeta := range []float64{beta, 0.5} {
			ar := linalg.NewArena(logWorkSize(n, p))
			ls := s.newLogSolver(&ar, x, y)
			ls.run(itBeta, false, false)
			copy(ls.xv[:ls.dim], ls.best[:ls.dim])
			copy(ls.ref, ls.bestL)
			ls.useRef = true
			_, length, err := ls.eval()
			if err != nil {
				t.Fatal(err)
			}
			r, k := ls.r, ls.k
			L := append([]float64(nil), ls.l...)
			A := append([]float64(nil), ls.a...)
			q2 := append([]float64(nil), ls.q2...)
			ar.Release()
			curve := func(tt float64) []float64 {
				lt := make([]float64, k*k)
				for i := range L {
					lt[i] = tt * L[i]
				}
				e := make([]float64, k*k)
				linalg.Expm(e, lt, k)
				ta := make([]float64, p*p)
				for i := range A {
					ta[i] = tt * (1 - 2*itBeta) * A[i]
				}
				ea := make([]float64, p*p)
				linalg.Expm(ea, ta, p)
				e1 := make([]float64, k*p)
				linalg.GetBlock(e1, e, k, 0, 0, k, p)
				z := make([]float64, k*p)
				linalg.Mul(z, e1, ea, k, p, p)
				out := make([]float64, n*p)
				linalg.Mul(out, x, z[:p*p], n, p, p)
				linalg.Gemm(false, false, n, p, r, 1, q2, z[p*p:], 1, out)
				return out
			}
			end := curve(1)
			var de float64
			for i := range end {
				de += (end[i] - y[i]) * (end[i] - y[i])
			}
			if de = math.Sqrt(de); de > 1e-12 {
				t.Errorf("β=%g (iteration β=%g): curve ends %.3g from Y", beta, itBeta, de)
			}
			var quad float64
			const N = 400
			h := 1e-5
			vel := make([]float64, n*p)
			for j := range N {
				tt := (float64(j) + 0.5) / N
				cp, cm := curve(tt+h), curve(tt-h)
				for i := range vel {
					vel[i] = (cp[i] - cm[i]) / (2 * h)
				}
				quad += s.Norm(curve(tt), vel) / N
			}
			if e := math.Abs(quad-length) / length; e > 1e-8 {
				t.Errorf("β=%g (iteration β=%g): formula length %.10g, quadrature %.10g", beta, itBeta, length, quad)
			}
			if d := s.Dist(x, y); !(d <= length*(1+1e-12)) && itBeta == beta {
				t.Errorf("β=%g: Dist %.10g exceeds a curve length %.10g", beta, d, length)
			}
		}
	}
}
