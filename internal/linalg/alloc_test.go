package linalg_test

import (
	"fmt"
	"math"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// TestZeroAlloc checks that after warm-up every kernel allocates nothing at
// small sizes (the pools and the work-size cache are then populated), and
// that the n×p kernels allocate nothing for a tall 1000×10 frame either.
func TestZeroAlloc(t *testing.T) {
	if testing.CoverMode() != "" || raceEnabled {
		t.Skip("coverage instrumentation and the race detector's sync.Pool allocate")
	}
	rng := newRand()
	type kernel struct {
		name string
		fn   func()
	}
	var ks []kernel
	add := func(name string, fn func()) { ks = append(ks, kernel{name, fn}) }

	for _, sh := range [][2]int{{3, 2}, {10, 5}, {4, 4}, {1000, 10}} {
		n, p := sh[0], sh[1]
		a := randMat(rng, n, p)
		q := make([]float64, n*p)
		r := make([]float64, p*p)
		s := make([]float64, p)
		vt := make([]float64, p*p)
		pp := make([]float64, p*p)
		add(fmt.Sprintf("Gemm/n=%d/p=%d", n, p), func() { linalg.MulAtB(pp, a, a, p, n, p) })
		add(fmt.Sprintf("GemmAliased/n=%d/p=%d", n, p), func() { linalg.Mul(q, a, pp, n, p, p); linalg.Mul(q, q, pp, n, p, p) })
		add(fmt.Sprintf("QR/n=%d/p=%d", n, p), func() { linalg.QR(q, r, a, n, p) })
		add(fmt.Sprintf("QRAliased/n=%d/p=%d", n, p), func() { copy(q, a); linalg.QR(q, nil, q, n, p) })
		add(fmt.Sprintf("SVD/n=%d/p=%d", n, p), func() { _ = linalg.SVD(q, s, vt, a, n, p) })
		add(fmt.Sprintf("SVDValues/n=%d/p=%d", n, p), func() { _ = linalg.SVD(nil, s, nil, a, n, p) })
		add(fmt.Sprintf("Polar/n=%d/p=%d", n, p), func() { _ = linalg.Polar(q, r, a, n, p) })
	}
	for _, n := range []int{2, 3, 4, 5} {
		a := randSPD(rng, n, 0.5, 2)
		e := randSym(rng, n)
		k := randSkew(rng, n, 1)
		o := haar(rng, n, true)
		dst := make([]float64, n*n)
		w := make([]float64, n)
		z := make([]float64, n*n)
		_ = linalg.EigSym(w, z, a, n)
		add(fmt.Sprintf("SymPart/n=%d", n), func() { linalg.SymPart(dst, e, n) })
		add(fmt.Sprintf("EigSym/n=%d", n), func() { _ = linalg.EigSym(w, dst, a, n) })
		add(fmt.Sprintf("SymFunc/n=%d", n), func() { _ = linalg.SymFunc(dst, a, n, math.Cbrt) })
		add(fmt.Sprintf("SymFuncEig/n=%d", n), func() { linalg.SymFuncEig(dst, w, z, n, math.Log) })
		add(fmt.Sprintf("SymExp/n=%d", n), func() { _ = linalg.SymExp(dst, e, n) })
		add(fmt.Sprintf("SymLog/n=%d", n), func() { _ = linalg.SymLog(dst, a, n) })
		add(fmt.Sprintf("SymSqrt/n=%d", n), func() { _ = linalg.SymSqrt(dst, a, n) })
		add(fmt.Sprintf("SymInvSqrt/n=%d", n), func() { _ = linalg.SymInvSqrt(dst, a, n) })
		add(fmt.Sprintf("SymPow/n=%d", n), func() { _ = linalg.SymPow(dst, a, n, 0.37) })
		add(fmt.Sprintf("SymFrechet/n=%d", n), func() { _ = linalg.SymFrechet(dst, a, e, n, linalg.DivDiffLog) })
		add(fmt.Sprintf("SymFrechetEig/n=%d", n), func() {
			linalg.SymFrechetEig(dst, w, z, e, n, func(x, y float64) float64 { return linalg.DivDiffPow(x, y, 0.5) })
		})
		add(fmt.Sprintf("Expm/n=%d", n), func() { linalg.Expm(dst, e, n) })
		add(fmt.Sprintf("ExpmSmallNorm/n=%d", n), func() { linalg.Expm(dst, k, n) })
		add(fmt.Sprintf("ExpSkew/n=%d", n), func() { linalg.ExpSkew(dst, k, n) })
		add(fmt.Sprintf("Schur/n=%d", n), func() { _ = linalg.Schur(dst, z, e, n) })
		add(fmt.Sprintf("LogOrth/n=%d", n), func() { _ = linalg.LogOrth(dst, o, n) })
		add(fmt.Sprintf("Lyapunov/n=%d", n), func() { _ = linalg.Lyapunov(dst, a, e, n) })
		add(fmt.Sprintf("LyapunovEig/n=%d", n), func() { _ = linalg.LyapunovEig(dst, w, z, e, n) })
	}
	for _, d := range [][2]int{{3, 2}, {4, 4}, {5, 3}} {
		n, m := d[0], d[1]
		a := randSPD(rng, n, 1, 2)
		b := randSPD(rng, m, 1, 2)
		c := randMat(rng, n, m)
		x := make([]float64, n*m)
		add(fmt.Sprintf("SylvesterSym/n=%d/m=%d", n, m), func() { _ = linalg.SylvesterSym(x, a, b, c, n, m) })
		add(fmt.Sprintf("Sylvester/n=%d/m=%d", n, m), func() { _ = linalg.Sylvester(x, randMatFixed(a), b, c, n, m) })
	}
	add("Pool", func() { linalg.PutFloats(linalg.GetFloats(100)); linalg.PutInts(linalg.GetInts(10)) })

	for _, k := range ks {
		k.fn() // warm-up: fill the pools and the work-size cache
		if got := testing.AllocsPerRun(50, k.fn); got != 0 {
			t.Errorf("%s: %v allocations per call", k.name, got)
		}
	}
}

// randMatFixed returns a unchanged; it exists so that the closure above
// reads like the others.
func randMatFixed(a []float64) []float64 { return a }
