package sphere

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/manifold"
)

func unitErr(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += v * v
	}
	return math.Abs(math.Sqrt(s) - 1)
}

func finiteAll(x []float64) bool {
	for _, v := range x {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return false
		}
	}
	return true
}

func TestExactZeros(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	for _, n := range []int{2, 3, 100} {
		s := New(n)
		p := make([]float64, n)
		s.RandomPoint(p, rng)
		dst := make([]float64, n)
		for i := range dst {
			dst[i] = 42
		}
		if err := s.Log(dst, p, p); err != nil {
			t.Fatal(err)
		}
		for i, v := range dst {
			if v != 0 {
				t.Errorf("n=%d: Log(p, p)[%d] = %g, want exactly 0", n, i, v)
			}
		}
		if d := s.Dist(p, p); d != 0 {
			t.Errorf("n=%d: Dist(p, p) = %g, want exactly 0", n, d)
		}
		zero := make([]float64, n)
		for _, f := range []func(dst, p, v []float64){s.Exp, s.Retract, s.RetractProjective} {
			f(dst, p, zero)
			for i := range dst {
				if dst[i] != p[i] {
					t.Fatalf("n=%d: retraction/Exp of 0 differs from p at %d", n, i)
				}
			}
		}
		if err := s.InverseRetractProjective(dst, p, p); err != nil {
			t.Fatal(err)
		}
		for i, v := range dst {
			if v != 0 {
				t.Errorf("n=%d: InverseRetractProjective(p, p)[%d] = %g", n, i, v)
			}
		}
	}
}

func TestAntipode(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	for _, n := range []int{2, 3, 100} {
		s := New(n)
		p := make([]float64, n)
		s.RandomPoint(p, rng)
		q := make([]float64, n)
		for i := range q {
			q[i] = -p[i]
		}
		dst := make([]float64, n)
		err := s.Log(dst, p, q)
		if !errors.Is(err, manifold.ErrCutLocus) {
			t.Errorf("n=%d: Log(p, −p) error = %v, want ErrCutLocus", n, err)
		}
		if d := s.Dist(p, q); d != math.Pi {
			t.Errorf("n=%d: Dist(p, −p) = %.17g, want π", n, d)
		}
		// One ulp away from −p in one coordinate: still no defined direction.
		q[0] = math.Nextafter(q[0], 0)
		if err := s.Log(dst, p, q); err == nil {
			if !finiteAll(dst) {
				t.Errorf("n=%d: Log next to the antipode returned non-finite %v", n, dst)
			}
		} else if !errors.Is(err, manifold.ErrCutLocus) {
			t.Errorf("n=%d: Log next to the antipode: unexpected error %v", n, err)
		}
		// 1e-6 short of the antipode: a finite vector of length π − 1e-6.
		u := make([]float64, n)
		s.RandomTangent(u, p, rng)
		k := (math.Pi - 1e-6) / s.Norm(p, u)
		for i := range u {
			u[i] *= k
		}
		s.Exp(q, p, u)
		if err := s.Log(dst, p, q); err != nil {
			t.Fatalf("n=%d: Log 1e-6 from the antipode: %v", n, err)
		}
		if e := math.Abs(s.Norm(p, dst)-(math.Pi-1e-6)) / math.Pi; e > 1e-14 {
			t.Errorf("n=%d: ‖Log‖ 1e-6 from the antipode off by %.3g", n, e)
		}
		// Parallel transport to the exact antipode stays finite and tangent.
		for i := range q {
			q[i] = -p[i]
		}
		s.RandomTangent(u, p, rng)
		s.ParallelTransport(dst, p, q, u)
		if !finiteAll(dst) || s.CheckTangent(q, dst) != nil {
			t.Errorf("n=%d: ParallelTransport to the antipode: %v", n, dst)
		}
		if err := s.InverseRetractProjective(dst, p, q); !errors.Is(err, manifold.ErrCutLocus) {
			t.Errorf("n=%d: InverseRetractProjective(p, −p) error = %v, want ErrCutLocus", n, err)
		}
	}
}

