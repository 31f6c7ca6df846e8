package optim

import (
	"fmt"
	"math"
	"runtime"
	"sync"
	"sync/atomic"

	"github.com/geodesic-go/geodesic/manifold"
)

// MeanOptions configures KarcherMean, GeometricMedian and
// BuresWassersteinMean (which uses Settings, Init and Workers). A nil *MeanOptions
// and zero fields mean the documented defaults.
type MeanOptions struct {
	// Settings holds the stopping criteria and the Recorder of the
	// iteration, with the meaning they have for Minimize (the Recorder sees
	// the starting point and every iteration). Zero fields take the
	// Minimize defaults, except two that are scaled to the data: GradTol
	// (on the Riemannian gradient norm of the objective) defaults to
	// 1e-10·s for KarcherMean and to 1e-10 for GeometricMedian, whose
	// gradient is a weighted mean of unit vectors; MinStep defaults to
	// 1e-13·s. Here s is the root mean square (KarcherMean) or mean
	// (GeometricMedian) weighted distance of the data from the starting
	// point.
	Settings *Settings
	// Init is the starting point, a point of the manifold; nil means the
	// default starting point of each function (see KarcherMean).
	Init []float64
	// Workers is the number of goroutines that compute the logarithms
	// Log_x(x_j), one per data point, at each evaluation. 0 means
	// runtime.GOMAXPROCS(0) when the work (number of points times point
	// length) exceeds 16384 values, and 1 (the calling goroutine) below
	// that; a negative value is an error. The data are cut into fixed
	// chunks whose partial sums are added in a fixed order, so the result
	// does not depend on Workers: every setting gives the same bits.
	Workers int
	// Epsilon (GeometricMedian only) is the distance below which a data
	// point counts as coinciding with the iterate (its term of the
	// objective is then not differentiable); 0 means 1e-10·s with s as
	// above.
	Epsilon float64
}

// parallelThreshold is the amount of work (points × point length) above
// which the averaging functions use goroutines by default.
const parallelThreshold = 1 << 14

// resolveWorkers returns the number of goroutines for count items of size
// size.
func resolveWorkers(fn string, workers, count, size int) (int, error) {
	switch {
	case workers < 0:
		return 0, fmt.Errorf("optim: %s: Workers = %d is negative", fn, workers)
	case workers > 0:
		return workers, nil
	case count*size > parallelThreshold:
		return runtime.GOMAXPROCS(0), nil
	}
	return 1, nil
}

// normalizeWeights validates the weights of count data points and returns
// them divided by their sum: nil means equal weights 1/count. Every weight
// must be finite and non-negative, and at least one positive.
func normalizeWeights(fn string, weights []float64, count int) ([]float64, error) {
	w := make([]float64, count)
	if weights == nil {
		for i := range w {
			w[i] = 1 / float64(count)
		}
		return w, nil
	}
	if len(weights) != count {
		return nil, fmt.Errorf("optim: %s: len(weights) = %d, but there are %d data points", fn, len(weights), count)
	}
	var big float64
	for i, v := range weights {
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("optim: %s: weights[%d] = %v is not finite", fn, i, v)
		}
		if v < 0 {
			return nil, fmt.Errorf("optim: %s: weights[%d] = %v is negative", fn, i, v)
		}
		big = math.Max(big, v)
	}
	if big == 0 {
		return nil, fmt.Errorf("optim: %s: every weight is zero", fn)
	}
	// Divide by the largest weight first, so that the sum cannot overflow.
	var sum float64
	for i, v := range weights {
		w[i] = v / big
		sum += w[i]
	}
	for i := range w {
		w[i] /= sum
	}
	return w, nil
}

// checkData validates the data points of an average on m.
func checkData(fn string, m manifold.Manifold, data [][]float64) error {
	if m == nil {
		return fmt.Errorf("optim: %s: nil manifold", fn)
	}
	if len(data) == 0 {
		return fmt.Errorf("optim: %s: no data points", fn)
	}
	r, c := m.Shape()
	for j, x := range data {
		if len(x) != r*c {
			return fmt.Errorf("optim: %s: len(data[%d]) = %d, but a point of %s has %d×%d = %d entries", fn, j, len(x), name(m), r, c, r*c)
		}
		if err := m.CheckPoint(x); err != nil {
			return fmt.Errorf("optim: %s: data[%d] is not a point of %s: %w", fn, j, name(m), err)
		}
	}
	return nil
}

// maxChunks bounds the number of chunks of a parallel evaluation, and with
// it the memory of the per-chunk partial sums (maxChunks points' worth).
const maxChunks = 32

// chunkSize returns the number of data points per chunk for count points.
// It depends only on count, so that the grouping of the sums, and hence
// the rounding, never depends on the number of goroutines.
func chunkSize(count int) int {
	nc := max(1, min(count, maxChunks))
	return (count + nc - 1) / nc
}

// forChunks calls fn(worker, chunk, lo, hi) for the chunks [lo, hi) of
// [0, count) of the given size, on up to workers goroutines (worker is in
// [0, workers)). Each chunk is handled by exactly one call; the order of the
// calls is unspecified.
func forChunks(count, size, workers int, fn func(worker, chunk, lo, hi int)) {
	nc := (count + size - 1) / size
	if workers <= 1 || nc <= 1 {
		for c := 0; c < nc; c++ {
			fn(0, c, c*size, min(count, (c+1)*size))
		}
		return
	}
	workers = min(workers, nc)
	var next atomic.Int64
	var wg sync.WaitGroup
	for w := 0; w < workers; w++ {
		wg.Add(1)
		go func(w int) {
			defer wg.Done()
			for {
				c := int(next.Add(1) - 1)
				if c >= nc {
					return
				}
				fn(w, c, c*size, min(count, (c+1)*size))
			}
		}(w)
	}
	wg.Wait()
}
