package hyperbolic

import (
	"github.com/geodesic-go/geodesic/internal/linalg"

	"errors"
	"math"
	"math/rand/v2"
	"testing"
)

// cosAngle returns the cosine of the Euclidean angle between a and b
// (scaled first, so that huge entries do not overflow).
func cosAngle(a, b []float64) float64 {
	ma, mb := linalg.MaxAbs(a), linalg.MaxAbs(b)
	var ab, aa, bb float64
	for i := range a {
		x, y := a[i]/ma, b[i]/mb
		ab += x * y
		aa += x * x
		bb += y * y
	}
	return ab / math.Sqrt(aa*bb)
}

// TestLorentzSaturation checks Exp for huge tangent vectors: the result is
// a finite point that passes CheckPoint, lies on the geodesic (Log_x of it
// is parallel to v), and, once saturated, has ‖x_{1:}‖ = LorentzMaxNorm to
// rounding, at the distance acosh(√c·√(1/c + T²))/√c from the origin
// (T = LorentzMaxNorm) when x is the origin. It also checks that Exp is
// continuous through the saturation point.
func TestLorentzSaturation(t *testing.T) {
	rng := rand.New(rand.NewPCG(23, 24))
	for _, c := range []float64{1, 3, MinCurvature, MaxCurvature, 0x1p-40, 0x1p40} {
		for _, n := range []int{2, 10, 100} {
			l := NewLorentz(n, WithCurvature(c))
			for trial := 0; trial < 3; trial++ {
				x := make([]float64, n+1)
				if trial == 0 {
					l.Origin(x)
				} else {
					l.RandomPoint(x, rng)
				}
				u := unitTangentL(l, x, rng)
				y, v, lg := make([]float64, n+1), make([]float64, n+1), make([]float64, n+1)
				for _, s := range []float64{700, 707, 709, 715, 1e3, 1e10, 1e300, math.MaxFloat64} {
					copy(v, u)
					scaleTo(v, s/math.Sqrt(c))
					if !linalg.AllFinite(v) {
						// ‖v‖ beyond float64: spatial entries at the largest
						// finite value (Exp reads only the spatial part).
						for i := range v {
							v[i] = math.Copysign(math.MaxFloat64, u[i])
						}
					}
					l.Exp(y, x, v)
					if !linalg.AllFinite(y) || l.CheckPoint(y) != nil {
						t.Fatalf("c=%g n=%d ‖v‖√c=%g: Exp = %v (%v)", c, n, s, y[:min(3, len(y))], l.CheckPoint(y))
					}
					ny := linalg.Nrm2(y[1:])
					if ny > LorentzMaxNorm*(1+1e-12) {
						t.Errorf("c=%g n=%d ‖v‖√c=%g: ‖y_{1:}‖ = %g > LorentzMaxNorm", c, n, s, ny)
					}
					d := l.Dist(x, y)
					saturated := d*math.Sqrt(c) < s*(1-1e-9)
					if saturated && ny < LorentzMaxNorm*(1-1e-9) {
						t.Errorf("c=%g n=%d ‖v‖√c=%g: saturated at ‖y_{1:}‖ = %g, want LorentzMaxNorm", c, n, s, ny)
					}
					if !saturated && relErr(d*math.Sqrt(c), s) > 1e-12 {
						t.Errorf("c=%g n=%d ‖v‖√c=%g: Dist(x, Exp_x v)·√c = %.17g", c, n, s, d*math.Sqrt(c))
					}
					if trial == 0 && saturated {
						// acosh(√c·√(1/c + T²)) with √(1/c + T²) = T to rounding,
						// = ln(2√c·T) once √c·T ≫ 1.
						want := (math.Ln2 + 0.5*math.Log(c) + 1020*math.Ln2) / math.Sqrt(c)
						if z := math.Sqrt(c) * LorentzMaxNorm; z < 1e150 {
							want = math.Acosh(z) / math.Sqrt(c)
						}
						if relErr(d, want) > 1e-12 {
							t.Errorf("c=%g n=%d: saturated at distance %.17g from the origin, want %.17g", c, n, d, want)
						}
					}
					if err := l.Log(lg, x, y); err != nil {
						t.Fatalf("c=%g n=%d: Log of the saturated point: %v", c, n, err)
					}
					if e := 1 - cosAngle(lg[1:], v[1:]); e > 1e-12 {
						t.Errorf("c=%g n=%d ‖v‖√c=%g: the result is off the geodesic (1 − cos = %.3g)", c, n, s, e)
					}
				}
			}
		}
	}
	// Continuity through the saturation point, from the origin.
	l := NewLorentz(3)
	o, y := make([]float64, 4), make([]float64, 4)
	l.Origin(o)
	prev := 0.0
	for s := 707.0; s < 709; s += 0.01 {
		l.Exp(y, o, []float64{0, s * 0.6, 0, s * 0.8})
		d := l.Dist(o, y)
		if d < prev-1e-12 || d > s+1e-9 {
			t.Errorf("‖v‖ = %g: Dist(o, Exp_o v) = %.17g after %.17g", s, d, prev)
		}
		prev = d
	}
	t.Logf("Lorentz Exp from the origin saturates at distance %.6f (c = 1)", prev)
}

