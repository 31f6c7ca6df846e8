package embed

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"github.com/geodesic-go/geodesic/hyperbolic"
)

// Result is the outcome of Train.
type Result struct {
	Embedding *Embedding
	Options   Options         // the options used, defaults filled in (Progress kept)
	Loss      []float64       // mean loss of each epoch
	EpochTime []time.Duration // wall time of each epoch
	Elapsed   time.Duration   // wall time of the whole training, setup included
}

// Train embeds the hierarchy h by the recipe of Nickel & Kiela (2017, 2018)
// described in the package documentation. It returns an error for invalid
// options, a hierarchy without pairs, and a cancelled context (then with the
// Result so far: the embedding after the last completed batch).
func Train(ctx context.Context, h *Hierarchy, opt Options) (*Result, error) {
	start := time.Now()
	if h == nil || len(h.edges) == 0 {
		return nil, errors.New("embed: the hierarchy has no pairs")
	}
	r, err := opt.resolve()
	if err != nil {
		return nil, err
	}
	t := newTrainer(h, r)
	res := &Result{Options: r.Options}
	perm := make([]int32, len(h.edges))
	for i := range perm {
		perm[i] = int32(i)
	}
	master := rand.New(rand.NewPCG(r.Seed, seedMix(r.Seed, 0x5eed)))
	trainStart := time.Now()
	var runErr error
	for epoch := 0; epoch < r.Epochs; epoch++ {
		if err := ctx.Err(); err != nil {
			runErr = err
			break
		}
		es := time.Now()
		master.Shuffle(len(perm), func(i, j int) { perm[i], perm[j] = perm[j], perm[i] })
		burn := epoch < r.BurnIn
		lr := r.LearningRate
		if burn {
			lr *= r.BurnInFactor
		}
		loss, err := t.epoch(ctx, epoch, perm, lr, burn)
		et := time.Since(es)
		res.Loss = append(res.Loss, loss)
		res.EpochTime = append(res.EpochTime, et)
		if err != nil {
			runErr = err
			break
		}
		if r.Progress != nil {
			r.Progress(Progress{
				Epoch: epoch + 1, Epochs: r.Epochs, BurnIn: burn, Loss: loss,
				EpochTime: et, Elapsed: time.Since(trainStart),
				snapshot: t.embedding,
			})
		}
	}
	res.Embedding = t.embedding()
	res.Elapsed = time.Since(start)
	return res, runErr
}

// trainer holds the shared state of a training run.
type trainer struct {
	opt      resolved
	model    Model
	n        int // coordinates per node in the shared storage
	nodes    int
	c        float64
	invSqrtC float64
	names    []string

	pos   shared   // node coordinates: unit-curvature ball, or Lorentz spatial part
	mom   shared   // RAdam first moments (tangent vectors, same chart)
	sec   shared   // RAdam second moments, one per node
	steps []uint32 // RAdam step counts per node (atomic)

	logB1, logB2 float64 // RAdam: ln β₁, ln β₂

	pairs  []int32 // child, ancestor of each edge
	ancOff []int32
	anc    []int32
	burnin alias

	ball *hyperbolic.PoincareBall // unit curvature, for transports
	lor  *hyperbolic.Lorentz      // unit curvature, for Exp and transports

	workers []*worker
}

func newTrainer(h *Hierarchy, r resolved) *trainer {
	n := r.Dim
	N := h.Len()
	t := &trainer{
		opt: r, model: r.Model, n: n, nodes: N, c: r.Curvature,
		invSqrtC: 1 / math.Sqrt(r.Curvature), names: h.names,
		pos:    make(shared, N*n),
		pairs:  make([]int32, 2*len(h.edges)),
		ancOff: h.ancOff, anc: h.anc,
	}
	for i, e := range h.edges {
		t.pairs[2*i], t.pairs[2*i+1] = int32(e.Child), int32(e.Ancestor)
	}
	if r.BurnIn > 0 {
		t.burnin = newAlias(degreeWeights(N, t.pairs, r.Dampening))
	}
	if r.Optimizer == RAdam {
		t.mom = make(shared, N*n)
		t.sec = make(shared, N)
		t.steps = make([]uint32, N)
		t.logB1, t.logB2 = math.Log(r.Beta1), math.Log(r.Beta2)
	}
	t.ball = hyperbolic.NewPoincareBall(n)
	t.lor = hyperbolic.NewLorentz(n)
	init := rand.New(rand.NewPCG(r.Seed, seedMix(r.Seed, 0x1417)))
	for i := range t.pos {
		t.pos.store(i, (2*init.Float64()-1)*r.InitRange)
	}
	for w := 0; w < r.Threads; w++ {
		t.workers = append(t.workers, newWorker(t))
	}
	return t
}

