package optim_test

import (
	"context"
	"math"
	"math/rand/v2"
	"runtime"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/optim"
)

// flagCloud returns count points of Fl(dims; n) near a random centre (noise
// σ per entry), the first outliers of them uniformly random instead.
func flagCloud(rng *rand.Rand, n int, dims []int, count, outliers int, sigma float64) (centre []float64, data [][]float64) {
	p := dims[len(dims)-1]
	centre = avgFrame(rng, n, p)
	data = make([][]float64, count)
	for j := range data {
		if j < outliers {
			data[j] = avgFrame(rng, n, p)
		} else {
			data[j] = avgNoisy(rng, centre, n, p, sigma)
		}
	}
	return centre, data
}

func randWeights(rng *rand.Rand, count int) []float64 {
	w := make([]float64, count)
	for i := range w {
		w[i] = 0.2 + rng.Float64()
	}
	return w
}

func mustFlagMean(t *testing.T, data [][]float64, n int, dims []int, w []float64, o *optim.FlagOptions) *optim.Result {
	t.Helper()
	res, err := optim.FlagMean(context.Background(), data, n, dims, w, o)
	if err != nil {
		t.Fatalf("FlagMean: %v", err)
	}
	if res.Status != optim.GradientConverged {
		t.Fatalf("FlagMean: %v", res)
	}
	return res
}

// The one-block flag manifold Fl(p; n) is the Grassmannian, where the
// chordal flag mean is the Grassmann chordal mean: the top p eigenvectors
// of P = Σ w_j X_jX_jᵀ (here from gonum's EigenSym on the explicit P, an
// independent route from FlagMean's trust regions and GrassmannMean's SVD).
func TestFlagMeanOneBlockIsGrassmannMean(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for _, c := range []struct{ n, p, count int }{{10, 3, 30}, {7, 1, 12}, {20, 5, 40}} {
		_, data := flagCloud(rng, c.n, []int{c.p}, c.count, 3, 0.3)
		w := randWeights(rng, c.count)
		ref, _ := topEigvecs(weightedProjector(data, w, c.n, c.p, 0, c.p), c.p)
		res := mustFlagMean(t, data, c.n, []int{c.p}, w, nil)
		gm, err := optim.GrassmannMean(data, c.n, c.p, w)
		if err != nil {
			t.Fatal(err)
		}
		if d := subspaceDist(res.X, ref, c.n, c.p); d > 1e-9 {
			t.Errorf("Gr(%d, %d): FlagMean is %.3g from the top eigenvectors of P", c.n, c.p, d)
		}
		if d := subspaceDist(gm, ref, c.n, c.p); d > 1e-9 {
			t.Errorf("Gr(%d, %d): GrassmannMean is %.3g from the top eigenvectors of P", c.n, c.p, d)
		}
		// F = Σ w_j (p − ‖X_jᵀY‖²) from the eigenvalues: p − Σ top λ.
		_, vals := topEigvecs(weightedProjector(data, w, c.n, c.p, 0, c.p), c.p)
		want := float64(c.p)
		for k := 0; k < c.p; k++ {
			want -= vals[len(vals)-1-k]
		}
		if math.Abs(res.F-want) > 1e-12 {
			t.Errorf("Gr(%d, %d): F = %.15g, want p − Σλ_top = %.15g", c.n, c.p, res.F, want)
		}
	}
}

