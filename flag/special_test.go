package flag_test

import (
	"errors"
	"math"
	"slices"
	"testing"

	"github.com/geodesic-go/geodesic/flag"
	"github.com/geodesic-go/geodesic/internal/testutil"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/stiefel"
)

// TestNew checks the constructor's validation, the block accessors, Dim,
// String and that With leaves the receiver unchanged.
func TestNew(t *testing.T) {
	testutil.MustPanic(t, "no dims", func() { flag.New(3) })
	testutil.MustPanic(t, "zero dim", func() { flag.New(3, 0, 2) })
	testutil.MustPanic(t, "not increasing", func() { flag.New(5, 2, 2) })
	testutil.MustPanic(t, "decreasing", func() { flag.New(5, 3, 2) })
	testutil.MustPanic(t, "n_k > n", func() { flag.New(3, 1, 4) })
	testutil.MustPanic(t, "metric", func() { flag.New(3, 1).With(flag.WithMetric(7)) })
	testutil.MustPanic(t, "retraction", func() { flag.New(3, 1).With(flag.WithRetraction(-1)) })
	testutil.MustPanic(t, "tolerance", func() { flag.New(3, 1).With(flag.WithTolerance(0)) })
	testutil.MustPanic(t, "log tolerance", func() { flag.New(3, 1).With(flag.WithLogTolerance(1)) })
	testutil.MustPanic(t, "log iterations", func() { flag.New(3, 1).With(flag.WithLogMaxIter(0)) })

	f := flag.New(10, 1, 3, 7)
	if r, c := f.Shape(); r != 10 || c != 7 {
		t.Errorf("Shape = %d, %d", r, c)
	}
	// 10·7 − 7·8/2 − (0 + 1 + 6) = 70 − 28 − 7.
	if d := f.Dim(); d != 35 {
		t.Errorf("Dim = %d, want 35", d)
	}
	for _, c := range []struct {
		f    *flag.Flag
		want int
	}{
		{flag.New(3, 1, 2, 3), 3}, {flag.New(3, 1, 2), 3}, {flag.New(5, 2), 6}, {flag.New(4, 4), 0}, {flag.New(4, 1, 2, 3, 4), 6},
	} {
		if d := c.f.Dim(); d != c.want {
			t.Errorf("%v: Dim = %d, want %d", c.f, d, c.want)
		}
	}
	ty := f.Type()
	if !slices.Equal(ty, []int{1, 3, 7}) {
		t.Errorf("Type = %v", ty)
	}
	ty[0] = 99
	if f.Type()[0] != 1 {
		t.Error("Type does not return a copy")
	}
	if b := f.Blocks(); !slices.Equal(b, []int{1, 2, 4}) {
		t.Errorf("Blocks = %v", b)
	}
	if f.NumBlocks() != 3 {
		t.Errorf("NumBlocks = %d", f.NumBlocks())
	}
	for i, want := range [][2]int{{0, 1}, {1, 3}, {3, 7}} {
		if lo, hi := f.BlockRange(i); lo != want[0] || hi != want[1] {
			t.Errorf("BlockRange(%d) = %d, %d", i, lo, hi)
		}
	}
	testutil.MustPanic(t, "BlockRange(3)", func() { f.BlockRange(3) })
	testutil.MustPanic(t, "BlockRange(-1)", func() { f.BlockRange(-1) })
	testutil.MustPanic(t, "CopyBlock length", func() { f.CopyBlock(make([]float64, 10), make([]float64, 70), 1) })
	testutil.MustPanic(t, "Subspace length", func() { f.Subspace(make([]float64, 10), make([]float64, 70), 1) })
	if s := f.String(); s != "Fl(1,3,7;10)" {
		t.Errorf("String = %q", s)
	}
	e := f.With(flag.WithMetric(flag.Euclidean), flag.WithRetraction(flag.QR))
	if s := e.String(); s != "Fl(1,3,7;10) Euclidean" {
		t.Errorf("String = %q", s)
	}
	if f.Metric() != flag.Canonical || e.Metric() != flag.Euclidean {
		t.Error("With changed the receiver or did not apply")
	}
	if flag.Canonical.Beta() != 0.5 || flag.Euclidean.Beta() != 1 {
		t.Error("Beta")
	}
	if flag.Polar.String() != "polar" || flag.QR.String() != "QR" || flag.Exponential.String() != "exponential" || flag.Canonical.String() != "canonical" {
		t.Error("String of options")
	}
}

