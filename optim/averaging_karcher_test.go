package optim_test

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/grassmann"
	"github.com/geodesic-go/geodesic/hyperbolic"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/optim"
	"github.com/geodesic-go/geodesic/spd"
	"github.com/geodesic-go/geodesic/sphere"
	"github.com/geodesic-go/geodesic/stiefel"
)

// avgManifold is a manifold of the averaging tests with a scale for its
// data: the length of the tangent vectors that generate them.
type avgManifold struct {
	name  string
	m     manifold.Manifold
	scale float64
}

func avgManifolds() []avgManifold {
	return []avgManifold{
		{"sphere S^4", sphere.New(5), 1},
		{"Grassmann Gr(8,3)", grassmann.New(8, 3), 0.6},
		{"Stiefel St(6,2)", stiefel.New(6, 2), 1},
		{"Stiefel St(6,2) canonical", stiefel.New(6, 2, stiefel.WithMetric(stiefel.Canonical)), 1},
		{"SO(3) = St(3,3)", stiefel.New(3, 3), 1},
		{"SPD(4) affine-invariant", spd.New(4), 1.5},
		{"SPD(4) log-Euclidean", spd.New(4, spd.WithMetric(spd.LogEuclidean)), 1.5},
		{"SPD(4) log-Cholesky", spd.New(4, spd.WithMetric(spd.LogCholesky)), 1.5},
		{"SPD(4) Bures–Wasserstein", spd.New(4, spd.WithMetric(spd.BuresWasserstein)), 0},
		{"H^3 Lorentz", hyperbolic.NewLorentz(3), 1.5},
		{"H^3 Poincaré ball c=2", hyperbolic.NewPoincareBall(3, hyperbolic.WithCurvature(2)), 1.5},
		{"H^3 half-space", hyperbolic.NewHalfSpace(3), 1.5},
	}
}

// tangentScale returns the length of the generating tangent vectors at c:
// am.scale, or for the Bures–Wasserstein metric (whose geodesics leave the
// cone) half the injectivity radius √λ_min(c).
func (am avgManifold) tangentScale(c []float64) float64 {
	if am.scale > 0 {
		return am.scale
	}
	return 0.5 * am.m.(manifold.InjectivityRadiuser).InjectivityRadius(c)
}

// unitTangent returns a random unit tangent vector at c.
func unitTangent(m manifold.Manifold, c []float64, rng *rand.Rand) []float64 {
	v := make([]float64, len(c))
	m.RandomTangent(v, c, rng)
	floats.Scale(1/m.Norm(c, v), v)
	return v
}

// expAt returns Exp_c(t·v).
func expAt(m manifold.Manifold, c, v []float64, t float64) []float64 {
	w := append([]float64(nil), v...)
	floats.Scale(t, w)
	out := make([]float64, len(c))
	m.Exp(out, c, w)
	return out
}

// symmetricCloud returns 2k points Exp_c(±s_j·v_j) symmetric about c, with
// lengths s_j in [s/2, s]: the geodesic symmetry at c swaps them, so c is a
// critical point of both the mean and the median objective, and their
// minimiser for data this concentrated.
func symmetricCloud(m manifold.Manifold, c []float64, k int, s float64, rng *rand.Rand) [][]float64 {
	var data [][]float64
	for j := 0; j < k; j++ {
		v := unitTangent(m, c, rng)
		t := s * (0.5 + 0.5*rng.Float64())
		data = append(data, expAt(m, c, v, t), expAt(m, c, v, -t))
	}
	return data
}

func mustAverage(t *testing.T, median bool, m manifold.Manifold, data [][]float64, w []float64, o *optim.MeanOptions) *optim.Result {
	t.Helper()
	f := optim.KarcherMean
	if median {
		f = optim.GeometricMedian
	}
	res, err := f(context.Background(), m, data, w, o)
	if err != nil {
		t.Fatalf("%v: %v", m, err)
	}
	if !res.Status.Converged() {
		t.Fatalf("%v: %v", m, res)
	}
	if err := m.CheckPoint(res.X); err != nil {
		t.Fatalf("%v: result off the manifold: %v", m, err)
	}
	return res
}

