package hyperbolic

import (
	"math"
	"math/big"

	"github.com/geodesic-go/geodesic/internal/testutil"
)

// The reference values of the accuracy tests are computed in 2400-bit
// math/big arithmetic from the float64 inputs exactly as given, by formulas
// other than the ones under test:
//
//   - every distance as acosh(z)/√c of the exactly formed argument z of the
//     textbook acosh(1 + ·) formula (z = −c⟨x̃, ỹ⟩_L for the hyperboloid,
//     1 + 2c‖x − y‖²/((1 − c‖x‖²)(1 − c‖y‖²)) for the ball,
//     1 + ‖x − y‖²/(2x_n y_n) for the half-space), with
//     acosh(z) = ln(z + √(z² − 1)) and ln evaluated by bigLog below. The
//     implementation never forms z: it uses asinh of a quotient of norms.
//     With 2400 bits every product of float64s and every partial sum is
//     exact down to distances far below 1e-300, so z − 1 is exact however
//     small, and ln(z + √(z² − 1)) is correct to far more than float64
//     precision;
//   - the Lorentz logarithm as d·w/‖w‖_L with w = ỹ + c⟨x̃, ỹ⟩_L·x̃ formed
//     exactly (the implementation forms it from ỹ − x̃ and the half-chord);
//   - the ball logarithm from the textbook Möbius difference (−x) ⊕ y and
//     atanh u = ½log1p(2u/(1 − u)) with 1 − u exact (the implementation uses
//     asinh and a rearranged numerator);
//   - the half-space logarithm from the centre of the geodesic half-circle
//     (the implementation goes through the Lorentz model at e_n).
//
// For the hyperboloid the time coordinates are x̃₀ = √(1/c + ‖x_{1:}‖²)
// computed in big from the float64 spatial parts as given: that is the
// model's definition of the point (see Lorentz); a second reference with
// the float64 x₀ as given is used where it is meaningful (distances ≥ 1).

const bigPrec = 2400

func bigf(x float64) *big.Float { return new(big.Float).SetPrec(bigPrec).SetFloat64(x) }

func bnew() *big.Float { return new(big.Float).SetPrec(bigPrec) }

func bigDot(a, b []float64) *big.Float { return testutil.BigDot(a, b, bigPrec) }

func bigDiffSq(a, b []float64) *big.Float {
	s := bnew()
	for i := range a {
		d := bnew().Sub(bigf(a[i]), bigf(b[i]))
		s.Add(s, d.Mul(d, d))
	}
	return s
}

// bigAcosh returns acosh(z) for z ≥ 1 as a float64 accurate to a few ulps:
// w = z − 1 is formed exactly in big arithmetic (no cancellation, whatever
// its size) and rounded once, and acosh(1 + w) = log1p(w + √(w(w + 2)))
// is evaluated in float64, where its condition number is at most 1 (½ for
// small w), so the rounding of w and the few roundings of the evaluation
// give a relative error of a few units of 2⁻⁵³. Beyond w = 2⁵⁰⁰,
// acosh(1 + w) = ln(2w) to far below an ulp and is evaluated from the
// mantissa and exponent of w.
func bigAcosh(z *big.Float) float64 {
	w := bnew().Sub(z, bigf(1))
	if w.Sign() <= 0 {
		return 0
	}
	if w.MantExp(nil) < 500 {
		wf := f64(w)
		return math.Log1p(wf + math.Sqrt(wf*(wf+2)))
	}
	m := bnew()
	e := w.MantExp(m)
	return math.Ln2 + math.Log(f64(m)) + float64(e)*math.Ln2
}

func f64(z *big.Float) float64 {
	f, _ := z.Float64()
	return f
}

// refMinkowskiNorm returns √(‖v_{1:}‖² − v₀²) of the float64 v, exactly rounded.
func refMinkowskiNorm(v []float64) float64 {
	s := bigDot(v[1:], v[1:])
	s.Sub(s, bnew().Mul(bigf(v[0]), bigf(v[0])))
	if s.Sign() <= 0 {
		return 0
	}
	return f64(s.Sqrt(s))
}

// refLorentzTime returns √(1/c + ‖a‖²) in big.
func refLorentzTime(a []float64, c float64) *big.Float {
	t := bnew().Quo(bigf(1), bigf(c))
	t.Add(t, bigDot(a, a))
	return t.Sqrt(t)
}

