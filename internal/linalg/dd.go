package linalg

import (
	"math"
	"math/bits"
	"sync"
)

// Double-double ("double-word") arithmetic.
//
// A DD is the unevaluated sum Hi + Lo of two float64s with |Lo| ≤ ulp(Hi)/2,
// a number with about 106 significant bits and the exponent range of
// float64 (Dekker, "A floating-point technique for extending the available
// precision", Numer. Math. 18, 1971). The operations are built from the
// error-free transformations
//
//	TwoSum(a, b)     = (s, e) with s = fl(a + b), s + e = a + b exactly
//	                   (Knuth, TAOCP vol. 2, §4.2.2, Theorem B; six flops,
//	                   no condition on a and b);
//	FastTwoSum(a, b) = the same in three flops when |a| ≥ |b| or a = 0
//	                   (Dekker 1971);
//	TwoProd(a, b)    = (p, e) with p = fl(a·b), p + e = a·b exactly, from one
//	                   fused multiply-add, e = fma(a, b, −p),
//
// which are exact barring overflow (and, for TwoProd, underflow of the
// error term). The compound operations follow the algorithms collected by
// Hida, Li & Bailey ("Algorithms for quad-double precision floating point
// arithmetic", ARITH-15, 2001), in the variants whose error bounds Joldes,
// Muller & Popescu proved ("Tight and rigorous error bounds for basic
// building blocks of double-word arithmetic", ACM TOMS 44, 2017): with
// u = 2⁻⁵³ the relative error of Add and Sub is at most 3u² + 13u³, of Mul
// about 5u², of Div about 15u², and of Sqrt about 4u² (the unit tests check
// them against math/big). Summation of float64 products in this arithmetic
// is the "Dot2" algorithm of Ogita, Rump & Oishi ("Accurate sum and dot
// product", SIAM J. Sci. Comput. 26, 2005): its result is as accurate as if
// computed in twice the working precision and then rounded.
//
// Where an algorithm below needs a product rounded on its own before an
// addition, the product is converted with an explicit float64(·), which the
// Go specification guarantees is not fused into a multiply-add.
//
// Special values: the operations propagate NaN, and an infinite operand
// or an overflow gives the float64 result of the same operation on the
// high words, with a zero low word.

// DD is a double-double number Hi + Lo, |Lo| ≤ ulp(Hi)/2.
type DD struct{ Hi, Lo float64 }

// DDFrom returns the DD equal to x.
func DDFrom(x float64) DD { return DD{x, 0} }

// Float64 returns Hi + Lo rounded to float64 (Hi itself, for a normalised
// DD, unless Lo is exactly half an ulp).
func (x DD) Float64() float64 { return x.Hi + x.Lo }

// TwoSum returns s = fl(a + b) and the rounding error e, a + b = s + e
// exactly (Knuth's branch-free algorithm).
func TwoSum(a, b float64) (s, e float64) {
	s = a + b
	bb := s - a
	e = (a - (s - bb)) + (b - bb)
	return s, e
}

// FastTwoSum returns s = fl(a + b) and e with a + b = s + e exactly,
// provided |a| ≥ |b| or a = 0 (Dekker 1971).
func FastTwoSum(a, b float64) (s, e float64) {
	s = a + b
	e = b - (s - a)
	return s, e
}

// TwoProd returns p = fl(a·b) and e with a·b = p + e exactly (barring
// underflow of e), using one fused multiply-add.
func TwoProd(a, b float64) (p, e float64) {
	p = float64(a * b) // rounded: never fused with the caller's additions
	e = math.FMA(a, b, -p)
	return p, e
}

// DDSum returns a + b exactly as a DD.
func DDSum(a, b float64) DD {
	s, e := TwoSum(a, b)
	return DD{s, e}
}

// DDProd returns a·b exactly as a DD (barring underflow).
func DDProd(a, b float64) DD {
	p, e := TwoProd(a, b)
	return DD{p, e}
}

// Neg returns −x.
func (x DD) Neg() DD { return DD{-x.Hi, -x.Lo} }

// Abs returns |x|.
func (x DD) Abs() DD {
	if x.Hi < 0 || (x.Hi == 0 && x.Lo < 0) {
		return DD{-x.Hi, -x.Lo}
	}
	return x
}

// Ldexp returns x·2^e, exact unless the result over- or underflows.
func (x DD) Ldexp(e int) DD { return DD{math.Ldexp(x.Hi, e), math.Ldexp(x.Lo, e)} }

// Add returns x + y (accurate double-word addition, relative error ≤ 3u² +
// 13u³ even under cancellation).
func (x DD) Add(y DD) DD {
	sh, sl := TwoSum(x.Hi, y.Hi)
	th, tl := TwoSum(x.Lo, y.Lo)
	c := sl + th
	vh, vl := FastTwoSum(sh, c)
	w := tl + vl
	zh, zl := FastTwoSum(vh, w)
	if zh != zh {
		return DD{x.Hi + y.Hi, 0} // ±Inf operands or overflow
	}
	return DD{zh, zl}
}

