package linalg

import "math"

// OrthResidual returns the loss of orthonormality ‖XᵀX − I‖_F of the n×p
// matrix X (n ≥ p ≥ 1), evaluated plainly: the Gram matrix XᵀX by MulAtB,
// one subtracted from its diagonal, and the Frobenius norm as √SumSq. The
// absolute error is of order (n + p)·ε·max(1, ‖X‖²), so residuals below
// about that level (an X orthonormal to working precision) are not
// resolved; ResidualDot2 is the tool when a tiny residual must be accurate.
// A NaN entry gives NaN and an infinite one +Inf or NaN. OrthResidual
// panics if p < 1, n < p or len(x) ≠ n·p, and allocates nothing after
// warm-up.
func OrthResidual(x []float64, n, p int) float64 {
	checkDim(p)
	if n < p {
		panic(errTall)
	}
	checkLen(x, n*p)
	w := GetFloats(p * p)
	g := (*w)[:p*p]
	MulAtB(g, x, x, p, n, p)
	for i := range p {
		g[i*p+i]--
	}
	r := math.Sqrt(SumSq(g))
	PutFloats(w)
	return r
}
