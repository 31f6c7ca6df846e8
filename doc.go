// Package geodesic is a library for Riemannian geometry and optimisation on
// matrix manifolds: spheres, Grassmann and Stiefel manifolds, symmetric
// positive definite matrices, hyperbolic space and flag manifolds, with
// Riemannian solvers and geometric averaging.
//
// This root package holds documentation only. The interfaces live in package
// manifold, each manifold in a package of its own (sphere, ...), and the
// shared numerical kernels in internal/linalg.
//
// # Conventions
//
// Storage. A point or a tangent vector is a row-major []float64 of length
// r*c, where r, c := m.Shape(). Vectors have shape (n, 1); Stiefel, Grassmann
// and flag points (n, p); SPD matrices (n, n). manifold.Dense(m, x) views one
// as a *mat.Dense without copying.
//
// Destination first, aliasing allowed. Every method that produces a point or
// a vector writes it into its first argument dst, and dst may be the same
// slice as any input. Allocating convenience wrappers (manifold.Exp,
// manifold.Log, ...) sit on top of the in-place methods.
//
// Panics versus errors. A call that the caller could have known to be wrong
// (a slice of the wrong length, an invalid constructor argument) panics with
// a manifold.Error whose text starts with the package name, e.g.
// "sphere: slice length mismatch". A failure that depends on the data returns
// an error: manifold.ErrCutLocus, manifold.ErrNotConverged, or a
// *manifold.CheckError from CheckPoint and CheckTangent carrying the residual
// and the tolerance. High-level entry points validate their input and return
// errors; they never panic on user data. manifold.Maybe turns a panic into an
// error for callers who prefer that.
//
// Special cases are documented on each method in the style of package math
// ("Log(p, p) = 0 exactly"). A NaN input gives a NaN output, never a panic;
// valid input never gives NaN or Inf.
//
// Randomness is explicit: functions that sample take a *rand.Rand from
// math/rand/v2, so results are reproducible from a seed.
//
// Concurrency. Manifold values are small immutable structs built by New and
// safe for concurrent use; temporaries come from pools, and the hot methods
// (Inner, Norm, Proj, Exp, Log, Dist, Retract, Transport) allocate nothing at
// small sizes.
//
// Accuracy is a contract: each manifold package states how accurate its
// Exp, Log and Dist are and over which range, and tests each statement
// against an independent computation.
package geodesic
