package spd

import (
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/internal/testutil"
	"github.com/geodesic-go/geodesic/manifold"
)

var allMetrics = []Metric{AffineInvariant, LogEuclidean, LogCholesky, BuresWasserstein}

func exactlySymmetric(a []float64, n int) bool {
	for i := range n {
		for j := i + 1; j < n; j++ {
			if math.Float64bits(a[i*n+j]) != math.Float64bits(a[j*n+i]) {
				return false
			}
		}
	}
	return true
}

func sameBits(a, b []float64) bool {
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

func allNaN(a []float64) bool {
	for _, x := range a {
		if !math.IsNaN(x) {
			return false
		}
	}
	return true
}

// TestSpecialCases checks the documented special cases of every metric.
func TestSpecialCases(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	for _, g := range allMetrics {
		for _, n := range []int{1, 3, 8} {
			m := New(n, WithMetric(g))
			nn := n * n
			p, q, v, u, dst := make([]float64, nn), make([]float64, nn), make([]float64, nn), make([]float64, nn), make([]float64, nn)
			m.RandomPoint(p, rng)
			m.RandomPoint(q, rng)
			m.RandomTangent(v, p, rng)
			m.RandomTangent(u, p, rng)
			name := m.String()

			for _, f := range []struct {
				what string
				fn   func(dst, p, v []float64)
			}{{"Exp", m.Exp}, {"Retract", m.Retract}} {
				f.fn(dst, p, make([]float64, nn))
				if !sameBits(dst, p) {
					t.Errorf("%s: %s(P, 0) ≠ P bit for bit", name, f.what)
				}
			}
			for _, qq := range [][]float64{p, append([]float64(nil), p...)} {
				for i := range dst {
					dst[i] = 1
				}
				if err := m.Log(dst, p, qq); err != nil || !linalg.AllZero(dst) {
					t.Errorf("%s: Log(P, P) = %v, %v, want exact zeros", name, dst, err)
				}
				if d := m.Dist(p, qq); d != 0 {
					t.Errorf("%s: Dist(P, P) = %v, want 0", name, d)
				}
			}
			// Outputs are exactly symmetric.
			outs := map[string]func(){
				"Log":           func() { _ = m.Log(dst, p, q) },
				"Exp":           func() { m.Exp(dst, p, v) },
				"Retract":       func() { m.Retract(dst, p, v) },
				"Transport":     func() { m.Transport(dst, p, q, v) },
				"Proj":          func() { m.Proj(dst, p, u) },
				"EGradToRGrad":  func() { m.EGradToRGrad(dst, p, q) },
				"EHessToRHess":  func() { m.EHessToRHess(dst, p, q, u, v) },
				"RandomPoint":   func() { m.RandomPoint(dst, rng) },
				"RandomTangent": func() { m.RandomTangent(dst, p, rng) },
				"Project":       func() { m.Project(dst, u) },
			}
			if g != BuresWasserstein {
				outs["ParallelTransport"] = func() { m.ParallelTransport(dst, p, q, v) }
			}
			for what, f := range outs {
				f()
				if !exactlySymmetric(dst, n) {
					t.Errorf("%s: %s is not exactly symmetric", name, what)
				}
			}
			// Transport from P to P is sym(V) exactly.
			m.Transport(dst, p, append([]float64(nil), p...), v)
			if !sameBits(dst, v) {
				t.Errorf("%s: Transport(P, P, V) ≠ V bit for bit", name)
			}
			// NaN in, NaN out.
			vn := append([]float64(nil), v...)
			vn[nn-1] = math.NaN()
			qn := append([]float64(nil), q...)
			qn[0] = math.NaN()
			m.Exp(dst, p, vn)
			if !hasNaN(dst) {
				t.Errorf("%s: Exp with a NaN wrote no NaN", name)
			}
			if err := m.Log(dst, p, qn); err == nil && !hasNaN(dst) {
				t.Errorf("%s: Log with a NaN returned nil and no NaN", name)
			}
			if d := m.Dist(p, qn); !math.IsNaN(d) {
				t.Errorf("%s: Dist with a NaN = %v", name, d)
			}
			// A base point that is not positive definite.
			bad := make([]float64, nn)
			copy(bad, p)
			bad[0] = -1
			if n > 1 {
				m.Exp(dst, bad, v)
				if !allNaN(dst) {
					t.Errorf("%s: Exp at an indefinite P = %v, want NaN", name, dst)
				}
				if err := m.Log(dst, bad, q); !errors.Is(err, ErrNotPositiveDefinite) {
					t.Errorf("%s: Log at an indefinite P returned %v", name, err)
				}
				if err := m.Log(dst, q, bad); !errors.Is(err, ErrNotPositiveDefinite) {
					t.Errorf("%s: Log to an indefinite Q returned %v", name, err)
				}
				if x := m.Norm(bad, v); !math.IsNaN(x) {
					t.Errorf("%s: Norm at an indefinite P = %v", name, x)
				}
			}
			// Norms of zero, tiny and huge vectors.
			if x := m.Norm(p, make([]float64, nn)); x != 0 {
				t.Errorf("%s: Norm(P, 0) = %v", name, x)
			}
			nv := m.Norm(p, v)
			for _, s := range []float64{0x1p-1000, 0x1p1000} {
				w := append([]float64(nil), v...)
				for i := range w {
					w[i] *= s
				}
				if got := m.Norm(p, w); math.Abs(got/s-nv) > 1e-14*nv {
					t.Errorf("%s: Norm(P, %g·V) = %v, want %v", name, s, got, s*nv)
				}
				if got := m.Inner(p, w, v); math.Abs(got/s-nv*nv) > 1e-13*nv*nv {
					t.Errorf("%s: Inner(P, %g·V, V) = %v, want %v", name, s, got, s*nv*nv)
				}
			}
		}
	}
}

func TestCheckPoint(t *testing.T) {
	m := New(2)
	for _, c := range []struct {
		p    []float64
		want string
	}{
		{[]float64{2, 1, 1, 2}, ""},
		{[]float64{2, 1, 1.5, 2}, "not symmetric"},
		{[]float64{1, 0, 0, -2}, "smallest eigenvalue λmin = -2"},
		{[]float64{1, 0, 0, 0}, "not positive definite"},
		{[]float64{1, math.NaN(), math.NaN(), 1}, "NaN or infinite"},
		{[]float64{math.Inf(1), 0, 0, 1}, "NaN or infinite"},
	} {
		err := m.CheckPoint(c.p)
		if c.want == "" {
			if err != nil {
				t.Errorf("CheckPoint(%v) = %v, want nil", c.p, err)
			}
			continue
		}
		var ce *manifold.CheckError
		if !errors.As(err, &ce) || !strings.Contains(err.Error(), c.want) {
			t.Errorf("CheckPoint(%v) = %v, want a *manifold.CheckError mentioning %q", c.p, err, c.want)
		}
	}
	if err := New(2, WithTolerance(1e-3)).CheckPoint([]float64{2, 1, 1 + 1e-4, 2}); err != nil {
		t.Errorf("CheckPoint with tolerance 1e-3: %v", err)
	}
	if err := m.CheckTangent(nil2(), []float64{0, 1, 2, 0}); err == nil || !strings.Contains(err.Error(), "not symmetric") {
		t.Errorf("CheckTangent of a non-symmetric matrix: %v", err)
	}
	if err := m.CheckTangent(nil2(), []float64{0, 0, 0, 0}); err != nil {
		t.Errorf("CheckTangent(0) = %v", err)
	}
}

func nil2() []float64 { return []float64{1, 0, 0, 1} }

func TestOptionsAndCapabilities(t *testing.T) {
	testutil.MustPanic(t, "New(0)", func() { New(0) })
	testutil.MustPanic(t, "SecondOrder with log-Euclidean", func() { New(3, WithMetric(LogEuclidean), WithRetraction(SecondOrder)) })
	testutil.MustPanic(t, "Parallel with Bures–Wasserstein", func() { New(3, WithMetric(BuresWasserstein), WithTransport(Parallel)) })
	testutil.MustPanic(t, "unknown metric", func() { New(3, WithMetric(Metric(9))) })
	testutil.MustPanic(t, "unknown retraction", func() { New(3, WithRetraction(Retraction(9))) })
	testutil.MustPanic(t, "unknown transport", func() { New(3, WithTransport(Transport(9))) })
	testutil.MustPanic(t, "tolerance", func() { New(3, WithTolerance(0)) })
	bw := New(3, WithMetric(BuresWasserstein))
	if _, ok := manifold.AsParallelTransporter(bw); ok {
		t.Error("AsParallelTransporter reports Bures–Wasserstein as having parallel transport")
	}
	testutil.MustPanic(t, "Bures–Wasserstein ParallelTransport", func() {
		x := make([]float64, 9)
		bw.ParallelTransport(x, x, x, x)
	})
	for _, g := range []Metric{AffineInvariant, LogEuclidean, LogCholesky} {
		m := New(3, WithMetric(g))
		if _, ok := manifold.AsParallelTransporter(m); !ok {
			t.Errorf("%s: no parallel transport capability", m)
		}
		if r := m.InjectivityRadius(nil2x3()); !math.IsInf(r, 1) {
			t.Errorf("%s: InjectivityRadius = %v, want +Inf", m, r)
		}
	}
	for _, g := range allMetrics {
		m := New(3, WithMetric(g))
		for _, c := range []manifold.Capability{manifold.CapInverseRetract, manifold.CapHessian, manifold.CapProject, manifold.CapInjectivityRadius} {
			if !m.HasCapability(c) {
				t.Errorf("%s: HasCapability(%v) = false", m, c)
			}
		}
		if m.Dim() != 6 {
			t.Errorf("Dim = %d, want 6", m.Dim())
		}
	}
	if s := New(4, WithMetric(LogCholesky)).String(); s != "SPD(4, log-Cholesky)" {
		t.Errorf("String = %q", s)
	}
}

func nil2x3() []float64 { return []float64{1, 0, 0, 0, 1, 0, 0, 0, 1} }

// TestBuresWassersteinBoundary: the injectivity radius at P = diag(4, 9) is
// √λ_min = 2, and the geodesic with X = L_P[V] = −e₁e₁ᵀ (V = −8e₁e₁ᵀ,
// ‖V‖_P = √tr(XPX) = 2) reaches the singular matrix diag(0, 9) at t = 1.
func TestBuresWassersteinBoundary(t *testing.T) {
	m := New(2, WithMetric(BuresWasserstein))
	p := []float64{4, 0, 0, 9}
	if r := m.InjectivityRadius(p); math.Abs(r-2) > 1e-15 {
		t.Errorf("InjectivityRadius(diag(4, 9)) = %v, want 2", r)
	}
	v := []float64{-8, 0, 0, 0}
	if nv := m.Norm(p, v); math.Abs(nv-2) > 1e-15 {
		t.Errorf("‖V‖_P = %v, want 2", nv)
	}
	q := make([]float64, 4)
	m.Exp(q, p, v)
	if math.Abs(q[0]) > 1e-14 || math.Abs(q[3]-9) > 1e-14 {
		t.Errorf("Exp_P(V) = %v, want diag(0, 9)", q)
	}
	if err := m.CheckPoint(q); err == nil {
		t.Error("CheckPoint accepts the singular end point")
	}
}

func TestSecondOrderRetraction(t *testing.T) {
	rng := rand.New(rand.NewPCG(35, 36))
	n := 4
	m := New(n)
	p, v, r, w := make([]float64, n*n), make([]float64, n*n), make([]float64, n*n), make([]float64, n*n)
	m.RandomPoint(p, rng)
	// R_P(V) is positive definite for every V, even V = −10·P.
	for i := range v {
		v[i] = -10 * p[i]
	}
	m.RetractSecondOrder(r, p, v)
	if err := m.CheckPoint(r); err != nil {
		t.Errorf("RetractSecondOrder(P, −10P): %v", err)
	}
	// −10P is outside the branch I + W ≻ 0: the inverse finds the other
	// preimage 8P (R = P − 10P + 50P = 41P = P + 8P + 32P).
	if err := m.InverseRetractSecondOrder(w, p, r); err != nil {
		t.Fatal(err)
	}
	for i := range w {
		if math.Abs(w[i]-8*p[i]) > 1e-12*math.Abs(8*p[i])+1e-13 {
			t.Fatalf("InverseRetractSecondOrder(P, 41P) = %v, want 8P = %v", w, p)
		}
	}
	// 2R − P not positive definite: outside the image.
	for i := range r {
		r[i] = 0.4 * p[i]
	}
	if err := m.InverseRetractSecondOrder(w, p, r); !errors.Is(err, manifold.ErrCutLocus) {
		t.Errorf("InverseRetractSecondOrder(P, 0.4P) = %v, want ErrCutLocus", err)
	}
}

func TestProject(t *testing.T) {
	rng := rand.New(rand.NewPCG(37, 38))
	n := 4
	m := New(n)
	p, dst := make([]float64, n*n), make([]float64, n*n)
	m.RandomPoint(p, rng)
	m.Project(dst, p)
	if !sameBits(dst, p) {
		t.Error("Project(P) ≠ P for P on the manifold")
	}
	// An indefinite matrix: eigenvalues −1, 0, 2, 5 in a random basis.
	x := withSpectrum(rng, []float64{-1, 0, 2, 5})
	m.Project(dst, x)
	if err := m.CheckPoint(dst); err != nil {
		t.Errorf("Project of an indefinite matrix: %v", err)
	}
	ev := make([]float64, n)
	_ = linalg.EigSymValues(ev, dst, n)
	tau := 5 * 0x1p-26
	for i, want := range []float64{tau, tau, 2, 5} {
		if math.Abs(ev[i]-want) > 1e-13 {
			t.Errorf("eigenvalue %d of Project(X) = %v, want %v", i, ev[i], want)
		}
	}
	m.Project(dst, make([]float64, n*n))
	for i := range n {
		for j := range n {
			want := 0.0
			if i == j {
				want = 1
			}
			if dst[i*n+j] != want {
				t.Fatalf("Project(0) = %v, want I", dst)
			}
		}
	}
}

func TestShrink(t *testing.T) {
	rng := rand.New(rand.NewPCG(39, 40))
	// A singular sample covariance: 5 variables, 3 observations.
	n, k := 5, 3
	x := make([]float64, k*n)
	for i := range x {
		x[i] = rng.NormFloat64()
	}
	s := make([]float64, n*n)
	for i := range n {
		for j := range n {
			for r := range k {
				s[i*n+j] += x[r*n+i] * x[r*n+j] / float64(k)
			}
		}
	}
	m := New(n)
	if err := m.CheckPoint(s); err == nil {
		t.Fatal("a rank-3 covariance passes CheckPoint")
	}
	var mu float64
	for i := range n {
		mu += s[i*n+i] / float64(n)
	}
	dst := make([]float64, n*n)
	Shrink(dst, s, n, 0.25)
	for i := range n {
		for j := range n {
			want := 0.75 * s[i*n+j]
			if i == j {
				want += 0.25 * mu
			}
			if math.Abs(dst[i*n+j]-want) > 1e-15*math.Abs(want)+1e-16 {
				t.Fatalf("Shrink[%d][%d] = %v, want %v", i, j, dst[i*n+j], want)
			}
		}
	}
	if err := m.CheckPoint(dst); err != nil {
		t.Errorf("Shrink(S, 0.25): %v", err)
	}
	target := 0.1 * mu
	alpha, err := ShrinkMinEig(dst, s, n, target)
	if err != nil {
		t.Fatal(err)
	}
	ev := make([]float64, n)
	_ = linalg.EigSymValues(ev, dst, n)
	if !(alpha > 0 && alpha < 1) || math.Abs(ev[0]-target) > 1e-13*mu {
		t.Errorf("ShrinkMinEig: α = %v, smallest eigenvalue %v, want %v", alpha, ev[0], target)
	}
	if a, err := ShrinkMinEig(dst, dst, n, 0.5*target); err != nil || a != 0 {
		t.Errorf("ShrinkMinEig of a matrix already above the target: α = %v, %v", a, err)
	}
	if _, err := ShrinkMinEig(dst, s, n, 2*mu); err == nil {
		t.Error("ShrinkMinEig with a target above tr(S)/n succeeded")
	}
	testutil.MustPanic(t, "Shrink α = 1.5", func() { Shrink(dst, s, n, 1.5) })
	testutil.MustPanic(t, "Shrink α = NaN", func() { Shrink(dst, s, n, math.NaN()) })
	testutil.MustPanic(t, "Shrink length", func() { Shrink(dst[:3], s, n, 0.5) })
	testutil.MustPanic(t, "ShrinkMinEig target 0", func() { _, _ = ShrinkMinEig(dst, s, n, 0) })
}
