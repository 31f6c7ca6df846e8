package bench

import (
	"context"
	"fmt"
	"math"
	"regexp"
	"slices"
	"sort"
	"strconv"
	"strings"
)

// Kind says what a workload measures.
type Kind string

// The kinds of workloads.
const (
	// KindOp is one call of one manifold operation (Inner, Exp, Log, ...).
	KindOp Kind = "op"
	// KindSolver is one optim.Minimize run on a test problem with a known
	// answer, from a fixed starting point to ‖grad f‖ ≤ 1e-8 (or a limit).
	KindSolver Kind = "solver"
	// KindAverage is one call of an averaging function of package optim
	// (KarcherMean, GeometricMedian, ...) on data with a known answer.
	KindAverage Kind = "average"
	// KindEmbed is one training epoch of package embed.
	KindEmbed Kind = "embed"
)

// Kinds lists every kind in the order reports present them.
func Kinds() []Kind { return []Kind{KindOp, KindSolver, KindAverage, KindEmbed} }

// Size is a size class of a workload: the same three classes for every
// manifold, so that a run can be restricted to small problems.
type Size string

// The size classes.
const (
	// SizeTiny is the smallest meaningful shape (S², 3×2 frames, 3×3
	// matrices, H²): call overhead dominates. Quick mode runs only these.
	SizeTiny Size = "tiny"
	// SizeMedium is a moderate shape (S⁹⁹, 50×5, 10×10, H¹⁰).
	SizeMedium Size = "medium"
	// SizeTall is a large, usually tall and thin, shape (S⁹⁹⁹⁹, 1000×10,
	// 100×100, H¹⁰⁰) where the arithmetic dominates.
	SizeTall Size = "tall"
)

// Sizes lists the size classes from small to large.
func Sizes() []Size { return []Size{SizeTiny, SizeMedium, SizeTall} }

// Workload is one entry of the registry: a named unit of work and how to
// prepare it. The fields other than Setup describe the workload; they are
// copied into its Result.
type Workload struct {
	// Name identifies the workload uniquely and stably across runs, as
	// slash-separated key=value segments in the style of go test
	// sub-benchmarks: the kind and operation first, then the problem, the
	// manifold, its variant and the size parameters, e.g.
	// "op=exp/manifold=stiefel/metric=canonical/n=50/p=5" or
	// "solver=lbfgs/problem=rayleigh/manifold=sphere/n=100".
	Name string
	// Kind says what is measured.
	Kind Kind
	// Op is the operation ("exp", "paralleltransport"), the solver
	// ("lbfgs", "cg-hz"), the averaging function ("karcher", "median") or,
	// for embeddings, "epoch".
	Op string
	// Problem is the test problem of a solver ("rayleigh"), the data of an
	// averaging or embedding workload ("symmetric", "mammals"), and empty
	// for operations.
	Problem string
	// Manifold is the name of the package of the manifold the work happens
	// on: "sphere", "grassmann", "stiefel", "spd", "hyperbolic" or "flag".
	Manifold string
	// Variant names the non-default configuration of the manifold as a
	// key=value pair ("metric=canonical", "model=ball"), empty for
	// manifolds that have a single configuration.
	Variant string
	// Size is the size class.
	Size Size
	// Params are the size parameters, e.g. {"n": 50, "p": 5}.
	Params map[string]int
	// Elements is the number of float64 values in one point of the
	// manifold (r·c for Shape (r, c)): the x axis of the time-versus-size
	// plots.
	Elements int
	// Setup prepares the workload (random points, matrices, reference
	// answers) and returns it ready to be timed. It is called once per
	// run of the workload, untimed.
	Setup func() (*Instance, error)
}

// Instance is a workload prepared for timing.
type Instance struct {
	// Run does the workload's unit of work n ≥ 1 times in a row and
	// returns the Outcome of the last repetition, or nil for workloads
	// without one (manifold operations). The harness times whole calls of
	// Run, so everything Run does counts.
	Run func(ctx context.Context, n int) (*Outcome, error)
	// Trace, if not nil, does the unit of work once while recording the
	// cost and gradient norm of every iteration into Outcome.Trace. The
	// harness calls it once, untimed, as the warm-up run.
	Trace func(ctx context.Context) (*Outcome, error)
}

// Outcome is what one run of an iterative workload (solver, averaging,
// embedding epoch) produced. Values that do not apply are NaN (written
// as null in JSON) or zero.
type Outcome struct {
	// Status is why the run stopped, in the words of optim.Status.String
	// ("gradient norm below tolerance").
	Status string
	// Converged reports whether the status certifies convergence
	// (optim.Status.Converged).
	Converged bool
	// Iterations is the number of iterations (epochs for embeddings).
	Iterations int
	// FuncEvals, GradEvals and HessEvals are the evaluation counts of the
	// run, as in optim.Result.
	FuncEvals, GradEvals, HessEvals int
	// Cost is the final cost (for embeddings the mean loss of the epoch).
	Cost float64
	// GradNorm is the final Riemannian gradient norm.
	GradNorm float64
	// Optimum is the known minimum of the cost, computed independently of
	// the code under test; NaN when unknown.
	Optimum float64
	// FinalError is the distance of the result from the known answer, in
	// the measure ErrorMetric names; NaN when there is no known answer.
	FinalError float64
	// ErrorMetric says how FinalError is measured, e.g. "sin∠(x, v₁)".
	ErrorMetric string
	// Tolerance is the FinalError the workload is expected to reach (a
	// failure to reach it means a wrong answer or a non-convergence, not a
	// slow one); NaN when there is none.
	Tolerance float64
	// Trace holds the iterations of the traced run (see Instance.Trace),
	// nil otherwise.
	Trace []TracePoint
}