// TestBlocks checks CopyBlock and Subspace against direct indexing.
func TestBlocks(t *testing.T) {
	f := flag.New(4, 1, 3)
	x := make([]float64, 12)
	for i := range x {
		x[i] = float64(i)
	}
	b := make([]float64, 8)
	f.CopyBlock(b, x, 1)
	if !slices.Equal(b, []float64{1, 2, 4, 5, 7, 8, 10, 11}) {
		t.Errorf("CopyBlock = %v", b)
	}
	s := make([]float64, 4)
	f.Subspace(s, x, 0)
	if !slices.Equal(s, []float64{0, 3, 6, 9}) {
		t.Errorf("Subspace(0) = %v", s)
	}
	f.Subspace(x[:4], x, 0) // in place
	if !slices.Equal(x[:4], []float64{0, 3, 6, 9}) {
		t.Errorf("Subspace in place = %v", x[:4])
	}
}

// TestExactZeros checks the exact special cases: Exp and the retractions
// of 0, Log, Dist and ChordalDist of bitwise-equal points, for every
// representative kind.
func TestExactZeros(t *testing.T) {
	rng := newRand(909)
	for _, ty := range []flagType{{3, []int{1}, 0}, {3, []int{1, 2}, 0}, {3, []int{1, 2, 3}, 0}, {10, []int{1, 3}, 0}} {
		for _, met := range []flag.Metric{flag.Canonical, flag.Euclidean} {
			f := flag.New(ty.n, ty.dims...).With(flag.WithMetric(met))
			x := point(f, rng)
			z := make([]float64, len(x))
			dst := make([]float64, len(x))
			for _, op := range []struct {
				name string
				fn   func(dst, x, v []float64)
			}{{"Exp", f.Exp}, {"RetractPolar", f.RetractPolar}, {"RetractQR", f.RetractQR}} {
				op.fn(dst, x, z)
				if !slices.Equal(dst, x) {
					t.Errorf("%v: %s(X, 0) ≠ X", f, op.name)
				}
			}
			for _, y := range [][]float64{x, append([]float64(nil), x...)} {
				for i := range dst {
					dst[i] = 1
				}
				if err := f.Log(dst, x, y); err != nil || !slices.Equal(dst, z) {
					t.Errorf("%v: Log(X, X) = %v, %v", f, dst, err)
				}
				if d := f.Dist(x, y); d != 0 {
					t.Errorf("%v: Dist(X, X) = %v", f, d)
				}
				if d := f.ChordalDist(x, y); d != 0 {
					t.Errorf("%v: ChordalDist(X, X) = %v", f, d)
				}
			}
			// Another representative of the same flag: distances of
			// rounding size, SameFlag true.
			y := rotate(f, x, blockRotation(f, rng))
			if d := f.Dist(x, y); d > 1e-14 {
				t.Errorf("%v: Dist(X, XQ) = %.3g", f, d)
			}
			if !f.SameFlag(x, y, 1e-13) {
				t.Errorf("%v: SameFlag(X, XQ) = false (ChordalDist %.3g)", f, f.ChordalDist(x, y))
			}
		}
	}
	testutil.MustPanic(t, "SameFlag(tol < 0)", func() { flag.New(3, 1).SameFlag(make([]float64, 3), make([]float64, 3), -1) })
}

