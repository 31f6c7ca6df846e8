package linalg_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

// lonOrth returns a Haar-ish orthogonal p×p matrix (QR of a Gaussian).
func lonOrth(rng *rand.Rand, p int) []float64 {
	g := make([]float64, p*p)
	for i := range g {
		g[i] = rng.NormFloat64()
	}
	q := make([]float64, p*p)
	linalg.QR(q, nil, g, p, p)
	return q
}

// lonSkew returns Z·diag(θⱼ·J)·Zᵀ, J = [[0, −1], [1, 0]], for the given
// angles in consecutive planes of the columns of the orthogonal Z.
func lonSkew(z []float64, p int, th []float64) []float64 {
	l := make([]float64, p*p)
	for b, t := range th {
		i, j := 2*b, 2*b+1
		for r := range p {
			for c := range p {
				l[r*p+c] += t * (z[r*p+j]*z[c*p+i] - z[r*p+i]*z[c*p+j])
			}
		}
	}
	return l
}

func lonDiff(a, b []float64) float64 {
	var s float64
	for i := range a {
		s += (a[i] - b[i]) * (a[i] - b[i])
	}
	return math.Sqrt(s)
}

// TestLogOrthNearBranch builds L with rotation angles beyond π by hand,
// Q = exp(L) by the Padé Expm (an independent route), and checks that
// LogOrthNear recovers L from a perturbed reference, that exp of the result
// is Q, and that with ref = nil it agrees with LogOrth.
func TestLogOrthNearBranch(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	for _, p := range []int{2, 3, 4, 5, 8} {
		for trial := 0; trial < 10; trial++ {
			z := lonOrth(rng, p)
			var th []float64
			for b := 0; b < p/2; b++ {
				th = append(th, (rng.Float64()*2-1)*1.8*math.Pi)
			}
			l := lonSkew(z, p, th)
			q := make([]float64, p*p)
			linalg.Expm(q, l, p)
			ref := make([]float64, p*p)
			for i := range ref {
				ref[i] = l[i] + 0.05*rng.NormFloat64()
			}
			got := make([]float64, p*p)
			if err := linalg.LogOrthNear(got, q, ref, p); err != nil {
				t.Fatalf("p=%d: %v", p, err)
			}
			if e := lonDiff(got, l); e > 1e-12*math.Max(1, lonDiff(l, make([]float64, p*p))) {
				t.Errorf("p=%d angles %v: ‖L − L_true‖ = %.3g", p, th, e)
			}
			e := make([]float64, p*p)
			linalg.Expm(e, got, p)
			if d := lonDiff(e, q); d > 1e-13*float64(p) {
				t.Errorf("p=%d: ‖exp(L) − Q‖ = %.3g", p, d)
			}
			// Principal branch: angles reduced to (−π, π).
			for b := range th {
				th[b] = math.Remainder(th[b], 2*math.Pi)
			}
			lp := lonSkew(z, p, th)
			if err := linalg.LogOrthNear(got, q, nil, p); err != nil {
				t.Fatal(err)
			}
			if d := lonDiff(got, lp); d > 1e-12 {
				t.Errorf("p=%d: principal branch off by %.3g", p, d)
			}
			want := make([]float64, p*p)
			if err := linalg.LogOrth(want, q, p); err == nil {
				if d := lonDiff(got, want); d > 1e-12 {
					t.Errorf("p=%d: differs from LogOrth by %.3g", p, d)
				}
			}
		}
	}
}

// TestLogOrthNearSpecial checks det −1, eigenvalue −1 pairs, aliasing, NaN
// and p = 1.
func TestLogOrthNearSpecial(t *testing.T) {
	// det −1: diag(1, −1) has no real logarithm.
	d := make([]float64, 4)
	if err := linalg.LogOrthNear(d, []float64{1, 0, 0, -1}, nil, 2); !errors.Is(err, manifold.ErrCutLocus) {
		t.Errorf("det −1: err = %v", err)
	}
	if err := linalg.LogOrthNear(d[:1], []float64{-1}, nil, 1); !errors.Is(err, manifold.ErrCutLocus) {
		t.Errorf("p = 1, Q = −1: err = %v", err)
	}
	// −I₂ (rotation by π): principal gives +π, ref with negative rate −π,
	// ref with rate 3π gives 3π.
	q := []float64{-1, 0, 0, -1}
	for _, c := range []struct {
		ref  []float64
		want float64
	}{{nil, math.Pi}, {[]float64{0, 0.5, -0.5, 0}, -math.Pi}, {[]float64{0, -3 * math.Pi, 3 * math.Pi, 0}, 3 * math.Pi}} {
		if err := linalg.LogOrthNear(d, q, c.ref, 2); err != nil {
			t.Fatal(err)
		}
		if math.Abs(d[2]-c.want) > 1e-15 || d[1] != -d[2] || d[0] != 0 || d[3] != 0 {
			t.Errorf("−I₂ with ref %v: L = %v, want angle %g", c.ref, d, c.want)
		}
	}
	// diag(−1, −1, 1) in a rotated basis.
	rng := rand.New(rand.NewPCG(23, 24))
	z := lonOrth(rng, 3)
	l := lonSkew(z, 3, []float64{math.Pi})
	e := make([]float64, 9)
	linalg.Expm(e, l, 3)
	got := make([]float64, 9)
	if err := linalg.LogOrthNear(got, e, l, 3); err != nil {
		t.Fatal(err)
	}
	if dd := lonDiff(got, l); dd > 1e-7 { // the plane of −1 is determined to √ε
		t.Errorf("rotation by π: ‖L − L_true‖ = %.3g", dd)
	}
	// dst aliasing q and ref.
	lb := lonSkew(z, 3, []float64{4})
	qb := make([]float64, 9)
	linalg.Expm(qb, lb, 3)
	want := make([]float64, 9)
	if err := linalg.LogOrthNear(want, qb, lb, 3); err != nil {
		t.Fatal(err)
	}
	a := append([]float64(nil), qb...)
	if err := linalg.LogOrthNear(a, a, lb, 3); err != nil || lonDiff(a, want) != 0 {
		t.Errorf("dst = q: %v %v", err, a)
	}
	r := append([]float64(nil), lb...)
	if err := linalg.LogOrthNear(r, qb, r, 3); err != nil || lonDiff(r, want) != 0 {
		t.Errorf("dst = ref: %v %v", err, r)
	}
	// NaN.
	qb[4] = math.NaN()
	if err := linalg.LogOrthNear(got, qb, nil, 3); err != nil || !math.IsNaN(got[0]) {
		t.Errorf("NaN: %v %v", err, got)
	}
}

func TestLogOrthNearAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("sync.Pool drops items under the race detector")
	}
	rng := rand.New(rand.NewPCG(25, 26))
	for _, p := range []int{2, 5, 10, 20} {
		z := lonOrth(rng, p)
		var th []float64
		for b := 0; b < p/2; b++ {
			th = append(th, 1+0.1*float64(b))
		}
		l := lonSkew(z, p, th)
		q := make([]float64, p*p)
		linalg.Expm(q, l, p)
		dst := make([]float64, p*p)
		_ = linalg.LogOrthNear(dst, q, l, p)
		if a := testing.AllocsPerRun(20, func() { _ = linalg.LogOrthNear(dst, q, l, p) }); a != 0 {
			t.Errorf("p=%d: %v allocations", p, a)
		}
	}
}
