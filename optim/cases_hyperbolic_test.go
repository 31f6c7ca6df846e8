package optim_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/floats"

	"github.com/geodesic-go/geodesic/hyperbolic"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/optim"
)

// lorentzPoint returns the point of the hyperboloid with spatial part a:
// (√(1 + ‖a‖²), a), curvature −1.
func lorentzPoint(a []float64) []float64 {
	x := make([]float64, len(a)+1)
	copy(x[1:], a)
	x[0] = math.Sqrt(1 + floats.Dot(a, a))
	return x
}

// frechetCase is the Fréchet mean f(x) = ½Σᵢ d²(x, yᵢ) on a model m of
// hyperbolic space of 2k points symmetric about a centre c:
// y_{±j} = Exp_c(±vⱼ), ‖vⱼ‖ = 1.5. The geodesic symmetry at c is an isometry
// that swaps y_{+j} and y_{−j}, so it maps the Fréchet mean, unique on a
// Hadamard manifold (Karcher 1977; Afsari 2011), to itself; its only fixed
// point is c, which is therefore the minimiser, with f = k·1.5². The
// Riemannian gradient −Σᵢ Log_x(yᵢ) is given through Problem.RGrad.
func frechetCase(name string, m manifold.Manifold, k int) testCase {
	rng := rand.New(rand.NewPCG(61, 62))
	c := manifold.NewPoint(m)
	m.RandomPoint(c, rng)
	var pts [][]float64
	v := manifold.NewPoint(m)
	for range k {
		m.RandomTangent(v, c, rng)
		floats.Scale(1.5/m.Norm(c, v), v)
		pts = append(pts, manifold.Exp(m, c, v))
		floats.Scale(-1, v)
		pts = append(pts, manifold.Exp(m, c, v))
	}
	// Start at distance 2 from the centre.
	m.RandomTangent(v, c, rng)
	floats.Scale(2/m.Norm(c, v), v)
	x0 := manifold.Exp(m, c, v)
	return testCase{
		name: name,
		m:    m,
		p:    optim.FrechetProblem(m, pts),
		x0:   x0,
		verify: func(t testing.TB, x []float64, f float64) {
			t.Helper()
			if d := m.Dist(x, c); d > 1e-8 {
				t.Errorf("d(x, c) = %.2g, want ≤ 1e-8", d)
			}
			if want := float64(k) * 1.5 * 1.5; math.Abs(f-want) > 1e-12*want {
				t.Errorf("f = %.17g, want 2k·1.5²/2 = %.17g", f, want)
			}
		},
	}
}

// coshDistCase minimises f(x) = −⟨x, q⟩_L = cosh d(x, q) on H^n (Lorentz),
// whose minimiser is q (cosh d ≥ 1, with equality only at d = 0). It is
// given by the Euclidean gradient ∇f = −Jq, J = diag(−1, 1, …, 1), and the
// zero Euclidean Hessian, so it exercises the conversions EGradToRGrad and
// EHessToRHess of the hyperboloid.
func coshDistCase(n int) testCase {
	m := hyperbolic.NewLorentz(n)
	rng := rand.New(rand.NewPCG(63, 64))
	a := make([]float64, n)
	for i := range a {
		a[i] = 0.7 * rng.NormFloat64()
	}
	q := lorentzPoint(a)
	x0 := make([]float64, n+1)
	m.Origin(x0)
	return testCase{
		name: "coshdist",
		m:    m,
		p: optim.Problem{
			Cost: func(x []float64) float64 { return x[0]*q[0] - floats.Dot(x[1:], q[1:]) },
			Grad: func(g, x []float64) {
				g[0] = q[0]
				for i := 1; i < len(g); i++ {
					g[i] = -q[i]
				}
			},
			HessVec: func(hv, x, v []float64) { clear(hv) },
		},
		x0: x0,
		verify: func(t testing.TB, x []float64, f float64) {
			t.Helper()
			if d := m.Dist(x, q); d > 1e-8 {
				t.Errorf("d(x, q) = %.2g, want ≤ 1e-8", d)
			}
			if math.Abs(f-1) > 1e-14 {
				t.Errorf("f = %.17g, want 1", f)
			}
		},
	}
}
