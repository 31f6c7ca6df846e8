package flag_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/geodesic-go/geodesic/flag"
	"github.com/geodesic-go/geodesic/internal/testutil"
)

// geodesicAccel writes the acceleration of the g_β geodesic of St(n, p)
// through x with velocity v,
//
//	Ẍ = −X·ẊᵀẊ + 2(1 − β)(I − XXᵀ)·Ẋ·XᵀẊ,
//
// with plain loops. Derivation (independent of the closed form in Exp):
// geodesics are the critical curves of ½∫tr(Ẋᵀ(I − cXXᵀ)Ẋ) dt, c = 1 − β,
// on XᵀX = I. With a symmetric multiplier Λ the Euler–Lagrange equation is
// d/dt[(I − cXXᵀ)Ẋ] = −cẊẊᵀX − XΛ. With A = XᵀẊ (skew), its component
// normal to span X is (I − XXᵀ)Ẍ = 2c(I − XXᵀ)ẊA, and its component along
// X shows XᵀẌ symmetric, hence XᵀẌ = −ẊᵀẊ from differentiating
// XᵀẊ + ẊᵀX = 0. For horizontal initial velocity the solution stays
// horizontal and is the flag geodesic (the metric is invariant under
// X ↦ XQ, so A(t) is conserved by Noether's theorem, and with it its zero
// diagonal blocks); the test checks that too.
func geodesicAccel(dst, x, v []float64, n, p int, beta float64) {
	vv := make([]float64, p*p) // ẊᵀẊ
	a := make([]float64, p*p)  // XᵀẊ
	for l := 0; l < n; l++ {
		for i := 0; i < p; i++ {
			for j := 0; j < p; j++ {
				vv[i*p+j] += v[l*p+i] * v[l*p+j]
				a[i*p+j] += x[l*p+i] * v[l*p+j]
			}
		}
	}
	va := testutil.MatMul(v, a, n, p, p) // ẊA
	xva := make([]float64, p*p)          // Xᵀ(ẊA)
	for l := 0; l < n; l++ {
		for i := 0; i < p; i++ {
			for j := 0; j < p; j++ {
				xva[i*p+j] += x[l*p+i] * va[l*p+j]
			}
		}
	}
	xxva := testutil.MatMul(x, xva, n, p, p)
	xvv := testutil.MatMul(x, vv, n, p, p)
	c := 2 * (1 - beta)
	for i := range dst {
		dst[i] = -xvv[i] + c*(va[i]-xxva[i])
	}
}

// rk4 integrates the geodesic equation from (x, v) over [0, 1] and
// returns X(1) and the largest diagonal-block entry of X(t)ᵀẊ(t) seen.
func rk4(f *flag.Flag, x, v []float64, beta float64, steps int) ([]float64, float64) {
	n, p := f.Shape()
	m := n * p
	y := append(append([]float64{}, x...), v...)
	rhs := func(dy, y []float64) {
		copy(dy[:m], y[m:])
		geodesicAccel(dy[m:], y[:m], y[m:], n, p, beta)
	}
	var vert float64
	testutil.RK4Each(y, steps, rhs, func(y []float64) {
		for b := 0; b < f.NumBlocks(); b++ {
			lo, hi := f.BlockRange(b)
			for i := lo; i < hi; i++ {
				for j := lo; j < hi; j++ {
					var s float64
					for l := 0; l < n; l++ {
						s += y[l*p+i] * y[m+l*p+j]
					}
					vert = math.Max(vert, math.Abs(s))
				}
			}
		}
	})
	return y[:m], vert
}

// TestExpODE compares Exp with an RK4 integration (2000 steps) of the
// Stiefel geodesic equation of the metric from a horizontal velocity of
// norm up to 2.5, for both metrics, on one-block, two- and three-block,
// complete and partial flags: the representative Exp returns is the end
// of the horizontal lift through X, so the matrices themselves are
// compared. It also checks that the integrated curve stays horizontal.
func TestExpODE(t *testing.T) {
	rng := newRand(11)
	types := []flagType{{5, []int{2}, 0}, {3, []int{1, 2}, 0}, {3, []int{1, 2, 3}, 0}, {10, []int{1, 3}, 0}, {6, []int{1, 3, 4}, 0}, {7, []int{2, 4}, 0}, {4, []int{1, 4}, 0}}
	const steps = 2000
	for _, met := range []flag.Metric{flag.Canonical, flag.Euclidean} {
		var w, wv worst
		for _, ty := range types {
			f := flag.New(ty.n, ty.dims...).With(flag.WithMetric(met))
			for trial := 0; trial < 3; trial++ {
				x := point(f, rng)
				d := 0.5 + 2*rng.Float64()
				v := tangent(f, x, d, rng)
				want, vert := rk4(f, x, v, met.Beta(), steps)
				got := make([]float64, len(x))
				f.Exp(got, x, v)
				at := fmt.Sprintf("%v ‖v‖ = %.3g", f, d)
				e := testutil.DiffNorm(got, want)
				w.see(e, at)
				wv.see(vert, at)
				if e > 1e-11 {
					t.Errorf("%s: ‖Exp − RK4‖_F = %.3g > 1e-11", at, e)
				}
				if vert > 1e-11 {
					t.Errorf("%s: the RK4 geodesic left the horizontal space: |bd(XᵀẊ)| = %.3g", at, vert)
				}
			}
		}
		t.Logf("%-9v: worst ‖Exp − RK4‖_F = %.2g (%s), worst vertical velocity along RK4 %.2g", met, w.v, w.at, wv.v)
	}
}
