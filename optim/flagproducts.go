package optim

import (
	"gonum.org/v1/gonum/blas/gonum"
)

// level1 gives the vectorised BLAS level-1 kernels of gonum.
var level1 gonum.Implementation

// rowChunkRows is the smallest number of rows per chunk of a product.
const rowChunkRows = 256

// initProducts sets up the buffers of the products with D.
func (f *flagData) initProducts() {
	N := len(f.pts)
	f.woff = make([]int, len(f.size))
	for i, m := range f.size {
		f.woff[i] = f.wlen
		f.wlen += m * N * m
	}
	// The chunks depend on n only, so that the grouping of the sums, and
	// hence the bits, do not depend on the number of goroutines.
	f.rchunks = max(1, min(maxChunks, f.n/rowChunkRows))
	if f.rchunks > 1 {
		f.part = make([]float64, f.rchunks*f.wlen)
	}
	f.cy = make([]float64, f.n*f.p)
	f.cw = make([]float64, f.wlen)
	f.tw = make([]float64, f.wlen)
	f.sw = make([]float64, f.wlen)
}

// rowRange returns the rows [lo, hi) of row chunk c.
func (f *flagData) rowRange(c int) (lo, hi int) {
	per := (f.n + f.rchunks - 1) / f.rchunks
	return min(f.n, c*per), min(f.n, (c+1)*per)
}

// dtv writes (D_iᵀ·V_i)ᵀ for every block into w: entry (b, a) of block i
// is Σ_r D_i[r][a]·V[r][s_i + b]. It streams through the rows of D once, as
// N·m_i-long axpys, on several goroutines for large n (with the partial
// sums of fixed row chunks added in order, so the bits do not depend on
// the number of goroutines).
func (f *flagData) dtv(w, v []float64) {
	N := len(f.pts)
	acc := func(dst []float64, lo, hi int) {
		clear(dst)
		for r := lo; r < hi; r++ {
			row := f.d[r*f.stride:]
			for i, m := range f.size {
				k := N * m
				di := row[N*f.start[i] : N*f.start[i]+k]
				wi := dst[f.woff[i]:]
				for b := 0; b < m; b++ {
					if vb := v[r*f.p+f.start[i]+b]; vb != 0 {
						level1.Daxpy(k, vb, di, 1, wi[b*k:(b+1)*k], 1)
					}
				}
			}
		}
	}
	if f.rchunks == 1 {
		acc(w, 0, f.n)
		return
	}
	forChunks(f.rchunks, 1, f.workers, func(_, c, _, _ int) {
		lo, hi := f.rowRange(c)
		acc(f.part[c*f.wlen:(c+1)*f.wlen], lo, hi)
	})
	copy(w, f.part[:f.wlen])
	for c := 1; c < f.rchunks; c++ {
		axpy(w, 1, f.part[c*f.wlen:(c+1)*f.wlen])
	}
}

// weigh writes the entries of w scaled by the weight β_j of their point.
func (f *flagData) weigh(dst, w []float64) {
	N := len(f.pts)
	for i, m := range f.size {
		k := N * m
		for b := 0; b < m; b++ {
			row := w[f.woff[i]+b*k : f.woff[i]+(b+1)*k]
			out := dst[f.woff[i]+b*k : f.woff[i]+(b+1)*k]
			for j, beta := range f.beta {
				for c := j * m; c < (j+1)*m; c++ {
					out[c] = beta * row[c]
				}
			}
		}
	}
}

// dw writes alpha·D_i·W_i for every block into dst (n×p), W_i the block of
// w in the layout of dtv: entry (r, s_i + b) is alpha·⟨D_i[r][:], w_i[b][:]⟩.
func (f *flagData) dw(dst, w []float64, alpha float64) {
	N := len(f.pts)
	rows := func(lo, hi int) {
		for r := lo; r < hi; r++ {
			row := f.d[r*f.stride:]
			for i, m := range f.size {
				k := N * m
				di := row[N*f.start[i] : N*f.start[i]+k]
				wi := w[f.woff[i]:]
				for b := 0; b < m; b++ {
					dst[r*f.p+f.start[i]+b] = alpha * level1.Ddot(k, di, 1, wi[b*k:(b+1)*k], 1)
				}
			}
		}
	}
	if f.rchunks == 1 {
		rows(0, f.n)
		return
	}
	forChunks(f.rchunks, 1, f.workers, func(_, c, _, _ int) {
		rows(f.rowRange(c))
	})
}

// gram caches (D_iᵀ·Y_i)ᵀ at y, unless y is the cached point, and returns
// Σ_i tr(Y_iᵀP_iY_i) = Σ_i Σ_j β_j‖X_i⁽ʲ⁾ᵀY_i‖²_F.
func (f *flagData) gram(y []float64) float64 {
	if !f.cok || !equalSlices(f.cy, y) {
		f.dtv(f.cw, y)
		copy(f.cy, y)
		f.cok = true
	}
	N := len(f.pts)
	var t float64
	for i, m := range f.size {
		k := N * m
		for b := 0; b < m; b++ {
			row := f.cw[f.woff[i]+b*k : f.woff[i]+(b+1)*k]
			for j, beta := range f.beta {
				var s float64
				for _, x := range row[j*m : (j+1)*m] {
					s += x * x
				}
				t += beta * s
			}
		}
	}
	return t
}