// Points symmetric about a centre have the centre as their Karcher mean and
// geometric median, on every manifold, from the default start and from a
// data point.
func TestAverageSymmetric(t *testing.T) {
	rng := rand.New(rand.NewPCG(30, 31))
	for _, am := range avgManifolds() {
		r, cols := am.m.Shape()
		c := make([]float64, r*cols)
		am.m.RandomPoint(c, rng)
		data := symmetricCloud(am.m, c, 6, am.tangentScale(c), rng)
		for _, median := range []bool{false, true} {
			for _, init := range [][]float64{nil, data[3]} {
				res := mustAverage(t, median, am.m, data, nil, &optim.MeanOptions{Init: init})
				if d := am.m.Dist(res.X, c); d > 1e-9 {
					t.Errorf("%s median=%v init=%v: %.3g from the centre (%v)", am.name, median, init != nil, d, res)
				}
			}
		}
	}
}

// Two points: the Karcher mean is the geodesic midpoint, in closed forms
// independent of the manifolds' Exp and Log (except Stiefel, where the
// midpoint of Exp_x(v) is Exp_x(v/2), Exp being checked against an ODE
// solver in package stiefel). From the default start (the geodesic point,
// exact) and from a third point.
func TestKarcherMeanTwoPoints(t *testing.T) {
	rng := rand.New(rand.NewPCG(32, 33))
	type two struct {
		name      string
		m         manifold.Manifold
		x, y, mid []float64
		dist      func(a, b []float64) float64
	}
	var cases []two

	// Sphere: (x + y)/‖x + y‖.
	s := sphere.New(6)
	x, y := make([]float64, 6), make([]float64, 6)
	s.RandomPoint(x, rng)
	s.RandomPoint(y, rng)
	mid := make([]float64, 6)
	floats.AddTo(mid, x, y)
	floats.Scale(1/floats.Norm(mid, 2), mid)
	cases = append(cases, two{"sphere", s, x, y, mid, nil})

	// Grassmann: X = Q[I; 0]R₁, Y = Q[cos θ; sin θ; 0]R₂, midpoint Q[cos θ/2; sin θ/2; 0].
	n, p := 9, 3
	q := avgFrame(rng, n, n)
	theta := []float64{0.3, 0.9, 1.4}
	basis := func(f func(float64) float64, g func(float64) float64, scale float64) []float64 {
		b := make([]float64, n*p)
		for i := 0; i < n; i++ {
			for k := 0; k < p; k++ {
				b[i*p+k] = q[i*n+k]*f(scale*theta[k]) + q[i*n+p+k]*g(scale*theta[k])
			}
		}
		return b
	}
	gx := rotateBlocks(rng, basis(math.Cos, math.Sin, 0), n, []int{p})
	gy := rotateBlocks(rng, basis(math.Cos, math.Sin, 1), n, []int{p})
	gmid := basis(math.Cos, math.Sin, 0.5)
	cases = append(cases, two{"Grassmann", grassmann.New(n, p), gx, gy, gmid, func(a, b []float64) float64 { return subspaceDist(a, b, n, p) }})

	// Stiefel: midpoint of x and Exp_x(v) is Exp_x(v/2).
	st := stiefel.New(7, 3)
	sx := make([]float64, 21)
	st.RandomPoint(sx, rng)
	v := unitTangent(st, sx, rng)
	cases = append(cases, two{"Stiefel", st, sx, expAt(st, sx, v, 1.2), expAt(st, sx, v, 0.6), nil})

	// SPD: A#B (affine-invariant), exp((log A + log B)/2) (log-Euclidean),
	// the log-Cholesky mean of the factors, and the Bures–Wasserstein
	// midpoint ((I + T)/2)·A·((I + T)/2), T = A^{−1/2}(A^{1/2}BA^{1/2})^{1/2}A^{−1/2}
	// (the McCann interpolant of the Gaussians).
	k := 4
	a, b := spdMatrix(k, 0.8, rng), spdMatrix(k, 0.8, rng)
	cases = append(cases, two{"SPD affine-invariant", spd.New(k), dense(a), dense(b), dense(geometricMean(a, b)), nil})
	la, lb := symFunc(a, math.Log), symFunc(b, math.Log)
	var lm mat.SymDense
	lm.AddSym(la, lb)
	lm.ScaleSym(0.5, &lm)
	cases = append(cases, two{"SPD log-Euclidean", spd.New(k, spd.WithMetric(spd.LogEuclidean)), dense(a), dense(b), dense(symFunc(&lm, math.Exp)), nil})
	cases = append(cases, two{"SPD log-Cholesky", spd.New(k, spd.WithMetric(spd.LogCholesky)), dense(a), dense(b), logCholeskyMid(a, b), nil})
	cases = append(cases, two{"SPD Bures–Wasserstein", spd.New(k, spd.WithMetric(spd.BuresWasserstein)), dense(a), dense(b), bwMid(a, b), nil})

	// Hyperbolic: the Lorentz midpoint (x + y)/√(−c⟨x + y, x + y⟩_L), and
	// its images in the ball and the half-space.
	const curv = 1.5
	lo := hyperbolic.NewLorentz(4, hyperbolic.WithCurvature(curv))
	hx, hy := make([]float64, 5), make([]float64, 5)
	lo.RandomPoint(hx, rng)
	lo.RandomPoint(hy, rng)
	hm := make([]float64, 5)
	floats.AddTo(hm, hx, hy)
	mink := -hm[0]*hm[0] + floats.Dot(hm[1:], hm[1:])
	floats.Scale(1/math.Sqrt(-curv*mink), hm)
	cases = append(cases, two{"Lorentz", lo, hx, hy, hm, nil})
	toBall := func(z []float64) []float64 { o := make([]float64, 4); hyperbolic.LorentzToBall(o, z, curv); return o }
	toHalf := func(z []float64) []float64 {
		o := make([]float64, 4)
		hyperbolic.LorentzToHalfSpace(o, z, curv)
		return o
	}
	cases = append(cases, two{"Poincaré ball", hyperbolic.NewPoincareBall(4, hyperbolic.WithCurvature(curv)), toBall(hx), toBall(hy), toBall(hm), nil})
	cases = append(cases, two{"half-space", hyperbolic.NewHalfSpace(4, hyperbolic.WithCurvature(curv)), toHalf(hx), toHalf(hy), toHalf(hm), nil})

	for _, c := range cases {
		dist := c.dist
		if dist == nil {
			dist = func(a, b []float64) float64 {
				d := append([]float64(nil), a...)
				floats.Sub(d, b)
				return floats.Norm(d, 2) / math.Max(1, floats.Norm(b, 2))
			}
		}
		// A third point near the midpoint, as a start that needs iterations.
		third, _ := optim.GeodesicPoint(c.m, c.x, c.y, 0.2)
		for _, init := range [][]float64{nil, third} {
			res := mustAverage(t, false, c.m, [][]float64{c.x, c.y}, nil, &optim.MeanOptions{Init: init})
			if d := dist(res.X, c.mid); d > 1e-9 {
				t.Errorf("%s (init %v): %.3g from the midpoint", c.name, init != nil, d)
			}
			if init == nil && res.Iterations != 0 {
				t.Errorf("%s: %d iterations from the exact start", c.name, res.Iterations)
			}
		}
		g, err := optim.GeodesicPoint(c.m, c.x, c.y, 0.5)
		if err != nil {
			t.Fatal(err)
		}
		if d := dist(g, c.mid); d > 1e-9 {
			t.Errorf("%s: GeodesicPoint(½) is %.3g from the midpoint", c.name, d)
		}
	}
}

