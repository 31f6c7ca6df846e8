package bench_test

import (
	"context"
	"testing"

	"github.com/geodesic-go/geodesic/bench"
)

// BenchmarkRegistry runs the registry's workloads as go test
// sub-benchmarks named by the workload names, for benchstat and the like:
//
//	go test -run '^$' -bench 'Registry/op=exp/' ./bench
//
// It leaves out the tall solver and averaging workloads, which take seconds
// per run; bench.Run (geodesic bench) measures those.
func BenchmarkRegistry(b *testing.B) {
	for _, w := range bench.Registry() {
		if w.Size == bench.SizeTall && (w.Kind == bench.KindSolver || w.Kind == bench.KindAverage) {
			continue
		}
		b.Run(w.Name, func(b *testing.B) {
			inst, err := w.Setup()
			if err != nil {
				b.Skip(err)
			}
			ctx := context.Background()
			b.ReportAllocs()
			b.ResetTimer()
			out, err := inst.Run(ctx, b.N)
			if err != nil {
				b.Fatal(err)
			}
			if out != nil {
				b.ReportMetric(float64(out.Iterations), "iters/op")
			}
		})
	}
}