// epoch runs one pass over the pairs in the order perm, split into
// contiguous shards, one per worker, and returns the mean loss.
func (t *trainer) epoch(ctx context.Context, epoch int, perm []int32, lr float64, burn bool) (float64, error) {
	T := len(t.workers)
	E := len(perm)
	var wg sync.WaitGroup
	var stop atomic.Bool
	for w, wk := range t.workers {
		lo, hi := w*E/T, (w+1)*E/T
		wk.pcg.Seed(t.opt.Seed, seedMix(t.opt.Seed, uint64(epoch), uint64(w)))
		wk.loss, wk.count = 0, 0
		run := func() {
			for i, b := 0, lo; b < hi; i, b = i+1, b+t.opt.BatchSize {
				if i&1023 == 1023 && ctx.Err() != nil {
					stop.Store(true)
				}
				if stop.Load() {
					return
				}
				wk.batch(perm[b:min(b+t.opt.BatchSize, hi)], lr, burn)
			}
		}
		if T == 1 {
			run()
			break
		}
		wg.Add(1)
		go func() { defer wg.Done(); run() }()
	}
	wg.Wait()
	var loss float64
	var count int
	for _, wk := range t.workers {
		loss += wk.loss
		count += wk.count
	}
	if stop.Load() {
		return loss / float64(max(count, 1)), ctx.Err()
	}
	return loss / float64(max(count, 1)), nil
}

// embedding returns the current coordinates in the model's coordinates for
// the curvature −c.
func (t *trainer) embedding() *Embedding {
	n := t.n
	e := &Embedding{Model: t.model, Curvature: t.c, Dim: n, Names: slices.Clone(t.names)}
	w := e.Width()
	e.Coords = make([]float64, t.nodes*w)
	row := make([]float64, n)
	s := t.invSqrtC
	for u := 0; u < t.nodes; u++ {
		t.pos.loadTo(row, u*n)
		out := e.Coords[u*w : (u+1)*w]
		switch t.model {
		case PoincareBall:
			clipBall(row)
			for i, x := range row {
				out[i] = x * s
			}
		case Lorentz:
			var aa float64
			for i, x := range row {
				out[i+1] = x * s
				aa += x * x
			}
			out[0] = math.Sqrt(1+aa) * s
		}
	}
	return e
}

// worker is one training goroutine's workspace, allocated once.
type worker struct {
	t   *trainer
	pcg *rand.PCG
	rng *rand.Rand

	negStamp []uint32 // per node: == negCur if already drawn for this pair
	negCur   uint32

	slotOf    []int32  // per node: its gradient slot in this batch
	slotStamp []uint32 // per node: == batchCur if slotOf is valid
	batchCur  uint32
	rows      []int32   // slot → node
	grad      []float64 // slot × n, Euclidean gradient in the storage chart

	idx  []int32   // nodes of the current example: u, v, negatives
	x    []float64 // their coordinates, (K+2) × n
	aux  []float64 // per row: ball 1 − ‖x‖², Lorentz x₀
	dist []float64 // distances from u, per row (index 0 unused)
	prob []float64 // unnormalised softmax weights, per row
	sq   []float64 // per row: ‖u − x_r‖² (ball), γ − 1 (Lorentz)
	gu   []float64 // gradient accumulator for u

	p, q, vec []float64 // update scratch, length n+1
	tmp       []float64 // update scratch, length 2n

	loss  float64
	count int
}

