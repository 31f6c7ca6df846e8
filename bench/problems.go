package bench

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/blas"
	"gonum.org/v1/gonum/blas/blas64"

	"github.com/geodesic-go/geodesic/grassmann"
	"github.com/geodesic-go/geodesic/hyperbolic"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/optim"
	"github.com/geodesic-go/geodesic/spd"
	"github.com/geodesic-go/geodesic/sphere"
	"github.com/geodesic-go/geodesic/stiefel"
)

// The test problems of the solver workloads, after those of optim's tests,
// rebuilt so that each answer is known in closed form without calling the
// code under test: the matrices are A = QΛQ with a Householder reflector
// Q = I − 2wwᵀ (‖w‖ = 1), whose eigenvectors Qeⱼ = eⱼ − 2w·wⱼ and
// eigenvalues λⱼ are known by construction; the SPD data commute; the
// hyperbolic data are placed symmetrically by hand and moved by a Lorentz
// boost.

// testProblem is a cost on a manifold with a starting point and its known
// answer.
type testProblem struct {
	m       manifold.Manifold
	prob    optim.Problem
	x0      []float64
	optimum float64                   // the minimum of the cost
	metric  string                    // what errf measures
	errf    func(x []float64) float64 // distance of x from the answer
	tol     float64                   // the error a converged solver reaches
}

// householder returns a random unit vector w of length n.
func householder(n int, rng *rand.Rand) []float64 {
	w := make([]float64, n)
	var s float64
	for i := range w {
		w[i] = rng.NormFloat64()
		s += w[i] * w[i]
	}
	s = math.Sqrt(s)
	for i := range w {
		w[i] /= s
	}
	return w
}

// reflectedDiag returns the row-major n×n matrix QΛQ, Q = I − 2wwᵀ,
// Λ = diag(lam):
//
//	(QΛQ)ᵢⱼ = λᵢδᵢⱼ − 2wᵢwⱼ(λᵢ + λⱼ) + 4wᵢwⱼ·Σₖλₖwₖ²,
//
// from expanding Σₖ(δᵢₖ − 2wᵢwₖ)λₖ(δₖⱼ − 2wₖwⱼ).
func reflectedDiag(lam, w []float64) []float64 {
	n := len(lam)
	var s float64
	for k := range lam {
		s += lam[k] * w[k] * w[k]
	}
	a := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			v := w[i] * w[j] * (4*s - 2*(lam[i]+lam[j]))
			if i == j {
				v += lam[i]
			}
			a[i*n+j] = v
		}
	}
	return a
}

// reflectedBasis returns column j of Q = I − 2wwᵀ, the eigenvector of λⱼ.
func reflectedBasis(w []float64, j int) []float64 {
	v := make([]float64, len(w))
	for i := range v {
		v[i] = -2 * w[i] * w[j]
	}
	v[j]++
	return v
}

// bulk fills lam[from:] with eigenvalues uniform in [−1.4, 1.4] (the
// spread of the Wigner bulk of optim's test matrices).
func bulk(lam []float64, from int, rng *rand.Rand) {
	for i := from; i < len(lam); i++ {
		lam[i] = 2.8*rng.Float64() - 1.4
	}
}

// symMul multiplies n×p row-major matrices by a fixed symmetric n×n
// matrix A. It computes AX as (XᵀA)ᵀ, transposing X and the result
// (O(np)), because gonum's Dgemm is much faster (several-fold at
// p ≤ 10, n = 1000) with the long dimension on the right; for p = 1 it
// calls Dgemv.
type symMul struct {
	n, p   int
	a      blas64.General
	xt, yt []float64
}

func newSymMul(a []float64, n, p int) *symMul {
	return &symMul{n: n, p: p, a: blas64.General{Rows: n, Cols: n, Stride: n, Data: a},
		xt: make([]float64, n*p), yt: make([]float64, n*p)}
}

// mul writes A·x into dst.
func (s *symMul) mul(dst, x []float64) {
	n, p := s.n, s.p
	if p == 1 {
		blas64.Gemv(blas.NoTrans, 1, s.a, blas64.Vector{N: n, Inc: 1, Data: x}, 0, blas64.Vector{N: n, Inc: 1, Data: dst})
		return
	}
	for i := 0; i < n; i++ {
		for j := 0; j < p; j++ {
			s.xt[j*n+i] = x[i*p+j]
		}
	}
	blas64.Gemm(blas.NoTrans, blas.NoTrans, 1, blas64.General{Rows: p, Cols: n, Stride: n, Data: s.xt}, s.a,
		0, blas64.General{Rows: p, Cols: n, Stride: n, Data: s.yt})
	for i := 0; i < n; i++ {
		for j := 0; j < p; j++ {
			dst[i*p+j] = s.yt[j*n+i]
		}
	}
}

