package linalg_test

import (
	"fmt"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// TestOrthComplete checks that [Y W] is orthogonal (residual recomputed by
// naive loops) for Haar frames Y and for frames whose span contains the
// coordinate vectors [0; I] that the QR completes with (so that [Y E] is
// rank deficient), and that r = 0 is a no-op.
func TestOrthComplete(t *testing.T) {
	rng := newRand()
	w := newWorst(t, "OrthComplete ‖[Y W]ᵀ[Y W] − I‖")
	for _, sh := range [][2]int{{2, 1}, {4, 2}, {5, 3}, {6, 3}, {8, 4}, {9, 1}, {3, 3}} {
		k, p := sh[0], sh[1]
		r := k - p
		q := haar(rng, k, false)
		haarY := make([]float64, k*p)
		for i := range k {
			copy(haarY[i*p:(i+1)*p], q[i*k:i*k+p])
		}
		tail := make([]float64, k*p) // Y = the last p coordinate vectors
		for j := range p {
			tail[(k-p+j)*p+j] = 1
		}
		for kind, y := range map[string][]float64{"Haar": haarY, "span ⊇ E": tail} {
			wm := make([]float64, k*r)
			linalg.OrthComplete(wm, y, k, p)
			full := make([]float64, k*k)
			for i := range k {
				copy(full[i*k:i*k+p], y[i*p:(i+1)*p])
				copy(full[i*k+p:(i+1)*k], wm[i*r:(i+1)*r])
			}
			if e := w.see(orthErr(full, k, k)); !(e <= 4e-15*float64(k)) {
				t.Errorf("%s: ‖[Y W]ᵀ[Y W] − I‖ = %.3g", fmt.Sprintf("%d×%d %s", k, p, kind), e)
			}
		}
	}
	mustPanic(t, "OrthComplete wrong w", func() { linalg.OrthComplete(make([]float64, 3), make([]float64, 8), 4, 2) })
	mustPanic(t, "OrthComplete k < p", func() { linalg.OrthComplete(nil, make([]float64, 2), 1, 2) })
	if testing.CoverMode() == "" && !raceEnabled {
		q := haar(rng, 8, false)
		y := make([]float64, 8*4)
		for i := range 8 {
			copy(y[i*4:(i+1)*4], q[i*8:i*8+4])
		}
		wm := make([]float64, 8*4)
		if a := testing.AllocsPerRun(20, func() { linalg.OrthComplete(wm, y, 8, 4) }); a != 0 {
			t.Errorf("OrthComplete allocates %v times", a)
		}
	}
}
