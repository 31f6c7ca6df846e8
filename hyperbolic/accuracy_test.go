package hyperbolic

import (
	"github.com/geodesic-go/geodesic/internal/linalg"

	"math"
	"math/rand/v2"
	"testing"
)

// relErr returns |got − want|/|want| (0 if both are 0, +Inf for NaN).
func relErr(got, want float64) float64 {
	if got == want {
		return 0
	}
	e := math.Abs(got-want) / math.Abs(want)
	if e != e {
		return math.Inf(1)
	}
	return e
}

// lorentzSweep lists the distances of the Lorentz contract: 1e-12 to 1
// log-spaced, then 1 to 700.
func lorentzSweep() []float64 {
	var ts []float64
	for e := -12.0; e < 0; e += 0.5 {
		ts = append(ts, math.Pow(10, e))
	}
	for t := 1.0; t < 10; t += 1.7 {
		ts = append(ts, t)
	}
	for t := 10.0; t <= 700; t += 37 {
		ts = append(ts, t)
	}
	return append(ts, 700)
}

// unitTangentL returns a random tangent vector at x of Lorentz norm 1.
func unitTangentL(l *Lorentz, x []float64, rng *rand.Rand) []float64 {
	v := make([]float64, len(x))
	l.RandomTangent(v, x, rng)
	k := 1 / l.Norm(x, v)
	for i := range v {
		v[i] *= k
	}
	return v
}

// lorentzBase returns a base point at distance r from the origin in a random
// direction (r = −1: a RandomPoint).
func lorentzBase(l *Lorentz, r float64, rng *rand.Rand) []float64 {
	x := make([]float64, l.n+1)
	if r < 0 {
		l.RandomPoint(x, rng)
		return x
	}
	o := make([]float64, l.n+1)
	l.Origin(o)
	v := unitTangentL(l, o, rng)
	for i := range v {
		v[i] *= r
	}
	l.Exp(x, o, v)
	return x
}

// TestLorentzDistAccuracy checks the Lorentz distance against the 2400-bit
// reference for distances from 1e-12 to 700, from base points that are
// random points (within about 3 of the origin), the origin, and points at
// distance 5 from it, for n = 2, 10, 100 and c = 1; at c = 0.5 and 3 the
// sweep is scaled by 1/√c. It also checks Exp: the exact distance of the
// float64 point Exp_x(tv) from x is t to 1e-12.
func TestLorentzDistAccuracy(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	worst := map[string]float64{}
	at := map[string]float64{}
	note := func(what string, e, d float64) {
		if e > worst[what] {
			worst[what], at[what] = e, d
		}
	}
	for _, c := range []float64{1, 0.5, 3} {
		for _, n := range []int{2, 10, 100} {
			l := NewLorentz(n, WithCurvature(c))
			for _, r := range []float64{-1, 0, 5} {
				for trial := 0; trial < 2; trial++ {
					x := lorentzBase(l, r/math.Sqrt(c), rng)
					u := unitTangentL(l, x, rng)
					y := make([]float64, n+1)
					v := make([]float64, n+1)
					for _, d := range lorentzSweep() {
						d /= math.Sqrt(c)
						for i := range v {
							v[i] = d * u[i]
						}
						l.Exp(y, x, v)
						want := refLorentzDist(x, y, c)
						got := l.Dist(x, y)
						note("Dist", relErr(got, want), want)
						note("Dist(y, x)", relErr(l.Dist(y, x), want), want)
						// Exp: the exact distance of the float64 result from x
						// against the exact Minkowski norm of the float64 v. At
						// base points far from the origin the ambient
						// coordinates of a tangent vector determine its norm
						// only to about ε·c·x₀² (cancellation in the form), so
						// the contract is stated for base points near the
						// origin; the r = 5 bases are reported separately.
						// The rounding of the result's coordinates alone moves it
						// by up to a few ε·(1/√c + ‖x_{1:}‖) for short steps, so
						// the measure is the error in excess of that, relative
						// to ‖v‖.
						nv := refMinkowskiNorm(v)
						slack := 16 * 0x1p-53 * (l.r + linalg.Nrm2(x[1:]))
						e := max(0, math.Abs(want-nv)-slack) / nv
						if r < 5 {
							note("Exp", e, nv)
						} else {
							note("Exp (base at 5)", e, nv)
						}
						lg := make([]float64, n+1)
						if err := l.Log(lg, x, y); err != nil {
							t.Fatal(err)
						}
						ref := refLorentzLog(x, y, c)
						note("Log", maxAbsDiff(lg, ref)/linalg.MaxAbs(ref), want)
						if want >= 10 {
							note("given x₀", relErr(refLorentzDistGiven(x, y, c), want), want)
						}
					}
				}
			}
		}
	}
	for _, what := range []string{"Dist", "Dist(y, x)", "Log", "Exp", "Exp (base at 5)", "given x₀"} {
		t.Logf("worst %s relative error %.2g (at d = %.3g)", what, worst[what], at[what])
	}
	for what, tol := range map[string]float64{"Dist": 1e-12, "Dist(y, x)": 1e-12, "Log": 1e-12, "Exp": 1e-12, "given x₀": 1e-12} {
		if worst[what] > tol {
			t.Errorf("%s: worst relative error %.3g > %g (at d = %.3g)", what, worst[what], tol, at[what])
		}
	}
}

// TestLorentzFarFromOrigin measures the Lorentz distance for pairs whose
// nearer point is r = 10, 20, 30 from the origin. The float64 coordinates of
// such a point locate it across the radial direction only to about
// ε·sinh(√c·r)/√c (a rounding of x_i by ε|x_i| moves it that far), so the
// distance of a pair at distance d is determined by its coordinates only to
// a relative ε·sinh(√c·r)/(√c·d): the measured error is checked against
// 1e-12 + 64 times that bound and logged.
func TestLorentzFarFromOrigin(t *testing.T) {
	rng := rand.New(rand.NewPCG(35, 36))
	l := NewLorentz(10)
	for _, r := range []float64{10, 20, 30} {
		var worst, worstRatio float64
		for trial := 0; trial < 4; trial++ {
			x := lorentzBase(l, r, rng)
			u := unitTangentL(l, x, rng)
			y, v := make([]float64, 11), make([]float64, 11)
			for _, d := range lorentzSweep() {
				copy(v, u)
				scaleTo(v, d)
				l.Exp(y, x, v)
				want := refLorentzDist(x, y, 1)
				if want < 1e-300 {
					continue
				}
				e := relErrFloor(l.Dist(x, y), want)
				bound := 0x1p-53 * math.Sinh(r) / want
				worst = max(worst, e)
				worstRatio = max(worstRatio, e/(1e-12+bound))
				if e > 1e-12+64*bound {
					t.Errorf("r=%g d=%.3g: relative error %.3g beyond the conditioning bound %.3g", r, want, e, bound)
				}
			}
		}
		t.Logf("nearer point %g from the origin: worst Dist relative error %.2g (%.2g of the bound 1e-12 + ε·sinh(r)/d)", r, worst, worstRatio)
	}
}