// dot returns Σ xᵢyᵢ.
func dot(x, y []float64) float64 {
	var s float64
	for i := range x {
		s += x[i] * y[i]
	}
	return s
}

// sinAngle returns the sine of the angle between the lines spanned by the
// nonzero vectors x and v, ‖x − (x·v̂)v̂‖/‖x‖, accurate for small angles.
func sinAngle(x, v []float64) float64 {
	nv := math.Sqrt(dot(v, v))
	nx := math.Sqrt(dot(x, x))
	c := dot(x, v) / nv
	var s float64
	for i := range x {
		r := x[i] - c*v[i]/nv
		s += r * r
	}
	return math.Sqrt(s) / nx
}

// rayleighProblem is f(x) = xᵀAx on S^{n−1}, minimised by ±v₁, the
// eigenvector of the smallest eigenvalue λ₁ = −3, separated from the others
// (uniform in [−1.4, 1.4]) by a gap of at least 1.6.
func rayleighProblem(n int) *testProblem {
	rng := rand.New(rand.NewPCG(uint64(n), 101))
	lam := make([]float64, n)
	lam[0] = -3
	bulk(lam, 1, rng)
	w := householder(n, rng)
	a := reflectedDiag(lam, w)
	v1 := reflectedBasis(w, 0)
	m := sphere.New(n)
	x0 := make([]float64, n)
	m.RandomPoint(x0, rng)
	tmp := make([]float64, n)
	am := newSymMul(a, n, 1)
	return &testProblem{
		m: m,
		prob: optim.Problem{
			Cost: func(x []float64) float64 {
				am.mul(tmp, x)
				return dot(x, tmp)
			},
			Grad: func(g, x []float64) {
				am.mul(g, x)
				for i := range g {
					g[i] *= 2
				}
			},
			HessVec: func(hv, x, v []float64) {
				am.mul(hv, v)
				for i := range hv {
					hv[i] *= 2
				}
			},
		},
		x0:      x0,
		optimum: lam[0],
		metric:  "sin∠(x, v₁)",
		errf:    func(x []float64) float64 { return sinAngle(x, v1) },
		tol:     1e-6,
	}
}

// brockettProblem is f(X) = tr(XᵀAXN), N = diag(p, …, 1), on St(n, p)
// (Brockett 1991; Absil, Mahony & Sepulchre 2008, §4.8): its minimisers
// have as columns ±the eigenvectors of the p smallest eigenvalues of A in
// increasing order, and the minimum is Σⱼ Nⱼⱼλⱼ. Here λⱼ = −(p + 2 − j),
// j = 0, …, p−1, below the bulk in [−1.4, 1.4].
func brockettProblem(n, p int) *testProblem {
	rng := rand.New(rand.NewPCG(uint64(n*1000+p), 102))
	lam := make([]float64, n)
	var fstar float64
	for j := 0; j < p; j++ {
		lam[j] = -float64(p + 2 - j)
		fstar += float64(p-j) * lam[j]
	}
	bulk(lam, p, rng)
	w := householder(n, rng)
	a := reflectedDiag(lam, w)
	vs := make([][]float64, p)
	for j := range vs {
		vs[j] = reflectedBasis(w, j)
	}
	m := stiefel.New(n, p)
	x0 := make([]float64, n*p)
	m.RandomPoint(x0, rng)
	ax := make([]float64, n*p)
	am := newSymMul(a, n, p)
	scale := func(g []float64) {
		for i := 0; i < n; i++ {
			for j := 0; j < p; j++ {
				g[i*p+j] *= 2 * float64(p-j)
			}
		}
	}
	col := make([]float64, n)
	return &testProblem{
		m: m,
		prob: optim.Problem{
			Cost: func(x []float64) float64 {
				am.mul(ax, x)
				var f float64
				for i := 0; i < n; i++ {
					for j := 0; j < p; j++ {
						f += float64(p-j) * x[i*p+j] * ax[i*p+j]
					}
				}
				return f
			},
			Grad: func(g, x []float64) { // ∇f = 2AXN
				am.mul(g, x)
				scale(g)
			},
			HessVec: func(hv, x, v []float64) { // ∇²f[V] = 2AVN
				am.mul(hv, v)
				scale(hv)
			},
		},
		x0:      x0,
		optimum: fstar,
		metric:  "maxⱼ sin∠(xⱼ, vⱼ)",
		errf: func(x []float64) float64 {
			var e float64
			for j := 0; j < p; j++ {
				for i := 0; i < n; i++ {
					col[i] = x[i*p+j]
				}
				e = math.Max(e, sinAngle(col, vs[j]))
			}
			return e
		},
		tol: 1e-6,
	}
}