func newWorker(t *trainer) *worker {
	n, K, B := t.n, t.opt.Negatives, t.opt.BatchSize
	pcg := rand.NewPCG(0, 0)
	rows := B * (K + 2)
	return &worker{
		t: t, pcg: pcg, rng: rand.New(pcg),
		negStamp:  make([]uint32, t.nodes),
		slotOf:    make([]int32, t.nodes),
		slotStamp: make([]uint32, t.nodes),
		rows:      make([]int32, 0, rows),
		grad:      make([]float64, rows*n),
		idx:       make([]int32, K+2),
		x:         make([]float64, (K+2)*n),
		aux:       make([]float64, K+2),
		dist:      make([]float64, K+2),
		prob:      make([]float64, K+2),
		sq:        make([]float64, K+2),
		gu:        make([]float64, n),
		p:         make([]float64, n+1),
		q:         make([]float64, n+1),
		vec:       make([]float64, n+1),
		tmp:       make([]float64, 2*n),
	}
}

// batch performs one optimisation step for the pairs with the given edge
// indices: the gradient of their mean loss, then one update of every node
// involved. It allocates nothing.
func (w *worker) batch(edges []int32, lr float64, burn bool) {
	w.batchCur++
	if w.batchCur == 0 {
		clear(w.slotStamp)
		w.batchCur = 1
	}
	w.rows = w.rows[:0]
	inv := 1 / float64(len(edges))
	for _, e := range edges {
		u, v := w.t.pairs[2*e], w.t.pairs[2*e+1]
		k := w.negatives(u, burn)
		if k == 0 {
			continue // u is related to every node: nothing to contrast
		}
		w.example(u, v, k, inv)
	}
	w.apply(lr)
}

// negatives draws up to K distinct negatives for u into idx[2:] and returns
// their number: nodes other than u and not related to u, drawn uniformly or,
// during the burn-in, from the degree^dampening distribution, by rejection
// with at most 10·K draws. If fewer than K are found, the list is filled up
// with repeats drawn uniformly from those found (as in the reference
// implementation).
func (w *worker) negatives(u int32, burn bool) int {
	t := w.t
	K := t.opt.Negatives
	w.negCur++
	if w.negCur == 0 {
		clear(w.negStamp)
		w.negCur = 1
	}
	// Mark u and its ancestors as taken; descendants are found by searching
	// the (short) ancestor list of each candidate.
	w.negStamp[u] = w.negCur
	for _, a := range t.anc[t.ancOff[u]:t.ancOff[u+1]] {
		w.negStamp[a] = w.negCur
	}
	found := 0
	N := t.nodes
	for tries := 0; tries < t.opt.maxTries && found < K; tries++ {
		var c int32
		if burn {
			c = t.burnin.draw(w.rng)
		} else {
			c = int32(w.rng.IntN(N))
		}
		if w.negStamp[c] == w.negCur || (t.opt.SymmetricNegatives && contains(t.anc[t.ancOff[c]:t.ancOff[c+1]], u)) {
			continue
		}
		w.negStamp[c] = w.negCur
		w.idx[2+found] = c
		found++
	}
	if found == 0 {
		return 0
	}
	for i := found; i < K; i++ {
		w.idx[2+i] = w.idx[2+w.rng.IntN(found)]
	}
	return K
}

// contains reports whether the sorted s contains x.
func contains(s []int32, x int32) bool {
	lo, hi := 0, len(s)
	for lo < hi {
		m := int(uint(lo+hi) >> 1)
		if s[m] < x {
			lo = m + 1
		} else {
			hi = m
		}
	}
	return lo < len(s) && s[lo] == x
}

// slot returns the gradient accumulator of node u in this batch.
func (w *worker) slot(u int32) []float64 {
	n := w.t.n
	if w.slotStamp[u] != w.batchCur {
		w.slotStamp[u] = w.batchCur
		s := len(w.rows)
		w.slotOf[u] = int32(s)
		w.rows = append(w.rows, u)
		g := w.grad[s*n : (s+1)*n]
		clear(g)
		return g
	}
	s := int(w.slotOf[u])
	return w.grad[s*n : (s+1)*n]
}

