package linalg

import "math"

// Elementary functions in double-double arithmetic, accurate to a few units
// of u² = 2⁻¹⁰⁶ relative to the result (the unit tests check them against
// math/big). They use the textbook reductions (Hida, Li & Bailey 2001;
// Muller, Elementary Functions, 3rd ed., 2016, ch. 11):
//
//   - exp: x = k·ln 2 + r with |r| ≤ ln 2/2; expm1(r) from the Taylor series
//     of expm1(r/2⁸), then eight doublings in the form e ← e·(2 + e), which
//     is expm1(2t) = expm1(t)·(2 + expm1(t)) and keeps the relative accuracy
//     of expm1 (no "1 +" is ever formed); exp(x) = (1 + expm1(r))·2ᵏ;
//   - log: x = m·2ᵉ with m ∈ [1/√2, √2), log x = e·ln 2 + 2·atanh(s),
//     s = (m − 1)/(m + 1), |s| ≤ 0.172, from the series
//     atanh(s) = s + s³/3 + s⁵/5 + …; log1p(x) for 1 + x ∈ [1/√2, √2) uses
//     s = x/(2 + x) directly, so tiny arguments keep full relative accuracy.

// ddLn2 is ln 2 as a DD, and ln2c the next 53 bits of it, so that
// ddLn2 + ln2c is ln 2 to 2⁻¹⁵⁹ (checked against math/big in the tests).
var ddLn2 = DD{0x1.62e42fefa39efp-01, 0x1.abc9e3b39803fp-56}

const ln2c = 0x1.7b57a079a1934p-111

// ddSeriesTol is the relative size below which a series term is dropped.
const ddSeriesTol = 0x1p-110

// ddExpm1Reduced returns expm1(r) for |r| ≤ about 0.35.
func ddExpm1Reduced(r DD) DD {
	const halvings = 8
	t := r.Ldexp(-halvings)
	sum, term := t, t
	for k := 2; k < 30; k++ {
		term = term.Mul(t).DivF(float64(k))
		sum = sum.Add(term)
		if math.Abs(term.Hi) <= ddSeriesTol*math.Abs(sum.Hi) {
			break
		}
	}
	for range halvings {
		sum = sum.Mul(sum.AddF(2))
	}
	return sum
}

// DDExpm1 returns eˣ − 1 with small relative error for every x, including
// tiny ones. Large x overflow to +Inf as math.Expm1 does; NaN gives NaN.
func DDExpm1(x DD) DD {
	if x.Hi != x.Hi {
		return x
	}
	if math.Abs(x.Hi) <= 0.34 {
		return ddExpm1Reduced(x)
	}
	if x.Hi < -80 {
		return DD{-1, 0}.Add(DDExp(x))
	}
	return DDExp(x).AddF(-1)
}

// DDExp returns eˣ. It overflows to +Inf for x > about 709.78 and is 0
// below about −745; in the subnormal range the low word is lost. NaN gives
// NaN.
func DDExp(x DD) DD {
	switch {
	case x.Hi != x.Hi:
		return x
	case x.Hi > 709.8:
		return DD{math.Inf(1), 0}
	case x.Hi < -746:
		return DD{}
	}
	// r = x − k·ln 2 with the three parts of ln 2 multiplied by the
	// integer k (|k| ≤ 1077) exactly (TwoProd) or, for the last, with an
	// error below 2⁻¹⁵⁰: r has a small relative error however large k.
	k := math.Round(x.Hi / ddLn2.Hi)
	r := x.Sub(DDProd(k, ddLn2.Hi)).Sub(DDProd(k, ddLn2.Lo)).AddF(-k * ln2c)
	e := ddExpm1Reduced(r).AddF(1)
	ki := int(k)
	if ki < -1000 {
		// Scale in two steps so that the intermediate stays normal.
		return e.Ldexp(-1000).Ldexp(ki + 1000)
	}
	return e.Ldexp(ki)
}

// ddAtanh2 returns 2·atanh(s) for |s| ≤ about 0.18.
func ddAtanh2(s DD) DD {
	s2 := s.Sqr()
	sum, p := s, s
	for k := 1; k < 40; k++ {
		p = p.Mul(s2)
		term := p.DivF(float64(2*k + 1))
		sum = sum.Add(term)
		if math.Abs(term.Hi) <= ddSeriesTol*math.Abs(sum.Hi) {
			break
		}
	}
	return sum.Ldexp(1)
}

// DDLog returns the natural logarithm of x: −Inf for x = 0, NaN for x < 0
// or NaN, +Inf for +Inf. Arguments near 1 keep full relative accuracy of
// log x because x − 1 is formed exactly.
func DDLog(x DD) DD {
	switch {
	case x.Hi != x.Hi || x.Hi < 0:
		return DD{math.NaN(), math.NaN()}
	case x.Hi == 0:
		return DD{math.Inf(-1), 0}
	case math.IsInf(x.Hi, 1):
		return x
	}
	fr, e := math.Frexp(x.Hi) // x.Hi = fr·2ᵉ, fr ∈ [0.5, 1)
	if fr < math.Sqrt2/2 {
		e--
	}
	m := x.Ldexp(-e)  // m ∈ [1/√2, √2), up to the low word
	num := m.AddF(-1) // exact: m.Hi − 1 is exact by Sterbenz's lemma
	s := num.Div(m.AddF(1))
	l := ddAtanh2(s)
	if e == 0 {
		return l
	}
	return ddLn2.MulF(float64(e)).Add(l)
}

// DDLog1p returns log(1 + x) with small relative error for every
// x > −1, including tiny ones: −Inf for x = −1, NaN for x < −1 or NaN.
func DDLog1p(x DD) DD {
	if x.Hi != x.Hi {
		return x
	}
	if x.Hi > -0.29 && x.Hi < 0.41 {
		// 1 + x ∈ [1/√2, √2): s = x/(2 + x), no range reduction needed.
		return ddAtanh2(x.Div(x.AddF(2)))
	}
	return DDLog(x.AddF(1))
}
