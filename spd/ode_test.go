package spd

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/testutil"
)

// Exp and ParallelTransport against RK4 integrations of the geodesic and
// parallel-transport equations, written with gonum's mat package (inverse,
// linear solves) and sharing no code with the methods under test.
//
// Affine-invariant: the Christoffel symbol of tr(P⁻¹UP⁻¹V) on the open
// cone is Γ_P(U, W) = −sym(U·P⁻¹·W) (Pennec et al. 2006), so geodesics
// satisfy P” = P'·P⁻¹·P' and a parallel field W along γ satisfies
// W' = ½(γ'·γ⁻¹·W + W·γ⁻¹·γ').
//
// Bures–Wasserstein: the Euler–Lagrange equation of the energy
// ½g_P(P', P') = ¼⟨L_P[P'], P'⟩ with X = L_P[P']: ∂/∂P' gives ½X; the
// derivative of L_P in P in direction Z is −L_P[ZX + XZ], so ∂/∂P gives
// −½X²; hence d/dt(½X) = −½X², L_P[P”] = L_P[P'X + XP'] − X², and with
// P' = PX + XP this is P” = 2·X·P·X. The Lyapunov equation is solved as the
// n²×n² linear system (I ⊗ P + P ⊗ I)·vec(X) = vec(P').

func dense(x []float64, n int) *mat.Dense { return mat.NewDense(n, n, x) }

// aiField is the right-hand side for y = (γ, γ', W):
// γ” = γ'γ⁻¹γ', W' = ½(γ'γ⁻¹W + Wγ⁻¹γ').
func aiField(n int) func(dy, y []float64) {
	nn := n * n
	return func(dy, y []float64) {
		g, v, w := dense(y[:nn], n), dense(y[nn:2*nn], n), dense(y[2*nn:], n)
		var gi, a, b, c mat.Dense
		if err := gi.Inverse(g); err != nil {
			panic(err)
		}
		a.Mul(v, &gi) // γ'γ⁻¹
		b.Mul(&a, v)  // γ'γ⁻¹γ'
		c.Mul(&a, w)  // γ'γ⁻¹W
		copy(dy[:nn], y[nn:2*nn])
		copy(dy[nn:2*nn], b.RawMatrix().Data)
		cd := c.RawMatrix().Data
		for i := range n {
			for j := range n {
				dy[2*nn+i*n+j] = 0.5 * (cd[i*n+j] + cd[j*n+i])
			}
		}
	}
}

func TestAffineInvariantODE(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	var we, wt float64
	for _, n := range []int{2, 4} {
		m := New(n)
		nn := n * n
		for range 3 {
			p := make([]float64, nn)
			m.RandomPoint(p, rng)
			v, w := make([]float64, nn), make([]float64, nn)
			m.RandomTangent(v, p, rng)
			m.RandomTangent(w, p, rng)
			k := 1.5 / m.Norm(p, v)
			for i := range v {
				v[i] *= k
			}
			y := make([]float64, 3*nn)
			copy(y, p)
			copy(y[nn:], v)
			copy(y[2*nn:], w)
			testutil.RK4(y, 2000, aiField(n))
			q := make([]float64, nn)
			m.Exp(q, p, v)
			we = math.Max(we, frobRel(q, y[:nn]))
			pt := make([]float64, nn)
			m.ParallelTransport(pt, p, q, w)
			wt = math.Max(wt, frobRel(pt, y[2*nn:]))
		}
	}
	t.Logf("affine-invariant vs RK4 (2000 steps, ‖V‖ = 1.5): Exp %.2g, ParallelTransport %.2g", we, wt)
	if !(we <= 1e-10) || !(wt <= 1e-10) {
		t.Errorf("affine-invariant Exp %.3g, ParallelTransport %.3g relative to RK4, want ≤ 1e-10", we, wt)
	}
}

// lyapKron solves P·X + X·P = U for X by the Kronecker linear system.
func lyapKron(p, u []float64, n int) []float64 {
	nn := n * n
	a := mat.NewDense(nn, nn, nil)
	for i := range n {
		for j := range n {
			r := i*n + j // X_ij
			for k := range n {
				a.Set(r, k*n+j, a.At(r, k*n+j)+p[i*n+k]) // (PX)_ij = Σ_k P_ik X_kj
				a.Set(r, i*n+k, a.At(r, i*n+k)+p[k*n+j]) // (XP)_ij = Σ_k X_ik P_kj
			}
		}
	}
	var x mat.VecDense
	if err := x.SolveVec(a, mat.NewVecDense(nn, append([]float64(nil), u...))); err != nil {
		panic(err)
	}
	return x.RawVector().Data
}

func TestBuresWassersteinODE(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	var worst float64
	for _, n := range []int{2, 4} {
		m := New(n, WithMetric(BuresWasserstein))
		nn := n * n
		for range 3 {
			p := make([]float64, nn)
			m.RandomPoint(p, rng)
			v := make([]float64, nn)
			m.RandomTangent(v, p, rng)
			// Stay inside the injectivity radius √λ_min(P).
			k := 0.8 * m.InjectivityRadius(p) / m.Norm(p, v)
			for i := range v {
				v[i] *= k
			}
			y := make([]float64, 2*nn)
			copy(y, p)
			copy(y[nn:], v)
			testutil.RK4(y, 2000, func(dy, y []float64) {
				g, gv := y[:nn], y[nn:]
				x := lyapKron(g, gv, n)
				var a, b mat.Dense
				a.Mul(dense(x, n), dense(g, n))
				b.Mul(&a, dense(x, n))
				copy(dy, gv)
				bd := b.RawMatrix().Data
				for i := range bd {
					dy[nn+i] = 2 * bd[i]
				}
			})
			q := make([]float64, nn)
			m.Exp(q, p, v)
			worst = math.Max(worst, frobRel(q, y[:nn]))
		}
	}
	t.Logf("Bures–Wasserstein Exp vs RK4 (2000 steps, ‖V‖ = 0.8·√λ_min): %.2g", worst)
	if !(worst <= 1e-10) {
		t.Errorf("Bures–Wasserstein Exp differs from RK4 by %.3g, want ≤ 1e-10", worst)
	}
}
