package flag

import (
	"math"

	"github.com/geodesic-go/geodesic/manifold"
)

// injectivityRadius returns the injectivity radius of f where it is known,
// and 0 otherwise (see Flag.InjectivityRadius).
func injectivityRadius(f *Flag) float64 {
	switch {
	case f.point():
		return math.Inf(1)
	case f.metric == Canonical || len(f.dims) == 1:
		return math.Pi / 2
	case f.p == f.n:
		return math.Pi / math.Sqrt2
	}
	return 0
}

// InjectivityRadius returns the injectivity radius of the flag manifold
// (the same at every point, the manifold being homogeneous) where it is
// known:
//
//	canonical metric: π/2. Proof: the flag manifold is then the normal
//	homogeneous space O(n)/H, H = O(m₁) × … × O(m_k) × O(n − n_k), with
//	the metric ½tr(ΩᵀΩ), whose geodesics from X are exp(tΩ)X, Ω ∈ h^⊥.
//	A geodesic loop needs exp(Ω) ∈ H; if every rotation angle of Ω were
//	below π, Ω would be the principal logarithm of an element of H, which
//	lies in h, so a loop has an angle ≥ π and length ≥ π, and the rotation
//	by π in a plane spanned by columns of two different blocks is a loop
//	of length π: the shortest loops have length π. The sectional curvature
//	is ¼‖[U, V]‖² + ¾‖[U, V]_h‖² ≤ ‖[U, V]‖² ≤ 4 for orthonormal U, V
//	(O'Neill's formula for normal homogeneous spaces and the Böttcher–
//	Wenzel inequality ‖[U, V]‖_F ≤ √2‖U‖_F‖V‖_F), so there is no conjugate
//	point before π/2, and by Klingenberg's lemma the injectivity radius is
//	min(π/2, π/2) = π/2. For one block this is the radius π/2 of Gr(n, p);
//	Euclidean metric, one block: π/2 (the metric is the Grassmann one);
//	Euclidean metric, p = n: π/√2 (the canonical metric scaled by 2);
//	one-point manifold Fl(n; n): +Inf.
//
// For the Euclidean metric on other flags no radius is known to this
// package: HasCapability(manifold.CapInjectivityRadius) is then false and
// InjectivityRadius panics with a manifold.Error; LogRadius gives the
// radius within which Log is tested.
func (f *Flag) InjectivityRadius(x []float64) float64 {
	f.check1(x)
	if f.inj == 0 {
		panic(manifold.Error("flag: no injectivity radius is known for the Euclidean metric on " + f.String() + " (see HasCapability)"))
	}
	return f.inj
}

// LogRadius returns the radius within which Log is stated (and tested) to
// return the minimising geodesic: 0.9·InjectivityRadius where the radius
// is known, and otherwise (the Euclidean metric on flags with k ≥ 2 and
// p < n) 0.9·π/2, below the upper bound π/2 on the injectivity radius
// given by the geodesic loop of length π that rotates a column into the
// complement of V_k.
func (f *Flag) LogRadius() float64 {
	if f.inj > 0 && !math.IsInf(f.inj, 1) {
		return 0.9 * f.inj
	}
	if math.IsInf(f.inj, 1) {
		return 1
	}
	return 0.9 * math.Pi / 2
}
