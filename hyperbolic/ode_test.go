package hyperbolic

import (
	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/internal/testutil"

	"math"
	"math/rand/v2"
	"testing"
)

// mink is the Minkowski form, evaluated plainly (the ODE tests stay near
// the origin).
func mink(a, b []float64) float64 {
	s := -a[0] * b[0]
	for i := 1; i < len(a); i++ {
		s += a[i] * b[i]
	}
	return s
}

func maxAbsDiff(a, b []float64) float64 {
	var m float64
	for i := range a {
		m = math.Max(m, math.Abs(a[i]-b[i]))
	}
	return m
}

func scaleTo(v []float64, k float64) {
	for i := range v {
		v[i] *= k
	}
}

// TestLorentzODE compares Exp and ParallelTransport with an RK4 integration
// of the geodesic and parallel-transport equations of the hyperboloid
// ⟨x, x⟩_L = −1/c. The acceleration of a geodesic is normal, γ” = μγ, and
// differentiating ⟨γ, γ'⟩_L = 0 gives ⟨γ', γ'⟩_L + μ⟨γ, γ⟩_L = 0, so
//
//	γ” = c⟨γ', γ'⟩_L·γ;
//
// a parallel field V along γ has normal derivative V' = νγ, and
// differentiating ⟨γ, V⟩_L = 0 gives ⟨γ', V⟩_L − ν/c = 0, so
//
//	V' = c⟨γ', V⟩_L·γ.
func TestLorentzODE(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	var worstExp, worstPT float64
	defer func() {
		t.Logf("worst Exp error %.2g, worst ParallelTransport error %.2g (relative)", worstExp, worstPT)
	}()
	for _, c := range []float64{1, 0.5, 3} {
		for _, n := range []int{2, 5, 20} {
			l := NewLorentz(n, WithCurvature(c))
			m := n + 1
			for trial := 0; trial < 4; trial++ {
				x, u, w := make([]float64, m), make([]float64, m), make([]float64, m)
				l.RandomPoint(x, rng)
				l.RandomTangent(u, x, rng)
				l.RandomTangent(w, x, rng)
				scaleTo(u, (0.2+2*rng.Float64())/l.Norm(x, u)/math.Sqrt(c))
				y := append(append(append([]float64{}, x...), u...), w...)
				testutil.RK4(y, 4000, func(dy, y []float64) {
					g, gd, v := y[:m], y[m:2*m], y[2*m:]
					s, k := c*mink(gd, gd), c*mink(gd, v)
					copy(dy[:m], gd)
					for i := range g {
						dy[m+i] = s * g[i]
						dy[2*m+i] = k * g[i]
					}
				})
				got := make([]float64, m)
				l.Exp(got, x, u)
				scale := math.Max(1, linalg.Nrm2(y[:m]))
				e1 := maxAbsDiff(got, y[:m]) / scale
				worstExp = max(worstExp, e1)
				if e := e1; e > 1e-12 {
					t.Errorf("c=%g n=%d: Exp differs from the ODE solution by %.3g (relative)", c, n, e)
				}
				pt := make([]float64, m)
				l.ParallelTransport(pt, x, got, w)
				e2 := maxAbsDiff(pt, y[2*m:]) / math.Max(1, linalg.Nrm2(y[2*m:]))
				worstPT = max(worstPT, e2)
				if e := e2; e > 1e-11 {
					t.Errorf("c=%g n=%d: ParallelTransport differs from the ODE solution by %.3g (relative)", c, n, e)
				}
			}
		}
	}
}

// conformalODE integrates the geodesic and parallel-transport equations of
// a conformally flat metric e^{2φ}I on an open set of Rⁿ, whose Levi-Civita
// connection is ∇_X Y = D_X Y + (Xφ)Y + (Yφ)X − ⟨X, Y⟩∇φ:
//
//	γ” = −2⟨∇φ, γ'⟩γ' + ‖γ'‖²∇φ,
//	V'  = −⟨∇φ, γ'⟩V − ⟨∇φ, V⟩γ' + ⟨γ', V⟩∇φ,
//
// from (x, u, w), returning γ(1) and V(1).
func conformalODE(x, u, w []float64, gradPhi func(g, x []float64)) (pos, vec []float64) {
	n := len(x)
	y := append(append(append([]float64{}, x...), u...), w...)
	gp := make([]float64, n)
	testutil.RK4(y, 4000, func(dy, y []float64) {
		g, gd, v := y[:n], y[n:2*n], y[2*n:]
		gradPhi(gp, g)
		var pg, pv, gg, gv float64
		for i := range g {
			pg += gp[i] * gd[i]
			pv += gp[i] * v[i]
			gg += gd[i] * gd[i]
			gv += gd[i] * v[i]
		}
		copy(dy[:n], gd)
		for i := range g {
			dy[n+i] = -2*pg*gd[i] + gg*gp[i]
			dy[2*n+i] = -pg*v[i] - pv*gd[i] + gv*gp[i]
		}
	})
	return y[:n], y[2*n:]
}

