package embed

import (
	"math"
	"sync/atomic"
)

// shared is the float64 storage that the training goroutines read and write
// concurrently without locks (Hogwild!, Niu, Recht, Ré & Wright 2011). Every
// access is a single atomic 64-bit load or store of the float's bits, so
//
//   - the program has no data race in the sense of the Go memory model, and
//     the race detector sees none;
//   - a load returns a value that some store wrote, never a torn mixture of
//     two (also on 32-bit platforms, where plain float64 accesses may tear);
//   - a row (a node's coordinates) may still be read while another goroutine
//     is writing it, giving coordinates from two versions of the row: the
//     inconsistency that Hogwild! tolerates. The kernels guard against its
//     one harmful effect, a mixed ball row outside the ball (see loadRow).
//
// On amd64 and arm64 an atomic load compiles to an ordinary load; an atomic
// store is an exchange (amd64) or a store-release (arm64). In CPU profiles
// of RSGD on the mammals closure the stores take about 5% of an epoch, the
// price of a race-free program that the race detector can check as it runs
// in production (rather than a build-tag switch to plain accesses, which
// would leave the racy code untested).
type shared []uint64

func (s shared) load(i int) float64 { return math.Float64frombits(atomic.LoadUint64(&s[i])) }

func (s shared) store(i int, v float64) { atomic.StoreUint64(&s[i], math.Float64bits(v)) }

// loadTo copies s[off:off+len(dst)] into dst.
func (s shared) loadTo(dst []float64, off int) {
	src := s[off : off+len(dst)]
	for i := range dst {
		dst[i] = math.Float64frombits(atomic.LoadUint64(&src[i]))
	}
}

// storeFrom copies src into s[off:off+len(src)].
func (s shared) storeFrom(off int, src []float64) {
	dst := s[off : off+len(src)]
	for i, v := range src {
		atomic.StoreUint64(&dst[i], math.Float64bits(v))
	}
}
