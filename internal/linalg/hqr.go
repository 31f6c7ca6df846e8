package linalg

import "math"

// hqr reduces the n×n upper Hessenberg matrix h to real Schur form T in
// place and accumulates the orthogonal similarity into z (z ← z·Q, so that
// on return the input z·h·zᵀ equals z·T·zᵀ). It reports whether the
// iteration converged.
//
// This is the Francis implicit double-shift QR iteration on the full matrix
// (Golub & Van Loan, Matrix Computations, 4th ed., Alg. 7.5.1 and §7.5.6):
// bulge chasing with 3×3 Householder reflectors, deflation when a
// subdiagonal entry is negligible by both the classical test
// |h[k][k−1]| ≤ ε·(|h[k−1][k−1]| + |h[k][k]|) and the Ahues–Tisseur test
// (LAPACK Working Note 122, 1997), exceptional shifts after 10 and 20
// iterations without deflation, and every converged 2×2 block put in
// LAPACK's standard form by Dlanv2. It exists because gonum's Dhseqr
// allocates on every QR sweep.
func hqr(h, z []float64, n int) bool {
	const smlnum = 0x1p-1022 / eps
	var hnorm float64
	for _, v := range h {
		hnorm = max(hnorm, math.Abs(v))
	}
	itmax := 30 * max(10, n)
	hi := n - 1
	its := 0
	for hi >= 0 {
		lo := hi
		for ; lo > 0; lo-- {
			sub := math.Abs(h[lo*n+lo-1])
			if sub <= smlnum {
				break
			}
			tst := math.Abs(h[(lo-1)*n+lo-1]) + math.Abs(h[lo*n+lo])
			if tst == 0 {
				if lo-2 >= 0 {
					tst += math.Abs(h[(lo-1)*n+lo-2])
				}
				if lo+1 <= hi {
					tst += math.Abs(h[(lo+1)*n+lo])
				}
				if tst == 0 {
					tst = hnorm
				}
			}
			if sub <= eps*tst {
				// Ahues–Tisseur: also require the off-diagonal product to be
				// small relative to the diagonal gap, for high relative
				// accuracy.
				up := math.Abs(h[(lo-1)*n+lo])
				ab, ba := max(sub, up), min(sub, up)
				dd := math.Abs(h[(lo-1)*n+lo-1] - h[lo*n+lo])
				d1 := math.Abs(h[lo*n+lo])
				aa, bb := max(d1, dd), min(d1, dd)
				s := aa + ab
				if ba*(ab/s) <= max(smlnum, eps*(bb*(aa/s))) {
					break
				}
			}
		}
		if lo > 0 {
			h[lo*n+lo-1] = 0
		}
		switch {
		case lo == hi: // a 1×1 block has converged
			hi--
			its = 0
			continue
		case lo == hi-1: // a 2×2 block has converged
			standardize2(h, z, n, lo)
			hi -= 2
			its = 0
			continue
		}
		its++
		if its > itmax {
			return false
		}
		francisStep(h, z, n, lo, hi, its)
	}
	return true
}

// standardize2 puts the 2×2 diagonal block of h at rows and columns i, i+1
// in standard form with Dlanv2 and applies the rotation to the rest of h and
// to z.
func standardize2(h, z []float64, n, i int) {
	j := i + 1
	aa, bb, cc, dd, _, _, _, _, cs, sn := impl.Dlanv2(h[i*n+i], h[i*n+j], h[j*n+i], h[j*n+j])
	h[i*n+i], h[i*n+j], h[j*n+i], h[j*n+j] = aa, bb, cc, dd
	if cs == 1 && sn == 0 {
		return
	}
	for c := j + 1; c < n; c++ { // rows i, j to the right of the block
		x, y := h[i*n+c], h[j*n+c]
		h[i*n+c] = cs*x + sn*y
		h[j*n+c] = cs*y - sn*x
	}
	for r := range i { // columns i, j above the block
		x, y := h[r*n+i], h[r*n+j]
		h[r*n+i] = cs*x + sn*y
		h[r*n+j] = cs*y - sn*x
	}
	for r := range n {
		x, y := z[r*n+i], z[r*n+j]
		z[r*n+i] = cs*x + sn*y
		z[r*n+j] = cs*y - sn*x
	}
}

// house3 returns τ, v1, v2 of the reflector P = I − τ·vvᵀ, v = (1, v1, v2),
// with P·(a, b, c)ᵀ = (β, 0, 0)ᵀ, and β. τ = 0 means P = I.
func house3(a, b, c float64) (tau, v1, v2, beta float64) {
	xn := math.Hypot(b, c)
	if xn == 0 {
		return 0, 0, 0, a
	}
	beta = -math.Copysign(math.Hypot(a, xn), a)
	tau = (beta - a) / beta
	d := a - beta
	return tau, b / d, c / d, beta
}

