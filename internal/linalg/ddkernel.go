package linalg

import "math"

// Inner loops of the double-double kernels, written without calls (the
// DD methods are too large for Go's inliner) in the compensated style of
// Ogita, Rump & Oishi (2005): each product is split exactly by TwoProd, its
// cross terms with the low words are added to the error by fused
// multiply-adds, the high parts are summed by TwoSum and all error terms
// are gathered in one float64. The result is as accurate as if every
// multiply-add had been done in double-double: its error is at most about
// n·u²·Σₖ|aₖbₖ| + u²·|result| (u = 2⁻⁵³), the bound the standard error
// analyses of Cholesky, triangular solves and products assume.

// ddDotAcc returns c + Σₖ aₖ·b[k·bs] (c − Σ… if neg) for k < len(a).
func ddDotAcc(c DD, neg bool, a, b []DD, bs int) DD {
	sh, sl := c.Hi, c.Lo
	sg := 1.0
	if neg {
		sg = -1
	}
	for k, x := range a {
		y := b[k*bs]
		xh, xl := sg*x.Hi, sg*x.Lo
		ph := float64(xh * y.Hi)
		pe := math.FMA(xh, y.Hi, -ph)
		pe = math.FMA(xh, y.Lo, math.FMA(xl, y.Hi, pe))
		s := sh + ph
		bb := s - sh
		e := (sh - (s - bb)) + (ph - bb)
		sh = s
		sl += e + pe
	}
	zh, zl := TwoSum(sh, sl)
	if zh != zh {
		return DD{sh + sl, 0}
	}
	return DD{zh, zl}
}

// ddComb2 returns a·x + b·y.
func ddComb2(a, x, b, y DD) DD {
	p1 := float64(a.Hi * x.Hi)
	e1 := math.FMA(a.Hi, x.Hi, -p1)
	e1 = math.FMA(a.Hi, x.Lo, math.FMA(a.Lo, x.Hi, e1))
	p2 := float64(b.Hi * y.Hi)
	e2 := math.FMA(b.Hi, y.Hi, -p2)
	e2 = math.FMA(b.Hi, y.Lo, math.FMA(b.Lo, y.Hi, e2))
	s, t := TwoSum(p1, p2)
	zh, zl := TwoSum(s, t+(e1+e2))
	return DD{zh, zl}
}
