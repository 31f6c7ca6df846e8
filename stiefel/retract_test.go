package stiefel_test

import (
	"errors"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/internal/testutil"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/stiefel"
)

// TestCayleyDirect compares the O(np²) Sherman–Morrison–Woodbury form of
// RetractCayley with the n×n definition (I − W/2)⁻¹(I + W/2)X,
// W = PΔXᵀ − XΔᵀP, solved densely with gonum.
func TestCayleyDirect(t *testing.T) {
	rng := newRand(31)
	var worst float64
	for _, sh := range [][2]int{{3, 1}, {3, 2}, {4, 4}, {6, 3}, {15, 4}} {
		n, p := sh[0], sh[1]
		m := stiefel.New(n, p, stiefel.WithRetraction(stiefel.Cayley))
		for trial := 0; trial < 4; trial++ {
			x := make([]float64, n*p)
			m.RandomPoint(x, rng)
			v := tangentOf(m, x, trial, 0.1+4*rng.Float64(), rng)
			xm, vm := mat.NewDense(n, p, x), mat.NewDense(n, p, v)
			pm := mat.NewDense(n, n, nil)
			var xxt, pd, w1, w2 mat.Dense
			xxt.Mul(xm, xm.T())
			for i := range n {
				pm.Set(i, i, 1)
			}
			xxt.Scale(0.5, &xxt)
			pm.Sub(pm, &xxt)
			pd.Mul(pm, vm)
			w1.Mul(&pd, xm.T())
			w2.Mul(xm, pd.T())
			w1.Sub(&w1, &w2) // W
			var lhs, rhs, b, want mat.Dense
			id := mat.NewDiagDense(n, nil)
			for i := range n {
				id.SetDiag(i, 1)
			}
			lhs.Scale(-0.5, &w1)
			lhs.Add(&lhs, id)
			rhs.Scale(0.5, &w1)
			rhs.Add(&rhs, id)
			b.Mul(&rhs, xm)
			if err := want.Solve(&lhs, &b); err != nil {
				t.Fatal(err)
			}
			got := make([]float64, n*p)
			m.Retract(got, x, v)
			d := testutil.DiffNorm(got, want.RawMatrix().Data)
			worst = math.Max(worst, d)
			if d > 1e-12 {
				t.Errorf("%dx%d: ‖SMW − direct‖ = %.3g", n, p, d)
			}
			if e := orthErr(got, n, p); e > 1e-13 {
				t.Errorf("%dx%d: Cayley result off the manifold by %.3g", n, p, e)
			}
		}
	}
	t.Logf("worst ‖Cayley SMW − direct n×n solve‖_F = %.2g", worst)
}

// TestPolarRetractionBySVD compares RetractPolar with the formula
// (X + Δ)(I + ΔᵀΔ)^{-1/2} evaluated with a symmetric eigendecomposition.
func TestPolarRetractionBySVD(t *testing.T) {
	rng := newRand(32)
	n, p := 9, 4
	m := stiefel.New(n, p)
	x := make([]float64, n*p)
	m.RandomPoint(x, rng)
	v := tangentOf(m, x, dirRandom, 2, rng)
	s := make([]float64, p*p)
	linalg.MulAtB(s, v, v, p, n, p)
	for i := range p {
		s[i*p+i]++
	}
	if err := linalg.SymInvSqrt(s, s, p); err != nil {
		t.Fatal(err)
	}
	z := make([]float64, n*p)
	for i := range z {
		z[i] = x[i] + v[i]
	}
	want := make([]float64, n*p)
	linalg.Mul(want, z, s, n, p, p)
	got := make([]float64, n*p)
	m.RetractPolar(got, x, v)
	if d := testutil.DiffNorm(got, want); d > 1e-14 {
		t.Errorf("‖polar − (X+Δ)(I+ΔᵀΔ)^{-1/2}‖ = %.3g", d)
	}
}