// logCholeskyMid returns L̄L̄ᵀ with L̄ the mean of the strictly lower parts
// and the geometric mean of the diagonals of the Cholesky factors (gonum).
func logCholeskyMid(a, b *mat.SymDense) []float64 {
	var ca, cb mat.Cholesky
	ca.Factorize(a)
	cb.Factorize(b)
	var la, lb mat.TriDense
	ca.LTo(&la)
	cb.LTo(&lb)
	n := a.SymmetricDim()
	l := mat.NewDense(n, n, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < i; j++ {
			l.Set(i, j, (la.At(i, j)+lb.At(i, j))/2)
		}
		l.Set(i, i, math.Sqrt(la.At(i, i)*lb.At(i, i)))
	}
	var out mat.Dense
	out.Mul(l, l.T())
	return out.RawMatrix().Data
}

// bwMid returns the Bures–Wasserstein midpoint ((I + T)/2)·A·((I + T)/2).
func bwMid(a, b *mat.SymDense) []float64 {
	n := a.SymmetricDim()
	sa := symFunc(a, math.Sqrt)
	isa := symFunc(a, func(x float64) float64 { return 1 / math.Sqrt(x) })
	var c mat.Dense
	c.Mul(sa, b)
	c.Mul(&c, sa)
	r := symFunc(symmetrize(&c), math.Sqrt)
	var tm mat.Dense
	tm.Mul(isa, r)
	tm.Mul(&tm, isa)
	for i := 0; i < n; i++ {
		tm.Set(i, i, tm.At(i, i)+1)
	}
	tm.Scale(0.5, &tm)
	var out mat.Dense
	out.Mul(&tm, a)
	out.Mul(&out, &tm)
	return out.RawMatrix().Data
}

