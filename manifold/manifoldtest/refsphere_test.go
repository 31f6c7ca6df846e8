package manifoldtest

import (
	"math"
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/manifold"
)

// refSphere is a test-only unit sphere S^{n−1} ⊂ Rⁿ, written independently
// of package sphere, used to exercise the suite on a manifold with every
// capability and an exact Exp/Log/Dist. Retract is the metric projection
// (second order), Transport the projection onto T_q.
type refSphere struct{ n int }

var errRefLength = manifold.Error("refsphere: slice length mismatch")

func (s refSphere) check(xs ...[]float64) {
	for _, x := range xs {
		if len(x) != s.n {
			panic(errRefLength)
		}
	}
}

func (s refSphere) Shape() (int, int) { return s.n, 1 }
func (s refSphere) Dim() int          { return s.n - 1 }

func (s refSphere) Inner(p, u, v []float64) float64 { s.check(p, u, v); return dot(u, v) }
func (s refSphere) Norm(p, v []float64) float64     { s.check(p, v); return nrm2(v) }

func (s refSphere) Proj(dst, p, x []float64) {
	s.check(dst, p, x)
	a := dot(p, x)
	for i := range dst {
		dst[i] = x[i] - a*p[i]
	}
}

func (s refSphere) EGradToRGrad(dst, p, egrad []float64) { s.Proj(dst, p, egrad) }

func (s refSphere) Exp(dst, p, v []float64) {
	s.check(dst, p, v)
	t := nrm2(v)
	switch {
	case t == 0:
		copy(dst, p)
	case math.IsInf(t, 1):
		// Finite entries with an overflowing norm: rescale the direction.
		m := maxAbs(v)
		var ss float64
		for _, x := range v {
			ss += (x / m) * (x / m)
		}
		a, b := math.Cos(math.MaxFloat64), math.Sin(math.MaxFloat64)/math.Sqrt(ss)/m
		for i := range dst {
			dst[i] = a*p[i] + b*v[i]
		}
	default:
		a, b := math.Cos(t), math.Sin(t)/t
		for i := range dst {
			dst[i] = a*p[i] + b*v[i]
		}
	}
}

// Dist is 2·atan2(‖q − p‖, ‖q + p‖), accurate at all distances.
func (s refSphere) Dist(p, q []float64) float64 {
	s.check(p, q)
	return 2 * math.Atan2(s.diffNorm(p, q, -1), s.diffNorm(p, q, 1))
}

// diffNorm returns ‖q + sign·p‖ without allocating.
func (s refSphere) diffNorm(p, q []float64, sign float64) float64 {
	scale, ssq := 0.0, 1.0
	for i := range p {
		d := math.Abs(q[i] + sign*p[i])
		if math.IsNaN(d) {
			return d
		}
		if d == 0 {
			continue
		}
		if scale < d {
			r := scale / d
			ssq, scale = 1+ssq*r*r, d
		} else {
			r := d / scale
			ssq += r * r
		}
	}
	return scale * math.Sqrt(ssq)
}

// Log is Dist(p, q)·w/‖w‖ with w = (q − p) − ⟨p, q − p⟩p.
func (s refSphere) Log(dst, p, q []float64) error {
	s.check(dst, p, q)
	var a float64
	same := true
	for i := range p {
		a += p[i] * (q[i] - p[i])
		same = same && p[i] == q[i]
	}
	if same {
		clear(dst)
		return nil
	}
	d := s.Dist(p, q)
	scale, ssq := 0.0, 1.0
	for i := range p {
		w := math.Abs((q[i] - p[i]) - a*p[i])
		if w == 0 || math.IsNaN(w) {
			if math.IsNaN(w) {
				scale = w
			}
			continue
		}
		if scale < w {
			r := scale / w
			ssq, scale = 1+ssq*r*r, w
		} else {
			r := w / scale
			ssq += r * r
		}
	}
	nw := scale * math.Sqrt(ssq)
	if nw == 0 {
		if a < -1 {
			return manifold.ErrCutLocus
		}
		clear(dst)
		return nil
	}
	k := d / nw
	for i := range dst {
		dst[i] = k * ((q[i] - p[i]) - a*p[i])
	}
	return nil
}

// Retract is the metric projection (p + v)/‖p + v‖.
func (s refSphere) Retract(dst, p, v []float64) {
	s.check(dst, p, v)
	if maxAbs(v) == 0 {
		copy(dst, p)
		return
	}
	n := s.diffNorm(v, p, 1)
	for i := range dst {
		dst[i] = (p[i] + v[i]) / n
	}
}

func (s refSphere) Transport(dst, p, q, v []float64) {
	s.check(dst, p, q, v)
	s.Proj(dst, q, v)
}

func (s refSphere) RandomPoint(dst []float64, rng *rand.Rand) {
	s.check(dst)
	gaussian(dst, rng)
	n := nrm2(dst)
	for i := range dst {
		dst[i] /= n
	}
}

func (s refSphere) RandomTangent(dst, p []float64, rng *rand.Rand) {
	s.check(dst, p)
	x := make([]float64, s.n)
	gaussian(x, rng)
	s.Proj(dst, p, x)
}

