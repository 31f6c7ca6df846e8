package bench

import (
	"context"
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/grassmann"
	"github.com/geodesic-go/geodesic/hyperbolic"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/optim"
	"github.com/geodesic-go/geodesic/spd"
	"github.com/geodesic-go/geodesic/sphere"
)

// The averaging workloads run optim.KarcherMean and optim.GeometricMedian
// (default options) on 2k points placed in pairs symmetric about a centre
// c at distance r from it: the geodesic symmetry at c, an isometry, swaps
// the points of each pair, so it maps the mean and the median (unique for
// data this concentrated) to themselves, and its only fixed point near c
// is c. Both answers are therefore c, with the minimum Σw·d² = r² for the
// mean and Σw·d = r for the median. The data are built by hand, without
// the code under test.
//
// The functions start from a point away from the centre (MeanOptions.Init),
// also built by hand: for symmetric data their default starting points
// (the normalised extrinsic mean on the sphere, the chordal mean on the
// Grassmannian, the gyromidpoint in hyperbolic space) are already exact,
// and the iteration would not run.

// averagePairs is the number k of symmetric pairs of the averaging data.
const averagePairs = 4

// averageData is a data set with its known centre.
type averageData struct {
	m      manifold.Manifold
	data   [][]float64
	start  []float64                 // the starting point
	r      float64                   // distance of every point from the centre
	metric string                    // what errf measures
	errf   func(x []float64) float64 // distance of x from the centre
}

// symmetricSphere: c random; yᵢ = cos r·c ± sin r·uᵢ with uᵢ ⊥ c unit;
// the symmetry at c is x ↦ 2⟨x, c⟩c − x.
func symmetricSphere(n int) *averageData {
	rng := rand.New(rand.NewPCG(uint64(n), 201))
	const r = 0.5
	c := householder(n, rng)
	// at returns cos t·c + sin t·u/‖u‖ for a random u ⊥ c.
	at := func(t float64) []float64 {
		u := householder(n, rng)
		cu := dot(c, u)
		for i := range u {
			u[i] -= cu * c[i]
		}
		nu := math.Sqrt(dot(u, u))
		y := make([]float64, n)
		for i := range y {
			y[i] = math.Cos(t)*c[i] + math.Sin(t)*u[i]/nu
		}
		return y
	}
	var data [][]float64
	for range averagePairs {
		y := at(r)
		data = append(data, y)
		// The mirror image 2⟨y, c⟩c − y.
		yc := dot(y, c)
		z := make([]float64, n)
		for i := range z {
			z[i] = 2*yc*c[i] - y[i]
		}
		data = append(data, z)
	}
	return &averageData{m: sphere.New(n), data: data, start: at(0.4), r: r, metric: "d(x, c)",
		errf: func(x []float64) float64 {
			// The angle from the chord: 2·atan2(‖x − c‖, ‖x + c‖).
			var dm, dp float64
			for i := range x {
				dm += (x[i] - c[i]) * (x[i] - c[i])
				dp += (x[i] + c[i]) * (x[i] + c[i])
			}
			return 2 * math.Atan2(math.Sqrt(dm), math.Sqrt(dp))
		}}
}

