package optim_test

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"github.com/geodesic-go/geodesic/flag"
	"github.com/geodesic-go/geodesic/optim"
)

// medianObjective returns Σ_j w_j d_c(X⁽ʲ⁾, Y), w normalised, with the
// distances of the flag package.
func medianObjective(data [][]float64, w []float64, y []float64, n int, dims []int) float64 {
	fl := flag.New(n, dims...)
	var g, sum float64
	for j, x := range data {
		g += weightOf(w, j) * fl.ChordalDist(x, y)
		sum += weightOf(w, j)
	}
	return g / sum
}

// The reweighting steps decrease the median objective monotonically, the
// reported objective is Σ w_j d_c(X⁽ʲ⁾, X) itself, and a step that would
// increase it is rejected with a note. A large Epsilon (0.05, against
// inlier distances of about 0.03) breaks the majorisation that guarantees
// the decrease, and does make some steps increase G.
func TestFlagMedianMonotone(t *testing.T) {
	rejected := 0
	for seed := uint64(0); seed < 6; seed++ {
		for _, c := range []struct {
			n    int
			dims []int
			eps  float64
		}{
			{10, []int{1, 3}, 0},
			{10, []int{1, 3}, 0.05},
			{8, []int{2, 3, 5}, 0},
		} {
			rng := rand.New(rand.NewPCG(seed, 20))
			_, data := flagCloud(rng, c.n, c.dims, 100, 12, 0.01)
			w := randWeights(rng, len(data))
			var fs []float64
			rec := optim.RecorderFunc(func(it optim.Iteration) error {
				if it.Iter != len(fs) {
					t.Errorf("recorded iteration %d after %d", it.Iter, len(fs))
				}
				fs = append(fs, it.F)
				return nil
			})
			res, err := optim.FlagMedian(context.Background(), data, c.n, c.dims, w, &optim.FlagOptions{Epsilon: c.eps, Recorder: rec})
			if err != nil {
				t.Fatal(err)
			}
			for k := 1; k < len(fs); k++ {
				if !(fs[k] < fs[k-1]) {
					t.Errorf("seed %d %v ε=%g: G went from %.17g to %.17g at step %d", seed, c.dims, c.eps, fs[k-1], fs[k], k)
				}
			}
			if res.F != fs[len(fs)-1] || res.Iterations != len(fs)-1 {
				t.Errorf("seed %d: result F = %.17g after %d steps, last recorded %.17g after %d", seed, res.F, res.Iterations, fs[len(fs)-1], len(fs)-1)
			}
			if want := medianObjective(data, w, res.X, c.n, c.dims); math.Abs(res.F-want) > 1e-14 {
				t.Errorf("seed %d: F = %.17g, Σ w d_c = %.17g", seed, res.F, want)
			}
			if ref := flagMedianObjectiveRef(data, w, res.X, c.n, c.dims); math.Abs(res.F-ref) > 1e-7 {
				t.Errorf("seed %d: F = %.17g, Σ w d_c from projectors = %.17g", seed, res.F, ref)
			}
			if res.Status != optim.CostConverged {
				t.Errorf("seed %d: %v", seed, res)
			}
			for _, note := range res.Notes {
				if strings.Contains(note, "did not decrease") {
					rejected++
				}
			}
			if c.eps == 0 && res.GradNorm > 1e-5 {
				t.Errorf("seed %d %v: gradient norm %.3g at the median", seed, c.dims, res.GradNorm)
			}
		}
	}
	if rejected == 0 {
		t.Errorf("no step was rejected: the safeguard was not exercised")
	}
	t.Logf("%d rejected steps", rejected)
}

func flagMedianObjectiveRef(data [][]float64, w []float64, y []float64, n int, dims []int) float64 {
	var g, sum float64
	for j, x := range data {
		g += weightOf(w, j) * flagDistRef(x, y, n, dims)
		sum += weightOf(w, j)
	}
	return g / sum
}

// With outliers among inliers at noise 0.001 on Fl(1, 3; 10), the median
// stays within the noise of the centre while the mean is pulled away.
func TestFlagMedianRobust(t *testing.T) {
	n, dims := 10, []int{1, 3}
	for _, out := range []int{0, 5, 10, 19} {
		rng := rand.New(rand.NewPCG(21, uint64(out)))
		centre, data := flagCloud(rng, n, dims, 100, out, 0.001)
		med, err := optim.FlagMedian(context.Background(), data, n, dims, nil, nil)
		if err != nil {
			t.Fatal(err)
		}
		mean := mustFlagMean(t, data, n, dims, nil, nil)
		dm, dmean := flagDistRef(med.X, centre, n, dims), flagDistRef(mean.X, centre, n, dims)
		t.Logf("%d%% outliers: median %.2e from the centre, mean %.2e (%d steps)", out, dm, dmean, med.Iterations)
		if dm > 2e-3 {
			t.Errorf("%d%% outliers: the median is %.3g from the centre", out, dm)
		}
		if out >= 10 && dmean < 10*dm {
			t.Errorf("%d%% outliers: mean %.3g, median %.3g from the centre", out, dmean, dm)
		}
	}
}

