package linalg_test

import (
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// aaLeastSquares returns x + f − (ΔX + ΔF)·γ with γ = argmin ‖f − ΔF·γ‖
// solved by gonum's QR least squares (an independent route from the
// ridge-regularised normal equations of Anderson.Step); dx and df are
// lists of difference vectors.
func aaLeastSquares(x, f []float64, dx, df [][]float64) []float64 {
	dim, m := len(x), len(dx)
	a := mat.NewDense(dim, m, nil)
	for j := range m {
		for i := range dim {
			a.Set(i, j, df[j][i])
		}
	}
	var g mat.VecDense
	if err := g.SolveVec(a, mat.NewVecDense(dim, append([]float64(nil), f...))); err != nil {
		panic(err)
	}
	out := make([]float64, dim)
	for i := range dim {
		out[i] = x[i] + f[i]
		for j := range m {
			out[i] -= (dx[j][i] + df[j][i]) * g.AtVec(j)
		}
	}
	return out
}

func aaVec(rng *rand.Rand, n int) []float64 { return randMat(rng, 1, n) }

// TestAndersonStep drives Anderson.Step with arbitrary iterates and
// residuals and checks every step against the least-squares formula of
// Walker & Ni (2011) evaluated by QR on the last min(k, depth) differences
// (the ring wraps around after depth steps; the order of the columns does
// not matter), and that the first step and a step after Reset are the
// plain step x + f.
func TestAndersonStep(t *testing.T) {
	rng := newRand()
	w := newWorst(t, "Anderson step vs QR least squares (relative)")
	const dim, depth = 8, 3
	ar := linalg.NewArena(linalg.AndersonWorkSize(dim, depth))
	defer ar.Release()
	aa := linalg.NewAnderson(&ar, dim, depth)
	for round := range 2 {
		aa.Reset(dim)
		x := aaVec(rng, dim)
		var xs, fs [][]float64
		for k := range 9 {
			f := aaVec(rng, dim)
			xOld := append([]float64(nil), x...)
			xs, fs = append(xs, xOld), append(fs, f)
			acc := aa.Step(x, f)
			if k == 0 {
				if acc {
					t.Errorf("round %d: first step accelerated", round)
				}
				for i := range x {
					if x[i] != xOld[i]+f[i] {
						t.Fatalf("round %d: first step is not x + f", round)
					}
				}
				continue
			}
			if !acc {
				t.Errorf("round %d step %d: not accelerated", round, k)
			}
			var dx, df [][]float64
			for j := max(1, k-depth+1); j <= k; j++ {
				dx = append(dx, sub(xs[j], xs[j-1]))
				df = append(df, sub(fs[j], fs[j-1]))
			}
			want := aaLeastSquares(xOld, f, dx, df)
			if e := w.see(relErr(x, want)); !(e <= 1e-10) {
				t.Errorf("round %d step %d: relative error %.3g", round, k, e)
			}
		}
	}
	// A smaller dimension after Reset uses the same workspace.
	aa.Reset(2)
	x, f := []float64{1, 2}, []float64{0.5, -1}
	aa.Step(x, f)
	if x[0] != 1.5 || x[1] != 1 {
		t.Errorf("Reset(2): first step gives %v, want [1.5 1]", x)
	}
	mustPanic(t, "Reset beyond the capacity", func() { aa.Reset(dim + 1) })
	mustPanic(t, "Step with the wrong length", func() { aa.Step(make([]float64, 3), make([]float64, 3)) })
	if testing.CoverMode() == "" && !raceEnabled {
		aa.Reset(dim)
		x, f := aaVec(rng, dim), aaVec(rng, dim)
		if n := testing.AllocsPerRun(50, func() {
			for i := range f {
				f[i] = 0.5*f[i] + 0.1*x[i]
			}
			aa.Step(x, f)
		}); n != 0 {
			t.Errorf("Step allocates %v times", n)
		}
	}
}

// TestAndersonRestart checks the restart semantics: the step after Restart
// is the plain step, and the next one solves with the one difference
// recorded after the restart only, none from before it.
func TestAndersonRestart(t *testing.T) {
	rng := newRand()
	const dim, depth = 4, 3
	ar := linalg.NewArena(linalg.AndersonWorkSize(dim, depth))
	defer ar.Release()
	aa := linalg.NewAnderson(&ar, dim, depth)
	x := aaVec(rng, dim)
	var xs, fs [][]float64
	step := func() ([]float64, []float64, bool) {
		f := aaVec(rng, dim)
		xOld := append([]float64(nil), x...)
		xs, fs = append(xs, xOld), append(fs, f)
		return xOld, f, aa.Step(x, f)
	}
	step() // no difference
	step() // column 0: (x₁ − x₀, f₁ − f₀)
	step() // column 1; the ring position is now 2
	aa.Restart()
	xOld, f, acc := step() // plain step
	if acc {
		t.Error("step after Restart accelerated")
	}
	for i := range x {
		if x[i] != xOld[i]+f[i] {
			t.Fatal("step after Restart is not x + f")
		}
	}
	xOld, f, acc = step() // records x₄ − x₃ and solves with it alone
	if !acc {
		t.Fatal("second step after Restart not accelerated")
	}
	want := aaLeastSquares(xOld, f, [][]float64{sub(xs[4], xs[3])}, [][]float64{sub(fs[4], fs[3])})
	if e := relErr(x, want); !(e <= 1e-10) {
		t.Errorf("second step after Restart: relative error %.3g against the one-difference formula", e)
	}
}

// TestAndersonLinear accelerates the linear contraction G(x) = Mx + b,
// spectral radius 0.97, in R⁶ with depth 6: Anderson acceleration with
// full history is then essentially GMRES (Walker & Ni 2011) and
// must reach the fixed point (I − M)⁻¹b, from gonum's mat.Solve, in a
// dozen steps, where the plain iteration needs hundreds.
func TestAndersonLinear(t *testing.T) {
	rng := newRand()
	const dim = 6
	q := haar(rng, dim, false)
	eig := []float64{0.97, -0.9, 0.8, 0.5, -0.3, 0.1}
	m := make([]float64, dim*dim)
	for i := range dim {
		for j := range dim {
			for k := range dim {
				m[i*dim+j] += q[i*dim+k] * eig[k] * q[j*dim+k]
			}
		}
	}
	b := aaVec(rng, dim)
	ima := mat.NewDense(dim, dim, nil)
	for i := range dim {
		for j := range dim {
			v := -m[i*dim+j]
			if i == j {
				v++
			}
			ima.Set(i, j, v)
		}
	}
	var sol mat.VecDense
	if err := sol.SolveVec(ima, mat.NewVecDense(dim, append([]float64(nil), b...))); err != nil {
		t.Fatal(err)
	}
	want := sol.RawVector().Data
	residual := func(f, x []float64) {
		for i := range dim {
			s := b[i] - x[i]
			for j := range dim {
				s += m[i*dim+j] * x[j]
			}
			f[i] = s
		}
	}
	ar := linalg.NewArena(linalg.AndersonWorkSize(dim, dim))
	defer ar.Release()
	aa := linalg.NewAnderson(&ar, dim, dim)
	x, xp, f := make([]float64, dim), make([]float64, dim), make([]float64, dim)
	const steps = 12
	for range steps {
		residual(f, x)
		aa.Step(x, f)
		residual(f, xp)
		for i := range xp {
			xp[i] += f[i]
		}
	}
	if e := relErr(x, want); !(e <= 1e-9) {
		t.Errorf("Anderson after %d steps: relative error %.3g", steps, e)
	} else {
		t.Logf("Anderson after %d steps: relative error %.3g; plain iteration %.3g", steps, e, relErr(xp, want))
	}
	if e := relErr(xp, want); e < 1e-3 {
		t.Errorf("plain iteration already converged (%.3g): the test does not discriminate", e)
	}
	// depth 0 and dimension 0 degrade to the plain step.
	ar0 := linalg.NewArena(linalg.AndersonWorkSize(dim, 0))
	defer ar0.Release()
	a0 := linalg.NewAnderson(&ar0, dim, 0)
	x0 := []float64{1, 2, 3, 4, 5, 6}
	for range 3 {
		if a0.Step(x0, []float64{1, 1, 1, 1, 1, 1}) {
			t.Error("depth 0 accelerated")
		}
	}
	if x0[0] != 4 || x0[5] != 9 {
		t.Errorf("depth 0: %v", x0)
	}
	a0.Reset(0)
	if a0.Step(nil, nil) {
		t.Error("dimension 0 accelerated")
	}
}
