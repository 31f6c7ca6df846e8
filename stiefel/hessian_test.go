package stiefel_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/internal/testutil"
	"github.com/geodesic-go/geodesic/stiefel"
)

// cost is f(X) = ½tr(XᵀAXN) + tr(CᵀX) + Σ cos(Xᵢⱼ), with A (n×n) and N
// (p×p) symmetric: ∇f = AXN + C − sin(X), ∇²f[V] = AVN − cos(X)∘V.
type cost struct {
	n, p     int
	a, nn, c []float64
}

func newCost(n, p int, rng *rand.Rand) *cost {
	sym := func(k int) []float64 {
		m := make([]float64, k*k)
		for i := range m {
			m[i] = rng.NormFloat64()
		}
		linalg.SymPart(m, m, k)
		return m
	}
	c := make([]float64, n*p)
	for i := range c {
		c[i] = rng.NormFloat64()
	}
	return &cost{n: n, p: p, a: sym(n), nn: sym(p), c: c}
}

func (f *cost) axn(x []float64) []float64 {
	ax := make([]float64, f.n*f.p)
	linalg.Mul(ax, f.a, x, f.n, f.n, f.p)
	r := make([]float64, f.n*f.p)
	linalg.Mul(r, ax, f.nn, f.n, f.p, f.p)
	return r
}

func (f *cost) value(x []float64) float64 {
	var s float64
	for i, v := range f.axn(x) {
		s += 0.5*x[i]*v + f.c[i]*x[i] + math.Cos(x[i])
	}
	return s
}

func (f *cost) grad(x []float64) []float64 {
	g := f.axn(x)
	for i := range g {
		g[i] += f.c[i] - math.Sin(x[i])
	}
	return g
}

func (f *cost) hess(x, v []float64) []float64 {
	h := f.axn(v)
	for i := range h {
		h[i] -= math.Cos(x[i]) * v[i]
	}
	return h
}

// secondDiff returns d²/dt² f(Exp_X(tv)) at t = 0 by a Richardson-
// extrapolated (two levels, h = 0.02) central second difference: the Riemannian Hessian quadratic
// form, computed from f and Exp only.
func secondDiff(m *stiefel.Stiefel, f *cost, x, v []float64) float64 {
	n, p := m.Shape()
	d2 := func(h float64) float64 {
		y := make([]float64, n*p)
		m.Exp(y, x, testutil.Scaled(h, v))
		fp := f.value(y)
		m.Exp(y, x, testutil.Scaled(-h, v))
		fm := f.value(y)
		return (fp - 2*f.value(x) + fm) / (h * h)
	}
	h := 0.02
	a, b, c := d2(h), d2(h/2), d2(h/4)
	r1, r2 := (4*b-a)/3, (4*c-b)/3
	return (16*r2 - r1) / 15
}

// TestHessianSecondDifference checks EHessToRHess for every metric against
// second differences of f along geodesics, an independent route: with
// H = EHessToRHess(X, ∇f, ∇²f[u], u), ⟨H, u⟩_X must equal
// d²/dt² f(Exp_X(tu)) and, by polarisation, ⟨H[u], v⟩_X must equal
// ¼(d²f along u+v − d²f along u−v).
func TestHessianSecondDifference(t *testing.T) {
	rng := newRand(21)
	metrics := []stiefel.Metric{stiefel.Euclidean, stiefel.Canonical, stiefel.Family(0.25), stiefel.Family(3)}
	for _, met := range metrics {
		var worst float64
		for _, sh := range [][2]int{{3, 1}, {3, 2}, {4, 4}, {6, 3}, {10, 2}} {
			n, p := sh[0], sh[1]
			m := stiefel.New(n, p, stiefel.WithMetric(met))
			f := newCost(n, p, rng)
			for trial := 0; trial < 3; trial++ {
				x := make([]float64, n*p)
				m.RandomPoint(x, rng)
				u := tangentOf(m, x, trial%4, 1, rng)
				v := tangentOf(m, x, (trial+1)%4, 1, rng)
				g := f.grad(x)
				hu := make([]float64, n*p)
				m.EHessToRHess(hu, x, g, f.hess(x, u), u)
				got := m.Inner(x, hu, u)
				want := secondDiff(m, f, x, u)
				sc := 1 + math.Abs(want)
				e := math.Abs(got-want) / sc
				upv, umv := make([]float64, n*p), make([]float64, n*p)
				for i := range u {
					upv[i] = u[i] + v[i]
					umv[i] = u[i] - v[i]
				}
				gotUV := m.Inner(x, hu, v)
				wantUV := (secondDiff(m, f, x, upv) - secondDiff(m, f, x, umv)) / 4
				e = math.Max(e, math.Abs(gotUV-wantUV)/(1+math.Abs(wantUV)))
				worst = math.Max(worst, e)
				if e > 1e-8 {
					t.Errorf("%v %dx%d: Hess[u,u] = %.10g vs %.10g, Hess[u,v] = %.10g vs %.10g", met, n, p, got, want, gotUV, wantUV)
				}
			}
		}
		t.Logf("%v: worst relative error of the Hessian form against second differences %.2g", met, worst)
	}
}