// horizontal writes the horizontal part of the tangent vector v at y for
// the flag quotient: v minus its vertical part Y·blockdiag(Ω_i), Ω_i the
// skew-symmetric part of Y_iᵀV_i. The vertical vectors are the velocities
// of the rotations Y_i → Y_iQ_i within the blocks, along which the cost is
// constant. dst may alias v.
func (f *flagData) horizontal(dst, y, v []float64) {
	copy(dst, v)
	var buf [64]float64
	for i, m := range f.size {
		s := f.start[i]
		var a []float64
		if m*m <= len(buf) {
			a = buf[:m*m]
			clear(a)
		} else {
			a = make([]float64, m*m)
		}
		for r := 0; r < f.n; r++ {
			yr := y[r*f.p+s : r*f.p+s+m]
			vr := v[r*f.p+s : r*f.p+s+m]
			for c, yc := range yr {
				for b, vb := range vr {
					a[c*m+b] += yc * vb
				}
			}
		}
		for c := 0; c < m; c++ {
			for b := c; b < m; b++ {
				k := (a[c*m+b] - a[b*m+c]) / 2
				a[c*m+b], a[b*m+c] = k, -k
			}
		}
		for r := 0; r < f.n; r++ {
			yr := y[r*f.p+s : r*f.p+s+m]
			dr := dst[r*f.p+s : r*f.p+s+m]
			for b := range dr {
				var t float64
				for c, yc := range yr {
					t += yc * a[c*m+b]
				}
				dr[b] -= t
			}
		}
	}
}

// problem returns the weighted chordal flag mean as a problem on St(n, p):
//
//	f(Y) = p − Σ_i tr(Y_iᵀP_iY_i),  ∇f(Y) = −2[P_iY_i]_i,  ∇²f(Y)[V] = −2[P_iV_i]_i,
//
// which equals Σ_j β_j d_c(X⁽ʲ⁾, Y)² for orthonormal Y since Σ_j β_j = 1.
// Its Riemannian gradient and Hessian are those of the flag manifold as the
// quotient of St(n, p) by the block rotations (Absil, Mahony & Sepulchre
// 2008, §3.6.2 and Prop. 5.3.4; Ye, Wong & Lim 2022): the Euclidean ones
// converted by stiefel.Stiefel (EGradToRGrad, EHessToRHess) and projected
// onto the horizontal space, the Hessian applied to the horizontal part of
// its argument. The cost and the gradient at the same point share D_iᵀY_i.
func (f *flagData) problem() Problem {
	np := f.n * f.p
	eg, egAt := make([]float64, np), make([]float64, np)
	vh, ehv := make([]float64, np), make([]float64, np)
	egOK := false
	egrad := func(y []float64) {
		if egOK && equalSlices(egAt, y) {
			return
		}
		f.gram(y)
		f.weigh(f.sw, f.cw)
		f.dw(eg, f.sw, -2)
		copy(egAt, y)
		egOK = true
	}
	return Problem{
		Cost: func(y []float64) float64 {
			return float64(f.p) - f.gram(y)
		},
		RGrad: func(g, y []float64) {
			egrad(y)
			f.st.EGradToRGrad(g, y, eg)
			f.horizontal(g, y, g)
		},
		RHessVec: func(hv, y, v []float64) {
			egrad(y)
			f.horizontal(vh, y, v)
			f.dtv(f.tw, vh)
			f.weigh(f.tw, f.tw)
			f.dw(ehv, f.tw, -2)
			f.st.EHessToRHess(hv, y, eg, ehv, vh)
			f.horizontal(hv, y, hv)
		},
	}
}

// gramBlock writes D_iᵀ·D_i·Wᵀ (as b rows of length N·m_i) for the b×N·m_i
// matrix w, in one pass over the rows of D_i: for each row d, the b inner
// products ⟨d, w_c⟩ and then the b updates y_c += ⟨d, w_c⟩·d. y may alias
// w. Row chunks run on several goroutines, their partial sums added in
// order.
func (f *flagData) gramBlock(y, w []float64, i, b int) {
	k := len(f.pts) * f.size[i]
	off := len(f.pts) * f.start[i]
	acc := func(dst []float64, lo, hi int) {
		clear(dst)
		var zs [64]float64
		var z []float64
		if b <= len(zs) {
			z = zs[:b]
		} else {
			z = make([]float64, b)
		}
		for r := lo; r < hi; r++ {
			di := f.d[r*f.stride+off : r*f.stride+off+k]
			for c := 0; c < b; c++ {
				z[c] = level1.Ddot(k, di, 1, w[c*k:(c+1)*k], 1)
			}
			for c := 0; c < b; c++ {
				if z[c] != 0 {
					level1.Daxpy(k, z[c], di, 1, dst[c*k:(c+1)*k], 1)
				}
			}
		}
	}
	part := make([]float64, f.rchunks*b*k)
	forChunks(f.rchunks, 1, f.workers, func(_, c, _, _ int) {
		lo, hi := f.rowRange(c)
		acc(part[c*b*k:(c+1)*b*k], lo, hi)
	})
	copy(y[:b*k], part[:b*k])
	for c := 1; c < f.rchunks; c++ {
		axpy(y[:b*k], 1, part[c*b*k:(c+1)*b*k])
	}
}

// dwBlock writes D_i·Wᵀ (n×b) for the b×N·m_i matrix w, in the manner of
// dw.
func (f *flagData) dwBlock(z, w []float64, i, b int) {
	k := len(f.pts) * f.size[i]
	off := len(f.pts) * f.start[i]
	rows := func(lo, hi int) {
		for r := lo; r < hi; r++ {
			di := f.d[r*f.stride+off : r*f.stride+off+k]
			for c := 0; c < b; c++ {
				z[r*b+c] = level1.Ddot(k, di, 1, w[c*k:(c+1)*k], 1)
			}
		}
	}
	if f.rchunks == 1 {
		rows(0, f.n)
		return
	}
	forChunks(f.rchunks, 1, f.workers, func(_, c, _, _ int) {
		rows(f.rowRange(c))
	})
}
