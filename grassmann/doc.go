// Package grassmann implements the Grassmann manifold Gr(n, p) of
// p-dimensional linear subspaces of Rⁿ with its canonical metric, with every
// method of manifold.Manifold and every optional capability: inverse
// retraction, closed-form parallel transport, Hessian conversion,
// projection of ambient matrices and the injectivity radius π/2. It also
// exports the principal angles between subspaces, the chordal (projection)
// distance and a subspace-equality test.
//
// # Representation
//
// A point is an n×p matrix Y with orthonormal columns (YᵀY = I), stored
// row-major in a slice of length n·p (Shape (n, p)), that spans the subspace;
// every YO with O orthogonal represents the same point, so compare points
// with Dist, ChordalDist or SameSubspace, never entry by entry. A tangent
// vector at Y is its horizontal lift Δ, the n×p matrix with YᵀΔ = 0, and the
// metric is ⟨Δ₁, Δ₂⟩ = tr(Δ₁ᵀΔ₂) (Edelman, Arias & Smith 1998; Absil,
// Mahony & Sepulchre 2004). A lift depends on the representative: the lift
// of the same tangent vector at YO is ΔO. Every method documents which
// representative it returns; in short, Exp and the retractions return the
// representative reached from the given one (the horizontal geodesic, the
// polar factor of Y + Δ, or qf(Y + Δ)), and Log, the inverse retractions and
// the transports return lifts at the representatives they are given.
// Gr(n, n) is allowed and is a single point; Dim = p(n − p).
//
// Retractions (WithRetraction): Polar, (Y + Δ)(I + ΔᵀΔ)^{-1/2}, the default;
// QR, qf(Y + Δ); Exponential. Polar and QR span the same subspace, so both
// are second-order retractions of Gr(n, p); only the representative differs.
// Their inverse is Δ = (I − XXᵀ)Y(XᵀY)⁻¹ for both. Transports
// (WithTransport): Projection, (I − YYᵀ)Δ, the default; Parallel, the
// closed-form parallel transport along the minimising geodesic.
//
// # Numerics
//
// Principal angles are taken as θ = atan2(sin θ, cos θ) from both their
// cosines (singular values of XᵀY) and their sines (singular values of
// (I − XXᵀ)Y) (Björck & Golub 1973; Knyazev & Argentati 2002), so that
// neither small angles (where cos θ rounds to 1) nor angles near π/2 (where
// sin θ rounds to 1) lose digits. The residual (I − XXᵀ)Y is formed without
// n×n matrices and, for nearby subspaces, in doubled precision
// (internal/linalg.ResidualDot2) followed by a second projection, so that it
// is accurate relative to its own size rather than to 1: this is what makes
// distances of 1e-10 accurate to ε rather than to ε/1e-10. Dist, Log,
// ParallelTransport and the inverse retractions all rest on it.
//
// Log follows the SVD-and-Procrustes algorithm of Bendokat, Zimmermann &
// Absil (2024), with atan2 of sines and cosines paired in the same basis
// instead of arcsin, and without any matrix inverse; Exp is the formula of
// Edelman, Arias & Smith (1998, Thm 2.3) evaluated as a correction to Y and
// re-orthonormalised by one Newton–Schulz step (Higham 2008, §8.3), which
// does not change the subspace.
//
// The cut locus of span(X) is the set of subspaces with a principal angle of
// π/2 (injectivity radius π/2). Log and the inverse retractions report it,
// with an error wrapping manifold.ErrCutLocus, when σ_min(XᵀY) ≤
// CutLocusTolerance = 2⁻⁴⁷ ≈ 7.1e-15, the point below which the float64 data
// do not determine on which side of π/2 the largest angle lies.
//
// # Accuracy contracts
//
// Each contract is checked by a test against an independent computation and
// the measured worst errors are quoted (go test ./grassmann/ -run
// 'Accuracy|RoundTrip|ODE|Orthonormality|Retractions|InverseRetract' -v
// | grep worst). The high-precision references (bigref_test.go) orthonormalise
// the float64 bases as given by Gram–Schmidt in 300-bit math/big arithmetic
// and obtain cos²θ and sin²θ as the eigenvalues of MᵀM and of
// Yᵀ(I − UUᵀ)Y, formed in big, by a cyclic Jacobi iteration, and the
// logarithm by the classical inverse-based formula in big; test bases with
// prescribed angles are U = Q[I; 0]R₁, Y = Q[diag cos θ; diag sin θ; 0]R₂
// with random orthogonal Q, R₁, R₂. Shapes 3×1, 3×2, 4×2, 10×3 and 50×5
// over the whole range, and 400×8 at three angles.
//
//   - Dist: relative error ≤ 1e-12 for a largest principal angle in
//     [1e-10, π/2 − 1e-8] (measured worst 1.6e-15). ChordalDist: the same
//     (measured worst 6.6e-16).
//   - PrincipalAngles: every angle within 1e-12·θ_max of the reference
//     (measured worst 8.0e-15·θ_max); the largest is therefore relatively
//     accurate, a much smaller one next to it accurate absolutely.
//   - Log: ‖Log − L‖ ≤ 1e-12·‖L‖ against the reference L over the same
//     range when the two largest angles satisfy θ_p + θ_{p−1} ≤ π − 1e-3
//     (measured worst 2.5e-14), and ≤ (1e-14 + 4ε/g)·‖L‖ with
//     g = π − θ_p − θ_{p−1} everywhere (measured worst 0.77 of that bound):
//     two angles near π/2 put span(Y) near the conjugate locus, where the
//     logarithm's condition number is about 1/g.
//   - Exp/Log round trip: ‖Log_Y(Exp_Y Δ) − Δ‖ ≤ 1e-12·‖Δ‖ + 1e-15·√p for
//     ‖Δ‖ ≤ 0.99·π/2, i.e. relative 1e-12 down to ‖Δ‖ ≈ 1e-3·√p (measured
//     worst 2.0e-13 relative there, 3.7e-16·√p absolute below, up to
//     Gr(300, 30)); the absolute floor is the rounding of the point Exp_Y Δ
//     to float64, which moves its span by O(ε·√p).
//   - Exp agrees with an RK4 integration of Ÿ + Y(ẎᵀẎ) = 0 to 1e-12
//     (measured 6.4e-15) and ParallelTransport with one of
//     Δ̇ + Y(ẎᵀΔ) = 0 to 1e-12 relative (measured 6.5e-15), also at a
//     rotated target representative. Exp keeps ‖ZᵀZ − I‖_F ≤ 8ε·√p for ‖Δ‖
//     from 1e-300 to 1e300, random or rank-one (measured 1.5e-15 at p = 10),
//     and along 10⁴ chained steps.
//   - RetractPolar agrees with the SVD polar factor of Y + Δ and RetractQR
//     with Gram–Schmidt to 1e-13·max(1, ‖Δ‖) (measured 7.3e-15 and
//     2.0e-15); the two span the same subspace to 1.7e-15; and
//     InverseRetractPolar has norm ‖tan θ‖₂ to a relative 3e-15/cos θ_max.
//
// Special cases (see each method): Dist, Log, ChordalDist, PrincipalAngles
// and the inverse retractions of two slices holding equal values are exactly
// 0, and ParallelTransport(X, X, Δ) = Δ; Exp(Y, 0) and every Retract(Y, 0)
// are exactly Y; at the cut locus Log and the inverse retractions return an
// error (never NaN) and ParallelTransport falls back to the projection; NaN
// input gives NaN output.
//
// Performance: the hot methods (Inner, Norm, Proj, EGradToRGrad, Exp, Log,
// Dist, Retract, Transport and the rest) allocate nothing at small sizes;
// temporaries come from the pools of internal/linalg. Costs are O(np²) with
// no n×n matrix anywhere: one or two thin SVDs of n×p matrices for Exp, Log,
// Dist and ParallelTransport, a p×p eigendecomposition for RetractPolar
// (‖Δ‖ ≤ 1), a Householder QR for RetractQR.
//
// References: A. Edelman, T. A. Arias, S. T. Smith, The geometry of
// algorithms with orthogonality constraints, SIAM J. Matrix Anal. Appl. 20,
// 1998; P.-A. Absil, R. Mahony, R. Sepulchre, Riemannian geometry of
// Grassmann manifolds with a view on algorithmic computation, Acta Appl.
// Math. 80, 2004, and Optimization Algorithms on Matrix Manifolds, Princeton
// 2008; T. Bendokat, R. Zimmermann, P.-A. Absil, A Grassmann manifold
// handbook: basic geometry and computational aspects, Adv. Comput. Math. 50,
// 2024; Å. Björck, G. H. Golub, Numerical methods for computing angles
// between linear subspaces, Math. Comp. 27, 1973; A. V. Knyazev,
// M. E. Argentati, Principal angles between subspaces in an A-based scalar
// product, SIAM J. Sci. Comput. 23, 2002; T. Ogita, S. M. Rump, S. Oishi,
// Accurate sum and dot product, SIAM J. Sci. Comput. 26, 2005; N. J. Higham,
// Functions of Matrices, SIAM 2008; N. Boumal, An Introduction to
// Optimization on Smooth Manifolds, Cambridge 2023.
package grassmann
