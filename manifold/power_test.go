package manifold

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"
)

// wantPanic fails t unless fn panics with an Error whose text is want.
func wantPanic(t *testing.T, want string, fn func()) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		e, ok := r.(Error)
		if !ok {
			t.Errorf("panic value = %#v, want Error(%q)", r, want)
			return
		}
		if string(e) != want {
			t.Errorf("panic = %q, want %q", e, want)
		}
	}()
	fn()
}

// sameBits reports whether a and b hold the same float64 bit patterns.
func sameBits(a, b []float64) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if math.Float64bits(a[i]) != math.Float64bits(b[i]) {
			return false
		}
	}
	return true
}

func newRand() *rand.Rand { return rand.New(rand.NewPCG(1, 2)) }

// unit returns (cos a, sin a, 0, …, 0) ∈ Rⁿ.
func unit(n int, a float64) []float64 {
	x := make([]float64, n)
	x[0], x[1] = math.Cos(a), math.Sin(a)
	return x
}

func concat(xs ...[]float64) []float64 {
	var out []float64
	for _, x := range xs {
		out = append(out, x...)
	}
	return out
}

func TestPowerShape(t *testing.T) {
	base := euclid{2, 3}
	pw := NewPower(base, 4)
	if r, c := pw.Shape(); r != 8 || c != 3 {
		t.Errorf("Shape = (%d, %d), want (8, 3)", r, c)
	}
	if got := pw.Dim(); got != 24 {
		t.Errorf("Dim = %d, want 24", got)
	}
	if pw.K() != 4 || pw.Base() != Manifold(base) || pw.Workers() != 1 {
		t.Errorf("K, Base, Workers = %d, %v, %d", pw.K(), pw.Base(), pw.Workers())
	}
	if got := NewPower(base, 4, WithParallel(0)).Workers(); got != runtime.GOMAXPROCS(0) {
		t.Errorf("WithParallel(0): Workers = %d, want GOMAXPROCS = %d", got, runtime.GOMAXPROCS(0))
	}
	if got := NewPower(base, 4, WithParallel(3)).Workers(); got != 3 {
		t.Errorf("WithParallel(3): Workers = %d", got)
	}

	if got := pw.String(); got != "(manifold.euclid)^4" {
		t.Errorf("String = %q", got)
	}
	if got := NewPower(pw, 2).String(); got != "((manifold.euclid)^4)^2" {
		t.Errorf("nested String = %q", got)
	}

	// Part i is rows 2i, 2i+1 of the 8×3 matrix, i.e. entries 6i … 6i+5.
	x := make([]float64, 24)
	for i := range x {
		x[i] = float64(i)
	}
	p := pw.Part(x, 2)
	if len(p) != 6 || cap(p) != 6 || p[0] != 12 || p[5] != 17 {
		t.Errorf("Part(x, 2) = %v (cap %d), want 12 … 17 with cap 6", p, cap(p))
	}
	p[0] = -1
	if x[12] != -1 {
		t.Error("Part does not share storage with x")
	}
	if got := Dense(pw, x).At(5, 2); got != 17 {
		t.Errorf("as an 8×3 matrix, entry (5, 2) = %v, want 17 (last entry of copy 2)", got)
	}
}

