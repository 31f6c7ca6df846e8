package testutil

import (
	"math"
	"math/big"
)

// The helpers below are the math/big reference kernels that several
// packages' accuracy tests share. Each works at the precision prec given by
// its caller (every intermediate and result is a big.Float of that
// precision) and evaluates its textbook algorithm in a fixed order, so the
// references are reproducible bit for bit and independent of
// internal/linalg. Matrices are row-major slices of *big.Float.

// BigMul returns the r×c product op(A)·op(B), where op(A) is r×k and op(B)
// is k×c, op transposing when ta (A stored k×r) or tb (B stored c×k) is
// set. Each entry is accumulated from zero over the inner index in
// increasing order.
func BigMul(a []*big.Float, ta bool, b []*big.Float, tb bool, r, k, c int, prec uint) []*big.Float {
	out := make([]*big.Float, r*c)
	for i := range out {
		out[i] = new(big.Float).SetPrec(prec)
	}
	t := new(big.Float).SetPrec(prec)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			s := out[i*c+j]
			for l := 0; l < k; l++ {
				ail := a[i*k+l]
				if ta {
					ail = a[l*r+i]
				}
				blj := b[l*c+j]
				if tb {
					blj = b[j*k+l]
				}
				t.Mul(ail, blj)
				s.Add(s, t)
			}
		}
	}
	return out
}

// BigSolveLower returns L⁻¹·X for the n×n lower-triangular L (its strict
// upper triangle is not read) and n×n X, by forward substitution column by
// column.
func BigSolveLower(l, x []*big.Float, n int, prec uint) []*big.Float {
	y := make([]*big.Float, n*n)
	for i := range y {
		y[i] = new(big.Float).SetPrec(prec)
	}
	t := new(big.Float).SetPrec(prec)
	for c := range n {
		for i := range n {
			s := new(big.Float).SetPrec(prec).Set(x[i*n+c])
			for k := range i {
				t.Mul(l[i*n+k], y[k*n+c])
				s.Sub(s, t)
			}
			y[i*n+c].Quo(s, l[i*n+i])
		}
	}
	return y
}

// BigOrthonormalise orthonormalises the columns q[0], q[1], … (each a
// slice of its entries, all of precision prec) in place by modified
// Gram–Schmidt applied twice.
func BigOrthonormalise(q [][]*big.Float, prec uint) {
	t, d := new(big.Float).SetPrec(prec), new(big.Float).SetPrec(prec)
	for j := range q {
		for pass := 0; pass < 2; pass++ {
			for k := 0; k < j; k++ {
				d.SetFloat64(0)
				for i := range q[j] {
					t.Mul(q[k][i], q[j][i])
					d.Add(d, t)
				}
				for i := range q[j] {
					t.Mul(d, q[k][i])
					q[j][i].Sub(q[j][i], t)
				}
			}
		}
		d.SetFloat64(0)
		for i := range q[j] {
			t.Mul(q[j][i], q[j][i])
			d.Add(d, t)
		}
		d.Sqrt(d)
		for i := range q[j] {
			q[j][i].Quo(q[j][i], d)
		}
	}
}

// BigDot returns ⟨a, b⟩ = Σ aᵢbᵢ of the float64 vectors a and b, taken
// exactly as given and accumulated left to right at precision prec (exact
// when prec is large enough, as the sphere and hyperbolic references'
// 2400 bits are).
func BigDot(a, b []float64, prec uint) *big.Float {
	s := new(big.Float).SetPrec(prec)
	t := new(big.Float).SetPrec(prec)
	for i := range a {
		t.Mul(new(big.Float).SetPrec(prec).SetFloat64(a[i]), new(big.Float).SetPrec(prec).SetFloat64(b[i]))
		s.Add(s, t)
	}
	return s
}

// BigExp returns eˣ at precision prec: x is halved until |x| < 2⁻¹², the
// Taylor series is summed to below 2^−(prec+72) relative, and the result is
// squared back, all at prec + 64 bits, then rounded to prec.
func BigExp(x *big.Float, prec uint) *big.Float {
	wp := prec + 64
	y := new(big.Float).SetPrec(wp).Set(x)
	halvings := 0
	lim := new(big.Float).SetMantExp(big.NewFloat(1), -12)
	for new(big.Float).Abs(y).Cmp(lim) > 0 {
		y.SetMantExp(y, -1)
		halvings++
	}
	sum := new(big.Float).SetPrec(wp).SetInt64(1)
	term := new(big.Float).SetPrec(wp).SetInt64(1)
	eps := new(big.Float).SetMantExp(big.NewFloat(1), -int(wp)-8)
	for k := int64(1); k < 1000; k++ {
		term.Mul(term, y)
		term.Quo(term, new(big.Float).SetPrec(wp).SetInt64(k))
		sum.Add(sum, term)
		if new(big.Float).Abs(term).Cmp(eps) < 0 {
			break
		}
	}
	for range halvings {
		sum.Mul(sum, sum)
	}
	return new(big.Float).SetPrec(prec).Set(sum)
}

// BigLog returns log x for x > 0 at precision prec by Newton's iteration
// y ← y + 2(x − eʸ)/(x + eʸ) (Halley's method on eʸ = x, cubically
// convergent; BigExp for eʸ), started
// from the float64 logarithm, or from x − 1 near 1 so that tiny logarithms
// converge in relative terms.
func BigLog(x *big.Float, prec uint) *big.Float {
	f, _ := x.Float64()
	y := new(big.Float).SetPrec(prec).SetFloat64(math.Log(f))
	if math.Abs(f-1) < 1e-3 {
		y.Sub(x, new(big.Float).SetPrec(prec).SetInt64(1))
	}
	for range 20 {
		e := BigExp(y, prec)
		num := new(big.Float).SetPrec(prec).Sub(x, e)
		num.Quo(num, new(big.Float).SetPrec(prec).Add(x, e))
		num.Mul(num, new(big.Float).SetPrec(prec).SetInt64(2))
		y.Add(y, num)
		// Stop once the correction is below 2^−(prec+8) relative (three
		// steps from a float64 start, since each triples the correct bits).
		if num.Sign() == 0 || num.MantExp(nil)+int(prec)+8 < y.MantExp(nil) {
			break
		}
	}
	return y
}
