package manifold

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"testing"
)

func TestProductShape(t *testing.T) {
	s3, e23 := testSphere{3}, euclid{2, 3}
	pr := NewProduct(s3, e23, s3)
	if r, c := pr.Shape(); r != 12 || c != 1 {
		t.Errorf("Shape = (%d, %d), want (12, 1)", r, c)
	}
	if got := pr.Dim(); got != 2+6+2 {
		t.Errorf("Dim = %d, want 10", got)
	}
	if got := pr.Offsets(); !slices.Equal(got, []int{0, 3, 9, 12}) {
		t.Errorf("Offsets = %v, want [0 3 9 12]", got)
	}
	if pr.NumParts() != 3 {
		t.Errorf("NumParts = %d", pr.NumParts())
	}
	if got := pr.String(); got != "manifold.testSphere × manifold.euclid × manifold.testSphere" {
		t.Errorf("String = %q", got)
	}
	parts := pr.Parts()
	if len(parts) != 3 || parts[0] != Manifold(s3) || parts[1] != Manifold(e23) {
		t.Errorf("Parts = %v", parts)
	}
	// The returned slices are copies.
	parts[0] = nil
	pr.Offsets()[0] = 7
	if pr.Parts()[0] == nil || pr.Offsets()[0] != 0 {
		t.Error("Parts or Offsets expose internal state")
	}
	// The constructor keeps its own copy of the argument list.
	ms := []Manifold{s3, e23}
	pr2 := NewProduct(ms...)
	ms[0] = e23
	if pr2.Parts()[0] != Manifold(s3) {
		t.Error("NewProduct aliases its argument slice")
	}

	x := make([]float64, 12)
	for i := range x {
		x[i] = float64(i)
	}
	p := pr.Part(x, 1)
	if !slices.Equal(p, []float64{3, 4, 5, 6, 7, 8}) || cap(p) != 6 {
		t.Errorf("Part(x, 1) = %v (cap %d)", p, cap(p))
	}
	p[0] = -1
	if x[3] != -1 {
		t.Error("Part does not share storage with x")
	}
}

func TestProductPanics(t *testing.T) {
	const mismatch = "manifold: product: slice length mismatch"
	wantPanic(t, "manifold: product: no parts", func() { NewProduct() })
	wantPanic(t, "manifold: product: part 1 is nil", func() { NewProduct(euclid{1, 1}, nil) })

	pr := NewProduct(testSphere{3}, testSphere{2})
	good, bad := make([]float64, 5), make([]float64, 6)
	calls := map[string]func(){
		"Inner":             func() { pr.Inner(good, good, bad) },
		"Norm":              func() { pr.Norm(bad, good) },
		"Dist":              func() { pr.Dist(good, bad) },
		"Proj":              func() { pr.Proj(bad, good, good) },
		"EGradToRGrad":      func() { pr.EGradToRGrad(good, bad, good) },
		"Exp":               func() { pr.Exp(good, good, bad) },
		"Log":               func() { _ = pr.Log(bad, good, good) },
		"Retract":           func() { pr.Retract(good, bad, good) },
		"Transport":         func() { pr.Transport(good, good, good, bad) },
		"RandomPoint":       func() { pr.RandomPoint(bad, newRand()) },
		"RandomTangent":     func() { pr.RandomTangent(good, bad, newRand()) },
		"CheckPoint":        func() { _ = pr.CheckPoint(bad) },
		"CheckTangent":      func() { _ = pr.CheckTangent(good, bad) },
		"InverseRetract":    func() { _ = pr.InverseRetract(good, bad, good) },
		"ParallelTransport": func() { pr.ParallelTransport(good, good, bad, good) },
		"EHessToRHess":      func() { pr.EHessToRHess(good, good, good, good, bad) },
		"Project":           func() { pr.Project(bad, good) },
		"InjectivityRadius": func() { pr.InjectivityRadius(bad) },
		"Part":              func() { pr.Part(bad, 0) },
	}
	for name, fn := range calls {
		t.Run(name, func(t *testing.T) { wantPanic(t, mismatch, fn) })
	}
	wantPanic(t, "manifold: product: part index out of range", func() { pr.Part(good, 2) })
}