// subspaceProblem is f(Y) = −tr(YᵀAY) on Gr(n, p), minimised by the span
// of the eigenvectors of the p largest eigenvalues λⱼ = 3 + j of A, above
// the bulk in [−1.4, 1.4]; the minimum is −Σⱼ λⱼ. The error is
// ‖(I − VVᵀ)Y‖_F, the Frobenius norm of the sines of the principal angles.
func subspaceProblem(n, p int) *testProblem {
	rng := rand.New(rand.NewPCG(uint64(n*1000+p), 103))
	lam := make([]float64, n)
	var fstar float64
	for j := 0; j < p; j++ {
		lam[j] = 3 + float64(j)
		fstar -= lam[j]
	}
	bulk(lam, p, rng)
	w := householder(n, rng)
	a := reflectedDiag(lam, w)
	vs := make([][]float64, p)
	for j := range vs {
		vs[j] = reflectedBasis(w, j)
	}
	m := grassmann.New(n, p)
	x0 := make([]float64, n*p)
	m.RandomPoint(x0, rng)
	ay := make([]float64, n*p)
	am := newSymMul(a, n, p)
	res := make([]float64, n)
	return &testProblem{
		m: m,
		prob: optim.Problem{
			Cost: func(y []float64) float64 {
				am.mul(ay, y)
				return -dot(y, ay)
			},
			Grad: func(g, y []float64) { // ∇f = −2AY
				am.mul(g, y)
				for i := range g {
					g[i] *= -2
				}
			},
			HessVec: func(hv, y, v []float64) { // ∇²f[V] = −2AV
				am.mul(hv, v)
				for i := range hv {
					hv[i] *= -2
				}
			},
		},
		x0:      x0,
		optimum: fstar,
		metric:  "‖(I − VVᵀ)Y‖_F",
		errf: func(y []float64) float64 {
			// The vⱼ are orthonormal: subtract the projection column by
			// column.
			var e float64
			for k := 0; k < p; k++ {
				for i := 0; i < n; i++ {
					res[i] = y[i*p+k]
				}
				for _, v := range vs {
					c := dot(res, v)
					for i := range res {
						res[i] -= c * v[i]
					}
				}
				e += dot(res, res)
			}
			return math.Sqrt(e)
		},
		tol: 1e-6,
	}
}

// karcherProblem is the affine-invariant Karcher mean f(X) = ½Σᵢ d²(X, Pᵢ)
// of k commuting SPD matrices Pᵢ = Q·diag(e^{aᵢ})·Q, whose minimiser is
// Q·diag(e^{mean aᵢ})·Q (the matrices of a commuting family lie on a flat,
// where the metric is Euclidean in the logarithms of the eigenvalues;
// Bhatia 2007, §6.2), with f* = ½Σᵢ‖aᵢ − ā‖². The Riemannian gradient
// −Σᵢ Log_X(Pᵢ) is given directly, so TrustRegion uses finite differences.
// The start G·Gᵀ/n + I/2 (G Gaussian) does not commute with the data.
func karcherProblem(n, k int) *testProblem {
	rng := rand.New(rand.NewPCG(uint64(n), 104))
	w := householder(n, rng)
	mean := make([]float64, n)
	as := make([][]float64, k)
	pts := make([][]float64, k)
	for i := range pts {
		as[i] = make([]float64, n)
		d := make([]float64, n)
		for j := range d {
			as[i][j] = 1.5 * rng.NormFloat64()
			mean[j] += as[i][j] / float64(k)
			d[j] = math.Exp(as[i][j])
		}
		pts[i] = reflectedDiag(d, w)
	}
	var fstar float64
	for i := range as {
		for j := range mean {
			fstar += 0.5 * (as[i][j] - mean[j]) * (as[i][j] - mean[j])
		}
	}
	em := make([]float64, n)
	for j := range em {
		em[j] = math.Exp(mean[j])
	}
	want := reflectedDiag(em, w)
	g := make([]float64, n*n)
	for i := range g {
		g[i] = rng.NormFloat64()
	}
	x0 := make([]float64, n*n)
	blas64.Gemm(blas.NoTrans, blas.Trans, 1/float64(n),
		blas64.General{Rows: n, Cols: n, Stride: n, Data: g},
		blas64.General{Rows: n, Cols: n, Stride: n, Data: g},
		0, blas64.General{Rows: n, Cols: n, Stride: n, Data: x0})
	for i := 0; i < n; i++ {
		x0[i*n+i] += 0.5
	}
	m := spd.New(n)
	return &testProblem{
		m:       m,
		prob:    optim.FrechetProblem(m, pts),
		x0:      x0,
		optimum: fstar,
		metric:  "‖X − X*‖_F/‖X*‖_F",
		errf:    func(x []float64) float64 { return relDiff(x, want) },
		tol:     1e-6,
	}
}

