package hyperbolic

import (
	"github.com/geodesic-go/geodesic/internal/linalg"

	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/manifold"
)

// ballPoint returns a random point of the ball at distance about r/√c from
// the origin (r < 0: a RandomPoint).
func ballPoint(b *PoincareBall, r float64, rng *rand.Rand) []float64 {
	x := make([]float64, b.n)
	if r < 0 {
		b.RandomPoint(x, rng)
		return x
	}
	for i := range x {
		x[i] = rng.NormFloat64()
	}
	t, _ := tanhSech2(r / 2)
	scaleTo(x, t/linalg.Nrm2(x)/b.sqrtC)
	return x
}

func neg(x []float64) []float64 {
	y := make([]float64, len(x))
	for i, v := range x {
		y[i] = -v
	}
	return y
}

// TestMobiusIdentities checks the gyrogroup identities of Ungar (2008) on
// random points of the ball, at distances up to 12/√c from the origin, and
// the definition of the gyration: for a, b, z in the ball and r, s real,
//
//	(−a) ⊕ (a ⊕ b) = b                       (left cancellation)
//	gyr[a, b]z = ⊖(a ⊕ b) ⊕ (a ⊕ (b ⊕ z))     (definition)
//	a ⊕ (b ⊕ z) = (a ⊕ b) ⊕ gyr[a, b]z        (left gyroassociativity)
//	a ⊕ b = gyr[a, b](b ⊕ a)                  (gyrocommutativity)
//	‖gyr[a, b]z‖ = ‖z‖                       (gyrations are orthogonal)
//	r ⊗ (s ⊗ a) = (rs) ⊗ a,  (r + s) ⊗ a = (r ⊗ a) ⊕ (s ⊗ a)
//	d(a, b) = (2/√c)·atanh(√c‖(−a) ⊕ b‖)       (Ganea et al. 2018)
//	M ⊗ a = Exp_0(M·Log_0 a),  (MN) ⊗ a = M ⊗ (N ⊗ a).
//
// Points are compared in units of the radius, |·|·√c ≤ tol·(1 + …): the
// operations are accurate to a few ulps of the radius in each coordinate.
func TestMobiusIdentities(t *testing.T) {
	rng := rand.New(rand.NewPCG(17, 18))
	w := newWorst()
	for _, c := range []float64{1, 0.5, 3} {
		for _, n := range []int{2, 3, 10, 100} {
			b := NewPoincareBall(n, WithCurvature(c))
			sc := math.Sqrt(c)
			tmp1, tmp2, tmp3, tmp4 := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
			for trial := 0; trial < 8; trial++ {
				r := []float64{-1, 0.1, 1, 4}[trial%4]
				a, bb, z := ballPoint(b, r, rng), ballPoint(b, -1, rng), ballPoint(b, r, rng)
				// Left cancellation.
				MobiusAdd(tmp1, a, bb, c)
				MobiusAdd(tmp2, neg(a), tmp1, c)
				w.note("left cancellation", maxAbsDiff(tmp2, bb)*sc, r)
				// Gyration closed form against its definition.
				Gyration(tmp1, a, bb, z, c)
				MobiusAdd(tmp2, bb, z, c)
				MobiusAdd(tmp2, a, tmp2, c)
				MobiusAdd(tmp3, a, bb, c)
				MobiusAdd(tmp3, neg(tmp3), tmp2, c)
				w.note("gyration = definition", maxAbsDiff(tmp1, tmp3)*sc, r)
				// Left gyroassociativity: tmp2 = a ⊕ (b ⊕ z).
				MobiusAdd(tmp3, a, bb, c)
				MobiusAdd(tmp4, tmp3, tmp1, c)
				w.note("gyroassociativity", maxAbsDiff(tmp4, tmp2)*sc, r)
				// Gyrocommutativity.
				MobiusAdd(tmp1, bb, a, c)
				Gyration(tmp1, a, bb, tmp1, c)
				MobiusAdd(tmp2, a, bb, c)
				w.note("gyrocommutativity", maxAbsDiff(tmp1, tmp2)*sc, r)
				// Orthogonality of gyr, also on vectors outside the ball.
				v := make([]float64, n)
				for i := range v {
					v[i] = 10 * rng.NormFloat64()
				}
				Gyration(tmp1, a, bb, v, c)
				w.note("‖gyr v‖ = ‖v‖", math.Abs(linalg.Nrm2(tmp1)-linalg.Nrm2(v))/linalg.Nrm2(v), r)
				// Scalar multiplication.
				rr, ss := 2*rng.Float64()-0.5, 1.5*rng.Float64()
				MobiusScalarMul(tmp1, ss, a, c)
				MobiusScalarMul(tmp1, rr, tmp1, c)
				MobiusScalarMul(tmp2, rr*ss, a, c)
				w.note("r ⊗ (s ⊗ a) = (rs) ⊗ a", maxAbsDiff(tmp1, tmp2)*sc, r)
				MobiusScalarMul(tmp1, rr, a, c)
				MobiusScalarMul(tmp2, ss, a, c)
				MobiusAdd(tmp3, tmp1, tmp2, c)
				MobiusScalarMul(tmp4, rr+ss, a, c)
				w.note("(r + s) ⊗ a = (r ⊗ a) ⊕ (s ⊗ a)", maxAbsDiff(tmp3, tmp4)*sc, r)
				// Distance through the Möbius difference.
				MobiusAdd(tmp1, neg(a), bb, c)
				dm := 2 / sc * math.Atanh(sc*linalg.Nrm2(tmp1))
				want := refBallDist(a, bb, c)
				w.note("d = (2/√c)atanh(√c‖(−a) ⊕ b‖)", relErr(dm, want), want)
				// Matrix-vector product against Exp_0(M·Log_0 a).
				m := make([]float64, n*n)
				nm := make([]float64, n*n)
				for i := range m {
					m[i] = rng.NormFloat64() / math.Sqrt(float64(n))
					nm[i] = rng.NormFloat64() / math.Sqrt(float64(n))
				}
				o := make([]float64, n)
				MobiusMatVec(tmp1, m, n, n, a, c)
				if err := b.Log(tmp2, o, a); err != nil {
					t.Fatal(err)
				}
				for i := 0; i < n; i++ {
					tmp3[i] = dot(m[i*n:(i+1)*n], tmp2)
				}
				b.Exp(tmp3, o, tmp3)
				w.note("M ⊗ a = Exp_0(M·Log_0 a)", maxAbsDiff(tmp1, tmp3)*sc, r)
				mn := make([]float64, n*n)
				for i := 0; i < n; i++ {
					for j := 0; j < n; j++ {
						var s float64
						for k := 0; k < n; k++ {
							s += m[i*n+k] * nm[k*n+j]
						}
						mn[i*n+j] = s
					}
				}
				MobiusMatVec(tmp1, mn, n, n, a, c)
				MobiusMatVec(tmp2, nm, n, n, a, c)
				MobiusMatVec(tmp2, m, n, n, tmp2, c)
				w.note("(MN) ⊗ a = M ⊗ (N ⊗ a)", maxAbsDiff(tmp1, tmp2)*sc, r)
			}
		}
	}
	w.report(t, map[string]float64{
		"left cancellation":               1e-13,
		"gyration = definition":           1e-13,
		"gyroassociativity":               1e-13,
		"gyrocommutativity":               1e-13,
		"‖gyr v‖ = ‖v‖":                   1e-14,
		"r ⊗ (s ⊗ a) = (rs) ⊗ a":          1e-13,
		"(r + s) ⊗ a = (r ⊗ a) ⊕ (s ⊗ a)": 1e-13,
		"d = (2/√c)atanh(√c‖(−a) ⊕ b‖)":   1e-9,
		"M ⊗ a = Exp_0(M·Log_0 a)":        1e-13,
		"(MN) ⊗ a = M ⊗ (N ⊗ a)":          1e-13,
	})
}

