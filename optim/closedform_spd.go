package optim

import (
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/spd"
)

// checkSPDData validates n and the data of an SPD average.
func checkSPDData(fn string, data [][]float64, n int) error {
	if n < 1 {
		return fmt.Errorf("optim: %s: n = %d, must be ≥ 1", fn, n)
	}
	return checkData(fn, spd.New(n), data)
}

// LogEuclideanMean returns the weighted log-Euclidean mean of the n×n
// symmetric positive definite matrices in data (Arsigny, Fillard, Pennec &
// Ayache 2007, "Geometric means in a novel vector space structure on
// symmetric positive-definite matrices", SIAM J. Matrix Anal. Appl. 29),
//
//	M = exp(Σ_j w_j log X_j),   w_j = weights_j/Σ weights,
//
// which is the Karcher (Fréchet) mean for the log-Euclidean metric, flat
// under the matrix logarithm, and a good approximation of the
// affine-invariant one (equal to it when the X_j commute). Matrices are
// row-major n×n; nil weights mean equal weights. The logarithms and the
// exponential are spectral (internal/linalg.SymLog, SymExp), so the result
// is exactly symmetric.
//
// It returns an error, naming the point, if n < 1, data is empty, a matrix
// has the wrong length or is not symmetric positive definite (spd.SPD's
// CheckPoint), or the weights are invalid (negative, not finite, all zero,
// or of the wrong length).
func LogEuclideanMean(data [][]float64, n int, weights []float64) ([]float64, error) {
	const fn = "LogEuclideanMean"
	if err := checkSPDData(fn, data, n); err != nil {
		return nil, err
	}
	w, err := normalizeWeights(fn, weights, len(data))
	if err != nil {
		return nil, err
	}
	return logEuclideanMean(data, n, w)
}

func logEuclideanMean(data [][]float64, n int, w []float64) ([]float64, error) {
	out := make([]float64, n*n)
	lg := make([]float64, n*n)
	for j, x := range data {
		if w[j] == 0 {
			continue
		}
		if err := linalg.SymLog(lg, x, n); err != nil {
			return nil, fmt.Errorf("optim: LogEuclideanMean: log of data[%d]: %w", j, err)
		}
		axpy(out, w[j], lg)
	}
	linalg.SymPart(out, out, n)
	if err := linalg.SymExp(out, out, n); err != nil {
		return nil, fmt.Errorf("optim: LogEuclideanMean: exp: %w", err)
	}
	return out, nil
}

// LogCholeskyMean returns the weighted Fréchet mean of the n×n symmetric
// positive definite matrices in data for the log-Cholesky metric of Lin
// (2019, "Riemannian geometry of symmetric positive definite matrices via
// Cholesky decomposition", SIAM J. Matrix Anal. Appl. 40, §4): with the
// Cholesky factors X_j = L_j·L_jᵀ, the map L ↦ (strictly lower part of L,
// log of its diagonal) is an isometry onto a Euclidean space, so the mean is
// M = L̄·L̄ᵀ with
//
//	L̄_ab = Σ_j w_j (L_j)_ab (a > b),   L̄_aa = exp(Σ_j w_j log (L_j)_aa),
//
// w_j = weights_j/Σ weights. It is the KarcherMean for spd.LogCholesky,
// in closed form. Input and errors as for LogEuclideanMean.
func LogCholeskyMean(data [][]float64, n int, weights []float64) ([]float64, error) {
	const fn = "LogCholeskyMean"
	if err := checkSPDData(fn, data, n); err != nil {
		return nil, err
	}
	w, err := normalizeWeights(fn, weights, len(data))
	if err != nil {
		return nil, err
	}
	return logCholeskyMean(data, n, w)
}

func logCholeskyMean(data [][]float64, n int, w []float64) ([]float64, error) {
	lbar := make([]float64, n*n)
	l := make([]float64, n*n)
	for j, x := range data {
		if w[j] == 0 {
			continue
		}
		if !linalg.Cholesky(l, x, n) {
			return nil, fmt.Errorf("optim: LogCholeskyMean: data[%d] has no Cholesky factor", j)
		}
		for a := 0; a < n; a++ {
			for b := 0; b < a; b++ {
				lbar[a*n+b] += w[j] * l[a*n+b]
			}
			lbar[a*n+a] += w[j] * math.Log(l[a*n+a])
		}
	}
	for a := 0; a < n; a++ {
		lbar[a*n+a] = math.Exp(lbar[a*n+a])
	}
	out := make([]float64, n*n)
	linalg.MulABt(out, lbar, lbar, n, n, n)
	linalg.SymPart(out, out, n)
	return out, nil
}
