package testutil

import "math/big"

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
