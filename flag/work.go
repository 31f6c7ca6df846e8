package flag

import "github.com/geodesic-go/geodesic/internal/linalg"

// eps is the machine epsilon 2⁻⁵².
const eps = 0x1p-52

// corr overwrites the p×p matrix w with
//
//	bd(W) + offdiag(sym(W) + c·skew(W)),
//
// where bd keeps the diagonal blocks of the flag and offdiag the others:
// X·corr(XᵀZ, c) is what Proj (c = 0), EGradToRGrad (c = 1 − 1/β) and
// RandomTangent (c = 1 − 1/√β) subtract from Z.
func (f *Flag) corr(w []float64, c float64) {
	p := f.p
	for i := range p {
		bi := f.blk[i]
		for j := i + 1; j < p; j++ {
			if f.blk[j] == bi {
				continue
			}
			u, l := w[i*p+j], w[j*p+i]
			sy, sk := 0.5*(u+l), 0.5*(u-l)
			w[i*p+j] = sy + c*sk
			w[j*p+i] = sy - c*sk
		}
	}
}

// normalCorrect writes dst = Z − X·corr(XᵀZ, c). dst may alias x or z.
func (f *Flag) normalCorrect(dst, x, z []float64, c float64) {
	n, p := f.n, f.p
	ar := linalg.NewArena(p*p + n*p)
	defer ar.Release()
	w := ar.Take(p * p)
	t := ar.Take(n * p)
	linalg.MulAtB(w, x, z, p, n, p)
	f.corr(w, c)
	copy(t, z)
	linalg.Gemm(false, false, n, p, p, -1, x, w, 1, t)
	copy(dst, t)
}

// keepDiagBlocks zeroes the entries of the p×p matrix w outside the
// diagonal blocks.
func (f *Flag) keepDiagBlocks(w []float64) {
	p := f.p
	for i := range p {
		bi := f.blk[i]
		for j := range p {
			if f.blk[j] != bi {
				w[i*p+j] = 0
			}
		}
	}
}
