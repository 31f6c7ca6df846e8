package hyperbolic

import (
	"github.com/geodesic-go/geodesic/internal/linalg"

	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/manifold"
)

// full is the method set every model has.
type full interface {
	manifold.Manifold
	manifold.InverseRetractor
	manifold.ParallelTransporter
	manifold.HessianConverter
	manifold.Projector
	manifold.InjectivityRadiuser
}

func allModels(n int, opts ...Option) []full {
	return []full{NewLorentz(n, opts...), NewPoincareBall(n, opts...), NewHalfSpace(n, opts...)}
}

func size(m manifold.Manifold) int {
	r, c := m.Shape()
	return r * c
}

// TestExactZeros checks the special cases that hold exactly: Log(x, x) = 0,
// Dist(x, x) = 0, Exp(x, 0) = x, Retract(x, 0) = x, ParallelTransport(x, x, v)
// = v, InverseRetract(x, x) = 0, for both retractions, also with y a copy of
// x and for points far from the origin.
func TestExactZeros(t *testing.T) {
	rng := rand.New(rand.NewPCG(29, 30))
	for _, retr := range []Retraction{Exponential, Projective} {
		for _, n := range []int{1, 2, 10} {
			for _, m := range allModels(n, WithRetraction(retr), WithCurvature(2)) {
				k := size(m)
				for trial := 0; trial < 4; trial++ {
					x := make([]float64, k)
					m.RandomPoint(x, rng)
					if trial == 3 {
						// Far from the origin.
						v := make([]float64, k)
						m.RandomTangent(v, x, rng)
						scaleTo(v, 30/m.Norm(x, v))
						m.Exp(x, x, v)
					}
					y := append([]float64{}, x...)
					dst := make([]float64, k)
					for i := range dst {
						dst[i] = 42
					}
					if err := m.Log(dst, x, y); err != nil || linalg.MaxAbs(dst) != 0 {
						t.Errorf("%v: Log(x, x) = %v, %v", m, dst, err)
					}
					if d := m.Dist(x, y); d != 0 {
						t.Errorf("%v: Dist(x, x) = %g", m, d)
					}
					if err := m.InverseRetract(dst, x, y); err != nil || linalg.MaxAbs(dst) != 0 {
						t.Errorf("%v: InverseRetract(x, x) = %v, %v", m, dst, err)
					}
					zero := make([]float64, k)
					m.Exp(dst, x, zero)
					if maxAbsDiff(dst, x) != 0 {
						t.Errorf("%v: Exp(x, 0) ≠ x", m)
					}
					m.Retract(dst, x, zero)
					if maxAbsDiff(dst, x) != 0 {
						t.Errorf("%v: Retract(x, 0) ≠ x", m)
					}
					v := make([]float64, k)
					m.RandomTangent(v, x, rng)
					m.ParallelTransport(dst, x, y, v)
					if maxAbsDiff(dst, v) != 0 {
						t.Errorf("%v: ParallelTransport(x, x, v) ≠ v", m)
					}
				}
			}
		}
	}
}

// TestTinyAndHugeTangents checks Norm, Exp and the retractions for tangent
// vectors from 1e-320 to the largest float64: finite, valid, and Norm
// homogeneous.
func TestTinyAndHugeTangents(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	for _, retr := range []Retraction{Exponential, Projective} {
		for _, m := range allModels(5, WithRetraction(retr)) {
			k := size(m)
			x, v, dst := make([]float64, k), make([]float64, k), make([]float64, k)
			m.RandomPoint(x, rng)
			m.RandomTangent(v, x, rng)
			n1 := m.Norm(x, v)
			for _, s := range []float64{1e-320, 1e-300, 1e-150, 1, 1e150, 1e300} {
				w := append([]float64{}, v...)
				scaleTo(w, s/linalg.MaxAbs(v))
				nw := m.Norm(x, w)
				if want := n1 * s / linalg.MaxAbs(v); !(nw > 0) || math.IsInf(nw, 0) || s > 1e-300 && relErr(nw, want) > 1e-13 {
					t.Errorf("%v: Norm of a vector of size %g = %g, want %g", m, s, nw, want)
				}
				m.Exp(dst, x, w)
				if err := m.CheckPoint(dst); err != nil {
					t.Errorf("%v: Exp with |v| ~ %g: %v", m, s, err)
				}
				m.Retract(dst, x, w)
				if err := m.CheckPoint(dst); err != nil {
					t.Errorf("%v: Retract with |v| ~ %g: %v", m, s, err)
				}
			}
		}
	}
}

