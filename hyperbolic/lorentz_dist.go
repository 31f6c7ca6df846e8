package hyperbolic

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// The distance, logarithm and parallel transport of the Lorentz model all
// rest on one quantity of a pair of points x̃ = (α, a), ỹ = (β, b) of the
// hyperboloid, given by their spatial parts a, b (α = √(1/c + ‖a‖²) and
// β likewise):
//
//	X = sinh(√c·d/2) = (√c/2)·‖x̃ − ỹ‖_L,   d = (2/√c)·asinh(X),
//
// because ⟨x̃ − ỹ, x̃ − ỹ⟩_L = −2/c − 2⟨x̃, ỹ⟩_L = (2/c)(cosh(√c d) − 1).
// Neither the Minkowski form of the difference nor −c⟨x̃, ỹ⟩_L can be
// evaluated directly in floating point: for points far from the origin both
// are differences of numbers of size αβ, and the form of the difference of
// two rounded points is dominated by their rounding. Multiplying
// Q = ‖x̃ − ỹ‖²_L = 2(αβ − a·b − 1/c) by αβ + a·b + 1/c gives the identity
//
//	Q = 2(‖a − b‖²/c + ‖a ∧ b‖²)/(αβ + a·b + 1/c),
//
// where ‖a ∧ b‖² = ‖a‖²‖b‖² − (a·b)² (Lagrange's identity), so in
// dimensionless form, with A = √c‖a‖, B = √c‖b‖, α̂ = √(1 + A²),
// β̂ = √(1 + B²),
//
//	X² = c·(‖e‖² + c‖a ∧ b‖²) / (2·(1 + α̂β̂ + c·a·b)),   e = a − b.
//
// Every term of the numerator is a square. When a·b ≥ 0 the denominator is
// a sum of positive terms; when a·b < 0 it is rewritten, with
// α̂β̂ − AB = (1 + A² + B²)/(α̂β̂ + AB) and AB + c·a·b = c²‖a∧b‖²/(AB − c·a·b),
// as 1 + (1 + A² + B²)/(α̂β̂ + AB) + c²‖a∧b‖²/(AB + c|a·b|), again a sum of
// positive terms. ‖a ∧ b‖ is formed as ‖r‖·‖e_⊥‖, where r is the shorter of
// a and b and e_⊥ = e − (r·e/‖r‖²)r is the part of the difference e
// orthogonal to r, computed with a fused multiply-add: e is exact for nearby
// points (Sterbenz), and the cancellation in e_⊥ costs a relative error of
// about ε·√c‖r‖ in the whole numerator, which is small because r is the
// point nearer the origin. The result is X with a relative error of a few ε
// for any pair whose nearer point is within a few units of the origin,
// however far apart they are.
//
// When the squares would leave the float64 range (points beyond about 2²⁰⁰
// from the origin in coordinates, or distances below about 2⁻⁴⁵⁰ in
// coordinates), the same formulas are evaluated from power-of-two-scaled
// sums in an extended-exponent arithmetic (type xf).

// lpair is the result of Lorentz.pair.
type lpair struct {
	X     xf      // sinh(√c·d/2); NaN if an input was NaN or infinite
	alpha float64 // x̃₀ = √(1/c + ‖a‖²)       (only with wantTime)
	beta  float64 // ỹ₀                         (only with wantTime)
	f0    float64 // ỹ₀ − x̃₀ = (‖b‖² − ‖a‖²)/(α + β) (only with wantTime)
}

var xfNaN = xf{math.NaN(), 0}