func TestPowerPanics(t *testing.T) {
	const mismatch = "manifold: power: slice length mismatch"
	wantPanic(t, "manifold: power: nil base manifold", func() { NewPower(nil, 2) })
	wantPanic(t, "manifold: power: k must be ≥ 1", func() { NewPower(euclid{3, 1}, 0) })
	wantPanic(t, "manifold: power: workers must be ≥ 0", func() { WithParallel(-1) })

	pw := NewPower(testSphere{3}, 2)
	good, bad := make([]float64, 6), make([]float64, 5)
	rng := newRand()
	calls := map[string]func(){
		"Inner":             func() { pw.Inner(good, good, bad) },
		"Norm":              func() { pw.Norm(bad, good) },
		"Dist":              func() { pw.Dist(good, bad) },
		"Proj":              func() { pw.Proj(bad, good, good) },
		"EGradToRGrad":      func() { pw.EGradToRGrad(good, bad, good) },
		"Exp":               func() { pw.Exp(good, good, bad) },
		"Log":               func() { _ = pw.Log(bad, good, good) },
		"Retract":           func() { pw.Retract(good, bad, good) },
		"Transport":         func() { pw.Transport(good, good, good, bad) },
		"RandomPoint":       func() { pw.RandomPoint(bad, rng) },
		"RandomTangent":     func() { pw.RandomTangent(good, bad, rng) },
		"CheckPoint":        func() { _ = pw.CheckPoint(bad) },
		"CheckTangent":      func() { _ = pw.CheckTangent(good, bad) },
		"InverseRetract":    func() { _ = pw.InverseRetract(good, bad, good) },
		"ParallelTransport": func() { pw.ParallelTransport(good, good, bad, good) },
		"EHessToRHess":      func() { pw.EHessToRHess(good, good, good, good, bad) },
		"Project":           func() { pw.Project(bad, good) },
		"InjectivityRadius": func() { pw.InjectivityRadius(bad) },
		"Part":              func() { pw.Part(bad, 0) },
	}
	for name, fn := range calls {
		t.Run(name, func(t *testing.T) { wantPanic(t, mismatch, fn) })
	}
	wantPanic(t, "manifold: power: copy index out of range", func() { pw.Part(good, 2) })
	wantPanic(t, "manifold: power: copy index out of range", func() { pw.Part(good, -1) })
}

// TestPowerByHand checks the metric quantities against values derived by
// hand. On S² take xᵢ = e₁ and yᵢ = (cos aᵢ, sin aᵢ, 0): the great circle
// through e₁ and e₂ gives d(xᵢ, yᵢ) = aᵢ and Log_{xᵢ}(yᵢ) = aᵢe₂, so
// d(x, y) = √(Σ aᵢ²), and for uᵢ = sᵢe₂, vᵢ = tᵢe₂ + wᵢe₃,
// ⟨u, v⟩ = Σ sᵢtᵢ and ‖v‖² = Σ (tᵢ² + wᵢ²).
func TestPowerByHand(t *testing.T) {
	a := []float64{0.3, 1.1, 2.5}
	pw := NewPower(testSphere{3}, len(a))
	var x, y []float64
	for _, ai := range a {
		x = append(x, unit(3, 0)...)
		y = append(y, unit(3, ai)...)
	}
	want := math.Sqrt(0.3*0.3 + 1.1*1.1 + 2.5*2.5)
	if got := pw.Dist(x, y); math.Abs(got-want) > 4e-16*want {
		t.Errorf("Dist = %.17g, want %.17g", got, want)
	}
	log := make([]float64, len(x))
	if err := pw.Log(log, x, y); err != nil {
		t.Fatal(err)
	}
	for i, ai := range a {
		w := []float64{0, ai, 0}
		for j := range w {
			if math.Abs(log[3*i+j]-w[j]) > 1e-15 {
				t.Errorf("Log copy %d = %v, want %v", i, log[3*i:3*i+3], w)
				break
			}
		}
	}

	u := []float64{0, 1, 0, 0, -2, 0, 0, 0.5, 0}
	v := []float64{0, 3, 4, 0, 1, -1, 0, 2, 0}
	if got, want := pw.Inner(x, u, v), 1*3+(-2)*1+0.5*2.; got != want {
		t.Errorf("Inner = %v, want %v", got, want)
	}
	if got, want := pw.Norm(x, v), math.Sqrt(9+16+1+1+4); math.Abs(got-want) > 4e-16*want {
		t.Errorf("Norm = %.17g, want %.17g", got, want)
	}
	if got := pw.Dist(x, x); got != 0 {
		t.Errorf("Dist(x, x) = %v, want exactly 0", got)
	}
	if got := pw.InjectivityRadius(x); got != math.Pi {
		t.Errorf("InjectivityRadius = %v, want π", got)
	}
	// K = 1 is the base itself, exactly.
	one := NewPower(testSphere{3}, 1)
	if got, want := one.Dist(x[6:], y[6:]), (testSphere{3}).Dist(x[6:], y[6:]); got != want {
		t.Errorf("K = 1: Dist = %v, want the base's %v", got, want)
	}
}

