package stiefel_test

import (
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/internal/testutil"
	"github.com/geodesic-go/geodesic/stiefel"
)

// geodesicAccel writes the acceleration of the g_β geodesic through x with
// velocity v:
//
//	Ẍ = −X·ẊᵀẊ + 2(1 − β)(I − XXᵀ)·Ẋ·XᵀẊ.
//
// Derivation (independent of the closed form in Exp): the geodesics are
// the critical curves of ½∫tr(Ẋᵀ(I − cXXᵀ)Ẋ) dt, c = 1 − β, subject to
// XᵀX = I. With a symmetric multiplier Λ the Euler–Lagrange equation is
// d/dt[(I − cXXᵀ)Ẋ] = −c·ẊẊᵀX − XΛ. Write A = XᵀẊ (skew) and K = XᵀẌ.
// Its normal part is (I − XXᵀ)Ẍ = 2c(I − XXᵀ)ẊA; its part along X gives
// (1 − c)K = 2cA² + cẊᵀẊ − Λ, whose right side is symmetric, so K is
// symmetric, and differentiating XᵀẊ + ẊᵀX = 0 gives sym(K) = −ẊᵀẊ. For
// β = 1 this is Ẍ + XẊᵀẊ = 0 and for β = ½ it is Edelman, Arias & Smith
// (1998), eq. 2.41.
func geodesicAccel(dst, x, v []float64, n, p int, beta float64) {
	vv := make([]float64, p*p)
	a := make([]float64, p*p)
	linalg.MulAtB(vv, v, v, p, n, p)
	linalg.MulAtB(a, x, v, p, n, p)
	va := make([]float64, n*p)
	linalg.Mul(va, v, a, n, p, p)
	xa := make([]float64, p*p)
	linalg.MulAtB(xa, x, va, p, n, p)
	xxva := make([]float64, n*p)
	linalg.Mul(xxva, x, xa, n, p, p)
	xvv := make([]float64, n*p)
	linalg.Mul(xvv, x, vv, n, p, p)
	c := 2 * (1 - beta)
	for i := range dst {
		dst[i] = -xvv[i] + c*(va[i]-xxva[i])
	}
}

// rk4Geodesic integrates the geodesic equation from (x, v) over [0, 1].
func rk4Geodesic(x, v []float64, n, p int, beta float64, steps int) []float64 {
	m := n * p
	y := append(append([]float64{}, x...), v...)
	testutil.RK4(y, steps, func(dy, y []float64) {
		copy(dy[:m], y[m:])
		geodesicAccel(dy[m:], y[:m], y[m:], n, p, beta)
	})
	return y[:m]
}

// TestExpODE compares Exp with an RK4 integration (3000 steps) of the
// geodesic equation for every metric, for tangent vectors of norm up to
// 2.5 in random, rotation-only, normal-only and mixed directions.
func TestExpODE(t *testing.T) {
	rng := newRand(11)
	shapes := [][2]int{{3, 1}, {3, 2}, {4, 3}, {5, 2}, {7, 3}, {3, 3}}
	metrics := []stiefel.Metric{stiefel.Euclidean, stiefel.Canonical, stiefel.Family(0.25), stiefel.Family(2)}
	const steps = 3000
	for _, met := range metrics {
		var worst float64
		for _, sh := range shapes {
			n, p := sh[0], sh[1]
			m := stiefel.New(n, p, stiefel.WithMetric(met))
			for kind := dirRandom; kind <= dirMixed; kind++ {
				x := make([]float64, n*p)
				m.RandomPoint(x, rng)
				v := tangentOf(m, x, kind, 0.5+2*rng.Float64(), rng)
				want := rk4Geodesic(x, v, n, p, met.Beta(), steps)
				got := make([]float64, n*p)
				m.Exp(got, x, v)
				e := testutil.DiffNorm(got, want)
				worst = math.Max(worst, e)
				if e > 1e-11 {
					t.Errorf("%v %dx%d kind %d ‖v‖ = %.3g: ‖Exp − RK4‖_F = %.3g", met, n, p, kind, m.Norm(x, v), e)
				}
			}
		}
		t.Logf("%v: worst ‖Exp − RK4‖_F = %.2g (%d steps)", met, worst, steps)
	}
}

