package flag_test

import (
	"sync"
	"testing"

	"github.com/geodesic-go/geodesic/flag"
)

// TestConcurrent calls Log, Dist and ChordalDist on one Flag from several
// goroutines and compares with serial results (and, under -race, checks
// that the shared manifold and the pools are race-free).
func TestConcurrent(t *testing.T) {
	rng := newRand(1616)
	f := flag.New(20, 2, 5)
	const m = 8
	xs, ys := make([][]float64, m), make([][]float64, m)
	want := make([]float64, m)
	for i := range xs {
		xs[i] = point(f, rng)
		ys[i] = make([]float64, len(xs[i]))
		f.Exp(ys[i], xs[i], tangent(f, xs[i], 1, rng))
		want[i] = f.Dist(xs[i], ys[i]) + f.ChordalDist(xs[i], ys[i])
	}
	var wg sync.WaitGroup
	for g := 0; g < 4; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			w := make([]float64, len(xs[0]))
			for rep := 0; rep < 5; rep++ {
				for i := range xs {
					if err := f.Log(w, xs[i], ys[i]); err != nil {
						t.Error(err)
					}
					if got := f.Dist(xs[i], ys[i]) + f.ChordalDist(xs[i], ys[i]); got != want[i] {
						t.Errorf("concurrent result %v ≠ serial %v", got, want[i])
					}
				}
			}
		}()
	}
	wg.Wait()
}