// TestPowerNormRange checks that Norm and Dist neither overflow nor underflow
// when the result is representable: for copies all of norm s,
// ‖v‖ = s·√K, while squaring s would give Inf or 0.
func TestPowerNormRange(t *testing.T) {
	pw := NewPower(euclid{1, 1}, 4)
	zero := make([]float64, 4)
	for _, s := range []float64{1e300, 1e-300, 5e-324} {
		v := []float64{s, -s, s, s}
		want := 2 * s // s·√4
		if got := pw.Norm(zero, v); got != want {
			t.Errorf("Norm with entries ±%g = %g, want %g", s, got, want)
		}
		if got := pw.Dist(zero, v); got != want {
			t.Errorf("Dist with entries ±%g = %g, want %g", s, got, want)
		}
	}
	inf, nan := math.Inf(-1), math.NaN()
	if got := pw.Norm(zero, []float64{1, inf, 0, 2}); !math.IsInf(got, 1) {
		t.Errorf("Norm with an Inf part = %v, want +Inf", got)
	}
	if got := pw.Norm(zero, []float64{1, inf, nan, 2}); !math.IsNaN(got) {
		t.Errorf("Norm with a NaN part = %v, want NaN", got)
	}
}

// testInputs returns a random point x, a second point y near x, tangent
// vectors u, v at x, and an ambient z, for a Power of testSphere.
func testInputs(pw *Power, rng *rand.Rand) (x, y, u, v, z []float64) {
	n := size(pw)
	x, y, u, v, z = make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	pw.RandomPoint(x, rng)
	pw.RandomTangent(u, x, rng)
	pw.RandomTangent(v, x, rng)
	for i := range z {
		z[i] = rng.NormFloat64()
		y[i] = 0.3 * u[i]
	}
	pw.Exp(y, x, y)
	return x, y, u, v, z
}

// TestPowerMatchesBase checks every forwarding method against the base
// called copy by copy in a plain loop (the definition of the power
// manifold), bit for bit.
func TestPowerMatchesBase(t *testing.T) {
	base := testSphere{4}
	const k = 5
	pw := NewPower(base, k)
	x, y, u, v, z := testInputs(pw, newRand())
	part := func(s []float64, i int) []float64 { return s[4*i : 4*i+4] }
	got, want := make([]float64, len(x)), make([]float64, len(x))

	ops := []struct {
		name   string
		power  func(dst []float64)
		perCpy func(dst []float64, i int)
	}{
		{"Proj", func(d []float64) { pw.Proj(d, x, z) }, func(d []float64, i int) { base.Proj(d, part(x, i), part(z, i)) }},
		{"EGradToRGrad", func(d []float64) { pw.EGradToRGrad(d, x, z) }, func(d []float64, i int) { base.EGradToRGrad(d, part(x, i), part(z, i)) }},
		{"Exp", func(d []float64) { pw.Exp(d, x, v) }, func(d []float64, i int) { base.Exp(d, part(x, i), part(v, i)) }},
		{"Log", func(d []float64) { _ = pw.Log(d, x, y) }, func(d []float64, i int) { _ = base.Log(d, part(x, i), part(y, i)) }},
		{"Retract", func(d []float64) { pw.Retract(d, x, v) }, func(d []float64, i int) { base.Retract(d, part(x, i), part(v, i)) }},
		{"Transport", func(d []float64) { pw.Transport(d, x, y, v) }, func(d []float64, i int) { base.Transport(d, part(x, i), part(y, i), part(v, i)) }},
		{"InverseRetract", func(d []float64) { _ = pw.InverseRetract(d, x, y) }, func(d []float64, i int) { _ = base.InverseRetract(d, part(x, i), part(y, i)) }},
		{"ParallelTransport", func(d []float64) { pw.ParallelTransport(d, x, y, v) }, func(d []float64, i int) { base.ParallelTransport(d, part(x, i), part(y, i), part(v, i)) }},
		{"EHessToRHess", func(d []float64) { pw.EHessToRHess(d, x, z, u, v) }, func(d []float64, i int) {
			base.EHessToRHess(d, part(x, i), part(z, i), part(u, i), part(v, i))
		}},
		{"Project", func(d []float64) { pw.Project(d, z) }, func(d []float64, i int) { base.Project(d, part(z, i)) }},
	}
	for _, op := range ops {
		op.power(got)
		for i := range k {
			op.perCpy(part(want, i), i)
		}
		if !sameBits(got, want) {
			t.Errorf("%s: power result differs from the per-copy base results", op.name)
		}
	}

	var inner, sq float64
	for i := range k {
		inner += base.Inner(part(x, i), part(u, i), part(v, i))
		d := base.Dist(part(x, i), part(y, i))
		sq += d * d
	}
	if g := pw.Inner(x, u, v); g != inner {
		t.Errorf("Inner = %v, want Σ of base inners %v", g, inner)
	}
	if g, w := pw.Dist(x, y), math.Sqrt(sq); math.Abs(g-w) > 1e-15*w {
		t.Errorf("Dist = %.17g, want √Σd² = %.17g", g, w)
	}
	if g, w := pw.Norm(x, v), math.Sqrt(pw.Inner(x, v, v)); math.Abs(g-w) > 1e-15*w {
		t.Errorf("Norm = %.17g, want √⟨v, v⟩ = %.17g", g, w)
	}
}

