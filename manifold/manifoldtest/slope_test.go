package manifoldtest

import (
	"math"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/sphere"
)

func TestLogSpace(t *testing.T) {
	ts := LogSpace(1e-1, 1e-3, 5)
	want := []float64{1e-1, math.Pow(10, -1.5), 1e-2, math.Pow(10, -2.5), 1e-3}
	for i := range ts {
		if math.Abs(ts[i]-want[i]) > 1e-15*want[i] {
			t.Errorf("LogSpace[%d] = %v, want %v", i, ts[i], want[i])
		}
	}
}

func TestLogLogSlope(t *testing.T) {
	xs := LogSpace(1, 1e-4, 9)
	ys := make([]float64, len(xs))
	for i, x := range xs {
		ys[i] = 7 * x * x * x
	}
	if s := LogLogSlope(xs, ys); math.Abs(s-3) > 1e-12 {
		t.Errorf("slope of 7x³ = %v, want 3", s)
	}
	// Non-positive values are ignored.
	ys[2], ys[5] = 0, -1
	if s := LogLogSlope(xs, ys); math.Abs(s-3) > 1e-12 {
		t.Errorf("slope of 7x³ with two dropped points = %v, want 3", s)
	}
	if s := LogLogSlope([]float64{1}, []float64{1}); !math.IsNaN(s) {
		t.Errorf("slope of one point = %v, want NaN", s)
	}
}

func TestTaylorSlope(t *testing.T) {
	ts := LogSpace(1e-1, 1e-3, 7)
	// A remainder 3t² + t at large t; with a rounding floor that hides
	// the two smallest t the fit uses t = 1e-1 … 4.6e-3 and, of those, the
	// four smallest.
	s, used := TaylorSlope(ts, func(t float64) (float64, float64) {
		if t > 0.05 {
			return t, 0
		}
		return 3 * t * t, 3 * 2.5e-3 * 2.5e-3
	})
	if math.Abs(s-2) > 1e-12 || used != 4 {
		t.Errorf("TaylorSlope(3t²) = %v over %d points, want 2 over 4", s, used)
	}
	s, used = TaylorSlope(ts, func(t float64) (float64, float64) { return 1e-17, 1e-16 })
	if !math.IsNaN(s) || used != 0 || !slopeOK(s, used, 3, 0.3) {
		t.Errorf("remainder at rounding level: got %v, %d (ok %v), want NaN, 0, ok", s, used, slopeOK(s, used, 3, 0.3))
	}
	s, used = TaylorSlope(ts, func(t float64) (float64, float64) { return math.NaN(), 0 })
	if !math.IsNaN(s) || used != -1 || slopeOK(s, used, 1, 0.3) {
		t.Errorf("NaN remainder: got %v, %d, want NaN, −1, not ok", s, used)
	}
}

// An independent cost on the sphere: f(x) = Σ x_i³/3 + Σ_i c_i x_i,
// ∇f = x² + c, ∇²f[u] = 2x∘u.
func TestGradientAndHessianSlope(t *testing.T) {
	n := 6
	m := sphere.New(n)
	rng := rand.New(rand.NewPCG(5, 6))
	c := make([]float64, n)
	gaussian(c, rng)
	f := func(x []float64) float64 {
		var s float64
		for i, xi := range x {
			s += xi*xi*xi/3 + c[i]*xi
		}
		return s
	}
	egrad := func(dst, x []float64) {
		for i, xi := range x {
			dst[i] = xi*xi + c[i]
		}
	}
	badGrad := func(dst, x []float64) {
		egrad(dst, x)
		dst[0] += 0.5
	}
	ehess := func(dst, x, u []float64) {
		for i, xi := range x {
			dst[i] = 2 * xi * u[i]
		}
	}
	badHess := func(dst, x, u []float64) {
		ehess(dst, x, u)
		dst[1] += u[1]
	}
	for trial := 0; trial < 4; trial++ {
		p, v := make([]float64, n), make([]float64, n)
		m.RandomPoint(p, rng)
		m.RandomTangent(v, p, rng)
		nv := m.Norm(p, v)
		for i := range v {
			v[i] /= nv
		}
		if s, used := GradientSlope(m, f, egrad, p, v); !slopeOK(s, used, 2, 0.3) {
			t.Errorf("GradientSlope of a correct gradient = %v (%d points), want ≥ 1.7", s, used)
		}
		if s, used := GradientSlope(m, f, badGrad, p, v); used < 2 || s > 1.3 {
			t.Errorf("GradientSlope of a wrong gradient = %v (%d points), want ≈ 1", s, used)
		}
		if s, used := HessianSlope(m, f, egrad, ehess, p, v); !slopeOK(s, used, 3, 0.3) {
			t.Errorf("HessianSlope of a correct Hessian = %v (%d points), want ≥ 2.7", s, used)
		}
		if s, used := HessianSlope(m, f, egrad, badHess, p, v); used < 2 || s > 2.3 {
			t.Errorf("HessianSlope of a wrong Hessian = %v (%d points), want ≈ 2", s, used)
		}
	}
}