// example adds inv times the gradient of the loss of the pair (u, v) with
// the negatives idx[2:2+k] to the batch accumulators and its loss to the
// worker's total.
//
// The loss is the softmax cross-entropy of the logits −d(u, ·) over v and
// the negatives: L = d(u, v) + log Σ_j exp(−d(u, v_j)) (v_0 = v), with
// ∂L/∂d_j = [j = 0] − p_j, p the softmax of the logits.
func (w *worker) example(u, v int32, k int, inv float64) {
	t := w.t
	n := t.n
	w.idx[0], w.idx[1] = u, v
	m := k + 2
	for r := 0; r < m; r++ {
		xr := w.x[r*n : (r+1)*n]
		t.pos.loadTo(xr, int(w.idx[r])*n)
	}
	s := t.invSqrtC
	switch t.model {
	case PoincareBall:
		w.ballDistances(m)
	case Lorentz:
		w.lorentzDistances(m)
	}
	// Softmax over the logits z_j = −s·d_j, j = 1 … m−1 (row 1 is the
	// positive): L = −z_1 + zmax + log Σ exp(z_j − zmax) = −log p_1.
	zmax := math.Inf(-1)
	for r := 1; r < m; r++ {
		zmax = max(zmax, -s*w.dist[r])
	}
	var sum float64
	for r := 1; r < m; r++ {
		e := math.Exp(-s*w.dist[r] - zmax)
		w.prob[r] = e
		sum += e
	}
	w.loss += s*w.dist[1] + zmax + math.Log(sum)
	w.count++
	clear(w.gu)
	for r := 1; r < m; r++ {
		p := w.prob[r] / sum
		coef := -p
		if r == 1 {
			coef = 1 - p
		}
		coef *= s * inv
		if coef == 0 {
			continue
		}
		gr := w.slot(w.idx[r])
		switch t.model {
		case PoincareBall:
			w.ballGrad(r, coef, gr)
		case Lorentz:
			w.lorentzGrad(r, coef, gr)
		}
	}
	gu := w.slot(u)
	for i, g := range w.gu {
		gu[i] += g
	}
}

// ballDistances loads the rows' gaps 1 − ‖x‖² into aux and the distances
// d(u, x_r) into dist, for the unit ball. A row read while another worker
// wrote it may lie outside the margin; it is pulled back first.
func (w *worker) ballDistances(m int) {
	n := w.t.n
	for r := 0; r < m; r++ {
		xr := w.x[r*n : (r+1)*n]
		w.aux[r] = 1 - clipBall(xr)
	}
	u := w.x[:n]
	au := w.aux[0]
	for r := 1; r < m; r++ {
		xr := w.x[r*n : (r+1)*n]
		var ss float64
		for i, ui := range u {
			d := ui - xr[i]
			ss += d * d
		}
		// d = acosh(1 + 2s/(αβ)) = 2·asinh(√q) = 2·log(√q + √(1 + q)),
		// q = s/(αβ) (the log form is accurate to an absolute ε, enough
		// for the softmax, and cheaper than math.Asinh).
		w.sq[r] = ss
		q := ss / (au * w.aux[r])
		w.dist[r] = 2 * math.Log(math.Sqrt(q)+math.Sqrt(1+q))
	}
}

// clipBall scales x onto ‖x‖ = 1 − BallMargin if it lies beyond, and
// returns ‖x‖².
func clipBall(x []float64) float64 {
	var ss float64
	for _, xi := range x {
		ss += xi * xi
	}
	const lim = (1 - BallMargin) * (1 - BallMargin)
	if ss > lim || ss != ss {
		if ss != ss || math.IsInf(ss, 1) {
			clear(x) // cannot happen from valid steps; restart the node at the origin
			return 0
		}
		k := (1 - BallMargin) / math.Sqrt(ss)
		for i := range x {
			x[i] *= k
		}
		return lim
	}
	return ss
}

