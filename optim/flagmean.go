package optim

import (
	"context"
	"fmt"
	"math"
)

// FlagOptions configures FlagMean and FlagMedian. A nil *FlagOptions and
// zero fields mean the documented defaults.
type FlagOptions struct {
	// Settings holds the stopping criteria and Recorder of the
	// trust-region solve of FlagMean and of each weighted solve inside
	// FlagMedian, with the meaning they have for Minimize. Zero fields take
	// the Minimize defaults except GradTol, whose default here is 1e-10 on
	// the Riemannian gradient of the objective with weights summing to 1
	// (a cost between 0 and p).
	Settings *Settings
	// Init is the starting point, an n×p orthonormal frame; nil means the
	// blockwise Grassmann chordal means orthonormalised in nesting order
	// (FlagMean) or the chordal flag mean (FlagMedian).
	Init []float64
	// OrientSigns makes the result's one-dimensional blocks oriented: each
	// such column y_i is negated if Σ_j β_j⟨x_i⁽ʲ⁾, y_i⟩ < 0, with β the
	// final weights (the normalised weights for FlagMean; for FlagMedian
	// the reweighting weights w_j/max(d_j, Epsilon) at the result). Of
	// ±y_i it keeps the sign that minimises Σ_j β_j‖x_i⁽ʲ⁾ − y_i‖², the
	// weighted Euclidean agreement with the data. Without it the sign of a
	// block is whatever the solver ends with (a flag has none).
	OrientSigns bool
	// Tolerance is the tolerance of the check that each data point (and
	// Init) is an orthonormal frame, ‖XᵀX − I‖_F ≤ Tolerance; 0 means
	// stiefel.DefaultTolerance (1e-10).
	Tolerance float64
	// Workers is the number of goroutines that compute the chordal
	// distances d_c(X⁽ʲ⁾, Y) (FlagMedian and the reported objective) and
	// the products with D (over chunks of ≥ 256 rows, so only for n ≥ 512),
	// as in MeanOptions.Workers: 0 means runtime.GOMAXPROCS(0) when N·n·p
	// exceeds 16384 and 1 below; the chunks and the order of their sums
	// are fixed, so every setting gives the same bits.
	Workers int

	// MaxIterations (FlagMedian only) limits the number of reweighting
	// steps; 0 means 100.
	MaxIterations int
	// RelTol (FlagMedian only): the iteration stops when a reweighting step
	// decreases the median objective by no more than RelTol times its value;
	// 0 means 1e-12.
	RelTol float64
	// Epsilon (FlagMedian only) is the floor ε of the distances in the
	// weights w_j/max(d_j, ε); 0 means 1e-10.
	Epsilon float64
	// Recorder (FlagMedian only), if not nil, is called with the starting
	// point and after each reweighting step: Iter is the step, X the
	// iterate, F the median objective, GradNorm its gradient norm, Step
	// the chordal distance from the previous iterate, and the evaluation
	// counts are the totals so far. It stops the run as in Minimize.
	Recorder Recorder
}

func (o *FlagOptions) orDefault() FlagOptions {
	if o == nil {
		return FlagOptions{}
	}
	return *o
}

