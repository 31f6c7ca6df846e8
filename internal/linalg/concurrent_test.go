package linalg_test

import (
	"math"
	"sync"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// TestConcurrent runs kernels of several sizes from many goroutines at once,
// so that the race detector sees the shared pools and the work-size cache,
// and checks that every goroutine gets the serial answer.
func TestConcurrent(t *testing.T) {
	rng := newRand()
	type job struct {
		n, p int
		a    []float64
		want []float64
	}
	var jobs []job
	for _, sh := range [][2]int{{3, 2}, {7, 3}, {12, 12}, {40, 6}, {300, 4}} {
		n, p := sh[0], sh[1]
		a := randMat(rng, n, p)
		want := make([]float64, n*p)
		if err := linalg.Polar(want, nil, a, n, p); err != nil {
			t.Fatal(err)
		}
		jobs = append(jobs, job{n, p, a, want})
	}
	var wg sync.WaitGroup
	errs := make(chan string, 64)
	for g := range 8 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for it := range 20 {
				j := jobs[(g+it)%len(jobs)]
				got := make([]float64, j.n*j.p)
				if err := linalg.Polar(got, nil, j.a, j.n, j.p); err != nil {
					errs <- err.Error()
					return
				}
				for i := range got {
					if math.Float64bits(got[i]) != math.Float64bits(j.want[i]) {
						errs <- "concurrent Polar differs from serial"
						return
					}
				}
				sq := min(j.n, 6)
				l := make([]float64, sq*sq)
				if err := linalg.LogOrth(l, eye(sq), sq); err != nil {
					errs <- err.Error()
					return
				}
			}
		}()
	}
	wg.Wait()
	close(errs)
	for e := range errs {
		t.Error(e)
	}
}