const refTol = 1e-10

func (s refSphere) CheckPoint(p []float64) error {
	s.check(p)
	if r := math.Abs(nrm2(p) - 1); !(r <= refTol) {
		return &manifold.CheckError{Manifold: "refsphere", What: "‖p‖ ≠ 1", Residual: r, Tolerance: refTol}
	}
	return nil
}

func (s refSphere) CheckTangent(p, v []float64) error {
	s.check(p, v)
	nv := nrm2(v)
	if r := math.Abs(dot(p, v)); !(r <= refTol*nv) || math.IsInf(nv, 0) {
		return &manifold.CheckError{Manifold: "refsphere", What: "⟨p, v⟩ ≠ 0", Residual: r, Tolerance: refTol * nv}
	}
	return nil
}

// ParallelTransport along the minimising great circle:
// P(v) = v − ⟨q, v⟩/(1 + ⟨p, q⟩)·(p + q).
func (s refSphere) ParallelTransport(dst, p, q, v []float64) {
	s.check(dst, p, q, v)
	k := dot(q, v) / (1 + dot(p, q))
	for i := range dst {
		dst[i] = v[i] - k*(p[i]+q[i])
	}
}

func (s refSphere) EHessToRHess(dst, p, egrad, ehess, v []float64) {
	s.check(dst, p, egrad, ehess, v)
	a, b := dot(p, ehess), dot(p, egrad)
	for i := range dst {
		dst[i] = ehess[i] - a*p[i] - b*v[i]
	}
}

// InverseRetract inverts the metric projection: v = q/⟨p, q⟩ − p.
func (s refSphere) InverseRetract(dst, p, q []float64) error {
	s.check(dst, p, q)
	c := dot(p, q)
	if !(c > 0) {
		return manifold.ErrCutLocus
	}
	for i := range dst {
		dst[i] = q[i]/c - p[i]
	}
	return nil
}

func (s refSphere) Project(dst, x []float64) {
	s.check(dst, x)
	n := nrm2(x)
	for i := range dst {
		dst[i] = x[i] / n
	}
}

func (s refSphere) InjectivityRadius(p []float64) float64 { s.check(p); return math.Pi }

// euclid is the test-only Euclidean space of r×c matrices: every map is
// exact and trivial, there is no injectivity radius, and Shape has c > 1.
type euclid struct{ r, c int }

var errEuclidLength = manifold.Error("euclid: slice length mismatch")

func (e euclid) check(xs ...[]float64) {
	for _, x := range xs {
		if len(x) != e.r*e.c {
			panic(errEuclidLength)
		}
	}
}

func (e euclid) Shape() (int, int)                { return e.r, e.c }
func (e euclid) Dim() int                         { return e.r * e.c }
func (e euclid) Inner(p, u, v []float64) float64  { e.check(p, u, v); return dot(u, v) }
func (e euclid) Norm(p, v []float64) float64      { e.check(p, v); return nrm2(v) }
func (e euclid) Proj(dst, p, x []float64)         { e.check(dst, p, x); copy(dst, x) }
func (e euclid) EGradToRGrad(dst, p, g []float64) { e.check(dst, p, g); copy(dst, g) }
func (e euclid) Exp(dst, p, v []float64) {
	e.check(dst, p, v)
	for i := range dst {
		dst[i] = p[i] + v[i]
	}
}
func (e euclid) Log(dst, p, q []float64) error {
	e.check(dst, p, q)
	sub(dst, q, p)
	return nil
}
func (e euclid) Dist(p, q []float64) float64 {
	e.check(p, q)
	var s, scale float64 = 1, 0
	for i := range p {
		d := math.Abs(q[i] - p[i])
		if math.IsNaN(d) {
			return d
		}
		if d == 0 {
			continue
		}
		if scale < d {
			r := scale / d
			s, scale = 1+s*r*r, d
		} else {
			r := d / scale
			s += r * r
		}
	}
	return scale * math.Sqrt(s)
}
func (e euclid) Retract(dst, p, v []float64)             { e.Exp(dst, p, v) }
func (e euclid) Transport(dst, p, q, v []float64)        { e.check(dst, p, q, v); copy(dst, v) }
func (e euclid) RandomPoint(dst []float64, r *rand.Rand) { e.check(dst); gaussian(dst, r) }
func (e euclid) RandomTangent(dst, p []float64, r *rand.Rand) {
	e.check(dst, p)
	gaussian(dst, r)
}
func (e euclid) CheckPoint(p []float64) error {
	e.check(p)
	if i := firstNonFinite(p); i >= 0 {
		return &manifold.CheckError{Manifold: "euclid", What: "non-finite entry", Residual: math.Inf(1)}
	}
	return nil
}
func (e euclid) CheckTangent(p, v []float64) error { e.check(p, v); return e.CheckPoint(v) }
func (e euclid) ParallelTransport(dst, p, q, v []float64) {
	e.Transport(dst, p, q, v)
}
func (e euclid) EHessToRHess(dst, p, egrad, ehess, v []float64) {
	e.check(dst, p, egrad, ehess, v)
	copy(dst, ehess)
}