// TracePoint is one iteration of a traced run.
type TracePoint struct {
	Iter     int     // iteration number, 0 for the starting point
	Cost     float64 // cost at the iterate; NaN where not evaluated
	GradNorm float64 // Riemannian gradient norm at the iterate
}

// OK reports whether the outcome reached its tolerance: true when there is
// no tolerance, and false when FinalError is NaN but a tolerance is set.
func (o *Outcome) OK() bool {
	if o == nil || math.IsNaN(o.Tolerance) {
		return true
	}
	return o.FinalError <= o.Tolerance
}

// param is one size parameter, kept in order for the workload name.
type param struct {
	key string
	val int
}

// newWorkload fills the descriptive fields of a workload and its name.
func newWorkload(kind Kind, op, problem, mfd, variant string, size Size, elements int, ps []param, setup func() (*Instance, error)) Workload {
	var b strings.Builder
	b.WriteString(string(kind))
	b.WriteByte('=')
	b.WriteString(op)
	if problem != "" {
		b.WriteString("/problem=")
		b.WriteString(problem)
	}
	b.WriteString("/manifold=")
	b.WriteString(mfd)
	if variant != "" {
		b.WriteByte('/')
		b.WriteString(variant)
	}
	params := make(map[string]int, len(ps))
	for _, p := range ps {
		b.WriteByte('/')
		b.WriteString(p.key)
		b.WriteByte('=')
		b.WriteString(strconv.Itoa(p.val))
		params[p.key] = p.val
	}
	return Workload{
		Name: b.String(), Kind: kind, Op: op, Problem: problem, Manifold: mfd, Variant: variant,
		Size: size, Params: params, Elements: elements, Setup: setup,
	}
}

// A builder returns the workloads of one family. Families register
// themselves from init functions in their own files, so that a family
// whose package is not in the build can be left out by deleting one file:
// ops_flag.go (package flag), averaging.go (optim.KarcherMean and
// GeometricMedian), averaging_flag.go (optim.FlagMean and FlagMedian) and
// embedding.go (package embed, data's WordNet file). The registry test
// requires each family only when its package or function exists.
type builder struct {
	order int // position of the family in the registry
	build func() []Workload
}

var builders []builder

func register(order int, build func() []Workload) {
	builders = append(builders, builder{order, build})
}

// Registry returns every workload geodesic knows, in a fixed order: by
// kind (operations, solvers, averaging, embeddings), then operations by
// manifold and variant, operation and size; solvers by problem, solver and
// size; averaging by function, manifold and size. It is cheap: nothing is
// prepared until a workload's Setup is called. Each call returns a new
// slice.
func Registry() []Workload {
	bs := slices.Clone(builders)
	sort.SliceStable(bs, func(i, j int) bool { return bs[i].order < bs[j].order })
	var ws []Workload
	seen := make(map[string]bool)
	for _, b := range bs {
		for _, w := range b.build() {
			if seen[w.Name] {
				panic("bench: duplicate workload " + w.Name)
			}
			seen[w.Name] = true
			ws = append(ws, w)
		}
	}
	return ws
}

// Select returns the workloads of ws that cfg selects (see Config.Filter,
// Config.Kinds, Config.Sizes and Config.Quick), in their order. It returns
// an error for an invalid filter, kind or size.
func Select(ws []Workload, cfg Config) ([]Workload, error) {
	var re *regexp.Regexp
	if cfg.Filter != "" {
		var err error
		if re, err = regexp.Compile(cfg.Filter); err != nil {
			return nil, fmt.Errorf("bench: invalid filter: %w", err)
		}
	}
	for _, k := range cfg.Kinds {
		if !slices.Contains(Kinds(), k) {
			return nil, fmt.Errorf("bench: unknown kind %q (want one of %v)", k, Kinds())
		}
	}
	sizes := cfg.Sizes
	for _, s := range sizes {
		if !slices.Contains(Sizes(), s) {
			return nil, fmt.Errorf("bench: unknown size %q (want one of %v)", s, Sizes())
		}
	}
	if len(sizes) == 0 && cfg.Quick {
		sizes = []Size{SizeTiny}
	}
	var out []Workload
	for _, w := range ws {
		if re != nil && !re.MatchString(w.Name) {
			continue
		}
		if len(cfg.Kinds) > 0 && !slices.Contains(cfg.Kinds, w.Kind) {
			continue
		}
		if len(sizes) > 0 && !slices.Contains(sizes, w.Size) {
			continue
		}
		out = append(out, w)
	}
	return out, nil
}

// List returns the workloads Run(ctx, cfg) would run: cfg.Workloads, or
// the Registry, narrowed by Select.
func List(cfg Config) ([]Workload, error) {
	ws := cfg.Workloads
	if ws == nil {
		ws = Registry()
	}
	return Select(ws, cfg)
}