// ballGrad adds coef·∂d(u, x_r)/∂u to w.gu and coef·∂d/∂x_r to gr:
//
//	∂d/∂u = (2/√(s(αβ + s)))·((u − v) + (s/α)·u),   s = ‖u − v‖²,
//
// α = 1 − ‖u‖², β = 1 − ‖v‖² (from d = acosh(γ), γ = 1 + 2s/(αβ),
// ∂γ/∂u = (4/(αβ))((u − v) + (s/α)u) and √(γ² − 1) = 2√(s(αβ + s))/(αβ)),
// and symmetrically for v. At u = v, where d is not differentiable, nothing
// is added.
func (w *worker) ballGrad(r int, coef float64, gr []float64) {
	n := w.t.n
	u, v := w.x[:n], w.x[r*n:(r+1)*n]
	a, b := w.aux[0], w.aux[r]
	ss := w.sq[r]
	if ss == 0 {
		return
	}
	k := coef * 2 / math.Sqrt(ss*(a*b+ss))
	ka, kb := ss/a, ss/b
	for i, ui := range u {
		d := ui - v[i]
		w.gu[i] += k * (d + ka*ui)
		gr[i] += k * (kb*v[i] - d)
	}
}

// lorentzDistances computes the time coordinates x₀ = √(1 + ‖a‖²) into aux
// and the distances d(u, x_r) into dist, for unit curvature, from the
// spatial parts: γ − 1 = −⟨x, y⟩_L − 1 = (‖a − b‖² + ‖a ∧ b‖²)/(x₀y₀ + a·b + 1)
// (see package hyperbolic), with ‖a ∧ b‖ = ‖r‖‖e_⊥‖ for the shorter r of a
// and b and the part e_⊥ of e = a − b orthogonal to it, and
// d = acosh(γ) = log1p((γ − 1) + √((γ − 1)(γ + 1))).
func (w *worker) lorentzDistances(m int) {
	n := w.t.n
	for r := 0; r < m; r++ {
		xr := w.x[r*n : (r+1)*n]
		var ss float64
		for _, xi := range xr {
			ss += xi * xi
		}
		w.aux[r] = math.Sqrt(1 + ss)
	}
	for r := 1; r < m; r++ {
		g := lorentzGM1(w.x[:n], w.x[r*n:(r+1)*n], w.aux[0], w.aux[r])
		w.sq[r] = g
		w.dist[r] = math.Log1p(g + math.Sqrt(g*(g+2)))
	}
}

// lorentzGM1 returns γ − 1 = −⟨x, y⟩_L − 1 for the unit hyperboloid points
// with spatial parts a, b and time coordinates a0, b0.
func lorentzGM1(a, b []float64, a0, b0 float64) float64 {
	var aa, bb, ab, ee, ae, be float64
	for i, ai := range a {
		bi := b[i]
		e := ai - bi
		aa += ai * ai
		bb += bi * bi
		ab += ai * bi
		ee += e * e
		ae += ai * e
		be += bi * e
	}
	if ee == 0 {
		return 0
	}
	r, rr, re := a, aa, ae
	if bb < aa {
		r, rr, re = b, bb, be
	}
	var pp float64
	if rr > 0x1p-60 {
		mu := re / rr
		for i, ri := range r {
			q := math.FMA(-mu, ri, a[i]-b[i])
			pp += q * q
		}
	}
	return (ee + rr*pp) / (a0*b0 + ab + 1)
}

// lorentzGrad adds coef·∂d/∂a to w.gu and coef·∂d/∂b to gr, for the
// distance as a function of the spatial parts a of u and b of x_r:
//
//	∂d/∂a = ((b₀/a₀)·a − b)/√(γ² − 1) = (e + ((b₀ − a₀)/a₀)·a)/√(γ² − 1),
//
// e = a − b, b₀ − a₀ = −Σ eᵢ(aᵢ + bᵢ)/(a₀ + b₀), and symmetrically for b.
func (w *worker) lorentzGrad(r int, coef float64, gr []float64) {
	n := w.t.n
	a, b := w.x[:n], w.x[r*n:(r+1)*n]
	a0, b0 := w.aux[0], w.aux[r]
	g := w.sq[r]
	if g == 0 {
		return
	}
	var es float64
	for i, ai := range a {
		es += (ai - b[i]) * (ai + b[i])
	}
	diff := -es / (a0 + b0) // b₀ − a₀
	k := coef / math.Sqrt(g*(g+2))
	ka, kb := diff/a0, -diff/b0
	for i, ai := range a {
		e := ai - b[i]
		w.gu[i] += k * (e + ka*ai)
		gr[i] += k * (kb*b[i] - e)
	}
}