func symmetrize(c *mat.Dense) *mat.SymDense {
	n, _ := c.Dims()
	s := mat.NewSymDense(n, nil)
	for i := 0; i < n; i++ {
		for j := i; j < n; j++ {
			s.SetSym(i, j, (c.At(i, j)+c.At(j, i))/2)
		}
	}
	return s
}

// Commuting SPD matrices X_j = Q·diag(e^{a_j})·Qᵀ: the affine-invariant
// distance is the Euclidean distance of the a_j, so the Karcher mean is
// Q·diag(e^{Σ w_j a_j})·Qᵀ and the geometric median Q·diag(e^{m})·Qᵀ, m the
// Euclidean geometric median of the a_j (here by 20000 plain Weiszfeld
// steps in Rⁿ); the Bures–Wasserstein barycentre is (Σ w_j X_j^{1/2})².
func TestAverageCommutingSPD(t *testing.T) {
	rng := rand.New(rand.NewPCG(34, 35))
	n, count := 5, 9
	g := mat.NewDense(n, n, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			g.Set(i, j, rng.NormFloat64())
		}
	}
	var qr mat.QR
	qr.Factorize(g)
	var q mat.Dense
	qr.QTo(&q)
	w := randWeights(rng, count)
	wsum := floats.Sum(w)
	a := make([][]float64, count)
	data := make([][]float64, count)
	mean := make([]float64, n)
	sqrtMean := make([]float64, n)
	for j := range data {
		a[j] = make([]float64, n)
		for i := range a[j] {
			a[j][i] = 1.2 * rng.NormFloat64()
			mean[i] += w[j] / wsum * a[j][i]
			sqrtMean[i] += w[j] / wsum * math.Exp(a[j][i]/2)
		}
		e := make([]float64, n)
		for i := range e {
			e[i] = math.Exp(a[j][i])
		}
		data[j] = dense(conj(&q, e))
	}
	exp := func(v []float64, f func(float64) float64) []float64 {
		e := make([]float64, n)
		for i := range e {
			e[i] = f(v[i])
		}
		return dense(conj(&q, e))
	}
	wantMean := exp(mean, math.Exp)
	wantMedian := exp(euclideanMedian(a, w), math.Exp)
	wantBW := exp(sqrtMean, func(x float64) float64 { return x * x })

	ai := spd.New(n)
	km := mustAverage(t, false, ai, data, w, nil)
	if d := relDiff(km.X, wantMean); d > 1e-12 {
		t.Errorf("affine-invariant Karcher mean: relative error %.3g", d)
	}
	gm := mustAverage(t, true, ai, data, w, nil)
	if d := relDiff(gm.X, wantMedian); d > 1e-8 {
		t.Errorf("affine-invariant geometric median: relative error %.3g (%v)", d, gm)
	}
	le, err := optim.LogEuclideanMean(data, n, w)
	if err != nil {
		t.Fatal(err)
	}
	if d := relDiff(le, wantMean); d > 1e-12 {
		t.Errorf("LogEuclideanMean: relative error %.3g", d)
	}
	bwm := spd.New(n, spd.WithMetric(spd.BuresWasserstein))
	kbw := mustAverage(t, false, bwm, data, w, nil)
	if d := relDiff(kbw.X, wantBW); d > 1e-9 {
		t.Errorf("Bures–Wasserstein Karcher mean: relative error %.3g", d)
	}
	fp, err := optim.BuresWassersteinMean(context.Background(), data, n, w, nil)
	if err != nil || fp.Status != optim.GradientConverged {
		t.Fatalf("BuresWassersteinMean: %v, %v", fp, err)
	}
	if d := relDiff(fp.X, wantBW); d > 1e-9 {
		t.Errorf("BuresWassersteinMean: relative error %.3g", d)
	}
}