func TestTinyAndHugeTangents(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, n := range []int{3, 100} {
		s := New(n)
		p := make([]float64, n)
		v := make([]float64, n)
		dst := make([]float64, n)
		s.RandomPoint(p, rng)
		s.RandomTangent(v, p, rng)
		for _, scale := range []float64{1e-320, 1e-300, 1e-150, 1e-8, 1, 1e8, 1e150, 1e300, math.MaxFloat64} {
			w := make([]float64, n)
			nv := s.Norm(p, v)
			for i := range w {
				w[i] = v[i] / nv * scale
			}
			for name, f := range map[string]func(dst, p, v []float64){"Exp": s.Exp, "RetractProjective": s.RetractProjective} {
				f(dst, p, w)
				if !finiteAll(dst) || unitErr(dst) > 8e-16*math.Sqrt(float64(n)) {
					t.Errorf("n=%d ‖v‖=%g: %s gives non-unit or non-finite point (|‖x‖−1| = %.3g)", n, scale, name, unitErr(dst))
				}
			}
			if nw := s.Norm(p, w); !(nw > 0) || math.IsNaN(nw) {
				if scale > 1e-300 {
					t.Errorf("n=%d: Norm of a vector of size %g = %g", n, scale, nw)
				}
			}
		}
	}
	// A norm that overflows float64 although every entry is finite.
	s := New(3)
	p := []float64{1, 0, 0}
	dst := make([]float64, 3)
	s.Exp(dst, p, []float64{0, math.MaxFloat64, math.MaxFloat64})
	if !finiteAll(dst) || unitErr(dst) > 1e-15 {
		t.Errorf("Exp with overflowing ‖v‖ = %v", dst)
	}
	s.RetractProjective(dst, p, []float64{0, math.MaxFloat64, math.MaxFloat64})
	// (1, M, M)/‖(1, M, M)‖ with M = MaxFloat64: the first entry is 1/(√2·M).
	want := []float64{1 / (math.Sqrt2 * math.MaxFloat64), math.Sqrt2 / 2, math.Sqrt2 / 2}
	if maxAbsDiff(dst, want) > 4e-16 || math.Abs(dst[0]-want[0]) > 1e-3*want[0] {
		t.Errorf("RetractProjective with overflowing ‖p+v‖ = %v, want %v", dst, want)
	}
}

func TestProject(t *testing.T) {
	s := New(4)
	dst := make([]float64, 4)
	s.Project(dst, []float64{0, 0, 0, 0})
	if maxAbsDiff(dst, []float64{1, 0, 0, 0}) != 0 {
		t.Errorf("Project(0) = %v, want e₁", dst)
	}
	// Hand-derived: (3, 4, 0, 0)/5, at every scale.
	for _, sc := range []float64{1e-320, 1e-300, 1, 1e300, math.MaxFloat64 / 4} {
		s.Project(dst, []float64{3 * sc / 4, sc, 0, 0})
		if e := maxAbsDiff(dst, []float64{0.6, 0.8, 0, 0}); e > 2e-16 {
			t.Errorf("Project at scale %g = %v (error %.3g)", sc, dst, e)
		}
	}
}

// TestInverseRetract checks RetractProjective ∘ InverseRetractProjective on
// random pairs in the open hemisphere, and the hand-derived inverse
// retraction of q = (cos a, sin a, 0) at p = e₁: (0, tan a, 0).
func TestInverseRetract(t *testing.T) {
	s := New(3)
	p := []float64{1, 0, 0}
	v := make([]float64, 3)
	for _, a := range []float64{1e-200, 1e-8, 0.3, 1.5, math.Pi/2 - 1e-9} {
		q := []float64{math.Cos(a), math.Sin(a), 0}
		if err := s.InverseRetractProjective(v, p, q); err != nil {
			t.Fatal(err)
		}
		want := []float64{0, math.Tan(a), 0}
		if e := maxAbsDiff(v, want) / math.Tan(a); e > 4e-16/math.Cos(a) {
			t.Errorf("a=%g: inverse retraction %v, want %v (rel. error %.3g)", a, v, want, e)
		}
	}
	q := []float64{math.Cos(2), math.Sin(2), 0}
	if err := s.InverseRetractProjective(v, p, q); !errors.Is(err, manifold.ErrCutLocus) {
		t.Errorf("q beyond the hemisphere: err = %v, want ErrCutLocus", err)
	}
}