// Sub returns x − y.
func (x DD) Sub(y DD) DD { return x.Add(DD{-y.Hi, -y.Lo}) }

// AddF returns x + y for a float64 y (relative error ≤ 2u²).
func (x DD) AddF(y float64) DD {
	sh, sl := TwoSum(x.Hi, y)
	v := x.Lo + sl
	zh, zl := FastTwoSum(sh, v)
	if zh != zh {
		return DD{x.Hi + y, 0}
	}
	return DD{zh, zl}
}

// Mul returns x·y (relative error ≤ about 5u²).
func (x DD) Mul(y DD) DD {
	ch, cl1 := TwoProd(x.Hi, y.Hi)
	tl0 := float64(x.Lo * y.Lo)
	tl1 := math.FMA(x.Hi, y.Lo, tl0)
	cl2 := math.FMA(x.Lo, y.Hi, tl1)
	cl3 := cl1 + cl2
	zh, zl := FastTwoSum(ch, cl3)
	if zh != zh {
		return DD{ch, 0} // ±Inf operands or overflow
	}
	return DD{zh, zl}
}

// MulF returns x·y for a float64 y (relative error ≤ 2u²).
func (x DD) MulF(y float64) DD {
	ch, cl1 := TwoProd(x.Hi, y)
	cl3 := math.FMA(x.Lo, y, cl1)
	zh, zl := FastTwoSum(ch, cl3)
	if zh != zh {
		return DD{ch, 0}
	}
	return DD{zh, zl}
}

// Sqr returns x².
func (x DD) Sqr() DD { return x.Mul(x) }

// Div returns x/y (relative error ≤ about 15u²). y = 0 gives ±Inf or NaN as
// float64 division does.
func (x DD) Div(y DD) DD {
	th := x.Hi / y.Hi
	r := y.MulF(th)
	ph := x.Hi - r.Hi
	dl := x.Lo - r.Lo
	d := ph + dl
	tl := d / y.Hi
	zh, zl := FastTwoSum(th, tl)
	if zh != zh || math.IsInf(th, 0) {
		return DD{th, 0}
	}
	return DD{zh, zl}
}

// DivF returns x/y for a float64 y.
func (x DD) DivF(y float64) DD {
	th := x.Hi / y
	ph, pl := TwoProd(th, y)
	dh := x.Hi - ph
	dt := dh - pl
	d := dt + x.Lo
	tl := d / y
	zh, zl := FastTwoSum(th, tl)
	if zh != zh || math.IsInf(th, 0) {
		return DD{th, 0}
	}
	return DD{zh, zl}
}

// Recip returns 1/x.
func (x DD) Recip() DD { return DD{1, 0}.Div(x) }

// Sqrt returns √x, one Newton (Karp–Markstein) correction of the float64
// square root: s = √Hi, √x ≈ s + (x − s²)/(2s). Sqrt(0) = 0; a negative x
// gives NaN.
func (x DD) Sqrt() DD {
	if x.Hi <= 0 {
		if x.Hi == 0 {
			return DD{}
		}
		return DD{math.NaN(), math.NaN()}
	}
	s := math.Sqrt(x.Hi)
	if math.IsInf(s, 0) {
		return DD{s, 0}
	}
	ph, pl := TwoProd(s, s)
	e := ((x.Hi - ph) - pl + x.Lo) / (2 * s)
	zh, zl := FastTwoSum(s, e)
	return DD{zh, zl}
}

// Cmp returns −1, 0 or +1 as x < y, x = y or x > y (false comparisons,
// hence 0, for NaN).
func (x DD) Cmp(y DD) int {
	switch {
	case x.Hi < y.Hi || (x.Hi == y.Hi && x.Lo < y.Lo):
		return -1
	case x.Hi > y.Hi || (x.Hi == y.Hi && x.Lo > y.Lo):
		return 1
	}
	return 0
}

// Dot2 returns Σ xᵢyᵢ for float64 vectors, computed with error-free
// products and sums (Ogita, Rump & Oishi 2005, Algorithm 5.3) and returned
// unrounded as a DD: its error is at most u·|xᵀy| after rounding plus
// γ²_n·|x|ᵀ|y|, as if the sum had been accumulated in twice the working
// precision. y must be at least as long as x.
func Dot2(x, y []float64) DD {
	y = y[:len(x)]
	var s, c float64
	for i, a := range x {
		p, pe := TwoProd(a, y[i])
		var se float64
		s, se = TwoSum(s, p)
		c += pe + se
	}
	zh, zl := FastTwoSum(s, c)
	if zh != zh {
		return DD{s + c, 0}
	}
	return DD{zh, zl}
}

