package sphere

import (
	"math"

	"gonum.org/v1/gonum/floats"
)

// The distance, logarithm and inverse retraction all rest on one
// decomposition of q relative to p:
//
//	q = (⟨p, q⟩/‖p‖²)·p + w,   w ⊥ p,
//
// so that ‖w‖ = ‖q‖·sin θ and ⟨p, q⟩/‖p‖ = ‖q‖·cos θ, where θ is the angle
// between the directions of p and q. The tangent part w is never formed as
// q − ⟨p, q⟩p, which cancels catastrophically when q ≈ ±p; instead
//
//	w = e − (⟨p, e⟩/‖p‖²)·p,   e = q − p if ⟨p, q⟩ ≥ 0, e = q + p otherwise,
//
// the same vector (e differs from q by a multiple of p), computed from the
// small difference e, whose entries are exact or correctly rounded (Sterbenz
// lemma). Then θ = atan2(‖w‖, ⟨p, q⟩/‖p‖) has a relative error of a few ulps
// times the length-n dot-product error bound for every θ in [0, π],
// independently of ‖p‖ and ‖q‖ differing from 1 by rounding. This is the
// atan2 form of the chord formula θ = 2·atan2(‖p − q‖, ‖p + q‖) (Kahan,
// "How futile are mindless assessments of roundoff", 2006, §12), with the
// radial rounding of p and q removed.

// Scale factors that move tiny tangent parts into the normal range before
// squaring.
const (
	tinySumSq = 0x1p-960
	upScale   = 0x1p600
)

// tangentPart returns α = ⟨p, e⟩/‖p‖² with e = q − sgn·p as above, the sign
// sgn, the norm ‖w‖ and the cosine part ⟨p, q⟩/‖p‖.
func tangentPart(p, q []float64) (alpha, sgn, nw, cosPart float64) {
	pq := floats.Dot(p, q)
	sgn = 1 // e = q − sgn·p
	if pq < 0 {
		sgn = -1
	}
	// ‖p‖² is summed in the same loop and order as ⟨p, e⟩, so that q = p
	// (e = 0) gives α = 0 exactly. Four accumulators break the dependency
	// chain of the sums.
	var pe0, pe1, pe2, pe3, pp0, pp1, pp2, pp3 float64
	n := len(p)
	q = q[:n]
	i := 0
	for ; i+4 <= n; i += 4 {
		p0, p1, p2, p3 := p[i], p[i+1], p[i+2], p[i+3]
		pe0 += p0 * (q[i] - sgn*p0)
		pe1 += p1 * (q[i+1] - sgn*p1)
		pe2 += p2 * (q[i+2] - sgn*p2)
		pe3 += p3 * (q[i+3] - sgn*p3)
		pp0 += p0 * p0
		pp1 += p1 * p1
		pp2 += p2 * p2
		pp3 += p3 * p3
	}
	for ; i < n; i++ {
		pe0 += p[i] * (q[i] - sgn*p[i])
		pp0 += p[i] * p[i]
	}
	pe := (pe0 + pe1) + (pe2 + pe3)
	pp := (pp0 + pp1) + (pp2 + pp3)
	alpha = pe / pp
	ww := tangentSumSq(p, q, sgn, alpha, 1)
	if ww < tinySumSq {
		// Redo with a power-of-two scale (exact) so that no square underflows.
		nw = math.Sqrt(tangentSumSq(p, q, sgn, alpha, upScale)) / upScale
	} else {
		nw = math.Sqrt(ww)
	}
	return alpha, sgn, nw, pq / math.Sqrt(pp)
}

// tangentSumSq returns Σ (k·wᵢ)², wᵢ = (qᵢ − sgn·pᵢ) − α·pᵢ, with k a power
// of two.
func tangentSumSq(p, q []float64, sgn, alpha, k float64) float64 {
	var s0, s1, s2, s3 float64
	n := len(p)
	q = q[:n]
	i := 0
	for ; i+4 <= n; i += 4 {
		w0 := ((q[i] - sgn*p[i]) - alpha*p[i]) * k
		w1 := ((q[i+1] - sgn*p[i+1]) - alpha*p[i+1]) * k
		w2 := ((q[i+2] - sgn*p[i+2]) - alpha*p[i+2]) * k
		w3 := ((q[i+3] - sgn*p[i+3]) - alpha*p[i+3]) * k
		s0 += w0 * w0
		s1 += w1 * w1
		s2 += w2 * w2
		s3 += w3 * w3
	}
	for ; i < n; i++ {
		w := ((q[i] - sgn*p[i]) - alpha*p[i]) * k
		s0 += w * w
	}
	return (s0 + s1) + (s2 + s3)
}