// TestBallSaturation checks that Exp of the ball saturates at the gap
// BallMinGap on the geodesic, for huge and overflowing tangent vectors and
// for base points near and far from the origin; and that a base point near
// the boundary sent back through the origin (an ill-conditioned case, where
// the result depends on the last bits of x and v) still gives a point of the
// ball. A float64 point with gap δ is only located to about 2ε/(δ√c), so the
// comparisons allow that much.
func TestBallSaturation(t *testing.T) {
	rng := rand.New(rand.NewPCG(25, 26))
	const eps = 0x1p-53
	for _, c := range []float64{1, 0.5, 3} {
		for _, n := range []int{2, 10, 100} {
			b := NewPoincareBall(n, WithCurvature(c))
			sc := math.Sqrt(c)
			for _, r := range []float64{0, -1, 20, 35} {
				x := ballPoint(b, r, rng)
				u := unitTangent(b, x, rng)
				if r == 35 {
					// Straight back through the origin.
					copy(u, neg(x))
					scaleTo(u, 1/b.Norm(x, u))
				}
				y, v, lg := make([]float64, n), make([]float64, n), make([]float64, n)
				for _, s := range []float64{30, 36, 37, 40, 72, 100, 1e10, 1e300, math.MaxFloat64} {
					copy(v, u)
					scaleTo(v, s/sc)
					if !linalg.AllFinite(v) {
						for i := range v {
							v[i] = math.Copysign(math.MaxFloat64, u[i])
						}
					}
					b.Exp(y, x, v)
					if !linalg.AllFinite(y) || b.CheckPoint(y) != nil {
						t.Fatalf("c=%g n=%d r=%g s=%g: Exp = %v: %v", c, n, r, s, y[:min(3, n)], b.CheckPoint(y))
					}
					gap, _ := ballGap(c, y)
					if gap < 0.5*BallMinGap {
						t.Errorf("c=%g n=%d r=%g s=%g: gap %.3g below BallMinGap/2", c, n, r, s, gap)
					}
					if r == 35 {
						continue
					}
					gx, _ := ballGap(c, x)
					// √n: the unit direction v/‖v‖ has a norm of 1 only to
					// about √n·ε, which moves a far result by that much.
					slack := 8 * eps * (1/gx + 1/gap) * math.Sqrt(float64(n)) / sc
					d := b.Dist(x, y)
					saturated := d < s/sc-slack
					// The gap of a far float64 point is only known to about
					// √n·ε (the rounding of ‖v/‖v‖‖ = 1).
					if saturated && gap > BallMinGap+32*math.Sqrt(float64(n))*eps {
						t.Errorf("c=%g n=%d r=%g s=%g: saturated at gap %.3g, want BallMinGap", c, n, r, s, gap)
					}
					if !saturated && math.Abs(d-s/sc) > 1e-12*s/sc+slack {
						t.Errorf("c=%g n=%d r=%g s=%g: Dist(x, Exp_x v)·√c = %.17g", c, n, r, s, d*sc)
					}
					if err := b.Log(lg, x, y); err != nil {
						t.Fatal(err)
					}
					// A displacement of slack moves the direction seen from
					// x by at most slack/sinh(√c·d) (for d ≫ 1/√c).
					if e := 1 - cosAngle(lg, v); e > 1e-12+slack*sc/math.Sinh(math.Min(sc*d, 700)) {
						t.Errorf("c=%g n=%d r=%g s=%g: the result is off the geodesic (1 − cos = %.3g)", c, n, r, s, e)
					}
				}
			}
		}
	}
}

