package optim

import (
	"context"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/spd"
)

// BuresWassersteinMean returns the weighted Bures–Wasserstein barycentre of
// the n×n symmetric positive definite matrices in data, the minimiser of
//
//	F(S) = Σ_j w_j d_BW(S, X_j)²,   d_BW(S, X)² = tr S + tr X − 2 tr (S^{1/2}XS^{1/2})^{1/2},
//
// w_j = weights_j/Σ weights: the covariance of the 2-Wasserstein barycentre
// of the centred Gaussians N(0, X_j), and the KarcherMean of the data for
// the spd.BuresWasserstein metric. It runs the fixed-point iteration of
// Álvarez-Esteban, del Barrio, Cuesta-Albertos & Matrán (2016, "A
// fixed-point approach to barycenters in Wasserstein space", J. Math. Anal.
// Appl. 441, Thm 4.2),
//
//	S_{k+1} = S_k^{−1/2}·(Σ_j w_j (S_k^{1/2}X_jS_k^{1/2})^{1/2})²·S_k^{−1/2},
//
// which converges from any positive definite start and is the Riemannian
// gradient step with step 1 for the Bures–Wasserstein metric (Zemel &
// Panaretos 2019, "Fréchet means and Procrustes analysis in Wasserstein
// space", Bernoulli 25): with the averaged optimal map T = S^{−1/2}M̄S^{−1/2},
// M̄ = Σ_j w_j (S^{1/2}X_jS^{1/2})^{1/2}, it is S ← TST, and the gradient
// norm is ‖grad F(S)‖ = 2‖(T − I)S^{1/2}‖_F = 2‖S^{−1/2}M̄ − S^{1/2}‖_F. Each
// iteration costs N + 1 symmetric eigendecompositions, the N on several
// goroutines (MeanOptions.Workers).
//
// The start is MeanOptions.Init or the arithmetic mean Σ_j w_j X_j. Of
// MeanOptions.Settings it uses GradTol (default 1e-10·√F(S_0)),
// MaxIterations (default 1000), MaxTime and Recorder; the iteration stops
// when ‖grad F‖ ≤ GradTol (GradientConverged), at the limits, on
// cancellation of ctx (Canceled, with ctx.Err()) or when the Recorder asks.
// Result.F is F(X), FuncEvals the number of passes over the data, Method
// "bures-wasserstein". Validation and errors are those of
// LogEuclideanMean, plus invalid options.
func BuresWassersteinMean(ctx context.Context, data [][]float64, n int, weights []float64, opts *MeanOptions) (*Result, error) {
	const fn = "BuresWassersteinMean"
	start := time.Now()
	if ctx == nil {
		ctx = context.Background()
	}
	if err := checkSPDData(fn, data, n); err != nil {
		return nil, err
	}
	w, err := normalizeWeights(fn, weights, len(data))
	if err != nil {
		return nil, err
	}
	var o MeanOptions
	if opts != nil {
		o = *opts
	}
	workers, err := resolveWorkers(fn, o.Workers, len(data), n*n)
	if err != nil {
		return nil, err
	}
	set, err := resolveSettings(o.Settings)
	if err != nil {
		return nil, err
	}
	nn := n * n
	s := make([]float64, nn)
	if o.Init != nil {
		if len(o.Init) != nn {
			return nil, fmt.Errorf("optim: %s: len(Init) = %d, but a point is %d×%d = %d entries", fn, len(o.Init), n, n, nn)
		}
		if err := spd.New(n).CheckPoint(o.Init); err != nil {
			return nil, fmt.Errorf("optim: %s: Init is not symmetric positive definite: %w", fn, err)
		}
		copy(s, o.Init)
	} else {
		for j, x := range data {
			axpy(s, w[j], x)
		}
	}
	var trX float64
	for j, x := range data {
		for a := 0; a < n; a++ {
			trX += w[j] * x[a*n+a]
		}
	}
	act := make([]int, 0, len(data))
	for j := range data {
		if w[j] > 0 {
			act = append(act, j)
		}
	}
	chunk := chunkSize(len(act))
	nc := (len(act) + chunk - 1) / chunk
	workers = max(1, min(workers, nc))
	part := make([]float64, nc*nn)
	perr := make([]error, nc)
	scr := make([][]float64, workers)
	for i := range scr {
		scr[i] = make([]float64, 2*nn)
	}
	ev := make([]float64, n)
	z := make([]float64, nn)
	rt, rti := make([]float64, nn), make([]float64, nn)
	mbar := make([]float64, nn)
	tmp := make([]float64, nn)
	res := &Result{Method: "bures-wasserstein"}
	var runErr error
	// eval computes S^{±1/2}, M̄, F and the gradient norm at s.
	eval := func() (f, gn float64, err error) {
		res.FuncEvals++
		res.GradEvals++
		if err := linalg.EigSym(ev, z, s, n); err != nil {
			return 0, 0, err
		}
		if !(ev[0] > 0) {
			return 0, 0, fmt.Errorf("optim: %s: the iterate lost positive definiteness (λ_min = %g)", fn, ev[0])
		}
		linalg.SymFuncEig(rt, ev, z, n, math.Sqrt)
		linalg.SymFuncEig(rti, ev, z, n, func(x float64) float64 { return 1 / math.Sqrt(x) })
		forChunks(len(act), chunk, workers, func(wk, c, lo, hi int) {
			pm := part[c*nn : (c+1)*nn]
			clear(pm)
			perr[c] = nil
			t := scr[wk]
			for _, j := range act[lo:hi] {
				linalg.Mul(t[:nn], rt, data[j], n, n, n)
				linalg.Mul(t[nn:], t[:nn], rt, n, n, n)
				if err := linalg.SymSqrt(t[nn:], t[nn:], n); err != nil {
					perr[c] = err
					return
				}
				axpy(pm, w[j], t[nn:])
			}
		})
		clear(mbar)
		for c := 0; c < nc; c++ {
			if perr[c] != nil {
				return 0, 0, perr[c]
			}
			axpy(mbar, 1, part[c*nn:(c+1)*nn])
		}
		linalg.SymPart(mbar, mbar, n)
		var trS, trM float64
		for a := 0; a < n; a++ {
			trS += s[a*n+a]
			trM += mbar[a*n+a]
		}
		f = math.Max(0, trS+trX-2*trM)
		// ‖S^{−1/2}M̄ − S^{1/2}‖_F.
		linalg.Mul(tmp, rti, mbar, n, n, n)
		axpy(tmp, -1, rt)
		return f, 2 * linalg.Nrm2(tmp), nil
	}
	f, gn, err := eval()
	if err != nil {
		return nil, fmt.Errorf("optim: %s: %w", fn, err)
	}
	gradTol := set.gradTol
	if o.Settings == nil || o.Settings.GradTol == 0 {
		gradTol = math.Max(1e-10*math.Sqrt(f), math.SmallestNonzeroFloat64)
	}
	record := func(step float64) bool {
		if set.rec == nil {
			return false
		}
		err := set.rec.Record(Iteration{Iter: res.Iterations, X: s, F: f, GradNorm: gn, Step: step, StepSize: 1,
			FuncEvals: res.FuncEvals, GradEvals: res.GradEvals, Elapsed: time.Since(start)})
		if err != nil {
			res.Status = Stopped
			if !errors.Is(err, ErrStop) {
				runErr = fmt.Errorf("optim: recorder: %w", err)
			}
			return true
		}
		return false
	}
	prev := make([]float64, nn)
	if !record(0) {
		for {
			if gradTol >= 0 && gn <= gradTol {
				res.Status = GradientConverged
				break
			}
			if res.Iterations >= set.maxIter {
				res.Status = IterationLimit
				break
			}
			if err := ctx.Err(); err != nil {
				res.Status, runErr = Canceled, err
				break
			}
			if set.maxTime > 0 && time.Since(start) >= set.maxTime {
				res.Status = TimeLimit
				break
			}
			// S ← S^{−1/2}·M̄²·S^{−1/2}.
			copy(prev, s)
			linalg.Mul(tmp, rti, mbar, n, n, n)
			linalg.MulABt(s, tmp, tmp, n, n, n)
			linalg.SymPart(s, s, n)
			nf, ngn, err := eval()
			if err != nil {
				copy(s, prev)
				res.Status = NotFinite
				res.Notes = append(res.Notes, err.Error())
				break
			}
			res.Iterations++
			axpy(prev, -1, s)
			f, gn = nf, ngn
			if record(linalg.Nrm2(prev)) {
				break
			}
		}
	}
	res.X = append([]float64(nil), s...)
	res.F, res.GradNorm = f, gn
	res.Runtime = time.Since(start)
	return res, runErr
}