// pair returns X for the points with spatial parts a and b, and with
// wantTime also their time coordinates and difference.
func (l *Lorentz) pair(a, b []float64, wantTime bool) (p lpair) {
	var aa, bb, ab, ee, ae, be, es float64
	b = b[:len(a)]
	for i, ai := range a {
		bi := b[i]
		ei := ai - bi
		aa += ai * ai
		bb += bi * bi
		ab += ai * bi
		ee += ei * ei
		ae += ai * ei
		be += bi * ei
		es += ei * (ai + bi)
	}
	if s := aa + bb + ee; s != s {
		return lpair{X: xfNaN, alpha: s, beta: s, f0: s}
	}
	c := l.c
	ca, cb, ce := c*aa, c*bb, c*ee
	if ee == 0 && !linalg.Equal(a, b) {
		// The squares of tiny differences underflowed.
		return l.pairSlow(a, b, wantTime)
	}
	if ee == 0 {
		// a = b exactly: the distance is 0 whatever the size of the points.
		if wantTime {
			p.alpha = l.time(a)
			p.beta = p.alpha
		}
		return p
	}
	if !(ee >= sqLo && ce >= 0x1p-900 && ca <= 0x1p400 && cb <= 0x1p400) {
		return l.pairSlow(a, b, wantTime)
	}
	// The shorter of a and b is the reference direction for e_⊥.
	r, rr, re := a, aa, ae
	if bb < aa {
		r, rr, re = b, bb, be
	}
	cr := c * rr
	var cp float64
	if cr > 0x1p-60 {
		// Below that, c²‖a∧b‖² ≤ cr·ce is negligible beside ce.
		mu := re / rr
		var pp float64
		for i, ri := range r {
			w := math.FMA(-mu, ri, a[i]-b[i])
			pp += w * w
		}
		cp = c * pp
	}
	ah, bh := math.Sqrt(1+ca), math.Sqrt(1+cb)
	var den float64
	if ab >= 0 {
		den = 1 + ah*bh + c*ab
	} else {
		sab := math.Sqrt(ca) * math.Sqrt(cb)
		den = 1 + (1+ca+cb)/(ah*bh+sab) + cr*cp/(sab-c*ab)
	}
	p.X = mkxf(math.Sqrt(ce+cr*cp) / math.Sqrt(2*den))
	if wantTime {
		p.alpha, p.beta = l.r*ah, l.r*bh
		p.f0 = -es / (p.alpha + p.beta)
	}
	return p
}

