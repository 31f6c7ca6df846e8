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
// # References
//
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