// TestProductEuclidean checks R² × R^{1×3} against R⁵ computed by hand:
// the product of Euclidean spaces is the Euclidean space of the
// concatenation, so Inner is the dot product and Dist the Euclidean distance.
func TestProductEuclidean(t *testing.T) {
	pr := NewProduct(euclid{2, 1}, euclid{1, 3})
	x := []float64{1, 2, 3, 4, 5}
	y := []float64{4, 6, 3, 4, 17}
	u := []float64{1, 0, -1, 2, 0.5}
	// ⟨u, y⟩ = 4 + 0 − 3 + 8 + 8.5 = 17.5; ‖y − x‖ = √(9 + 16 + 0 + 0 + 144) = 13.
	if got := pr.Inner(x, u, y); got != 17.5 {
		t.Errorf("Inner = %v, want 17.5", got)
	}
	if got := pr.Dist(x, y); got != 13 {
		t.Errorf("Dist = %v, want 13", got)
	}
	if got := pr.Norm(x, []float64{3, 0, 0, 4, 0}); got != 5 {
		t.Errorf("Norm = %v, want 5", got)
	}
	dst := make([]float64, 5)
	pr.Exp(dst, x, u)
	if want := []float64{2, 2, 2, 6, 5.5}; !slices.Equal(dst, want) {
		t.Errorf("Exp = %v, want %v", dst, want)
	}
	if err := pr.Log(dst, x, y); err != nil || !slices.Equal(dst, []float64{3, 4, 0, 0, 12}) {
		t.Errorf("Log = %v, %v", dst, err)
	}
}

// TestProductSphereEuclid checks S² × R² by hand: for p = e₁ and
// v = (0, θ, 0), Exp_p(v) = (cos θ, sin θ, 0), and the flat part adds.
func TestProductSphereEuclid(t *testing.T) {
	pr := NewProduct(testSphere{3}, euclid{2, 1})
	const theta = 0.7
	x := []float64{1, 0, 0, 5, -1}
	v := []float64{0, theta, 0, 0.25, 2}
	dst := make([]float64, 5)
	pr.Exp(dst, x, v)
	want := []float64{math.Cos(theta), math.Sin(theta), 0, 5.25, 1}
	for i := range want {
		if math.Abs(dst[i]-want[i]) > 1e-15 {
			t.Errorf("Exp = %v, want %v", dst, want)
			break
		}
	}
	// d = √(θ² + ‖(0.25, 2)‖²) = √(0.49 + 0.0625 + 4).
	if got, w := pr.Dist(x, dst), math.Sqrt(0.49+0.0625+4); math.Abs(got-w) > 1e-15 {
		t.Errorf("Dist = %.17g, want %.17g", got, w)
	}
	if got := pr.Dist(x, x); got != 0 {
		t.Errorf("Dist(x, x) = %v, want exactly 0", got)
	}
	if err := pr.CheckPoint(dst); err != nil {
		t.Error(err)
	}
	if err := pr.CheckTangent(x, v); err != nil {
		t.Error(err)
	}
}

