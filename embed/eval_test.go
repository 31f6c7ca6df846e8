package embed

import (
	"context"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/hyperbolic"
)

// tree4 is the closure of the tree r ← a ← c, r ← b; node ids in name
// order: a = 0, b = 1, c = 2, r = 3.
func tree4(t *testing.T) *Hierarchy {
	h, err := NewHierarchy([][2]string{{"a", "r"}, {"b", "r"}, {"c", "a"}, {"c", "r"}})
	if err != nil {
		t.Fatal(err)
	}
	return h
}

// TestEvaluateHand checks Evaluate on hand-placed points of the Poincaré
// disk (c = 1), a = (0, 0), b = (0, 0.7), c = (−0.5, 0), r = (0.5, 0), with
// cosh d(x, y) = 1 + 2‖x − y‖²/((1 − ‖x‖²)(1 − ‖y‖²)):
//
//	from c: a 1 + 0.5/0.75 = 1.667, r 1 + 2/0.5625 = 4.556, b 1 + 1.48/0.3825 = 4.869
//	from a: r 1.667, c 1.667 (tie), b 1 + 0.98/0.51 = 2.922
//	from b: a 2.922, r 4.869, c 4.869 (tie: c is r mirrored in b's axis)
//
// Ranks (ties count against the ancestor): (c, a) 1, (c, r) 1, (a, r)
// 1 + 1 = 2 (c ties), (b, r) 1 + 2 = 3 (a closer, c ties): mean rank 7/4.
// Average precisions: c 1; a 1/(1 + 1) = 1/2; b 1/(1 + 2) = 1/3; r has no
// ancestors: MAP = (1 + 1/2 + 1/3)/3 = 11/18.
func TestEvaluateHand(t *testing.T) {
	h := tree4(t)
	e := &Embedding{Model: PoincareBall, Dim: 2, Names: h.Names(),
		Coords: []float64{0, 0, 0, 0.7, -0.5, 0, 0.5, 0}}
	for threads := 1; threads <= 3; threads++ {
		m, err := Evaluate(context.Background(), h, e, threads)
		if err != nil {
			t.Fatal(err)
		}
		if m.MeanRank != 7.0/4 || math.Abs(m.MAP-11.0/18) > 1e-15 || m.Pairs != 4 || m.Nodes != 3 {
			t.Errorf("threads %d: %+v, want MR 1.75, MAP 11/18 = 0.6111, 4 pairs, 3 nodes", threads, m)
		}
	}
	// Without the ties (c moved to (−0.45, 0), strictly nearer to a than r
	// is; from b: c 1 + 1.385/0.406725 = 4.405 < r 4.869) the ranks and
	// precisions are the same; checked for both models, the hyperboloid
	// points converted with hyperbolic.BallToLorentz, and for curvature 2
	// (coordinates scaled by 1/√2).
	ball := []float64{0, 0, 0, 0.7, -0.45, 0, 0.5, 0}
	for _, c := range []float64{1, 2} {
		for _, model := range []Model{PoincareBall, Lorentz} {
			e := &Embedding{Model: model, Dim: 2, Curvature: c}
			for i := 0; i < 4; i++ {
				p := []float64{ball[2*i] / math.Sqrt(c), ball[2*i+1] / math.Sqrt(c)}
				if model == Lorentz {
					q := make([]float64, 3)
					hyperbolic.BallToLorentz(q, p, c)
					p = q
				}
				e.Coords = append(e.Coords, p...)
			}
			m, err := Evaluate(context.Background(), h, e, 0)
			if err != nil {
				t.Fatal(err)
			}
			if m.MeanRank != 7.0/4 || math.Abs(m.MAP-11.0/18) > 1e-15 {
				t.Errorf("%v, c = %v: %v, want MR 1.75, MAP 0.6111", model, c, m)
			}
		}
	}
}

