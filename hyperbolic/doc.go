// Package hyperbolic implements hyperbolic space Hⁿ of constant curvature −c
// (c > 0, default 1) in three models, each a complete manifold.Manifold with
// every optional capability (inverse retraction, closed-form parallel
// transport, Hessian conversion, projection onto the model, injectivity
// radius +Inf):
//
//   - Lorentz (NewLorentz, the default model): the upper sheet of the
//     hyperboloid ⟨x, x⟩_L = −1/c in Rⁿ⁺¹, ⟨a, b⟩_L = −a₀b₀ + Σ aᵢbᵢ, with the
//     time coordinate x₀ first; points have length n+1, Shape (n+1, 1).
//   - PoincareBall (NewPoincareBall): the open ball of radius 1/√c in Rⁿ
//     with the metric (2/(1 − c‖x‖²))²·I; points have length n.
//   - HalfSpace (NewHalfSpace): the upper half-space {x_n > 0} of Rⁿ with
//     the metric I/(c·x_n²); the height is the last coordinate x[n−1].
//
// The curvature is set with WithCurvature(c), the retraction with
// WithRetraction (Exponential, the default, or the first-order Projective
// one, each with its inverse) and the vector transport with WithTransport
// (Parallel, the default, or Projection). Exact conversions between the
// models (LorentzToBall, BallToLorentz, BallToHalfSpace, HalfSpaceToBall,
// LorentzToHalfSpace, HalfSpaceToLorentz) map the origins (1/√c, 0, …, 0),
// 0 and (0, …, 0, 1/√c) to each other. The gyrovector operations of the
// ball used by hyperbolic neural networks (Ungar 2008; Ganea, Bécigneul &
// Hofmann 2018) are exported functions: MobiusAdd, MobiusScalarMul,
// MobiusMatVec, Gyration and the weighted GyroMidpoint.
//
// # Numerics
//
// Every distance is evaluated as (2/√c)·asinh(S) with S = sinh(√c·d/2) a
// quotient of norms formed without cancellation, never as acosh(1 + ·),
// which loses all digits of small distances, nor as atanh near 1:
//
//   - Lorentz: S = (√c/2)‖x − y‖_L, with the Minkowski norm of the difference
//     obtained from Q = ‖x − y‖²_L = 2(‖a − b‖²/c + ‖a ∧ b‖²)/(αβ + a·b + 1/c)
//     (a, b the spatial parts, α, β the time coordinates), whose numerator
//     is a sum of squares, ‖a ∧ b‖ computed from the part of the difference
//     orthogonal to the shorter of a and b, and whose denominator is
//     rewritten as a sum of positive terms when a·b < 0. Points as far as
//     x₀ ≈ 1e308 are handled by power-of-two scaling and an
//     extended-exponent arithmetic, without overflow.
//   - Ball: S = √c‖x − y‖/√((1 − c‖x‖²)(1 − c‖y‖²)), with the gap
//     1 − c‖x‖² formed in doubled precision (a fused multiply-add
//     compensated sum of squares) near the boundary, so it is accurate
//     relative to itself for every float64 point inside the ball.
//   - Half-space: S = ‖x − y‖/(2√(x_n)√(y_n)).
//
// Logarithms and parallel transports reuse these quantities and are formed
// from differences of nearby points (Log(x, x) = 0 and Dist(x, x) = 0
// exactly; ParallelTransport(x, x, v) = v exactly). Möbius addition is
// evaluated as (c‖s‖²x + δ_x s)/(c‖s‖² + δ_xδ_y), s = x + y, δ = 1 − c‖·‖²,
// a form in which nothing cancels near the boundary.
//
// In the Lorentz model the spatial part x_{1:} is the coordinate of record:
// the time coordinate of a point is implied by it, x₀ = √(1/c + ‖x_{1:}‖²),
// and that of a tangent vector by v₀ = ⟨x_{1:}, v_{1:}⟩/x₀. Dist, Log, Inner,
// Norm and Exp read only the spatial parts (the time coordinates are checked
// for NaN), and Exp, the retractions, Project and the conversions recompute
// x₀. This is what makes the model usable far from the origin: there the
// rounded x₀ carries no information that ‖x_{1:}‖ does not, while the
// Minkowski form ⟨x, x⟩_L of a rounded point is dominated by rounding, and
// the Minkowski form of a tangent vector is a difference of terms c·x₀²
// times larger than the result. Inner and Norm use the metric in the
// spatial chart, split into its radial and orthogonal parts, which loses a
// factor √c·x₀ instead of c·x₀².
//
// # Float64 ranges
//
// The three models represent different parts of Hⁿ in float64:
//
//   - Ball: a float64 point must be strictly inside the ball. Along a
//     coordinate axis the last one, 1 − 2⁻⁵³ (c = 1), is at distance
//     2·atanh(1 − 2⁻⁵³) ≈ 37.43 from the origin; along random directions
//     the last float64 points inside are between 36.2/√c and 41.1/√c from it
//     (measured for c = 0.5, 1, 3 and n = 2, 10, 100 by TestBallRange).
//     Points farther out round onto or outside the boundary, and CheckPoint
//     rejects them (c‖x‖² ≥ 1, decided in doubled precision, agreeing with
//     an exact decision in every measured case). Inside, Dist is accurate
//     to 1e-12 however close to the boundary.
//   - Lorentz: coordinates up to about 1e308, that is up to about
//     acosh(√c·1.8e308)/√c ≈ 710/√c from the origin (cosh overflows at
//     710.48). Exp and the retractions stop at ‖x_{1:}‖ = LorentzMaxNorm =
//     2¹⁰²⁰, 707.70 from the origin for c = 1. But a point r from the
//     origin is located across the radial direction only to about
//     ε·sinh(√c·r)/√c by its coordinates (ε = 2⁻⁵³): about 1e-12 at r = 10,
//     about 1 at r = 37, the same limit as the ball's.
//   - Half-space: any finite point with positive height, so heights from
//     the smallest to the largest float64 (points about 1400/√c apart).
//     Points at the same horizontal position are resolved at any height;
//     in general a point is located to about ε·‖x‖/x_n·(1/√c).
//
// # Saturation
//
// Exp of a tangent vector so long that the result is not representable
// saturates instead of overflowing or returning NaN: it returns the last
// point of the same geodesic inside the model's representable region, a
// finite, valid point. The regions are ‖x_{1:}‖ ≤ LorentzMaxNorm for the
// Lorentz model (solved in closed form: the geodesic is
// (eᵗ/2)(x + u) + (e⁻ᵗ/2)(x − u) for the unit tangent u), a gap
// 1 − c‖x‖² ≥ BallMinGap = 2⁻⁵⁰ for the ball (36.04/√c from the origin;
// solved in closed form on the Lorentz time coordinate of the geodesic),
// and height ≥ min(HalfSpaceMinHeight, x_n), ‖x‖ ≤ max(HalfSpaceMaxNorm,
// ‖x‖) for the half-space (a convex region, searched by bisection). This
// holds for any finite v, including vectors whose norm overflows float64.
// Project and the Möbius operations clamp to the same limits, and
// Lorentz.Log returns an error wrapping ErrOverflow in the one case where a
// tangent vector exists but its coordinates overflow (points near
// LorentzMaxNorm).
//
// # Accuracy contracts
//
// Each contract is tested against an independent computation: 2400-bit
// math/big references from the float64 inputs as given by formulas other
// than the ones under test (bigref_test.go explains them), RK4 integrations
// of the geodesic and parallel-transport equations, and published
// identities. The measured worst errors over c = 0.5, 1, 3 and n = 2, 10,
// 100 are quoted; they are printed by
//
//	go test ./hyperbolic/ -run 'Accuracy|Range|ODE|Convert|Mobius|Gyro|Saturation|FarFromOrigin' -v | grep -E 'worst|last float64|saturates'
//
// Lorentz:
//
//   - Dist: relative error ≤ 1e-12 for distances from 1e-12 to 700 from
//     base points within 5/√c of the origin (measured worst 1.3e-15); for a
//     nearer point r from the origin the error stays within the conditioning
//     bound ε·sinh(√c·r)/(√c·d) (measured 8.5e-14 at r = 10, 1.2e-9 at
//     r = 20, 4.2e-5 at r = 30, d ≥ 1e-12).
//   - Log: within 1e-12 of the reference in every coordinate, relative to
//     the largest, same range (measured worst 2.3e-13).
//   - Exp: the exact distance of the float64 result from x is ‖v‖ to
//     1e-12 beyond the rounding of the result's coordinates, for ‖v‖ from
//     1e-12 to 700 from base points within 3/√c of the origin (measured
//     worst 2.0e-15); it agrees with an RK4 integration of
//     γ” = c⟨γ', γ'⟩_L·γ to 1e-12 (measured 1.2e-13, the integrator's
//     error).
//   - ParallelTransport: agrees with an RK4 integration of
//     V' = c⟨γ', V⟩_L·γ to 1e-11 (measured 3.6e-13).
//
// Ball:
//
//   - Dist: relative error ≤ 1e-12 for every pair of float64 points inside
//     the ball, distances 1e-12 to 72/√c, gaps down to 1e-15 (measured
//     worst 7.1e-16; 3.8e-16 at the edge of the float64 range).
//   - Log: within 1e-12 of the reference in every coordinate (measured
//     worst 1.4e-15).
//   - Exp and ParallelTransport: agree with RK4 integrations of the
//     conformal geodesic and transport equations to 1e-12 and 1e-11
//     (measured 2.8e-15 and 9.3e-15).
//
// Half-space:
//
//   - Dist: relative error ≤ 1e-12 for distances 1e-12 to 1350/√c, heights
//     from 1e-100 to 1e100 (measured worst 6.5e-16).
//   - Log: within 1e-12 of the reference (measured worst 1.2e-15).
//   - Exp: exact distance of the result ‖v‖ to 1e-12 (measured 5.6e-16 for
//     ‖v‖ ≥ 1/√c); Exp and ParallelTransport agree with RK4 integrations to
//     1e-12 and 1e-11 (measured 7.5e-15 and 4.6e-15).
//
// Conversions and Möbius operations:
//
//   - Round trips between the models and the two routes Lorentz → ball →
//     half-space and Lorentz → half-space agree to 1.6e-15 relative; the
//     ball and half-space distances of converted pairs agree with the
//     Lorentz distance of the originals to 1e-12 plus the displacement the
//     rounding of the converted coordinates causes.
//   - Left cancellation, gyroassociativity, gyrocommutativity, the
//     gyration's definition and orthogonality, the scalar laws
//     r ⊗ (s ⊗ x) = (rs) ⊗ x and (r + s) ⊗ x = (r ⊗ x) ⊕ (s ⊗ x),
//     M ⊗ x = Exp_0(M·Log_0 x) and (MN) ⊗ x = M ⊗ (N ⊗ x) hold to 1.5e-14
//     of the radius for points up to 4/√c from the origin; MobiusAdd
//     agrees with a 2400-bit evaluation of the textbook formula to 1.9e-16
//     of the radius for points with gaps down to 1e-15, where the textbook
//     formula in float64 loses every digit; the gyromidpoint of two points
//     is the geodesic midpoint to 1e-12.
//
// References: J. G. Ratcliffe, Foundations of Hyperbolic Manifolds, 3rd ed.,
// Springer 2019; J. W. Cannon, W. J. Floyd, R. Kenyon, W. R. Parry,
// Hyperbolic geometry, in Flavors of Geometry, MSRI Publ. 31, 1997;
// M. Nickel, D. Kiela, Poincaré embeddings for learning hierarchical
// representations, NeurIPS 2017; M. Nickel, D. Kiela, Learning continuous
// hierarchies in the Lorentz model of hyperbolic geometry, ICML 2018;
// O. Ganea, G. Bécigneul, T. Hofmann, Hyperbolic neural networks, NeurIPS
// 2018; A. A. Ungar, A Gyrovector Space Approach to Hyperbolic Geometry,
// Morgan & Claypool 2008; G. Bachmann, G. Bécigneul, O. Ganea, Constant
// curvature graph convolutional networks, ICML 2020; N. Boumal, An
// Introduction to Optimization on Smooth Manifolds, Cambridge 2023;
// B. O'Neill, Semi-Riemannian Geometry, Academic Press 1983; T. Ogita,
// S. M. Rump, S. Oishi, Accurate sum and dot product, SIAM J. Sci. Comput.
// 26, 2005.
package hyperbolic
