package grassmann_test

import (
	"errors"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/grassmann"
	"github.com/geodesic-go/geodesic/internal/testutil"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/sphere"
)

// Gr(n, p) has every optional capability.
var (
	_ manifold.Manifold            = (*grassmann.Grassmann)(nil)
	_ manifold.InverseRetractor    = (*grassmann.Grassmann)(nil)
	_ manifold.ParallelTransporter = (*grassmann.Grassmann)(nil)
	_ manifold.HessianConverter    = (*grassmann.Grassmann)(nil)
	_ manifold.Projector           = (*grassmann.Grassmann)(nil)
	_ manifold.InjectivityRadiuser = (*grassmann.Grassmann)(nil)
)

func TestNew(t *testing.T) {
	testutil.MustPanic(t, "New(3, 0)", func() { grassmann.New(3, 0) })
	testutil.MustPanic(t, "New(3, 4)", func() { grassmann.New(3, 4) })
	testutil.MustPanic(t, "New(-1, -2)", func() { grassmann.New(-1, -2) })
	testutil.MustPanic(t, "WithRetraction(99)", func() { grassmann.New(3, 1, grassmann.WithRetraction(99)) })
	testutil.MustPanic(t, "WithTransport(-1)", func() { grassmann.New(3, 1, grassmann.WithTransport(-1)) })
	testutil.MustPanic(t, "WithTolerance(0)", func() { grassmann.New(3, 1, grassmann.WithTolerance(0)) })
	testutil.MustPanic(t, "WithTolerance(NaN)", func() { grassmann.New(3, 1, grassmann.WithTolerance(math.NaN())) })
	g := grassmann.New(5, 2)
	if r, c := g.Shape(); r != 5 || c != 2 {
		t.Errorf("Shape = %d, %d", r, c)
	}
	if g.Dim() != 6 || g.String() != "Gr(5, 2)" {
		t.Errorf("Dim = %d, String = %q", g.Dim(), g.String())
	}
	if r := g.InjectivityRadius(make([]float64, 10)); r != math.Pi/2 {
		t.Errorf("InjectivityRadius = %v", r)
	}
	testutil.MustPanic(t, "PrincipalAngles with len(dst) ≠ p", func() { g.PrincipalAngles(make([]float64, 3), make([]float64, 10), make([]float64, 10)) })
	testutil.MustPanic(t, "SameSubspace with tol < 0", func() { g.SameSubspace(make([]float64, 10), make([]float64, 10), -1) })
	testutil.MustPanic(t, "Dist with a short slice", func() { g.Dist(make([]float64, 10), make([]float64, 9)) })
}