// TestCheck checks CheckPoint and CheckTangent on valid and invalid inputs.
func TestCheck(t *testing.T) {
	var ce *manifold.CheckError
	l := NewLorentz(2)
	for name, x := range map[string][]float64{
		"off the hyperboloid": {2, 0, 0},
		"lower sheet":         {-1, 0, 0},
		"NaN":                 {math.NaN(), 0, 0},
		"Inf":                 {1, math.Inf(1), 0},
	} {
		if err := l.CheckPoint(x); !errors.As(err, &ce) {
			t.Errorf("Lorentz CheckPoint(%s) = %v", name, err)
		}
	}
	if err := l.CheckPoint([]float64{math.Sqrt(2), 1, 0}); err != nil {
		t.Error(err)
	}
	// A far point with the time coordinate recomputed is valid whatever its
	// Minkowski form (rounding makes it meaningless at this size).
	far := []float64{0, 1e200, 3e199}
	l.Project(far, far)
	if err := l.CheckPoint(far); err != nil {
		t.Errorf("far point: %v", err)
	}
	if err := l.CheckTangent([]float64{1, 0, 0}, []float64{1e-3, 1, 0}); !errors.As(err, &ce) {
		t.Errorf("Lorentz CheckTangent of a non-tangent vector = %v", err)
	}
	if err := l.CheckTangent(far, []float64{far[1] / far[0], 1, 0}); err != nil {
		t.Errorf("Lorentz CheckTangent of a tangent vector at a far point: %v", err)
	}
	b := NewPoincareBall(2, WithCurvature(4)) // radius ½
	for name, x := range map[string][]float64{"on the boundary": {0.5, 0}, "outside": {0.3, 0.4}, "NaN": {math.NaN(), 0}} {
		if err := b.CheckPoint(x); !errors.As(err, &ce) {
			t.Errorf("ball CheckPoint(%s) = %v", name, err)
		}
	}
	if err := b.CheckPoint([]float64{math.Nextafter(0.5, 0), 0}); err != nil {
		t.Errorf("ball CheckPoint of the last point inside: %v", err)
	}
	h := NewHalfSpace(2)
	for name, x := range map[string][]float64{"height 0": {1, 0}, "below": {1, -1}, "Inf": {math.Inf(1), 1}} {
		if err := h.CheckPoint(x); !errors.As(err, &ce) {
			t.Errorf("half-space CheckPoint(%s) = %v", name, err)
		}
	}
	if err := h.CheckPoint([]float64{1e300, 5e-324}); err != nil {
		t.Errorf("half-space CheckPoint of a valid extreme point: %v", err)
	}
	for _, m := range []manifold.Manifold{b, h} {
		if err := m.CheckTangent([]float64{0, 0.1}, []float64{1, math.NaN()}); err == nil {
			t.Errorf("%v: CheckTangent accepts NaN", m)
		}
	}
}

// TestProject checks Project on each model: a valid point is kept, an
// invalid one is brought back to the documented limit.
func TestProject(t *testing.T) {
	l := NewLorentz(2, WithCurvature(0.25))
	dst := make([]float64, 3)
	l.Project(dst, []float64{-7, 3, 4})
	if want := []float64{math.Sqrt(4 + 25), 3, 4}; maxAbsDiff(dst, want) > 1e-15 {
		t.Errorf("Lorentz Project = %v, want %v", dst, want)
	}
	b := NewPoincareBall(2, WithCurvature(4))
	d2 := make([]float64, 2)
	for _, x := range [][]float64{{3, 4}, {0.3, 0.4}, {0.5, 0}, {1e300, -1e300}} {
		b.Project(d2, x)
		gap, _ := ballGap(4, d2)
		if b.CheckPoint(d2) != nil || math.Abs(gap-BallMinGap) > 0.5*BallMinGap {
			t.Errorf("ball Project(%v) = %v with gap %.3g, want BallMinGap", x, d2, gap)
		}
		if cosAngle(d2, x) < 1-1e-15 {
			t.Errorf("ball Project(%v) = %v is not radial", x, d2)
		}
	}
	b.Project(d2, []float64{0.1, 0.2})
	if maxAbsDiff(d2, []float64{0.1, 0.2}) != 0 {
		t.Errorf("ball Project of an inner point moved it: %v", d2)
	}
	h := NewHalfSpace(2)
	h.Project(d2, []float64{3, -2})
	if maxAbsDiff(d2, []float64{3, HalfSpaceMinHeight}) != 0 {
		t.Errorf("half-space Project = %v", d2)
	}
}

