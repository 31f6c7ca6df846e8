// Package stiefel implements the Stiefel manifold
// St(n, p) = {X ∈ R^{n×p} : XᵀX = I} of orthonormal p-frames in Rⁿ,
// 1 ≤ p ≤ n, with every method of manifold.Manifold and the optional
// capabilities InverseRetract, EHessToRHess, Project and (where a radius is
// known) InjectivityRadius, for every metric of a one-parameter family.
//
// Points and tangent vectors are row-major n×p slices (Shape (n, p)); the
// tangent space is T_X = {Δ : XᵀΔ + ΔᵀX = 0} and Dim = np − p(p+1)/2.
//
// # Metrics
//
// WithMetric selects g_β(Δ, Δ) = tr(ΔᵀΔ) − (1 − β)·tr(ΔᵀXXᵀΔ), β > 0, the
// family of Hüper, Markina & Silva Leite (2021), written with the β of
// Absil & Mataigne (2024): for Δ = XA + X⊥B, g_β = β‖A‖² + ‖B‖². Euclidean
// (β = 1, the default) is the metric of the embedding; Canonical (β = ½)
// that of Edelman, Arias & Smith (1998); Family(β) any other member
// (Hüper et al.'s α is 1/(2β) − 1). Proj is the same for every β (the
// normal space {XS : S symmetric} does not depend on β); EGradToRGrad,
// EHessToRHess, Exp, Log, Dist and RandomTangent follow the metric.
//
// # Maps
//
// Exp is the closed form [X Q]·expm([[2βA, −Bᵀ], [B, 0]])·[I; 0]·expm((1 −
// 2β)A) (Zimmermann & Hüper 2022) with spectral exponentials of
// skew-symmetric matrices, re-orthonormalised by one Newton–Schulz step.
// Log reduces the problem to St(p + r, p), r = min(p, n − p), and solves it
// by the algebraic iteration of Zimmermann (2017) for β = ½, generalised to
// β (Zimmermann & Hüper 2022; Mataigne, Zimmermann & Miolane 2024) with a
// first-order-exact update of A, Anderson acceleration (Walker & Ni 2011),
// branch continuation of the matrix logarithm past angle π
// (linalg.LogOrthNear), and, for β ≠ ½ when the first attempt fails or
// finds a geodesic not certified minimal, a second attempt started from the
// canonical solution. Its tolerance (DefaultLogTolerance = 1e-13 on the
// residual) and iteration limit (DefaultLogMaxIter = 200) are options; it
// verifies ‖Exp_X(Δ) − Y‖_F ≤ max(1e-11, 100·tol) before returning and
// otherwise returns an error wrapping manifold.ErrNotConverged. Dist is
// ‖Log‖ where that is the distance and otherwise the length of an explicit
// curve joining the points, an upper bound, never NaN (see Dist).
//
// Retractions (WithRetraction): QR (default; first order), Polar (the
// metric projection; second order for the Euclidean metric), Cayley (Wen &
// Yin 2013, in O(np²) by the Sherman–Morrison–Woodbury formula; second order
// for the canonical metric) and Exponential. Inverse retractions: QR by the
// triangular recursion of Kaneko, Fiori & Tanaka (2013), polar by the
// Lyapunov-type equation XᵀY·S + S·YᵀX = 2I; both return an error wrapping
// manifold.ErrCutLocus outside the retraction's image. Transports
// (WithTransport): Projection (default), DifferentiatedQR and
// DifferentiatedPolar (Absil, Mahony & Sepulchre 2008, §8.1.2), which
// recover the tangent vector from X and Y by the inverse retraction.
//
// # Accuracy contracts
//
// Each is checked by a test against an independent computation; the
// measured worst errors below are printed by
//
//	go test -v -run 'TestLogContract|TestLogBeyond|TestExpODE|TestExpClosedForms|TestHessianSecondDifference|TestTransportsByDifferences|TestCayleyDirect' ./stiefel/
//
// on shapes from 3×1 to 200×10 (1728 Log cases per metric, with random,
// rotation-only, normal-only and mixed directions):
//
//   - Log, every metric: for q = Exp_p(v) with ‖v‖ ≤ R, Log returns nil,
//     ‖Exp_p(Log_p q) − q‖_F ≤ 1e-12 and ‖Log_p q − v‖_p ≤ 1e-10·‖v‖ (the
//     minimising geodesic) for ‖v‖ ≥ 1e-3·R. R = 0.9·InjectivityRadius:
//     0.9π (Euclidean), 0.9·√(4/5)π (canonical), and LogRadius(β) for the
//     other members (0.81·min(√(2β), 1)·π for β < 1, inside the upper bound
//     on the injectivity radius; 0.54π/√β for β > 1, where the iteration's
//     convergence, not the geometry, sets the limit).
//     Measured worst ‖Exp(Log q) − q‖_F: 2.3e-13 (Euclidean), 1.6e-13
//     (canonical), 5.5e-13 (β = 0.1), 2.4e-13 (β = 0.25), 1.3e-13
//     (β = 0.75), 1.8e-13 (β = 2); worst relative ‖Log(Exp v) − v‖: 1.6e-11,
//     1.4e-12, 2.9e-11, 7.7e-12, 3.9e-12, 2.3e-11. At ‖v‖ = 1e-8·R the
//     relative error is below 1e-6: the inputs are known to ε absolutely.
//   - Log beyond R (to twice the injectivity radius, and random pairs):
//     every nil return has ‖Exp(Log q) − q‖_F ≤ 1e-11; otherwise the
//     error wraps manifold.ErrNotConverged (measured: 23 of 100 cases for
//     the Euclidean metric, 10 canonical, 1 at β = 0.25, 15 at β = 2) and dst
//     is untouched; Dist stays finite and exactly symmetric.
//   - Exp, every metric: agrees with an RK4 integration (3000 steps) of the
//     geodesic equation Ẍ = −XẊᵀẊ + 2(1 − β)(I − XXᵀ)ẊXᵀẊ, derived from
//     the Lagrangian, to 1e-11 for ‖v‖ ≤ 2.5 (measured 6.1e-14 Euclidean,
//     6.4e-14 canonical, 2.7e-12 at β = 0.25, 1.2e-13 at β = 2, the
//     integrator's error); with Edelman et al.'s Euclidean formula and with
//     expm(Ŵ)X for the canonical metric (general Padé expm) to 1e-12
//     (measured 5.8e-15 and 4.7e-15). Exp(X, 0) = X exactly; huge Δ (entries
//     up to 1e300) gives a point of St(n, p).
//   - EHessToRHess: the Hessian form agrees with Richardson-extrapolated
//     second differences of f along geodesics to 1e-8 relative (measured
//     ≤ 4.4e-10, the limit of the differences), every metric.
//   - Differentiated transports: agree with central differences of the
//     retraction to 1e-8 (measured 1.5e-12 QR, 9e-12 polar). RetractCayley
//     agrees with the n×n definition to 1e-12 (measured 1e-15).
//   - Retraction orders (log-log slope in the conformance suite): QR first
//     order; Polar second order for the Euclidean metric (and p = 1, p = n);
//     Cayley second order for the canonical metric (and p = n); Exponential
//     equal to Exp.
//
// # Special cases and deviations
//
// Exp(X, 0) = X, every Retract(X, 0) = X, Log(X, X) = 0, Dist(X, X) = 0 and
// the inverse retractions of X itself are exact. A NaN or ±Inf entry gives
// NaN outputs (Log: NaN and a nil error). For p = n, St(n, n) = O(n) has
// two connected components: between them Log returns an error wrapping
// manifold.ErrCutLocus and Dist returns +Inf. That is the one departure
// from "no Inf from valid input": the distance is infinite (no curve joins
// the points), and any finite value would be wrong.
//
// # Allocation
//
// Inner, Norm, Proj, EGradToRGrad, EHessToRHess, Exp, Log, Dist, every
// Retract, InverseRetract, Transport, Project, CheckPoint, CheckTangent,
// RandomPoint and RandomTangent allocate nothing at small sizes (tested at
// 3×2, 4×4 and 50×5 for every metric and transport); temporaries come from
// linalg's pools. Costs are O(np²) plus O(p³) small-matrix work; Log and
// Dist add O((p + r)³) per iteration.
//
// # References
//
// P.-A. Absil, R. Mahony, R. Sepulchre, Optimization Algorithms on Matrix
// Manifolds, Princeton 2008. P.-A. Absil, J. Malick, Projection-like
// retractions on matrix manifolds, SIAM J. Optim. 22, 2012. P.-A. Absil,
// S. Mataigne, The ultimate upper bound on the injectivity radius of the
// Stiefel manifold, arXiv:2403.02079, 2024. A. Edelman, T. A. Arias,
// S. T. Smith, The geometry of algorithms with orthogonality constraints,
// SIAM J. Matrix Anal. Appl. 20, 1998. K. Hüper, I. Markina, F. Silva
// Leite, A Lagrangian approach to extremal curves on Stiefel manifolds,
// J. Geom. Mech. 13, 2021. T. Kaneko, S. Fiori, T. Tanaka, Empirical
// arithmetic averaging over the compact Stiefel manifold, IEEE Trans.
// Signal Process. 61, 2013. S. Mataigne, R. Zimmermann, N. Miolane, An
// efficient algorithm for the Riemannian logarithm on the Stiefel manifold
// for a family of Riemannian metrics, arXiv:2403.11730, 2024. D. Nguyen,
// Operator-valued formulas for Riemannian gradient and Hessian and families
// of tractable metrics in Riemannian optimization, J. Optim. Theory Appl.,
// 2023. Q. Rentmeesters, Algorithms for data fitting on some common
// homogeneous spaces, PhD thesis, UCLouvain, 2013. J. Stoye, R. Zimmermann,
// On the injectivity radius of the Stiefel manifold, arXiv:2403.03782,
// 2024. H. F. Walker, P. Ni, Anderson acceleration for fixed-point
// iterations, SIAM J. Numer. Anal. 49, 2011. Z. Wen, W. Yin, A feasible
// method for optimization with orthogonality constraints, Math. Program.
// 142, 2013. R. Zimmermann, A matrix-algebraic algorithm for the Riemannian
// logarithm on the Stiefel manifold under the canonical metric, SIAM J.
// Matrix Anal. Appl. 38, 2017. R. Zimmermann, K. Hüper, Computing the
// Riemannian logarithm on the Stiefel manifold: metrics, methods and
// performance, SIAM J. Matrix Anal. Appl. 43, 2022. R. Zimmermann,
// J. Stoye, The injectivity radius of the compact Stiefel manifold under
// the Euclidean metric, arXiv:2405.02268, 2024.
package stiefel