// TestHalfSpaceSaturation checks that Exp of the half-space keeps its
// results at heights ≥ HalfSpaceMinHeight and norms ≤ HalfSpaceMaxNorm, on
// the geodesic, for huge and overflowing tangent vectors, including the
// vertical directions.
func TestHalfSpaceSaturation(t *testing.T) {
	rng := rand.New(rand.NewPCG(27, 28))
	for _, c := range []float64{1, 3} {
		for _, n := range []int{2, 10, 100} {
			h := NewHalfSpace(n, WithCurvature(c))
			for trial := 0; trial < 5; trial++ {
				x := make([]float64, n)
				h.RandomPoint(x, rng)
				u := unitTangent(h, x, rng)
				if trial >= 3 {
					// Straight up, straight down.
					clear(u)
					u[n-1] = float64(2*trial - 7)
					scaleTo(u, 1/h.Norm(x, u))
				}
				y, v, lg := make([]float64, n), make([]float64, n), make([]float64, n)
				for _, s := range []float64{100, 600, 800, 1500, 1e10, 1e300, math.MaxFloat64} {
					copy(v, u)
					scaleTo(v, s/math.Sqrt(c))
					if math.IsInf(linalg.MaxAbs(v), 0) {
						for i := range v {
							if u[i] != 0 {
								v[i] = math.Copysign(math.MaxFloat64, u[i])
							}
						}
					}
					h.Exp(y, x, v)
					if !linalg.AllFinite(y) || h.CheckPoint(y) != nil {
						t.Fatalf("c=%g n=%d trial %d s=%g: Exp = %v: %v", c, n, trial, s, y[:min(3, n)], h.CheckPoint(y))
					}
					if y[n-1] < HalfSpaceMinHeight || linalg.Nrm2(y) > HalfSpaceMaxNorm*(1+1e-12) {
						t.Errorf("c=%g n=%d trial %d s=%g: Exp = %v beyond the saturation limits", c, n, trial, s, y[:min(3, n)])
					}
					d := h.Dist(x, y)
					if d*math.Sqrt(c) > s*(1+1e-12) {
						t.Errorf("c=%g n=%d s=%g: Dist(x, Exp_x v) = %g > ‖v‖", c, n, s, d)
					}
					if err := h.Log(lg, x, y); err != nil {
						t.Fatal(err)
					}
					if e := 1 - cosAngle(lg, u); e > 1e-9 {
						t.Errorf("c=%g n=%d trial %d s=%g: the result is off the geodesic (1 − cos = %.3g)", c, n, trial, s, e)
					}
				}
			}
		}
	}
}

// TestLorentzLogOverflow checks that Log reports a result whose coordinates
// overflow float64 with ErrOverflow instead of writing ±Inf.
func TestLorentzLogOverflow(t *testing.T) {
	l := NewLorentz(2)
	x := []float64{0, LorentzMaxNorm, 0}
	y := []float64{0, -LorentzMaxNorm, 0}
	l.Project(x, x)
	l.Project(y, y)
	dst := make([]float64, 3)
	err := l.Log(dst, x, y)
	if !errors.Is(err, ErrOverflow) {
		t.Errorf("Log of antipodal far points: err = %v, want ErrOverflow", err)
	}
	if d := l.Dist(x, y); relErr(d, 2*math.Acosh(LorentzMaxNorm)) > 1e-15 {
		t.Errorf("Dist of antipodal far points = %.17g, want %.17g", d, 2*math.Acosh(LorentzMaxNorm))
	}
	t.Logf("distance between the farthest antipodal points: %.4f (%v)", l.Dist(x, y), err)
}
