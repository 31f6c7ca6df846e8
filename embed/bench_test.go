package embed

import (
	"context"
	"fmt"
	"runtime"
	"testing"
)

// BenchmarkEpoch times one training epoch of the WordNet mammals closure
// (6,540 pairs, 50 negatives each, batches of 10, no burn-in), setup
// included: sub-benchmarks op=epoch/model=…/dim=…/threads=…, with the
// pairs processed per second. The per-step kernels allocate nothing
// (TestStepAllocs); the allocations reported are the trainer's workspace,
// made once per Train call.
func BenchmarkEpoch(b *testing.B) {
	h := mammals(b)
	for _, model := range []Model{PoincareBall, Lorentz} {
		for _, dim := range []int{2, 10} {
			for _, threads := range []int{1, runtime.GOMAXPROCS(0)} {
				name := fmt.Sprintf("op=epoch/model=%s/dim=%d/threads=%d", model, dim, threads)
				b.Run(name, func(b *testing.B) {
					opt := Options{Model: model, Dim: dim, Epochs: 1, BurnIn: -1, Seed: 1, Threads: threads}
					b.ReportAllocs()
					for b.Loop() {
						if _, err := Train(context.Background(), h, opt); err != nil {
							b.Fatal(err)
						}
					}
					b.ReportMetric(float64(len(h.Edges()))*float64(b.N)/b.Elapsed().Seconds(), "pairs/s")
				})
			}
		}
	}
}
