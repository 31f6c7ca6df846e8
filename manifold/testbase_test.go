package manifold

// Test-only base manifolds for the Power and Product tests: euclid, the flat
// space of r×c matrices with no optional capability, and testSphere, the unit
// sphere in Rⁿ with every optional capability. They are deliberately plain
// (no pools, no care for extreme inputs beyond what the tests use) and
// allocate nothing.

import (
	"errors"
	"math"
	"math/rand/v2"
)

// euclid is R^{r×c} with the Frobenius metric. It has no optional methods.
type euclid struct{ r, c int }

var errEuclidNaN = errors.New("euclid: NaN entry")

func (e euclid) Shape() (r, c int) { return e.r, e.c }
func (e euclid) Dim() int          { return e.r * e.c }

func (e euclid) len(xs ...[]float64) {
	for _, x := range xs {
		if len(x) != e.r*e.c {
			panic(Error("euclid: slice length mismatch"))
		}
	}
}

func (e euclid) Inner(p, u, v []float64) float64 {
	e.len(p, u, v)
	return dot(u, v)
}

func (e euclid) Norm(p, v []float64) float64 {
	e.len(p, v)
	return norm(v)
}

func (e euclid) Proj(dst, p, x []float64) {
	e.len(dst, p, x)
	copy(dst, x)
}

func (e euclid) EGradToRGrad(dst, p, g []float64) { e.Proj(dst, p, g) }

func (e euclid) Exp(dst, p, v []float64) {
	e.len(dst, p, v)
	for i := range dst {
		dst[i] = p[i] + v[i]
	}
}

func (e euclid) Log(dst, p, q []float64) error {
	e.len(dst, p, q)
	for i := range dst {
		dst[i] = q[i] - p[i]
	}
	return nil
}

func (e euclid) Dist(p, q []float64) float64 {
	e.len(p, q)
	var acc sumSquares
	for i := range p {
		acc.add(q[i] - p[i])
	}
	return acc.value()
}

func (e euclid) Retract(dst, p, v []float64) { e.Exp(dst, p, v) }

func (e euclid) Transport(dst, p, q, v []float64) {
	e.len(dst, p, q, v)
	copy(dst, v)
}

func (e euclid) RandomPoint(dst []float64, rng *rand.Rand) {
	e.len(dst)
	for i := range dst {
		dst[i] = rng.NormFloat64()
	}
}

func (e euclid) RandomTangent(dst, p []float64, rng *rand.Rand) {
	e.len(dst, p)
	e.RandomPoint(dst, rng)
}

// CheckPoint rejects NaN entries with a plain (non-*CheckError) error, so
// that the tests can see how the decorators wrap other errors.
func (e euclid) CheckPoint(p []float64) error {
	e.len(p)
	for _, x := range p {
		if math.IsNaN(x) {
			return errEuclidNaN
		}
	}
	return nil
}

func (e euclid) CheckTangent(p, v []float64) error {
	e.len(p, v)
	return e.CheckPoint(v)
}

// testSphere is the unit sphere S^{n−1} ⊂ Rⁿ, shape (n, 1), with the
// projective retraction, the projection transport and every optional
// capability. All loops read index i of the inputs before writing index i of
// dst, or finish reading before writing, so dst may alias any input.
type testSphere struct{ n int }

const testSphereTol = 1e-12

func (s testSphere) Shape() (r, c int) { return s.n, 1 }
func (s testSphere) Dim() int          { return s.n - 1 }

func (s testSphere) len(xs ...[]float64) {
	for _, x := range xs {
		if len(x) != s.n {
			panic(Error("testsphere: slice length mismatch"))
		}
	}
}

func (s testSphere) Inner(p, u, v []float64) float64 {
	s.len(p, u, v)
	return dot(u, v)
}

func (s testSphere) Norm(p, v []float64) float64 {
	s.len(p, v)
	return norm(v)
}

// Proj writes x − ⟨p, x⟩p.
func (s testSphere) Proj(dst, p, x []float64) {
	s.len(dst, p, x)
	c := dot(p, x)
	for i := range dst {
		dst[i] = x[i] - c*p[i]
	}
}

func (s testSphere) EGradToRGrad(dst, p, g []float64) { s.Proj(dst, p, g) }

// Exp writes cos‖v‖ p + sin‖v‖ v/‖v‖.
func (s testSphere) Exp(dst, p, v []float64) {
	s.len(dst, p, v)
	t := norm(v)
	if t == 0 {
		copy(dst, p)
		return
	}
	c, sn := math.Cos(t), math.Sin(t)/t
	for i := range dst {
		dst[i] = c*p[i] + sn*v[i]
	}
}