// TestHessianByHand checks a hand derivation. For f(X) = tr(X₀ᵀX) at its
// maximum X = X₀: ∇f = X₀, ∇²f = 0, and along any geodesic
// d²/dt² f = tr(X₀ᵀẌ) = −tr(ΔᵀΔ) (from the geodesic equation, XᵀẌ = −ẊᵀẊ).
// The g_β-representative of −tr(Δᵀ·) on T_X is H = −XA/β − (I − XXᵀ)Δ for
// Δ = XA + (I − XXᵀ)Δ: g_β(H, Δ₂) = −⟨A, A₂⟩ − ⟨B, B₂⟩.
func TestHessianByHand(t *testing.T) {
	rng := newRand(22)
	for _, beta := range []float64{0.25, 0.5, 1, 3} {
		n, p := 6, 3
		m := stiefel.New(n, p, stiefel.WithMetric(stiefel.Family(beta)))
		x := make([]float64, n*p)
		m.RandomPoint(x, rng)
		d := tangentOf(m, x, dirMixed, 1.3, rng)
		a := make([]float64, p*p)
		linalg.MulAtB(a, x, d, p, n, p)
		xa := make([]float64, n*p)
		linalg.Mul(xa, x, a, n, p, p)
		want := make([]float64, n*p)
		for i := range want {
			want[i] = -xa[i]/beta - (d[i] - xa[i])
		}
		got := make([]float64, n*p)
		m.EHessToRHess(got, x, x, make([]float64, n*p), d)
		if e := testutil.DiffNorm(got, want); e > 1e-14*float64(n*p) {
			t.Errorf("β=%g: Hess = %v, want %v (error %.3g)", beta, got, want, e)
		}
	}
}

// TestGradientByHand checks EGradToRGrad against the closed forms
// G − X·sym(XᵀG) (Euclidean) and G − XGᵀX (canonical, Edelman, Arias &
// Smith 1998, eq. 2.53), and the defining property g_β(grad f, Δ) = tr(GᵀΔ)
// for a family member.
func TestGradientByHand(t *testing.T) {
	rng := newRand(23)
	n, p := 7, 3
	g := make([]float64, n*p)
	for i := range g {
		g[i] = rng.NormFloat64()
	}
	e := stiefel.New(n, p)
	x := make([]float64, n*p)
	e.RandomPoint(x, rng)
	w := make([]float64, p*p)
	linalg.MulAtB(w, x, g, p, n, p)
	linalg.SymPart(w, w, p)
	want := make([]float64, n*p)
	linalg.Mul(want, x, w, n, p, p)
	for i := range want {
		want[i] = g[i] - want[i]
	}
	got := make([]float64, n*p)
	e.EGradToRGrad(got, x, g)
	if d := testutil.DiffNorm(got, want); d > 1e-14 {
		t.Errorf("Euclidean: error %.3g", d)
	}
	c := stiefel.New(n, p, stiefel.WithMetric(stiefel.Canonical))
	gtx := make([]float64, p*p)
	linalg.MulAtB(gtx, g, x, p, n, p)
	linalg.Mul(want, x, gtx, n, p, p)
	for i := range want {
		want[i] = g[i] - want[i]
	}
	c.EGradToRGrad(got, x, g)
	if d := testutil.DiffNorm(got, want); d > 1e-14 {
		t.Errorf("canonical: error %.3g", d)
	}
	f := stiefel.New(n, p, stiefel.WithMetric(stiefel.Family(0.3)))
	f.EGradToRGrad(got, x, g)
	for range 3 {
		d := tangentOf(f, x, dirRandom, 1, rng)
		var gd float64
		for i := range g {
			gd += g[i] * d[i]
		}
		if e := math.Abs(f.Inner(x, got, d) - gd); e > 1e-13 {
			t.Errorf("β=0.3: g(grad, Δ) − tr(GᵀΔ) = %.3g", e)
		}
	}
}