// TestOnePoint checks Fl(n; n), a single point of dimension 0.
func TestOnePoint(t *testing.T) {
	f := flag.New(3, 3)
	rng := newRand(1010)
	x, y := point(f, rng), point(f, rng)
	v := make([]float64, 9)
	f.RandomTangent(v, x, rng)
	for _, a := range v {
		if a != 0 {
			t.Fatalf("RandomTangent on a point = %v", v)
		}
	}
	if d := f.Dist(x, y); d != 0 {
		t.Errorf("Dist = %v", d)
	}
	if d := f.ChordalDist(x, y); d != 0 {
		t.Errorf("ChordalDist = %v", d)
	}
	if err := f.Log(v, x, y); err != nil || testutil.Frob(v) != 0 {
		t.Errorf("Log = %v, %v", v, err)
	}
	if r := f.InjectivityRadius(x); !math.IsInf(r, 1) {
		t.Errorf("InjectivityRadius = %v", r)
	}
	g := make([]float64, 9)
	for i := range g {
		g[i] = rng.NormFloat64()
	}
	f.Proj(v, x, g)
	if testutil.Frob(v) != 0 {
		t.Errorf("Proj = %v", v)
	}
	f.Exp(v, x, g)
	if !slices.Equal(v, x) {
		t.Error("Exp moved the point")
	}
}

// TestNaN checks that NaN input gives NaN output and no panic.
func TestNaN(t *testing.T) {
	rng := newRand(1111)
	for _, ty := range []flagType{{3, []int{1}, 0}, {3, []int{1, 2}, 0}, {10, []int{1, 3}, 0}} {
		f := flag.New(ty.n, ty.dims...)
		x, y := point(f, rng), point(f, rng)
		y[1] = math.NaN()
		if d := f.Dist(x, y); !math.IsNaN(d) {
			t.Errorf("%v: Dist = %v", f, d)
		}
		if d := f.ChordalDist(x, y); !math.IsNaN(d) {
			t.Errorf("%v: ChordalDist = %v", f, d)
		}
		if f.SameFlag(x, y, 1) {
			t.Errorf("%v: SameFlag with NaN = true", f)
		}
		w := make([]float64, len(x))
		if err := f.Log(w, x, y); err != nil || !math.IsNaN(w[0]) {
			t.Errorf("%v: Log = %v, %v", f, w[0], err)
		}
		if err := f.CheckPoint(y); err == nil {
			t.Errorf("%v: CheckPoint accepts NaN", f)
		}
	}
}

// TestInjectivityRadius checks the capability per metric and type.
func TestInjectivityRadius(t *testing.T) {
	x := func(f *flag.Flag) []float64 { n, p := f.Shape(); return make([]float64, n*p) }
	for _, c := range []struct {
		f    *flag.Flag
		want float64
	}{
		{flag.New(10, 1, 3), math.Pi / 2},
		{flag.New(3, 1, 2, 3), math.Pi / 2},
		{flag.New(5, 2).With(flag.WithMetric(flag.Euclidean)), math.Pi / 2},
		{flag.New(3, 1, 2, 3).With(flag.WithMetric(flag.Euclidean)), math.Pi / math.Sqrt2},
		{flag.New(10, 1, 3).With(flag.WithMetric(flag.Euclidean)), 0},
	} {
		has := c.f.HasCapability(manifold.CapInjectivityRadius)
		if c.want == 0 {
			if has {
				t.Errorf("%v: HasCapability(InjectivityRadius) = true", c.f)
			}
			testutil.MustPanic(t, "InjectivityRadius", func() { c.f.InjectivityRadius(x(c.f)) })
			if r := c.f.LogRadius(); r != 0.9*math.Pi/2 {
				t.Errorf("%v: LogRadius = %v", c.f, r)
			}
			continue
		}
		if r := c.f.InjectivityRadius(x(c.f)); !has || r != c.want {
			t.Errorf("%v: InjectivityRadius = %v (capability %v), want %v", c.f, r, has, c.want)
		}
		if r := c.f.LogRadius(); r != 0.9*c.want {
			t.Errorf("%v: LogRadius = %v", c.f, r)
		}
	}
	f := flag.New(3, 1)
	for _, c := range []manifold.Capability{manifold.CapInverseRetract, manifold.CapParallelTransport} {
		if f.HasCapability(c) {
			t.Errorf("HasCapability(%v) = true", c)
		}
	}
}

