package manifoldtest

import (
	"math/rand/v2"
)

// RetractionOrder says how closely a manifold's Retract agrees with its Exp.
type RetractionOrder int

// The retraction orders understood by Config.RetractionOrder.
const (
	// FirstOrder requires R_p(tv) = Exp_p(tv) + O(t²): R_p(0) = p and
	// dR_p(0) = id, the definition of a retraction. It is also what the zero
	// value of RetractionOrder asks for.
	FirstOrder RetractionOrder = 1
	// SecondOrder requires R_p(tv) = Exp_p(tv) + O(t³): the retraction also
	// has zero initial acceleration, like the metric projection on an
	// embedded submanifold.
	SecondOrder RetractionOrder = 2
	// ExpRetraction requires Retract = Exp to within Config.Tol: the
	// retraction is the exponential map. Any negative value means the same.
	ExpRetraction RetractionOrder = -1
)

// Default values taken by zero fields of Config.
const (
	// DefaultTol is the default relative tolerance of the identities.
	DefaultTol = 1e-10
	// DefaultSlopeTol is the default tolerance on log-log slopes.
	DefaultSlopeTol = 0.3
	// DefaultMaxDist is the default radius of the Log checks for a manifold
	// without a finite injectivity radius.
	DefaultMaxDist = 1.0
	// DefaultAllocFreeMaxSize is the default largest r·c at which the
	// AllocFree check runs.
	DefaultAllocFreeMaxSize = 1024
)

// Config tunes Run. Its zero value checks everything a conforming manifold
// must satisfy, with the defaults documented on each field.
type Config struct {
	// Name identifies the manifold in failure messages. Default: the
	// dynamic type of m (fmt's %T), followed by its String method's result
	// if it has one, e.g. "*sphere.Sphere S^4".
	Name string

	// Seed seeds every random draw: each check gets its own generator
	// rand.New(rand.NewPCG(Seed, h)), h a hash of the check's name, so a
	// check sees the same points whatever else is skipped. Zero is a valid
	// seed (the default).
	Seed uint64

	// Trials is the number of random base points (and tangent vectors) per
	// check. Default (0): 6 if r·c ≤ 4096, else 2. Lower it to keep the
	// suite fast on large shapes; each check always uses at least one.
	Trials int

	// Tol is the relative tolerance of the identities. Every comparison is
	// |got − want| ≤ Tol·scale, where scale is a size of the quantities
	// compared, documented with each check (for instance ‖v‖_p for
	// Log_p(Exp_p v) = v, max(1, ‖q‖_F) for points). Checks at tiny scales
	// (distances of 1e-6) use √Tol instead, since their inputs are only
	// known to a relative accuracy of about ε/1e-6. Default: DefaultTol.
	Tol float64

	// SlopeTol is the tolerance on log-log slopes: a remainder that must be
	// O(t^k) passes when its fitted slope is ≥ k − SlopeTol. Default:
	// DefaultSlopeTol.
	SlopeTol float64

	// MaxDist is the radius within which Log_p(Exp_p v) = v, Exp_p(Log_p q)
	// = q and Dist(p, Exp_p v) = ‖v‖ must hold; min(1, MaxDist) is also
	// the largest distance from p at which transports are checked. Zero means 0.9·InjectivityRadius(p) when m
	// has that capability and the radius is finite, and DefaultMaxDist
	// otherwise. A negative value skips every check that calls Log (for a
	// manifold without a usable Log).
	MaxDist float64

	// RetractionOrder is the order of agreement of Retract with Exp that
	// the RetractionOrder check demands (see FirstOrder, SecondOrder,
	// ExpRetraction). The zero value means FirstOrder, which every
	// retraction must satisfy; skip the check by name to disable it. When
	// it is SecondOrder or ExpRetraction, EHessToRHess is also checked along
	// Retract.
	RetractionOrder RetractionOrder

	// TransportIsometric declares that Transport preserves the metric,
	// ⟨T u, T v⟩_q = ⟨u, v⟩_p (as parallel transport does), and makes the
	// Transport check test it.
	TransportIsometric bool

	// Skip lists checks not to run, by name (see Checks), e.g.
	// "RetractionOrder" or "EdgeCases/HugeExp"; a name also skips its
	// sub-checks. The name of an optional capability ("InverseRetract",
	// "ParallelTransport", "EHessToRHess", "Project", "InjectivityRadius",
	// the Capability.String values) makes the suite treat m as not having
	// that capability anywhere: no dedicated check, no length, aliasing or
	// edge-case calls, and no default MaxDist from the injectivity radius.
	// Unknown names are reported as failures.
	Skip []string

	// AllocFreeMaxSize is the largest r·c at which the AllocFree check
	// runs. Default (0): DefaultAllocFreeMaxSize. Negative: never.
	AllocFreeMaxSize int

	// PointDist measures how far apart two points are in the ambient
	// space, wherever the suite compares points (Exp∘Log, the retraction
	// order, Project). Default (nil): the Frobenius norm ‖p − q‖_F. A
	// manifold whose points are representatives of equivalence classes
	// (Grassmann bases) should pass an invariant distance such as
	// ‖ppᵀ − qqᵀ‖_F; it must be zero for equivalent representatives and
	// comparable to ‖p − q‖_F for nearby ones.
	PointDist func(p, q []float64) float64

	// NearCutLocus, if not nil, writes into dst a point close to the cut
	// locus of p, used by the EdgeCases/NearCutLocus check in addition to
	// the points Exp_p(v) with ‖v‖ = r·(1 − 1e-6) and ‖v‖ = r that the
	// check derives from a finite injectivity radius r.
	NearCutLocus func(dst, p []float64, rng *rand.Rand)
}