func expmDense(a []float64, k int) []float64 {
	e := make([]float64, k*k)
	linalg.Expm(e, a, k)
	return e
}

// TestExpClosedForms checks Exp against closed forms that share no code with
// it: for the Euclidean metric Edelman, Arias & Smith (1998), §2.2,
//
//	Y = [X Δ]·expm([[A, −S], [I, A]])·[I; 0]·expm(−A),  A = XᵀΔ, S = ΔᵀΔ,
//
// and for the canonical metric the one-parameter subgroup Y = expm(Ŵ)X with
// the n×n horizontal generator Ŵ = PΔXᵀ − XΔᵀP, P = I − ½XXᵀ (ŴX = Δ;
// Edelman, Arias & Smith 1998, §2.4), both with the general Padé Expm.
func TestExpClosedForms(t *testing.T) {
	rng := newRand(12)
	var worstE, worstC float64
	for _, sh := range [][2]int{{3, 1}, {3, 2}, {5, 2}, {6, 3}, {8, 4}, {20, 3}} {
		n, p := sh[0], sh[1]
		for trial := 0; trial < 6; trial++ {
			e := stiefel.New(n, p)
			x := make([]float64, n*p)
			e.RandomPoint(x, rng)
			v := tangentOf(e, x, trial%4, 0.3+2.5*rng.Float64(), rng)
			// Euclidean.
			xm := mat.NewDense(n, p, x)
			vm := mat.NewDense(n, p, v)
			var a, s mat.Dense
			a.Mul(xm.T(), vm)
			s.Mul(vm.T(), vm)
			blk := make([]float64, 4*p*p)
			for i := range p {
				for j := range p {
					blk[i*2*p+j] = a.At(i, j)
					blk[i*2*p+p+j] = -s.At(i, j)
					blk[(p+i)*2*p+p+j] = a.At(i, j)
				}
				blk[(p+i)*2*p+i] = 1
			}
			eb := expmDense(blk, 2*p)
			var na mat.Dense
			na.Scale(-1, &a)
			ema := expmDense(na.RawMatrix().Data, p)
			xd := mat.NewDense(n, 2*p, nil)
			xd.Slice(0, n, 0, p).(*mat.Dense).Copy(xm)
			xd.Slice(0, n, p, 2*p).(*mat.Dense).Copy(vm)
			var t1, want mat.Dense
			t1.Mul(xd, mat.NewDense(2*p, 2*p, eb).Slice(0, 2*p, 0, p))
			want.Mul(&t1, mat.NewDense(p, p, ema))
			got := make([]float64, n*p)
			e.Exp(got, x, v)
			if d := testutil.DiffNorm(got, want.RawMatrix().Data); d > 1e-12 {
				t.Errorf("Euclidean %dx%d: ‖Exp − Edelman's formula‖ = %.3g", n, p, d)
			} else {
				worstE = math.Max(worstE, d)
			}
			// Canonical.
			c := stiefel.New(n, p, stiefel.WithMetric(stiefel.Canonical))
			pm := mat.NewDense(n, n, nil)
			for i := range n {
				pm.Set(i, i, 1)
			}
			var xxt mat.Dense
			xxt.Mul(xm, xm.T())
			xxt.Scale(0.5, &xxt)
			pm.Sub(pm, &xxt)
			var pd, w1, w2 mat.Dense
			pd.Mul(pm, vm)
			w1.Mul(&pd, xm.T())
			w2.Mul(xm, pd.T())
			w1.Sub(&w1, &w2)
			ew := expmDense(w1.RawMatrix().Data, n)
			var wantc mat.Dense
			wantc.Mul(mat.NewDense(n, n, ew), xm)
			c.Exp(got, x, v)
			if d := testutil.DiffNorm(got, wantc.RawMatrix().Data); d > 1e-12 {
				t.Errorf("canonical %dx%d: ‖Exp − expm(Ŵ)X‖ = %.3g", n, p, d)
			} else {
				worstC = math.Max(worstC, d)
			}
		}
	}
	t.Logf("worst ‖Exp − closed form‖_F: Euclidean %.2g, canonical %.2g", worstE, worstC)
}
