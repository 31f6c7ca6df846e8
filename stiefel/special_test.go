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

func allConfigs(n, p int) []*stiefel.Stiefel {
	var ms []*stiefel.Stiefel
	for _, met := range []stiefel.Metric{stiefel.Euclidean, stiefel.Canonical, stiefel.Family(0.3)} {
		for _, r := range []stiefel.Retraction{stiefel.QR, stiefel.Polar, stiefel.Cayley, stiefel.Exponential} {
			ms = append(ms, stiefel.New(n, p, stiefel.WithMetric(met), stiefel.WithRetraction(r)))
		}
	}
	return ms
}

// TestExactZeros: Exp(X, 0), every retraction of 0, Log(X, X), Dist(X, X)
// and the inverse retractions of X are exact.
func TestExactZeros(t *testing.T) {
	rng := newRand(41)
	for _, sh := range [][2]int{{3, 1}, {3, 2}, {4, 4}, {20, 5}} {
		n, p := sh[0], sh[1]
		for _, m := range allConfigs(n, p) {
			x := make([]float64, n*p)
			m.RandomPoint(x, rng)
			zero := make([]float64, n*p)
			dst := make([]float64, n*p)
			for name, f := range map[string]func(dst, x, v []float64){
				"Exp": m.Exp, "Retract": m.Retract, "RetractQR": m.RetractQR, "RetractPolar": m.RetractPolar,
				"RetractCayley": m.RetractCayley, "RetractExp": m.RetractExp,
			} {
				fill(dst, math.NaN())
				f(dst, x, zero)
				if !linalg.SameBits(dst, x) {
					t.Errorf("%v %s(X, 0) ≠ X bitwise", m, name)
				}
			}
			fill(dst, 1)
			if err := m.Log(dst, x, append([]float64(nil), x...)); err != nil || !linalg.SameBits(dst, zero) {
				t.Errorf("%v Log(X, X) = %v, %v", m, dst, err)
			}
			if d := m.Dist(x, append([]float64(nil), x...)); d != 0 {
				t.Errorf("%v Dist(X, X) = %v", m, d)
			}
			for name, f := range map[string]func(dst, x, y []float64) error{"InverseRetractQR": m.InverseRetractQR, "InverseRetractPolar": m.InverseRetractPolar} {
				fill(dst, 1)
				if err := f(dst, x, append([]float64(nil), x...)); err != nil || !linalg.SameBits(dst, zero) {
					t.Errorf("%v %s(X, X) = %v, %v", m, name, dst, err)
				}
			}
		}
	}
}

func fill(x []float64, v float64) {
	for i := range x {
		x[i] = v
	}
}

