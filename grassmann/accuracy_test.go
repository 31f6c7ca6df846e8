package grassmann_test

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/grassmann"
	"github.com/geodesic-go/geodesic/internal/testutil"
)

// pairWithAngles returns float64 bases u, y of two p-dimensional subspaces
// of Rⁿ with principal angles theta (len(theta) ≤ min(p, n − p); the
// remaining angles are 0): u = Q·[I; 0]·R₁ and y = Q·Y₀·R₂, where column i
// of Y₀ is cos θᵢ·eᵢ + sin θᵢ·e_{p+i} (eᵢ for i ≥ len(theta)), and Q, R₁, R₂
// are Haar orthogonal. The rounding of these products perturbs the angles
// by O(ε); the references are computed from u and y as rounded.
func pairWithAngles(rng *rand.Rand, n, p int, theta []float64) (u, y []float64) {
	q := testutil.Haar(rng, n, false)
	u0 := make([]float64, n*p)
	y0 := make([]float64, n*p)
	for i := 0; i < p; i++ {
		u0[i*p+i] = 1
		if i < len(theta) {
			y0[i*p+i] = math.Cos(theta[i])
			y0[(p+i)*p+i] = math.Sin(theta[i])
		} else {
			y0[i*p+i] = 1
		}
	}
	u = testutil.MatMul(testutil.MatMul(q, u0, n, n, p), testutil.Haar(rng, p, false), n, p, p)
	y = testutil.MatMul(testutil.MatMul(q, y0, n, n, p), testutil.Haar(rng, p, false), n, p, p)
	return u, y
}

// largestAngles lists the largest principal angles of the contract:
// 1e-10 to 1 log-spaced, 1 to π/2 − 0.05 linearly, and π/2 − 10^{-k} for k
// from 1 to 8.
func largestAngles() []float64 {
	var ts []float64
	for e := -10.0; e <= 0; e += 0.5 {
		ts = append(ts, math.Pow(10, e))
	}
	for t := 1.1; t < math.Pi/2-0.05; t += 0.1 {
		ts = append(ts, t)
	}
	for k := 1.0; k <= 8; k += 0.5 {
		ts = append(ts, math.Pi/2-math.Pow(10, -k))
	}
	return ts
}

// anglesFor returns k principal angles with largest top, of the given kind:
// "random" (the others uniform in [0, top]), "equal" (all top) or "single"
// (one angle, the others 0).
func anglesFor(rng *rand.Rand, k int, top float64, kind string) []float64 {
	th := make([]float64, k)
	th[0] = top
	for i := 1; i < k; i++ {
		switch kind {
		case "random":
			th[i] = top * rng.Float64()
		case "equal":
			th[i] = top
		}
	}
	return th
}

type worst struct {
	err float64
	at  string
}

func (w *worst) see(e float64, at string) {
	if e > w.err || math.IsNaN(e) {
		w.err, w.at = e, at
	}
}

