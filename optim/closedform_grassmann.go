package optim

import (
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/stiefel"
)

// GrassmannMean returns the weighted chordal (projection) mean of the
// p-dimensional subspaces of Rⁿ spanned by the n×p orthonormal bases in
// data: an orthonormal basis U of the subspace minimising
//
//	Σ_j w_j ‖X_jX_jᵀ − UUᵀ‖²_F/2 = Σ_j w_j (p − ‖X_jᵀU‖²_F),   w_j = weights_j/Σ weights,
//
// that is maximising tr(UᵀPU) with P = Σ_j w_j X_jX_jᵀ: the top p
// eigenvectors of P (Sarlette & Sepulchre 2009, "Consensus optimization on
// manifolds", SIAM J. Control Optim. 48; Draper et al. 2014). They are
// computed, without forming the n×n matrix P, as the first p left singular
// vectors of the n×N·p matrix [√w_1·X_1 … √w_N·X_N], by a thin SVD
// (internal/linalg.SVD), in O(n·N·p·min(n, N·p)) flops.
//
// It is the one-block case of FlagMean (Fl(p; n) = Gr(n, p)) and of
// DraperFlagMean. The mean is unique when the p-th and (p+1)-th singular
// values differ; otherwise any basis of a maximising subspace is returned.
// Compare subspaces by their projectors (grassmann.Grassmann.Dist,
// ChordalDist), never entry by entry. It returns an error, naming the point,
// for invalid n or p, empty data, a basis of the wrong length or not
// orthonormal (‖XᵀX − I‖_F > 1e-10), or invalid weights.
func GrassmannMean(data [][]float64, n, p int, weights []float64) ([]float64, error) {
	const fn = "GrassmannMean"
	if n < 1 || p < 1 || p > n {
		return nil, fmt.Errorf("optim: %s: invalid shape n = %d, p = %d (need 1 ≤ p ≤ n)", fn, n, p)
	}
	for j, x := range data {
		if len(x) != n*p {
			return nil, fmt.Errorf("optim: %s: len(data[%d]) = %d, but a basis is %d×%d = %d entries", fn, j, len(x), n, p, n*p)
		}
	}
	return DraperFlagMean(data, n, []int{p}, weights)
}

// DraperFlagMean returns the flag mean of Draper, Kirby, Marks, Marrinan &
// Peterson (2014, "A flag representation for finite collections of
// subspaces of mixed dimensions", Linear Algebra Appl. 451) of the
// subspaces of Rⁿ spanned by the orthonormal bases in data, which may have
// different dimensions: data[j] is n×p_j row-major, p_j = len(data[j])/n.
// With A = [√w_1·X_1 … √w_N·X_N] = UΣVᵀ (w_j = weights_j/Σ weights), the
// left singular vectors u_1, u_2, … are the successive maximisers of
// Σ_j w_j cos²θ(u, span X_j) = uᵀPu over unit vectors orthogonal to the
// previous ones, and each span(u_1, …, u_q) is the weighted chordal mean
// (GrassmannMean) of the subspaces in dimension q, so the means are nested:
// a flag. It returns the n×n_k frame [u_1 … u_{n_k}] of the flag of type
// dims = (n₁ < … < n_k), its blocks in nesting order (the grouping does not
// change the vectors).
//
// For subspaces of one dimension p and the flag type (1, 2, …, p) this is
// the nested sequence of Grassmann means, not the chordal flag mean of
// flags (FlagMean), which averages each block separately.
//
// It returns an error, naming the point, for an invalid flag type (dims
// strictly increasing, 1 ≤ n₁, n_k ≤ n), empty data, a point whose length
// is not a positive multiple of n or whose columns are not orthonormal
// (‖XᵀX − I‖_F > 1e-10), n_k greater than the total number of columns Σ p_j
// (the data do not determine so many directions), or invalid weights.
func DraperFlagMean(data [][]float64, n int, dims []int, weights []float64) ([]float64, error) {
	const fn = "DraperFlagMean"
	if err := checkFlagType(fn, n, dims); err != nil {
		return nil, err
	}
	if len(data) == 0 {
		return nil, fmt.Errorf("optim: %s: no data points", fn)
	}
	q := dims[len(dims)-1]
	cols := 0
	ps := make([]int, len(data))
	for j, x := range data {
		if len(x) == 0 || len(x)%n != 0 {
			return nil, fmt.Errorf("optim: %s: len(data[%d]) = %d is not a positive multiple of n = %d", fn, j, len(x), n)
		}
		ps[j] = len(x) / n
		if ps[j] > n {
			return nil, fmt.Errorf("optim: %s: data[%d] has %d > n = %d columns", fn, j, ps[j], n)
		}
		if err := stiefel.New(n, ps[j]).CheckPoint(x); err != nil {
			return nil, fmt.Errorf("optim: %s: data[%d] is not an orthonormal basis: %w", fn, j, err)
		}
		cols += ps[j]
	}
	if q > cols {
		return nil, fmt.Errorf("optim: %s: the flag type %v needs %d directions, but the data have %d columns in all", fn, dims, q, cols)
	}
	w, err := normalizeWeights(fn, weights, len(data))
	if err != nil {
		return nil, err
	}
	// A = [√w_j X_j], n×cols.
	a := make([]float64, n*cols)
	off := 0
	for j, x := range data {
		s := math.Sqrt(w[j])
		for r := 0; r < n; r++ {
			for c := 0; c < ps[j]; c++ {
				a[r*cols+off+c] = s * x[r*ps[j]+c]
			}
		}
		off += ps[j]
	}
	k := min(n, cols)
	u := make([]float64, n*k)
	sv := make([]float64, k)
	vt := make([]float64, k*cols)
	if err := linalg.SVD(u, sv, vt, a, n, cols); err != nil {
		return nil, fmt.Errorf("optim: %s: %w", fn, err)
	}
	out := make([]float64, n*q)
	for r := 0; r < n; r++ {
		copy(out[r*q:(r+1)*q], u[r*k:r*k+q])
	}
	return out, nil
}