// TestEvaluateBruteForce compares Evaluate with the definitions evaluated
// directly on the distances of package hyperbolic, for random points.
func TestEvaluateBruteForce(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	h := randomClosure(t, rng, 60)
	for _, model := range []Model{PoincareBall, Lorentz} {
		e := &Embedding{Model: model, Dim: 3, Curvature: 0.7}
		m := e.Manifold()
		p := make([]float64, e.Width())
		for i := 0; i < h.Len(); i++ {
			m.RandomPoint(p, rng)
			e.Coords = append(e.Coords, p...)
		}
		got, err := Evaluate(context.Background(), h, e, 2)
		if err != nil {
			t.Fatal(err)
		}
		var rankSum, apSum float64
		var pairs, nodes int
		for u := 0; u < h.Len(); u++ {
			as := h.Ancestors(u)
			if len(as) == 0 {
				continue
			}
			var ap float64
			for _, v := range as {
				dv := e.Dist(u, int(v))
				var pos, neg int
				for w := 0; w < h.Len(); w++ {
					if w == u || e.Dist(u, w) > dv {
						continue
					}
					if h.IsAncestor(u, w) {
						pos++
					} else {
						neg++
					}
				}
				rankSum += float64(1 + neg)
				ap += float64(pos) / float64(pos+neg)
				pairs++
			}
			apSum += ap / float64(len(as))
			nodes++
		}
		want := Metrics{MeanRank: rankSum / float64(pairs), MAP: apSum / float64(nodes), Pairs: pairs, Nodes: nodes}
		if math.Abs(got.MeanRank-want.MeanRank) > 1e-12 || math.Abs(got.MAP-want.MAP) > 1e-12 || got.Pairs != want.Pairs || got.Nodes != want.Nodes {
			t.Errorf("%v: Evaluate %+v, brute force %+v", model, got, want)
		}
	}
}

// randomClosure returns the closure of a random forest of n nodes with a
// few extra parents (a DAG).
func randomClosure(t *testing.T, rng *rand.Rand, n int) *Hierarchy {
	var pairs [][2]string
	name := func(i int) string { return string(rune('A'+i/26)) + string(rune('a'+i%26)) }
	for i := 1; i < n; i++ {
		pairs = append(pairs, [2]string{name(i), name(rng.IntN(i))})
		if rng.IntN(5) == 0 {
			pairs = append(pairs, [2]string{name(i), name(rng.IntN(i))})
		}
	}
	h, err := NewHierarchy(pairs)
	if err != nil {
		t.Fatal(err)
	}
	c, err := h.Closure()
	if err != nil {
		t.Fatal(err)
	}
	return c
}

func TestEvaluateErrors(t *testing.T) {
	h := tree4(t)
	ctx := context.Background()
	for _, e := range []*Embedding{
		{Dim: 2, Coords: []float64{0, 0, 0, 0.7, -0.5, 0}},                                              // 3 points
		{Dim: 2, Coords: []float64{0, 0, 0, 0.7, -0.5, 0, 0.5, math.NaN()}},                             // NaN
		{Dim: 2, Coords: []float64{0, 0, 0, 0.7, -0.5, 0, 0.5, 0}, Names: []string{"a", "b", "c", "x"}}, // names
		{Dim: 2, Coords: []float64{0, 0, 0, 1.7, -0.5, 0, 0.5, 0}},                                      // outside
		{Dim: 0, Coords: []float64{0, 0, 0, 0.7, -0.5, 0, 0.5, 0}},                                      // dim
		{Dim: 2, Curvature: -1, Coords: []float64{0, 0, 0, 0.7, -0.5, 0, 0.5, 0}},                       // curvature
	} {
		if _, err := Evaluate(ctx, h, e, 1); err == nil {
			t.Errorf("no error for %+v", e)
		}
	}
	cctx, cancel := context.WithCancel(ctx)
	cancel()
	e := &Embedding{Dim: 2, Coords: []float64{0, 0, 0, 0.7, -0.5, 0, 0.5, 0}}
	if _, err := Evaluate(cctx, h, e, 1); err == nil {
		t.Error("no error for a cancelled context")
	}
}