// TestAnglesAccuracy checks Dist, PrincipalAngles, ChordalDist and Log
// against the high-precision references of bigref_test.go for largest
// principal angles from 1e-10 to π/2 − 1e-8, on Gr(3, 1), Gr(3, 2),
// Gr(4, 2), Gr(10, 3) and Gr(50, 5), with a spot check on Gr(400, 8).
//
// Contracts (package documentation): Dist and ChordalDist relative error
// ≤ 1e-12; every principal angle within 1e-12·θ_max; Log within
// 1e-12·‖Log‖ of the reference logarithm when the two largest angles sum to
// at most π − 1e-3, and in general within (1e-14 + 4ε/g)·‖Log‖ with
// g = π − θ_p − θ_{p−1}. Two angles near π/2 put span(Y) near the conjugate
// locus of span(X) (conjugate points are where θᵢ + θⱼ = π; Bendokat,
// Zimmermann & Absil 2024), where the logarithm's condition number is
// about 1/g: a perturbation of the data of size ε rotates the pairing of the
// principal vectors by ε/g. The "equal" kind with the largest angle near π/2
// exercises that regime.
func TestAnglesAccuracy(t *testing.T) {
	rng := rand.New(rand.NewPCG(101, 102))
	shapes := [][2]int{{3, 1}, {3, 2}, {4, 2}, {10, 3}, {50, 5}}
	if testing.Short() {
		shapes = [][2]int{{3, 1}, {10, 3}}
	}
	var wDist, wAng, wChord, wLog, wCond worst
	// A tall shape is spot-checked at three angles only: the 300-bit
	// reference costs O(n·p²) big-float operations per basis.
	tall := [][2]int{{400, 8}}
	if testing.Short() {
		tall = nil
	}
	for _, sh := range append(shapes, tall...) {
		n, p := sh[0], sh[1]
		g := grassmann.New(n, p)
		k := min(p, n-p)
		kinds := []string{"random", "equal", "single"}
		tops := largestAngles()
		if k == 1 {
			kinds = kinds[:1]
		}
		if n > 100 {
			kinds = kinds[:1]
			tops = []float64{1e-10, 0.7, math.Pi/2 - 1e-8}
		}
		th := make([]float64, p)
		lg := make([]float64, n*p)
		for _, top := range tops {
			for _, kind := range kinds {
				u, y := pairWithAngles(rng, n, p, anglesFor(rng, k, top, kind))
				ref := newRefGeom(u, y, n, p)
				want, sines := ref.angles()
				at := fmt.Sprintf("Gr(%d,%d) θmax=%.3g %s", n, p, top, kind)
				dref := testutil.Frob(want)
				wDist.see(math.Abs(g.Dist(u, y)-dref)/dref, at)
				g.PrincipalAngles(th, u, y)
				var ea float64
				for i := range th {
					ea = max(ea, math.Abs(th[i]-want[i]))
				}
				wAng.see(ea/want[p-1], at)
				cref := testutil.Frob(sines)
				wChord.see(math.Abs(g.ChordalDist(u, y)-cref)/cref, at)
				if err := g.Log(lg, u, y); err != nil {
					t.Errorf("%s: Log: %v", at, err)
					continue
				}
				lref := ref.log(u)
				el := testutil.DiffNorm(lg, lref) / testutil.Frob(lref)
				gap := math.Pi - want[p-1]
				if p > 1 {
					gap -= want[p-2]
				}
				if gap >= 1e-3 {
					wLog.see(el, at)
				}
				wCond.see(el/(1e-14+4*0x1p-52/gap), at+fmt.Sprintf(" g=%.2g", gap))
			}
		}
	}
	t.Logf("worst Dist relative error        %.3g (%s)", wDist.err, wDist.at)
	t.Logf("worst angle error / θ_max        %.3g (%s)", wAng.err, wAng.at)
	t.Logf("worst ChordalDist relative error %.3g (%s)", wChord.err, wChord.at)
	t.Logf("worst Log relative error         %.3g (%s), θ_p + θ_{p−1} ≤ π − 1e-3", wLog.err, wLog.at)
	t.Logf("worst Log error / (1e-14 + 4ε/g) %.3g (%s), all cases", wCond.err, wCond.at)
	for _, c := range []struct {
		name string
		w    worst
	}{{"Dist", wDist}, {"PrincipalAngles", wAng}, {"ChordalDist", wChord}, {"Log", wLog}} {
		if !(c.w.err <= 1e-12) {
			t.Errorf("%s: relative error %.3g > 1e-12 at %s", c.name, c.w.err, c.w.at)
		}
	}
	if !(wCond.err <= 1) {
		t.Errorf("Log: error %.3g times the bound 1e-14 + 4ε/g at %s", wCond.err, wCond.at)
	}
}