// TestConversions checks FromGrassmann, ToGrassmann, FromRotation and
// ToRotation, including the sign convention of ToRotation and the
// rotation → flag → rotation round trip.
func TestConversions(t *testing.T) {
	y := []float64{1, 2, 3, 4}
	d := make([]float64, 4)
	flag.FromGrassmann(d, y)
	if !slices.Equal(d, y) {
		t.Error("FromGrassmann")
	}
	flag.ToGrassmann(d, y)
	if !slices.Equal(d, y) {
		t.Error("ToGrassmann")
	}
	testutil.MustPanic(t, "FromGrassmann", func() { flag.FromGrassmann(d[:3], y) })
	testutil.MustPanic(t, "ToGrassmann", func() { flag.ToGrassmann(d[:3], y) })
	testutil.MustPanic(t, "FromRotation len(r)", func() { flag.FromRotation(make([]float64, 9), make([]float64, 6)) })
	testutil.MustPanic(t, "FromRotation len(dst)", func() { flag.FromRotation(make([]float64, 3), make([]float64, 9)) })
	testutil.MustPanic(t, "ToRotation len(dst)", func() { flag.ToRotation(make([]float64, 6), make([]float64, 9)) })
	testutil.MustPanic(t, "ToRotation len(x)", func() { flag.ToRotation(make([]float64, 9), make([]float64, 3)) })

	rng := newRand(1212)
	full, part := flag.New(3, 1, 2, 3), flag.New(3, 1, 2)
	for trial := 0; trial < 200; trial++ {
		r := testutil.Haar(rng, 3, false)
		if det(r, 3) < 0 {
			for i := 0; i < 3; i++ {
				r[i*3+2] = -r[i*3+2]
			}
		}
		x9, x6 := make([]float64, 9), make([]float64, 6)
		flag.FromRotation(x9, r)
		flag.FromRotation(x6, r)
		// Scramble the representatives: random column signs.
		for j := 0; j < 3; j++ {
			if rng.IntN(2) == 0 {
				for i := 0; i < 3; i++ {
					x9[i*3+j] = -x9[i*3+j]
					if j < 2 {
						x6[i*2+j] = -x6[i*2+j]
					}
				}
			}
		}
		for _, c := range []struct {
			f *flag.Flag
			x []float64
		}{{full, x9}, {part, x6}} {
			got := make([]float64, 9)
			flag.ToRotation(got, c.x)
			if dd := det(got, 3); math.Abs(dd-1) > 1e-14 {
				t.Errorf("%v: det ToRotation = %v", c.f, dd)
			}
			if e := orthErr(got, 3); e > 1e-14 {
				t.Errorf("%v: ToRotation not orthogonal: %.3g", c.f, e)
			}
			for j := 0; j < 2; j++ {
				big := 0
				for i := 1; i < 3; i++ {
					if math.Abs(got[i*3+j]) > math.Abs(got[big*3+j]) {
						big = i
					}
				}
				if got[big*3+j] < 0 {
					t.Errorf("%v: column %d of ToRotation has a negative largest entry", c.f, j)
				}
			}
			// Same flag as r, and the same rotation up to a sign matrix
			// of determinant +1.
			back := make([]float64, len(c.x))
			flag.FromRotation(back, got)
			if e := c.f.ChordalDist(back, c.x); e > 1e-15 {
				t.Errorf("%v: ToRotation changed the flag by %.3g", c.f, e)
			}
			m := testutil.MatMul(transpose(r, 3, 3), got, 3, 3, 3)
			for i := 0; i < 3; i++ {
				for j := 0; j < 3; j++ {
					want := 0.0
					if i == j {
						want = math.Copysign(1, m[i*3+j])
					}
					if math.Abs(m[i*3+j]-want) > 1e-14 {
						t.Fatalf("%v: ToRotation(FromRotation(R)) is not R·D: RᵀR' = %v", c.f, m)
					}
				}
			}
		}
		// A rotation that follows the convention comes back bitwise from
		// the complete flag.
		conv := make([]float64, 9)
		flag.ToRotation(conv, r)
		x := make([]float64, 9)
		flag.FromRotation(x, conv)
		back := make([]float64, 9)
		flag.ToRotation(back, x)
		if !slices.Equal(back, conv) {
			t.Errorf("round trip of a normalised rotation is not exact: %v vs %v", back, conv)
		}
	}
	nan := make([]float64, 9)
	nan[4] = math.NaN()
	got := make([]float64, 9)
	flag.ToRotation(got, nan)
	if !math.IsNaN(got[4]) {
		t.Error("ToRotation: NaN did not propagate")
	}
}