// The first-order conditions of max Σ_i tr(Y_iᵀP_iY_i) over orthonormal Y
// (Mankovich & Birdal 2023): (I − YYᵀ)P_iY_i = 0 for every block, and
// Y_aᵀ(P_b − P_a)Y_b = 0 for a ≠ b, with P_i formed explicitly here. And no
// start among 20 random ones gives a smaller objective.
func TestFlagMeanOptimality(t *testing.T) {
	rng := rand.New(rand.NewPCG(5, 6))
	for _, c := range []struct {
		n      int
		dims   []int
		count  int
		sigma  float64
		starts int
	}{
		{10, []int{1, 3}, 50, 0.2, 20},
		{12, []int{2, 3, 5}, 30, 0.4, 20},
		{6, []int{1, 2, 3, 4, 5}, 25, 0.5, 20},
		{3, []int{1, 2, 3}, 40, 0.3, 20},
	} {
		p := c.dims[len(c.dims)-1]
		_, data := flagCloud(rng, c.n, c.dims, c.count, c.count/5, c.sigma)
		w := randWeights(rng, c.count)
		res := mustFlagMean(t, data, c.n, c.dims, w, nil)
		y := mat.NewDense(c.n, p, res.X)
		blocks := flagBlocks(c.dims)
		ps := make([]*mat.SymDense, len(blocks))
		for i, b := range blocks {
			ps[i] = weightedProjector(data, w, c.n, p, b[0], b[1])
		}
		var worst float64
		for i, b := range blocks {
			yi := y.Slice(0, c.n, b[0], b[1])
			var py, yyt, r mat.Dense
			py.Mul(ps[i], yi)
			yyt.Mul(y.T(), &py)
			r.Mul(y, &yyt)
			r.Sub(&py, &r)
			worst = math.Max(worst, mat.Norm(&r, 2))
			for a, ba := range blocks {
				if a == i {
					continue
				}
				ya := y.Slice(0, c.n, ba[0], ba[1])
				var diff, t1, t2 mat.Dense
				diff.Sub(ps[i], ps[a])
				t1.Mul(&diff, yi)
				t2.Mul(ya.T(), &t1)
				worst = math.Max(worst, mat.Norm(&t2, 2))
			}
		}
		if worst > 1e-9 {
			t.Errorf("Fl(%v; %d): first-order residual %.3g", c.dims, c.n, worst)
		}
		for s := 0; s < c.starts; s++ {
			o := &optim.FlagOptions{Init: avgFrame(rng, c.n, p)}
			r, err := optim.FlagMean(context.Background(), data, c.n, c.dims, w, o)
			if err != nil {
				t.Fatal(err)
			}
			if r.F < res.F-1e-12 {
				t.Errorf("Fl(%v; %d): random start %d reaches F = %.15g < %.15g", c.dims, c.n, s, r.F, res.F)
			}
		}
	}
}

// rotateBlocks returns x with each block multiplied by a random orthogonal
// matrix (one-dimensional blocks: a random sign).
func rotateBlocks(rng *rand.Rand, x []float64, n int, dims []int) []float64 {
	p := dims[len(dims)-1]
	out := append([]float64(nil), x...)
	for _, b := range flagBlocks(dims) {
		m := b[1] - b[0]
		q := avgFrame(rng, m, m)
		for r := 0; r < n; r++ {
			for c := 0; c < m; c++ {
				var s float64
				for k := 0; k < m; k++ {
					s += x[r*p+b[0]+k] * q[k*m+c]
				}
				out[r*p+b[0]+c] = s
			}
		}
	}
	return out
}

// The mean is a function of the flags and of the multiset of weighted
// points: rotating the blocks of every input (which leaves its flag
// unchanged), permuting the inputs, and replacing a weight of 2 by a
// duplicated point all leave it unchanged.
func TestFlagMeanInvariance(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 8))
	n, dims, count := 10, []int{1, 3, 4}, 40
	_, data := flagCloud(rng, n, dims, count, 8, 0.3)
	w := randWeights(rng, count)
	ref := mustFlagMean(t, data, n, dims, w, nil)

	rot := make([][]float64, count)
	for j, x := range data {
		rot[j] = rotateBlocks(rng, x, n, dims)
	}
	perm := rng.Perm(count)
	pd, pw := make([][]float64, count), make([]float64, count)
	for j, k := range perm {
		pd[j], pw[j] = data[k], w[k]
	}
	w2 := append([]float64(nil), w...)
	w2[0] = 2 * w[0]
	dup := append([][]float64{data[0]}, data...)
	wdup := append([]float64{w[0]}, w...)
	for _, c := range []struct {
		name string
		data [][]float64
		w    []float64
		vs   *optim.Result
	}{
		{"rotated blocks", rot, w, ref},
		{"permuted", pd, pw, ref},
		{"duplicate", dup, wdup, mustFlagMean(t, data, n, dims, w2, nil)},
	} {
		res := mustFlagMean(t, c.data, n, dims, c.w, nil)
		if d := flagDistRef(res.X, c.vs.X, n, dims); d > 1e-9 {
			t.Errorf("%s: the mean moved by %.3g", c.name, d)
		}
		if math.Abs(res.F-c.vs.F) > 1e-12 {
			t.Errorf("%s: F = %.15g, want %.15g", c.name, res.F, c.vs.F)
		}
	}
}

