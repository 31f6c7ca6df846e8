package manifoldtest

import (
	"fmt"
	"math"
	"math/rand/v2"
)

// quadratic is the ambient test function
//
//	f(x) = ½ xᵀAx + bᵀx,  A = diag(d) + Σ_k s_k w_k w_kᵀ,
//
// on R^N, N = r·c: a random symmetric A stored as a diagonal plus a rank-3
// term, so that f, ∇f(x) = Ax + b and ∇²f(x)[u] = Au cost O(N) even for
// large shapes.
type quadratic struct {
	d, b []float64
	s    []float64
	w    [][]float64
}

func newQuadratic(n int, rng *rand.Rand) *quadratic {
	q := &quadratic{d: make([]float64, n), b: make([]float64, n)}
	for i := range q.d {
		q.d[i] = 0.5 + rng.Float64()
	}
	gaussian(q.b, rng)
	for i := range q.b {
		q.b[i] /= math.Sqrt(float64(n))
	}
	for k := 0; k < 3; k++ {
		w := make([]float64, n)
		gaussian(w, rng)
		nw := nrm2(w)
		for i := range w {
			w[i] /= nw
		}
		q.w = append(q.w, w)
		q.s = append(q.s, rng.NormFloat64())
	}
	return q
}

// apply writes A·x into dst.
func (q *quadratic) apply(dst, x []float64) {
	ws := make([]float64, len(q.w))
	for k, w := range q.w {
		ws[k] = q.s[k] * dot(w, x)
	}
	for i := range dst {
		dst[i] = q.d[i] * x[i]
	}
	for k, w := range q.w {
		for i := range dst {
			dst[i] += ws[k] * w[i]
		}
	}
}

func (q *quadratic) f(x []float64) float64 {
	ax := make([]float64, len(x))
	q.apply(ax, x)
	return dot(x, ax)/2 + dot(q.b, x)
}

func (q *quadratic) grad(dst, x []float64) {
	q.apply(dst, x)
	for i := range dst {
		dst[i] += q.b[i]
	}
}

func (q *quadratic) hess(dst, _, u []float64) { q.apply(dst, u) }

// scale returns the sum of the magnitudes of the terms of f(x),
// ½Σ d_i x_i² + ½Σ |s_k|(w_kᵀx)² + Σ |b_i x_i|: the size that rounding
// errors in evaluating f(x) are relative to (f itself may be much smaller).
func (q *quadratic) scale(x []float64, _ float64) float64 {
	var s float64
	for i, xi := range x {
		s += q.d[i]*xi*xi/2 + math.Abs(q.b[i]*xi)
	}
	for k, w := range q.w {
		wx := dot(w, x)
		s += math.Abs(q.s[k]) * wx * wx / 2
	}
	return s
}

// checkEGradToRGrad: for the random quadratic f, egrad = ∇f(p) and a unit
// tangent v at p, grad = EGradToRGrad(p, egrad) must
//
//	pass CheckTangent at p,
//	satisfy |⟨grad, v⟩_p − egradᵀv| ≤ Tol·‖egrad‖_F·‖v‖_F (the directional derivative),
//	give TaylorSlope ≥ 2 − SlopeTol for f(R_p(tv)) − f(p) − t⟨grad, v⟩_p
//	(see GradientSlope) in one of up to three random directions v.
func checkEGradToRGrad(c *ctx) {
	m := c.m()
	f := newQuadratic(c.n(), c.rng)
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		v := c.tangent(p, 1)
		eg, rg := c.newVec(), c.newVec()
		f.grad(eg, p)
		m.EGradToRGrad(rg, p, eg)
		if !c.checkTangent(fmt.Sprintf("trial %d: EGradToRGrad(p, egrad)", i), p, rg) {
			continue
		}
		got, want := m.Inner(p, rg, v), dot(eg, v)
		if e, s := math.Abs(got-want), c.tol()*nrm2(eg)*nrm2(v); !within(e, s) {
			c.errorf("trial %d: ⟨grad f, v⟩_p = %.17g but the directional derivative egradᵀv = %.17g: error %.3g > tol %.3g", i, got, want, e, s)
		}
		ok, seen := slopeTest(2, c.s.cfg.SlopeTol, func(k int) (float64, int) {
			return gradientSlope(m, f.f, f.scale, rg, p, c.slopeDirection(p, v, k))
		})
		if !ok {
			c.errorf("trial %d: Taylor remainder f(R_p(tv)) − f(p) − t⟨grad f, v⟩ has log-log slope %s in %d directions (−1 points: a NaN or Inf), want ≥ %g",
				i, seen, slopeDirections, 2-c.s.cfg.SlopeTol)
		}
	}
}