func orthErr(x []float64, n int) float64 {
	g := testutil.MatMul(transpose(x, n, n), x, n, n, n)
	for i := 0; i < n; i++ {
		g[i*n+i]--
	}
	return testutil.Frob(g)
}

// TestCheck checks CheckPoint and CheckTangent on points, tangent vectors,
// vertical and normal vectors, and huge vectors.
func TestCheck(t *testing.T) {
	rng := newRand(1313)
	f := flag.New(6, 1, 3)
	x := point(f, rng)
	if err := f.CheckPoint(x); err != nil {
		t.Error(err)
	}
	bad := testutil.Scaled(1.001, x)
	var ce *manifold.CheckError
	if err := f.CheckPoint(bad); !errors.As(err, &ce) {
		t.Errorf("CheckPoint(1.001·X) = %v", err)
	}
	v := tangent(f, x, 1, rng)
	if err := f.CheckTangent(x, v); err != nil {
		t.Error(err)
	}
	if err := f.CheckTangent(x, testutil.Scaled(1e300, v)); err != nil {
		t.Errorf("huge tangent: %v", err)
	}
	// Vertical: X·Ω with Ω skew within block 1 (columns 1, 2).
	vert := make([]float64, len(x))
	for i := 0; i < 6; i++ {
		vert[i*3+1] = x[i*3+2]
		vert[i*3+2] = -x[i*3+1]
	}
	if err := f.CheckTangent(x, vert); err == nil {
		t.Error("CheckTangent accepts a vertical vector")
	}
	p := make([]float64, len(x))
	f.Proj(p, x, vert)
	if testutil.Frob(p) > 1e-15 {
		t.Errorf("Proj of a vertical vector = %.3g", testutil.Frob(p))
	}
	if err := f.CheckTangent(x, x); err == nil {
		t.Error("CheckTangent accepts a normal vector")
	}
}