// TestRetractProjective checks the first-order retractions against their
// closed forms and their inverses, including far and extreme steps.
func TestRetractProjective(t *testing.T) {
	h := NewHalfSpace(2, WithRetraction(Projective))
	dst := make([]float64, 2)
	h.Retract(dst, []float64{1, 2}, []float64{0.5, -2})
	if want := []float64{1.5, 2 * math.Exp(-1)}; maxAbsDiff(dst, want) > 1e-16 {
		t.Errorf("half-space RetractProjective = %v, want %v", dst, want)
	}
	v := make([]float64, 2)
	if err := h.InverseRetract(v, []float64{1, 2}, dst); err != nil || maxAbsDiff(v, []float64{0.5, -2}) > 1e-15 {
		t.Errorf("half-space InverseRetractProjective = %v, %v", v, err)
	}
	h.Retract(dst, []float64{1, 2}, []float64{0, -1e300})
	if dst[1] != HalfSpaceMinHeight {
		t.Errorf("half-space RetractProjective with a huge downward step: height %g", dst[1])
	}
	b := NewPoincareBall(2, WithRetraction(Projective))
	b.Retract(dst, []float64{0.5, 0}, []float64{0.7, 0})
	if gap, _ := ballGap(1, dst); b.CheckPoint(dst) != nil || gap > 2*BallMinGap {
		t.Errorf("ball RetractProjective out of the ball = %v", dst)
	}
	l := NewLorentz(2, WithRetraction(Projective))
	x := []float64{math.Sqrt(2), 1, 0}
	y := make([]float64, 3)
	l.Retract(y, x, []float64{1, 1, 2})
	if want := []float64{math.Sqrt(9), 2, 2}; maxAbsDiff(y, want) > 1e-15 {
		t.Errorf("Lorentz RetractProjective = %v, want %v", y, want)
	}
	l.Retract(y, x, []float64{0, math.MaxFloat64, math.MaxFloat64})
	if l.CheckPoint(y) != nil || linalg.Nrm2(y[1:]) > LorentzMaxNorm*(1+1e-15) {
		t.Errorf("Lorentz RetractProjective with a huge step = %v", y)
	}
}

// TestOptionsAndPanics checks the constructors and options.
func TestOptionsAndPanics(t *testing.T) {
	for name, f := range map[string]func(){
		"n = 0":          func() { NewLorentz(0) },
		"c = 0":          func() { NewPoincareBall(2, WithCurvature(0)) },
		"c = Inf":        func() { NewHalfSpace(2, WithCurvature(math.Inf(1))) },
		"c too small":    func() { NewLorentz(2, WithCurvature(MinCurvature/2)) },
		"tolerance":      func() { NewLorentz(2, WithTolerance(0)) },
		"retraction":     func() { NewLorentz(2, WithRetraction(Retraction(7))) },
		"transport":      func() { NewLorentz(2, WithTransport(Transport(7))) },
		"length Dist":    func() { NewLorentz(2).Dist(make([]float64, 3), make([]float64, 2)) },
		"length Inj":     func() { NewHalfSpace(2).InjectivityRadius(make([]float64, 3)) },
		"length Project": func() { NewPoincareBall(2).Project(make([]float64, 2), make([]float64, 3)) },
	} {
		if err := manifold.Maybe(f); err == nil {
			t.Errorf("%s: no manifold.Error panic", name)
		}
	}
	if s := NewLorentz(3, WithCurvature(0.5)).String(); s != "H^3 (Lorentz, c=0.5)" {
		t.Errorf("String() = %q", s)
	}
	if r, c := NewLorentz(3).Shape(); r != 4 || c != 1 {
		t.Errorf("Lorentz Shape = %d, %d", r, c)
	}
	if Exponential.String() != "Exponential" || Projection.String() != "Projection" || Retraction(9).String() != "Retraction(9)" {
		t.Error("String of the option values")
	}
	if NewHalfSpace(4, WithCurvature(3)).Curvature() != 3 {
		t.Error("Curvature")
	}
}

// TestTinyDifferences checks distances and logarithms of points that differ
// by less than 1e-160, whose squared differences underflow.
func TestTinyDifferences(t *testing.T) {
	l := NewLorentz(2)
	x := []float64{0, 1e-170, 0}
	y := []float64{0, 2e-170, 0}
	l.Project(x, x)
	l.Project(y, y)
	if d := l.Dist(x, y); relErr(d, 1e-170) > 1e-15 {
		t.Errorf("Lorentz Dist = %g, want 1e-170", d)
	}
	v := make([]float64, 3)
	if err := l.Log(v, x, y); err != nil || relErr(v[1], 1e-170) > 1e-15 {
		t.Errorf("Lorentz Log = %v, %v", v, err)
	}
	b := NewPoincareBall(2)
	if d := b.Dist([]float64{1e-170, 0}, []float64{2e-170, 0}); relErr(d, 2e-170) > 1e-15 {
		t.Errorf("ball Dist = %g, want 2e-170", d)
	}
	h := NewHalfSpace(2)
	hx, hy := []float64{1e-170, 1}, []float64{2e-170, 1}
	if d := h.Dist(hx, hy); relErr(d, 1e-170) > 1e-15 {
		t.Errorf("half-space Dist = %g, want 1e-170", d)
	}
	w := make([]float64, 2)
	if err := h.Log(w, hx, hy); err != nil || relErr(w[0], 1e-170) > 1e-15 || w[1] != 0 {
		t.Errorf("half-space Log = %v, %v", w, err)
	}
}
