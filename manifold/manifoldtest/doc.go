// Package manifoldtest is the conformance suite for implementations of
// manifold.Manifold. Every manifold package in geodesic runs it, and a
// third-party manifold can run it the same way:
//
//	func TestConformance(t *testing.T) {
//		for _, n := range []int{2, 10, 500} {
//			t.Run(fmt.Sprint(n), func(t *testing.T) {
//				manifoldtest.Run(t, mypkg.New(n), manifoldtest.Config{
//					RetractionOrder: manifoldtest.SecondOrder,
//				})
//			})
//		}
//	}
//
// Run draws seeded random points and tangent vectors (Config.Seed,
// Config.Trials) and runs the checks below, each as a subtest named after
// it when given a *testing.T. A failure message starts with the manifold's
// name and the check's name and states the measured value and the tolerance
// it exceeded, e.g.
//
//	*sphere.Sphere S^2: LogExp: trial 1: ‖Log_p(Exp_p v) − v‖_p = 1.25 > tol 6.26e-11 for ‖v‖ = 0.626
//
// Checks print at most five failures each. Checks that do not apply (a
// missing capability, a disabled option) are reported as skipped.
//
// # Notation and tolerances
//
// p, q are points from RandomPoint; u, v, w tangent vectors from
// RandomTangent rescaled to a given Riemannian norm ‖v‖_p = √Inner(p, v, v);
// x is an ambient vector of independent Gaussians; ‖·‖_F is the ambient
// (Frobenius) norm. Points are compared with Config.PointDist (by default
// ‖p − q‖_F); tangent vectors at p with ‖a − b‖_p. Tol is Config.Tol
// (default 1e-10) and every identity is checked as |got − want| ≤ Tol·scale,
// with the scale given below: the size of the quantities compared, so that
// Tol is a relative error. Identities at the tiny scale ‖v‖ = 1e-6 use √Tol
// instead, because the points themselves are only known to a relative
// accuracy of about ε/1e-6 at that distance. Points are compared at the
// scale max(1, ‖q‖_F). Log-log slopes must be ≥ k − SlopeTol (default 0.3)
// for a remainder that must be O(t^k); see TaylorSlope for how they are fitted
// (over t = 1e-1 … 1e-4, ignoring values below a rounding floor of
// 1000·ε times the size of the quantities differenced). MaxDist is
// Config.MaxDist, by default 0.9 × InjectivityRadius(p) if the manifold
// knows a finite one and 1 otherwise.
//
// # Checks
//
// Shape: r, c > 0 and 0 < Dim ≤ r·c.
//
// LengthPanics: every method (with every capability in use), called with
// one slice argument of length r·c − 1 or r·c + 1 and the others valid,
// panics with a manifold.Error.
//
// RandomPoint: RandomPoint passes CheckPoint; it depends only on the state
// of its generator (two identically seeded generators give the same bits)
// and two generators give different points.
//
// RandomTangent: RandomTangent passes CheckTangent and has norm > 0; it
// depends only on p and the state of its generator.
//
// Metric: |⟨u,v⟩ − ⟨v,u⟩| ≤ Tol·‖u‖‖v‖; ⟨v,v⟩ > 0; |Norm(v)² − ⟨v,v⟩| ≤
// Tol·⟨v,v⟩; linearity |⟨au+bw, v⟩ − a⟨u,v⟩ − b⟨w,v⟩| ≤ Tol·(|a|‖u‖ +
// |b|‖w‖)‖v‖; homogeneity |Norm(av) − |a|Norm(v)| ≤ Tol·|a|Norm(v).
//
// Proj: Proj(p, x) passes CheckTangent; it is idempotent, ‖Proj(Proj x) −
// Proj x‖_p ≤ Tol·‖Proj x‖_p; and it fixes tangent vectors, ‖Proj(p, v) −
// v‖_p ≤ Tol·‖v‖_p.
//
// ExpZero, RetractZero: Exp(p, 0) and Retract(p, 0) equal p bitwise (dst
// is filled with NaN first, so a method that does not write fails).
//
// ExpOnManifold, RetractOnManifold: Exp(p, v) and Retract(p, v) are finite
// and pass CheckPoint for ‖v‖_p = 1e-6, 1e-2, 1 and 10.
//
// RetractionOrder: with ‖v‖_p = 1 and e(t) = PointDist(R_p(tv), Exp_p(tv)),
// the slope of log e against log t is ≥ order + 1 − SlopeTol, order being
// Config.RetractionOrder (the zero value asks for first order, which every
// retraction has). An e(t) at rounding level everywhere passes. Like every
// slope test of the suite it tries the directions v, −v and a fresh random
// one, and fails only if all three do: a correct method can fail in one
// direction when the leading coefficient of its remainder happens to be so
// small that the next term cancels it inside the fitted range (reversing v
// flips the sign of that next term), while a wrong one fails in every
// direction. For
// ExpRetraction, e(t) ≤ Tol·max(1, ‖Exp_p(tv)‖_F) at t = 1e-3, 1e-1,
// MaxDist/2 and MaxDist.
//
// LogExp: for ‖v‖_p ≤ MaxDist (one trial at exactly MaxDist, the others
// uniform in [0.05, 1]·MaxDist, plus ‖v‖ = 1e-6), Log(p, Exp(p, v)) returns
// nil, passes CheckTangent and ‖Log_p(Exp_p v) − v‖_p ≤ Tol·‖v‖_p.
//
// ExpLog: for q within MaxDist of p (a random point if it is close enough,
// else Exp_p(v)), Log(p, q) returns nil and PointDist(Exp_p(Log_p q), q) ≤
// Tol·max(1, ‖q‖_F).
//
// LogSelf: Log(p, p) returns nil and writes exact zeros, with q the same
// slice as p and with a copy of it.
//
// DistSelf: Dist(p, p) == 0 exactly, likewise.
//
// DistLog: for q = Exp_p(v), ‖v‖_p sampled as in LogExp, |Dist(p, q) −
// ‖v‖_p| ≤ Tol·‖v‖_p and |Dist(p, q) − ‖Log_p q‖_p| ≤ Tol·Dist(p, q).
//
// DistSymmetry: Dist(p, q) is finite and ≥ 0 and |Dist(p, q) − Dist(q, p)|
// ≤ Tol·max of the two, for random pairs and pairs 1e-6 apart.
//
// TriangleInequality: Dist(p, r) ≤ Dist(p, q) + Dist(q, r) + Tol·(sum of
// the three), for random triples and for the equality case q = Exp_p(v),
// r = Exp_p(2v).
//
// Transport: for q = Exp_p(w), ‖w‖_p ≤ min(1, MaxDist): Transport(p, q, u)
// passes CheckTangent at q; Transport(p, p, u) = u within Tol·‖u‖_p; it is
// linear, ‖T(au + bv) − aTu − bTv‖_q ≤ Tol·(|a|‖Tu‖_q + |b|‖Tv‖_q); and, if
// Config.TransportIsometric, |⟨Tu, Tv⟩_q − ⟨u, v⟩_p| ≤ Tol·‖u‖_p‖v‖_p and
// |‖Tu‖_q − ‖u‖_p| ≤ Tol·‖u‖_p.
//
// EGradToRGrad: for the ambient quadratic f(x) = ½xᵀAx + bᵀx on R^(r·c)
// (A = diag(d) + a random rank-3 symmetric term, d in [0.5, 1.5], so that
// f costs O(r·c) at any size) with egrad = Ax + b and grad =
// EGradToRGrad(p, egrad): grad passes CheckTangent; |⟨grad, v⟩_p −
// egradᵀv| ≤ Tol·‖egrad‖_F‖v‖_F, the directional derivative along a
// tangent v; and f(R_p(tv)) − f(p) − t⟨grad, v⟩_p has slope ≥ 2 − SlopeTol
// (GradientSlope).
//
// EHessToRHess (capability): with H[v] = EHessToRHess(p, egrad, Av, v):
// H[v] passes CheckTangent; |⟨H[u], v⟩_p − ⟨u, H[v]⟩_p| ≤ Tol·(‖H[u]‖_p +
// ‖H[v]‖_p); and f(Exp_p(tv)) − f(p) − t·egradᵀv − t²/2·⟨H[v], v⟩_p has
// slope ≥ 3 − SlopeTol (HessianSlope), also along Retract when
// Config.RetractionOrder is SecondOrder or ExpRetraction.
//
// InverseRetract (capability): InverseRetract(p, p) is within Tol of 0, and
// for ‖v‖_p = 1e-3, 0.1, 0.5 (times min(1, MaxDist))
// InverseRetract(p, Retract(p, v)) returns nil, passes CheckTangent and is v
// within Tol·‖v‖_p.
//
// ParallelTransport (capability): everything Transport checks, the isometry
// included, and (unless MaxDist < 0) the geodesic's own velocity is
// parallel, ‖P_{p→q}(Log_p q) + Log_q p‖_q ≤ Tol·‖Log_p q‖_p, and
// transporting back along the same geodesic is the identity,
// ‖P_{q→p}(P_{p→q} u) − u‖_p ≤ Tol·‖u‖_p.
//
// Project (capability): PointDist(Project(p), p) ≤ Tol·max(1, ‖p‖_F) for p
// on the manifold; for x = p + a Gaussian perturbation of size
// 0.1·max(1, ‖p‖_F), Project(x) passes CheckPoint and Project is idempotent
// on it.
//
// InjectivityRadius (capability): InjectivityRadius(p) > 0 (+Inf allowed).
//
// Aliasing: every method that writes into dst (Proj, EGradToRGrad, Exp,
// Log, Retract, Transport, RandomTangent and the capabilities'), called with
// dst equal to each of its slice inputs in turn, gives the same bits, and
// the same error or absence of error, as with a separate dst.
//
// AllocFree: when r·c ≤ Config.AllocFreeMaxSize (default 1024), Inner,
// Norm, Proj, Exp, Log, Dist, Retract, Transport and EGradToRGrad allocate
// nothing per call (testing.AllocsPerRun after a warm-up). It does not run
// under the race detector, and it can be disturbed by tests running in
// parallel with it.
//
// EdgeCases: sub-checks for inputs at the edge of the floating-point range,
// none of which may produce a NaN or ±Inf:
//
//   - ZeroTangent: Norm(p, 0) = Inner(p, 0, 0) = 0 exactly; Proj,
//     EGradToRGrad, Transport, Exp, Retract (and ParallelTransport,
//     EHessToRHess, InverseRetract(p, p)) of zero are finite.
//   - TinyTangent: for v with largest entry 1e-300, Exp and Retract are
//     finite and on the manifold; Proj, Transport, Inner are finite; Norm is
//     finite and ≥ 0.
//   - HugeTangent: for v with largest entry 1e300, Proj is finite and Norm
//     finite and > 0.
//   - HugeExp: for the same v, Exp and Retract are finite and on the
//     manifold. Manifolds on which such a geodesic must overflow (SPD,
//     hyperbolic space) skip it by name.
//   - NearIdentical: for q = Exp_p(v), ‖v‖ = 1e-12, Dist(p, q) and Dist(q, p)
//     are finite and ≥ 0 and Log(p, q) returns nil and a finite vector.
//   - NearCutLocus: for q = Exp_p(v) with ‖v‖ = r·(1 − 1e-6) and ‖v‖ = r, r a
//     finite InjectivityRadius(p), and for Config.NearCutLocus's point, Dist
//     is finite and ≥ 0 and Log returns an error or a finite vector.
//   - NaNCheck: CheckPoint rejects a point with a NaN or +Inf entry and
//     CheckTangent a vector with a NaN entry.
//   - NaNPropagation: with a NaN entry in its last argument, no method panics;
//     Norm, Inner and Dist return NaN; Exp, Retract, Proj and Transport write
//     at least one NaN; Log returns an error or writes a NaN.
//
// # Configuration
//
// Config.Skip names checks (see Checks) or sub-checks ("EdgeCases/HugeExp")
// not to run; naming an optional capability makes the suite ignore it
// everywhere. A negative Config.MaxDist disables everything that calls Log.
// Config.Trials trades coverage for time: the default runs the suite on a
// 10 000-dimensional sphere in about 0.1 s.
//
// # Helpers
//
// LogSpace, LogLogSlope, TaylorSlope, TaylorTimes, GradientSlope and
// HessianSlope are exported for tests of costs and gradients elsewhere (for
// example, checking an optim.Problem's Grad and HessVec on a manifold).
package manifoldtest