// OrientSigns orients each one-dimensional block by the weighted inner
// products with the data, without changing the flag.
func TestFlagMeanOrientSigns(t *testing.T) {
	rng := rand.New(rand.NewPCG(9, 10))
	n, dims, count := 8, []int{1, 2, 4}, 30
	_, data := flagCloud(rng, n, dims, count, 5, 0.2)
	// Flip the signs of the data at random: orientation must follow the
	// weighted majority.
	w := randWeights(rng, count)
	plain := mustFlagMean(t, data, n, dims, w, nil)
	for _, init := range [][]float64{nil, rotateBlocks(rng, plain.X, n, dims)} {
		res := mustFlagMean(t, data, n, dims, w, &optim.FlagOptions{OrientSigns: true, Init: init})
		if d := flagDistRef(res.X, plain.X, n, dims); d > 1e-9 {
			t.Errorf("orientation changed the flag by %.3g", d)
		}
		p := dims[len(dims)-1]
		for _, b := range flagBlocks(dims) {
			if b[1]-b[0] != 1 {
				continue
			}
			var s float64
			for j, x := range data {
				for r := 0; r < n; r++ {
					s += w[j] * x[r*p+b[0]] * res.X[r*p+b[0]]
				}
			}
			if !(s > 0) {
				t.Errorf("block %v: Σ w_j⟨x_j, y⟩ = %g, want > 0", b, s)
			}
		}
	}
}