// TestExactZeros checks the documented exact special cases.
func TestExactZeros(t *testing.T) {
	rng := rand.New(rand.NewPCG(401, 402))
	for _, sh := range [][2]int{{3, 1}, {3, 2}, {50, 5}} {
		n, p := sh[0], sh[1]
		np := n * p
		g := grassmann.New(n, p)
		y, v, dst := make([]float64, np), make([]float64, np), make([]float64, np)
		g.RandomPoint(y, rng)
		g.RandomTangent(v, y, rng)
		yc := append([]float64(nil), y...)
		zero := make([]float64, np)
		for _, f := range []struct {
			name string
			f    func(dst, y, v []float64)
		}{{"Exp", g.Exp}, {"RetractPolar", g.RetractPolar}, {"RetractQR", g.RetractQR}, {"RetractExp", g.RetractExp}} {
			f.f(dst, y, zero)
			if testutil.DiffNorm(dst, y) != 0 {
				t.Errorf("Gr(%d,%d): %s(Y, 0) ≠ Y", n, p, f.name)
			}
		}
		for _, f := range []struct {
			name string
			f    func(dst, x, y []float64) error
		}{{"Log", g.Log}, {"InverseRetractPolar", g.InverseRetractPolar}, {"InverseRetractQR", g.InverseRetractQR}} {
			for i := range dst {
				dst[i] = 1
			}
			if err := f.f(dst, y, yc); err != nil || testutil.Frob(dst) != 0 {
				t.Errorf("Gr(%d,%d): %s(Y, Y) = %v (‖·‖ = %g), want exactly 0", n, p, f.name, err, testutil.Frob(dst))
			}
		}
		if d := g.Dist(y, yc); d != 0 {
			t.Errorf("Gr(%d,%d): Dist(Y, Y) = %g", n, p, d)
		}
		if d := g.ChordalDist(y, yc); d != 0 {
			t.Errorf("Gr(%d,%d): ChordalDist(Y, Y) = %g", n, p, d)
		}
		th := make([]float64, p)
		g.PrincipalAngles(th, y, yc)
		if testutil.Frob(th) != 0 {
			t.Errorf("Gr(%d,%d): PrincipalAngles(Y, Y) = %v", n, p, th)
		}
		g.ParallelTransport(dst, y, yc, v)
		if testutil.DiffNorm(dst, v) != 0 {
			t.Errorf("Gr(%d,%d): ParallelTransport(Y, Y, v) ≠ v", n, p)
		}
		if g.Norm(y, zero) != 0 || g.Inner(y, zero, zero) != 0 {
			t.Errorf("Gr(%d,%d): Norm or Inner of 0 is not 0", n, p)
		}
		// Another basis of the same subspace: distances of order ε.
		yo := testutil.MatMul(y, testutil.Haar(rng, p, false), n, p, p)
		if d := g.Dist(y, yo); !(d < 1e-14) {
			t.Errorf("Gr(%d,%d): Dist(Y, Y·O) = %g, want < 1e-14", n, p, d)
		}
	}
}

// TestCutLocus checks Log, the inverse retractions, Dist and
// ParallelTransport when a principal angle is exactly π/2.
func TestCutLocus(t *testing.T) {
	rng := rand.New(rand.NewPCG(403, 404))
	for _, sh := range [][2]int{{3, 1}, {4, 2}, {10, 3}} {
		n, p := sh[0], sh[1]
		np := n * p
		g := grassmann.New(n, p)
		// Exactly orthogonal columns: X = [e₁ … e_p], Y = X with its last
		// column replaced by e_{p+1}.
		x, y := make([]float64, np), make([]float64, np)
		for i := 0; i < p; i++ {
			x[i*p+i] = 1
			y[i*p+i] = 1
		}
		y[(p-1)*p+p-1] = 0
		y[p*p+p-1] = 1
		if d := g.Dist(x, y); d != math.Pi/2 {
			t.Errorf("Gr(%d,%d): Dist at a right angle = %.17g, want π/2 exactly", n, p, d)
		}
		dst := make([]float64, np)
		for i := range dst {
			dst[i] = 3
		}
		for _, f := range []struct {
			name string
			f    func(dst, x, y []float64) error
		}{{"Log", g.Log}, {"InverseRetractPolar", g.InverseRetractPolar}, {"InverseRetractQR", g.InverseRetractQR}} {
			err := f.f(dst, x, y)
			if !errors.Is(err, manifold.ErrCutLocus) {
				t.Errorf("Gr(%d,%d): %s at the cut locus returned %v", n, p, f.name, err)
			}
			for _, v := range dst {
				if v != 3 {
					t.Fatalf("Gr(%d,%d): %s wrote dst on error", n, p, f.name)
				}
			}
		}
		// ParallelTransport falls back to the projection.
		v, a, b := make([]float64, np), make([]float64, np), make([]float64, np)
		g.RandomTangent(v, x, rng)
		g.ParallelTransport(a, x, y, v)
		g.TransportProjection(b, x, y, v)
		if testutil.DiffNorm(a, b) != 0 {
			t.Errorf("Gr(%d,%d): ParallelTransport at the cut locus is not the projection", n, p)
		}
		// Just inside: the largest angle π/2 − 1e-12 is not the cut locus.
		u2, y2 := pairWithAngles(rng, n, p, anglesFor(rng, min(p, n-p), math.Pi/2-1e-12, "single"))
		if err := g.Log(dst, u2, y2); err != nil {
			t.Errorf("Gr(%d,%d): Log at θ = π/2 − 1e-12 returned %v", n, p, err)
		} else if d := testutil.Frob(dst); math.Abs(d-(math.Pi/2-1e-12)) > 1e-10 {
			t.Errorf("Gr(%d,%d): ‖Log‖ at θ = π/2 − 1e-12 is %.17g", n, p, d)
		}
	}
}

