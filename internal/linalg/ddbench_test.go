package linalg_test

import (
	"fmt"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// BenchmarkDD measures the double-double kernels at n = 3, 10 and 50,
// with EigSym (float64) alongside for scale.
func BenchmarkDD(b *testing.B) {
	for _, n := range benchSquare {
		rng := newRand()
		p := randSPD(rng, n, 1, 1e12)
		lf := make([]float64, n*n)
		linalg.Cholesky(lf, p, n)
		l := make([]linalg.DD, n*n)
		linalg.DDCholesky(l, p, n)
		x := randSymDD(rng, n)
		xf := make([]float64, n*n)
		linalg.DDRound(xf, x)
		dst := make([]linalg.DD, n*n)
		z := make([]linalg.DD, n*n)
		w := make([]linalg.DD, n)
		wf := make([]float64, n)
		zf := make([]float64, n*n)
		var sink float64
		for _, k := range []struct {
			name string
			f    func()
		}{
			{"EigSym64", func() { _ = linalg.EigSym(wf, zf, xf, n) }},
			{"CholCondTrace", func() { sink += linalg.CholCondTrace(lf, n) }},
			{"DDCholesky", func() { linalg.DDCholesky(l, p, n) }},
			{"DDCongruenceInvLower", func() { linalg.DDCongruenceInvLower(dst, l, x, n) }},
			{"DDEigSym", func() { _ = linalg.DDEigSym(w, z, x, n) }},
			{"DDEigSymValues", func() { _ = linalg.DDEigSym(w, nil, x, n) }},
			{"DDJacobi", func() {
				copy(dst, x)
				for i := range z {
					z[i] = linalg.DD{}
				}
				for i := range n {
					z[i*n+i] = linalg.DDFrom(1)
				}
				linalg.DDJacobi(w, z, dst, n, 0)
			}},
		} {
			b.Run(fmt.Sprintf("op=%s/n=%d", k.name, n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					k.f()
				}
			})
		}
		_ = sink
	}
}