func TestFlagMeanErrors(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	n, dims := 5, []int{1, 3}
	_, data := flagCloud(rng, n, dims, 4, 0, 0.1)
	bad := append([]float64(nil), data[2]...)
	bad[0] += 1e-3
	short := data[1][:14]
	ctx := context.Background()
	for _, c := range []struct {
		name string
		data [][]float64
		n    int
		dims []int
		w    []float64
		o    *optim.FlagOptions
		want string
	}{
		{"n", data, 0, dims, nil, nil, "n = 0"},
		{"empty type", data, n, nil, nil, nil, "empty flag type"},
		{"not increasing", data, n, []int{2, 2}, nil, nil, "not strictly increasing"},
		{"zero dim", data, n, []int{0, 3}, nil, nil, "not strictly increasing"},
		{"too big", data, n, []int{1, 6}, nil, nil, "does not fit"},
		{"no data", nil, n, dims, nil, nil, "no data points"},
		{"length", [][]float64{data[0], short}, n, dims, nil, nil, "len(data[1]) = 14"},
		{"not orthonormal", [][]float64{data[0], data[1], bad}, n, dims, nil, nil, "data[2] is not an orthonormal 5×3 frame"},
		{"NaN", [][]float64{data[0], {math.NaN(), 0, 0, 0, 1, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0}}, n, dims, nil, nil, "data[1]"},
		{"weights length", data, n, dims, []float64{1, 2}, nil, "len(weights) = 2"},
		{"negative weight", data, n, dims, []float64{1, -1, 1, 1}, nil, "weights[1] = -1 is negative"},
		{"NaN weight", data, n, dims, []float64{1, 1, math.NaN(), 1}, nil, "weights[2] = NaN"},
		{"Inf weight", data, n, dims, []float64{1, 1, 1, math.Inf(1)}, nil, "weights[3] = +Inf"},
		{"zero weights", data, n, dims, []float64{0, 0, 0, 0}, nil, "every weight is zero"},
		{"init length", data, n, dims, nil, &optim.FlagOptions{Init: data[0][:3]}, "len(Init) = 3"},
		{"init off", data, n, dims, nil, &optim.FlagOptions{Init: bad}, "Init is not an orthonormal"},
		{"tolerance", data, n, dims, nil, &optim.FlagOptions{Tolerance: -1}, "Tolerance = -1"},
		{"workers", data, n, dims, nil, &optim.FlagOptions{Workers: -2}, "Workers = -2"},
		{"epsilon", data, n, dims, nil, &optim.FlagOptions{Epsilon: math.NaN()}, "Epsilon = NaN"},
		{"iterations", data, n, dims, nil, &optim.FlagOptions{MaxIterations: -1}, "MaxIterations = -1"},
	} {
		for _, f := range []struct {
			name string
			fn   func(context.Context, [][]float64, int, []int, []float64, *optim.FlagOptions) (*optim.Result, error)
		}{{"FlagMean", optim.FlagMean}, {"FlagMedian", optim.FlagMedian}} {
			res, err := f.fn(ctx, c.data, c.n, c.dims, c.w, c.o)
			if err == nil || res != nil {
				t.Errorf("%s %s: got %v, %v; want an error", f.name, c.name, res, err)
				continue
			}
			if !strings.Contains(err.Error(), c.want) || !strings.HasPrefix(err.Error(), "optim: "+f.name+": ") {
				t.Errorf("%s %s: error %q, want it to contain %q", f.name, c.name, err, c.want)
			}
		}
	}
	// The tolerance is honoured: bad passes with a loose one.
	if _, err := optim.FlagMean(ctx, [][]float64{data[0], bad}, n, dims, nil, &optim.FlagOptions{Tolerance: 1e-2}); err != nil {
		t.Errorf("Tolerance 1e-2: %v", err)
	}
}

// FlagMean's memory is that of the data, O(n·p·N): the bytes it allocates
// grow linearly in n, and are a small multiple of the data's size.
func TestFlagMeanMemory(t *testing.T) {
	if testing.Short() {
		t.Skip("large n")
	}
	if raceEnabled {
		t.Skip("the race detector changes the allocations")
	}
	const count, p = 10, 3
	dims := []int{1, 3}
	var bytes [2]float64
	ns := [2]int{10000, 100000}
	for k, n := range ns {
		rng := rand.New(rand.NewPCG(13, 14))
		_, data := flagCloud(rng, n, dims, count, 1, 0.3/math.Sqrt(float64(n)))
		// The least of three runs: the pools of internal/linalg, which
		// the garbage collector may or may not have emptied, make the
		// count vary by about a megabyte.
		var res *optim.Result
		bytes[k] = math.Inf(1)
		for range 3 {
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			res = mustFlagMean(t, data, n, dims, nil, nil)
			runtime.ReadMemStats(&after)
			bytes[k] = math.Min(bytes[k], float64(after.TotalAlloc-before.TotalAlloc))
		}
		size := float64(8 * n * p * count)
		t.Logf("n = %d: %.1f MB allocated, %.2f× the data (%.1f MB); %d iterations, %d Hv", n, bytes[k]/1e6, bytes[k]/size, size/1e6, res.Iterations, res.HessEvals)
		if bytes[k] > 4*size {
			t.Errorf("n = %d: allocated %.3g bytes, more than 4× the data (%.3g)", n, bytes[k], size)
		}
	}
	if r := bytes[1] / bytes[0]; r < 7 || r > 14 {
		t.Errorf("allocation ratio %.2f for n ×10, want ≈ 10 (linear)", r)
	}
}