// relDiff returns ‖a − b‖/‖b‖ (Frobenius).
func relDiff(a, b []float64) float64 {
	var num, den float64
	for i := range a {
		num += (a[i] - b[i]) * (a[i] - b[i])
		den += b[i] * b[i]
	}
	return math.Sqrt(num / den)
}

// boost applies the Lorentz boost of rapidity b along the first spatial
// axis to the hyperboloid point x (time first), in place: an isometry of
// H^n that maps the origin to (cosh b, sinh b, 0, …, 0).
func boost(x []float64, b float64) {
	ch, sh := math.Cosh(b), math.Sinh(b)
	x[0], x[1] = ch*x[0]+sh*x[1], sh*x[0]+ch*x[1]
}

// lorentzAt returns the point at distance r from the origin of the
// hyperboloid in the direction of the unit vector u: (cosh r, sinh r·u).
func lorentzAt(r float64, u []float64) []float64 {
	x := make([]float64, len(u)+1)
	x[0] = math.Cosh(r)
	for i, ui := range u {
		x[i+1] = math.Sinh(r) * ui
	}
	return x
}

// lorentzDist returns the distance between the hyperboloid points x and c,
// 2·asinh(½·√⟨x − c, x − c⟩_L) (⟨x − c, x − c⟩_L = 2cosh d − 2 =
// 4sinh²(d/2)), which unlike acosh(−⟨x, c⟩_L) keeps its accuracy for small
// distances.
func lorentzDist(x, c []float64) float64 {
	d0 := x[0] - c[0]
	s := -d0 * d0
	for i := 1; i < len(x); i++ {
		d := x[i] - c[i]
		s += d * d
	}
	return 2 * math.Asinh(0.5*math.Sqrt(math.Max(0, s)))
}

// symmetricLorentz returns 2k points of H^n (hyperboloid, curvature −1) at
// distance r from the centre c = boost(origin, 1) in k random directions
// and their opposites, the centre, and a start at distance 2 from it. The
// geodesic symmetry at c, an isometry, swaps each pair, so it fixes the
// Fréchet mean and the geometric median, which are unique on a Hadamard
// manifold: both are c.
func symmetricLorentz(n, k int, r float64, rng *rand.Rand) (pts [][]float64, c, x0 []float64) {
	for range k {
		u := householder(n, rng) // a random unit vector
		for _, s := range []float64{1, -1} {
			us := make([]float64, n)
			for i := range u {
				us[i] = s * u[i]
			}
			p := lorentzAt(r, us)
			boost(p, 1)
			pts = append(pts, p)
		}
	}
	c = make([]float64, n+1)
	c[0] = 1
	boost(c, 1)
	x0 = lorentzAt(2, householder(n, rng))
	boost(x0, 1)
	return pts, c, x0
}

// frechetProblem is the Fréchet mean f(x) = ½Σᵢ d²(x, yᵢ) on H^n (Lorentz)
// of 2k points at distance 1.5 from a centre c, placed in symmetric pairs
// (see symmetricLorentz): the minimiser is c and f* = k·1.5².
func frechetProblem(n, k int) *testProblem {
	rng := rand.New(rand.NewPCG(uint64(n), 105))
	const r = 1.5
	pts, c, x0 := symmetricLorentz(n, k, r, rng)
	m := hyperbolic.NewLorentz(n)
	return &testProblem{
		m:       m,
		prob:    optim.FrechetProblem(m, pts),
		x0:      x0,
		optimum: float64(k) * r * r,
		metric:  "d(x, c)",
		errf:    func(x []float64) float64 { return lorentzDist(x, c) },
		tol:     1e-6,
	}
}