// FlagMean returns the weighted chordal flag mean of the flags in data, a
// minimiser over Fl(n₁ < … < n_k; n) of
//
//	F(Y) = Σ_j w_j d_c(X⁽ʲ⁾, Y)²,   d_c(X, Y)² = Σ_i (m_i − ‖X_iᵀY_i‖²_F),
//
// w_j = weights_j/Σ weights (nil means equal weights), where dims = (n₁, …,
// n_k) is the flag type, p = n_k, m_i = n_i − n_{i−1} (n₀ = 0) and X_i is
// the i-th column block (columns n_{i−1} to n_i − 1) of an n×p orthonormal
// frame X representing a flag, span(X_1) ⊂ span(X_1, X_2) ⊂ … (Mankovich &
// Birdal 2023, "Chordal averaging on flag manifolds and its applications",
// ICCV). Each data[j] is such a frame, n×p row-major, with XᵀX = I to
// within FlagOptions.Tolerance.
//
// Since Σ_j w_j m_i − Σ_j w_j‖X_i⁽ʲ⁾ᵀY_i‖² = m_i − tr(Y_iᵀP_iY_i) with P_i =
// Σ_j w_j X_i⁽ʲ⁾X_i⁽ʲ⁾ᵀ, the mean maximises Σ_i tr(Y_iᵀP_iY_i) over the
// Stiefel manifold St(n, p): a quadratic whose Euclidean gradient is
// −2P_iY_i and Hessian −2P_iV_i per block. FlagMean minimises it with
// TrustRegion and the exact Hessian, converted by stiefel.Stiefel (the
// Euclidean metric) and projected onto the horizontal space of the flag
// manifold as a quotient of St(n, p) (removing the rotations within blocks,
// along which the cost is constant and which otherwise mislead the
// truncated CG into useless boundary steps), to ‖grad F‖ ≤ 1e-10 by
// default, usually in 2 to 5 iterations. P_i is never formed:
// the data are copied once into D_i = [X_i⁽¹⁾ … X_i⁽ᴺ⁾] (n×N·m_i) and
// P_iY_i = D_i·diag(w)·(D_iᵀY_i) costs 4nNm_i² flops, so the memory is that
// of the data, O(n·p·N), and n in the hundreds of thousands is practical.
// The start is the weighted Grassmann chordal mean of each block (the top
// m_i eigenvectors of P_i: from P_i itself when n ≤ N·m_i, otherwise
// approximated by a few steps of subspace iteration, each one pass over D_i)
// orthonormalised in nesting order; for a single block and n ≤ N·p it is
// the solution.
//
// The cost is invariant under Y_i → Y_iQ_i (Q_i orthogonal): the flag is
// determined, its frame only up to those rotations, and for one-dimensional
// blocks up to sign (see FlagOptions.OrientSigns).
//
// FlagMean returns an error, naming the point, when n or dims are invalid
// (dims must be strictly increasing from ≥ 1 to ≤ n), data is empty, a
// point has the wrong length or is not an orthonormal frame, the weights
// are invalid (wrong length, negative, NaN, ±Inf, all zero), or the
// options are (Init off St(n, p), negative Tolerance or Workers, ...).
// Otherwise the Result is that of Minimize (status, counts, cancellation,
// whose error it returns with the Result) with Method "flagmean-rtr", X
// the mean and F = Σ_j w_j d_c(X⁽ʲ⁾, X)² evaluated as Σ_j w_j Σ_i ‖(I −
// X_i⁽ʲ⁾X_i⁽ʲ⁾ᵀ)Y_i‖²_F, accurate also for tiny distances.
func FlagMean(ctx context.Context, data [][]float64, n int, dims []int, weights []float64, opts *FlagOptions) (*Result, error) {
	const fn = "FlagMean"
	o := opts.orDefault()
	f, err := newFlagData(fn, data, n, dims, weights, o.Tolerance, o.Workers)
	if err != nil {
		return nil, err
	}
	if err := checkFlagOptions(fn, f, &o); err != nil {
		return nil, err
	}
	y0, note, err := f.startPoint(o.Init)
	if err != nil {
		return nil, err
	}
	res, err := f.solve(ctx, y0, o.Settings)
	if res == nil {
		return nil, err
	}
	res.Method = "flagmean-rtr"
	if note != "" {
		res.Notes = append([]string{note}, res.Notes...)
	}
	if o.OrientSigns {
		f.orient(res.X)
	}
	d := make([]float64, len(f.pts))
	f.dists(d, res.X)
	res.F = 0
	for j, dj := range d {
		res.F += f.w[j] * dj * dj
	}
	return res, err
}

// checkFlagOptions validates the options shared by FlagMean and FlagMedian.
func checkFlagOptions(fn string, f *flagData, o *FlagOptions) error {
	if o.Init != nil {
		if len(o.Init) != f.n*f.p {
			return fmt.Errorf("optim: %s: len(Init) = %d, but a point is %d×%d = %d entries", fn, len(o.Init), f.n, f.p, f.n*f.p)
		}
		if err := f.st.CheckPoint(o.Init); err != nil {
			return fmt.Errorf("optim: %s: Init is not an orthonormal %d×%d frame: %w", fn, f.n, f.p, err)
		}
	}
	if o.MaxIterations < 0 {
		return fmt.Errorf("optim: %s: MaxIterations = %d is negative", fn, o.MaxIterations)
	}
	for _, v := range []struct {
		name string
		v    float64
	}{{"RelTol", o.RelTol}, {"Epsilon", o.Epsilon}} {
		if math.IsNaN(v.v) || math.IsInf(v.v, 0) || v.v < 0 {
			return fmt.Errorf("optim: %s: %s = %v is not a finite non-negative number", fn, v.name, v.v)
		}
	}
	return nil
}

// startPoint returns init (copied) or the default starting point.
func (f *flagData) startPoint(init []float64) ([]float64, string, error) {
	if init != nil {
		return append([]float64(nil), init...), "", nil
	}
	y0, err := f.initialPoint()
	if err != nil {
		return nil, "", err
	}
	return y0, "start: blockwise Grassmann chordal means, orthonormalised in nesting order", nil
}

// solve minimises the weighted chordal flag mean objective with the
// current weights from y0 by trust regions with the exact Hessian.
func (f *flagData) solve(ctx context.Context, y0 []float64, s *Settings) (*Result, error) {
	var set Settings
	if s != nil {
		set = *s
	}
	if set.GradTol == 0 {
		set.GradTol = 1e-10
	}
	return Minimize(ctx, f.st, f.problem(), y0, &set, &TrustRegion{})
}
