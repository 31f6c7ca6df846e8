package hyperbolic

import (
	"github.com/geodesic-go/geodesic/internal/linalg"

	"math"
	"math/rand/v2"
	"testing"
)

// worstTracker records the worst error of each measured quantity.
type worstTracker struct {
	worst, at map[string]float64
	order     []string
}

func newWorst() *worstTracker {
	return &worstTracker{worst: map[string]float64{}, at: map[string]float64{}}
}

func (w *worstTracker) note(what string, e, at float64) {
	if _, ok := w.worst[what]; !ok {
		w.order = append(w.order, what)
		w.worst[what] = 0
	}
	if e > w.worst[what] || e != e {
		w.worst[what], w.at[what] = e, at
	}
}

func (w *worstTracker) report(t *testing.T, tols map[string]float64) {
	t.Helper()
	for _, what := range w.order {
		t.Logf("worst %s error %.2g (at %.3g)", what, w.worst[what], w.at[what])
		if tol, ok := tols[what]; ok && !(w.worst[what] <= tol) {
			t.Errorf("%s: worst error %.3g > %g (at %.3g)", what, w.worst[what], tol, w.at[what])
		}
	}
}

// relErrFloor is relErr with a reference below 1e-300 taken as 0 (the
// 2400-bit reference is off by about 1e-318 for identical far points).
func relErrFloor(got, want float64) float64 {
	if math.Abs(want) < 1e-300 {
		want = 0
	}
	if got == want {
		return 0
	}
	return relErr(got, want)
}

// ballSweep lists distances 1e-12 … 1 log-spaced and 1 … 72 linearly.
func ballSweep() []float64 {
	var ts []float64
	for e := -12.0; e < 0; e += 0.5 {
		ts = append(ts, math.Pow(10, e))
	}
	for t := 1.0; t <= 72; t += 1.3 {
		ts = append(ts, t)
	}
	return ts
}

func unitTangent(m interface {
	RandomTangent(dst, x []float64, rng *rand.Rand)
	Norm(x, v []float64) float64
}, x []float64, rng *rand.Rand) []float64 {
	v := make([]float64, len(x))
	m.RandomTangent(v, x, rng)
	k := 1 / m.Norm(x, v)
	for i := range v {
		v[i] *= k
	}
	return v
}

// TestBallDistAccuracy checks Dist and Log of the ball against the 2400-bit
// references, for pairs y = Exp_x(t·u) from random base points, the origin
// and base points 30/√c from the origin (gap about 4e-13), with t from 1e-12
// up to where Exp saturates (about 36/√c from the origin), n = 2, 10, 100,
// c = 1, 0.5, 3.
func TestBallDistAccuracy(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	w := newWorst()
	for _, c := range []float64{1, 0.5, 3} {
		for _, n := range []int{2, 10, 100} {
			b := NewPoincareBall(n, WithCurvature(c))
			for _, r := range []float64{-1, 0, 30} {
				for trial := 0; trial < 2; trial++ {
					x := make([]float64, n)
					if r < 0 {
						b.RandomPoint(x, rng)
					} else if r > 0 {
						o := make([]float64, n)
						u := unitTangent(b, o, rng)
						scaleTo(u, r/math.Sqrt(c))
						b.Exp(x, o, u)
					}
					u := unitTangent(b, x, rng)
					y, v, lg := make([]float64, n), make([]float64, n), make([]float64, n)
					for _, d := range ballSweep() {
						d /= math.Sqrt(c)
						copy(v, u)
						scaleTo(v, d)
						b.Exp(y, x, v)
						if b.CheckPoint(y) != nil {
							t.Fatalf("c=%g n=%d: Exp left the ball", c, n)
						}
						want := refBallDist(x, y, c)
						w.note("Dist", relErrFloor(b.Dist(x, y), want), want)
						w.note("Dist(y, x)", relErrFloor(b.Dist(y, x), want), want)
						if err := b.Log(lg, x, y); err != nil {
							t.Fatal(err)
						}
						ref := refBallLog(x, y, c)
						w.note("Log", maxAbsDiff(lg, ref)/math.Max(linalg.MaxAbs(ref), 1e-300), want)
					}
				}
			}
		}
	}
	w.report(t, map[string]float64{"Dist": 1e-12, "Dist(y, x)": 1e-12, "Log": 1e-12})
}

