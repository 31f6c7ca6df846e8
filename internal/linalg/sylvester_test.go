package linalg_test

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// kronSolve solves A·X + X·B = C by the dense Kronecker system
// (I_m ⊗ A + Bᵀ ⊗ I_n)·vec(X) = vec(C) with column-major vec, through
// gonum's mat.Dense.Solve (Golub & Van Loan, 4th ed., §12.3): an independent
// route for small sizes.
func kronSolve(a, b, c []float64, n, m int) []float64 {
	nm := n * m
	k := mat.NewDense(nm, nm, nil)
	// Row (i, j) ↦ i + j·n of the equation Σ_l A[i][l]·X[l][j] + Σ_l X[i][l]·B[l][j].
	for i := range n {
		for j := range m {
			r := i + j*n
			for l := range n {
				k.Set(r, l+j*n, k.At(r, l+j*n)+a[i*n+l])
			}
			for l := range m {
				k.Set(r, i+l*n, k.At(r, i+l*n)+b[l*m+j])
			}
		}
	}
	rhs := mat.NewVecDense(nm, nil)
	for i := range n {
		for j := range m {
			rhs.SetVec(i+j*n, c[i*m+j])
		}
	}
	var x mat.VecDense
	if err := x.SolveVec(k, rhs); err != nil {
		panic(err)
	}
	out := make([]float64, nm)
	for i := range n {
		for j := range m {
			out[i*m+j] = x.AtVec(i + j*n)
		}
	}
	return out
}

// residual returns ‖A·X + X·B − C‖_F / (‖A‖‖X‖ + ‖X‖‖B‖ + ‖C‖).
func residual(a, b, c, x []float64, n, m int) float64 {
	r := sub(addm(mul(a, x, n, n, m), mul(x, b, n, m, m)), c)
	return frob(r) / (frob(a)*frob(x) + frob(x)*frob(b) + frob(c))
}

func TestSylvesterSym(t *testing.T) {
	rng := newRand()
	wRes := newWorst(t, "SylvesterSym normwise residual")
	wKron := newWorst(t, "SylvesterSym vs Kronecker solve (relative)")
	for _, d := range [][2]int{{1, 1}, {3, 2}, {4, 4}, {10, 5}, {6, 12}} {
		n, m := d[0], d[1]
		a := randSPD(rng, n, 0.5, 4)
		b := randSym(rng, m) // indefinite B, but λ(A) + μ(B) kept away from 0
		for i := range m {
			b[i*m+i] += 6
		}
		c := randMat(rng, n, m)
		x := make([]float64, n*m)
		if err := linalg.SylvesterSym(x, a, b, c, n, m); err != nil {
			t.Fatal(err)
		}
		if e := wRes.see(residual(a, b, c, x, n, m)); e > 1e-15 {
			t.Errorf("%v: residual %g", d, e)
		}
		if e := wKron.see(relErr(x, kronSolve(a, b, c, n, m))); e > 1e-13 {
			t.Errorf("%v: vs Kronecker %g", d, e)
		}
		// Aliasing x = c (n×m).
		y := append([]float64(nil), c...)
		if err := linalg.SylvesterSym(y, a, b, y, n, m); err != nil {
			t.Fatal(err)
		}
		for i := range y {
			if math.Float64bits(y[i]) != math.Float64bits(x[i]) {
				t.Fatalf("%v: aliased SylvesterSym differs", d)
			}
		}
	}
	// Singular: λ = 1 of A and μ = −1 of B. The minimum-norm solution drops
	// that component: A = diag(1, 2), B = [−1], C = (3, 6)ᵀ gives
	// X = (0, 6/(2 − 1))ᵀ = (0, 6)ᵀ (derived by hand).
	x := make([]float64, 2)
	err := linalg.SylvesterSym(x, []float64{1, 0, 0, 2}, []float64{-1}, []float64{3, 6}, 2, 1)
	if !errors.Is(err, linalg.ErrSingular) {
		t.Errorf("singular: err = %v", err)
	}
	if math.Abs(x[0]) > 1e-15 || math.Abs(x[1]-6) > 1e-14 {
		t.Errorf("singular: x = %v, want (0, 6)", x)
	}
}

