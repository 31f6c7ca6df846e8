package bench

import (
	"context"
	"math"
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/optim"
)

// The chordal flag mean and median (optim.FlagMean, optim.FlagMedian) of
// N = 11 flags of type (n₁ < … < n_k; n) built from coordinate vectors
// and rotated by a Householder reflector Q. Block i of the answer T is
// spanned by the coordinates Tᵢ = {n_{i−1}, …, nᵢ − 1}; six data flags are
// T itself, and five are T with one coordinate of one block replaced by a
// coordinate outside the first p or swapped with a coordinate of another
// block.
//
// The mean: with Pᵢ = Σⱼ wⱼXᵢ⁽ʲ⁾Xᵢ⁽ʲ⁾ᵀ, the mean maximises Σᵢ tr(YᵢᵀPᵢYᵢ)
// (see optim.FlagMean). Before the rotation Pᵢ is diagonal, with entries
// ≥ 6/11 on Tᵢ and ≤ 5/11 elsewhere, so by Ky Fan's maximum principle
// tr(YᵢᵀPᵢYᵢ) ≤ Σ_{c∈Tᵢ}(Pᵢ)_cc, with equality only for span(Yᵢ) =
// span{e_c : c ∈ Tᵢ}; the Tᵢ are disjoint, so T attains every bound at
// once and is the unique mean. The median: the chordal distance is a
// metric (half the Frobenius distance between the tuples of projectors),
// and a point that carries more than half of the weight is the unique
// geometric median of a metric space (for any Y ≠ T, the triangle
// inequality gives Σⱼ wⱼd(Xⱼ, Y) ≥ Σⱼ wⱼd(Xⱼ, T) + (6/11 − 5/11)·d(T, Y)).
// The rotation X ↦ QX preserves both problems, so the answer is QT: the
// first p columns of Q. Both functions start (FlagOptions.Init) from the
// frame QT + 0.3·G, G Gaussian, orthonormalised by Gram–Schmidt: their
// default start, the blockwise chordal mean, is exact for these data, and
// every coordinate flag, data points included, is a critical point of the
// mean's cost.

// flagAverageData is the data set and its answer.
type flagAverageData struct {
	n         int
	dims      []int
	data      [][]float64
	start     []float64 // the starting frame
	meanF     float64   // Σⱼ wⱼ d_c(Xⱼ, T)²
	medianF   float64   // Σⱼ wⱼ d_c(Xⱼ, T)
	answer    [][]float64
	blockCols [][2]int
}

func majorityFlags(n int, dims []int) *flagAverageData {
	rng := rand.New(rand.NewPCG(uint64(n), 301))
	p := dims[len(dims)-1]
	const copies, perturbed = 6, 5
	fd := &flagAverageData{n: n, dims: dims}
	lo := 0
	for _, hi := range dims {
		fd.blockCols = append(fd.blockCols, [2]int{lo, hi})
		lo = hi
	}
	w := householder(n, rng)
	// frame returns Q·[e_{cols[0]} … e_{cols[p−1]}], n×p row-major.
	frame := func(cols []int) []float64 {
		x := make([]float64, n*p)
		for j, c := range cols {
			for i := 0; i < n; i++ {
				x[i*p+j] = -2 * w[i] * w[c]
			}
			x[c*p+j]++
		}
		return x
	}
	truth := make([]int, p)
	for j := range truth {
		truth[j] = j
	}
	for range copies {
		fd.data = append(fd.data, frame(truth))
	}
	var sumD, sumD2 float64
	for k := range perturbed {
		cols := append([]int(nil), truth...)
		j := rng.IntN(p)
		if k%2 == 0 && n > p {
			cols[j] = p + rng.IntN(n-p) // a coordinate outside the first p
		} else {
			// Swap with a column of another block (if there is one).
			b := blockOf(fd.blockCols, j)
			other := rng.IntN(p)
			for tries := 0; blockOf(fd.blockCols, other) == b && tries < 100; tries++ {
				other = rng.IntN(p)
			}
			cols[j], cols[other] = cols[other], cols[j]
		}
		// d_c² = Σᵢ (mᵢ − |Sᵢ ∩ Tᵢ|), counted on the coordinates.
		var d2 float64
		for _, bc := range fd.blockCols {
			for _, c := range cols[bc[0]:bc[1]] {
				if c < bc[0] || c >= bc[1] {
					d2++
				}
			}
		}
		sumD2 += d2
		sumD += math.Sqrt(d2)
		fd.data = append(fd.data, frame(cols))
	}
	N := float64(copies + perturbed)
	fd.meanF, fd.medianF = sumD2/N, sumD/N
	for j := 0; j < p; j++ {
		fd.answer = append(fd.answer, reflectedBasis(w, j))
	}
	fd.start = frame(truth)
	for i := range fd.start {
		fd.start[i] += 0.3 * rng.NormFloat64()
	}
	orthonormalize(fd.start, n, p)
	return fd
}

