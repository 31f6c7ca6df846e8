package linalg_test

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// checkSchur verifies A = Z·T·Zᵀ, ZᵀZ = I and the standardised
// quasi-triangular structure of T, and returns the eigenvalues read from T.
func checkSchur(t *testing.T, name string, a []float64, n int, wRec, wOrth *worst) []complex128 {
	t.Helper()
	tt := make([]float64, n*n)
	z := make([]float64, n*n)
	if err := linalg.Schur(tt, z, a, n); err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	rec := mul(mul(z, tt, n, n, n), transpose(z, n, n), n, n, n)
	if e := wRec.see(relErr(rec, a)); e > 1e-13 {
		t.Errorf("%s: reconstruction %g", name, e)
	}
	if e := wOrth.see(orthErr(z, n, n)); e > 1e-13 {
		t.Errorf("%s: orthogonality %g", name, e)
	}
	var eig []complex128
	for i := 0; i < n; {
		for j := 0; j+1 < i; j++ {
			if tt[i*n+j] != 0 {
				t.Fatalf("%s: T[%d][%d] = %g below the subdiagonal", name, i, j, tt[i*n+j])
			}
		}
		if i+1 < n && tt[(i+1)*n+i] != 0 {
			al, be, ga, de := tt[i*n+i], tt[i*n+i+1], tt[(i+1)*n+i], tt[(i+1)*n+i+1]
			if al != de || be*ga >= 0 {
				t.Errorf("%s: block at %d not standardised: %v %v %v %v", name, i, al, be, ga, de)
			}
			if i+2 < n && tt[(i+2)*n+i+1] != 0 {
				t.Errorf("%s: consecutive subdiagonal entries at %d", name, i)
			}
			im := math.Sqrt(-be * ga)
			eig = append(eig, complex(al, im), complex(al, -im))
			i += 2
			continue
		}
		eig = append(eig, complex(tt[i*n+i], 0))
		i++
	}
	return eig
}

// matchEigenvalues pairs each eigenvalue in got with the nearest unused one
// in want and returns the largest distance.
func matchEigenvalues(got, want []complex128) float64 {
	used := make([]bool, len(want))
	var worstD float64
	for _, g := range got {
		best, bi := math.Inf(1), -1
		for j, w := range want {
			if used[j] {
				continue
			}
			d := g - w
			if dd := math.Hypot(real(d), imag(d)); dd < best {
				best, bi = dd, j
			}
		}
		used[bi] = true
		worstD = max(worstD, best)
	}
	return worstD
}

// TestSchurStress runs the Schur decomposition on structured matrices that
// are hard for the QR iteration: cyclic permutations (a fixed point of
// unshifted QR), rotations with clustered angles, identity-like, nilpotent,
// graded and badly scaled matrices.
func TestSchurStress(t *testing.T) {
	rng := newRand()
	wRec := newWorst(t, "Schur (stress) ‖ZTZᵀ − A‖/‖A‖")
	wOrth := newWorst(t, "Schur (stress) ‖ZᵀZ − I‖")
	wEig := newWorst(t, "Schur (stress) eigenvalues of normal matrices vs mat.Eigen")
	type tc struct {
		name   string
		a      []float64
		normal bool
	}
	var cases []tc
	for n := 2; n <= 12; n++ {
		cyc := make([]float64, n*n)
		for i := range n {
			cyc[((i+1)%n)*n+i] = 1
		}
		cases = append(cases, tc{fmt.Sprintf("cyclic n=%d", n), cyc, true})
		cases = append(cases, tc{fmt.Sprintf("identity n=%d", n), eye(n), true})
		cases = append(cases, tc{fmt.Sprintf("zero n=%d", n), make([]float64, n*n), true})
		jordan := eye(n)
		for i := 0; i+1 < n; i++ {
			jordan[i*n+i+1] = 1
		}
		cases = append(cases, tc{fmt.Sprintf("Jordan n=%d", n), jordan, false})
		cases = append(cases, tc{fmt.Sprintf("Haar n=%d", n), haar(rng, n, false), true})
		cases = append(cases, tc{fmt.Sprintf("skew n=%d", n), randSkew(rng, n, 3), true})
		cases = append(cases, tc{fmt.Sprintf("symmetric n=%d", n), randSym(rng, n), true})
		// Rotations with equal and nearly equal angles in a random basis.
		angles := make([]float64, n/2)
		for i := range angles {
			angles[i] = 0.9 + 1e-11*float64(i%2)
		}
		rot, _ := rotationBlocks(n, angles, haar(rng, n, false))
		cases = append(cases, tc{fmt.Sprintf("clustered rotation n=%d", n), rot, true})
		// Graded and badly scaled.
		g := randMat(rng, n, n)
		for i := range n {
			for j := range n {
				g[i*n+j] *= math.Pow(10, float64(-i-j))
			}
		}
		cases = append(cases, tc{fmt.Sprintf("graded n=%d", n), g, false})
		for _, sc := range []float64{1e-150, 1e150} {
			m := randMat(rng, n, n)
			for i := range m {
				m[i] *= sc
			}
			cases = append(cases, tc{fmt.Sprintf("scaled %g n=%d", sc, n), m, false})
		}
	}
	for _, c := range cases {
		n := int(math.Sqrt(float64(len(c.a))))
		eig := checkSchur(t, c.name, c.a, n, wRec, wOrth)
		if !c.normal {
			continue
		}
		var ge mat.Eigen
		if !ge.Factorize(dense(n, n, c.a), mat.EigenNone) {
			t.Fatalf("%s: mat.Eigen failed", c.name)
		}
		if e := wEig.see(matchEigenvalues(eig, ge.Values(nil)) / max(frob(c.a), 1)); e > 1e-13 {
			t.Errorf("%s: eigenvalues differ from mat.Eigen by %g", c.name, e)
		}
	}
}