// TestPowerRandom checks that the random draws are the base's draws made
// copy after copy from the same rng, also for a parallel Power above the
// threshold.
func TestPowerRandom(t *testing.T) {
	base := testSphere{3}
	for _, pw := range []*Power{NewPower(base, 7), NewPower(base, 6000, WithParallel(4))} {
		n := 3 * pw.K()
		got, want := make([]float64, n), make([]float64, n)
		gotT, wantT := make([]float64, n), make([]float64, n)

		rng := newRand()
		pw.RandomPoint(got, rng)
		pw.RandomTangent(gotT, got, rng)

		rng = newRand()
		for i := range pw.K() {
			base.RandomPoint(want[3*i:3*i+3], rng)
		}
		for i := range pw.K() {
			base.RandomTangent(wantT[3*i:3*i+3], want[3*i:3*i+3], rng)
		}
		if !sameBits(got, want) || !sameBits(gotT, wantT) {
			t.Errorf("K = %d, workers = %d: random draws differ from sequential base draws", pw.K(), pw.Workers())
		}
		if err := pw.CheckPoint(got); err != nil {
			t.Error(err)
		}
		if err := pw.CheckTangent(got, gotT); err != nil {
			t.Error(err)
		}
	}
}

// TestPowerErrors checks that Log, InverseRetract, CheckPoint and
// CheckTangent report the lowest failing copy and keep errors.Is / errors.As
// working.
func TestPowerErrors(t *testing.T) {
	for _, workers := range []int{1, 3} {
		t.Run(fmt.Sprintf("workers=%d", workers), func(t *testing.T) {
			const k = 6
			pw := NewPower(testSphere{3}, k, WithParallel(workers))
			pw.threshold = 0 // exercise the parallel path at this small size
			x, y := make([]float64, 3*k), make([]float64, 3*k)
			for i := range k {
				copy(x[3*i:], unit(3, 0))
				copy(y[3*i:], unit(3, 0.5))
			}
			// Copies 2 and 5 of y are antipodal to x: Log fails with
			// ErrCutLocus; ⟨xᵢ, yᵢ⟩ = −1 ≤ 0, so InverseRetract fails too.
			copy(y[6:], unit(3, math.Pi))
			copy(y[15:], unit(3, math.Pi))
			dst := make([]float64, 3*k)

			err := pw.Log(dst, x, y)
			if !errors.Is(err, ErrCutLocus) || !strings.Contains(err.Error(), "power copy 2:") {
				t.Errorf("Log error = %v, want ErrCutLocus from copy 2", err)
			}
			err = pw.InverseRetract(dst, x, y)
			if !errors.Is(err, ErrCutLocus) || err.Error() != "manifold: power copy 2: "+ErrCutLocus.Error() {
				t.Errorf("InverseRetract error = %v, want ErrCutLocus from copy 2", err)
			}

			// Copy 4 of x is not of unit norm; copy 3 of v is not tangent.
			x[12] = 1.5
			var ce *CheckError
			err = pw.CheckPoint(x)
			if !errors.As(err, &ce) || ce.What != "power copy 4: ‖p‖ ≠ 1" || ce.Manifold != "testsphere" || ce.Residual != 0.5 {
				t.Errorf("CheckPoint error = %#v", err)
			}
			x[12] = 1
			v := make([]float64, 3*k)
			v[9] = 1e-3
			err = pw.CheckTangent(x, v)
			if !errors.As(err, &ce) || ce.What != "power copy 3: ⟨p, v⟩ ≠ 0" {
				t.Errorf("CheckTangent error = %#v", err)
			}
			if err := pw.CheckTangent(x, make([]float64, 3*k)); err != nil {
				t.Errorf("CheckTangent(x, 0) = %v", err)
			}

			// A base error that is not a *CheckError is wrapped.
			pe := NewPower(euclid{2, 1}, k, WithParallel(workers))
			pe.threshold = 0
			z := make([]float64, 2*k)
			z[7] = math.NaN()
			err = pe.CheckPoint(z)
			if !errors.Is(err, errEuclidNaN) || err.Error() != "manifold: power copy 3: euclid: NaN entry" {
				t.Errorf("CheckPoint error = %v, want the wrapped errEuclidNaN of copy 3", err)
			}
		})
	}
}