// symmetricSPD: C = GGᵀ with G = I + 0.3·(Gaussian)/√n; Pᵢ = G·exp(±Sᵢ)·Gᵀ
// with Sᵢ symmetric, ‖Sᵢ‖_F = r, so that d_AI(C, Pᵢ) = ‖Sᵢ‖_F = r (the
// congruence X ↦ GXGᵀ is an isometry of the affine-invariant metric, and
// d(I, e^S) = ‖S‖_F); the symmetry at C is X ↦ CX⁻¹C. The exponentials
// come from gonum's EigenSym.
func symmetricSPD(n int) *averageData {
	rng := rand.New(rand.NewPCG(uint64(n), 202))
	const r = 1.0
	g := mat.NewDense(n, n, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			v := 0.3 * rng.NormFloat64() / math.Sqrt(float64(n))
			if i == j {
				v++
			}
			g.Set(i, j, v)
		}
	}
	// pair returns G·exp(±S)·Gᵀ for a random symmetric S with ‖S‖_F = t.
	pair := func(t float64) (plus, minus []float64) {
		s := mat.NewSymDense(n, nil)
		var fro float64
		for i := 0; i < n; i++ {
			for j := i; j < n; j++ {
				v := rng.NormFloat64()
				s.SetSym(i, j, v)
				if i == j {
					fro += v * v
				} else {
					fro += 2 * v * v
				}
			}
		}
		s.ScaleSym(t/math.Sqrt(fro), s)
		var eig mat.EigenSym
		if !eig.Factorize(s, true) {
			panic("bench: EigenSym failed")
		}
		lam := eig.Values(nil)
		var v mat.Dense
		eig.VectorsTo(&v)
		var out [2][]float64
		for k, sign := range []float64{1, -1} {
			d := make([]float64, n)
			for i := range d {
				d[i] = math.Exp(sign * lam[i])
			}
			var e, p mat.Dense
			e.Mul(&v, mat.NewDiagDense(n, d))
			e.Mul(&e, v.T())
			p.Mul(g, &e)
			p.Mul(&p, g.T())
			out[k] = symmetrized(&p, n)
		}
		return out[0], out[1]
	}
	var data [][]float64
	for range averagePairs {
		plus, minus := pair(r)
		data = append(data, plus, minus)
	}
	start, _ := pair(0.8)
	var c mat.Dense
	c.Mul(g, g.T())
	want := symmetrized(&c, n)
	return &averageData{m: spd.New(n), data: data, start: start, r: r, metric: "‖X − C‖_F/‖C‖_F",
		errf: func(x []float64) float64 { return relDiff(x, want) }}
}

// symmetrized returns (A + Aᵀ)/2 row-major.
func symmetrized(a mat.Matrix, n int) []float64 {
	x := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			x[i*n+j] = (a.At(i, j) + a.At(j, i)) / 2
		}
	}
	return x
}

// symmetricHyperbolic: see symmetricLorentz.
func symmetricHyperbolic(n int) *averageData {
	rng := rand.New(rand.NewPCG(uint64(n), 203))
	const r = 1.5
	pts, c, x0 := symmetricLorentz(n, averagePairs, r, rng)
	return &averageData{m: hyperbolic.NewLorentz(n), data: pts, start: x0, r: r, metric: "d(x, c)",
		errf: func(x []float64) float64 { return lorentzDist(x, c) }}
}

// symmetricGrassmann: the centre C is the first p columns of a Householder
// reflector Q (orthonormal by construction) and the data are
// Exp_C(±r·u·vᵀ) = C(I + (cos r − 1)vvᵀ) ± sin r·u·vᵀ for unit u ⊥ span(C)
// and unit v ∈ Rᵖ (Edelman, Arias & Smith 1998, Thm 2.3, for a rank-one
// tangent vector), at distance r; the symmetry at span(C) is the
// reflection 2CCᵀ − I. The error is ‖(I − CCᵀ)Y‖_F.
func symmetricGrassmann(n, p int) *averageData {
	rng := rand.New(rand.NewPCG(uint64(n*1000+p), 204))
	const r = 0.3
	w := householder(n, rng)
	cols := make([][]float64, p)
	for j := range cols {
		cols[j] = reflectedBasis(w, j)
	}
	// pair returns Exp_C(±t·u·vᵀ) for random unit u ⊥ span(C), v ∈ Rᵖ.
	pair := func(t float64) (plus, minus []float64) {
		u := householder(n, rng)
		for _, cj := range cols {
			cu := dot(cj, u)
			for i := range u {
				u[i] -= cu * cj[i]
			}
		}
		nu := math.Sqrt(dot(u, u))
		for i := range u {
			u[i] /= nu
		}
		v := householder(p, rng)
		var out [2][]float64
		for k, s := range []float64{1, -1} {
			y := make([]float64, n*p)
			for i := 0; i < n; i++ {
				// (C·v)ᵢ
				var cv float64
				for k := 0; k < p; k++ {
					cv += cols[k][i] * v[k]
				}
				for j := 0; j < p; j++ {
					y[i*p+j] = cols[j][i] + (math.Cos(t)-1)*cv*v[j] + s*math.Sin(t)*u[i]*v[j]
				}
			}
			out[k] = y
		}
		return out[0], out[1]
	}
	var data [][]float64
	for range averagePairs {
		plus, minus := pair(r)
		data = append(data, plus, minus)
	}
	start, _ := pair(0.2)
	res := make([]float64, n)
	return &averageData{m: grassmann.New(n, p), data: data, start: start, r: r, metric: "‖(I − CCᵀ)Y‖_F",
		errf: func(y []float64) float64 {
			var e float64
			for k := 0; k < p; k++ {
				for i := 0; i < n; i++ {
					res[i] = y[i*p+k]
				}
				for _, cj := range cols {
					c := dot(res, cj)
					for i := range res {
						res[i] -= c * cj[i]
					}
				}
				e += dot(res, res)
			}
			return math.Sqrt(e)
		}}
}