// refLorentzDist returns acosh(−c⟨x̃, ỹ⟩_L)/√c for the points with the
// spatial parts of x and y.
func refLorentzDist(x, y []float64, c float64) float64 {
	a, b := x[1:], y[1:]
	z := bnew().Mul(refLorentzTime(a, c), refLorentzTime(b, c))
	z.Sub(z, bigDot(a, b))
	z.Mul(z, bigf(c))
	return bigAcosh(z) / math.Sqrt(c)
}

// refLorentzDistGiven is refLorentzDist with the float64 time coordinates as
// given: acosh(−c⟨x, y⟩_L)/√c with the Minkowski form exact.
func refLorentzDistGiven(x, y []float64, c float64) float64 {
	z := bigDot(x[1:], y[1:])
	z.Sub(bnew().Mul(bigf(x[0]), bigf(y[0])), z)
	z.Mul(z, bigf(c))
	return bigAcosh(z) / math.Sqrt(c)
}

// refLorentzLog returns the reference logarithm d·w/‖w‖_L, w = ỹ + c⟨x̃, ỹ⟩x̃.
func refLorentzLog(x, y []float64, c float64) []float64 {
	n := len(x)
	a, b := x[1:], y[1:]
	xt := make([]*big.Float, n)
	yt := make([]*big.Float, n)
	xt[0], yt[0] = refLorentzTime(a, c), refLorentzTime(b, c)
	for i := 1; i < n; i++ {
		xt[i], yt[i] = bigf(x[i]), bigf(y[i])
	}
	mink := func(u, v []*big.Float) *big.Float {
		s := bnew().Mul(u[0], v[0])
		s.Neg(s)
		for i := 1; i < n; i++ {
			s.Add(s, bnew().Mul(u[i], v[i]))
		}
		return s
	}
	k := mink(xt, yt)
	k.Mul(k, bigf(c))
	w := make([]*big.Float, n)
	for i := range w {
		w[i] = bnew().Add(yt[i], bnew().Mul(k, xt[i]))
	}
	nw := mink(w, w)
	out := make([]float64, n)
	if nw.Sign() <= 0 {
		return out
	}
	nw.Sqrt(nw)
	d := refLorentzDist(x, y, c)
	for i := range out {
		out[i] = d * f64(bnew().Quo(w[i], nw))
	}
	return out
}

// refBallGap returns 1 − c‖x‖² in big.
func refBallGap(x []float64, c float64) *big.Float {
	g := bnew().Mul(bigf(c), bigDot(x, x))
	return g.Sub(bigf(1), g)
}

// refBallDist returns acosh(1 + 2c‖x − y‖²/((1 − c‖x‖²)(1 − c‖y‖²)))/√c.
func refBallDist(x, y []float64, c float64) float64 {
	z := bnew().Mul(bigDiffSq(x, y), bigf(2*c))
	z.Quo(z, bnew().Mul(refBallGap(x, c), refBallGap(y, c)))
	z.Add(z, bigf(1))
	return bigAcosh(z) / math.Sqrt(c)
}

// refBallInside reports whether c‖x‖² < 1 exactly.
func refBallInside(x []float64, c float64) bool { return refBallGap(x, c).Sign() > 0 }

// refMobiusAdd returns x ⊕_c y by the textbook formula, in big.
func refMobiusAdd(x, y []float64, c float64) []*big.Float {
	bc := bigf(c)
	xy := bnew().Mul(bc, bigDot(x, y))
	xx := bnew().Mul(bc, bigDot(x, x))
	yy := bnew().Mul(bc, bigDot(y, y))
	one := bigf(1)
	ca := bnew().Add(one, bnew().Mul(bigf(2), xy))
	ca.Add(ca, yy)
	cb := bnew().Sub(one, xx)
	den := bnew().Add(one, bnew().Mul(bigf(2), xy))
	den.Add(den, bnew().Mul(xx, yy))
	out := make([]*big.Float, len(x))
	for i := range x {
		v := bnew().Mul(ca, bigf(x[i]))
		v.Add(v, bnew().Mul(cb, bigf(y[i])))
		out[i] = v.Quo(v, den)
	}
	return out
}