func TestLyapunov(t *testing.T) {
	rng := newRand()
	wRes := newWorst(t, "Lyapunov normwise residual")
	wKron := newWorst(t, "Lyapunov vs Kronecker solve (relative)")
	for _, n := range []int{1, 2, 3, 4, 10} {
		a := randSPD(rng, n, 0.1, 10)
		c := randSym(rng, n)
		x := make([]float64, n*n)
		if err := linalg.Lyapunov(x, a, c, n); err != nil {
			t.Fatal(err)
		}
		if !isExactlySymmetric(x, n) {
			t.Errorf("n=%d: not exactly symmetric", n)
		}
		if e := wRes.see(residual(a, a, c, x, n, n)); e > 1e-15 {
			t.Errorf("n=%d: residual %g", n, e)
		}
		if e := wKron.see(relErr(x, kronSolve(a, a, c, n, n))); e > 1e-13 {
			t.Errorf("n=%d: vs Kronecker %g", n, e)
		}
		y := append([]float64(nil), c...)
		if err := linalg.Lyapunov(y, a, y, n); err != nil {
			t.Fatal(err)
		}
		for i := range y {
			if math.Float64bits(y[i]) != math.Float64bits(x[i]) {
				t.Fatalf("n=%d: aliased Lyapunov differs", n)
			}
		}
	}
	// Hand-derived: A = diag(1, 3), C = [[2, 4], [4, 6]] gives
	// X_ij = C_ij/(a_i + a_j) = [[1, 1], [1, 1]].
	x := make([]float64, 4)
	if err := linalg.Lyapunov(x, []float64{1, 0, 0, 3}, []float64{2, 4, 4, 6}, 2); err != nil {
		t.Fatal(err)
	}
	if e := frob(sub(x, []float64{1, 1, 1, 1})); e > 1e-15 {
		t.Errorf("diagonal Lyapunov: %v", x)
	}
	if err := linalg.Lyapunov(x, []float64{1, 0, 0, 0}, []float64{2, 4, 4, 6}, 2); !errors.Is(err, linalg.ErrSingular) {
		t.Errorf("singular A: err = %v", err)
	}
}

func TestSylvester(t *testing.T) {
	rng := newRand()
	wRes := newWorst(t, "Sylvester (Bartels–Stewart) normwise residual")
	wKron := newWorst(t, "Sylvester vs Kronecker solve (relative)")
	for _, d := range [][2]int{{1, 1}, {1, 3}, {3, 1}, {2, 2}, {3, 2}, {4, 4}, {10, 5}, {7, 13}} {
		n, m := d[0], d[1]
		// General nonsymmetric A and B (complex eigenvalues give 2×2 Schur
		// blocks), shifted so that λ(A) + μ(B) stays away from zero.
		a := randMat(rng, n, n)
		b := randMat(rng, m, m)
		for i := range n {
			a[i*n+i] += 2 * math.Sqrt(float64(n))
		}
		for i := range m {
			b[i*m+i] += 2 * math.Sqrt(float64(m))
		}
		c := randMat(rng, n, m)
		x := make([]float64, n*m)
		if err := linalg.Sylvester(x, a, b, c, n, m); err != nil {
			t.Fatal(err)
		}
		if e := wRes.see(residual(a, b, c, x, n, m)); e > 1e-15 {
			t.Errorf("%v: residual %g", d, e)
		}
		if e := wKron.see(relErr(x, kronSolve(a, b, c, n, m))); e > 1e-12 {
			t.Errorf("%v: vs Kronecker %g", d, e)
		}
		y := append([]float64(nil), c...)
		if err := linalg.Sylvester(y, a, b, y, n, m); err != nil {
			t.Fatal(err)
		}
		for i := range y {
			if math.Float64bits(y[i]) != math.Float64bits(x[i]) {
				t.Fatalf("%v: aliased Sylvester differs", d)
			}
		}
	}
	// Rotation generators: A = θJ has eigenvalues ±iθ, B = −A shares them
	// with −A, so A·X + X·B = C is singular.
	j := []float64{0, -1, 1, 0}
	mj := []float64{0, 1, -1, 0}
	x := make([]float64, 4)
	if err := linalg.Sylvester(x, j, mj, []float64{1, 0, 0, 1}, 2, 2); !errors.Is(err, linalg.ErrSingular) {
		t.Errorf("singular: err = %v", err)
	}
	// A = B = J is singular too: λ + μ = i + (−i) = 0.
	if err := linalg.Sylvester(x, j, j, []float64{1, 2, 3, 4}, 2, 2); !errors.Is(err, linalg.ErrSingular) {
		t.Errorf("J, J: err = %v", err)
	}
	// Nearly singular but solvable: J + δI against −J has λ + μ = δ; the
	// solution of (J+δI)·X − X·J = C for C = I is X = I/δ (I commutes with J).
	const delta = 1e-6
	if err := linalg.Sylvester(x, []float64{delta, -1, 1, delta}, mj, []float64{1, 0, 0, 1}, 2, 2); err != nil {
		t.Fatalf("nearly singular: %v", err)
	}
	if e := relErr(x, []float64{1 / delta, 0, 0, 1 / delta}); e > 1e-9 {
		t.Errorf("nearly singular: x = %v (rel err %g)", x, e)
	}
}
