package linalg_test

import (
	"fmt"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// TestStiefelExpReduced compares StiefelExpReduced with the same formula
// evaluated by gonum's mat.Exp (Padé scaling and squaring, an independent
// route from the spectral ExpSkew), for several β including the canonical
// ½ whose second factor is skipped, checks that C has orthonormal columns,
// and that r = 0 gives expm(A) up to rounding.
func TestStiefelExpReduced(t *testing.T) {
	rng := newRand()
	w := newWorst(t, "StiefelExpReduced vs mat.Exp (relative)")
	for _, sh := range [][2]int{{1, 1}, {2, 1}, {2, 2}, {3, 1}, {3, 3}, {4, 2}, {2, 0}, {3, 0}} {
		p, r := sh[0], sh[1]
		k := p + r
		for _, beta := range []float64{0.5, 1, 0.25, 2} {
			name := fmt.Sprintf("p=%d r=%d β=%g", p, r, beta)
			a := make([]float64, p*p) // randSkew is NaN for p = 1
			if p > 1 {
				a = randSkew(rng, p, 1.5)
			}
			b := randMat(rng, r, p)
			c := make([]float64, k*p)
			linalg.StiefelExpReduced(c, a, b, beta, p, r)

			om := mat.NewDense(k, k, nil)
			for i := range p {
				for j := range p {
					om.Set(i, j, 2*beta*a[i*p+j])
				}
			}
			for i := range r {
				for j := range p {
					om.Set(p+i, j, b[i*p+j])
					om.Set(j, p+i, -b[i*p+j])
				}
			}
			var e, e2 mat.Dense
			e.Exp(om)
			sa := mat.NewDense(p, p, nil)
			for i := range p {
				for j := range p {
					sa.Set(i, j, (1-2*beta)*a[i*p+j])
				}
			}
			e2.Exp(sa)
			var want mat.Dense
			want.Mul(e.Slice(0, k, 0, p), &e2)
			if err := w.see(relErr(c, flat(&want))); !(err <= 1e-13) {
				t.Errorf("%s: relative error %.3g", name, err)
			}
			if err := orthErr(c, k, p); !(err <= 1e-14) {
				t.Errorf("%s: ‖CᵀC − I‖ = %.3g", name, err)
			}
			if r == 0 {
				ea := make([]float64, p*p)
				linalg.ExpSkew(ea, a, p)
				if err := relErr(c, ea); !(err <= 1e-14) {
					t.Errorf("%s: C ≠ expm(A) (%.3g)", name, err)
				}
			}
		}
	}
	mustPanic(t, "StiefelExpReduced wrong c", func() {
		linalg.StiefelExpReduced(make([]float64, 3), make([]float64, 4), make([]float64, 4), 1, 2, 2)
	})
	mustPanic(t, "StiefelExpReduced r < 0", func() { linalg.StiefelExpReduced(nil, make([]float64, 4), nil, 1, 2, -1) })
	if testing.CoverMode() == "" && !raceEnabled {
		const p, r = 5, 5
		a, b, c := randSkew(rng, p, 1), randMat(rng, r, p), make([]float64, (p+r)*p)
		linalg.StiefelExpReduced(c, a, b, 0.75, p, r)
		if n := testing.AllocsPerRun(20, func() { linalg.StiefelExpReduced(c, a, b, 0.75, p, r) }); n != 0 {
			t.Errorf("StiefelExpReduced allocates %v times", n)
		}
	}
}