// TestMobiusAddNearBoundary checks MobiusAdd against the textbook formula
// evaluated in 2400-bit arithmetic, for points near the boundary (gaps down
// to 1e-15) in opposite and equal directions, where the textbook formula in
// float64 loses every digit of the result's gap.
func TestMobiusAddNearBoundary(t *testing.T) {
	rng := rand.New(rand.NewPCG(19, 20))
	var worst float64
	for _, c := range []float64{1, 3} {
		b := NewPoincareBall(5, WithCurvature(c))
		for trial := 0; trial < 200; trial++ {
			x := ballPoint(b, 10+25*rng.Float64(), rng)
			y := ballPoint(b, 10+25*rng.Float64(), rng)
			if trial%3 == 0 {
				// Nearly opposite: x ⊕ y near the origin.
				y = neg(x)
				y[0] *= 1 - 1e-10*rng.Float64()
			}
			got := make([]float64, 5)
			MobiusAdd(got, x, y, c)
			ref := refMobiusAdd(x, y, c)
			// Exact result still inside the representable range?
			rf := make([]float64, 5)
			for i := range rf {
				rf[i], _ = ref[i].Float64()
			}
			g := refBallGap(rf, c)
			if g.Cmp(new(big.Float).SetFloat64(BallMinGap)) < 0 {
				continue // the result is clamped (tested elsewhere)
			}
			worst = max(worst, maxAbsDiff(got, rf)*math.Sqrt(c))
		}
	}
	t.Logf("worst MobiusAdd error near the boundary %.2g (in units of the radius)", worst)
	if worst > 4e-15 {
		t.Errorf("MobiusAdd near the boundary: error %.3g > 4e-15 (units of the radius)", worst)
	}
}

