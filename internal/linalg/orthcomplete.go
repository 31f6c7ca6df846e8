package linalg

// OrthComplete writes into w (k×r, r = k − p) an orthonormal basis of the
// orthogonal complement of span Y, for the k×p matrix Y with orthonormal
// columns (k ≥ p ≥ 1), so that [Y W] is a k×k orthogonal matrix. W is the
// last r columns of the Q factor of the Householder QR factorisation
// (QR; Golub & Van Loan, Matrix Computations, 4th ed., §5.2) of
//
//	[Y  E],   E = [0; I_r]   (the last r columns of the k×k identity),
//
// whose first p columns of Q span span Y; W is orthogonal to Y and has
// orthonormal columns to working precision (‖[Y W]ᵀ[Y W] − I‖ of order
// k·ε plus the deviation of Y from orthonormality), whatever Y is. The sign
// of det[Y W] is not controlled. r = 0 leaves w (empty) untouched. w must
// not overlap y. OrthComplete panics if p < 1, k < p or a length is wrong,
// and allocates nothing after warm-up.
func OrthComplete(w, y []float64, k, p int) {
	checkDim(p)
	if k < p {
		panic(errTall)
	}
	r := k - p
	checkLen(y, k*p)
	checkLen(w, k*r)
	if r == 0 {
		return
	}
	ws := GetFloats(2 * k * k)
	g := (*ws)[: k*k : k*k]
	gq := (*ws)[k*k : 2*k*k]
	clear(g)
	SetBlock(g, k, 0, 0, y, k, p)
	for i := range r {
		g[(p+i)*k+p+i] = 1
	}
	QR(gq, nil, g, k, k)
	GetBlock(w, gq, k, 0, p, k, r)
	PutFloats(ws)
}
