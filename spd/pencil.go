package spd

import "math"

// Which side of the pencil (Q, P) each generalized eigenvalue comes from.
//
// The affine-invariant Log and Dist need the generalized eigenvalues μᵢ of
// (Q, P) to small relative error. P's side of the pencil is
// X = L⁻¹(Q − σP)L⁻ᵀ (P = LLᵀ), whose eigenvalues are xᵢ = μᵢ − σ: with σ = 1
// (D = L⁻¹(Q − P)L⁻ᵀ, from the exact difference Q − P) nearby points keep
// full relative accuracy in δᵢ = μᵢ − 1; with σ = 0 (C = L⁻¹QL⁻ᵀ) nothing
// cancels when every μᵢ is far below 1. Q's side is
// X' = K⁻¹(P − σ₂Q)K⁻ᵀ (Q = KKᵀ) with eigenvalues νⱼ − σ₂, νⱼ = 1/μᵢ,
// j = n − 1 − i. In units of the working precision u, the relative error of
// μᵢ taken from P's side is about
//
//	eᵢ = (κ̂(P)·|xᵢ| + ‖X‖₂)/μᵢ,
//
// the first term from the Cholesky factor (L is exact for P + E with
// ‖L⁻¹EL⁻ᵀ‖ up to about u·κ(P), a relative perturbation of X and so of
// every xᵢ), the second from the eigensolver (absolute error u·‖X‖₂); from
// Q's side it is the same expression with κ̂(Q), x'ⱼ and νⱼ. The estimate
// blows up for μᵢ ≪ 1 (and, from Q's side, for μᵢ ≫ 1): when the spread
// μ_max/μ_min is large, no one side suffices, and each eigenvalue is best
// taken from the side where it is not small, with errors about
// u·(μ_max/μ_min)^{1/2} in the middle; when every μᵢ is far from 1 on one
// side (Q much "smaller" or "larger" than P, e.g. Q = 2⁻⁴⁰·P), the shift
// 1 cancels and the unshifted form is used (σ = 0 when every μᵢ < 1/2, σ₂ = 0
// when every μᵢ > 2).
//
// P's side is always decomposed, first with σ = 1; Q's side only when some
// eᵢ exceeds the path's threshold. The eigenvalues from Q's side then form
// an initial segment i < first, those from P's the rest (both sides order
// the μᵢ the same way, so Log can combine the two sets of eigenvectors);
// chooseFirst picks the segment boundary that minimises the largest
// estimated error.

// pencil records where logAI and distAI took the generalized eigenvalues
// from: μᵢ for i ≥ first from P's side, the others from Q's, and the shifts
// σ, σ₂ ∈ {0, 1} of the two sides (eigenvalues μᵢ − σ and νⱼ − σ₂).
type pencil struct {
	first         int
	sigma, sigma2 float64
}

// pencilErrors writes into e the estimates eᵢ = (kappa·|xᵢ| + ‖X‖₂)/μᵢ,
// μᵢ = σ + xᵢ, for the eigenvalues xᵢ (ev, ascending) of one side of the
// pencil with shift σ (+Inf where μᵢ ≤ 0 or NaN), and returns their
// maximum.
func pencilErrors(e, ev []float64, kappa, sigma float64) float64 {
	n := len(ev)
	norm := max(ev[n-1], -ev[0])
	var worst float64
	for i, d := range ev {
		mu := sigma + d
		x := math.Inf(1)
		if mu > 0 {
			x = (kappa*math.Abs(d) + norm) / mu
		}
		if !(x <= math.MaxFloat64) {
			x = math.Inf(1)
		}
		e[i] = x
		worst = max(worst, x)
	}
	return worst
}

// chooseFirst returns the boundary first ∈ [0, n] minimising
// max(max_{i ≥ first} ec[i], max_{i < first} eb[n−1−i]), for the error
// estimates ec of the μᵢ from P's side (ascending μ) and eb of the νⱼ from
// Q's side (ascending ν), and that minimum. ec is overwritten (with suffix
// maxima).
func chooseFirst(ec, eb []float64) (first int, cost float64) {
	n := len(ec)
	for i := n - 2; i >= 0; i-- {
		ec[i] = max(ec[i], ec[i+1])
	}
	cost = math.Inf(1)
	var pre float64 // max over i < k of eb[n−1−i]
	for k := 0; k <= n; k++ {
		c := pre
		if k < n {
			c = max(c, ec[k])
		}
		if c < cost || (k == 0 && c == cost) {
			first, cost = k, c
		}
		if k < n {
			pre = max(pre, eb[n-1-k])
		}
	}
	return first, cost
}