func TestSchur(t *testing.T) {
	rng := newRand()
	wRec := newWorst(t, "Schur ‖ZTZᵀ − A‖/‖A‖")
	wOrth := newWorst(t, "Schur ‖ZᵀZ − I‖")
	wEig := newWorst(t, "Schur eigenvalues vs mat.Eigen (relative to ‖A‖)")
	for _, n := range append(squareSizes, 80) {
		a := randMat(rng, n, n)
		eig := checkSchur(t, fmt.Sprintf("n=%d", n), a, n, wRec, wOrth)
		var ge mat.Eigen
		if !ge.Factorize(dense(n, n, a), mat.EigenNone) {
			t.Fatal("mat.Eigen failed")
		}
		ref := ge.Values(nil)
		byValue := func(x, y complex128) int {
			if c := cmp.Compare(real(x), real(y)); c != 0 {
				return c
			}
			return cmp.Compare(imag(x), imag(y))
		}
		slices.SortFunc(eig, byValue)
		slices.SortFunc(ref, byValue)
		for i := range n {
			d := eig[i] - ref[i]
			if e := wEig.see(math.Hypot(real(d), imag(d)) / frob(a)); e > 1e-13 {
				t.Errorf("n=%d: eigenvalue %v vs mat.Eigen %v", n, eig[i], ref[i])
			}
		}
	}
	mustPanic(t, "Schur z aliases t", func() {
		s := make([]float64, 4)
		_ = linalg.Schur(s, s, make([]float64, 4), 2)
	})
}

// TestSchurHugeEntries checks a finite skew matrix with entries near 1e300
// (a case on which the unscaled QR iteration overflowed): the Schur form must
// reproduce A = Z·T·Zᵀ to working precision relative to ‖A‖, and ExpSkew of
// it must be orthogonal.
func TestSchurHugeEntries(t *testing.T) {
	a := []float64{
		0, 2.292113877263732e299, -3.852485083320298e299, 0,
		-2.292113877263732e299, 0, 1.2238477559367051e300, -1.4877428137728995e284,
		3.852485083320298e299, -1.2238477559367051e300, 0, 0,
		0, 1.4877428137728995e284, 0, 0,
	}
	const n = 4
	tt := make([]float64, n*n)
	z := make([]float64, n*n)
	if err := linalg.Schur(tt, z, a, n); err != nil {
		t.Fatal(err)
	}
	// Reconstruct Z·T·Zᵀ in scaled form (entries/1e300) to avoid overflow.
	var worst float64
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			var s float64
			for k := 0; k < n; k++ {
				for l := 0; l < n; l++ {
					s += z[i*n+k] * (tt[k*n+l] / 1e300) * z[j*n+l]
				}
			}
			worst = math.Max(worst, math.Abs(s-a[i*n+j]/1e300))
		}
	}
	if worst > 1e-14 {
		t.Errorf("‖ZTZᵀ − A‖/1e300 = %.3g", worst)
	}
	e := make([]float64, n*n)
	linalg.ExpSkew(e, a, n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			var s float64
			for k := 0; k < n; k++ {
				s += e[k*n+i] * e[k*n+j]
			}
			if i == j {
				s--
			}
			if math.IsNaN(s) || math.Abs(s) > 1e-14 {
				t.Fatalf("ExpSkew of a huge skew matrix is not orthogonal: (EᵀE − I)[%d][%d] = %g", i, j, s)
			}
		}
	}
}