// TestOnePoint checks Gr(n, n), a single point.
func TestOnePoint(t *testing.T) {
	rng := rand.New(rand.NewPCG(405, 406))
	g := grassmann.New(3, 3)
	if g.Dim() != 0 || !math.IsInf(g.InjectivityRadius(make([]float64, 9)), 1) {
		t.Errorf("Gr(3, 3): Dim = %d, InjectivityRadius = %v", g.Dim(), g.InjectivityRadius(make([]float64, 9)))
	}
	x, y, v, dst := make([]float64, 9), make([]float64, 9), make([]float64, 9), make([]float64, 9)
	g.RandomPoint(x, rng)
	g.RandomPoint(y, rng)
	if err := g.CheckPoint(x); err != nil {
		t.Error(err)
	}
	for i := range v {
		v[i] = rng.NormFloat64()
	}
	if g.Dist(x, y) != 0 || g.ChordalDist(x, y) != 0 || !g.SameSubspace(x, y, 0) {
		t.Errorf("Gr(3, 3): two bases of R³ are not the same point")
	}
	for name, f := range map[string]func(){
		"Proj":                func() { g.Proj(dst, x, v) },
		"RandomTangent":       func() { g.RandomTangent(dst, x, rng) },
		"Log":                 func() { _ = g.Log(dst, x, y) },
		"ParallelTransport":   func() { g.ParallelTransport(dst, x, y, v) },
		"InverseRetractQR":    func() { _ = g.InverseRetractQR(dst, x, y) },
		"EHessToRHess":        func() { g.EHessToRHess(dst, x, v, v, v) },
		"TransportProjection": func() { g.TransportProjection(dst, x, y, v) },
	} {
		for i := range dst {
			dst[i] = 1
		}
		f()
		if testutil.Frob(dst) != 0 {
			t.Errorf("Gr(3, 3): %s is not exactly 0", name)
		}
	}
	for name, f := range map[string]func(dst, y, v []float64){"Exp": g.Exp, "RetractPolar": g.RetractPolar, "RetractQR": g.RetractQR} {
		f(dst, x, v)
		if testutil.DiffNorm(dst, x) != 0 {
			t.Errorf("Gr(3, 3): %s(Y, ·) ≠ Y", name)
		}
	}
}

// TestLinesMatchSphere cross-checks Gr(n, 1), the projective space of
// lines, against package sphere: the distance between lines is
// min(θ, π − θ) for the angle θ between unit vectors, and the logarithm is
// the sphere's logarithm towards ±y, whichever is nearer.
func TestLinesMatchSphere(t *testing.T) {
	rng := rand.New(rand.NewPCG(407, 408))
	for _, n := range []int{3, 20} {
		g, s := grassmann.New(n, 1), sphere.New(n)
		x, y, a, b, ym := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
		for trial := 0; trial < 50; trial++ {
			s.RandomPoint(x, rng)
			s.RandomPoint(y, rng)
			th := s.Dist(x, y)
			copy(ym, y)
			if th > math.Pi/2 {
				th = math.Pi - th
				for i := range ym {
					ym[i] = -y[i]
				}
			}
			if d := g.Dist(x, y); math.Abs(d-th) > 1e-15*max(1, th)*4 {
				t.Errorf("n=%d: Gr Dist %.17g, sphere %.17g", n, d, th)
			}
			if err := g.Log(a, x, y); err != nil {
				t.Fatal(err)
			}
			if err := s.Log(b, x, ym); err != nil {
				t.Fatal(err)
			}
			if e := testutil.DiffNorm(a, b); e > 1e-14 {
				t.Errorf("n=%d: Gr Log differs from the sphere's by %.3g", n, e)
			}
			g.Exp(a, x, b)
			s.Exp(ym, x, b)
			if e := testutil.DiffNorm(a, ym); e > 1e-15*4 {
				t.Errorf("n=%d: Gr Exp differs from the sphere's by %.3g", n, e)
			}
		}
	}
}

