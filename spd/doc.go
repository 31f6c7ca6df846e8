// Package spd implements the manifold of n×n symmetric positive definite
// (SPD) matrices with four Riemannian metrics, each a complete
// manifold.Manifold with Hessian conversion, projection, an inverse
// retraction and the injectivity radius, and parallel transport where it
// has a closed form.
//
// Points and tangent vectors are row-major n×n slices of length n², Shape
// (n, n). The tangent space at every point is the space Sym(n) of symmetric
// matrices, of dimension n(n+1)/2; Proj is the symmetric part. Methods read
// their matrix arguments in full and use their symmetric parts, and every
// matrix they write is exactly symmetric (the upper triangle is mirrored).
//
//	m := spd.New(n)                                     // affine-invariant
//	m := spd.New(n, spd.WithMetric(spd.LogEuclidean))   // or LogCholesky, BuresWasserstein
//
// # Metrics
//
// With P = LLᵀ (Cholesky), P = Z·diag(λ)·Zᵀ (eigendecomposition), ⌊·⌋ the
// strictly lower triangular part and D(·) the diagonal:
//
//	                    ⟨U, V⟩_P                 Exp_P(V)                    d(P, Q)
//	AffineInvariant     tr(P⁻¹UP⁻¹V)             L·exp(L⁻¹VL⁻ᵀ)·Lᵀ           ‖log(L⁻¹QL⁻ᵀ)‖_F
//	LogEuclidean        ⟨Dlog_P U, Dlog_P V⟩_F   exp(log P + Dlog_P V)        ‖log Q − log P‖_F
//	LogCholesky         Lin (2019), see Metric   KKᵀ, K from Lin (2019)      ‖θ(chol Q) − θ(chol P)‖
//	BuresWasserstein    ½tr(L_P[U]·V)            (I + L_P[V])P(I + L_P[V])   W₂(N(0, P), N(0, Q))
//
// where L_P[V] solves PX + XP = V and θ(L) = (⌊L⌋, log D(L)). The
// affine-invariant metric (Pennec, Fillard & Ayache 2006; Bhatia 2007,
// ch. 6) is invariant under P ↦ APAᵀ, complete, with nonpositive
// curvature; the log-Euclidean (Arsigny et al. 2007) and log-Cholesky (Lin
// 2019) metrics are flat and complete. These three are Hadamard manifolds:
// Exp_P is a diffeomorphism onto the cone, Log is defined everywhere and
// InjectivityRadius is +Inf. The Bures–Wasserstein metric (Bhatia, Jain &
// Lim 2019; Malagò, Montrucchio & Pistone 2018) has nonnegative curvature
// and geodesics that leave the open cone: InjectivityRadius(P) =
// √λ_min(P), the distance to the nearest boundary point of the domain of
// Exp_P (see SPD.InjectivityRadius), while Log (the Brenier map) is still
// defined for every pair.
//
// # Retractions and transports
//
// Retractions (WithRetraction): SecondOrder, R_P(V) = P + V + ½VP⁻¹V, the
// default for the affine-invariant metric — second order, positive
// definite for every V, and the cheapest (one Cholesky factorisation, no
// eigendecomposition); Exponential, the default and only choice for the
// other metrics, whose exponential maps are closed-form. InverseRetract
// inverts either.
//
// Transports (WithTransport): Parallel, the closed-form parallel transport
// (affine-invariant E·V·Eᵀ with E = (QP⁻¹)^{1/2}, Sra & Hosseini 2015;
// log-Euclidean through the differentials of log and exp; log-Cholesky,
// Lin 2019), the default for those metrics; Identity, V ↦ V (every tangent
// space is Sym(n)), a vector transport that is not an isometry, available
// for every metric and the default and only choice for Bures–Wasserstein,
// which has no closed-form parallel transport. For Bures–Wasserstein HasCapability(CapParallelTransport) is
// false, so manifold.AsParallelTransporter reports false although the
// method exists (it panics).
//
// Other exported functions: RetractSecondOrder, InverseRetractSecondOrder,
// RetractExp, TransportIdentity; Project (nearest SPD matrix with an
// eigenvalue floor); Shrink and ShrinkMinEig (Ledoit–Wolf-style shrinkage
// of a singular sample covariance toward a scaled identity).
//
// # Numerics
//
// Everything goes through symmetric eigendecompositions and Cholesky
// factors; no general matrix exponential or logarithm of a non-symmetric
// product is ever formed.
//
// The affine-invariant maps use the exact identities Exp_P(V) =
// L·exp(L⁻¹VL⁻ᵀ)·Lᵀ, Log_P(Q) = L·log(L⁻¹QL⁻ᵀ)·Lᵀ and d(P, Q) =
// ‖log(L⁻¹QL⁻ᵀ)‖_F (the eigenvalues of L⁻¹QL⁻ᵀ are the generalized
// eigenvalues μᵢ of (Q, P)), which need no P^{±1/2}. They are evaluated in
// increment form: L⁻¹QL⁻ᵀ = I + L⁻¹(Q − P)L⁻ᵀ with log1p of the
// eigenvalues, and P + L·expm1(W)·Lᵀ for small W, so nearby points keep
// full relative accuracy. Log and Dist estimate the relative error of each
// μᵢ (from the eigensolver and from the condition of the Cholesky factor);
// where it is too large — a wide spread of the μᵢ, or all of them far below
// or above 1, as for Q = 2⁻⁴⁰·P, where 1 + δᵢ cancels — they also decompose
// the reversed pencil (with the Cholesky factor of Q), unshifted when that
// is more accurate, and take each eigenvalue from the side that determines
// it, at the boundary that minimises the estimated error; Dist refines them
// as Rayleigh quotients computed with P and Q themselves. The parallel
// transport uses the same choice of eigenpairs: V plus a correction
// proportional to d(P, Q) when P's side with the shift suffices, and
// otherwise B·(CᵀVC)·Bᵀ from the generalized eigenvectors of both sides,
// in which nothing cancels (see transportAI).
//
// For ill-conditioned points the affine-invariant Exp, Log and Dist switch
// to double-double arithmetic (about 106 bits; internal/linalg's DD kit:
// Cholesky factorisation, congruences, a Jacobi eigensolver preconditioned
// by the float64 one, log1p, expm1, exp and log), rounded once at the end.
// The switch is decided by tr(P)·tr(P⁻¹) ≥ κ₂(P), computed from the float64
// Cholesky factor in n³/6 flops and tightened by ‖P‖_F·‖P⁻¹‖_F when
// that is ambiguous: Log and Dist switch when the bound exceeds 1e6 for P
// (or, when the reversed pencil is needed, for Q); Exp when it, times
// max(1, max|eig(L⁻¹VL⁻ᵀ)|), exceeds 1e6. Below the thresholds the float64
// path meets the contract; above them its error grows like ε·κ, which is
// the conditioning of the problem for float64 data, not of the method (see
// Extended precision).
//
// Log-Euclidean differentials use the Daleckii–Krein formula with
// cancellation-free divided differences (internal/linalg.DivDiffLog and,
// for the Hessian, the second divided differences DivDiff2Exp). The
// Bures–Wasserstein logarithm and distance solve a Sylvester equation for
// (P^{1/2}QP^{1/2})^{1/2} − P with right-hand side P^{1/2}(Q − P)P^{1/2},
// avoiding the cancellation of tr P + tr Q − 2tr(P^{1/2}QP^{1/2})^{1/2}.
// Norms and inner products scale their arguments by powers of two, so they
// overflow only when the result does.
//
// # Accuracy
//
// Contracts, each tested against an independent computation
// (run: go test ./spd -run 'Accuracy|CrossCheck|W2|LogCholeskyRef|ODE' -v):
//
//   - Affine-invariant Dist, Log and Exp: relative error ≤ 1e-10 (Dist
//     |d − d*|/d*, Log and Exp in the Frobenius norm) for P and Q with
//     condition numbers up to 1e12, distances from 1e-10 to about 30 and
//     ‖V‖_P up to 6, against a 320-bit math/big reference (Cholesky,
//     cyclic Jacobi, series exp/log) for the float64 data as given; n = 2,
//     3 and 10, and 20 for far pairs (TestAccuracyAI). Measured worst: Dist 2.2e-11, Log
//     4.7e-13, Exp 1.4e-11, all on the float64 path (κ ≤ 1e6); on the
//     double-double path (κ from 1e6 to 1e12) the results equal the
//     correctly rounded reference in every entry tested; about 1e-15 for
//     κ ≤ 100. Also for Q = 2ᵏ·Q' (every μᵢ moved far from 1, k up to ±60,
//     distances up to about 100): worst 1.3e-11 (TestAccuracyAIShifted),
//     and against the closed forms for Q = 2ᵏ·P: 3.2e-13
//     (TestAccuracyAIScaled).
//   - Affine-invariant ParallelTransport, against E·V·Eᵀ in 320-bit
//     arithmetic for unit V: error (in the norm at Q) within 10 times the
//     change of the exact transport when P and Q move by one ulp, plus
//     1e-14, for κ up to 1e12 and d(P, Q) from 1e-6 to 10 (measured worst
//     ratio 5.8); ≤ 1e-13 for κ ≤ 10 and d ≤ 3; against the closed form
//     2ᵏ·V for Q = 2ᵏ·P (k up to ±60): 7.9e-13 for κ = 1, 5.7e-13 for
//     κ = 1e4, 4.8e-9 for κ = 1e8 (the float64 path's ε·κ; there is no
//     double-double transport) (TestParallelTransportAccuracyAI). The
//     ulp sensitivity itself reaches 1e-8 at κ = 1e8 and 3e-4 at κ = 1e12
//     for d = 3: for such data no float64 method can do better.
//   - Affine-invariant Exp and ParallelTransport agree with an RK4
//     integration of P” = P'P⁻¹P' and of W' = sym(γ'γ⁻¹W) to 2.6e-15 and
//     4.3e-15 (TestAffineInvariantODE).
//   - Log-Euclidean Dist equals ‖log P − log Q‖_F with logarithms from
//     gonum's mat.EigenSym to 1e-15; Log, Exp and ParallelTransport match
//     Fréchet derivatives of exp from gonum's Padé exponential of a 2n×2n
//     block matrix to 2.6e-14, 1.8e-14 and 3.3e-13 (κ ≤ 1e4,
//     TestLogEuclideanCrossCheck).
//   - Log-Cholesky Dist and Exp agree with Lin's formulas in 320-bit
//     arithmetic to 1.5e-15 and 1.7e-15 for κ ≤ 1e6
//     (TestLogCholeskyReference).
//   - Bures–Wasserstein Dist equals the 2-Wasserstein distance between
//     N(0, P) and N(0, Q), evaluated by the trace formula in 320-bit
//     arithmetic, to 4.4e-12 for κ ≤ 1e4 and 3e-10 for κ = 1e6, for far
//     pairs and for pairs 1e-6 apart (TestBuresWassersteinW2); Exp agrees
//     with an RK4 integration of the geodesic equation P” = 2·X·P·X,
//     X = L_P[P'], to 4.4e-14 (TestBuresWassersteinODE).
//
// # Extended precision
//
// Beyond condition number 1e6 a float64 computation of the affine-invariant
// maps cannot meet 1e-10: the Cholesky factor of P is exact only for P + E
// with ‖L⁻¹EL⁻ᵀ‖ of order ε·κ(P), and moving every entry of P and Q by one
// ulp moves the exact distance by about 6e-7 at κ = 1e12. The float64 path
// alone (measured with the switch disabled, TestAccuracyAIBeyond, n = 3 and
// 10) has errors growing about in proportion to κ: at κ = 1e8 Dist 2.7e-11,
// Log 3.2e-11, Exp 4.3e-9; at 1e10 Dist 7.2e-9, Log 2.6e-9, Exp 9e-8; at
// 1e12 Dist 4.2e-7, Log 9.8e-7, Exp 1.2e-4. The double-double path shrinks
// every one of these terms by 2⁻⁵³; its results agree with the correctly
// rounded 320-bit reference to within an ulp, mostly bit for bit, from κ =
// 1e6 up to κ = 3e16 (worst 1.5e-16), where float64 matrices U·diag(λ)·Uᵀ
// with λ_min = 1 are positive definite only for some draws; at κ = 1e17 they
// never are, their Cholesky factorisation fails and, as for any matrix
// outside the domain, the methods return NaN and CheckPoint rejects them.
// The contract is asserted up to κ = 1e12 and measured beyond; it is tested
// for n ≤ 20 (n = 40 was measured once, with the same results). For larger n
// the same switch applies and the error bounds of the double-double kernels
// grow only linearly in n, so it should carry over, but that is not tested;
// the cost grows as O(n³) with a larger constant (see Cost). Exp overflows,
// as math.Exp does, when an eigenvalue of L⁻¹VL⁻ᵀ (or its analogue for the
// other metrics) exceeds about 700, which is why the conformance suite's
// EdgeCases/HugeExp check is skipped.
//
// # Special cases
//
// For every metric: Exp(P, 0) = P and Retract(P, 0) = P exactly; Log(P, P)
// = 0 and Dist(P, P) = 0 exactly; Transport(P, P, V) = sym(V) exactly;
// Norm(P, 0) = Inner(P, 0, V) = 0 exactly; a NaN input gives a NaN output
// (Log returns an error instead when it cannot tell); a point that is not
// positive definite gives NaN, and Log returns an error wrapping
// ErrNotPositiveDefinite.
//
// # Cost
//
// Every method is O(n³) except Proj and TransportIdentity (O(n²)).
// Temporaries come from size-class pools: after warm-up every method
// allocates nothing (asserted at n = 3 and 10, and measured as 0 allocs/op
// by the benchmarks at n = 100). On the 2-core AMD EPYC test machine, at
// n = 10 affine-invariant Exp takes about 10 µs, Log 9 µs, Dist 6 µs and
// the second-order retraction 1.5 µs; at n = 100 they take about 2.6 ms,
// 2.6 ms, 0.9 ms and 0.4 ms, and log-Cholesky Log and Dist 0.26 ms and
// 0.15 ms. The log-Euclidean EHessToRHess sums O(n³) second divided
// differences (about 20 ms at n = 100). The condition bound that decides
// on the extended path costs about 4% of a well-conditioned
// affine-invariant Dist (n³/6 flops). On the double-double path (points
// with κ = 1e12, BenchmarkSPDIllConditioned) Exp, Log and Dist take about
// 4, 7 and 6 µs at n = 3, 44, 80 and 59 µs at n = 10, and 25, 59 and 45 ms
// at n = 100: 1.6–2.9, 2.4–4.4 and 9–16 times the float64 path on the same
// inputs, and 2.5–6, 4–9 and 7–40 times the float64 path on
// well-conditioned inputs of the same size; they still allocate nothing
// after warm-up (asserted at n = 3 and 10). Benchmarks:
// go test -run '^$' -bench . ./spd.
//
// # References
//
// X. Pennec, P. Fillard & N. Ayache, "A Riemannian framework for tensor
// computing", Int. J. Comput. Vision 66, 2006. R. Bhatia, Positive
// Definite Matrices, Princeton 2007. V. Arsigny, P. Fillard, X. Pennec &
// N. Ayache, "Geometric means in a novel vector space structure on
// symmetric positive-definite matrices", SIAM J. Matrix Anal. Appl. 29,
// 2007. Z. Lin, "Riemannian geometry of symmetric positive definite
// matrices via Cholesky decomposition", SIAM J. Matrix Anal. Appl. 40,
// 2019. R. Bhatia, T. Jain & Y. Lim, "On the Bures–Wasserstein distance
// between positive definite matrices", Expo. Math. 37, 2019. L. Malagò,
// L. Montrucchio & G. Pistone, "Wasserstein Riemannian geometry of
// Gaussian densities", Inf. Geom. 1, 2018. S. Sra & R. Hosseini, "Conic
// geometric optimization on the manifold of positive definite matrices",
// SIAM J. Optim. 25, 2015. N. Boumal, An Introduction to Optimization on
// Smooth Manifolds, Cambridge 2023. N. J. Higham, Functions of Matrices,
// SIAM 2008. E. Massart & P.-A. Absil, "Quotient geometry with simple
// geodesics for the manifold of fixed-rank positive-semidefinite
// matrices", SIAM J. Matrix Anal. Appl. 41, 2020.
package spd