// refBallLog returns (2/(√c λ_x))·atanh(√c‖m‖)·m/‖m‖, m = (−x) ⊕ y.
func refBallLog(x, y []float64, c float64) []float64 {
	nx := make([]float64, len(x))
	for i := range x {
		nx[i] = -x[i]
	}
	m := refMobiusAdd(nx, y, c)
	mm := bnew()
	for _, v := range m {
		mm.Add(mm, bnew().Mul(v, v))
	}
	out := make([]float64, len(x))
	if mm.Sign() == 0 {
		return out
	}
	nm := bnew().Sqrt(mm)
	sc := bnew().Sqrt(bigf(c))
	u := bnew().Mul(sc, nm)
	// atanh u = ½ log1p(2u/(1 − u)), with 1 − u exact in big and the
	// quotient rounded once (condition number ≤ 1 in log1p).
	q := bnew().Quo(bnew().Mul(bigf(2), u), bnew().Sub(bigf(1), u))
	at := bigf(0.5 * math.Log1p(f64(q)))
	// 2/(√c λ_x) = (1 − c‖x‖²)/√c
	k := bnew().Mul(at, refBallGap(x, c))
	k.Quo(k, sc)
	k.Quo(k, nm)
	for i := range out {
		out[i] = f64(bnew().Mul(k, m[i]))
	}
	return out
}

// refHalfSpaceDist returns acosh(1 + ‖x − y‖²/(2x_n y_n))/√c.
func refHalfSpaceDist(x, y []float64, c float64) float64 {
	n := len(x)
	z := bnew().Quo(bigDiffSq(x, y), bnew().Mul(bigf(2*x[n-1]), bigf(y[n-1])))
	z.Add(z, bigf(1))
	return bigAcosh(z) / math.Sqrt(c)
}

// refHalfSpaceLog returns x_n·d₁·t/‖t‖ with t the unit tangent at x of the
// half-circle through x and y centred on the boundary (or the vertical
// line), d₁ = √c·d the distance for c = 1.
func refHalfSpaceLog(x, y []float64, c float64) []float64 {
	n := len(x)
	out := make([]float64, n)
	d1 := refHalfSpaceDist(x, y, 1)
	if d1 == 0 {
		return out
	}
	dp := bnew() // ‖Δ'‖²
	for i := 0; i < n-1; i++ {
		d := bnew().Sub(bigf(y[i]), bigf(x[i]))
		dp.Add(dp, d.Mul(d, d))
	}
	xn, yn := bigf(x[n-1]), bigf(y[n-1])
	if dp.Sign() == 0 {
		// Vertical geodesic: straight up or down.
		out[n-1] = x[n-1] * d1
		if y[n-1] < x[n-1] {
			out[n-1] = -out[n-1]
		}
		return out
	}
	// Centre C = x' + λΔ', λ = (‖Δ'‖² + y_n² − x_n²)/(2‖Δ'‖²); tangent
	// t = (x_n·Δ'/‖Δ'‖, λ‖Δ'‖), orthogonal to x − C = (−λΔ', x_n).
	lam := bnew().Add(dp, bnew().Mul(yn, yn))
	lam.Sub(lam, bnew().Mul(xn, xn))
	lam.Quo(lam, bnew().Mul(bigf(2), dp))
	ndp := bnew().Sqrt(dp)
	t := make([]*big.Float, n)
	tt := bnew()
	for i := 0; i < n-1; i++ {
		d := bnew().Sub(bigf(y[i]), bigf(x[i]))
		t[i] = d.Mul(d, xn)
		t[i].Quo(t[i], ndp)
		tt.Add(tt, bnew().Mul(t[i], t[i]))
	}
	t[n-1] = bnew().Mul(lam, ndp)
	tt.Add(tt, bnew().Mul(t[n-1], t[n-1]))
	nt := bnew().Sqrt(tt)
	// Orient towards y: the tangent makes an acute angle with y − x along the arc.
	dotv := bnew()
	for i := 0; i < n; i++ {
		dotv.Add(dotv, bnew().Mul(t[i], bnew().Sub(bigf(y[i]), bigf(x[i]))))
	}
	k := bigf(x[n-1] * d1)
	if dotv.Sign() < 0 {
		k.Neg(k)
	}
	k.Quo(k, nt)
	for i := range out {
		out[i] = f64(bnew().Mul(k, t[i]))
	}
	return out
}