// TestRepresentatives checks how the results depend on the bases: Dist,
// ChordalDist and the angles not at all; Log_X(Y) not on Y's basis and
// Log_{XO}(Y) = Log_X(Y)·O; Proj and the Riemannian gradient rotate with
// the basis; the retractions span subspaces independent of the basis.
func TestRepresentatives(t *testing.T) {
	rng := rand.New(rand.NewPCG(409, 410))
	for _, sh := range [][2]int{{3, 2}, {10, 3}, {50, 5}} {
		n, p := sh[0], sh[1]
		np := n * p
		g := grassmann.New(n, p)
		x, y, v, a, b := make([]float64, np), make([]float64, np), make([]float64, np), make([]float64, np), make([]float64, np)
		g.RandomPoint(x, rng)
		g.RandomTangent(v, x, rng)
		s := 0.8 / testutil.Frob(v)
		for i := range v {
			v[i] *= s
		}
		g.Exp(y, x, v)
		o := testutil.Haar(rng, p, false)
		xo, yo, vo := testutil.MatMul(x, o, n, p, p), testutil.MatMul(y, o, n, p, p), testutil.MatMul(v, o, n, p, p)
		if d1, d2 := g.Dist(x, y), g.Dist(xo, yo); math.Abs(d1-d2) > 1e-14 {
			t.Errorf("Gr(%d,%d): Dist depends on the bases: %.17g vs %.17g", n, p, d1, d2)
		}
		if d1, d2 := g.ChordalDist(x, y), g.ChordalDist(yo, x); math.Abs(d1-d2) > 1e-14 {
			t.Errorf("Gr(%d,%d): ChordalDist not symmetric/invariant: %.17g vs %.17g", n, p, d1, d2)
		}
		_ = g.Log(a, x, y)
		_ = g.Log(b, x, yo)
		if e := testutil.DiffNorm(a, b); e > 1e-14 {
			t.Errorf("Gr(%d,%d): Log_X(Y·O) ≠ Log_X(Y): %.3g", n, p, e)
		}
		if e := testutil.DiffNorm(a, v); e > 1e-13 {
			t.Errorf("Gr(%d,%d): Log_X(Exp_X v) ≠ v: %.3g", n, p, e)
		}
		_ = g.Log(b, xo, y)
		if e := testutil.DiffNorm(b, testutil.MatMul(a, o, n, p, p)); e > 1e-14 {
			t.Errorf("Gr(%d,%d): Log_{X·O}(Y) ≠ Log_X(Y)·O: %.3g", n, p, e)
		}
		gr := make([]float64, np)
		for i := range gr {
			gr[i] = rng.NormFloat64()
		}
		g.EGradToRGrad(a, x, gr)
		g.EGradToRGrad(b, xo, testutil.MatMul(gr, o, n, p, p))
		if e := testutil.DiffNorm(b, testutil.MatMul(a, o, n, p, p)); e > 1e-14 {
			t.Errorf("Gr(%d,%d): EGradToRGrad does not rotate with the basis: %.3g", n, p, e)
		}
		for _, r := range []struct {
			name string
			f    func(dst, y, v []float64)
		}{{"RetractPolar", g.RetractPolar}, {"RetractQR", g.RetractQR}, {"Exp", g.Exp}} {
			r.f(a, x, v)
			r.f(b, xo, vo)
			if d := g.ChordalDist(a, b); d > 1e-14 {
				t.Errorf("Gr(%d,%d): %s spans different subspaces for X and X·O: %.3g", n, p, r.name, d)
			}
		}
		if !g.SameSubspace(y, yo, 1e-13) || g.SameSubspace(x, y, 1e-13) {
			t.Errorf("Gr(%d,%d): SameSubspace is wrong", n, p)
		}
	}
}