// Log writes θ u/‖u‖ with u = q − ⟨p, q⟩p and θ = atan2(‖u‖, ⟨p, q⟩), and
// fails with ErrCutLocus within 1e-8 of the antipode.
func (s testSphere) Log(dst, p, q []float64) error {
	s.len(dst, p, q)
	c := dot(p, q)
	var acc sumSquares
	for i := range p {
		acc.add(q[i] - c*p[i])
	}
	nu := acc.value()
	theta := math.Atan2(nu, c)
	if theta > math.Pi-1e-8 {
		return ErrCutLocus
	}
	if nu == 0 {
		for i := range dst {
			dst[i] = 0
		}
		return nil
	}
	f := theta / nu
	for i := range dst {
		dst[i] = f * (q[i] - c*p[i])
	}
	return nil
}

// Dist returns 2 asin(‖p − q‖/2).
func (s testSphere) Dist(p, q []float64) float64 {
	s.len(p, q)
	var acc sumSquares
	for i := range p {
		acc.add(p[i] - q[i])
	}
	return 2 * math.Asin(math.Min(1, acc.value()/2))
}

// Retract writes (p + v)/‖p + v‖.
func (s testSphere) Retract(dst, p, v []float64) {
	s.len(dst, p, v)
	var acc sumSquares
	for i := range p {
		acc.add(p[i] + v[i])
	}
	r := acc.value()
	for i := range dst {
		dst[i] = (p[i] + v[i]) / r
	}
}

// Transport writes Proj_q(v).
func (s testSphere) Transport(dst, p, q, v []float64) {
	s.len(dst, p, q, v)
	s.Proj(dst, q, v)
}

func (s testSphere) RandomPoint(dst []float64, rng *rand.Rand) {
	s.len(dst)
	for i := range dst {
		dst[i] = rng.NormFloat64()
	}
	r := norm(dst)
	for i := range dst {
		dst[i] /= r
	}
}

func (s testSphere) RandomTangent(dst, p []float64, rng *rand.Rand) {
	s.len(dst, p)
	for i := range dst {
		dst[i] = rng.NormFloat64()
	}
	s.Proj(dst, p, dst)
}

func (s testSphere) CheckPoint(p []float64) error {
	s.len(p)
	if r := math.Abs(norm(p) - 1); !(r <= testSphereTol) {
		return &CheckError{Manifold: "testsphere", What: "‖p‖ ≠ 1", Residual: r, Tolerance: testSphereTol}
	}
	return nil
}

func (s testSphere) CheckTangent(p, v []float64) error {
	s.len(p, v)
	if r := math.Abs(dot(p, v)); !(r <= testSphereTol*(1+norm(v))) {
		return &CheckError{Manifold: "testsphere", What: "⟨p, v⟩ ≠ 0", Residual: r, Tolerance: testSphereTol}
	}
	return nil
}

// InverseRetract writes q/⟨p, q⟩ − p, the inverse of the projective
// retraction, and fails with ErrCutLocus when ⟨p, q⟩ ≤ 0.
func (s testSphere) InverseRetract(dst, p, q []float64) error {
	s.len(dst, p, q)
	c := dot(p, q)
	if !(c > 0) {
		return ErrCutLocus
	}
	for i := range dst {
		dst[i] = q[i]/c - p[i]
	}
	return nil
}

// ParallelTransport writes v − ⟨e, v⟩((1 − cos θ)e + sin θ p) with
// θe = Log_p(q), the transport along the great circle (antipodes excluded).
func (s testSphere) ParallelTransport(dst, p, q, v []float64) {
	s.len(dst, p, q, v)
	c := dot(p, q)
	var acc sumSquares
	for i := range p {
		acc.add(q[i] - c*p[i])
	}
	nu := acc.value()
	if nu == 0 {
		copy(dst, v)
		return
	}
	theta := math.Atan2(nu, c)
	var ev float64
	for i := range p {
		ev += (q[i] - c*p[i]) / nu * v[i]
	}
	a, b := ev*(1-math.Cos(theta)), ev*math.Sin(theta)
	for i := range dst {
		e := (q[i] - c*p[i]) / nu
		dst[i] = v[i] - a*e - b*p[i]
	}
}

// EHessToRHess writes Proj_p(ehess) − ⟨p, egrad⟩ v.
func (s testSphere) EHessToRHess(dst, p, egrad, ehess, v []float64) {
	s.len(dst, p, egrad, ehess, v)
	pg, ph := dot(p, egrad), dot(p, ehess)
	for i := range dst {
		dst[i] = ehess[i] - ph*p[i] - pg*v[i]
	}
}

// Project writes x/‖x‖ (e₁ for x = 0).
func (s testSphere) Project(dst, x []float64) {
	s.len(dst, x)
	r := norm(x)
	if r == 0 {
		for i := range dst {
			dst[i] = 0
		}
		dst[0] = 1
		return
	}
	for i := range dst {
		dst[i] = x[i] / r
	}
}

func (s testSphere) InjectivityRadius(p []float64) float64 {
	s.len(p)
	return math.Pi
}

func dot(u, v []float64) float64 {
	var s float64
	for i := range u {
		s += u[i] * v[i]
	}
	return s
}

func norm(v []float64) float64 {
	var acc sumSquares
	for _, x := range v {
		acc.add(x)
	}
	return acc.value()
}
