package linalg_test

import (
	"math"
	"math/big"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// TestErrorFreeTransformations checks that TwoSum, FastTwoSum and TwoProd
// are exact: s + e (p + e) equals the exact sum (product) in math/big.
func TestErrorFreeTransformations(t *testing.T) {
	rng := rand.New(rand.NewPCG(11, 12))
	for range 20000 {
		a := randDD(rng, 60).Hi
		b := randDD(rng, 60).Hi
		s, e := linalg.TwoSum(a, b)
		if bzero().Add(bflt(s), bflt(e)).Cmp(bzero().Add(bflt(a), bflt(b))) != 0 || s != a+b {
			t.Fatalf("TwoSum(%g, %g) = %g + %g is not exact", a, b, s, e)
		}
		x, y := a, b
		if math.Abs(x) < math.Abs(y) {
			x, y = y, x
		}
		s, e = linalg.FastTwoSum(x, y)
		if bzero().Add(bflt(s), bflt(e)).Cmp(bzero().Add(bflt(x), bflt(y))) != 0 {
			t.Fatalf("FastTwoSum(%g, %g) = %g + %g is not exact", x, y, s, e)
		}
		p, pe := linalg.TwoProd(a, b)
		if bzero().Add(bflt(p), bflt(pe)).Cmp(bzero().Mul(bflt(a), bflt(b))) != 0 || p != a*b {
			t.Fatalf("TwoProd(%g, %g) = %g + %g is not exact", a, b, p, pe)
		}
	}
}

// TestDDArithmetic measures the relative errors of the double-double
// operations against math/big on random operands (including sums with
// heavy cancellation) and checks them against the bounds of Joldes,
// Muller & Popescu (2017), in units of u² = 2⁻¹⁰⁶.
func TestDDArithmetic(t *testing.T) {
	rng := rand.New(rand.NewPCG(13, 14))
	type op struct {
		name  string
		bound float64 // in units of u²
		dd    func(x, y linalg.DD) linalg.DD
		ref   func(x, y *big.Float) *big.Float
		f     bool // second operand is a float64
	}
	ops := []op{
		{"Add", 3.5, linalg.DD.Add, func(x, y *big.Float) *big.Float { return bzero().Add(x, y) }, false},
		{"Sub", 3.5, linalg.DD.Sub, func(x, y *big.Float) *big.Float { return bzero().Sub(x, y) }, false},
		{"Mul", 5, linalg.DD.Mul, func(x, y *big.Float) *big.Float { return bzero().Mul(x, y) }, false},
		{"Div", 16, linalg.DD.Div, func(x, y *big.Float) *big.Float { return bzero().Quo(x, y) }, false},
		{"AddF", 2.5, func(x, y linalg.DD) linalg.DD { return x.AddF(y.Hi) }, func(x, y *big.Float) *big.Float { return bzero().Add(x, y) }, true},
		{"MulF", 2.5, func(x, y linalg.DD) linalg.DD { return x.MulF(y.Hi) }, func(x, y *big.Float) *big.Float { return bzero().Mul(x, y) }, true},
		{"DivF", 4, func(x, y linalg.DD) linalg.DD { return x.DivF(y.Hi) }, func(x, y *big.Float) *big.Float { return bzero().Quo(x, y) }, true},
	}
	for _, o := range ops {
		var worst float64
		for i := range 20000 {
			x, y := randDD(rng, 40), randDD(rng, 40)
			if o.f {
				y.Lo = 0
			}
			if i%4 == 0 && (o.name == "Add" || o.name == "Sub") {
				// Near-cancellation: y ≈ ∓x up to a few ulps of the low word.
				y = linalg.DD{Hi: x.Hi, Lo: x.Lo * (1 + 1e-3*rng.NormFloat64())}
				if o.name == "Add" {
					y = y.Neg()
				}
			}
			got := o.dd(x, y)
			want := o.ref(bdd(x), bdd(y))
			if want.Sign() == 0 {
				if got.Hi != 0 || got.Lo != 0 {
					t.Errorf("%s(%v, %v) = %v, want 0", o.name, x, y, got)
				}
				continue
			}
			worst = math.Max(worst, relErrBig(bdd(got), want)/u2)
		}
		t.Logf("%s: worst relative error %.2f u²", o.name, worst)
		if !(worst <= o.bound) {
			t.Errorf("%s: relative error %.2f u² > %g u²", o.name, worst, o.bound)
		}
	}
	var worst float64
	for range 20000 {
		x := randDD(rng, 200).Abs()
		got := x.Sqrt()
		want := bzero().Sqrt(bdd(x))
		worst = math.Max(worst, relErrBig(bdd(got), want)/u2)
	}
	t.Logf("Sqrt: worst relative error %.2f u²", worst)
	if !(worst <= 4) {
		t.Errorf("Sqrt: relative error %.2f u² > 4 u²", worst)
	}
}

// TestDDSpecial covers zero, NaN, infinities and overflow.
func TestDDSpecial(t *testing.T) {
	nan := math.NaN()
	one := linalg.DDFrom(1)
	if z := linalg.DDFrom(0).Sqrt(); z.Hi != 0 || z.Lo != 0 {
		t.Errorf("Sqrt(0) = %v", z)
	}
	if z := linalg.DDFrom(-1).Sqrt(); z.Hi == z.Hi {
		t.Errorf("Sqrt(−1) = %v, want NaN", z)
	}
	if z := one.Div(linalg.DDFrom(0)); !math.IsInf(z.Hi, 1) {
		t.Errorf("1/0 = %v, want +Inf", z)
	}
	if z := one.Add(linalg.DDFrom(nan)); z.Hi == z.Hi {
		t.Errorf("1 + NaN = %v", z)
	}
	if z := linalg.DDFrom(1e300).Mul(linalg.DDFrom(1e300)); !math.IsInf(z.Hi, 1) {
		t.Errorf("1e300² = %v, want +Inf", z)
	}
	if c := one.Cmp(linalg.DD{Hi: 1, Lo: 1e-20}); c != -1 {
		t.Errorf("Cmp = %d", c)
	}
}

// TestDot2 checks Dot2 against an exact math/big dot product on
// ill-conditioned sums (terms of opposite signs cancelling to 1e-20 of
// their size).
func TestDot2(t *testing.T) {
	rng := rand.New(rand.NewPCG(15, 16))
	var worst float64
	for range 500 {
		n := 2 + rng.IntN(30)
		x, y := make([]float64, n), make([]float64, n)
		for i := range x {
			x[i] = rng.NormFloat64() * math.Ldexp(1, rng.IntN(40)-20)
			y[i] = rng.NormFloat64()
		}
		// Make the exact dot product tiny relative to Σ|xᵢyᵢ|.
		s := bzero()
		for i := range n - 1 {
			s.Add(s, bzero().Mul(bflt(x[i]), bflt(y[i])))
		}
		r, _ := s.Float64()
		y[n-1] = 1
		x[n-1] = -r + 1e-20*math.Abs(r)*rng.NormFloat64()
		exact := bzero().Add(s, bflt(x[n-1]))
		var abs float64
		for i := range x {
			abs += math.Abs(x[i] * y[i])
		}
		got := linalg.Dot2(x, y)
		d := bzero().Sub(bdd(got), exact)
		e, _ := d.Abs(d).Float64()
		worst = math.Max(worst, e/(float64(n)*float64(n)*u2*abs))
	}
	t.Logf("Dot2: worst error %.3g·n²u²·Σ|xᵢyᵢ|", worst)
	if !(worst <= 1) {
		t.Errorf("Dot2 error %.3g·n²u²·Σ|xᵢyᵢ| > 1", worst)
	}
}

// TestDDFunctions checks DDExp, DDExpm1, DDLog and DDLog1p against math/big
// series (bexpRef, blogRef), including tiny arguments of expm1 and log1p,
// where relative accuracy is the point, and ln 2 itself.
func TestDDFunctions(t *testing.T) {
	if e := relErrBig(bdd(linalg.DDLog(linalg.DDFrom(2))), blogRef(bflt(2))); !(e <= 2*u2) {
		t.Errorf("DDLog(2) relative error %.3g", e)
	}
	rng := rand.New(rand.NewPCG(17, 18))
	type fn struct {
		name string
		dd   func(linalg.DD) linalg.DD
		ref  func(*big.Float) *big.Float
		arg  func() linalg.DD
	}
	one := bflt(1)
	fns := []fn{
		{"Exp", linalg.DDExp, bexpRef, func() linalg.DD {
			return randDD(rng, 0).MulF(350 * rng.Float64())
		}},
		{"ExpSmall", linalg.DDExp, bexpRef, func() linalg.DD { return randDD(rng, 20).Ldexp(-21) }},
		{"Expm1", linalg.DDExpm1, func(x *big.Float) *big.Float { return bzero().Sub(bexpRef(x), one) }, func() linalg.DD {
			return randDD(rng, 40).Ldexp(-40)
		}},
		{"Expm1Mid", linalg.DDExpm1, func(x *big.Float) *big.Float { return bzero().Sub(bexpRef(x), one) }, func() linalg.DD {
			return randDD(rng, 0).MulF(float64(rng.IntN(100)))
		}},
		{"Log", linalg.DDLog, blogRef, func() linalg.DD { return randDD(rng, 600).Abs() }},
		{"LogNear1", linalg.DDLog, blogRef, func() linalg.DD { return randDD(rng, 30).Ldexp(-40).AddF(1) }},
		{"Log1p", linalg.DDLog1p, func(x *big.Float) *big.Float { return blogRef(bzero().Add(x, one)) }, func() linalg.DD {
			return randDD(rng, 40).Ldexp(-42) // |x| < 1/2
		}},
		{"Log1pWide", linalg.DDLog1p, func(x *big.Float) *big.Float { return blogRef(bzero().Add(x, one)) }, func() linalg.DD {
			if rng.IntN(2) == 0 {
				// In (−1, 0), down to 1 + x = 2⁻¹⁰⁰.
				return linalg.DDFrom(-1).AddF(math.Ldexp(1+rng.Float64(), -rng.IntN(100)-1))
			}
			return randDD(rng, 60).Abs()
		}},
	}
	for _, f := range fns {
		var worst float64
		for range 300 {
			x := f.arg()
			got := f.dd(x)
			want := f.ref(bdd(x))
			worst = math.Max(worst, relErrBig(bdd(got), want)/u2)
		}
		t.Logf("%s: worst relative error %.2f u²", f.name, worst)
		if !(worst <= 16) {
			t.Errorf("%s: relative error %.3g u² > 16 u²", f.name, worst)
		}
	}
	// Special cases.
	if z := linalg.DDLog1p(linalg.DDFrom(-1)); !math.IsInf(z.Hi, -1) {
		t.Errorf("DDLog1p(−1) = %v", z)
	}
	if z := linalg.DDLog1p(linalg.DDFrom(-2)); z.Hi == z.Hi {
		t.Errorf("DDLog1p(−2) = %v", z)
	}
	if z := linalg.DDExp(linalg.DDFrom(1000)); !math.IsInf(z.Hi, 1) {
		t.Errorf("DDExp(1000) = %v", z)
	}
	if z := linalg.DDExp(linalg.DDFrom(-1000)); z.Hi != 0 {
		t.Errorf("DDExp(−1000) = %v", z)
	}
	if z := linalg.DDExpm1(linalg.DDFrom(0)); z.Hi != 0 || z.Lo != 0 {
		t.Errorf("DDExpm1(0) = %v", z)
	}
	if z := linalg.DDLog1p(linalg.DDFrom(0)); z.Hi != 0 || z.Lo != 0 {
		t.Errorf("DDLog1p(0) = %v", z)
	}
	if z := linalg.DDExp(linalg.DDFrom(math.NaN())); z.Hi == z.Hi {
		t.Errorf("DDExp(NaN) = %v", z)
	}
}
