package hyperbolic

import (
	"github.com/geodesic-go/geodesic/internal/linalg"

	"math"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/manifold"
)

// TestConvertKnown checks the conversions on hand-derived points for c = 1
// and c = 4 (R = ½): the origins map to each other; the Lorentz point at
// distance t along the last axis, (R cosh(t/R), 0, …, R sinh(t/R)), maps to
// the ball point R·tanh(t/(2R))·e_n and to the half-space point R·e^{t/R}·e_n
// (the height grows like e^{d/R} straight up).
func TestConvertKnown(t *testing.T) {
	for _, c := range []float64{1, 4} {
		r := 1 / math.Sqrt(c)
		for _, tt := range []float64{0, 0.3, 2, 10} {
			s := tt / r
			lor := []float64{r * math.Cosh(s), 0, r * math.Sinh(s)}
			ball := []float64{0, r * math.Tanh(s/2)}
			hs := []float64{0, r * math.Exp(s)}
			got2 := make([]float64, 2)
			got3 := make([]float64, 3)
			check := func(name string, got, want []float64) {
				t.Helper()
				if e := maxAbsDiff(got, want) / math.Max(1, linalg.MaxAbs(want)); e > 4e-16*math.Max(1, math.Exp(s)) {
					t.Errorf("c=%g t=%g: %s = %v, want %v", c, tt, name, got, want)
				}
			}
			LorentzToBall(got2, lor, c)
			check("LorentzToBall", got2, ball)
			BallToLorentz(got3, ball, c)
			check("BallToLorentz", got3, lor)
			BallToHalfSpace(got2, ball, c)
			check("BallToHalfSpace", got2, hs)
			HalfSpaceToBall(got2, hs, c)
			check("HalfSpaceToBall", got2, ball)
			LorentzToHalfSpace(got2, lor, c)
			check("LorentzToHalfSpace", got2, hs)
			HalfSpaceToLorentz(got3, hs, c)
			check("HalfSpaceToLorentz", got3, lor)
		}
	}
}

// TestConvertRoundTrip checks that every pair of conversions are inverse to
// each other, that the composed routes agree (Lorentz → ball → half-space
// equals Lorentz → half-space), that results pass CheckPoint, and that the
// distances of converted pairs agree with the Lorentz distance of the
// originals. The converted points carry a rounding of about ε in each
// coordinate, which moves a ball point by up to 2ε/(1 − c‖x‖²)/√c and a
// half-space point by up to ε‖h‖/h_n/√c (in distance); the tolerance is
// 1e-12 relative plus that bound.
func TestConvertRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	const eps = 0x1p-53
	w := newWorst()
	for _, c := range []float64{1, 0.5, 3} {
		for _, n := range []int{2, 10, 100} {
			l := NewLorentz(n, WithCurvature(c))
			b := NewPoincareBall(n, WithCurvature(c))
			h := NewHalfSpace(n, WithCurvature(c))
			for trial := 0; trial < 20; trial++ {
				x, y := make([]float64, n+1), make([]float64, n+1)
				l.RandomPoint(x, rng)
				// Points up to about 12/√c from the origin, pairs at all
				// distances from 1e-12 to 24/√c.
				u := unitTangentL(l, x, rng)
				scaleTo(u, math.Pow(10, -12+13*rng.Float64())/math.Sqrt(c))
				l.Exp(y, x, u)
				xb, yb, xh, yh := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
				LorentzToBall(xb, x, c)
				LorentzToBall(yb, y, c)
				LorentzToHalfSpace(xh, x, c)
				LorentzToHalfSpace(yh, y, c)
				for _, p := range [][]float64{xb, yb} {
					if err := b.CheckPoint(p); err != nil {
						t.Fatalf("LorentzToBall gave %v", err)
					}
				}
				for _, p := range [][]float64{xh, yh} {
					if err := h.CheckPoint(p); err != nil {
						t.Fatalf("LorentzToHalfSpace gave %v", err)
					}
				}
				d := l.Dist(x, y)
				gb, _ := ballGap(c, xb)
				gb2, _ := ballGap(c, yb)
				slackB := 16 * eps * (1/gb + 1/gb2) / math.Sqrt(c)
				slackH := 16 * eps * (linalg.Nrm2(xh)/xh[n-1] + linalg.Nrm2(yh)/yh[n-1]) / math.Sqrt(c)
				w.note("ball vs Lorentz distance", max(0, math.Abs(b.Dist(xb, yb)-d)-slackB)/d, d)
				w.note("half-space vs Lorentz distance", max(0, math.Abs(h.Dist(xh, yh)-d)-slackH)/d, d)
				if d*math.Sqrt(c) >= 1 {
					w.note("ball vs Lorentz distance (d ≥ 1/√c, no slack)", relErr(b.Dist(xb, yb), d), d)
					w.note("half-space vs Lorentz distance (d ≥ 1/√c, no slack)", relErr(h.Dist(xh, yh), d), d)
				}
				// Round trips and composed routes, in coordinates.
				l2, b2, h2 := make([]float64, n+1), make([]float64, n), make([]float64, n)
				BallToLorentz(l2, xb, c)
				w.note("Lorentz → ball → Lorentz", maxAbsDiff(l2, x)/linalg.Nrm2(x), 0)
				HalfSpaceToLorentz(l2, xh, c)
				w.note("Lorentz → half-space → Lorentz", maxAbsDiff(l2, x)/linalg.Nrm2(x), 0)
				BallToHalfSpace(h2, xb, c)
				w.note("Lorentz → ball → half-space vs direct", maxAbsDiff(h2, xh)/linalg.Nrm2(xh), 0)
				HalfSpaceToBall(b2, xh, c)
				w.note("Lorentz → half-space → ball vs direct", maxAbsDiff(b2, xb)*math.Sqrt(c), 0)
			}
		}
	}
	w.report(t, map[string]float64{
		"ball vs Lorentz distance":                            1e-12,
		"half-space vs Lorentz distance":                      1e-12,
		"ball vs Lorentz distance (d ≥ 1/√c, no slack)":       1e-12,
		"half-space vs Lorentz distance (d ≥ 1/√c, no slack)": 1e-12,
		"Lorentz → ball → Lorentz":                            1e-10,
		"Lorentz → half-space → Lorentz":                      1e-10,
		"Lorentz → ball → half-space vs direct":               1e-10,
		"Lorentz → half-space → ball vs direct":               1e-14,
	})
}