func TestPowerCapabilities(t *testing.T) {
	full := NewPower(testSphere{3}, 2)
	bare := NewPower(euclid{3, 1}, 2)
	// A Power over a decorator must honour the decorator's own reports.
	mixed := NewPower(NewProduct(testSphere{3}, euclid{3, 1}), 2)
	caps := []Capability{CapInverseRetract, CapParallelTransport, CapHessian, CapProject, CapInjectivityRadius}
	for _, c := range caps {
		if !full.HasCapability(c) {
			t.Errorf("Power(sphere) lacks %v", c)
		}
		if bare.HasCapability(c) || mixed.HasCapability(c) {
			t.Errorf("Power(euclid) or Power(sphere × euclid) claims %v", c)
		}
	}
	if full.HasCapability(Capability(99)) {
		t.Error("HasCapability(99) = true")
	}
	as := func(m Manifold) [5]bool {
		var r [5]bool
		_, r[0] = AsInverseRetractor(m)
		_, r[1] = AsParallelTransporter(m)
		_, r[2] = AsHessianConverter(m)
		_, r[3] = AsProjector(m)
		_, r[4] = AsInjectivityRadiuser(m)
		return r
	}
	if got := as(full); got != [5]bool{true, true, true, true, true} {
		t.Errorf("As* on Power(sphere) = %v", got)
	}
	if got := as(bare); got != [5]bool{} {
		t.Errorf("As* on Power(euclid) = %v", got)
	}

	s := make([]float64, 6)
	for _, pw := range []*Power{bare, mixed} {
		wantPanic(t, "manifold: power: base manifold has no InverseRetract", func() { _ = pw.InverseRetract(s, s, s) })
		wantPanic(t, "manifold: power: base manifold has no ParallelTransport", func() { pw.ParallelTransport(s, s, s, s) })
		wantPanic(t, "manifold: power: base manifold has no EHessToRHess", func() { pw.EHessToRHess(s, s, s, s, s) })
		wantPanic(t, "manifold: power: base manifold has no Project", func() { pw.Project(s, s) })
		wantPanic(t, "manifold: power: base manifold has no InjectivityRadius", func() { pw.InjectivityRadius(s) })
	}
}

// TestPowerAliasing checks that dst may be any input, by comparing against
// results written to a fresh slice.
func TestPowerAliasing(t *testing.T) {
	pw := NewPower(testSphere{3}, 4)
	x, y, u, v, z := testInputs(pw, newRand())
	in := map[string][]float64{"x": x, "y": y, "u": u, "v": v, "z": z}
	cases := []struct {
		name string
		args []string // names of the inputs, in order
		call func(dst []float64, a [][]float64)
	}{
		{"Proj", []string{"x", "z"}, func(d []float64, a [][]float64) { pw.Proj(d, a[0], a[1]) }},
		{"EGradToRGrad", []string{"x", "z"}, func(d []float64, a [][]float64) { pw.EGradToRGrad(d, a[0], a[1]) }},
		{"Exp", []string{"x", "v"}, func(d []float64, a [][]float64) { pw.Exp(d, a[0], a[1]) }},
		{"Retract", []string{"x", "v"}, func(d []float64, a [][]float64) { pw.Retract(d, a[0], a[1]) }},
		{"Log", []string{"x", "y"}, func(d []float64, a [][]float64) { _ = pw.Log(d, a[0], a[1]) }},
		{"InverseRetract", []string{"x", "y"}, func(d []float64, a [][]float64) { _ = pw.InverseRetract(d, a[0], a[1]) }},
		{"Transport", []string{"x", "y", "v"}, func(d []float64, a [][]float64) { pw.Transport(d, a[0], a[1], a[2]) }},
		{"ParallelTransport", []string{"x", "y", "v"}, func(d []float64, a [][]float64) { pw.ParallelTransport(d, a[0], a[1], a[2]) }},
		{"EHessToRHess", []string{"x", "z", "u", "v"}, func(d []float64, a [][]float64) { pw.EHessToRHess(d, a[0], a[1], a[2], a[3]) }},
		{"Project", []string{"z"}, func(d []float64, a [][]float64) { pw.Project(d, a[0]) }},
	}
	for _, c := range cases {
		args := make([][]float64, len(c.args))
		for i, name := range c.args {
			args[i] = in[name]
		}
		want := make([]float64, len(x))
		c.call(want, args)
		for j := range args {
			// Make dst = args[j] on private copies of all inputs.
			cp := make([][]float64, len(args))
			for i := range args {
				cp[i] = append([]float64(nil), args[i]...)
			}
			c.call(cp[j], cp)
			if !sameBits(cp[j], want) {
				t.Errorf("%s with dst = %s differs from the unaliased result", c.name, c.args[j])
			}
		}
	}
}