// TestProductMatchesParts checks every forwarding method against the parts
// called one by one, bit for bit, on S² × S³ × S².
func TestProductMatchesParts(t *testing.T) {
	parts := []testSphere{{3}, {4}, {3}}
	pr := NewProduct(testSphere{3}, testSphere{4}, testSphere{3})
	offs := pr.Offsets()
	n := offs[3]
	rng := newRand()
	x, y, u, v, z := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	pr.RandomPoint(x, rng)
	pr.RandomTangent(u, x, rng)
	pr.RandomTangent(v, x, rng)
	for i := range z {
		z[i] = rng.NormFloat64()
		y[i] = 0.4 * u[i]
	}
	pr.Exp(y, x, y)
	part := func(s []float64, i int) []float64 { return s[offs[i]:offs[i+1]] }

	// The random draws are the parts' draws made in turn from one rng.
	rng = newRand()
	wantX := make([]float64, n)
	for i, m := range parts {
		m.RandomPoint(part(wantX, i), rng)
	}
	if !sameBits(x, wantX) {
		t.Error("RandomPoint differs from the parts' draws")
	}

	got, want := make([]float64, n), make([]float64, n)
	ops := []struct {
		name  string
		prod  func(dst []float64)
		parts func(dst []float64, m testSphere, i int)
	}{
		{"Proj", func(d []float64) { pr.Proj(d, x, z) }, func(d []float64, m testSphere, i int) { m.Proj(d, part(x, i), part(z, i)) }},
		{"EGradToRGrad", func(d []float64) { pr.EGradToRGrad(d, x, z) }, func(d []float64, m testSphere, i int) { m.EGradToRGrad(d, part(x, i), part(z, i)) }},
		{"Exp", func(d []float64) { pr.Exp(d, x, v) }, func(d []float64, m testSphere, i int) { m.Exp(d, part(x, i), part(v, i)) }},
		{"Log", func(d []float64) { _ = pr.Log(d, x, y) }, func(d []float64, m testSphere, i int) { _ = m.Log(d, part(x, i), part(y, i)) }},
		{"Retract", func(d []float64) { pr.Retract(d, x, v) }, func(d []float64, m testSphere, i int) { m.Retract(d, part(x, i), part(v, i)) }},
		{"Transport", func(d []float64) { pr.Transport(d, x, y, v) }, func(d []float64, m testSphere, i int) { m.Transport(d, part(x, i), part(y, i), part(v, i)) }},
		{"InverseRetract", func(d []float64) { _ = pr.InverseRetract(d, x, y) }, func(d []float64, m testSphere, i int) { _ = m.InverseRetract(d, part(x, i), part(y, i)) }},
		{"ParallelTransport", func(d []float64) { pr.ParallelTransport(d, x, y, v) }, func(d []float64, m testSphere, i int) {
			m.ParallelTransport(d, part(x, i), part(y, i), part(v, i))
		}},
		{"EHessToRHess", func(d []float64) { pr.EHessToRHess(d, x, z, u, v) }, func(d []float64, m testSphere, i int) {
			m.EHessToRHess(d, part(x, i), part(z, i), part(u, i), part(v, i))
		}},
		{"Project", func(d []float64) { pr.Project(d, z) }, func(d []float64, m testSphere, i int) { m.Project(d, part(z, i)) }},
	}
	for _, op := range ops {
		op.prod(got)
		for i, m := range parts {
			op.parts(part(want, i), m, i)
		}
		if !sameBits(got, want) {
			t.Errorf("%s: product result differs from the parts' results", op.name)
		}
	}
	var inner, sq float64
	for i, m := range parts {
		inner += m.Inner(part(x, i), part(u, i), part(v, i))
		d := m.Dist(part(x, i), part(y, i))
		sq += d * d
	}
	if g := pr.Inner(x, u, v); g != inner {
		t.Errorf("Inner = %v, want %v", g, inner)
	}
	if g, w := pr.Dist(x, y), math.Sqrt(sq); math.Abs(g-w) > 1e-15*w {
		t.Errorf("Dist = %.17g, want %.17g", g, w)
	}
	if g := pr.InjectivityRadius(x); g != math.Pi {
		t.Errorf("InjectivityRadius = %v, want π", g)
	}
}

