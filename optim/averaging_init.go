package optim

import (
	"github.com/geodesic-go/geodesic/hyperbolic"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/spd"
)

// defaultStart returns the default starting point of KarcherMean and
// GeometricMedian for the data with normalised weights w, and a note saying
// what it is. See KarcherMean for the list.
func defaultStart(m manifold.Manifold, data [][]float64, w []float64) ([]float64, string) {
	var act []int
	for j := range data {
		if w[j] > 0 {
			act = append(act, j)
		}
	}
	switch len(act) {
	case 1:
		return append([]float64(nil), data[act[0]]...), "start: the only point with positive weight"
	case 2:
		i, j := act[0], act[1]
		if x, err := geodesicPoint(m, data[i], data[j], w[j]/(w[i]+w[j])); err == nil && m.CheckPoint(x) == nil {
			return x, "start: the weighted geodesic midpoint of the two points"
		}
	}
	switch mm := m.(type) {
	case *spd.SPD:
		n := mm.N()
		switch mm.Metric() {
		case spd.AffineInvariant, spd.LogEuclidean:
			if x, err := logEuclideanMean(data, n, w); err == nil && m.CheckPoint(x) == nil {
				return x, "start: the log-Euclidean mean"
			}
		case spd.LogCholesky:
			if x, err := logCholeskyMean(data, n, w); err == nil && m.CheckPoint(x) == nil {
				return x, "start: the log-Cholesky mean"
			}
		case spd.BuresWasserstein:
			x := make([]float64, n*n)
			for j, p := range data {
				axpy(x, w[j], p)
			}
			if m.CheckPoint(x) == nil {
				return x, "start: the arithmetic mean"
			}
		}
	case *hyperbolic.PoincareBall, *hyperbolic.Lorentz, *hyperbolic.HalfSpace:
		if x := gyroStart(m, data, w); x != nil && m.CheckPoint(x) == nil {
			return x, "start: the weighted gyromidpoint (Einstein midpoint)"
		}
	}
	return inductiveMean(m, data, w, act), "start: the inductive mean (one pass)"
}

// gyroStart returns the weighted gyromidpoint (hyperbolic.GyroMidpoint) of
// points of a hyperbolic model, computed in the Poincaré ball.
func gyroStart(m manifold.Manifold, data [][]float64, w []float64) []float64 {
	var c float64
	var dim int
	switch h := m.(type) {
	case *hyperbolic.PoincareBall:
		c, dim = h.Curvature(), len(data[0])
	case *hyperbolic.Lorentz:
		c, dim = h.Curvature(), len(data[0])-1
	case *hyperbolic.HalfSpace:
		c, dim = h.Curvature(), len(data[0])
	default:
		return nil
	}
	balls := make([]float64, 0, len(data)*dim)
	b := make([]float64, dim)
	for _, x := range data {
		switch m.(type) {
		case *hyperbolic.PoincareBall:
			copy(b, x)
		case *hyperbolic.Lorentz:
			hyperbolic.LorentzToBall(b, x, c)
		case *hyperbolic.HalfSpace:
			hyperbolic.HalfSpaceToBall(b, x, c)
		}
		balls = append(balls, b...)
	}
	if manifold.Maybe(func() { hyperbolic.GyroMidpoint(b, balls, w, c) }) != nil {
		return nil
	}
	switch m.(type) {
	case *hyperbolic.Lorentz:
		x := make([]float64, dim+1)
		hyperbolic.BallToLorentz(x, b, c)
		return x
	case *hyperbolic.HalfSpace:
		x := make([]float64, dim)
		hyperbolic.BallToHalfSpace(x, b, c)
		return x
	}
	return b
}

// inductiveMean is one pass of the inductive (incremental) weighted mean
// x_k = Exp_{x_{k−1}}((w_k/W_k)·Log_{x_{k−1}}(x_k)), W_k = w_1 + … + w_k
// (Sturm 2003, "Probability measures on metric spaces of nonpositive
// curvature"; Ho, Cheng, Salehian & Vemuri 2013): the exact mean in a flat
// space, a close approximation after one pass otherwise. Points whose
// logarithm fails are skipped.
func inductiveMean(m manifold.Manifold, data [][]float64, w []float64, act []int) []float64 {
	x := append([]float64(nil), data[act[0]]...)
	wsum := w[act[0]]
	v := make([]float64, len(x))
	for _, j := range act[1:] {
		wsum += w[j]
		if m.Log(v, x, data[j]) != nil {
			continue
		}
		scaleTo(v, w[j]/wsum, v)
		m.Exp(x, x, v)
	}
	return x
}