// TestPowerParallel checks that a parallel Power returns exactly the bits of
// a sequential one, above the threshold with several worker counts, and below
// it with the threshold lowered so that ranges of one or two copies occur.
func TestPowerParallel(t *testing.T) {
	base := testSphere{3}
	cases := []struct{ k, workers, threshold int }{
		{6000, 2, PowerParallelThreshold}, // 18000 ≥ 2¹⁴ floats
		{6000, 3, PowerParallelThreshold},
		{6000, 8, PowerParallelThreshold},
		{7, 3, 0},
		{5, 16, 0}, // more workers than copies
	}
	for _, c := range cases {
		t.Run(fmt.Sprintf("k=%d/workers=%d", c.k, c.workers), func(t *testing.T) {
			seq := NewPower(base, c.k)
			par := NewPower(base, c.k, WithParallel(c.workers))
			par.threshold = c.threshold
			if !par.split() {
				t.Fatal("parallel path not taken")
			}
			x, y, u, v, z := testInputs(seq, newRand())
			// Put two copies of y at the antipodes of x for the error path.
			yc := append([]float64(nil), y...)
			for _, i := range []int{c.k / 2, c.k - 1} {
				for j := range 3 {
					yc[3*i+j] = -x[3*i+j]
				}
			}

			// Two copies of xbad are off the sphere, for the CheckPoint error.
			xbad := append([]float64(nil), x...)
			xbad[3*(c.k-2)] += 0.1
			xbad[3*(c.k-1)] += 0.1

			n := len(x)
			ops := map[string]func(m *Power, d []float64) error{
				"Proj":         func(m *Power, d []float64) error { m.Proj(d, x, z); return nil },
				"EGradToRGrad": func(m *Power, d []float64) error { m.EGradToRGrad(d, x, z); return nil },
				"Exp":          func(m *Power, d []float64) error { m.Exp(d, x, v); return nil },
				"Log":          func(m *Power, d []float64) error { return m.Log(d, x, y) },
				"LogCut": func(m *Power, d []float64) error {
					err := m.Log(d, x, yc)
					clear(d) // dst is unspecified on error
					return err
				},
				"Retract":           func(m *Power, d []float64) error { m.Retract(d, x, v); return nil },
				"Transport":         func(m *Power, d []float64) error { m.Transport(d, x, y, v); return nil },
				"InverseRetract":    func(m *Power, d []float64) error { return m.InverseRetract(d, x, y) },
				"ParallelTransport": func(m *Power, d []float64) error { m.ParallelTransport(d, x, y, v); return nil },
				"EHessToRHess":      func(m *Power, d []float64) error { m.EHessToRHess(d, x, z, u, v); return nil },
				"Project":           func(m *Power, d []float64) error { m.Project(d, z); return nil },
				"scalars": func(m *Power, d []float64) error {
					d[0] = m.Inner(x, u, v)
					d[1] = m.Norm(x, v)
					d[2] = m.Dist(x, y)
					d[3] = m.InjectivityRadius(x)
					return nil
				},
				"CheckPoint":   func(m *Power, d []float64) error { return m.CheckPoint(xbad) },
				"CheckTangent": func(m *Power, d []float64) error { return m.CheckTangent(x, z) },
			}

			for name, op := range ops {
				want, got := make([]float64, n), make([]float64, n)
				errW, errG := op(seq, want), op(par, got)
				if !sameBits(got, want) {
					t.Errorf("%s: parallel bits differ from sequential", name)
				}
				if fmt.Sprint(errG) != fmt.Sprint(errW) {
					t.Errorf("%s: parallel error %v, sequential error %v", name, errG, errW)
				}
			}
		})
	}
}