// A point with at least half the total weight is a median of any metric
// (G(y) − G(x_k) ≥ (w_k − Σ_{j≠k} w_j)·d(y, x_k) ≥ 0): the iteration
// lands on it, with a zero least-norm subgradient.
func TestFlagMedianAtDataPoint(t *testing.T) {
	rng := rand.New(rand.NewPCG(22, 23))
	n, dims := 9, []int{2, 3}
	_, data := flagCloud(rng, n, dims, 20, 4, 0.2)
	w := randWeights(rng, len(data))
	var rest float64
	for _, v := range w[1:] {
		rest += v
	}
	w[0] = 1.2 * rest
	res, err := optim.FlagMedian(context.Background(), data, n, dims, w, nil)
	if err != nil {
		t.Fatal(err)
	}
	if d := flagDistRef(res.X, data[0], n, dims); d > 1e-7 {
		t.Errorf("the median is %.3g from the heavy point: %v", d, res)
	}
	if res.GradNorm != 0 || res.Status != optim.GradientConverged || res.Iterations > 3 {
		t.Errorf("least-norm subgradient %.3g, want 0, in at most 3 steps: %v", res.GradNorm, res)
	}
}

func TestFlagMedianStops(t *testing.T) {
	rng := rand.New(rand.NewPCG(24, 25))
	n, dims := 10, []int{1, 3}
	_, data := flagCloud(rng, n, dims, 50, 8, 0.01)
	ctx, cancel := context.WithCancel(context.Background())
	calls := 0
	rec := optim.RecorderFunc(func(it optim.Iteration) error {
		calls++
		if it.Iter == 2 {
			cancel()
		}
		return nil
	})
	res, err := optim.FlagMedian(ctx, data, n, dims, nil, &optim.FlagOptions{Recorder: rec})
	if !errors.Is(err, context.Canceled) || res == nil || res.Status != optim.Canceled || res.Iterations != 2 {
		t.Errorf("canceled: %v, %v", res, err)
	}
	rec = optim.RecorderFunc(func(it optim.Iteration) error {
		if it.Iter == 1 {
			return optim.ErrStop
		}
		return nil
	})
	res, err = optim.FlagMedian(context.Background(), data, n, dims, nil, &optim.FlagOptions{Recorder: rec})
	if err != nil || res.Status != optim.Stopped || res.Iterations != 1 {
		t.Errorf("ErrStop: %v, %v", res, err)
	}
	res, err = optim.FlagMedian(context.Background(), data, n, dims, nil, &optim.FlagOptions{MaxIterations: 2})
	if err != nil || res.Status != optim.IterationLimit || res.Iterations != 2 {
		t.Errorf("MaxIterations 2: %v, %v", res, err)
	}
	// OrientSigns orients the one-dimensional block by the final weights,
	// which favour the inliers.
	res, err = optim.FlagMedian(context.Background(), data, n, dims, nil, &optim.FlagOptions{OrientSigns: true})
	if err != nil {
		t.Fatal(err)
	}
	var s float64
	for _, x := range data[8:] {
		for r := 0; r < n; r++ {
			s += x[r*3] * res.X[r*3]
		}
	}
	if !(s > 0) {
		t.Errorf("the oriented median disagrees with the inliers: Σ⟨x, y⟩ = %g", s)
	}
}

// The goroutines of the distances and of the products (row chunks for
// n ≥ 512) do not change the bits of the results.
func TestFlagWorkers(t *testing.T) {
	rng := rand.New(rand.NewPCG(26, 27))
	n, dims := 700, []int{1, 3}
	_, data := flagCloud(rng, n, dims, 60, 6, 0.3/math.Sqrt(float64(n)))
	for _, fn := range []func(context.Context, [][]float64, int, []int, []float64, *optim.FlagOptions) (*optim.Result, error){optim.FlagMean, optim.FlagMedian} {
		var ref *optim.Result
		for _, workers := range []int{1, 2, 3} {
			res, err := fn(context.Background(), data, n, dims, nil, &optim.FlagOptions{Workers: workers})
			if err != nil {
				t.Fatal(err)
			}
			if ref == nil {
				ref = res
				continue
			}
			if res.F != ref.F || res.Iterations != ref.Iterations {
				t.Errorf("%s with %d workers: %v, with 1: %v", res.Method, workers, res, ref)
			}
			for i := range res.X {
				if res.X[i] != ref.X[i] {
					t.Errorf("%s with %d workers: X differs", res.Method, workers)
					break
				}
			}
		}
	}
}

// Started at a data point that is not the median (an outlier), the
// iteration leaves it (its own weight is left out, as in Vardi & Zhang's
// modified Weiszfeld step) and reaches the median of the default start.
func TestFlagMedianFromDataPoint(t *testing.T) {
	rng := rand.New(rand.NewPCG(28, 29))
	n, dims := 10, []int{1, 3}
	_, data := flagCloud(rng, n, dims, 60, 6, 0.01)
	ref, err := optim.FlagMedian(context.Background(), data, n, dims, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	var fs []float64
	rec := optim.RecorderFunc(func(it optim.Iteration) error { fs = append(fs, it.F); return nil })
	res, err := optim.FlagMedian(context.Background(), data, n, dims, nil, &optim.FlagOptions{Init: data[0], Recorder: rec})
	if err != nil {
		t.Fatal(err)
	}
	for k := 1; k < len(fs); k++ {
		if !(fs[k] < fs[k-1]) {
			t.Errorf("G went from %.17g to %.17g", fs[k-1], fs[k])
		}
	}
	if d := flagDistRef(res.X, ref.X, n, dims); d > 1e-6 || math.Abs(res.F-ref.F) > 1e-12 {
		t.Errorf("from data[0]: %.3g from the median, F = %.15g vs %.15g (%v; %v)", d, res.F, ref.F, res, res.Notes)
	}
}