// TestGyroMidpoint checks that the gyromidpoint of two points with equal
// weights is the midpoint of the geodesic (Exp_x(½·Log_x y)), that weights
// move it along the geodesic as the Einstein midpoint prescribes (weights
// w, 1 − w with w → 1 give x), that it is symmetric and a point of the
// ball, and that one point is its own midpoint.
func TestGyroMidpoint(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	w := newWorst()
	for _, c := range []float64{1, 0.5, 3} {
		for _, n := range []int{2, 10, 100} {
			b := NewPoincareBall(n, WithCurvature(c))
			sc := math.Sqrt(c)
			for trial := 0; trial < 6; trial++ {
				x, y := ballPoint(b, float64(trial)*5, rng), ballPoint(b, -1, rng)
				pts := append(append([]float64{}, x...), y...)
				m := make([]float64, n)
				GyroMidpoint(m, pts, nil, c)
				v := make([]float64, n)
				if err := b.Log(v, x, y); err != nil {
					t.Fatal(err)
				}
				scaleTo(v, 0.5)
				geo := make([]float64, n)
				b.Exp(geo, x, v)
				// Both midpoints carry a rounding of about ε per coordinate,
				// a displacement of up to 2ε/((1 − c‖m‖²)√c) each, and the
				// geodesic route turns a direction error of a few ε at x
				// into a displacement of sinh(√c·d/2)/√c times that.
				gm, _ := ballGap(c, m)
				gg, _ := ballGap(c, geo)
				dxy := b.Dist(x, y)
				slack := 16 * 0x1p-53 * (1/gm + 1/gg + math.Sinh(sc*dxy/2)) / sc
				w.note("midpoint vs geodesic midpoint (distance)", max(0, b.Dist(m, geo)-slack)/dxy, 0)
				if trial <= 1 {
					w.note("midpoint vs geodesic midpoint, x within 5 of the origin (no slack)", b.Dist(m, geo)/dxy, 0)
				}
				w.note("d(m, x) − d(m, y)", max(0, math.Abs(b.Dist(m, x)-b.Dist(m, y))-slack)/dxy, 0)
				swapped := append(append([]float64{}, y...), x...)
				m2 := make([]float64, n)
				GyroMidpoint(m2, swapped, []float64{2, 2}, c)
				w.note("symmetry and scale of weights", maxAbsDiff(m, m2)*sc, 0)
				GyroMidpoint(m2, x, nil, c)
				w.note("midpoint of one point", maxAbsDiff(m2, x)*sc, 0)
				GyroMidpoint(m2, pts, []float64{1, 0}, c)
				w.note("weights (1, 0)", maxAbsDiff(m2, x)*sc, 0)
				if b.CheckPoint(m) != nil {
					t.Errorf("midpoint not in the ball")
				}
			}
		}
	}
	w.report(t, map[string]float64{
		"midpoint vs geodesic midpoint (distance)":                           1e-12,
		"d(m, x) − d(m, y)":                                                  1e-12,
		"midpoint vs geodesic midpoint, x within 5 of the origin (no slack)": 1e-13,
		"symmetry and scale of weights":                                      1e-14,
		"midpoint of one point":                                              1e-14,
		"weights (1, 0)":                                                     1e-14,
	})
	// Dst aliasing one of the points, and panics.
	x := []float64{0.1, 0.2, 0.3, -0.4}
	want := make([]float64, 2)
	GyroMidpoint(want, x, nil, 1)
	GyroMidpoint(x[2:], x, nil, 1)
	if maxAbsDiff(x[2:], want) != 0 {
		t.Errorf("GyroMidpoint with dst aliasing a point: %v, want %v", x[2:], want)
	}
	for name, f := range map[string]func(){
		"length":         func() { GyroMidpoint(make([]float64, 2), make([]float64, 3), nil, 1) },
		"weights length": func() { GyroMidpoint(make([]float64, 2), make([]float64, 4), []float64{1}, 1) },
		"negative":       func() { GyroMidpoint(make([]float64, 2), make([]float64, 4), []float64{1, -1}, 1) },
		"zero sum":       func() { GyroMidpoint(make([]float64, 2), make([]float64, 4), []float64{0, 0}, 1) },
		"MobiusAdd":      func() { MobiusAdd(make([]float64, 2), make([]float64, 2), make([]float64, 3), 1) },
		"ScalarMul":      func() { MobiusScalarMul(make([]float64, 2), 1, make([]float64, 3), 1) },
		"MatVec":         func() { MobiusMatVec(make([]float64, 2), make([]float64, 5), 2, 3, make([]float64, 3), 1) },
		"Gyration":       func() { Gyration(make([]float64, 2), make([]float64, 2), make([]float64, 2), make([]float64, 1), 1) },
		"curvature":      func() { MobiusAdd(make([]float64, 2), make([]float64, 2), make([]float64, 2), -1) },
	} {
		if err := manifold.Maybe(f); err == nil {
			t.Errorf("%s: no manifold.Error panic", name)
		}
	}
}

