package bench_test

import (
	"context"
	"fmt"
	"os"

	"github.com/geodesic-go/geodesic/bench"
)

// Compare two reports: here synthetic ones, each result with five samples.
// Exp became twice as slow, far beyond the noise: the two runs' relative
// interquartile ranges, 2/30 and 1/60, add up to the tolerance ±8%. Log
// moved by 2%, within the 5% floor; Dist is new.
func ExampleCompare() {
	res := func(name string, samples ...float64) bench.Result {
		return bench.Result{Name: name, SamplesNs: samples, Time: bench.Summarize(samples)}
	}
	old := &bench.Report{Results: []bench.Result{
		res("op=exp/manifold=sphere/n=3", 30, 32, 28, 30, 33),
		res("op=log/manifold=sphere/n=3", 50, 49, 52, 50, 51),
	}}
	cur := &bench.Report{Results: []bench.Result{
		res("op=exp/manifold=sphere/n=3", 61, 60, 62, 59, 60),
		res("op=log/manifold=sphere/n=3", 51, 51, 50, 53, 52),
		res("op=dist/manifold=sphere/n=3", 25, 26, 25, 24, 25),
	}}
	for _, d := range bench.Compare(old, cur, 0) {
		fmt.Printf("%-28s %-11s ratio %.2f, tolerance ±%.0f%%\n", d.Name, d.Verdict, d.Ratio, 100*d.Tolerance)
	}
	// Output:
	// op=exp/manifold=sphere/n=3   regression  ratio 2.00, tolerance ±8%
	// op=log/manifold=sphere/n=3   unchanged   ratio 1.02, tolerance ±5%
	// op=dist/manifold=sphere/n=3  added       ratio 0.00, tolerance ±0%
}

// List shows what a configuration selects, without running anything.
func ExampleList() {
	ws, err := bench.List(bench.Config{Filter: "^op=log/manifold=(sphere|grassmann)/", Sizes: []bench.Size{bench.SizeTiny, bench.SizeTall}})
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, w := range ws {
		fmt.Println(w.Name, w.Size, w.Elements)
	}
	// Output:
	// op=log/manifold=sphere/n=3 tiny 3
	// op=log/manifold=sphere/n=10000 tall 10000
	// op=log/manifold=grassmann/n=3/p=2 tiny 6
	// op=log/manifold=grassmann/n=1000/p=10 tall 10000
}

// A quick run of a few workloads, written as Markdown. Times vary, so
// there is no Output to check.
func ExampleRun() {
	rep, err := bench.Run(context.Background(), bench.Config{Quick: true, Filter: "^op=exp/manifold=sphere/"})
	if err != nil {
		fmt.Println(err)
		return
	}
	if err := rep.WriteMarkdown(os.Stdout); err != nil {
		fmt.Println(err)
	}
}