// TestProductHessian checks EHessToRHess on S² × S² for a cost that couples
// the parts, f(a, b) = aᵀMb + ½aᵀSa, by the second-order Taylor expansion
// along the (second-order) projective retraction:
//
//	f(R_x(tv)) = f(x) + t⟨grad f, v⟩ + ½t²⟨Hess f[v], v⟩ + O(t³),
//
// so the remainder must shrink by about 8 when t halves. The Euclidean data
// are egrad = (Mb + Sa, Mᵀa) and ehess[v] = (M v_b + S v_a, Mᵀv_a); the cross
// terms M v_b and Mᵀv_a are what per-part conversion must not lose.
func TestProductHessian(t *testing.T) {
	M := [3][3]float64{{1, -2, 0.5}, {0.3, 0.7, -1}, {2, 0, 1.5}}
	S := [3][3]float64{{2, 1, 0}, {1, -1, 0.5}, {0, 0.5, 3}}
	mul := func(A [3][3]float64, x []float64, tr bool) []float64 {
		y := make([]float64, 3)
		for i := range 3 {
			for j := range 3 {
				if tr {
					y[i] += A[j][i] * x[j]
				} else {
					y[i] += A[i][j] * x[j]
				}
			}
		}
		return y
	}
	add := func(a, b []float64) []float64 {
		c := make([]float64, len(a))
		for i := range a {
			c[i] = a[i] + b[i]
		}
		return c
	}
	f := func(x []float64) float64 {
		a, b := x[:3], x[3:]
		return dot(a, mul(M, b, false)) + 0.5*dot(a, mul(S, a, false))
	}
	pr := NewProduct(testSphere{3}, testSphere{3})
	rng := newRand()
	x, v := make([]float64, 6), make([]float64, 6)
	pr.RandomPoint(x, rng)
	pr.RandomTangent(v, x, rng)
	a, b, va, vb := x[:3], x[3:], v[:3], v[3:]
	egrad := concat(add(mul(M, b, false), mul(S, a, false)), mul(M, a, true))
	ehess := concat(add(mul(M, vb, false), mul(S, va, false)), mul(M, va, true))
	grad, hess := make([]float64, 6), make([]float64, 6)
	pr.EGradToRGrad(grad, x, egrad)
	pr.EHessToRHess(hess, x, egrad, ehess, v)
	g1, h2 := pr.Inner(x, grad, v), pr.Inner(x, hess, v)

	rem := func(t float64) float64 {
		tv := make([]float64, 6)
		for i := range tv {
			tv[i] = t * v[i]
		}
		pr.Retract(tv, x, tv)
		return math.Abs(f(tv) - f(x) - t*g1 - 0.5*t*t*h2)
	}
	r1, r2 := rem(1e-2), rem(5e-3)
	if slope := math.Log2(r1 / r2); slope < 2.7 {
		t.Errorf("Taylor remainder ratio slope %.2f (remainders %.3g, %.3g), want ≈ 3", slope, r1, r2)
	}
}