// TestMobiusSpecial checks identities that hold exactly, aliasing, NaN
// propagation and saturation of the Möbius operations.
func TestMobiusSpecial(t *testing.T) {
	x := []float64{0.3, -0.4, 0.1}
	z := make([]float64, 3)
	out := make([]float64, 3)
	MobiusAdd(out, x, z, 1)
	if maxAbsDiff(out, x) != 0 {
		t.Errorf("x ⊕ 0 = %v, want %v", out, x)
	}
	MobiusAdd(out, z, x, 1)
	if maxAbsDiff(out, x) != 0 {
		t.Errorf("0 ⊕ x = %v, want %v", out, x)
	}
	MobiusScalarMul(out, 0, x, 1)
	if linalg.MaxAbs(out) != 0 {
		t.Errorf("0 ⊗ x = %v", out)
	}
	MobiusScalarMul(out, -1, x, 1)
	if e := maxAbsDiff(out, neg(x)); e > 4e-16 {
		t.Errorf("(−1) ⊗ x = %v, want −x", out)
	}
	MobiusScalarMul(out, 5, z, 1)
	if linalg.MaxAbs(out) != 0 {
		t.Errorf("r ⊗ 0 = %v", out)
	}
	// Saturation: huge scalars and sums of near-boundary points stay inside.
	b := NewPoincareBall(3)
	for _, r := range []float64{40, 1e10, 1e300, math.Inf(1)} {
		MobiusScalarMul(out, r, x, 1)
		if err := b.CheckPoint(out); err != nil || hasNaN(out) {
			t.Errorf("%g ⊗ x = %v: %v", r, out, err)
		}
	}
	near := []float64{1 - 1e-16, 0, 0}
	MobiusAdd(out, near, near, 1)
	if err := b.CheckPoint(out); err != nil {
		t.Errorf("near ⊕ near = %v: %v", out, err)
	}
	// Aliasing: dst = x and dst = y.
	y := []float64{-0.2, 0.5, 0.05}
	want := make([]float64, 3)
	MobiusAdd(want, x, y, 2)
	xa, ya := append([]float64{}, x...), append([]float64{}, y...)
	MobiusAdd(xa, xa, ya, 2)
	if maxAbsDiff(xa, want) != 0 {
		t.Error("MobiusAdd(x, x, y) differs from MobiusAdd(dst, x, y)")
	}
	xa = append([]float64{}, x...)
	MobiusAdd(ya, xa, ya, 2)
	if maxAbsDiff(ya, want) != 0 {
		t.Error("MobiusAdd(y, x, y) differs from MobiusAdd(dst, x, y)")
	}
	m := []float64{1, 2, 3, 4, 5, 6, 7, 8, 9}
	for i := range m {
		m[i] /= 20
	}
	MobiusMatVec(want, m, 3, 3, x, 1)
	xa = append([]float64{}, x...)
	MobiusMatVec(xa, m, 3, 3, xa, 1)
	if maxAbsDiff(xa, want) != 0 {
		t.Error("MobiusMatVec(x, m, x) differs")
	}
	// Non-square: 2×3.
	out2 := make([]float64, 2)
	MobiusMatVec(out2, m[:6], 2, 3, x, 1)
	if err := NewPoincareBall(2).CheckPoint(out2); err != nil || hasNaN(out2) {
		t.Errorf("2×3 MobiusMatVec = %v", out2)
	}
	MobiusMatVec(out, make([]float64, 9), 3, 3, x, 1)
	if linalg.MaxAbs(out) != 0 {
		t.Errorf("0 ⊗ x = %v, want 0", out)
	}
	// NaN in, NaN out.
	xn := []float64{math.NaN(), 0, 0}
	for name, f := range map[string]func(){
		"MobiusAdd":       func() { MobiusAdd(out, xn, y, 1) },
		"MobiusScalarMul": func() { MobiusScalarMul(out, 2, xn, 1) },
		"MobiusMatVec":    func() { MobiusMatVec(out, m, 3, 3, xn, 1) },
		"Gyration":        func() { Gyration(out, x, y, xn, 1) },
		"GyroMidpoint":    func() { GyroMidpoint(out, append(append([]float64{}, x...), xn...), nil, 1) },
	} {
		linalg.FillNaN(out)
		out[0], out[1], out[2] = 0, 0, 0
		f()
		if !hasNaN(out) {
			t.Errorf("%s with a NaN input = %v, want NaN", name, out)
		}
	}
}
