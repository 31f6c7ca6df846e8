package linalg_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// Shapes of the benchmarks: tiny, medium and tall n×p frames, and square
// sizes for the n×n kernels.
var (
	benchTall   = [][2]int{{3, 2}, {50, 5}, {1000, 10}}
	benchSquare = []int{3, 10, 50}
)

func benchTallKernel(b *testing.B, fn func(q, r, a []float64, n, p int)) {
	for _, sh := range benchTall {
		n, p := sh[0], sh[1]
		b.Run(fmt.Sprintf("n=%d/p=%d", n, p), func(b *testing.B) {
			rng := newRand()
			a := randMat(rng, n, p)
			q := make([]float64, n*p)
			r := make([]float64, p*p)
			b.ReportAllocs()
			for b.Loop() {
				fn(q, r, a, n, p)
			}
		})
	}
}

func BenchmarkGemm(b *testing.B) { // XᵀV, the Gram product of the Stiefel projection
	benchTallKernel(b, func(q, r, a []float64, n, p int) { linalg.MulAtB(r, a, a, p, n, p) })
}

func BenchmarkQR(b *testing.B) {
	benchTallKernel(b, func(q, r, a []float64, n, p int) { linalg.QR(q, r, a, n, p) })
}

func BenchmarkSVD(b *testing.B) {
	s := make([]float64, 10)
	benchTallKernel(b, func(q, r, a []float64, n, p int) { _ = linalg.SVD(q, s[:p], r, a, n, p) })
}

func BenchmarkPolar(b *testing.B) {
	benchTallKernel(b, func(q, r, a []float64, n, p int) { _ = linalg.Polar(q, nil, a, n, p) })
}

func benchSquareKernel(b *testing.B, fn func(dst []float64, n int, in benchInputs)) {
	for _, n := range benchSquare {
		b.Run(fmt.Sprintf("n=%d", n), func(b *testing.B) {
			rng := newRand()
			in := benchInputs{
				spd:  randSPD(rng, n, 0.5, 4),
				sym:  randSym(rng, n),
				gen:  randMat(rng, n, n),
				skew: randSkew(rng, n, 2),
				orth: haar(rng, n, true),
			}
			in.w = make([]float64, n)
			in.z = make([]float64, n*n)
			if err := linalg.EigSym(in.w, in.z, in.spd, n); err != nil {
				b.Fatal(err)
			}
			dst := make([]float64, n*n)
			b.ReportAllocs()
			for b.Loop() {
				fn(dst, n, in)
			}
		})
	}
}

type benchInputs struct {
	spd, sym, gen, skew, orth []float64
	w, z                      []float64
}

func BenchmarkEigSym(b *testing.B) {
	benchSquareKernel(b, func(dst []float64, n int, in benchInputs) {
		_ = linalg.EigSym(in.w, dst, in.spd, n)
	})
}

func BenchmarkSymExp(b *testing.B) {
	benchSquareKernel(b, func(dst []float64, n int, in benchInputs) { _ = linalg.SymExp(dst, in.sym, n) })
}

func BenchmarkSymLog(b *testing.B) {
	benchSquareKernel(b, func(dst []float64, n int, in benchInputs) { _ = linalg.SymLog(dst, in.spd, n) })
}

func BenchmarkSymFuncEig(b *testing.B) {
	benchSquareKernel(b, func(dst []float64, n int, in benchInputs) { linalg.SymFuncEig(dst, in.w, in.z, n, math.Sqrt) })
}

func BenchmarkSymFrechet(b *testing.B) {
	benchSquareKernel(b, func(dst []float64, n int, in benchInputs) {
		_ = linalg.SymFrechet(dst, in.spd, in.sym, n, linalg.DivDiffLog)
	})
}

func BenchmarkExpm(b *testing.B) {
	benchSquareKernel(b, func(dst []float64, n int, in benchInputs) { linalg.Expm(dst, in.gen, n) })
}

func BenchmarkExpSkew(b *testing.B) {
	benchSquareKernel(b, func(dst []float64, n int, in benchInputs) { linalg.ExpSkew(dst, in.skew, n) })
}

func BenchmarkSchur(b *testing.B) {
	z := make([]float64, 50*50)
	benchSquareKernel(b, func(dst []float64, n int, in benchInputs) { _ = linalg.Schur(dst, z[:n*n], in.gen, n) })
}

func BenchmarkLogOrth(b *testing.B) {
	benchSquareKernel(b, func(dst []float64, n int, in benchInputs) { _ = linalg.LogOrth(dst, in.orth, n) })
}

func BenchmarkLyapunov(b *testing.B) {
	benchSquareKernel(b, func(dst []float64, n int, in benchInputs) { _ = linalg.Lyapunov(dst, in.spd, in.sym, n) })
}

func BenchmarkSylvesterSym(b *testing.B) {
	benchSquareKernel(b, func(dst []float64, n int, in benchInputs) {
		_ = linalg.SylvesterSym(dst, in.spd, in.spd, in.gen, n, n)
	})
}

func BenchmarkSylvester(b *testing.B) {
	benchSquareKernel(b, func(dst []float64, n int, in benchInputs) {
		_ = linalg.Sylvester(dst, in.spd, in.orth, in.gen, n, n)
	})
}