func TestProductErrors(t *testing.T) {
	pr := NewProduct(testSphere{3}, testSphere{3}, euclid{2, 1})
	x := concat(unit(3, 0), unit(3, 0), []float64{0, 0})
	y := concat(unit(3, 1), unit(3, math.Pi), []float64{1, 1})
	dst := make([]float64, 8)
	err := pr.Log(dst, x, y)
	if !errors.Is(err, ErrCutLocus) || err.Error() != "manifold: product part 1: "+ErrCutLocus.Error() {
		t.Errorf("Log error = %v, want ErrCutLocus from part 1", err)
	}

	x[0] = 2
	var ce *CheckError
	err = pr.CheckPoint(x)
	if !errors.As(err, &ce) || ce.What != "product part 0: ‖p‖ ≠ 1" || ce.Manifold != "testsphere" {
		t.Errorf("CheckPoint error = %#v", err)
	}
	if want := "testsphere: product part 0: ‖p‖ ≠ 1: residual 1 exceeds tolerance 1e-12"; err.Error() != want {
		t.Errorf("CheckPoint message %q, want %q", err, want)
	}
	x[0] = 1
	x[7] = math.NaN()
	if err := pr.CheckPoint(x); !errors.Is(err, errEuclidNaN) || err.Error() != "manifold: product part 2: euclid: NaN entry" {
		t.Errorf("CheckPoint error = %v", err)
	}
	x[7] = 0
	v := make([]float64, 8)
	v[3] = 0.5 // not tangent to part 1 at e₁
	if err := pr.CheckTangent(x, v); !errors.As(err, &ce) || ce.What != "product part 1: ⟨p, v⟩ ≠ 0" {
		t.Errorf("CheckTangent error = %#v", err)
	}

	// Nested decorators compose their labels.
	pw := NewPower(NewProduct(testSphere{3}, testSphere{3}), 3)
	xs := concat(x[:6], x[:6], x[:6])
	xs[15] = 3 // copy 2, part 1
	err = pw.CheckPoint(xs)
	if !errors.As(err, &ce) || ce.What != "power copy 2: product part 1: ‖p‖ ≠ 1" {
		t.Errorf("nested CheckPoint error = %#v", err)
	}
	ir := NewProduct(testSphere{3}, testSphere{3})
	err = ir.InverseRetract(make([]float64, 6), x[:6], y[:6])
	if !errors.Is(err, ErrCutLocus) || err.Error() != "manifold: product part 1: "+ErrCutLocus.Error() {
		t.Errorf("InverseRetract error = %v", err)
	}
}

func TestProductCapabilities(t *testing.T) {
	full := NewProduct(testSphere{3}, NewPower(testSphere{2}, 3))
	mixed := NewProduct(testSphere{3}, euclid{2, 1})
	inner := NewProduct(testSphere{3}, NewPower(euclid{2, 1}, 2))
	caps := []Capability{CapInverseRetract, CapParallelTransport, CapHessian, CapProject, CapInjectivityRadius}
	for _, c := range caps {
		if !full.HasCapability(c) {
			t.Errorf("full product lacks %v", c)
		}
		if mixed.HasCapability(c) || inner.HasCapability(c) {
			t.Errorf("product with a bare part claims %v", c)
		}
	}
	if _, ok := AsParallelTransporter(mixed); ok {
		t.Error("AsParallelTransporter(sphere × euclid) = true")
	}
	if _, ok := AsParallelTransporter(full); !ok {
		t.Error("AsParallelTransporter(sphere × sphere³) = false")
	}
	if full.HasCapability(Capability(-1)) {
		t.Error("HasCapability(-1) = true")
	}
	s := make([]float64, 5)
	for _, c := range caps {
		want := fmt.Sprintf("manifold: product: part 1 has no %v", c)
		wantPanic(t, want, func() {
			switch c {
			case CapInverseRetract:
				_ = mixed.InverseRetract(s, s, s)
			case CapParallelTransport:
				mixed.ParallelTransport(s, s, s, s)
			case CapHessian:
				mixed.EHessToRHess(s, s, s, s, s)
			case CapProject:
				mixed.Project(s, s)
			case CapInjectivityRadius:
				mixed.InjectivityRadius(s)
			}
		})
	}
}