// euclideanMedian returns the weighted geometric median of the points a in
// Rⁿ by Weiszfeld's iteration from their weighted mean.
func euclideanMedian(a [][]float64, w []float64) []float64 {
	n := len(a[0])
	x := make([]float64, n)
	for j := range a {
		floats.AddScaled(x, w[j]/floats.Sum(w), a[j])
	}
	next := make([]float64, n)
	for it := 0; it < 20000; it++ {
		clear(next)
		var s float64
		for j := range a {
			d := floats.Distance(x, a[j], 2)
			if d == 0 {
				return x
			}
			floats.AddScaled(next, w[j]/d, a[j])
			s += w[j] / d
		}
		floats.Scale(1/s, next)
		copy(x, next)
	}
	return x
}

// A weight of 2 is a duplicated point; the results do not depend on the
// number of goroutines, to the bit.
func TestAverageWeightsAndWorkers(t *testing.T) {
	rng := rand.New(rand.NewPCG(36, 37))
	for _, am := range []avgManifold{avgManifolds()[0], avgManifolds()[5], avgManifolds()[9]} {
		r, cols := am.m.Shape()
		c := make([]float64, r*cols)
		am.m.RandomPoint(c, rng)
		var data [][]float64
		for j := 0; j < 300; j++ {
			data = append(data, expAt(am.m, c, unitTangent(am.m, c, rng), am.scale*rng.Float64()))
		}
		w := randWeights(rng, len(data))
		for _, median := range []bool{false, true} {
			w2 := append([]float64(nil), w...)
			w2[7] *= 2
			a := mustAverage(t, median, am.m, data, w2, nil)
			b := mustAverage(t, median, am.m, append(data, data[7]), append(w, w[7]), nil)
			if d := am.m.Dist(a.X, b.X); d > 1e-9 {
				t.Errorf("%s median=%v: weight 2 and a duplicate differ by %.3g", am.name, median, d)
			}
			ref := mustAverage(t, median, am.m, data, w, &optim.MeanOptions{Workers: 1})
			for _, workers := range []int{2, 5} {
				res := mustAverage(t, median, am.m, data, w, &optim.MeanOptions{Workers: workers})
				if !floats.Same(res.X, ref.X) || res.F != ref.F || res.Iterations != ref.Iterations {
					t.Errorf("%s median=%v: %d workers give different bits", am.name, median, workers)
				}
			}
		}
	}
}

// Hyperbolic data spread over distances of 10: the fixed step 1 increases
// the objective (the Hessian of ½d² reaches d·coth d ≈ 10 in the
// directions across the geodesics); KarcherMean converges, to the
// minimiser found by LBFGS, with the curvature-aware step and no
// shortened step.
func TestKarcherMeanSpreadHyperbolic(t *testing.T) {
	rng := rand.New(rand.NewPCG(38, 39))
	m := hyperbolic.NewLorentz(2)
	c := make([]float64, 3)
	m.Origin(c)
	var data [][]float64
	for j := 0; j < 40; j++ {
		data = append(data, expAt(m, c, unitTangent(m, c, rng), 10))
	}
	cost := func(x []float64) float64 {
		var f float64
		for _, q := range data {
			d := m.Dist(x, q)
			f += d * d / float64(len(data))
		}
		return f
	}
	// One fixed step from a point 0.5 from the centre increases F.
	x0 := expAt(m, c, unitTangent(m, c, rng), 0.5)
	v, lg := make([]float64, 3), make([]float64, 3)
	for _, q := range data {
		if err := m.Log(lg, x0, q); err != nil {
			t.Fatal(err)
		}
		floats.AddScaled(v, 1/float64(len(data)), lg)
	}
	x1 := make([]float64, 3)
	m.Exp(x1, x0, v)
	if !(cost(x1) > cost(x0)) {
		t.Errorf("the fixed step did not overshoot: F %.6g → %.6g", cost(x0), cost(x1))
	}
	res := mustAverage(t, false, m, data, nil, &optim.MeanOptions{Init: x0})
	ref, err := optim.Minimize(context.Background(), m, optim.FrechetProblem(m, data), x0, &optim.Settings{GradTol: 1e-10}, &optim.LBFGS{})
	if err != nil {
		t.Fatal(err)
	}
	if d := m.Dist(res.X, ref.X); d > 1e-8 {
		t.Errorf("%.3g from the LBFGS minimiser (%v; %v)", d, res, ref)
	}
	// The curvature-aware step 2/(1 + Σ w_j d_j·coth d_j) needs no
	// shortening.
	if res.FuncEvals != res.Iterations+1 {
		t.Errorf("steps were shortened: %v", res)
	}
	t.Logf("%v", res)
}

