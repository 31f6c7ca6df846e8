// Package flag implements the flag manifold Fl(n₁ < n₂ < … < n_k; n) of
// nested subspaces V₁ ⊂ V₂ ⊂ … ⊂ V_k ⊂ Rⁿ, dim V_i = n_i, as the quotient
// St(n, p)/(O(m₁) × … × O(m_k)) of the Stiefel manifold, p = n_k,
// m_i = n_i − n_{i−1}, with every method of manifold.Manifold and the
// optional capabilities EHessToRHess, Project and (where it is known)
// InjectivityRadius. It also exports the chordal distance of Mankovich &
// Birdal (2023), a flag-equality test, the block structure, and
// conversions from and to Grassmann points and rotations of R³.
//
// # Representation
//
// A point is an n×p matrix X = [X₁ | … | X_k] with orthonormal columns,
// stored row-major (Shape (n, p)); block i (counted from 0) is the column
// range [n_{i−1}, n_i) given by BlockRange, and V_i = span[X₁ … X_i]. X and
// X·blkdiag(Q₁, …, Q_k), Q_i ∈ O(m_i), are the same flag, so compare points
// with Dist, ChordalDist or SameFlag, never entry by entry. A tangent
// vector is stored as its horizontal lift at the given representative: the
// n×p matrix Δ with XᵀΔ skew-symmetric with zero diagonal blocks
// (X_iᵀΔ_i = 0 and X_iᵀΔ_j = −(X_jᵀΔ_i)ᵀ), i.e. Δ = XA + X⊥B with A
// skew, A_ii = 0 (Ye, Wong & Lim 2022; Nguyen 2022). The lift of the same
// vector at XQ is ΔQ. Dim = np − p(p+1)/2 − Σ m_i(m_i − 1)/2. Complete
// flags (n_k = n, e.g. Fl(1, 2, 3; 3)) are allowed: the last block is then
// determined by the others up to O(m_k); New(n, p) is the Grassmann
// manifold Gr(n, p) and New(n, n) a single point.
//
// The dimensions are variadic, New(n, dims...), so options are applied by
// Flag.With rather than by New (a deviation from the constructor style of
// the other packages, forced by the signature the design fixes).
//
// # Metrics
//
// WithMetric selects the quotient of the Stiefel metric g_β,
// g_β(Δ, Δ) = β‖A‖² + ‖B‖² (Hüper, Markina & Silva Leite 2021; Nguyen
// 2022): Canonical (β = ½, the default) or Euclidean (β = 1). The canonical
// metric is the default because it is the natural one of the flag
// manifold: it makes Fl the normal homogeneous space O(n)/(O(m₁) × … ×
// O(m_k) × O(n − n_k)) with the metric ½tr(ΩᵀΩ) of so(n), so geodesics
// are orbits of one-parameter subgroups (Ye, Wong & Lim 2022), the
// complement of V_k is treated like every other block (Fl(1, 2; 3) and
// Fl(1, 2, 3; 3) are isometric, Fl(p, n; n) is Gr(n, p)), its injectivity
// radius is known (π/2, see InjectivityRadius), and its logarithm is the
// cheapest and most robust (one fixed-point iteration, no dependence on A
// in the first block column). The horizontal space and the projection are
// the same for both metrics; Inner, Norm, EGradToRGrad, EHessToRHess, Exp,
// Log, Dist and RandomTangent follow the metric. One-block flags have the
// Grassmann metric for both.
//
// # Maps
//
// Exp is the closed-form Stiefel geodesic of stiefel.Stiefel.Exp
// (Zimmermann & Hüper 2022; Edelman, Arias & Smith 1998): the quotient map
// is a Riemannian submersion, so horizontal Stiefel geodesics project to
// flag geodesics (O'Neill 1966; Boumal 2023, ch. 9).
// Log solves for block rotations Q_i of the target that make the Stiefel
// logarithm horizontal, by a fixed-point iteration in the reduced space of
// stiefel.Stiefel.Log that generalises Zimmermann's (2017) algorithm (see
// Flag.Log), with Anderson acceleration, a verified endpoint and an error
// wrapping manifold.ErrNotConverged when it fails; its tolerance
// (DefaultLogTolerance = 1e-13 on the residual) and iteration limit
// (DefaultLogMaxIter = 200) are options. Dist is ‖Log‖ where that is the
// distance and otherwise the length of an explicit curve joining the
// flags, a finite upper bound, never NaN. One-block flags use the closed
// forms of package grassmann for Exp, Log and Dist. ChordalDist is
// computed from a doubled-precision residual, without cancellation.
//
// Retractions (WithRetraction): Polar (default), polar(X + Δ), second
// order for the Euclidean metric, for one-block flags and for p = n, first
// order otherwise; QR, qf(X + Δ) with a positive diagonal in R, first
// order (second for one-block flags); Exponential. Both Polar and QR are
// retractions of the quotient: the flag of the result does not depend on
// the representative. Transport is the projection onto the horizontal
// space at the target. InverseRetract and ParallelTransport are not
// implemented.
//
// # Conversions
//
// FromGrassmann and ToGrassmann identify a point of Gr(n, p) with the
// one-block flag Fl(p; n) (the same matrix); Flag.Subspace gives the basis
// of any V_i, a point of Gr(n, n_i). FromRotation and ToRotation identify a
// rotation R ∈ SO(3) with the flag of its columns in Fl(1, 2, 3; 3) (the
// 3×3 matrix) or Fl(1, 2; 3) (its first two columns); a flag determines R
// only up to the signs of its columns, and ToRotation returns the
// representative of determinant +1 whose first two columns have a positive
// largest entry, so the round trip gives R·D with D a sign matrix of
// determinant +1 (R itself when R follows that convention). With the
// canonical metric, Dist between the flags of two rotations is the
// smallest rotation angle between them up to those signs. Rigid motions
// (through SO(4)) are not provided.
//
// # Accuracy contracts
//
// Each is checked by a test against an independent computation; the
// measured worst errors below are printed by
//
//	go test -v -run 'TestLogContract|TestLogBeyond|TestDistRotations|TestDistGrassmann|TestInvariance|TestChordal|TestExpODE|TestGradHess' ./flag/ | grep -E 'worst|verified'
//
// on types from Fl(1, 2; 3) to Fl(3, 6, 10; 200), complete flags included:
//
//   - Log, both metrics: for Y = Exp_X(v) with ‖v‖ ≤ R = LogRadius
//     (0.9·π/2; 0.9·π/√2 for the Euclidean metric on complete flags), Log
//     returns nil, a horizontal vector with d_c(Exp_X(Log_X Y), Y) ≤ 1e-12
//     (measured 8.8e-14 canonical, 8.5e-14 Euclidean) and
//     ‖Log_X Y − v‖ ≤ 1e-10·‖v‖ for ‖v‖ ≥ 1e-3·R (measured 2.2e-12 and
//     2.5e-12, at ‖v‖ = 1e-3·R): the minimising
//     geodesic. Below, the error is absolute (the inputs are known to ε):
//     ≤ 1e-5 relative at ‖v‖ = 1e-8·R.
//   - Log beyond R (up to 3R, and random pairs): every nil return is
//     verified, d_c(Exp(Log Y), Y) ≤ 1e-12 (measured 3.4e-13); otherwise
//     the error wraps manifold.ErrNotConverged and dst is unchanged
//     (measured: 1 of 72 cases canonical, 4 of 72 Euclidean).
//   - Dist: |Dist − d| ≤ 64ε + 1e-12·d within R (measured 12ε canonical,
//     120ε Euclidean; relative 2.9e-15 and 2.3e-14 for d ≥ 1e-2), against
//     ‖v‖ for Y = Exp_X(v), against the closed form min_D θ(R₁ᵀR₂D) for
//     flags of rotations at every distance up to the diameter (relative
//     1.1e-13 for θ ≥ 1e-3, absolute 13ε), and against the Grassmann
//     distance of Gr(n, p) for the complete flag Fl(p, n; n), which the
//     iteration does not know to be a Grassmann manifold (2.5e-15). Dist is
//     an absolute-accuracy quantity: its relative error grows like ε/d
//     below d ≈ 1e-3 (use ChordalDist for tiny distances). Dist is exactly
//     symmetric, invariant under block rotations of either argument to
//     rounding (measured 6.5e-14 relative), at least the Grassmann
//     distance of each V_i and at most the Stiefel distance to the
//     Procrustes-aligned representative.
//   - ChordalDist: relative error ≤ 1e-12 for d_c ≥ 1e-10 against a 300-bit
//     math/big reference (per-block Gram–Schmidt, exact residual),
//     measured 3.9e-16, including prescribed block principal angles from
//     1e-10 to π/2; agrees with ½Σ_i‖X_iX_iᵀ − Y_iY_iᵀ‖²_F (gonum) to 4.1e-16
//     for d_c ≥ 0.05 and with grassmann.Grassmann.ChordalDist for one
//     block; invariant under block rotations to 1.7e-14 relative.
//   - Exp: agrees with an RK4 integration (2000 steps) of the Stiefel
//     geodesic equation Ẍ = −XẊᵀẊ + 2(1 − β)(I − XXᵀ)ẊXᵀẊ from a
//     horizontal velocity of norm up to 2.5 to 1e-11 (measured 5e-13
//     canonical, 9.3e-14 Euclidean, the integrator's error), and the
//     integrated curve stays horizontal (to 3.6e-13).
//   - EGradToRGrad and EHessToRHess: for an invariant function
//     Σ_i tr(X_iᵀC_iX_i), the gradient equals the Stiefel one and both agree
//     with Richardson-extrapolated differences along geodesics (measured
//     2.5e-10 and 1.6e-10 relative, the limit of the differences); the
//     conformance suite checks Taylor slopes for non-invariant functions.
//
// # Special cases
//
// Exp(X, 0), every Retract(X, 0), Log(X, X) = 0, Dist(X, X) = 0 and
// ChordalDist(X, X) = 0 are exact for bitwise-equal inputs; two
// representatives of one flag are at distances of rounding size. NaN input
// gives NaN output (Log: NaN and a nil error). Dist and ChordalDist never
// return NaN or Inf for valid input.
//
// # Allocation and cost
//
// Inner, Norm, Proj, EGradToRGrad, EHessToRHess, Exp, Log, Dist,
// ChordalDist, the retractions, Transport, Project, RandomPoint,
// RandomTangent, CheckPoint and CheckTangent allocate nothing at small
// sizes (tested at 3×2, 3×3, 10×3, 6×2 and 50×5 for both metrics);
// temporaries come from internal/linalg's pools. Costs are O(np²) with no
// n×n matrix; Log and Dist add O((p + r)³) per iteration, r = min(p, n − p),
// typically 5 to 10 iterations inside the radius; with the Euclidean
// metric Log runs up to three iterations (its own, a canonical one, and its
// own again from the canonical solution) because no injectivity radius
// certifies the first, and Dist twice that.
//
// # References
//
// P.-A. Absil, R. Mahony, R. Sepulchre, Optimization Algorithms on Matrix
// Manifolds, Princeton 2008. P.-A. Absil, J. Malick, Projection-like
// retractions on matrix manifolds, SIAM J. Optim. 22, 2012. A. Böttcher,
// D. Wenzel, The Frobenius norm and the commutator, Linear Algebra Appl.
// 429, 2008. N. Boumal, An Introduction to Optimization on Smooth
// Manifolds, Cambridge 2023. A. Edelman, T. A. Arias, S. T. Smith, The
// geometry of algorithms with orthogonality constraints, SIAM J. Matrix
// Anal. Appl. 20, 1998. K. Hüper, I. Markina, F. Silva Leite, A Lagrangian
// approach to extremal curves on Stiefel manifolds, J. Geom. Mech. 13,
// 2021. N. Mankovich, T. Birdal, Chordal averaging on flag manifolds and
// its applications, ICCV 2023. F. Mezzadri, How to generate random
// matrices from the classical compact groups, Notices AMS 54, 2007.
// D. Nguyen, Closed-form geodesics and optimization for Riemannian
// logarithms of Stiefel and flag manifolds, J. Optim. Theory Appl.,
// 2022. B. O'Neill, The fundamental equations of a submersion, Michigan
// Math. J. 13, 1966. T. Ogita, S. M. Rump, S. Oishi, Accurate sum and dot
// product, SIAM J. Sci. Comput. 26, 2005. H. F. Walker, P. Ni, Anderson
// acceleration for fixed-point iterations, SIAM J. Numer. Anal. 49, 2011.
// K. Ye, K. S.-W. Wong, L.-H. Lim, Optimization on flag manifolds, Math.
// Program., 2022. R. Zimmermann, A matrix-algebraic algorithm for the
// Riemannian logarithm on the Stiefel manifold under the canonical metric,
// SIAM J. Matrix Anal. Appl. 38, 2017. R. Zimmermann, K. Hüper, Computing
// the Riemannian logarithm on the Stiefel manifold: metrics, methods and
// performance, SIAM J. Matrix Anal. Appl. 43, 2022.
package flag