// apply updates every node with a gradient slot in this batch.
func (w *worker) apply(lr float64) {
	t := w.t
	n := t.n
	for s, u := range w.rows {
		g := w.grad[s*n : (s+1)*n]
		off := int(u) * n
		switch {
		case t.opt.Optimizer == RAdam:
			w.radam(u, g, lr)
		case t.model == PoincareBall:
			x := w.p[:n]
			t.pos.loadTo(x, off)
			ss := clipBall(x)
			// Riemannian gradient on the curvature −c ball, in the unit
			// coordinates: c·((1 − ‖x‖²)²/4)·g.
			k := lr * t.c * 0.25 * (1 - ss) * (1 - ss)
			for i := range x {
				x[i] -= k * g[i]
			}
			clipBall(x)
			t.pos.storeFrom(off, x)
		case t.model == Lorentz:
			w.lorentzStep(u, g, lr*t.c, nil)
		}
	}
}

// lorentzStep moves node u (unit hyperboloid, spatial part in storage) along
// the exponential map by −k times the Riemannian gradient of the Euclidean
// spatial-chart gradient g (if dir is nil), or by the tangent spatial vector
// dir (if not nil), with the step's length clipped to LorentzMaxStep and the
// result to LorentzMaxNorm. It leaves the old point in w.p and the new one
// in w.q (full coordinates).
func (w *worker) lorentzStep(u int32, g []float64, k float64, dir []float64) {
	t := w.t
	n := t.n
	off := int(u) * n
	p, q, v := w.p, w.q, w.vec
	a := p[1:]
	t.pos.loadTo(a, off)
	var aa float64
	for _, ai := range a {
		aa += ai * ai
	}
	p[0] = math.Sqrt(1 + aa)
	vs := v[1:]
	if dir == nil {
		// Riemannian gradient in the spatial chart: g + a(a·g) (the inverse
		// of the chart metric I − aaᵀ/x₀² is I + aaᵀ).
		var ag float64
		for i, ai := range a {
			ag += ai * g[i]
		}
		for i, ai := range a {
			vs[i] = -k * (g[i] + ai*ag)
		}
	} else {
		copy(vs, dir)
	}
	// ‖v‖²_L = ‖v_⊥‖² + (â·v)²/x₀², â = a/‖a‖, v_⊥ = v − (â·v)â: a sum of
	// squares, without the cancellation of ‖v‖² − v₀² far from the origin.
	var av float64
	for i, ai := range a {
		av += ai * vs[i]
	}
	v[0] = av / p[0]
	var norm float64
	if aa > 0 {
		na := math.Sqrt(aa)
		rad := av / na
		var pp float64
		for i, ai := range a {
			d := vs[i] - rad*ai/na
			pp += d * d
		}
		norm = math.Sqrt(pp + (rad/p[0])*(rad/p[0]))
	} else {
		for _, vi := range vs {
			norm += vi * vi
		}
		norm = math.Sqrt(norm)
	}
	if norm > LorentzMaxStep {
		f := LorentzMaxStep / norm
		for i := range v {
			v[i] *= f
		}
	}
	lorentzExp(q, p, v, min(norm, LorentzMaxStep))
	var qq float64
	for _, qi := range q[1:] {
		qq += qi * qi
	}
	if qq > LorentzMaxNorm*LorentzMaxNorm {
		f := LorentzMaxNorm / math.Sqrt(qq)
		for i := range q[1:] {
			q[1+i] *= f
		}
		q[0] = math.Sqrt(1 + LorentzMaxNorm*LorentzMaxNorm)
	}
	t.pos.storeFrom(off, q[1:])
}