// TestExpLogRoundTrip checks the round-trip contract
//
//	‖Log_Y(Exp_Y Δ) − Δ‖_F ≤ 1e-12·‖Δ‖_F + 1e-15·√p,   ‖Δ‖ ≤ 0.99·π/2,
//
// for random, rank-one and equal-singular-value Δ with ‖Δ‖ from 1e-8 to
// 0.99·π/2: a relative error of 1e-12 down to ‖Δ‖ ≈ 1e-3·√p, and below that
// an absolute floor set by the rounding of the point Exp_Y Δ to float64,
// which moves its span by O(ε·√p) and which no logarithm can undo.
func TestExpLogRoundTrip(t *testing.T) {
	rng := rand.New(rand.NewPCG(103, 104))
	var wRel, wAbs, wBound worst
	for _, sh := range [][3]int{{3, 1, 2}, {3, 2, 2}, {5, 2, 2}, {10, 3, 2}, {50, 5, 2}, {200, 8, 1}, {300, 30, 1}} {
		n, p, trials := sh[0], sh[1], sh[2]
		g := grassmann.New(n, p)
		y, v, q, w := make([]float64, n*p), make([]float64, n*p), make([]float64, n*p), make([]float64, n*p)
		step := 0.25
		if n*p > 2000 {
			step = 1
		}
		for _, kind := range []string{"random", "rank1", "equal"} {
			for e := -8.0; e <= 0.2+1e-9; e += step {
				norm := math.Pow(10, e)
				if e > 0.19 {
					norm = 0.99 * math.Pi / 2
				}
				for trial := 0; trial < trials; trial++ {
					g.RandomPoint(y, rng)
					tangentOfKind(g, v, y, kind, rng)
					scale(v, norm/testutil.Frob(v))
					g.Exp(q, y, v)
					if err := g.Log(w, y, q); err != nil {
						t.Fatalf("Gr(%d,%d) ‖Δ‖=%.3g: Log: %v", n, p, norm, err)
					}
					d := testutil.DiffNorm(w, v)
					at := fmt.Sprintf("Gr(%d,%d) ‖Δ‖=%.3g %s", n, p, norm, kind)
					wBound.see(d/(1e-12*norm+1e-15*math.Sqrt(float64(p))), at)
					if norm >= 1e-3*math.Sqrt(float64(p)) {
						wRel.see(d/norm, at)
					} else {
						wAbs.see(d/math.Sqrt(float64(p)), at)
					}
				}
			}
		}
	}
	t.Logf("worst relative error for ‖Δ‖ ∈ [1e-3·√p, 0.99·π/2]: %.3g (%s)", wRel.err, wRel.at)
	t.Logf("worst absolute error/√p below:                      %.3g (%s)", wAbs.err, wAbs.at)
	t.Logf("worst error / (1e-12·‖Δ‖ + 1e-15·√p):               %.3g (%s)", wBound.err, wBound.at)
	if !(wBound.err <= 1) {
		t.Errorf("round-trip error %.3g times the bound 1e-12·‖Δ‖ + 1e-15·√p at %s", wBound.err, wBound.at)
	}
}

// tangentOfKind writes a horizontal vector at y: a random tangent ("random"),
// a rank-one one ("rank1", a single nonzero principal angle), or one with
// all singular values equal ("equal", Δ = Z·O with Z orthonormal and
// horizontal).
func tangentOfKind(g *grassmann.Grassmann, dst, y []float64, kind string, rng *rand.Rand) {
	n, p := g.Shape()
	g.RandomTangent(dst, y, rng)
	switch kind {
	case "rank1":
		// a·bᵀ with a horizontal (first column of dst) and b random.
		b := make([]float64, p)
		for j := range b {
			b[j] = rng.NormFloat64()
		}
		a := make([]float64, n)
		for i := range a {
			a[i] = dst[i*p]
		}
		for i := 0; i < n; i++ {
			for j := 0; j < p; j++ {
				dst[i*p+j] = a[i] * b[j]
			}
		}
	case "equal":
		k := min(p, n-p)
		if k < p {
			return // rank ≤ n − p < p: equal singular values impossible
		}
		var qr mat.QR
		qr.Factorize(mat.NewDense(n, p, dst))
		var q mat.Dense
		qr.QTo(&q)
		o := testutil.Haar(rng, p, false)
		for i := 0; i < n; i++ {
			for j := 0; j < p; j++ {
				var s float64
				for l := 0; l < p; l++ {
					s += q.At(i, l) * o[l*p+j]
				}
				dst[i*p+j] = s
			}
		}
	}
}
