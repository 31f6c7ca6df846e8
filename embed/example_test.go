package embed_test

import (
	"context"
	"fmt"
	"strings"

	"github.com/geodesic-go/geodesic/embed"
)

// A small taxonomy, its closure, a seeded single-threaded training run and
// the reconstruction figures.
func Example() {
	in := `dog	canine
wolf	canine
fox	canine
canine	carnivore
cat	feline
lion	feline
feline	carnivore
seal	pinniped
walrus	pinniped
pinniped	carnivore
`
	parents, err := embed.ReadHierarchy(strings.NewReader(in), "carnivores.tsv")
	if err != nil {
		panic(err)
	}
	h, err := parents.Closure()
	if err != nil {
		panic(err)
	}
	fmt.Println(h.Len(), "nodes,", len(h.Edges()), "pairs")

	res, err := embed.Train(context.Background(), h, embed.Options{
		Dim: 2, Epochs: 200, LearningRate: 1, Negatives: 5, BatchSize: 4, Threads: 1, Seed: 1,
	})
	if err != nil {
		panic(err)
	}
	m, err := embed.Evaluate(context.Background(), h, res.Embedding, 1)
	if err != nil {
		panic(err)
	}
	fmt.Printf("mean rank %.2f, MAP %.2f over %d pairs\n", m.MeanRank, m.MAP, m.Pairs)
	// Output:
	// 11 nodes, 17 pairs
	// mean rank 1.00, MAP 1.00 over 17 pairs
}

// Evaluate on hand-placed points: a 4-node tree r ← a ← c, r ← b in the
// Poincaré disk, with c and b placed badly (see TestEvaluateHand for the
// distances).
func ExampleEvaluate() {
	h, _ := embed.NewHierarchy([][2]string{{"a", "r"}, {"b", "r"}, {"c", "a"}, {"c", "r"}})
	e := &embed.Embedding{
		Model: embed.PoincareBall, Dim: 2, Names: h.Names(), // a, b, c, r
		Coords: []float64{0, 0, 0, 0.7, -0.45, 0, 0.5, 0},
	}
	m, _ := embed.Evaluate(context.Background(), h, e, 1)
	fmt.Printf("%v over %d pairs and %d nodes\n", m, m.Pairs, m.Nodes)
	// Output:
	// MR 1.750 MAP 0.6111 over 4 pairs and 3 nodes
}

// Writing an embedding as TSV.
func ExampleEmbedding_WriteTSV() {
	e := &embed.Embedding{Model: embed.Lorentz, Dim: 1, Names: []string{"root", "leaf"},
		Coords: []float64{1, 0, 1.25, 0.75}}
	var b strings.Builder
	if err := e.WriteTSV(&b); err != nil {
		panic(err)
	}
	fmt.Print(b.String())
	// Output:
	// # geodesic embedding model=lorentz curvature=1 dim=1
	// root	1	0
	// leaf	1.25	0.75
}