// TestBallODE compares Exp and ParallelTransport of the ball with the
// conformal ODE, φ = ln(2/(1 − c‖x‖²)), ∇φ = 2cx/(1 − c‖x‖²).
func TestBallODE(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	var worstExp, worstPT float64
	defer func() {
		t.Logf("worst Exp error %.2g, worst ParallelTransport error %.2g (relative)", worstExp, worstPT)
	}()
	for _, c := range []float64{1, 0.5, 3} {
		for _, n := range []int{2, 5, 20} {
			b := NewPoincareBall(n, WithCurvature(c))
			for trial := 0; trial < 4; trial++ {
				x, u, w := make([]float64, n), make([]float64, n), make([]float64, n)
				b.RandomPoint(x, rng)
				b.RandomTangent(u, x, rng)
				b.RandomTangent(w, x, rng)
				scaleTo(u, (0.2+2*rng.Float64())/b.Norm(x, u)/math.Sqrt(c))
				pos, vec := conformalODE(x, u, w, func(g, x []float64) {
					k := 2 * c / (1 - c*dot(x, x))
					for i := range g {
						g[i] = k * x[i]
					}
				})
				got := make([]float64, n)
				b.Exp(got, x, u)
				e1 := maxAbsDiff(got, pos) * math.Sqrt(c)
				worstExp = max(worstExp, e1)
				if e := e1; e > 1e-12 {
					t.Errorf("c=%g n=%d: Exp differs from the ODE solution by %.3g", c, n, e)
				}
				pt := make([]float64, n)
				b.ParallelTransport(pt, x, got, w)
				e2 := maxAbsDiff(pt, vec) / linalg.Nrm2(vec)
				worstPT = max(worstPT, e2)
				if e := e2; e > 1e-11 {
					t.Errorf("c=%g n=%d: ParallelTransport differs from the ODE solution by %.3g (relative)", c, n, e)
				}
			}
		}
	}
}

// TestHalfSpaceODE compares Exp and ParallelTransport of the half-space
// with the conformal ODE, φ = −ln(√c·x_n), ∇φ = −e_n/x_n.
func TestHalfSpaceODE(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	var worstExp, worstPT float64
	defer func() {
		t.Logf("worst Exp error %.2g, worst ParallelTransport error %.2g (relative)", worstExp, worstPT)
	}()
	for _, c := range []float64{1, 3} {
		for _, n := range []int{2, 5, 20} {
			h := NewHalfSpace(n, WithCurvature(c))
			for trial := 0; trial < 4; trial++ {
				x, u, w := make([]float64, n), make([]float64, n), make([]float64, n)
				h.RandomPoint(x, rng)
				h.RandomTangent(u, x, rng)
				h.RandomTangent(w, x, rng)
				scaleTo(u, (0.2+2*rng.Float64())/h.Norm(x, u)/math.Sqrt(c))
				pos, vec := conformalODE(x, u, w, func(g, x []float64) {
					clear(g)
					g[n-1] = -1 / x[n-1]
				})
				got := make([]float64, n)
				h.Exp(got, x, u)
				e1 := maxAbsDiff(got, pos) / math.Max(linalg.Nrm2(pos), 1e-300)
				worstExp = max(worstExp, e1)
				if e := e1; e > 1e-12 {
					t.Errorf("c=%g n=%d: Exp differs from the ODE solution by %.3g (relative)", c, n, e)
				}
				pt := make([]float64, n)
				h.ParallelTransport(pt, x, got, w)
				e2 := maxAbsDiff(pt, vec) / linalg.Nrm2(vec)
				worstPT = max(worstPT, e2)
				if e := e2; e > 1e-11 {
					t.Errorf("c=%g n=%d: ParallelTransport differs from the ODE solution by %.3g (relative)", c, n, e)
				}
			}
		}
	}
}