// TestProject checks Project on full-rank, rank-deficient and zero input.
func TestProject(t *testing.T) {
	rng := rand.New(rand.NewPCG(411, 412))
	const eps = 0x1p-52
	g := grassmann.New(6, 3)
	x, y := make([]float64, 18), make([]float64, 18)
	for i := range x {
		x[i] = rng.NormFloat64()
	}
	g.Project(y, x)
	if d := orthDefect(y, 6, 3); d > 8*eps {
		t.Errorf("Project: ‖YᵀY − I‖ = %.3g", d)
	}
	// span(Project(X)) = span(X): X = Y·(YᵀX) to rounding.
	yx := make([]float64, 9)
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			for l := 0; l < 6; l++ {
				yx[i*3+j] += y[l*3+i] * x[l*3+j]
			}
		}
	}
	if e := testutil.DiffNorm(testutil.MatMul(y, yx, 6, 3, 3), x); e > 1e-14*testutil.Frob(x) {
		t.Errorf("Project: span changed by %.3g", e)
	}
	// The polar factor is the nearest orthonormal matrix: no other basis of
	// the same subspace, nor a nearby basis, is closer to X.
	dp := testutil.DiffNorm(y, x)
	for k := 0; k < 20; k++ {
		z := testutil.MatMul(y, testutil.Haar(rng, 3, false), 6, 3, 3)
		if testutil.DiffNorm(z, x) < dp-1e-14 {
			t.Errorf("Project: a rotated basis is nearer to X than the polar factor")
		}
	}
	// Rank deficient: columns 1 and 2 equal.
	for l := 0; l < 6; l++ {
		x[l*3+2] = x[l*3+1]
	}
	g.Project(y, x)
	if d := orthDefect(y, 6, 3); d > 8*eps {
		t.Errorf("Project of a rank-deficient X: ‖YᵀY − I‖ = %.3g", d)
	}
	// Zero: the first p columns of the identity.
	g.Project(y, make([]float64, 18))
	for i := 0; i < 6; i++ {
		for j := 0; j < 3; j++ {
			want := 0.0
			if i == j {
				want = 1
			}
			if y[i*3+j] != want {
				t.Fatalf("Project(0) = %v", y)
			}
		}
	}
	x[4] = math.NaN()
	g.Project(y, x)
	if !math.IsNaN(y[0]) {
		t.Errorf("Project of NaN input is not NaN")
	}
}

// TestChecks checks CheckPoint and CheckTangent.
func TestChecks(t *testing.T) {
	g := grassmann.New(3, 2, grassmann.WithTolerance(1e-6))
	y := []float64{1, 0, 0, 1, 0, 0}
	if err := g.CheckPoint(y); err != nil {
		t.Error(err)
	}
	var ce *manifold.CheckError
	bad := []float64{1, 0, 0, 1.1, 0, 0}
	if err := g.CheckPoint(bad); !errors.As(err, &ce) || ce.Tolerance != 1e-6 || math.Abs(ce.Residual-0.21) > 1e-12 {
		t.Errorf("CheckPoint(non-orthonormal) = %v", err)
	}
	for _, b := range []float64{math.NaN(), math.Inf(1)} {
		if err := g.CheckPoint([]float64{1, 0, 0, 1, 0, b}); err == nil {
			t.Errorf("CheckPoint accepts %v", b)
		}
	}
	if err := g.CheckTangent(y, []float64{0, 0, 0, 0, 5, -2}); err != nil {
		t.Error(err)
	}
	if err := g.CheckTangent(y, []float64{0, 1, 0, 0, 5, -2}); !errors.As(err, &ce) {
		t.Errorf("CheckTangent(vertical) = %v", err)
	}
	if err := g.CheckTangent(y, []float64{0, 0, 0, 0, math.NaN(), 0}); err == nil {
		t.Errorf("CheckTangent accepts NaN")
	}
	if err := g.CheckTangent(y, []float64{0, 0, 0, 0, 1e300, -1e300}); err != nil {
		t.Errorf("CheckTangent rejects a huge horizontal vector: %v", err)
	}
}