// TestGradHess checks EGradToRGrad and EHessToRHess on the function
// f(X) = Σ_i tr(X_iᵀ C_i X_i), C_i symmetric, which is invariant under
// the block rotations and so a function on the flag manifold (the
// Brockett-type cost of Ye, Wong & Lim 2022): its Riemannian gradient is
// the Stiefel one (horizontal already, checked against
// stiefel.Stiefel.EGradToRGrad), ⟨grad f, v⟩ = d/dt f(Exp_X(tv)) and
// ⟨Hess f[v], v⟩ = d²/dt² f(Exp_X(tv)) at t = 0 (Richardson-extrapolated
// central differences).
func TestGradHess(t *testing.T) {
	rng := newRand(1414)
	var wg, wh worst
	for _, ty := range []flagType{{3, []int{1, 2}, 0}, {6, []int{1, 3, 4}, 0}, {8, []int{2, 5}, 0}, {4, []int{1, 2, 4}, 0}} {
		for _, met := range []flag.Metric{flag.Canonical, flag.Euclidean} {
			f := flag.New(ty.n, ty.dims...).With(flag.WithMetric(met))
			n, p := f.Shape()
			cs := make([][]float64, f.NumBlocks())
			for i := range cs {
				a := make([]float64, n*n)
				for j := range a {
					a[j] = rng.NormFloat64()
				}
				cs[i] = testutil.MatMul(a, transpose(a, n, n), n, n, n)
			}
			cost := func(x []float64) float64 {
				var s float64
				for i := range cs {
					lo, hi := f.BlockRange(i)
					for j := lo; j < hi; j++ {
						for a := 0; a < n; a++ {
							for b := 0; b < n; b++ {
								s += x[a*p+j] * cs[i][a*n+b] * x[b*p+j]
							}
						}
					}
				}
				return s
			}
			egrad := func(x, v []float64) ([]float64, []float64) { // ∇f(X), ∇²f(X)[v]
				g, h := make([]float64, n*p), make([]float64, n*p)
				for i := range cs {
					lo, hi := f.BlockRange(i)
					for j := lo; j < hi; j++ {
						for a := 0; a < n; a++ {
							var sg, sh float64
							for b := 0; b < n; b++ {
								sg += cs[i][a*n+b] * x[b*p+j]
								sh += cs[i][a*n+b] * v[b*p+j]
							}
							g[a*p+j], h[a*p+j] = 2*sg, 2*sh
						}
					}
				}
				return g, h
			}
			st := stiefel.New(n, p, stiefel.WithMetric(map[flag.Metric]stiefel.Metric{flag.Canonical: stiefel.Canonical, flag.Euclidean: stiefel.Euclidean}[met]))
			for trial := 0; trial < 3; trial++ {
				x := point(f, rng)
				v := tangent(f, x, 1, rng)
				eg, eh := egrad(x, v)
				rg, sg, hv := make([]float64, n*p), make([]float64, n*p), make([]float64, n*p)
				f.EGradToRGrad(rg, x, eg)
				st.EGradToRGrad(sg, x, eg)
				if e := testutil.DiffNorm(rg, sg) / testutil.Frob(sg); e > 1e-13 {
					t.Errorf("%v: flag gradient differs from the Stiefel gradient of an invariant function by %.3g", f, e)
				}
				f.EHessToRHess(hv, x, eg, eh, v)
				phi := func(s float64) float64 {
					y := make([]float64, n*p)
					f.Exp(y, x, testutil.Scaled(s, v))
					return cost(y)
				}
				d1 := func(h float64) float64 { return (phi(h) - phi(-h)) / (2 * h) }
				d2 := func(h float64) float64 { return (phi(h) - 2*phi(0) + phi(-h)) / (h * h) }
				const h = 1e-2
				g1 := (4*d1(h/2) - d1(h)) / 3
				g2 := (4*d2(h/2) - d2(h)) / 3
				scale := math.Abs(cost(x)) + 1
				wg.see(math.Abs(f.Inner(x, rg, v)-g1)/scale, f.String())
				wh.see(math.Abs(f.Inner(x, hv, v)-g2)/scale, f.String())
				if e := math.Abs(f.Inner(x, rg, v)-g1) / scale; e > 1e-6 {
					t.Errorf("%v: ⟨grad, v⟩ = %.10g, d/dt f = %.10g (rel %.3g)", f, f.Inner(x, rg, v), g1, e)
				}
				if e := math.Abs(f.Inner(x, hv, v)-g2) / scale; e > 1e-5 {
					t.Errorf("%v: ⟨Hess[v], v⟩ = %.10g, d²/dt² f = %.10g (rel %.3g)", f, f.Inner(x, hv, v), g2, e)
				}
				if err := f.CheckTangent(x, hv); err != nil {
					t.Errorf("%v: Hess[v] not horizontal: %v", f, err)
				}
			}
		}
	}
	t.Logf("worst relative error against differences along geodesics: gradient %.2g (%s), Hessian %.2g (%s)", wg.v, wg.at, wh.v, wh.at)
}