// TestBallRange measures the float64 range of the ball: along random
// directions u, the points p = (tanh(√c·t/2)/√c)·u rounded to float64, for
// t from 30/√c upwards until they no longer round strictly inside the ball
// (decided exactly in big arithmetic). It checks that CheckPoint agrees with
// the exact decision, and that Dist(0, p) is accurate to 1e-12 for every p
// inside, and logs the largest exact distance from the origin of a point
// inside (2·atanh(1 − 2⁻⁵³) ≈ 37.43 along a coordinate axis for c = 1;
// random directions give about the same, give or take the rounding of u).
func TestBallRange(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for _, c := range []float64{1, 0.5, 3} {
		lo, hi := math.Inf(1), 0.0
		var worst float64
		for _, n := range []int{2, 10, 100} {
			b := NewPoincareBall(n, WithCurvature(c))
			o := make([]float64, n)
			for trial := 0; trial < 3; trial++ {
				u := make([]float64, n)
				for i := range u {
					u[i] = rng.NormFloat64()
				}
				scaleTo(u, 1/linalg.Nrm2(u))
				p := make([]float64, n)
				var far float64
				for tt := 30.0; tt < 40; tt += 0.02 {
					rho := math.Tanh(tt/2) / math.Sqrt(c)
					for i := range p {
						p[i] = rho * u[i]
					}
					inside := refBallInside(p, c)
					if ok := b.CheckPoint(p) == nil; ok != inside {
						t.Errorf("c=%g n=%d t=%g: CheckPoint says inside=%v, exact %v", c, n, tt, ok, inside)
					}
					if !inside || rho == 1/math.Sqrt(c) {
						break
					}
					want := refBallDist(o, p, c)
					far = max(far, want*math.Sqrt(c))
					worst = max(worst, relErr(b.Dist(o, p), want))
				}
				lo, hi = min(lo, far), max(hi, far)
			}
		}
		t.Logf("c=%g: along random directions the last float64 point inside is at √c·d between %.2f and %.2f from the origin (worst Dist error up to there %.2g)", c, lo, hi, worst)
		if worst > 1e-12 {
			t.Errorf("c=%g: Dist relative error %.3g > 1e-12 near the edge of the ball's range", c, worst)
		}
	}
	// Along a coordinate axis, c = 1: 1 − 2⁻⁵³ is the last float64 inside.
	b := NewPoincareBall(2)
	p := []float64{1 - 0x1p-53, 0}
	if err := b.CheckPoint(p); err != nil {
		t.Errorf("CheckPoint(1 − 2⁻⁵³, 0) = %v", err)
	}
	d := b.Dist([]float64{0, 0}, p)
	want := math.Log(2-0x1p-53) - math.Log(0x1p-53) // 2·atanh(1 − 2⁻⁵³) = ln((2 − 2⁻⁵³)/2⁻⁵³)
	if relErr(d, want) > 1e-15 {
		t.Errorf("Dist(0, (1 − 2⁻⁵³, 0)) = %.17g, want %.17g", d, want)
	}
	t.Logf("c=1, along an axis: the last float64 point inside is at distance %.4f from the origin", d)
	if err := b.CheckPoint([]float64{1, 0}); err == nil {
		t.Error("CheckPoint accepts a point on the boundary")
	}
}

// hsSweep lists distances 1e-12 … 1 log-spaced and 1 … 1350.
func hsSweep() []float64 {
	var ts []float64
	for e := -12.0; e < 0; e += 0.5 {
		ts = append(ts, math.Pow(10, e))
	}
	for t := 1.0; t <= 1350; t += 27 {
		ts = append(ts, t)
	}
	return ts
}

// TestHalfSpaceDistAccuracy checks Dist and Log of the half-space against
// the 2400-bit references for pairs y = Exp_x(t·u) from random base points,
// the origin (0, …, 0, 1/√c), and points far above and below it (heights
// 1e100 and 1e-100), t from 1e-12 up to where Exp saturates.
func TestHalfSpaceDistAccuracy(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	w := newWorst()
	for _, c := range []float64{1, 0.5, 3} {
		for _, n := range []int{2, 10, 100} {
			h := NewHalfSpace(n, WithCurvature(c))
			for _, base := range []float64{-1, 1, 1e100, 1e-100} {
				for trial := 0; trial < 2; trial++ {
					x := make([]float64, n)
					if base < 0 {
						h.RandomPoint(x, rng)
					} else {
						x[n-1] = base / math.Sqrt(c)
					}
					u := unitTangent(h, x, rng)
					y, v, lg := make([]float64, n), make([]float64, n), make([]float64, n)
					for _, d := range hsSweep() {
						d /= math.Sqrt(c)
						copy(v, u)
						scaleTo(v, d)
						h.Exp(y, x, v)
						if h.CheckPoint(y) != nil {
							t.Fatalf("Exp left the half-space: %v", y)
						}
						want := refHalfSpaceDist(x, y, c)
						w.note("Dist", relErrFloor(h.Dist(x, y), want), want)
						w.note("Dist(y, x)", relErrFloor(h.Dist(y, x), want), want)
						if want < 40 {
							// Beyond, the tangent at x of the geodesic arc is
							// itself ill-determined by the float64 y.
							if err := h.Log(lg, x, y); err != nil {
								t.Fatal(err)
							}
							ref := refHalfSpaceLog(x, y, c)
							w.note("Log", maxAbsDiff(lg, ref)/math.Max(linalg.MaxAbs(ref), 1e-300), want)
						}
						if d*math.Sqrt(c) < 400 { // no saturation
							// The rounding of the coordinates of x and y moves
							// them by up to about ε·‖p‖/p_n/√c each; the error
							// in excess of that, relative to t:
							last := n - 1
							slack := 8 * 0x1p-53 * (2 + linalg.Nrm2(x)/x[last] + linalg.Nrm2(y)/y[last]) / math.Sqrt(c)
							w.note("Exp (exact distance vs t)", max(0, math.Abs(want-d)-slack)/d, d)
							if d*math.Sqrt(c) >= 1 {
								w.note("Exp (exact distance vs t ≥ 1/√c, no slack)", relErr(want, d), d)
							}
						}
					}
				}
			}
		}
	}
	w.report(t, map[string]float64{"Dist": 1e-12, "Dist(y, x)": 1e-12, "Log": 1e-12, "Exp (exact distance vs t)": 1e-12})
}
