package optim

import (
	"fmt"
	"math"

	"gonum.org/v1/gonum/blas/blas64"

	"github.com/geodesic-go/geodesic/flag"
	"github.com/geodesic-go/geodesic/stiefel"
)

// flagData holds the data of a chordal flag average on Fl(n₁ < … < n_k; n)
// in the layout its products need. Block i of a point is the n×m_i column
// block [s_i, s_i + m_i) of the n×p matrix, s_i = n_{i−1}, m_i = n_i −
// n_{i−1}, p = n_k.
//
// The data matrices are copied once into D, n×(N·p) row-major with the
// columns grouped by block: D = [D_1 | … | D_k], D_i = [X_i⁽¹⁾ … X_i⁽ᴺ⁾]
// (n×N·m_i), so that with weights β_j
//
//	P_i·Y_i = Σ_j β_j X_i⁽ʲ⁾X_i⁽ʲ⁾ᵀ·Y_i = D_i·(B_i·(D_iᵀ·Y_i)),   B_i = diag(β_j ⊗ 1_{m_i}),
//
// costs 4·n·N·m_i² flops and no n×n matrix is ever formed. The weights are
// applied in the middle, so that D does not change when they do.
type flagData struct {
	fn      string
	n, p    int
	start   []int       // s_i
	size    []int       // m_i
	pts     [][]float64 // the points with positive weight
	w       []float64   // their normalised weights
	beta    []float64   // the weights of the products, normalised
	d       []float64   // D
	stride  int         // N·p
	st      *stiefel.Stiefel
	fl      *flag.Flag
	workers int

	// The products (flagproducts.go): block i of a buffer holds
	// (D_iᵀ·V_i)ᵀ, m_i×N·m_i, at offset woff[i]; wlen is the total.
	woff    []int
	wlen    int
	rchunks int       // row chunks of the products
	part    []float64 // rchunks partial sums
	cy      []float64 // the point of the cached cw
	cw      []float64
	cok     bool
	tw, sw  []float64 // scratch
}

// checkFlagType validates n and the flag type dims.
func checkFlagType(fn string, n int, dims []int) error {
	if n < 1 {
		return fmt.Errorf("optim: %s: n = %d, must be ≥ 1", fn, n)
	}
	if len(dims) == 0 {
		return fmt.Errorf("optim: %s: empty flag type", fn)
	}
	prev := 0
	for i, d := range dims {
		if d <= prev {
			return fmt.Errorf("optim: %s: the flag type %v is not strictly increasing from 1 (dims[%d] = %d)", fn, dims, i, d)
		}
		prev = d
	}
	if prev > n {
		return fmt.Errorf("optim: %s: the flag type %v does not fit in R^%d", fn, dims, n)
	}
	return nil
}