// averageTol is the error the averaging workloads must reach.
const averageTol = 1e-6

func init() {
	register(30, func() []Workload {
		type set struct {
			manifold, variant string
			sizes             []problemSize // size class and parameters (new unused)
			data              func(ps []param) *averageData
		}
		get := func(ps []param, k string) int {
			for _, p := range ps {
				if p.key == k {
					return p.val
				}
			}
			return 0
		}
		vec := func(ns ...int) []problemSize {
			var out []problemSize
			for i, s := range Sizes() {
				out = append(out, problemSize{size: s, params: []param{{"n", ns[i]}}})
			}
			return out
		}
		var frames []problemSize
		for _, s := range frameSizes {
			frames = append(frames, problemSize{size: s.s, params: []param{{"n", s.n}, {"p", s.p}}})
		}
		sets := []set{
			{"sphere", "", vec(3, 100, 10000), func(ps []param) *averageData { return symmetricSphere(get(ps, "n")) }},
			{"grassmann", "", frames, func(ps []param) *averageData { return symmetricGrassmann(get(ps, "n"), get(ps, "p")) }},
			{"spd", "metric=ai", vec(3, 10, 100), func(ps []param) *averageData { return symmetricSPD(get(ps, "n")) }},
			{"hyperbolic", "model=lorentz", vec(2, 10, 100), func(ps []param) *averageData { return symmetricHyperbolic(get(ps, "n")) }},
		}
		var ws []Workload
		for _, fn := range []struct {
			name   string
			median bool
		}{{"karcher", false}, {"median", true}} {
			for _, st := range sets {
				for _, ps := range st.sizes {
					st, ps, median := st, ps, fn.median
					ws = append(ws, newWorkload(KindAverage, fn.name, "symmetric", st.manifold, st.variant, ps.size,
						pointLen(st.manifold, ps.params), ps.params,
						func() (*Instance, error) { return setupAverage(st.data(ps.params), median) }))
				}
			}
		}
		return ws
	})
}

// setupAverage returns the instance that runs KarcherMean (median false)
// or GeometricMedian on the data.
func setupAverage(ad *averageData, median bool) (*Instance, error) {
	optimum := ad.r * ad.r
	f := optim.KarcherMean
	if median {
		optimum = ad.r
		f = optim.GeometricMedian
	}
	solve := func(ctx context.Context, s *optim.Settings) (*Outcome, error) {
		res, err := f(ctx, ad.m, ad.data, nil, &optim.MeanOptions{Init: ad.start, Settings: s})
		if err != nil {
			return nil, err
		}
		return outcomeOf(res, &testProblem{optimum: optimum, metric: ad.metric, errf: ad.errf}, averageTol), nil
	}
	return &Instance{
		Run: func(ctx context.Context, n int) (*Outcome, error) {
			var out *Outcome
			for range n {
				var err error
				if out, err = solve(ctx, nil); err != nil {
					return nil, err
				}
			}
			return out, nil
		},
		Trace: func(ctx context.Context) (*Outcome, error) {
			var trace []TracePoint
			rec := optim.RecorderFunc(func(it optim.Iteration) error {
				trace = append(trace, TracePoint{Iter: it.Iter, Cost: it.F, GradNorm: it.GradNorm})
				return nil
			})
			out, err := solve(ctx, &optim.Settings{Recorder: rec})
			if out != nil {
				out.Trace = trace
			}
			return out, err
		},
	}, nil
}