// TestSquareCase checks St(n, n) = O(n): Dist is √β‖log XᵀY‖_F, symmetric
// within a component, +Inf across components (Log then errs with
// ErrCutLocus), and a rotation by exactly π is a cut point (Log errs, Dist
// is √(2β)π).
func TestSquareCase(t *testing.T) {
	rng := newRand(42)
	for _, beta := range []float64{0.5, 1, 2} {
		n := 4
		m := stiefel.New(n, n, stiefel.WithMetric(stiefel.Family(beta)))
		if r := m.InjectivityRadius(make([]float64, n*n)); math.Abs(r-math.Sqrt(2*beta)*math.Pi) > 1e-15 {
			t.Errorf("β=%g: injectivity radius %v", beta, r)
		}
		for trial := 0; trial < 20; trial++ {
			x := make([]float64, n*n)
			y := make([]float64, n*n)
			m.RandomPoint(x, rng)
			m.RandomPoint(y, rng)
			mm := make([]float64, n*n)
			linalg.MulAtB(mm, x, y, n, n, n)
			d, dr := m.Dist(x, y), m.Dist(y, x)
			w := make([]float64, n*n)
			err := m.Log(w, x, y)
			if mat.Det(mat.NewDense(n, n, append([]float64(nil), mm...))) < 0 { // gonum's LU, independent of linalg.DetSign
				if !math.IsInf(d, 1) || !math.IsInf(dr, 1) || !errors.Is(err, manifold.ErrCutLocus) {
					t.Errorf("β=%g other component: Dist %v %v, Log %v", beta, d, dr, err)
				}
				continue
			}
			if err != nil {
				t.Fatalf("β=%g: %v", beta, err)
			}
			l := make([]float64, n*n)
			if err := linalg.LogOrth(l, mm, n); err != nil {
				t.Fatal(err)
			}
			want := math.Sqrt(beta) * testutil.Frob(l)
			if math.Abs(d-want) > 1e-13*want || math.Abs(d-dr) > 1e-13*want || math.Abs(m.Norm(x, w)-want) > 1e-13*want {
				t.Errorf("β=%g: Dist %v, reversed %v, ‖Log‖ %v, want %v", beta, d, dr, m.Norm(x, w), want)
			}
		}
		// Y = X·R, R a rotation by exactly π in the plane (e₁, e₂).
		x := make([]float64, n*n)
		m.RandomPoint(x, rng)
		r := make([]float64, n*n)
		for i := range n {
			r[i*n+i] = 1
		}
		r[0], r[n+1] = -1, -1
		y := make([]float64, n*n)
		linalg.Mul(y, x, r, n, n, n)
		w := make([]float64, n*n)
		if err := m.Log(w, x, y); !errors.Is(err, manifold.ErrCutLocus) {
			t.Errorf("β=%g rotation by π: Log err = %v", beta, err)
		}
		if d := m.Dist(x, y); math.Abs(d-math.Sqrt(2*beta)*math.Pi) > 1e-13 {
			t.Errorf("β=%g rotation by π: Dist = %v, want √(2β)π", beta, d)
		}
	}
	// St(1, 1) = {±1}.
	m := stiefel.New(1, 1)
	if m.Dim() != 0 || !math.IsInf(m.Dist([]float64{1}, []float64{-1}), 1) || m.Dist([]float64{1}, []float64{1}) != 0 {
		t.Errorf("St(1,1): Dim %d, Dist(1, −1) = %v", m.Dim(), m.Dist([]float64{1}, []float64{-1}))
	}
}

// TestRankDeficient covers tangent vectors whose normal part (I − XXᵀ)Δ is
// rank deficient: pure rotations (rank 0), rank one, and the shapes with
// n < 2p where it is always deficient; Exp against RK4 and Log∘Exp.
func TestRankDeficient(t *testing.T) {
	rng := newRand(43)
	for _, sh := range [][2]int{{5, 3}, {4, 3}, {10, 4}, {7, 6}} {
		n, p := sh[0], sh[1]
		for _, met := range []stiefel.Metric{stiefel.Euclidean, stiefel.Canonical, stiefel.Family(0.25)} {
			m := stiefel.New(n, p, stiefel.WithMetric(met))
			for _, rank := range []int{0, 1, 2} {
				x := make([]float64, n*p)
				m.RandomPoint(x, rng)
				v := tangentOf(m, x, dirRotation, 1, rng)
				// Add a rank-`rank` normal part u·wᵀ.
				for k := 0; k < rank; k++ {
					u := make([]float64, n*p)
					m.RandomTangent(u, x, rng)
					a := make([]float64, p*p)
					linalg.MulAtB(a, x, u, p, n, p)
					xa := make([]float64, n*p)
					linalg.Mul(xa, x, a, n, p, p)
					w := make([]float64, p)
					for j := range w {
						w[j] = rng.NormFloat64()
					}
					for i := range n {
						for j := range p {
							v[i*p+j] += 0.5 * (u[i*p] - xa[i*p]) * w[j]
						}
					}
				}
				nv := m.Norm(x, v)
				v = testutil.Scaled(0.5*stiefel.LogRadius(met.Beta())/nv, v)
				got := make([]float64, n*p)
				m.Exp(got, x, v)
				want := rk4Geodesic(x, v, n, p, met.Beta(), 2000)
				if e := testutil.DiffNorm(got, want); e > 1e-11 {
					t.Errorf("%v %dx%d rank %d: ‖Exp − RK4‖ = %.3g", met, n, p, rank, e)
				}
				w := make([]float64, n*p)
				if err := m.Log(w, x, got); err != nil {
					t.Errorf("%v %dx%d rank %d: Log: %v", met, n, p, rank, err)
				} else if e := testutil.DiffNorm(w, v); e > 1e-10 {
					t.Errorf("%v %dx%d rank %d: ‖Log(Exp v) − v‖ = %.3g", met, n, p, rank, e)
				}
			}
		}
	}
}

