package bench

import (
	"context"
	"fmt"
	"math"
	"strconv"
	"sync"

	"github.com/geodesic-go/geodesic/data"
	"github.com/geodesic-go/geodesic/embed"
)

// The embedding workloads time one call of embed.Train for a single epoch
// without burn-in (setup included), on one goroutine (Threads = 1, so that
// the work is the same bits every time), with the other options at their
// defaults: 50 negatives per pair, batches of 10. The data are a complete
// ternary tree of depth 3 (40 nodes, tiny) and the WordNet mammals closure
// shipped in package data (1,180 nodes, 6,540 pairs, medium). The outcome's
// Cost is the epoch's mean loss; there is no known answer.

// mammalsPath is the mammals closure in data.FS.
const mammalsPath = "wordnet/mammal_closure.tsv"

// treeHierarchy returns the transitive closure of the complete tree with
// the given branching and depth (nodes named by their path from the root).
func treeHierarchy(branching, depth int) (*embed.Hierarchy, error) {
	var pairs [][2]string
	var grow func(name string, level int)
	grow = func(name string, level int) {
		if level == depth {
			return
		}
		for i := range branching {
			child := name + "." + strconv.Itoa(i)
			pairs = append(pairs, [2]string{child, name})
			grow(child, level+1)
		}
	}
	grow("r", 0)
	h, err := embed.NewHierarchy(pairs)
	if err != nil {
		return nil, err
	}
	return h.Closure()
}

// mammals reads the mammals closure once.
var mammals = sync.OnceValues(func() (*embed.Hierarchy, error) {
	f, err := data.FS.Open(mammalsPath)
	if err != nil {
		return nil, fmt.Errorf("mammals data not available: %w", err)
	}
	defer f.Close()
	return embed.ReadHierarchy(f, mammalsPath)
})

func init() {
	register(40, func() []Workload {
		var ws []Workload
		for _, model := range []struct {
			name  string
			model embed.Model
			extra int // coordinates beyond dim
		}{{"ball", embed.PoincareBall, 0}, {"lorentz", embed.Lorentz, 1}} {
			for _, d := range []struct {
				size  Size
				name  string
				nodes int
				dim   int
				load  func() (*embed.Hierarchy, error)
			}{
				{SizeTiny, "tree", 40, 2, func() (*embed.Hierarchy, error) { return treeHierarchy(3, 3) }},
				{SizeMedium, "mammals", 1180, 5, mammals},
			} {
				model, d := model, d
				ws = append(ws, newWorkload(KindEmbed, "epoch", d.name, "hyperbolic", "model="+model.name, d.size,
					d.nodes*(d.dim+model.extra), []param{{"nodes", d.nodes}, {"dim", d.dim}},
					func() (*Instance, error) {
						h, err := d.load()
						if err != nil {
							return nil, err
						}
						return setupEpoch(h, embed.Options{Model: model.model, Dim: d.dim, Epochs: 1, BurnIn: -1, Threads: 1, Seed: 1}), nil
					}))
			}
		}
		return ws
	})
}

// setupEpoch returns the instance that trains one epoch.
func setupEpoch(h *embed.Hierarchy, opt embed.Options) *Instance {
	return &Instance{Run: func(ctx context.Context, n int) (*Outcome, error) {
		var res *embed.Result
		for range n {
			var err error
			if res, err = embed.Train(ctx, h, opt); err != nil {
				return nil, err
			}
		}
		loss := math.NaN()
		if len(res.Loss) > 0 {
			loss = res.Loss[len(res.Loss)-1]
		}
		return &Outcome{
			Status: "epoch done", Iterations: len(res.Loss), Cost: loss,
			GradNorm: math.NaN(), Optimum: math.NaN(), FinalError: math.NaN(), Tolerance: math.NaN(),
		}, nil
	}}
}