// lorentzExp writes the exponential map of the unit hyperboloid,
// Exp_p(v) = cosh(θ)·p + (sinh(θ)/θ)·v with θ = ‖v‖_L given, for its spatial
// part, and the time coordinate √(1 + ‖q_{1:}‖²) implied by it (the same map
// as hyperbolic.Lorentz.Exp, inlined: a step of training is about as
// frequent as a distance; exp_test.go checks the two agree).
func lorentzExp(q, p, v []float64, theta float64) {
	var ch, shc float64
	if theta < 1e-2 {
		t2 := theta * theta
		ch = 1 + t2*(1.0/2+t2*(1.0/24+t2*(1.0/720)))
		shc = 1 + t2*(1.0/6+t2*(1.0/120+t2*(1.0/5040)))
	} else {
		e := math.Exp(theta)
		ie := 1 / e
		ch, shc = 0.5*(e+ie), 0.5*(e-ie)/theta
	}
	var qq float64
	for i := 1; i < len(q); i++ {
		q[i] = ch*p[i] + shc*v[i]
		qq += q[i] * q[i]
	}
	q[0] = math.Sqrt(1 + qq)
}

// radam performs the Riemannian Adam step of node u for the Euclidean
// storage-chart gradient g (Bécigneul & Ganea 2019, with per-node bias
// correction): m ← β₁m + (1 − β₁)h, v ← β₂v + (1 − β₂)‖h‖², for the
// Riemannian gradient h; x ← R_x(−η·m̂/(√v̂ + ε)); m transported to the new
// point.
func (w *worker) radam(u int32, g []float64, lr float64) {
	t := w.t
	n := t.n
	o := &t.opt
	off := int(u) * n
	step := atomic.AddUint32(&t.steps[u], 1)
	// 1 − βᵗ = −expm1(t·ln β), cheaper than math.Pow and as accurate.
	bc1 := -math.Expm1(float64(step) * t.logB1)
	bc2 := -math.Expm1(float64(step) * t.logB2)
	m := w.tmp[:n]
	t.mom.loadTo(m, off)
	v := t.sec.load(int(u))
	// η is a length in the curvature −c metric: √c·η in the unit one.
	eta := lr * math.Sqrt(t.c)
	switch t.model {
	case PoincareBall:
		x := w.p[:n]
		t.pos.loadTo(x, off)
		ss := clipBall(x)
		gap := 1 - ss
		h := 0.25 * gap * gap // inverse of the metric λ² = 4/gap²
		var hh float64
		for i, gi := range g {
			hi := h * gi
			m[i] = o.Beta1*m[i] + (1-o.Beta1)*hi
			hh += hi * hi
		}
		hh *= 4 / (gap * gap) // ‖h‖²_x = λ²‖h‖²
		v = o.Beta2*v + (1-o.Beta2)*hh
		den := math.Sqrt(v/bc2) + o.Epsilon
		y := w.q[:n]
		for i := range y {
			y[i] = x[i] - eta*m[i]/bc1/den
		}
		clipBall(y)
		t.ball.ParallelTransport(m, x, y, m)
		t.pos.storeFrom(off, y)
	case Lorentz:
		a := w.p[1:]
		t.pos.loadTo(a, off)
		var aa, ag float64
		for i, ai := range a {
			aa += ai * ai
			ag += ai * g[i]
		}
		x0 := math.Sqrt(1 + aa)
		var am float64
		hs := w.vec[1:]
		for i, ai := range a {
			hs[i] = g[i] + ai*ag
			m[i] = o.Beta1*m[i] + (1-o.Beta1)*hs[i]
			am += ai * m[i]
		}
		// ‖h‖²_x = ‖h‖² − (a·h)²/x₀² in the spatial chart.
		var hh, ah float64
		for i, hi := range hs {
			hh += hi * hi
			ah += a[i] * hi
		}
		hh = max(0, hh-(ah/x0)*(ah/x0))
		v = o.Beta2*v + (1-o.Beta2)*hh
		den := math.Sqrt(v/bc2) + o.Epsilon
		dir := w.tmp[n : 2*n]
		for i := range dir {
			dir[i] = -eta * m[i] / bc1 / den
		}
		// The moment as a full tangent vector at the old point (w.p after
		// lorentzStep); its time coordinate is implied: ⟨a, m⟩/x₀.
		w.lorentzStep(u, nil, 0, dir)
		mv := w.vec
		copy(mv[1:], m)
		mv[0] = am / w.p[0]
		t.lor.ParallelTransport(mv, w.p, w.q, mv)
		copy(m, mv[1:])
	}
	t.mom.storeFrom(off, m)
	t.sec.store(int(u), v)
}
