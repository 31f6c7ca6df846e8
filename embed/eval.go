package embed

import (
	"context"
	"fmt"
	"math"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
)

// Metrics are the reconstruction figures of an embedding of a hierarchy.
type Metrics struct {
	// MeanRank is the mean, over the pairs (u, v), of the rank of v among
	// v and the nodes that are neither u nor ancestors of u, by distance to
	// u: 1 + the number of such non-ancestors at distance ≤ d(u, v).
	MeanRank float64
	// MAP is the mean, over the nodes u with at least one ancestor, of the
	// average precision of u's ancestor set in the ranking of all other
	// nodes by distance to u.
	MAP float64
	// Pairs and Nodes are the numbers of pairs and nodes averaged over.
	Pairs, Nodes int
}

// String formats the metrics as "MR 1.234 MAP 0.9123".
func (m Metrics) String() string { return fmt.Sprintf("MR %.3f MAP %.4f", m.MeanRank, m.MAP) }

// Evaluate computes the reconstruction mean rank and MAP of the embedding e
// of the hierarchy h (Nickel & Kiela 2017; the protocol of
// data/wordnet/README.md), over threads goroutines (0 means
// runtime.GOMAXPROCS(0)). The work is O(N²·n) for N nodes in dimension n.
// The result does not depend on threads.
//
// For each node u with ancestors A(u), every other node w is ranked by its
// distance to u. A pair (u, v) has rank 1 + #{w ∉ A(u) ∪ {u} : d(u, w) ≤
// d(u, v)}; the average precision of u is (1/|A(u)|)·Σ_{v ∈ A(u)} P(v),
// with P(v) = #{a ∈ A(u) : d(u, a) ≤ d(u, v)} / #{w ≠ u : d(u, w) ≤ d(u, v)}.
// Ties are thus resolved against the ancestors: a non-ancestor at exactly
// the distance of an ancestor counts as ranked before it (the
// tie-grouping of scikit-learn's average_precision_score, which the
// reference implementation uses for MAP; for the mean rank the reference
// breaks ties by sort order). A NaN distance counts as +Inf.
//
// Distances are compared through the key ‖y_u − y_w‖²/(1 − ‖y_w‖²) of the
// points y in the unit ball (coordinates scaled by √c, hyperboloid points
// mapped to the ball), a strictly increasing function of d(u, w) for fixed
// u, since cosh(√c·d) = 1 + 2‖y_u − y_w‖²/((1 − ‖y_u‖²)(1 − ‖y_w‖²)).
//
// It returns an error if e is invalid (see Embedding.Validate), does not
// have one point per node of h (with the same names, when e.Names is set),
// or ctx is cancelled.
func Evaluate(ctx context.Context, h *Hierarchy, e *Embedding, threads int) (Metrics, error) {
	if err := e.Validate(); err != nil {
		return Metrics{}, err
	}
	N := h.Len()
	if e.Len() != N {
		return Metrics{}, fmt.Errorf("embed: the embedding has %d points for %d nodes", e.Len(), N)
	}
	if e.Names != nil && !slices.Equal(e.Names, h.names) {
		return Metrics{}, fmt.Errorf("embed: the embedding's names differ from the hierarchy's")
	}
	if threads <= 0 {
		threads = runtime.GOMAXPROCS(0)
	}
	y, gap := e.unitBall()
	invGap := make([]float64, N)
	for i, g := range gap {
		invGap[i] = 1 / g
	}
	ap := make([]float64, N)
	rankSums := make([]int64, threads)
	var next atomic.Int64
	var stop atomic.Bool
	var wg sync.WaitGroup
	const chunk = 16
	for t := 0; t < threads; t++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			ev := evaluator{n: e.Dim, y: y, invGap: invGap, key: make([]float64, N)}
			var rs int64
			defer func() { rankSums[t] = rs }()
			for !stop.Load() {
				lo := int(next.Add(chunk)) - chunk
				if lo >= N {
					return
				}
				if ctx.Err() != nil {
					stop.Store(true)
					return
				}
				for u := lo; u < min(lo+chunk, N); u++ {
					as := h.Ancestors(u)
					if len(as) == 0 {
						continue
					}
					r, a := ev.node(u, as)
					rs += r
					ap[u] = a
				}
			}
		}()
	}
	wg.Wait()
	if err := ctx.Err(); err != nil {
		return Metrics{}, err
	}
	var m Metrics
	var rs int64
	for _, r := range rankSums {
		rs += r
	}
	var apSum float64
	for u := 0; u < N; u++ {
		if k := len(h.Ancestors(u)); k > 0 {
			apSum += ap[u]
			m.Nodes++
			m.Pairs += k
		}
	}
	if m.Pairs > 0 {
		m.MeanRank = float64(rs) / float64(m.Pairs)
		m.MAP = apSum / float64(m.Nodes)
	}
	return m, nil
}

// evaluator is one Evaluate goroutine's workspace.
type evaluator struct {
	n      int
	y      []float64 // unit-ball points, N × n
	invGap []float64 // 1/(1 − ‖y‖²)
	key    []float64 // per node: the distance key from the current u
	akeys  []float64 // sorted keys of the ancestors
	cnt    []int64   // cnt[j]: non-ancestors with j ancestor keys below theirs
}

// node returns the sum of the ranks of u's ancestors as and u's average
// precision.
func (ev *evaluator) node(u int, as []int32) (int64, float64) {
	n := ev.n
	yu := ev.y[u*n : (u+1)*n]
	N := len(ev.key)
	for w := 0; w < N; w++ {
		yw := ev.y[w*n : (w+1)*n]
		var ss float64
		for i, x := range yu {
			d := x - yw[i]
			ss += d * d
		}
		k := ss * ev.invGap[w]
		if k != k {
			k = math.Inf(1)
		}
		ev.key[w] = k
	}
	ev.akeys = ev.akeys[:0]
	for _, a := range as {
		ev.akeys = append(ev.akeys, ev.key[a])
	}
	slices.Sort(ev.akeys)
	K := len(as)
	if cap(ev.cnt) < K+1 {
		ev.cnt = make([]int64, K+1)
	}
	ev.cnt = ev.cnt[:K+1]
	clear(ev.cnt)
	top := ev.akeys[K-1]
	for _, k := range ev.key {
		if k > top {
			continue // after every ancestor: counts for none
		}
		ev.cnt[lowerBound(ev.akeys, k)]++
	}
	// Remove u itself and the ancestors, which were binned with the rest.
	if ev.key[u] <= top {
		ev.cnt[lowerBound(ev.akeys, ev.key[u])]--
	}
	for _, k := range ev.akeys {
		ev.cnt[lowerBound(ev.akeys, k)]--
	}
	var rankSum int64
	var ap float64
	var neg int64
	for i := 0; i < K; i++ {
		neg += ev.cnt[i] // non-ancestors at keys ≤ akeys[i]
		pos := upperBound(ev.akeys, ev.akeys[i])
		rankSum += 1 + neg
		ap += float64(pos) / float64(int64(pos)+neg)
	}
	return rankSum, ap / float64(K)
}

// lowerBound returns the number of elements of the sorted s below x.
func lowerBound(s []float64, x float64) int {
	lo, hi := 0, len(s)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if s[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}

// upperBound returns the number of elements of the sorted s at or below x.
func upperBound(s []float64, x float64) int {
	lo, hi := 0, len(s)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if s[m] <= x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo
}