// panicky is a euclid whose Exp panics on copies starting with 42.
type panicky struct{ euclid }

func (p panicky) Exp(dst, x, v []float64) {
	if x[0] == 42 {
		panic(Error("panicky: 42"))
	}
	p.euclid.Exp(dst, x, v)
}

func TestPowerParallelPanic(t *testing.T) {
	pw := NewPower(panicky{euclid{2, 1}}, 9, WithParallel(3))
	pw.threshold = 0
	x := make([]float64, 18)
	x[16] = 42 // copy 8, in the last range
	err := Maybe(func() { pw.Exp(x, x, x) })
	if err != Error("panicky: 42") {
		t.Errorf("panic in a worker surfaced as %v", err)
	}
}

// TestPowerAllocs checks that the sequential path allocates nothing, also for
// a Power configured WithParallel below the threshold.
func TestPowerAllocs(t *testing.T) {
	for _, pw := range []*Power{NewPower(testSphere{3}, 10), NewPower(testSphere{3}, 10, WithParallel(4))} {
		x, y, u, v, z := testInputs(pw, newRand())
		dst := make([]float64, len(x))
		ops := map[string]func(){
			"Inner":             func() { pw.Inner(x, u, v) },
			"Norm":              func() { pw.Norm(x, v) },
			"Dist":              func() { pw.Dist(x, y) },
			"Proj":              func() { pw.Proj(dst, x, z) },
			"EGradToRGrad":      func() { pw.EGradToRGrad(dst, x, z) },
			"Exp":               func() { pw.Exp(dst, x, v) },
			"Log":               func() { _ = pw.Log(dst, x, y) },
			"Retract":           func() { pw.Retract(dst, x, v) },
			"Transport":         func() { pw.Transport(dst, x, y, v) },
			"CheckPoint":        func() { _ = pw.CheckPoint(x) },
			"CheckTangent":      func() { _ = pw.CheckTangent(x, u) },
			"InverseRetract":    func() { _ = pw.InverseRetract(dst, x, y) },
			"ParallelTransport": func() { pw.ParallelTransport(dst, x, y, v) },
			"EHessToRHess":      func() { pw.EHessToRHess(dst, x, z, u, v) },
			"Project":           func() { pw.Project(dst, z) },
			"InjectivityRadius": func() { pw.InjectivityRadius(x) },
			"Part":              func() { pw.Part(x, 3) },
		}
		for name, op := range ops {
			if a := testing.AllocsPerRun(100, op); a != 0 {
				t.Errorf("workers=%d: %s allocates %v times per call", pw.Workers(), name, a)
			}
		}
	}
}

func BenchmarkPower(b *testing.B) {
	sizes := []struct{ k, n, workers int }{
		{1, 3, 1},
		{100, 3, 1},
		{10000, 3, 1},
		{10000, 3, 2},
		{20, 1000, 1}, // tall copies
		{20, 1000, 2},
	}
	for _, op := range []string{"inner", "dist", "exp", "log", "transport", "checkpoint"} {
		for _, s := range sizes {
			name := fmt.Sprintf("op=%s/k=%d/n=%d/workers=%d", op, s.k, s.n, s.workers)
			b.Run(name, func(b *testing.B) {
				pw := NewPower(testSphere{s.n}, s.k, WithParallel(s.workers))
				x, y, _, v, _ := testInputs(pw, newRand())
				dst := make([]float64, len(x))
				var f func()
				switch op {
				case "inner":
					f = func() { pw.Inner(x, v, v) }
				case "dist":
					f = func() { pw.Dist(x, y) }
				case "exp":
					f = func() { pw.Exp(dst, x, v) }
				case "log":
					f = func() { _ = pw.Log(dst, x, y) }
				case "transport":
					f = func() { pw.Transport(dst, x, y, v) }
				case "checkpoint":
					f = func() { _ = pw.CheckPoint(x) }
				}
				b.ReportAllocs()
				for b.Loop() {
					f()
				}
			})
		}
	}
}
