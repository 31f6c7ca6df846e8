package linalg_test

import (
	"fmt"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// TestStiefelReduce checks V = X·M + Q₂·B with the products recomputed by
// naive loops, M = XᵀV, Q₂ orthonormal and orthogonal to X, for tall
// (n ≥ 2p) and wide (n < 2p) frames and for V with a generic, a rank-one
// and a zero normal part K = V − XM (where Q₂ must still be orthogonal
// to X), and the n = p case (r = 0).
func TestStiefelReduce(t *testing.T) {
	rng := newRand()
	w := newWorst(t, "StiefelReduce (max of the relative residuals)")
	for _, sh := range [][2]int{{2, 1}, {3, 1}, {4, 2}, {5, 3}, {7, 3}, {10, 4}, {6, 5}, {4, 4}} {
		n, p := sh[0], sh[1]
		r := min(p, n-p)
		q := haar(rng, n, false)
		x := make([]float64, n*p)
		for i := range n {
			copy(x[i*p:(i+1)*p], q[i*n:i*n+p])
		}
		xr := mul(x, randMat(rng, p, p), n, p, p)
		rank1 := mul(randMat(rng, n, 1), randMat(rng, 1, p), n, 1, p)
		for i := range rank1 {
			rank1[i] += xr[i]
		}
		for kind, v := range map[string][]float64{"generic": randMat(rng, n, p), "K = 0": xr, "rank(K) = 1": rank1} {
			name := fmt.Sprintf("%d×%d %s", n, p, kind)
			m := make([]float64, p*p)
			q2 := make([]float64, n*r)
			b := make([]float64, r*p)
			linalg.StiefelReduce(m, q2, b, x, v, n, p)
			if e := w.see(relErr(m, mul(transpose(x, n, p), v, p, n, p))); !(e <= 1e-15) {
				t.Errorf("%s: M ≠ XᵀV (%.3g)", name, e)
			}
			if r == 0 {
				continue
			}
			if e := w.see(orthErr(q2, n, r)); !(e <= 1e-14) {
				t.Errorf("%s: ‖Q₂ᵀQ₂ − I‖ = %.3g", name, e)
			}
			if e := w.see(frob(mul(transpose(x, n, p), q2, p, n, r))); !(e <= 1e-14) {
				t.Errorf("%s: ‖XᵀQ₂‖ = %.3g", name, e)
			}
			rec := mul(x, m, n, p, p)
			qb := mul(q2, b, n, r, p)
			for i := range rec {
				rec[i] += qb[i]
			}
			if e := w.see(relErr(rec, v)); !(e <= 1e-14) {
				t.Errorf("%s: ‖XM + Q₂B − V‖/‖V‖ = %.3g", name, e)
			}
		}
	}
	mustPanic(t, "StiefelReduce wrong q2", func() {
		linalg.StiefelReduce(make([]float64, 4), make([]float64, 3), make([]float64, 4), make([]float64, 8), make([]float64, 8), 4, 2)
	})
	mustPanic(t, "StiefelReduce n < p", func() {
		linalg.StiefelReduce(make([]float64, 4), nil, nil, make([]float64, 2), make([]float64, 2), 1, 2)
	})
	if testing.CoverMode() == "" && !raceEnabled {
		const n, p = 1000, 10
		x, v := randMat(rng, n, p), randMat(rng, n, p)
		m, q2, b := make([]float64, p*p), make([]float64, n*p), make([]float64, p*p)
		linalg.StiefelReduce(m, q2, b, x, v, n, p)
		if a := testing.AllocsPerRun(10, func() { linalg.StiefelReduce(m, q2, b, x, v, n, p) }); a != 0 {
			t.Errorf("StiefelReduce allocates %v times", a)
		}
	}
}