// orthonormalize replaces the columns of the n×p row-major x by their
// Gram–Schmidt orthonormalisation (modified Gram–Schmidt, run twice so that
// the result is orthonormal to rounding).
func orthonormalize(x []float64, n, p int) {
	for range 2 {
		for j := 0; j < p; j++ {
			for k := 0; k < j; k++ {
				var c float64
				for i := 0; i < n; i++ {
					c += x[i*p+k] * x[i*p+j]
				}
				for i := 0; i < n; i++ {
					x[i*p+j] -= c * x[i*p+k]
				}
			}
			var s float64
			for i := 0; i < n; i++ {
				s += x[i*p+j] * x[i*p+j]
			}
			s = math.Sqrt(s)
			for i := 0; i < n; i++ {
				x[i*p+j] /= s
			}
		}
	}
}

func blockOf(blocks [][2]int, j int) int {
	for b, bc := range blocks {
		if j >= bc[0] && j < bc[1] {
			return b
		}
	}
	return -1
}

// chordalError returns d_c(Y, T) = (Σᵢ ‖(I − TᵢTᵢᵀ)Yᵢ‖²_F)^{1/2}.
func (fd *flagAverageData) chordalError(y []float64) float64 {
	n, p := fd.n, fd.dims[len(fd.dims)-1]
	res := make([]float64, n)
	var e float64
	for _, bc := range fd.blockCols {
		for k := bc[0]; k < bc[1]; k++ {
			for i := 0; i < n; i++ {
				res[i] = y[i*p+k]
			}
			for _, t := range fd.answer[bc[0]:bc[1]] {
				c := dot(res, t)
				for i := range res {
					res[i] -= c * t[i]
				}
			}
			e += dot(res, res)
		}
	}
	return math.Sqrt(e)
}

func init() {
	register(31, func() []Workload {
		var ws []Workload
		for _, fn := range []struct {
			name   string
			median bool
		}{{"flagmean", false}, {"flagmedian", true}} {
			for _, sz := range []struct {
				s    Size
				n    int
				dims []int
			}{{SizeTiny, 4, []int{1, 2}}, {SizeMedium, 50, []int{1, 3, 5}}, {SizeTall, 1000, []int{2, 5, 10}}} {
				n, dims, median := sz.n, sz.dims, fn.median
				ps := []param{{"n", n}}
				for i, d := range dims {
					ps = append(ps, param{"n" + string(rune('1'+i)), d})
				}
				ws = append(ws, newWorkload(KindAverage, fn.name, "majority", "flag", "", sz.s, n*dims[len(dims)-1], ps,
					func() (*Instance, error) { return setupFlagAverage(majorityFlags(n, dims), median) }))
			}
		}
		return ws
	})
}

// setupFlagAverage returns the instance that runs FlagMean (median false)
// or FlagMedian on the data.
func setupFlagAverage(fd *flagAverageData, median bool) (*Instance, error) {
	tp := &testProblem{optimum: fd.meanF, metric: "d_c(Y, T)", errf: fd.chordalError}
	f := optim.FlagMean
	if median {
		tp.optimum = fd.medianF
		f = optim.FlagMedian
	}
	solve := func(ctx context.Context, opts *optim.FlagOptions) (*Outcome, error) {
		if opts == nil {
			opts = &optim.FlagOptions{}
		}
		opts.Init = fd.start
		res, err := f(ctx, fd.data, fd.n, fd.dims, nil, opts)
		if err != nil {
			return nil, err
		}
		return outcomeOf(res, tp, averageTol), nil
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
			opts := &optim.FlagOptions{Settings: &optim.Settings{Recorder: rec}}
			if median {
				// The median's Recorder sees the reweighting steps; the
				// inner solves keep their default settings.
				opts = &optim.FlagOptions{Recorder: rec}
			}
			out, err := solve(ctx, opts)
			if out != nil {
				out.Trace = trace
			}
			return out, err
		},
	}, nil
}