// TestMetricByHand: at X = [I; 0], Δ = [A; B] with A skew has
// g_β(Δ, Δ) = β‖A‖² + ‖B‖².
func TestMetricByHand(t *testing.T) {
	n, p := 4, 2
	x := []float64{1, 0, 0, 1, 0, 0, 0, 0}
	d := []float64{0, 2, -2, 0, 1, 3, -1, 0.5} // A = [[0,2],[−2,0]], B = [[1,3],[−1,0.5]]
	for _, beta := range []float64{0.1, 0.5, 1, 4} {
		m := stiefel.New(n, p, stiefel.WithMetric(stiefel.Family(beta)))
		want := beta*8 + 1 + 9 + 1 + 0.25
		if got := m.Inner(x, d, d); math.Abs(got-want) > 1e-14*want {
			t.Errorf("β=%g: ⟨Δ, Δ⟩ = %v, want %v", beta, got, want)
		}
		if got := m.Norm(x, d); math.Abs(got-math.Sqrt(want)) > 1e-15*want {
			t.Errorf("β=%g: ‖Δ‖ = %v", beta, got)
		}
		// Huge and tiny scalings keep the norm's relative accuracy.
		for _, s := range []float64{1e-300, 1e300, 0x1p-1070} {
			if got := m.Norm(x, testutil.Scaled(s, d)); math.Abs(got/s-math.Sqrt(want)) > 1e-14*math.Sqrt(want) {
				if s != 0x1p-1070 || math.Abs(got/s-math.Sqrt(want)) > 0.1 {
					t.Errorf("β=%g: ‖%g·Δ‖/%g = %v, want %v", beta, s, s, got/s, math.Sqrt(want))
				}
			}
		}
	}
}

// TestMetricValues checks the Metric type.
func TestMetricValues(t *testing.T) {
	if stiefel.Family(1) != stiefel.Euclidean || stiefel.Family(0.5) != stiefel.Canonical || (stiefel.Metric{}) != stiefel.Euclidean {
		t.Error("metric equality")
	}
	if stiefel.Euclidean.Beta() != 1 || stiefel.Canonical.Beta() != 0.5 || stiefel.Family(0.3).Beta() != 0.3 {
		t.Error("Beta")
	}
	if stiefel.Euclidean.Alpha() != -0.5 || stiefel.Canonical.Alpha() != 0 {
		t.Error("Alpha")
	}
	if stiefel.Euclidean.String() != "Euclidean" || stiefel.Canonical.String() != "canonical" || stiefel.Family(0.25).String() != "β=0.25" {
		t.Error("String")
	}
	if s := stiefel.New(50, 5, stiefel.WithMetric(stiefel.Canonical)).String(); s != "St(50,5) canonical" {
		t.Errorf("Stiefel.String = %q", s)
	}
	if d := stiefel.New(50, 5).Dim(); d != 50*5-15 {
		t.Errorf("Dim = %d", d)
	}
}