// pairSlow is pair for inputs whose squares leave the float64 range: the
// sums are taken over copies of a, b and e scaled by powers of two (exact),
// a common one for a and b unless their sizes differ by more than 2⁴⁰⁰, and
// combined in extended-exponent arithmetic.
func (l *Lorentz) pairSlow(a, b []float64, wantTime bool) (p lpair) {
	var ma, mb, me float64
	for i, ai := range a {
		bi := b[i]
		ma = max(ma, math.Abs(ai))
		mb = max(mb, math.Abs(bi))
		me = max(me, math.Abs(ai*0.5-bi*0.5))
	}
	if m := max(ma, mb); m != m || math.IsInf(m, 1) {
		nan := math.NaN()
		return lpair{X: xfNaN, alpha: nan, beta: nan, f0: nan}
	}
	if me == 0 {
		if wantTime {
			p.alpha = l.time(a)
			p.beta = p.alpha
		}
		return p
	}
	// a_s = a·2^−ka, b_s = b·2^−kb, e_s = (a/2 − b/2)·2^−ke = e·2^−(ke+1),
	// each with largest entry in [½, 1) (or a common scale for a and b).
	ka := scaleExp(ma)
	kb := scaleExp(mb)
	ke := scaleExp(me)
	if ma == 0 {
		ka = kb
	}
	if mb == 0 {
		kb = ka
	}
	common := ka-kb <= 400 && kb-ka <= 400
	if common {
		ka = max(ka, kb)
		kb = ka
	}
	sa, sb, se := math.Ldexp(1, -ka), math.Ldexp(1, -kb), math.Ldexp(1, -ke)
	var aa, bb, ab, ee, ae, be, es float64
	for i, ai := range a {
		bi := b[i]
		as, bs := ai*sa, bi*sb
		ei := (ai*0.5 - bi*0.5) * se
		aa += as * as
		bb += bs * bs
		ab += as * bs
		ee += ei * ei
		ae += as * ei
		be += bs * ei
		es += ei * (as + bs) // meaningful only with a common scale
	}
	// The shorter of a and b is the reference direction r for e_⊥.
	rIsA := aa*math.Ldexp(1, 2*(ka-kb)) <= bb
	r, rr, re, sr, kr := a, aa, ae, sa, ka
	if !rIsA {
		r, rr, re, sr, kr = b, bb, be, sb, kb
	}
	var pp float64
	if rr > 0 {
		mu := re / rr
		for i, ri := range r {
			w := math.FMA(-mu, ri*sr, (a[i]*0.5-b[i]*0.5)*se)
			pp += w * w
		}
	}
	// True sums: ‖a‖² = aa·4^ka, ‖e‖² = ee·4^(ke+1), ‖e_⊥‖² = pp·4^(ke+1).
	cx := mkxf(l.c)
	one := mkxf(1)
	ca := cx.mul(xfScaled(aa, 2*ka))
	cb := cx.mul(xfScaled(bb, 2*kb))
	ce := cx.mul(xfScaled(ee, 2*ke+2))
	cr := cx.mul(xfScaled(rr, 2*kr))
	cp := cx.mul(xfScaled(pp, 2*ke+2))
	cab := cx.mul(xfScaled(math.Abs(ab), ka+kb))
	ah, bh := one.add(ca).sqrt(), one.add(cb).sqrt()
	var den xf
	if ab >= 0 {
		den = one.add(ah.mul(bh)).add(cab)
	} else {
		sab := ca.sqrt().mul(cb.sqrt())
		t1 := one.add(ca).add(cb).quo(ah.mul(bh).add(sab))
		t2 := cr.mul(cp).quo(sab.add(cab))
		den = one.add(t1).add(t2)
	}
	p.X = ce.add(cr.mul(cp)).sqrt().quo(xfScaled(den.m, den.e+1).sqrt())
	if wantTime {
		rx := mkxf(l.r)
		ax, bx := rx.mul(ah), rx.mul(bh)
		p.alpha, p.beta = ax.float(), bx.float()
		if common {
			// ‖b‖² − ‖a‖² = −Σ eᵢ(aᵢ + bᵢ) = −es·2^(ke+1+ka).
			f := xfScaled(math.Abs(es), ke+1+ka).quo(ax.add(bx)).float()
			p.f0 = -math.Copysign(f, es)
		} else {
			// The sizes differ by more than 2⁴⁰⁰: nothing cancels in β − α.
			p.f0 = p.beta - p.alpha
		}
	}
	return p
}

// Dist returns the geodesic distance
//
//	d(x, y) = (2/√c)·asinh(√c‖x − y‖_L/2) = (1/√c)·acosh(−c⟨x, y⟩_L)
//
// between the points with spatial parts x_{1:} and y_{1:}, with
// ‖x − y‖_L computed without cancellation as described in the package
// documentation (the time coordinates are implied by the spatial parts and
// only checked for NaN).
//
// Accuracy: relative error ≤ 1e-12 for distances from 1e-12 to 700 when
// one of the points is within 5/√c of the origin (measured worst 1.3e-15);
// for a nearer point r from the origin, within the conditioning bound
// ε·sinh(√c·r)/(√c·d) of its coordinates (see the package documentation).
//
// Special cases are:
//
//	Dist(x, x) = 0 exactly;
//	Dist(x, y) = NaN if an entry of x or y is NaN or infinite.
func (l *Lorentz) Dist(x, y []float64) float64 {
	l.check(x, y)
	if !isFinite(x[0]) || !isFinite(y[0]) {
		return math.NaN()
	}
	p := l.pair(x[1:], y[1:], false)
	return 2 * l.r * p.X.asinh()
}