// TestRayleighHessian checks EHessToRHess against a hand derivation: for
// f(x) = xᵀAx at an eigenvector p of A with eigenvalue λ, ∇f = 2Ap = 2λp,
// ∇²f[v] = 2Av, so Hess f(p)[v] = Proj_p(2Av) − ⟨p, 2λp⟩v = 2Av − 2λv for
// v ⊥ p (Av ⊥ p when p is an eigenvector of the symmetric A).
func TestRayleighHessian(t *testing.T) {
	// A = diag(1, 2, 3, 4) has eigenvector e₂ with λ = 2.
	s := New(4)
	p := []float64{0, 1, 0, 0}
	v := []float64{0.5, 0, -1, 2}
	egrad := []float64{0, 4, 0, 0}
	ehess := []float64{2 * 1 * 0.5, 0, 2 * 3 * -1, 2 * 4 * 2}
	got := make([]float64, 4)
	s.EHessToRHess(got, p, egrad, ehess, v)
	want := []float64{(2 - 4) * 0.5, 0, (6 - 4) * -1, (8 - 4) * 2}
	if maxAbsDiff(got, want) != 0 {
		t.Errorf("EHessToRHess = %v, want %v", got, want)
	}
}

// TestVonMisesFisherMean checks the sampler against the closed form of the
// mean resultant on S²: E⟨mu, x⟩ = coth κ − 1/κ (Fisher, Lewis & Embleton
// 1987, eq. 4.23), and for large κ against E[1 − ⟨mu, x⟩] ≈ (n − 1)/(2κ)
// (the tangent component is asymptotically Gaussian with variance 1/κ per
// direction).
func TestVonMisesFisherMean(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	s := New(3)
	mu := []float64{0, 0.6, 0.8}
	x := make([]float64, 3)
	const N = 40000
	for _, kappa := range []float64{0, 0.5, 2, 10, 50} {
		var sum, sum2 float64
		for i := 0; i < N; i++ {
			s.RandomVonMisesFisher(x, mu, kappa, rng)
			if unitErr(x) > 1e-15 {
				t.Fatalf("κ=%g: sample not on the sphere: %v", kappa, x)
			}
			w := dot(mu, x)
			sum += w
			sum2 += w * w
		}
		mean := sum / N
		sd := math.Sqrt((sum2/N - mean*mean) / N)
		want := 0.0
		if kappa > 0 {
			want = 1/math.Tanh(kappa) - 1/kappa
		}
		if math.Abs(mean-want) > 5*sd+1e-12 {
			t.Errorf("κ=%g: mean ⟨mu, x⟩ = %.5f ± %.5f, want %.5f", kappa, mean, sd, want)
		}
	}
	s = New(50)
	mu = make([]float64, 50)
	mu[7] = 1
	x = make([]float64, 50)
	kappa := 1e10
	var sum float64
	const M = 4000
	for i := 0; i < M; i++ {
		s.RandomVonMisesFisher(x, mu, kappa, rng)
		sum += 1 - x[7]
	}
	// 1 − w ≈ Gamma((n−1)/2, 1/κ)/…: mean (n−1)/(2κ), relative sd √(2/((n−1)M)).
	want := 49 / (2 * kappa)
	if e := math.Abs(sum/M-want) / want; e > 5*math.Sqrt(2.0/(49*M)) {
		t.Errorf("κ=1e10: mean 1 − ⟨mu, x⟩ = %.4g, want %.4g", sum/M, want)
	}
}

func TestCheck(t *testing.T) {
	s := New(3)
	var ce *manifold.CheckError
	if err := s.CheckPoint([]float64{1, 1, 0}); !errors.As(err, &ce) || math.Abs(ce.Residual-(math.Sqrt2-1)) > 1e-15 {
		t.Errorf("CheckPoint((1,1,0)) = %v", err)
	}
	if err := s.CheckPoint([]float64{math.NaN(), 0, 0}); err == nil {
		t.Error("CheckPoint accepts NaN")
	}
	if err := s.CheckPoint([]float64{0, 0, 1}); err != nil {
		t.Error(err)
	}
	if err := s.CheckTangent([]float64{1, 0, 0}, []float64{1e-3, 1, 0}); !errors.As(err, &ce) {
		t.Errorf("CheckTangent of a non-tangent vector = %v", err)
	}
	if err := s.CheckTangent([]float64{1, 0, 0}, []float64{0, math.MaxFloat64, math.MaxFloat64}); err != nil {
		t.Errorf("CheckTangent of a huge tangent vector: %v", err)
	}
	if err := s.CheckTangent([]float64{1, 0, 0}, []float64{0, math.Inf(1), 0}); err == nil {
		t.Error("CheckTangent accepts Inf")
	}
	if err := manifold.Maybe(func() { s.Dist([]float64{1, 0}, []float64{1, 0, 0}) }); err == nil {
		t.Error("length mismatch did not panic")
	}
	if err := manifold.Maybe(func() { New(1) }); err == nil {
		t.Error("New(1) did not panic")
	}
}