// TestPanics checks the caller mistakes that panic with a manifold.Error.
func TestPanics(t *testing.T) {
	m := stiefel.New(4, 2, stiefel.WithRetraction(stiefel.Cayley), stiefel.WithMetric(stiefel.Family(0.3)))
	x := make([]float64, 8)
	for name, fn := range map[string]func(){
		"New(3, 4)":               func() { stiefel.New(3, 4) },
		"New(3, 0)":               func() { stiefel.New(3, 0) },
		"Family(0)":               func() { stiefel.Family(0) },
		"Family(−1)":              func() { stiefel.Family(-1) },
		"Family(+Inf)":            func() { stiefel.Family(math.Inf(1)) },
		"Family(NaN)":             func() { stiefel.Family(math.NaN()) },
		"WithTolerance(0)":        func() { stiefel.New(3, 2, stiefel.WithTolerance(0)) },
		"WithLogTolerance(1)":     func() { stiefel.New(3, 2, stiefel.WithLogTolerance(1)) },
		"WithLogMaxIter(0)":       func() { stiefel.New(3, 2, stiefel.WithLogMaxIter(0)) },
		"WithRetraction(9)":       func() { stiefel.New(3, 2, stiefel.WithRetraction(9)) },
		"WithTransport(9)":        func() { stiefel.New(3, 2, stiefel.WithTransport(9)) },
		"InverseRetract (Cayley)": func() { _ = m.InverseRetract(x, x, x) },
		"InjectivityRadius (β)":   func() { m.InjectivityRadius(x) },
		"length":                  func() { m.Exp(x, x, x[:7]) },
		"LogRadius(0)":            func() { stiefel.LogRadius(0) },
	} {
		err := manifold.Maybe(fn)
		var me manifold.Error
		if !errors.As(err, &me) {
			t.Errorf("%s: no manifold.Error panic (%v)", name, err)
		}
	}
	if m.HasCapability(manifold.CapInverseRetract) || m.HasCapability(manifold.CapInjectivityRadius) || !m.HasCapability(manifold.CapHessian) || m.HasCapability(manifold.CapParallelTransport) {
		t.Error("HasCapability")
	}
	if _, ok := manifold.AsInjectivityRadiuser(m); ok {
		t.Error("AsInjectivityRadiuser offers a missing capability")
	}
}

// TestCheck exercises CheckPoint and CheckTangent residuals.
func TestCheck(t *testing.T) {
	m := stiefel.New(3, 2)
	var ce *manifold.CheckError
	// Columns (1,0,0) and (1,1,0)/√2·k: XᵀX − I has off-diagonal 1/√2.
	x := []float64{1, 1 / math.Sqrt2, 0, 1 / math.Sqrt2, 0, 0}
	if err := m.CheckPoint(x); !errors.As(err, &ce) || math.Abs(ce.Residual-1) > 1e-15 {
		t.Errorf("CheckPoint = %v", err)
	}
	x = []float64{1, 0, 0, 1, 0, 0}
	if err := m.CheckPoint(x); err != nil {
		t.Error(err)
	}
	if err := m.CheckTangent(x, []float64{1, 0, 0, 0, 0, 0}); !errors.As(err, &ce) {
		t.Errorf("CheckTangent of a normal vector = %v", err)
	}
	if err := m.CheckTangent(x, []float64{0, 1e300, -1e300, 0, 5e299, math.MaxFloat64}); err != nil {
		t.Errorf("CheckTangent of a huge tangent vector: %v", err)
	}
}

// TestRandomDistributions checks the samplers statistically: RandomPoint is
// Haar, so E[XXᵀ] = (p/n)·I; RandomTangent is standard Gaussian for g_β,
// so E‖Δ‖²_X = Dim.
func TestRandomDistributions(t *testing.T) {
	rng := newRand(44)
	n, p := 5, 2
	const N = 20000
	for _, met := range []stiefel.Metric{stiefel.Euclidean, stiefel.Canonical, stiefel.Family(0.2)} {
		m := stiefel.New(n, p, stiefel.WithMetric(met))
		acc := make([]float64, n*n)
		x := make([]float64, n*p)
		v := make([]float64, n*p)
		var sq, sq2 float64
		for range N {
			m.RandomPoint(x, rng)
			for i := range n {
				for j := range n {
					for k := range p {
						acc[i*n+j] += x[i*p+k] * x[j*p+k]
					}
				}
			}
			m.RandomTangent(v, x, rng)
			nv := m.Inner(x, v, v)
			sq += nv
			sq2 += nv * nv
		}
		for i := range n {
			for j := range n {
				want := 0.0
				if i == j {
					want = float64(p) / float64(n)
				}
				// Each entry of XXᵀ is bounded by 1: sd of the mean ≤ 1/√N.
				if e := math.Abs(acc[i*n+j]/N - want); e > 5/math.Sqrt(N) {
					t.Errorf("%v: E[XXᵀ][%d][%d] = %.4f, want %.4f", met, i, j, acc[i*n+j]/N, want)
				}
			}
		}
		mean := sq / N
		sd := math.Sqrt((sq2/N - mean*mean) / N)
		if d := float64(m.Dim()); math.Abs(mean-d) > 5*sd {
			t.Errorf("%v: E‖Δ‖² = %.4f ± %.4f, want Dim = %v", met, mean, sd, d)
		}
	}
}
