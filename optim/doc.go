// Package optim minimises smooth functions on Riemannian manifolds: one
// driver, Minimize, for steepest descent, nonlinear conjugate gradients,
// L-BFGS, trust regions and the stochastic methods SGD and Adam; the
// stochastic methods also as stateful steppers for training loops the
// caller owns; and Taylor checks of user-supplied gradients and Hessians.
//
// # Problems, settings, results
//
// A Problem holds the cost and its derivatives, either Euclidean (of a
// smooth extension to the ambient r×c matrices, converted by the manifold's
// EGradToRGrad and EHessToRHess) or Riemannian (used as given), and, for
// the stochastic methods, a stochastic gradient drawn with a *rand.Rand.
// Points and vectors follow the module conventions: row-major []float64 of
// length r·c, r, c = m.Shape(), destination first.
//
//	res, err := optim.Minimize(ctx, m, problem, x0, &optim.Settings{GradTol: 1e-8}, &optim.LBFGS{})
//
// Settings holds the stopping criteria: the Riemannian gradient norm, the
// relative cost change over a window, the step-size floor, and iteration,
// evaluation and time limits; its zero value (or nil) means the documented
// defaults. Result carries the final point, its cost and gradient norm, the
// counts, the runtime, a Status saying why the run stopped, and Notes (for
// example that TrustRegion fell back to a finite-difference Hessian). A
// Recorder sees the start point and every iteration; History keeps them.
//
// Errors and statuses. Minimize validates its input and returns an error,
// never a panic, naming what is wrong: a nil manifold or cost, a missing
// gradient, x0 of the wrong length or off the manifold (wrapping the
// manifold's *manifold.CheckError), a NaN or infinite cost or gradient at x0,
// invalid settings or method parameters. Once a run has started, problems
// with the data end it with a Status instead: NotFinite if the cost, a
// gradient or a Hessian-vector product turns NaN (Result.X is then the last
// iterate at which everything was finite), LineSearchFailed if no
// acceptable step exists. Context cancellation is the one run-time event
// that also returns an error: Minimize returns the Result (Status Canceled,
// with the best point so far: the last iterate of a monotone method, the
// best one of the nonmonotone search) together with ctx.Err(), so that code
// testing only the error notices the interruption. Limits from Settings return a nil error.
//
// Determinism. Given the same inputs and, for the stochastic methods, the
// same Settings.Rand seed, a run gives the same bits every time. Minimize
// allocates its workspace once per call; the iterations allocate nothing
// beyond what the manifold and the problem's functions allocate.
//
// # Methods
//
// SteepestDescent: d_k = −grad f(x_k) with Armijo backtracking from an
// alternating Barzilai–Borwein first trial (Barzilai & Borwein 1988;
// Iannazzo & Porcelli 2018), optionally with the nonmonotone line search of
// Zhang & Hager (2004). Defaults: c1 = 1e-4, monotone, η = 0.85 when
// nonmonotone.
//
// ConjugateGradient: d_{k+1} = −grad f(x_{k+1}) + β_k·T(d_k), T the
// manifold's vector transport, with β_k of Fletcher–Reeves, Polak–Ribière+,
// Hestenes–Stiefel, Hager–Zhang (default) or Dai–Yuan in their Riemannian
// forms (Ring & Wirth 2012; Sato & Iwai 2015; Sato 2016, 2021, 2022; Sakai &
// Iiduka 2020), restarts on non-descent directions, on Powell's test (ν =
// 0.2) and every dim M iterations, and a strong Wolfe line search (c1 =
// 1e-4, c2 = 0.1) started from the previous step.
//
// LBFGS: limited-memory Riemannian BFGS (Huang, Gallivan & Absil 2015) with
// the stored pairs transported to the current point at each iteration, the
// cautious update of Huang, Absil & Gallivan (2018), and a strong Wolfe
// line search (c1 = 1e-4, c2 = 0.9) started at t = 1. Default memory 10.
//
// TrustRegion: Riemannian trust regions with the truncated CG of Steihaug
// and Toint (Absil, Baker & Gallivan 2007; Absil, Mahony & Sepulchre 2008,
// ch. 7; Boumal 2023, §6.4), with the Hessian from RHessVec, from HessVec
// converted by EHessToRHess, or from a finite difference of transported
// gradients (Boumal 2015; Boumal 2023, §10.6), with a note in Result.Notes.
// Defaults: Δ̄ = injectivity radius or √dim M, Δ_0 = Δ̄/8, ρ' = 0.1, κ = 0.1,
// θ = 1.
//
// SGD: Riemannian SGD (Bonnabel 2013) with heavy-ball or Nesterov momentum
// carried by vector transport, weight decay and learning-rate schedules
// (Constant, StepDecay, InverseTime, Cosine). Adam: Riemannian Adam and
// AMSGrad (Bécigneul & Ganea 2019), whose second moment is one scalar per
// factor of a product manifold: per copy of a *manifold.Power (a
// mini-batch of points), per part of a *manifold.Product, a single scalar
// otherwise. Both are Methods for Minimize, drawing gradients from
// Problem.StochasticGrad (or StochasticRGrad, Grad, RGrad), and steppers:
// opt.Step(m, x, egrad) updates x in place.
//
// Each method's type documents its formulas, parameters and defaults.
//
// # Line searches
//
// Along a direction d at x the line searches look at φ(t) = f(R_x(t·d)),
// R the manifold's retraction, and, when they need a derivative, at
// φ'(t) ≈ ⟨grad f(R_x(t·d)), T(d)⟩ with the vector transport T standing in
// for the differentiated retraction (Absil, Mahony & Sepulchre 2008, §4.2
// and §8.1; Ring & Wirth 2012; Sato & Iwai 2015). SteepestDescent uses
// Armijo backtracking with safeguarded quadratic interpolation (Nocedal &
// Wright 2006, §3.1 and §3.5); ConjugateGradient and LBFGS a strong Wolfe
// search by bracketing and zoom with cubic interpolation (Nocedal & Wright
// 2006, Alg. 3.5 and 3.6).
//
// Near a minimiser the decrease t·|φ'(0)| ~ ‖grad f‖² falls below the
// rounding error of the cost long before ‖grad f‖ reaches 1e-8, and a
// test on cost values alone would fail or stall there. When |φ(t) − φ(0)|
// is below 10³·eps·max(|f(x)|, |f(x_0)|), both searches therefore judge
// sufficient decrease by the approximate Armijo condition of Hager & Zhang
// (2005, 2006), φ'(t) ≤ (1 − 2c1)·|φ'(0)| (equivalent to Armijo for a
// quadratic φ), skip cost comparisons between trials and interpolate φ'
// by secant steps. The trust-region ratio ρ is regularised likewise
// (Manopt's rho_regularization). With that, every method of the table below
// reaches ‖grad f‖ ≤ 1e-8 on every test problem.
//
// # Numerics
//
// The search directions (and the steps of SGD and Adam) are projected onto
// the tangent space once per iteration with the manifold's Proj, and the
// truncated-CG residual at every inner iteration. In exact arithmetic this
// changes nothing; in floating point it keeps rounding errors from
// accumulating in normal directions (on embedded manifolds) or vertical ones
// (on quotients such as the Grassmannian, whose Hessian does not damp them),
// where they would otherwise be amplified by retractions that assume a
// tangent argument.
//
// # Iteration counts
//
// The iterations each method needs to reach ‖grad f‖ ≤ 1e-8 from the
// test suite's starting points (TestConvergence, which also checks every
// answer against an independent computation; `go test -run
// 'TestConvergence$' -v` prints this table):
//
//	problem             manifold          dim   sd sd-nm cg-hz cg-fr cg-pr+ cg-hs cg-dy lbfgs  rtr rtr-fd
//	rayleigh            S^999             999   19    19    18    18     17    17    17    23    8      8
//	brockett            St(200,5)         985  155   137   116   116    116   115   110   144   14     14
//	subspace            Gr(200, 5)        975   32    32    29    29     29    29    30    33   12     12
//	karcher2            SPD(5)             15    4     4     3     3      3     3     3     4    2      2
//	karcher-commuting   SPD(5)             15   12    12    11    11     11    11    11    11    6      6
//	frechet             H^10               10    9     9     7     7      7     7     7     7    6      6
//	coshdist            H^10               10    5     5     4     4      4     4     4     5    4      4
//
// (sd-nm is SteepestDescent with Nonmonotone; rtr-fd is TrustRegion with
// FiniteDifference.) The cost/gradient evaluations they used, and for the
// trust regions the Hessian-vector products (each finite-difference product
// costs one more gradient evaluation):
//
//	problem             sd       sd-nm    cg-hz    cg-fr    cg-pr+   cg-hs    cg-dy    lbfgs    rtr        rtr-fd
//	rayleigh            20/20    20/20    45/37    39/34    36/32    34/30    34/30    34/25    9/9/23     9/32/23
//	brockett            183/162  142/138  263/229  254/220  257/226  233/207  224/195  158/153  15/15/142  15/157/142
//	subspace            40/35    34/33    77/64    70/59    70/59    69/58    67/55    41/36    13/13/42   13/55/42
//	karcher2            6/5      6/5      7/5      7/5      7/5      7/5      7/5      6/5      3/5/2      3/5/2
//	karcher-commuting   13/13    13/13    39/36    37/34    37/34    37/34    37/34    12/12    7/20/13    7/20/13
//	frechet             10/10    10/10    14/13    14/13    14/13    14/13    14/13    8/8      7/16/9     7/16/9
//	coshdist            6/6      6/6      10/7     10/7     10/7     10/7     10/7     6/6      5/5/4      5/9/4
//
// The problems: the Rayleigh quotient xᵀAx of a 1000×1000 symmetric matrix
// with a spectral gap (smallest eigenvector, against mat.EigenSym); the
// Brockett cost tr(XᵀAXN) (the p smallest eigenvectors in order); the
// dominant 5-dimensional invariant subspace (compared by projectors); the
// affine-invariant Karcher mean of two SPD matrices (against A#B) and of six
// commuting ones (against exp of the mean of logarithms), both with only
// the Riemannian gradient −Σ Log_P(Pᵢ) given, so that rtr uses finite
// differences; the Fréchet mean of eight points symmetric about a centre of
// H^10 (the centre); and cosh d(x, q) = −⟨x, q⟩_L, minimised at q. The
// Brockett problem is the ill-conditioned one: its Hessian at the minimiser
// has eigenvalues from about 0.8 to 85. TestConvergenceVariants repeats a
// subset on other metrics, retractions, transports and models (canonical
// Stiefel metric, polar and Cayley retractions, Grassmann QR and exponential
// retractions, log-Euclidean SPD, projective Lorentz retraction, Poincaré
// ball of curvature −1 and −2). Counts can differ by
// an iteration or two on platforms that fuse multiply-adds. The stochastic
// methods run a fixed number of steps; on a 50-dimensional Rayleigh problem
// with gradient noise of norm ≈ 3.5, 3000 steps of each configuration of
// TestNoisyRayleigh bring sin∠(x, v₁) to 0.024 (Adam, AMSGrad) – 0.041
// (SGD with step decay), within the stated bound 0.06.
//
// # Averaging
//
// Means and medians of data on manifolds, all with optional weights (nil
// means equal weights; weights are normalised to sum 1 and every reported
// objective uses the normalised weights), all returning a *Result and an
// error, all validating their input (points on the manifold, weights
// finite, non-negative and not all zero, consistent shapes, options) and
// returning errors that name the offending point instead of panicking:
//
//   - KarcherMean(ctx, m, data, weights, opts): minimises Σ w_j d(x, x_j)²
//     on any manifold with Exp and Log by the Riemannian gradient step
//     x ← Exp_x(t·Σ w_j Log_x(x_j)), checked by an Armijo test (so the
//     iteration is monotone on any manifold). t = 1 by default (a descent
//     step where the curvature is nonnegative); on the hyperbolic models and
//     the affine-invariant SPD metric, whose curvature lies in [−κ, 0],
//     t = 2/(1 + Σ w_j ζ(√κ d_j)),
//     ζ(x) = x·coth x, because there the fixed step 1 overshoots by up to
//     the largest Hessian eigenvalue ζ and diverges for spread data (see
//     TestKarcherMeanSpreadHyperbolic). A manifold that reports an infinite
//     injectivity radius is treated as Hadamard (no step limit); on the
//     others steps are at most half the injectivity radius. The start is a
//     closed form where one exists (two points: GeodesicPoint; SPD:
//     LogEuclideanMean, LogCholeskyMean, the arithmetic mean for
//     Bures–Wasserstein; hyperbolic: the weighted gyromidpoint), otherwise
//     one pass of the inductive mean.
//   - GeometricMedian(ctx, m, data, weights, opts): the Riemannian Weiszfeld
//     algorithm (Fletcher, Venkatasubramanian & Joshi 2009) with the
//     Vardi–Zhang treatment of data points at the iterate, made monotone by
//     the same Armijo check; a data point that dominates the Weiszfeld
//     weights is tried directly, since the iteration approaches a median at
//     a data point only linearly, at a rate that can tend to 1. Both compute the logarithms, one per data
//     point, on several goroutines (MeanOptions.Workers), in fixed chunks
//     whose sums are added in a fixed order, so every worker count gives
//     the same bits.
//   - FlagMean(ctx, data, n, dims, weights, opts): the chordal flag mean on
//     Fl(dims; n) (Mankovich & Birdal 2023), the maximiser over St(n, p) of
//     Σ_i tr(Y_iᵀP_iY_i), P_i = Σ_j w_j X_i⁽ʲ⁾X_i⁽ʲ⁾ᵀ, by TrustRegion with the
//     exact Hessian (−2P_iV_i converted by stiefel.Stiefel and projected
//     onto the horizontal space of the flag quotient). P_i is never formed:
//     the data are copied once into D_i = [X_i⁽¹⁾ … X_i⁽ᴺ⁾] and P_iY_i =
//     D_i·diag(w)·(D_iᵀY_i), so memory is O(n·p·N).
//   - FlagMedian(ctx, data, n, dims, weights, opts): the chordal flag median
//     by iteratively reweighted flag means, warm-started, with every
//     reweighting step checked to decrease Σ w_j d_c (a step that does not
//     is rejected and the run stops with CostConverged and a note), and a
//     dominant data point tried directly as for GeometricMedian.
//   - Closed forms: GeodesicPoint (two-point weighted means, geodesic
//     midpoints), GrassmannMean (chordal mean of subspaces),
//     DraperFlagMean (nested means of subspaces of mixed dimensions),
//     LogEuclideanMean, LogCholeskyMean and BuresWassersteinMean (the
//     fixed-point iteration of Álvarez-Esteban et al. 2016).
//
// The tables below are printed, seeded, by
//
//	go test ./optim/ -run TestAveragingTables -v
//
// Robustness of the chordal flag median: Fl(1, 3; 10), 100 points, inliers
// qf(C + 0.001·Z) around a random centre C, a share of them replaced by
// uniformly random flags; the chordal distance from C, mean of 20 trials.
// Euclidean is the orthonormal factor of the average frame (meaningful
// only because these frames have consistent signs), Grassmann the chordal
// means of the blocks orthonormalised in nesting order, Draper the leading
// left singular vectors of all columns (which ignores the blocks):
//
//	outliers    median      mean  euclidean  grassmann   draper
//	  0%      4.95e-04  4.92e-04   4.92e-04   4.92e-04  1.05e+00
//	  2%      4.91e-04  8.23e-03   2.34e-02   8.26e-03  1.05e+00
//	  4%      5.02e-04  1.04e-02   3.47e-02   1.05e-02  9.69e-01
//	  6%      4.99e-04  1.40e-02   4.17e-02   1.40e-02  1.20e+00
//	  8%      5.39e-04  1.69e-02   4.67e-02   1.70e-02  1.03e+00
//	 10%      5.42e-04  1.83e-02   5.42e-02   1.84e-02  1.17e+00
//	 12%      5.30e-04  2.17e-02   6.28e-02   2.21e-02  1.09e+00
//	 14%      5.26e-04  2.31e-02   6.70e-02   2.32e-02  1.06e+00
//	 16%      5.46e-04  2.63e-02   7.09e-02   2.62e-02  1.23e+00
//	 18%      5.65e-04  2.98e-02   8.20e-02   2.94e-02  1.02e+00
//	 19%      5.20e-04  3.10e-02   8.68e-02   3.13e-02  1.04e+00
//
// The same with 10% outliers and inlier noise σ from 0.02 to 0.82: the
// median's advantage fades as the inliers spread as far as the outliers
// (and the Euclidean average, helped by the consistent signs of these
// synthetic frames, does best at large noise):
//
//	σ           median      mean  euclidean  grassmann   draper
//	0.02      1.08e-02  2.20e-02   5.37e-02   2.22e-02  1.11e+00
//	0.12      6.09e-02  6.30e-02   8.71e-02   6.36e-02  1.11e+00
//	0.22      1.18e-01  1.18e-01   1.39e-01   1.19e-01  9.93e-01
//	0.32      1.81e-01  1.79e-01   1.92e-01   1.82e-01  1.15e+00
//	0.42      2.64e-01  2.65e-01   2.51e-01   2.69e-01  1.19e+00
//	0.52      3.45e-01  3.43e-01   3.14e-01   3.45e-01  1.20e+00
//	0.62      4.47e-01  4.44e-01   3.62e-01   4.52e-01  1.14e+00
//	0.72      5.85e-01  5.80e-01   4.00e-01   5.85e-01  1.14e+00
//	0.82      6.64e-01  6.54e-01   4.54e-01   6.62e-01  1.32e+00
//
// Rotation averaging: 250 rotations, inliers R_c·exp(θ[a]×) with a uniform
// axis a and θ ~ N(0, (5°)²), the rest uniformly random; the mean angular
// error in degrees over 10 trials of the flag median and flag mean on
// Fl(1, 2, 3; 3) (flag.FromRotation; OrientSigns, then the last column
// negated if the determinant is −1), the quaternion average of Markley et
// al. (2007) and KarcherMean and GeometricMedian on SO(3) = St(3, 3):
//
//	outliers  flag median  flag mean  quaternion  karcher  weiszfeld
//	  2.5%        0.096      0.278       0.520     1.158     0.100
//	  5%          0.160      0.441       0.730     1.993     0.153
//	 10%          0.108      0.612       0.948     2.568     0.110
//	 20%          0.136      0.718       1.222     4.133     0.165
//	 40%          0.174      1.298       2.518     6.932     0.193
//	 60%          0.240      2.382       4.329    10.481     0.299
//	 80%          0.279      5.034      11.890    36.103     0.930
//
// Iterations of KarcherMean and GeometricMedian to their default gradient
// tolerances (1e-10 relative to the data's spread): for 12 points
// Exp_c(±t_j·u_j) symmetric about a centre c, t_j ∈ [s/2, s], started at
// one of them (with the distance of the result from c), and for 100 points
// Exp_c(t·u), t uniform in [0, s], from the default start (with the
// gradient norm reached). Each is also checked against a closed form in
// TestKarcherMeanTwoPoints (two points: the geodesic midpoint) and
// TestAverageCommutingSPD (commuting SPD matrices: exp of the mean of the
// logarithms; the median of the log-eigenvalues):
//
//	manifold                        s | mean, sym.     median, sym.   | mean, cloud    median, cloud
//	sphere S^4                   1.00 |  13 it 1.9e-11  53 it 1.9e-10 |   8 it 3.1e-11  21 it 8.7e-11
//	Grassmann Gr(8,3)            0.60 |   8 it 3.2e-11  18 it 6.5e-11 |   5 it 3.8e-12  16 it 6.9e-11
//	Stiefel St(6,2)              1.00 |  10 it 5.7e-12  27 it 1.3e-10 |   6 it 4.5e-11  17 it 6.6e-11
//	Stiefel St(6,2) canonical    1.00 |  10 it 1.1e-11  21 it 8.9e-11 |   7 it 3.5e-12  22 it 5.2e-11
//	SO(3) = St(3,3)              1.00 |   6 it 7.3e-12  29 it 9.3e-11 |   4 it 3.0e-12  43 it 7.3e-11
//	SPD(4) affine-invariant      1.50 |  10 it 1.5e-11  17 it 1.3e-10 |   7 it 1.4e-11  20 it 8.2e-11
//	SPD(4) log-Euclidean         1.50 |   1 it 2.0e-15  23 it 1.0e-10 |   0 it 2.2e-15  15 it 3.5e-11
//	SPD(4) log-Cholesky          1.50 |   1 it 3.0e-16  20 it 1.6e-10 |   0 it 2.6e-16  19 it 6.9e-11
//	SPD(4) Bures–Wasserstein     0.25 |   5 it 9.7e-14  21 it 2.3e-11 |   4 it 4.7e-12  15 it 7.7e-11
//	H^3 Lorentz                  1.50 |  10 it 2.1e-11  23 it 1.2e-10 |   6 it 3.3e-11  22 it 4.4e-11
//	H^3 Poincaré ball c=2        1.50 |  13 it 1.4e-11  32 it 5.6e-11 |   8 it 8.7e-12  19 it 9.9e-11
//	H^3 half-space               1.50 |  12 it 1.1e-11  32 it 2.2e-10 |   7 it 4.7e-12  20 it 5.0e-11
//
// (The Bures–Wasserstein data lie within half the injectivity radius
// √λ_min of the centre.) The flag mean typically takes 2 or 3 trust-region
// iterations (6 to 8 Hessian-vector products) from its start and the flag
// median 3 to 6 reweighting steps; FlagMean allocates about 2.8 times the
// size of the data for N = 10 points (TestFlagMeanMemory: 6.8 MB at n =
// 10⁴, 65 MB at n = 10⁵), less for more points (1.3 times for N = 100),
// since the one copy D of the data dominates. Timings: go test ./optim/ -run XXX -bench
// 'FlagAverage|KarcherMean'.
//
// # References
//
//   - P. C. Álvarez-Esteban, E. del Barrio, J. A. Cuesta-Albertos, C. Matrán,
//     A fixed-point approach to barycenters in Wasserstein space, J. Math.
//     Anal. Appl. 441, 2016.
//   - B. Afsari, R. Tron, R. Vidal, On the convergence of gradient descent
//     for finding the Riemannian center of mass, SIAM J. Control Optim. 51,
//     2013.
//   - V. Arsigny, P. Fillard, X. Pennec, N. Ayache, Geometric means in a
//     novel vector space structure on symmetric positive-definite matrices,
//     SIAM J. Matrix Anal. Appl. 29, 2007.
//   - B. Draper, M. Kirby, J. Marks, T. Marrinan, C. Peterson, A flag
//     representation for finite collections of subspaces of mixed
//     dimensions, Linear Algebra Appl. 451, 2014.
//   - P. T. Fletcher, S. Venkatasubramanian, S. Joshi, The geometric median
//     on Riemannian manifolds with application to robust atlas estimation,
//     NeuroImage 45, 2009.
//   - N. Halko, P.-G. Martinsson, J. A. Tropp, Finding structure with
//     randomness, SIAM Rev. 53, 2011.
//   - H. Karcher, Riemannian center of mass and mollifier smoothing, Comm.
//     Pure Appl. Math. 30, 1977.
//   - Z. Lin, Riemannian geometry of symmetric positive definite matrices
//     via Cholesky decomposition, SIAM J. Matrix Anal. Appl. 40, 2019.
//   - N. Mankovich, T. Birdal, Chordal averaging on flag manifolds and its
//     applications, ICCV 2023.
//   - F. L. Markley, Y. Cheng, J. L. Crassidis, Y. Oshman, Averaging
//     quaternions, J. Guid. Control Dyn. 30, 2007.
//   - X. Pennec, Intrinsic statistics on Riemannian manifolds, J. Math.
//     Imaging Vis. 25, 2006.
//   - K.-T. Sturm, Probability measures on metric spaces of nonpositive
//     curvature, Contemp. Math. 338, 2003.
//   - Y. Vardi, C.-H. Zhang, The multivariate L1-median and associated data
//     depth, PNAS 97, 2000.
//   - R. Zimmermann, J. Stoye, High curvature means low-rank: on the
//     sectional curvature of Grassmann and Stiefel manifolds and the
//     underlying matrix trace inequalities, arXiv:2403.01879, 2024.
//   - K. Ye, K. S.-W. Wong, L.-H. Lim, Optimization on flag manifolds, Math.
//     Program. 194, 2022.
//   - Y. Zemel, V. M. Panaretos, Fréchet means and Procrustes analysis in
//     Wasserstein space, Bernoulli 25, 2019.
//   - P.-A. Absil, C. G. Baker, K. A. Gallivan, Trust-region methods on
//     Riemannian manifolds, Found. Comput. Math. 7, 2007.
//   - P.-A. Absil, R. Mahony, R. Sepulchre, Optimization Algorithms on Matrix
//     Manifolds, Princeton University Press, 2008.
//   - J. Barzilai, J. M. Borwein, Two-point step size gradient methods, IMA
//     J. Numer. Anal. 8, 1988.
//   - G. Bécigneul, O.-E. Ganea, Riemannian adaptive optimization methods,
//     ICLR 2019.
//   - S. Bonnabel, Stochastic gradient descent on Riemannian manifolds, IEEE
//     Trans. Automat. Control 58, 2013.
//   - N. Boumal, Riemannian trust regions with finite-difference Hessian
//     approximations are globally convergent, GSI 2015.
//   - N. Boumal, An Introduction to Optimization on Smooth Manifolds,
//     Cambridge University Press, 2023.
//   - N. Boumal, B. Mishra, P.-A. Absil, R. Sepulchre, Manopt, a Matlab
//     toolbox for optimization on manifolds, JMLR 15, 2014.
//   - Y.-H. Dai, R. Fletcher, Projected Barzilai–Borwein methods for
//     large-scale box-constrained quadratic programming, Numer. Math. 100,
//     2005.
//   - W. W. Hager, H. Zhang, A new conjugate gradient method with guaranteed
//     descent and an efficient line search, SIAM J. Optim. 16, 2005; and
//     Algorithm 851: CG_DESCENT, ACM TOMS 32, 2006.
//   - W. Huang, K. A. Gallivan, P.-A. Absil, A Broyden class of quasi-Newton
//     methods for Riemannian optimization, SIAM J. Optim. 25, 2015.
//   - W. Huang, P.-A. Absil, K. A. Gallivan, A Riemannian BFGS method without
//     differentiated retraction for nonconvex optimization problems, SIAM J.
//     Optim. 28, 2018.
//   - B. Iannazzo, M. Porcelli, The Riemannian Barzilai–Borwein method with
//     nonmonotone line search and the matrix geometric mean computation, IMA
//     J. Numer. Anal. 38, 2018.
//   - D. P. Kingma, J. Ba, Adam: a method for stochastic optimization, ICLR
//     2015.
//   - J. Nocedal, S. J. Wright, Numerical Optimization, 2nd ed., Springer,
//     2006.
//   - M. J. D. Powell, Restart procedures for the conjugate gradient method,
//     Math. Program. 12, 1977.
//   - W. Ring, B. Wirth, Optimization methods on Riemannian manifolds and
//     their application to shape space, SIAM J. Optim. 22, 2012.
//   - H. Sato, A Dai–Yuan-type Riemannian conjugate gradient method with the
//     weak Wolfe conditions, Comput. Optim. Appl. 64, 2016.
//   - H. Sato, Riemannian Optimization and Its Applications, Springer, 2021.
//   - H. Sato, Riemannian conjugate gradient methods: general framework and
//     specific algorithms with convergence analyses, SIAM J. Optim. 32, 2022.
//   - H. Sato, T. Iwai, A new, globally convergent Riemannian conjugate
//     gradient method, Optimization 64, 2015.
//   - H. Sakai, H. Iiduka, Hybrid Riemannian conjugate gradient methods with
//     global convergence properties, Comput. Optim. Appl. 77, 2020.
//   - H. Zhang, W. W. Hager, A nonmonotone line search technique and its
//     application to unconstrained optimization, SIAM J. Optim. 14, 2004.
package optim
