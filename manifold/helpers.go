package manifold

import (
	"gonum.org/v1/gonum/mat"
)

func size(m Manifold) int {
	r, c := m.Shape()
	return r * c
}

// NewPoint returns a zeroed slice with the length of one point of m.
func NewPoint(m Manifold) []float64 { return make([]float64, size(m)) }

// Exp returns Exp_p(v) in a new slice.
func Exp(m Manifold, p, v []float64) []float64 {
	dst := NewPoint(m)
	m.Exp(dst, p, v)
	return dst
}

// Log returns Log_p(q) in a new slice, or the error of m.Log.
func Log(m Manifold, p, q []float64) ([]float64, error) {
	dst := NewPoint(m)
	if err := m.Log(dst, p, q); err != nil {
		return nil, err
	}
	return dst, nil
}

// Retract returns R_p(v) in a new slice.
func Retract(m Manifold, p, v []float64) []float64 {
	dst := NewPoint(m)
	m.Retract(dst, p, v)
	return dst
}

// Transport returns the configured transport of v ∈ T_p M to T_q M in a new slice.
func Transport(m Manifold, p, q, v []float64) []float64 {
	dst := NewPoint(m)
	m.Transport(dst, p, q, v)
	return dst
}

// Dense returns a *mat.Dense of m's shape that shares x's storage: changes
// through either are seen by both. It panics if len(x) is not r*c.
func Dense(m Manifold, x []float64) *mat.Dense {
	r, c := m.Shape()
	if len(x) != r*c {
		panic(Error("manifold: slice length mismatch"))
	}
	return mat.NewDense(r, c, x)
}

// Geodesic returns the point γ(t) = Exp_p(t·Log_p(q)) of the minimising
// geodesic with γ(0) = p and γ(1) = q. Any real t is allowed (t outside
// [0, 1] extends the geodesic). It returns the error of m.Log.
func Geodesic(m Manifold, p, q []float64, t float64) ([]float64, error) {
	v, err := Log(m, p, q)
	if err != nil {
		return nil, err
	}
	for i := range v {
		v[i] *= t
	}
	m.Exp(v, p, v)
	return v, nil
}
