// Package manifold defines the interfaces every geodesic manifold implements,
// the errors they return, allocating convenience helpers over the in-place
// methods, and two generic decorators: Power (K copies of one manifold stored
// back to back, the batch API) and Product (a tuple of manifolds).
//
// # Storage and calling convention
//
// A point or tangent vector is a row-major []float64 of length r*c, where
// r, c := m.Shape(). Every method that produces a point or a vector writes it
// into its first argument dst, and dst may alias any input. A slice of the
// wrong length is a programming error and panics with an Error whose text is
// prefixed by the package name ("sphere: slice length mismatch"). Failures that
// depend on the data are returned as errors: ErrCutLocus, ErrNotConverged and
// *CheckError. Maybe turns an Error panic into an error value.
//
// # Optional capabilities
//
// Besides the Manifold methods a manifold may offer an inverse retraction,
// parallel transport, Hessian conversion, projection of ambient points and an
// injectivity radius. Concrete manifolds offer them as plain methods, found by
// type assertion. Decorators such as Power and Product cannot know statically
// which capabilities their parts have, so they implement every method and say
// which ones work through CapabilityReporter. The As* helpers (AsInverseRetractor,
// AsParallelTransporter, AsHessianConverter, AsProjector, AsInjectivityRadiuser)
// combine both tests and are the portable way to ask for a capability.
//
// # Concurrency
//
// Manifold values are small immutable structs, safe for concurrent use by
// many goroutines; temporaries come from pools.
package manifold