// DDRound writes the float64 roundings of the DDs of src into dst, which
// must have the same length.
func DDRound(dst []float64, src []DD) {
	if len(dst) != len(src) {
		panic(errLength)
	}
	for i, x := range src {
		dst[i] = x.Hi + x.Lo
	}
}

// DDSetFloats writes the exact DD values of the float64s of src into dst,
// which must have the same length.
func DDSetFloats(dst []DD, src []float64) {
	if len(dst) != len(src) {
		panic(errLength)
	}
	for i, x := range src {
		dst[i] = DD{x, 0}
	}
}

// ddAllFinite reports whether every Hi of s is finite.
func ddAllFinite(s []DD) bool {
	var acc float64
	for _, v := range s {
		acc += v.Hi * 0
	}
	return acc == 0
}

// ddFillNaN sets every entry of s to NaN.
func ddFillNaN(s []DD) {
	nan := math.NaN()
	for i := range s {
		s[i] = DD{nan, nan}
	}
}

// DDSymPart writes the exact symmetric part (A + Aᵀ)/2 of the n×n float64
// matrix A as DDs: each off-diagonal pair sum is formed with TwoSum and
// halved exactly (barring underflow), so no rounding occurs. dst is exactly
// symmetric.
func DDSymPart(dst []DD, a []float64, n int) {
	checkDim(n)
	checkLen(a, n*n)
	checkDDLen(dst, n*n)
	for i := range n {
		dst[i*n+i] = DD{a[i*n+i], 0}
		for j := i + 1; j < n; j++ {
			x, y := a[i*n+j], a[j*n+i]
			var v DD
			if x == y {
				v = DD{x, 0}
			} else {
				s, e := TwoSum(x, y)
				v = DD{0.5 * s, 0.5 * e}
			}
			dst[i*n+j] = v
			dst[j*n+i] = v
		}
	}
}

// DDSymDiff writes the symmetric part of A − B, (A + Aᵀ)/2 − (B + Bᵀ)/2,
// for n×n float64 matrices as DDs. For symmetric A and B every entry is
// exact (a difference of two float64s is a DD); otherwise each entry has
// relative error ≤ 3u². dst is exactly symmetric.
func DDSymDiff(dst []DD, a, b []float64, n int) {
	checkDim(n)
	checkLen(a, n*n)
	checkLen(b, n*n)
	checkDDLen(dst, n*n)
	for i := range n {
		dst[i*n+i] = DDSum(a[i*n+i], -b[i*n+i])
		for j := i + 1; j < n; j++ {
			v := DDSum(a[i*n+j], -b[i*n+j])
			if a[i*n+j] != a[j*n+i] || b[i*n+j] != b[j*n+i] {
				v = v.Add(DDSum(a[j*n+i], -b[j*n+i])).Ldexp(-1)
			}
			dst[i*n+j] = v
			dst[j*n+i] = v
		}
	}
}

func checkDDLen(s []DD, want int) {
	if len(s) != want {
		panic(errLength)
	}
}

// ddPools[k] holds *[]DD whose capacity is at least 1<<k, as floatPools.
var ddPools [64]sync.Pool

// GetDDs returns a pooled []DD of length n with unspecified contents.
// Return it with PutDDs. After warm-up the pair allocates nothing.
func GetDDs(n int) *[]DD {
	if n < 0 {
		panic(errPoolClass)
	}
	k := sizeClass(n)
	if v := ddPools[k].Get(); v != nil {
		s := v.(*[]DD)
		*s = (*s)[:n]
		return s
	}
	s := make([]DD, n, 1<<k)
	return &s
}

// PutDDs returns a slice obtained from GetDDs to the pool.
func PutDDs(s *[]DD) {
	if s == nil || cap(*s) == 0 {
		return
	}
	ddPools[bits.Len(uint(cap(*s)))-1].Put(s)
}

// DDArena is Arena for DDs: consecutive pieces of one pooled []DD.
//
//	ar := linalg.NewDDArena(n1 + n2)
//	defer ar.Release()
//	a, b := ar.Take(n1), ar.Take(n2)
type DDArena struct {
	buf  *[]DD
	rest []DD
}

// NewDDArena returns a DDArena holding n elements from the pool.
func NewDDArena(n int) DDArena {
	b := GetDDs(n)
	return DDArena{buf: b, rest: *b}
}

// Take returns the next n elements (contents unspecified). It panics if
// fewer than n remain.
func (a *DDArena) Take(n int) []DD {
	s := a.rest[:n:n]
	a.rest = a.rest[n:]
	return s
}

// Release returns the arena's storage to the pool.
func (a *DDArena) Release() { PutDDs(a.buf) }