func TestAverageErrors(t *testing.T) {
	s := sphere.New(3)
	e1, e2, m1 := []float64{1, 0, 0}, []float64{0, 1, 0}, []float64{-1, 0, 0}
	off := []float64{1, 1, 0}
	ctx := context.Background()
	for _, c := range []struct {
		name string
		m    manifold.Manifold
		data [][]float64
		w    []float64
		o    *optim.MeanOptions
		want string
	}{
		{"nil manifold", nil, [][]float64{e1}, nil, nil, "nil manifold"},
		{"no data", s, nil, nil, nil, "no data points"},
		{"length", s, [][]float64{e1, {1, 0}}, nil, nil, "len(data[1]) = 2"},
		{"off", s, [][]float64{e1, e2, off}, nil, nil, "data[2] is not a point of S^2"},
		{"weights length", s, [][]float64{e1, e2}, []float64{1}, nil, "len(weights) = 1"},
		{"negative", s, [][]float64{e1, e2}, []float64{1, -2}, nil, "weights[1] = -2 is negative"},
		{"NaN", s, [][]float64{e1, e2}, []float64{math.NaN(), 1}, nil, "weights[0] = NaN"},
		{"zero", s, [][]float64{e1, e2}, []float64{0, 0}, nil, "every weight is zero"},
		{"init length", s, [][]float64{e1, e2}, nil, &optim.MeanOptions{Init: []float64{1}}, "len(Init) = 1"},
		{"init off", s, [][]float64{e1, e2}, nil, &optim.MeanOptions{Init: off}, "Init is not a point"},
		{"workers", s, [][]float64{e1, e2}, nil, &optim.MeanOptions{Workers: -1}, "Workers = -1"},
		{"epsilon", s, [][]float64{e1, e2}, nil, &optim.MeanOptions{Epsilon: -1}, "Epsilon = -1"},
		{"settings", s, [][]float64{e1, e2}, nil, &optim.MeanOptions{Settings: &optim.Settings{GradTol: math.NaN()}}, "GradTol is NaN"},
		{"cut locus", s, [][]float64{e1, m1, e2}, nil, &optim.MeanOptions{Init: e1}, "data[1]"},
	} {
		for _, f := range []struct {
			name string
			fn   func(context.Context, manifold.Manifold, [][]float64, []float64, *optim.MeanOptions) (*optim.Result, error)
		}{{"KarcherMean", optim.KarcherMean}, {"GeometricMedian", optim.GeometricMedian}} {
			res, err := f.fn(ctx, c.m, c.data, c.w, c.o)
			if err == nil || res != nil {
				t.Errorf("%s %s: got %v, %v; want an error", f.name, c.name, res, err)
				continue
			}
			if !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "optim: ") {
				t.Errorf("%s %s: error %q, want it to contain %q", f.name, c.name, err, c.want)
			}
		}
	}
	_, err := optim.KarcherMean(ctx, s, [][]float64{e1, m1, e2}, nil, &optim.MeanOptions{Init: e1})
	if !errors.Is(err, manifold.ErrCutLocus) {
		t.Errorf("cut locus: the error %v does not wrap manifold.ErrCutLocus", err)
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	res, err := optim.KarcherMean(cctx, s, [][]float64{e1, e2, {0, 0, 1}}, nil, nil)
	if !errors.Is(err, context.Canceled) || res == nil || res.Status != optim.Canceled {
		t.Errorf("canceled: %v, %v", res, err)
	}
}

// A median that is a data point barely outweighing the pull of the others
// (the pole, with weight 1/5, against an outlier of weight 1/5 and three
// points around the pole that cancel): plain Weiszfeld steps approach it at
// a rate tending to 1; trying the dominant data point finds it exactly.
func TestGeometricMedianAtDataPoint(t *testing.T) {
	s := sphere.New(3)
	tilt := func(theta, phi float64) []float64 {
		return []float64{math.Sin(theta) * math.Cos(phi), math.Sin(theta) * math.Sin(phi), math.Cos(theta)}
	}
	data := [][]float64{tilt(0, 0), tilt(0.1, 0), tilt(0.1, 2*math.Pi/3), tilt(0.1, 4*math.Pi/3), tilt(math.Pi/2, 0)}
	res := mustAverage(t, true, s, data, nil, nil)
	if !floats.Same(res.X, data[0]) || res.Status != optim.GradientConverged || res.Iterations > 20 {
		t.Errorf("%v at %v, want the pole", res, res.X)
	}
}