// newFlagData validates the input of a chordal flag average and lays out
// the data.
func newFlagData(fn string, data [][]float64, n int, dims []int, weights []float64, tol float64, workers int) (*flagData, error) {
	if err := checkFlagType(fn, n, dims); err != nil {
		return nil, err
	}
	if math.IsNaN(tol) || math.IsInf(tol, 0) || tol < 0 {
		return nil, fmt.Errorf("optim: %s: Tolerance = %v is not a finite non-negative number", fn, tol)
	}
	p := dims[len(dims)-1]
	var opts []stiefel.Option
	if tol > 0 {
		opts = append(opts, stiefel.WithTolerance(tol))
	}
	st := stiefel.New(n, p, opts...)
	if len(data) == 0 {
		return nil, fmt.Errorf("optim: %s: no data points", fn)
	}
	for j, x := range data {
		if len(x) != n*p {
			return nil, fmt.Errorf("optim: %s: len(data[%d]) = %d, but a point of Fl(%v; %d) is %d×%d = %d entries", fn, j, len(x), dims, n, n, p, n*p)
		}
		if err := st.CheckPoint(x); err != nil {
			return nil, fmt.Errorf("optim: %s: data[%d] is not an orthonormal %d×%d frame: %w", fn, j, n, p, err)
		}
	}
	w, err := normalizeWeights(fn, weights, len(data))
	if err != nil {
		return nil, err
	}
	workers, err = resolveWorkers(fn, workers, len(data), n*p)
	if err != nil {
		return nil, err
	}
	f := &flagData{fn: fn, n: n, p: p, st: st, fl: flag.New(n, dims...), workers: workers}
	s := 0
	for _, d := range dims {
		f.start = append(f.start, s)
		f.size = append(f.size, d-s)
		s = d
	}
	for j, x := range data {
		if w[j] > 0 {
			f.pts = append(f.pts, x)
			f.w = append(f.w, w[j])
		}
	}
	N := len(f.pts)
	f.beta = append([]float64(nil), f.w...)
	f.stride = N * p
	// Copy in tiles of rows, point after point, so that both the reads
	// (rows of one point) and the writes (a tile of D, in cache) are local.
	f.d = make([]float64, n*f.stride)
	const tile = 32
	for r0 := 0; r0 < n; r0 += tile {
		r1 := min(n, r0+tile)
		for j, x := range f.pts {
			for r := r0; r < r1; r++ {
				row := f.d[r*f.stride : (r+1)*f.stride]
				xr := x[r*p : (r+1)*p]
				for i, si := range f.start {
					mi := f.size[i]
					dst := row[N*si+j*mi : N*si+(j+1)*mi]
					for c := range dst {
						dst[c] = xr[si+c]
					}
				}
			}
		}
	}
	f.initProducts()
	return f, nil
}

// setWeights sets the weights of the products (normalised to sum 1).
func (f *flagData) setWeights(beta []float64) {
	var s float64
	for _, b := range beta {
		s += b
	}
	for j, b := range beta {
		f.beta[j] = b / s
	}
	f.cok = false
}

// blockD returns the view of D_i.
func (f *flagData) blockD(i int) blas64.General {
	N := len(f.pts)
	return blas64.General{Rows: f.n, Cols: N * f.size[i], Stride: f.stride, Data: f.d[N*f.start[i]:]}
}

// blockOf returns the view of the column block i of the n×p matrix y.
func (f *flagData) blockOf(y []float64, i int) blas64.General {
	return blas64.General{Rows: f.n, Cols: f.size[i], Stride: f.p, Data: y[f.start[i]:]}
}

// dist returns the chordal flag distance between the flags of the n×p
// frames x and y, d_c(X, Y) = (Σ_i ‖(I − X_iX_iᵀ)Y_i‖²_F)^{1/2}, computed by
// flag.Flag.ChordalDist without the cancellation of the form Σ_i (m_i −
// ‖X_iᵀY_i‖²_F): nearby flags, whose distances the median's weights 1/d_c
// depend on, keep their relative accuracy.
func (f *flagData) dist(x, y []float64) float64 {
	return f.fl.ChordalDist(x, y)
}

// dists writes the chordal distances d_c(X⁽ʲ⁾, Y) of every point into d,
// on several goroutines for large data.
func (f *flagData) dists(d, y []float64) {
	N := len(f.pts)
	forChunks(N, chunkSize(N), f.workers, func(_, _, lo, hi int) {
		for j := lo; j < hi; j++ {
			d[j] = f.dist(f.pts[j], y)
		}
	})
}

// orient flips every one-dimensional block column y_i of y for which
// Σ_j β_j⟨x_i⁽ʲ⁾, y_i⟩ < 0, with the current weights β.
func (f *flagData) orient(y []float64) {
	for i, mi := range f.size {
		if mi != 1 {
			continue
		}
		var s float64
		col := f.blockOf(y, i)
		for r := 0; r < f.n; r++ {
			yr := col.Data[r*f.p]
			row := f.d[r*f.stride+len(f.pts)*f.start[i]:]
			for j, b := range f.beta {
				s += b * row[j] * yr
			}
		}
		if s < 0 {
			for r := 0; r < f.n; r++ {
				col.Data[r*f.p] = -col.Data[r*f.p]
			}
		}
	}
}