func TestProductAliasing(t *testing.T) {
	pr := NewProduct(testSphere{3}, testSphere{4})
	rng := newRand()
	x, y, v := make([]float64, 7), make([]float64, 7), make([]float64, 7)
	pr.RandomPoint(x, rng)
	pr.RandomTangent(v, x, rng)
	pr.Retract(y, x, v)
	for i := range v {
		v[i] *= 0.5
	}
	type op func(dst, a, b, c []float64)
	ops := map[string]op{
		"Exp":               func(d, a, b, _ []float64) { pr.Exp(d, a, b) },
		"Log":               func(d, a, b, _ []float64) { _ = pr.Log(d, a, b) },
		"Transport":         func(d, a, b, c []float64) { pr.Transport(d, a, b, c) },
		"ParallelTransport": func(d, a, b, c []float64) { pr.ParallelTransport(d, a, b, c) },
	}
	for name, f := range ops {
		in := [][]float64{x, y, v}
		if name == "Exp" {
			in = [][]float64{x, v, v}
		}
		want := make([]float64, 7)
		f(want, in[0], in[1], in[2])
		for j := range 3 {
			cp := [][]float64{slices.Clone(in[0]), slices.Clone(in[1]), slices.Clone(in[2])}
			f(cp[j], cp[0], cp[1], cp[2])
			if !sameBits(cp[j], want) {
				t.Errorf("%s with dst = argument %d differs", name, j)
			}
		}
	}
}

func TestProductAllocs(t *testing.T) {
	pr := NewProduct(testSphere{3}, testSphere{4}, NewPower(testSphere{2}, 3))
	n := size(pr)
	rng := newRand()
	x, y, u, v := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
	pr.RandomPoint(x, rng)
	pr.RandomTangent(u, x, rng)
	pr.RandomTangent(v, x, rng)
	pr.Retract(y, x, u)
	dst := make([]float64, n)
	ops := map[string]func(){
		"Inner":             func() { pr.Inner(x, u, v) },
		"Norm":              func() { pr.Norm(x, v) },
		"Dist":              func() { pr.Dist(x, y) },
		"Proj":              func() { pr.Proj(dst, x, u) },
		"EGradToRGrad":      func() { pr.EGradToRGrad(dst, x, u) },
		"Exp":               func() { pr.Exp(dst, x, v) },
		"Log":               func() { _ = pr.Log(dst, x, y) },
		"Retract":           func() { pr.Retract(dst, x, v) },
		"Transport":         func() { pr.Transport(dst, x, y, v) },
		"CheckPoint":        func() { _ = pr.CheckPoint(x) },
		"CheckTangent":      func() { _ = pr.CheckTangent(x, u) },
		"InverseRetract":    func() { _ = pr.InverseRetract(dst, x, y) },
		"ParallelTransport": func() { pr.ParallelTransport(dst, x, y, v) },
		"EHessToRHess":      func() { pr.EHessToRHess(dst, x, u, v, v) },
		"Project":           func() { pr.Project(dst, u) },
		"InjectivityRadius": func() { pr.InjectivityRadius(x) },
		"Part":              func() { pr.Part(x, 2) },
	}
	for name, op := range ops {
		if a := testing.AllocsPerRun(100, op); a != 0 {
			t.Errorf("%s allocates %v times per call", name, a)
		}
	}
}

func BenchmarkProduct(b *testing.B) {
	for _, op := range []string{"inner", "dist", "exp", "log"} {
		for _, s := range []struct{ parts, n int }{{2, 3}, {8, 3}, {2, 1000}} {
			b.Run(fmt.Sprintf("op=%s/parts=%d/n=%d", op, s.parts, s.n), func(b *testing.B) {
				ms := make([]Manifold, s.parts)
				for i := range ms {
					ms[i] = testSphere{s.n}
				}
				pr := NewProduct(ms...)
				rng := newRand()
				x, y, v := NewPoint(pr), NewPoint(pr), NewPoint(pr)
				pr.RandomPoint(x, rng)
				pr.RandomTangent(v, x, rng)
				pr.Retract(y, x, v)
				dst := NewPoint(pr)
				var f func()
				switch op {
				case "inner":
					f = func() { pr.Inner(x, v, v) }
				case "dist":
					f = func() { pr.Dist(x, y) }
				case "exp":
					f = func() { pr.Exp(dst, x, v) }
				case "log":
					f = func() { _ = pr.Log(dst, x, y) }
				}
				b.ReportAllocs()
				for b.Loop() {
					f()
				}
			})
		}
	}
}