// checkEHessToRHess: for the random quadratic f, unit tangents u, v at p and
// H[v] = EHessToRHess(p, ∇f(p), ∇²f(p)[v], v):
//
//	H[v] passes CheckTangent at p,
//	|⟨H[u], v⟩_p − ⟨u, H[v]⟩_p| ≤ Tol·(‖H[u]‖_p + ‖H[v]‖_p)  (symmetry),
//	f(Exp_p(tv)) − f(p) − t·∇f(p)ᵀv − t²/2·⟨H[v], v⟩ has TaylorSlope
//	≥ 3 − SlopeTol (see HessianSlope) in one of up to three random
//	directions, and the same along Retract when Config.RetractionOrder is
//	SecondOrder or ExpRetraction.
func checkEHessToRHess(c *ctx) {
	hc := c.s.hess
	if hc == nil {
		c.notRun("no EHessToRHess capability")
		return
	}
	m := c.m()
	f := newQuadratic(c.n(), c.rng)
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		u, v := c.tangent(p, 1), c.tangent(p, 1)
		eg := c.newVec()
		f.grad(eg, p)
		hv := func(x []float64) []float64 {
			eh, h := c.newVec(), c.newVec()
			f.hess(eh, p, x)
			hc.EHessToRHess(h, p, eg, eh, x)
			return h
		}
		hu, hvv := hv(u), hv(v)
		if !c.checkTangent(fmt.Sprintf("trial %d: EHessToRHess(p, egrad, ehess, v)", i), p, hvv) {
			continue
		}
		a, b := m.Inner(p, hu, v), m.Inner(p, u, hvv)
		if e, s := math.Abs(a-b), c.tol()*(m.Norm(p, hu)+m.Norm(p, hvv)); !within(e, s) {
			c.errorf("trial %d: symmetry: |⟨H[u], v⟩ − ⟨u, H[v]⟩| = %.3g > tol %.3g (%.17g vs %.17g)", i, e, s, a, b)
		}
		curves := []struct {
			name string
			f    func(dst, p, v []float64)
		}{{"Exp", m.Exp}}
		if o := c.s.cfg.RetractionOrder; o < 0 || o >= SecondOrder {
			curves = append(curves, struct {
				name string
				f    func(dst, p, v []float64)
			}{"Retract", m.Retract})
		}
		for _, cv := range curves {
			ok, seen := slopeTest(3, c.s.cfg.SlopeTol, func(k int) (float64, int) {
				w, hw := v, hvv
				if k > 0 {
					w = c.slopeDirection(p, v, k)
					hw = hv(w)
				}
				return hessianSlope(m, f.f, f.scale, dot(eg, w), hw, p, w, cv.f)
			})
			if !ok {
				c.errorf("trial %d: Taylor remainder f(%s_p(tv)) − f(p) − t·∇f(p)ᵀv − t²/2⟨Hess f[v], v⟩ has log-log slope %s in %d directions (−1 points: a NaN or Inf), want ≥ %g",
					i, cv.name, seen, slopeDirections, 3-c.s.cfg.SlopeTol)
			}
		}
	}
}