// TestEHessToRHess checks the Hessian on the Rayleigh quotient
// f(Y) = ½tr(YᵀAY), which is invariant under Y → YO and hence a function
// on Gr(n, p): the operator is symmetric, and the second-order Taylor
// remainder f(R_Y(tΔ)) − f(Y) − t⟨grad, Δ⟩ − t²/2⟨Hess[Δ], Δ⟩ is O(t³)
// along Exp and along both retractions (QR too, since f only sees spans).
func TestEHessToRHess(t *testing.T) {
	rng := rand.New(rand.NewPCG(413, 414))
	for _, sh := range [][2]int{{3, 1}, {3, 2}, {10, 3}, {40, 4}} {
		n, p := sh[0], sh[1]
		np := n * p
		g := grassmann.New(n, p)
		a := make([]float64, n*n)
		for i := 0; i < n; i++ {
			for j := 0; j <= i; j++ {
				v := rng.NormFloat64()
				a[i*n+j], a[j*n+i] = v, v
			}
		}
		f := func(y []float64) float64 {
			ay := testutil.MatMul(a, y, n, n, p)
			var s float64
			for i := range y {
				s += y[i] * ay[i]
			}
			return s / 2
		}
		y, u, v, gr, hu, hv := make([]float64, np), make([]float64, np), make([]float64, np), make([]float64, np), make([]float64, np), make([]float64, np)
		g.RandomPoint(y, rng)
		g.RandomTangent(u, y, rng)
		g.RandomTangent(v, y, rng)
		eg := testutil.MatMul(a, y, n, n, p)
		g.EGradToRGrad(gr, y, eg)
		g.EHessToRHess(hu, y, eg, testutil.MatMul(a, u, n, n, p), u)
		g.EHessToRHess(hv, y, eg, testutil.MatMul(a, v, n, n, p), v)
		if d := math.Abs(g.Inner(y, hu, v) - g.Inner(y, u, hv)); d > 1e-13*(testutil.Frob(hu)+testutil.Frob(hv)) {
			t.Errorf("Gr(%d,%d): ⟨H u, v⟩ − ⟨u, H v⟩ = %.3g", n, p, d)
		}
		f0, gv, hvv := f(y), g.Inner(y, gr, v), g.Inner(y, hv, v)
		for _, r := range []struct {
			name string
			f    func(dst, y, v []float64)
		}{{"Exp", g.Exp}, {"RetractPolar", g.RetractPolar}, {"RetractQR", g.RetractQR}} {
			z, tv := make([]float64, np), make([]float64, np)
			rem := func(s float64) float64 {
				for i := range tv {
					tv[i] = s * v[i]
				}
				r.f(z, y, tv)
				return math.Abs(f(z) - f0 - s*gv - s*s/2*hvv)
			}
			// Halving t must divide an O(t³) remainder by about 8.
			r1, r2 := rem(1e-2), rem(5e-3)
			if ratio := r1 / r2; !(ratio > 6) {
				t.Errorf("Gr(%d,%d) %s: remainder ratio %.3g for t halved, want ≈ 8 (O(t³))", n, p, r.name, ratio)
			}
		}
	}
}