// francisStep performs one implicit double-shift QR sweep on the active
// block lo..hi (hi − lo ≥ 2) of the Hessenberg matrix h, applying the
// reflectors to the whole of h and to z.
func francisStep(h, z []float64, n, lo, hi, its int) {
	// Shifts σ₁, σ₂: the eigenvalues of the trailing 2×2 block, or after 10
	// and 20 stalled sweeps the ad hoc exceptional pair of EISPACK's hqr,
	// the eigenvalues of [[d, −0.4375·w], [w, d]] with w the size of two
	// subdiagonal entries at the top (10) or bottom (20) of the block.
	var b11, b12, b21, b22 float64
	switch its {
	case 10:
		w := math.Abs(h[(lo+1)*n+lo]) + math.Abs(h[(lo+2)*n+lo+1])
		b11 = h[lo*n+lo] + 0.75*w
		b12, b21, b22 = -0.4375*w, w, b11
	case 20:
		w := math.Abs(h[hi*n+hi-1]) + math.Abs(h[(hi-1)*n+hi-2])
		b11 = h[hi*n+hi] + 0.75*w
		b12, b21, b22 = -0.4375*w, w, b11
	default:
		b11, b12 = h[(hi-1)*n+hi-1], h[(hi-1)*n+hi]
		b21, b22 = h[hi*n+hi-1], h[hi*n+hi]
	}
	var r1, i1, r2, i2 float64 // σ₁ = r1 + i·i1, σ₂ = r2 + i·i2
	if sc := math.Abs(b11) + math.Abs(b12) + math.Abs(b21) + math.Abs(b22); sc != 0 {
		b11, b12, b21, b22 = b11/sc, b12/sc, b21/sc, b22/sc
		tr := 0.5 * (b11 + b22)
		det := (b11-tr)*(b22-tr) - b12*b21
		rt := math.Sqrt(math.Abs(det))
		if det >= 0 { // complex conjugate pair tr ± i·rt
			r1, r2 = tr*sc, tr*sc
			i1, i2 = rt*sc, -rt*sc
		} else { // real: use the eigenvalue closer to b22 twice
			e1, e2 := tr+rt, tr-rt
			if math.Abs(e1-b22) > math.Abs(e2-b22) {
				e1 = e2
			}
			r1, r2 = e1*sc, e1*sc
		}
	}
	// First column of (H − σ₁I)(H − σ₂I) restricted to the active block,
	// formed from the differences h00 − σ so that nearby shifts do not
	// cancel, and scaled by sc to avoid overflow.
	h00, h01 := h[lo*n+lo], h[lo*n+lo+1]
	h10, h11 := h[(lo+1)*n+lo], h[(lo+1)*n+lo+1]
	h21 := h[(lo+2)*n+lo+1]
	sc := math.Abs(h00-r2) + math.Abs(i2) + math.Abs(h10)
	h10s := h10 / sc
	x := h10s*h01 + (h00-r1)*((h00-r2)/sc) - i1*(i2/sc)
	y := h10s * (h00 + h11 - r1 - r2)
	w := h10s * h21
	if sc := math.Abs(x) + math.Abs(y) + math.Abs(w); sc != 0 {
		x, y, w = x/sc, y/sc, w/sc
	}

	for k := lo; k <= hi-2; k++ {
		tau, v1, v2, beta := house3(x, y, w)
		if tau != 0 {
			c0 := max(lo, k-1)
			if k > lo {
				h[k*n+k-1] = beta
				h[(k+1)*n+k-1] = 0
				h[(k+2)*n+k-1] = 0
				c0 = k
			}
			for c := c0; c < n; c++ { // P from the left on rows k..k+2
				r0, r1, r2 := h[k*n+c], h[(k+1)*n+c], h[(k+2)*n+c]
				f := tau * (r0 + v1*r1 + v2*r2)
				h[k*n+c] = r0 - f
				h[(k+1)*n+c] = r1 - f*v1
				h[(k+2)*n+c] = r2 - f*v2
			}
			for r := range min(k+3, hi) + 1 { // P from the right on columns k..k+2
				c0, c1, c2 := h[r*n+k], h[r*n+k+1], h[r*n+k+2]
				f := tau * (c0 + v1*c1 + v2*c2)
				h[r*n+k] = c0 - f
				h[r*n+k+1] = c1 - f*v1
				h[r*n+k+2] = c2 - f*v2
			}
			for r := range n {
				c0, c1, c2 := z[r*n+k], z[r*n+k+1], z[r*n+k+2]
				f := tau * (c0 + v1*c1 + v2*c2)
				z[r*n+k] = c0 - f
				z[r*n+k+1] = c1 - f*v1
				z[r*n+k+2] = c2 - f*v2
			}
		}
		x = h[(k+1)*n+k]
		y = h[(k+2)*n+k]
		if k < hi-2 {
			w = h[(k+3)*n+k]
		}
	}
	// Final 2×2 reflector on rows and columns hi−1, hi.
	k := hi - 1
	tau, v1, _, beta := house3(x, y, 0)
	if tau == 0 {
		return
	}
	h[k*n+k-1] = beta
	h[(k+1)*n+k-1] = 0
	for c := k; c < n; c++ {
		r0, r1 := h[k*n+c], h[(k+1)*n+c]
		f := tau * (r0 + v1*r1)
		h[k*n+c] = r0 - f
		h[(k+1)*n+c] = r1 - f*v1
	}
	for r := range hi + 1 {
		c0, c1 := h[r*n+k], h[r*n+k+1]
		f := tau * (c0 + v1*c1)
		h[r*n+k] = c0 - f
		h[r*n+k+1] = c1 - f*v1
	}
	for r := range n {
		c0, c1 := z[r*n+k], z[r*n+k+1]
		f := tau * (c0 + v1*c1)
		z[r*n+k] = c0 - f
		z[r*n+k+1] = c1 - f*v1
	}
}