// TestInverseRetractionsByHand: on St(2, 1) = S¹ with X = (1, 0) and
// Y = (cos a, sin a), both retractions are (X + Δ)/‖X + Δ‖, so both inverses
// are (0, tan a); and Y with ⟨X, Y⟩ ≤ 0 is outside both images.
func TestInverseRetractionsByHand(t *testing.T) {
	m := stiefel.New(2, 1)
	x := []float64{1, 0}
	d := make([]float64, 2)
	for _, a := range []float64{1e-9, 0.3, 1.2, math.Pi/2 - 1e-6} {
		y := []float64{math.Cos(a), math.Sin(a)}
		for name, f := range map[string]func(dst, x, y []float64) error{"QR": m.InverseRetractQR, "polar": m.InverseRetractPolar} {
			if err := f(d, x, y); err != nil {
				t.Fatalf("%s a=%g: %v", name, a, err)
			}
			if e := math.Abs(d[1]-math.Tan(a)) / math.Tan(a); e > 1e-13/math.Cos(a) || math.Abs(d[0]) > 1e-15 {
				t.Errorf("%s a=%g: %v, want (0, %g)", name, a, d, math.Tan(a))
			}
		}
	}
	y := []float64{math.Cos(2), math.Sin(2)}
	if err := m.InverseRetractQR(d, x, y); !errors.Is(err, manifold.ErrCutLocus) {
		t.Errorf("QR beyond the image: %v", err)
	}
	if err := m.InverseRetractPolar(d, x, y); !errors.Is(err, manifold.ErrCutLocus) {
		t.Errorf("polar beyond the image: %v", err)
	}
	// St(4, 2): a Y whose XᵀY has a negative leading minor.
	m4 := stiefel.New(4, 2)
	x4 := []float64{1, 0, 0, 1, 0, 0, 0, 0}
	y4 := []float64{-1, 0, 0, 1, 0, 0, 0, 0}
	d4 := make([]float64, 8)
	if err := m4.InverseRetractQR(d4, x4, y4); !errors.Is(err, manifold.ErrCutLocus) {
		t.Errorf("QR with a negative minor: %v", err)
	}
	if err := m4.InverseRetractPolar(d4, x4, y4); !errors.Is(err, manifold.ErrCutLocus) {
		t.Errorf("polar with XᵀY = diag(−1, 1): %v", err)
	}
}

// TestTransportsByDifferences compares the differentiated-retraction
// transports with central differences of the retraction:
// T(v) ≈ (R_X(η + hv) − R_X(η − hv))/(2h), η the inverse retraction of Y.
func TestTransportsByDifferences(t *testing.T) {
	rng := newRand(33)
	for _, c := range []struct {
		name  string
		retr  stiefel.Retraction
		trans stiefel.Transport
	}{{"QR", stiefel.QR, stiefel.DifferentiatedQR}, {"polar", stiefel.Polar, stiefel.DifferentiatedPolar}} {
		var worst float64
		for _, sh := range [][2]int{{3, 1}, {3, 2}, {4, 4}, {7, 3}, {30, 5}} {
			n, p := sh[0], sh[1]
			m := stiefel.New(n, p, stiefel.WithRetraction(c.retr), stiefel.WithTransport(c.trans))
			for trial := 0; trial < 4; trial++ {
				x := make([]float64, n*p)
				m.RandomPoint(x, rng)
				eta := tangentOf(m, x, trial, 0.2+rng.Float64(), rng)
				v := tangentOf(m, x, (trial+1)%4, 1, rng)
				y := make([]float64, n*p)
				m.Retract(y, x, eta)
				got := make([]float64, n*p)
				m.Transport(got, x, y, v)
				fd := func(h float64) []float64 {
					a, b := make([]float64, n*p), make([]float64, n*p)
					ep, em := make([]float64, n*p), make([]float64, n*p)
					for i := range eta {
						ep[i] = eta[i] + h*v[i]
						em[i] = eta[i] - h*v[i]
					}
					m.Retract(a, x, ep)
					m.Retract(b, x, em)
					for i := range a {
						a[i] = (a[i] - b[i]) / (2 * h)
					}
					return a
				}
				f1, f2 := fd(1e-3), fd(5e-4)
				want := make([]float64, n*p)
				for i := range want {
					want[i] = (4*f2[i] - f1[i]) / 3
				}
				e := testutil.DiffNorm(got, want)
				worst = math.Max(worst, e)
				if e > 1e-8 {
					t.Errorf("%s %dx%d: ‖T(v) − finite difference‖ = %.3g", c.name, n, p, e)
				}
				if err := m.CheckTangent(y, got); err != nil {
					t.Errorf("%s %dx%d: %v", c.name, n, p, err)
				}
			}
		}
		t.Logf("differentiated %s transport: worst ‖T(v) − finite difference‖_F = %.2g", c.name, worst)
	}
}