// TestConvertSpecial checks aliasing, NaN and invalid inputs, and panics.
func TestConvertSpecial(t *testing.T) {
	const c = 2.0
	x := []float64{0, 0.3, -1.2, 0.7}
	x[0] = math.Sqrt(1/c + 0.09 + 1.44 + 0.49)
	want := make([]float64, 3)
	LorentzToBall(want, x, c)
	for _, dst := range [][]float64{append([]float64{}, x...)[1:], append([]float64{}, x...)[:3]} {
		src := dst[:cap(dst)]
		if len(src) == 4 {
			copy(src, x)
		} else {
			y := append([]float64{}, x...)
			dst = y[1:]
			src = y
		}
		LorentzToBall(dst, src, c)
		if maxAbsDiff(dst, want) != 0 {
			t.Errorf("LorentzToBall with overlapping dst = %v, want %v", dst, want)
		}
	}
	// BallToLorentz into a slice whose head or tail is the input.
	wantL := make([]float64, 4)
	BallToLorentz(wantL, want, c)
	buf := make([]float64, 4)
	copy(buf, want)
	BallToLorentz(buf, buf[:3], c)
	if maxAbsDiff(buf, wantL) != 0 {
		t.Errorf("BallToLorentz(dst, dst[:3]) = %v, want %v", buf, wantL)
	}
	copy(buf[1:], want)
	BallToLorentz(buf, buf[1:], c)
	if maxAbsDiff(buf, wantL) != 0 {
		t.Errorf("BallToLorentz(dst, dst[1:]) = %v, want %v", buf, wantL)
	}
	wantH := make([]float64, 3)
	BallToHalfSpace(wantH, want, c)
	copy(buf, wantH)
	HalfSpaceToLorentz(buf, buf[:3], c)
	if maxAbsDiff(buf, wantL) > 1e-15 {
		t.Errorf("HalfSpaceToLorentz(dst, dst[:3]) = %v, want %v", buf, wantL)
	}
	// Invalid points give NaN, not a panic.
	out := make([]float64, 3)
	BallToHalfSpace(out, []float64{1, 0, 0}, 1)
	if !hasNaN(out) {
		t.Errorf("BallToHalfSpace of a boundary point = %v, want NaN", out)
	}
	HalfSpaceToBall(out, []float64{1, 0, -1}, 1)
	if !hasNaN(out) {
		t.Errorf("HalfSpaceToBall of a point below the boundary = %v, want NaN", out)
	}
	// Far points: beyond the ball's range LorentzToBall rounds onto the
	// boundary (CheckPoint says so); HalfSpaceToLorentz of a point beyond
	// the Lorentz range overflows to +Inf, never NaN.
	far := []float64{0, 0, 0}
	l := NewLorentz(2)
	l.Exp(far, []float64{1, 0, 0}, []float64{0, 60, 0})
	LorentzToBall(out[:2], far, 1)
	if err := NewPoincareBall(2).CheckPoint(out[:2]); err == nil {
		t.Errorf("LorentzToBall of a point 60 from the origin = %v, passes CheckPoint", out[:2])
	}
	HalfSpaceToLorentz(buf[:3], []float64{1e300, 1e-300}, 1)
	if hasNaN(buf[:3]) || !math.IsInf(buf[0], 1) {
		t.Errorf("HalfSpaceToLorentz beyond the range = %v, want +Inf without NaN", buf[:3])
	}
	// Panics.
	for name, f := range map[string]func(){
		"LorentzToBall length":  func() { LorentzToBall(make([]float64, 3), make([]float64, 3), 1) },
		"BallToLorentz length":  func() { BallToLorentz(make([]float64, 3), make([]float64, 3), 1) },
		"BallToHalfSpace len":   func() { BallToHalfSpace(make([]float64, 3), make([]float64, 2), 1) },
		"HalfSpaceToBall len":   func() { HalfSpaceToBall(make([]float64, 2), make([]float64, 3), 1) },
		"LorentzToHalfSpace":    func() { LorentzToHalfSpace(make([]float64, 3), make([]float64, 3), 1) },
		"HalfSpaceToLorentz":    func() { HalfSpaceToLorentz(make([]float64, 3), make([]float64, 3), 1) },
		"curvature 0":           func() { LorentzToBall(make([]float64, 2), make([]float64, 3), 0) },
		"curvature NaN":         func() { BallToHalfSpace(make([]float64, 2), make([]float64, 2), math.NaN()) },
		"empty":                 func() { BallToHalfSpace(nil, nil, 1) },
		"Lorentz empty spatial": func() { LorentzToBall(nil, []float64{1}, 1) },
	} {
		if err := manifold.Maybe(f); err == nil {
			t.Errorf("%s: no manifold.Error panic", name)
		}
	}
}
