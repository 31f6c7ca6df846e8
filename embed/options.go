package embed

import (
	"fmt"
	"math"
	"runtime"
	"strconv"
	"time"

	"github.com/geodesic-go/geodesic/hyperbolic"
)

// Model selects the model of hyperbolic space the embedding is trained in.
type Model int

const (
	// PoincareBall is the Poincaré ball of radius 1/√c (Nickel & Kiela 2017),
	// trained by Riemannian SGD with the conformal-factor rescaling and a
	// projection that keeps points BallMargin inside the ball.
	PoincareBall Model = iota
	// Lorentz is the hyperboloid model (Nickel & Kiela 2018), trained with
	// the exponential map. Coordinates are (x₀, x₁, …, x_n), time first.
	Lorentz
)

// String returns "poincare" or "lorentz".
func (m Model) String() string {
	switch m {
	case PoincareBall:
		return "poincare"
	case Lorentz:
		return "lorentz"
	}
	return "Model(" + strconv.Itoa(int(m)) + ")"
}

// ParseModel parses "poincare" (or "ball") and "lorentz" (or "hyperboloid").
func ParseModel(s string) (Model, error) {
	switch s {
	case "poincare", "ball", "PoincareBall":
		return PoincareBall, nil
	case "lorentz", "hyperboloid", "Lorentz":
		return Lorentz, nil
	}
	return 0, fmt.Errorf("embed: unknown model %q (want poincare or lorentz)", s)
}

// Optimizer selects the training method.
type Optimizer int

const (
	// RSGD is Riemannian SGD, the method of the reference recipe.
	RSGD Optimizer = iota
	// RAdam is Riemannian Adam (Bécigneul & Ganea 2019) with one adaptive
	// second moment per node (each node's point is a factor of the product
	// manifold), sparse ("lazy") updates of the nodes in each batch and
	// per-node bias correction.
	RAdam
)

// String returns "rsgd" or "radam".
func (o Optimizer) String() string {
	switch o {
	case RSGD:
		return "rsgd"
	case RAdam:
		return "radam"
	}
	return "Optimizer(" + strconv.Itoa(int(o)) + ")"
}

// DefaultLearningRate returns the learning rate that Options uses for the
// optimizer when none is given: DefaultLearningRate for RSGD,
// DefaultRAdamLearningRate for RAdam.
func (o Optimizer) DefaultLearningRate() float64 {
	if o == RAdam {
		return DefaultRAdamLearningRate
	}
	return DefaultLearningRate
}

// ParseOptimizer parses "rsgd" (or "sgd") and "radam" (or "adam").
func ParseOptimizer(s string) (Optimizer, error) {
	switch s {
	case "rsgd", "sgd", "RSGD":
		return RSGD, nil
	case "radam", "adam", "RAdam":
		return RAdam, nil
	}
	return 0, fmt.Errorf("embed: unknown optimizer %q (want rsgd or radam)", s)
}

// Defaults of Options: the mammals recipe of Nickel & Kiela (2017) as
// published with their reference implementation.
const (
	DefaultDim          = 5
	DefaultEpochs       = 300
	DefaultLearningRate = 0.3
	// DefaultRAdamLearningRate is the default step size of RAdam, whose
	// steps have length of order η whatever the gradient's size: on the
	// mammals closure (300 epochs, one thread, dimension 5, ball) η = 0.001,
	// 0.003, 0.005, 0.01, 0.03, 0.1 and 0.3 gave MAP 0.894, 0.934, 0.931,
	// 0.926, 0.893, 0.838 and 0.811 (see the package documentation).
	DefaultRAdamLearningRate = 0.003
	DefaultNegatives         = 50
	DefaultBatchSize         = 10
	DefaultBurnIn            = 20
	DefaultBurnInFactor      = 0.01
	DefaultDampening         = 0.75
	DefaultInitRange         = 1e-3
)

// BallMargin is the training margin of the Poincaré ball: after every step a
// point of the unit-curvature ball is kept at Euclidean norm ≤ 1 − BallMargin
// (the reference implementation's ε), that is within hyperbolic distance
// 2·atanh(1 − 1e-5)/√c ≈ 12.2/√c of the origin. Nothing in the loss needs
// points farther out, and the conformal factor (1 − ‖x‖²)²/4 ≥ 5e-11 keeps
// points at the margin movable.
const BallMargin = 1e-5

// LorentzMaxNorm bounds the spatial part of the trained Lorentz points (in
// units of 1/√c): ‖x_{1:}‖ ≤ 1e6, within hyperbolic distance
// asinh(1e6)/√c ≈ 14.5/√c of the origin (the reference implementation's
// bound). LorentzMaxStep bounds the Riemannian length of one step in the
// unit-curvature metric (the reference implementation's norm clip).
const (
	LorentzMaxNorm = 1e6
	LorentzMaxStep = 1.0
)

// Options configure Train. The zero value of every field means its default,
// the recipe of Nickel & Kiela (2017) for the WordNet mammals closure:
// Poincaré ball, dimension 5, RSGD at learning rate 0.3, batches of 10 pairs
// with 50 negatives each, 300 epochs of which the first 20 are a burn-in at
// learning rate 0.3/100 with negatives drawn by degree^0.75.
type Options struct {
	// Model is PoincareBall (default) or Lorentz.
	Model Model
	// Dim is the dimension n of the hyperbolic space (the ball has n
	// coordinates, the hyperboloid n+1); 0 means DefaultDim.
	Dim int
	// Curvature is c > 0 for the curvature −c; 0 means 1. It sets the length
	// scale 1/√c: the loss uses the distances of the curvature −c model, so c
	// acts as a temperature of the softmax. The learning rate is that of the
	// curvature −c metric.
	Curvature float64
	// Epochs is the number of passes over the pairs, burn-in included;
	// 0 means DefaultEpochs.
	Epochs int
	// LearningRate is the step size η after the burn-in; 0 means
	// DefaultLearningRate for RSGD and DefaultRAdamLearningRate for RAdam
	// (Optimizer.DefaultLearningRate). For RSGD a step is −η times the Riemannian
	// gradient of the batch-mean loss; for RAdam the steps have Riemannian
	// length of order η.
	LearningRate float64
	// Negatives is the number K of negatives per pair; 0 means
	// DefaultNegatives.
	Negatives int
	// BatchSize is the number of pairs whose mean loss makes one step;
	// 0 means DefaultBatchSize.
	BatchSize int
	// BurnIn is the number of burn-in epochs, run at LearningRate·BurnInFactor
	// with negatives drawn by degree^Dampening; 0 means DefaultBurnIn and a
	// negative value means no burn-in.
	BurnIn int
	// BurnInFactor multiplies the learning rate during the burn-in;
	// 0 means DefaultBurnInFactor (1/100).
	BurnInFactor float64
	// Dampening is the exponent of the node degrees in the burn-in negative
	// distribution; 0 means DefaultDampening (0.75).
	Dampening float64
	// SymmetricNegatives also excludes the descendants of u from its
	// negatives, drawing only nodes v′ with neither (u, v′) nor (v′, u) a
	// pair. By default, as in the paper and the reference implementation,
	// only u's ancestors (and u) are excluded, which matches the
	// reconstruction ranking (see Evaluate); see the package documentation
	// for the measured difference.
	SymmetricNegatives bool
	// Optimizer is RSGD (default) or RAdam.
	Optimizer Optimizer
	// Beta1, Beta2 and Epsilon are RAdam's parameters; 0 means 0.9, 0.999
	// and 1e-8.
	Beta1, Beta2, Epsilon float64
	// InitRange is the half-width r of the initialisation: every coordinate
	// of the ball (and of the spatial part of the hyperboloid), in units of
	// 1/√c, is drawn from U(−r, r); 0 means DefaultInitRange (1e-3).
	InitRange float64
	// Seed seeds every random choice (initialisation, pair order,
	// negatives).
	Seed uint64
	// Threads is the number of training goroutines; 0 means
	// runtime.GOMAXPROCS(0). Threads = 1 gives the same bits on every run
	// with the same seed; see the package documentation, "Parallelism".
	Threads int
	// Progress, if not nil, is called on the calling goroutine after every
	// epoch.
	Progress func(Progress)
}

// Progress reports the end of an epoch to Options.Progress.
type Progress struct {
	Epoch     int           // 1-based epoch just finished
	Epochs    int           // total number of epochs
	BurnIn    bool          // whether the epoch was a burn-in epoch
	Loss      float64       // mean loss over the epoch's pairs
	EpochTime time.Duration // wall time of the epoch
	Elapsed   time.Duration // wall time since Train started training

	snapshot func() *Embedding
}

// Embedding returns a copy of the embedding after the epoch. It may be
// called only during the Progress call.
func (p Progress) Embedding() *Embedding { return p.snapshot() }

// resolved is Options with the defaults filled in and validated.
type resolved struct {
	Options
	maxTries int
}

func (o *Options) resolve() (resolved, error) {
	r := resolved{Options: *o}
	def := func(p *int, d int) {
		if *p == 0 {
			*p = d
		}
	}
	deff := func(p *float64, d float64) {
		if *p == 0 {
			*p = d
		}
	}
	def(&r.Dim, DefaultDim)
	def(&r.Epochs, DefaultEpochs)
	def(&r.Negatives, DefaultNegatives)
	def(&r.BatchSize, DefaultBatchSize)
	def(&r.BurnIn, DefaultBurnIn)
	if r.BurnIn < 0 {
		r.BurnIn = 0
	}
	def(&r.Threads, runtime.GOMAXPROCS(0))
	deff(&r.Curvature, 1)
	deff(&r.LearningRate, r.Optimizer.DefaultLearningRate())
	deff(&r.BurnInFactor, DefaultBurnInFactor)
	deff(&r.Dampening, DefaultDampening)
	deff(&r.Beta1, 0.9)
	deff(&r.Beta2, 0.999)
	deff(&r.Epsilon, 1e-8)
	deff(&r.InitRange, DefaultInitRange)
	switch {
	case r.Model != PoincareBall && r.Model != Lorentz:
		return r, fmt.Errorf("embed: unknown model %v", r.Model)
	case r.Optimizer != RSGD && r.Optimizer != RAdam:
		return r, fmt.Errorf("embed: unknown optimizer %v", r.Optimizer)
	case r.Dim < 1:
		return r, fmt.Errorf("embed: Dim = %d, want ≥ 1", r.Dim)
	case r.Epochs < 1:
		return r, fmt.Errorf("embed: Epochs = %d, want ≥ 1", r.Epochs)
	case r.Negatives < 1:
		return r, fmt.Errorf("embed: Negatives = %d, want ≥ 1", r.Negatives)
	case r.BatchSize < 1:
		return r, fmt.Errorf("embed: BatchSize = %d, want ≥ 1", r.BatchSize)
	case r.Threads < 1:
		return r, fmt.Errorf("embed: Threads = %d, want ≥ 1", r.Threads)
	case !(r.Curvature >= hyperbolic.MinCurvature && r.Curvature <= hyperbolic.MaxCurvature):
		return r, fmt.Errorf("embed: Curvature = %v, want in [2⁻⁵⁰⁰, 2⁵⁰⁰]", r.Curvature)
	case !positiveFinite(r.LearningRate):
		return r, fmt.Errorf("embed: LearningRate = %v, want a finite positive number", r.LearningRate)
	case !positiveFinite(r.BurnInFactor):
		return r, fmt.Errorf("embed: BurnInFactor = %v, want a finite positive number", r.BurnInFactor)
	case !positiveFinite(r.Dampening) || r.Dampening > 10:
		return r, fmt.Errorf("embed: Dampening = %v, want in (0, 10]", r.Dampening)
	case !(r.Beta1 > 0 && r.Beta1 < 1) || !(r.Beta2 > 0 && r.Beta2 < 1):
		return r, fmt.Errorf("embed: Beta1 = %v, Beta2 = %v, want both in (0, 1)", r.Beta1, r.Beta2)
	case !positiveFinite(r.Epsilon):
		return r, fmt.Errorf("embed: Epsilon = %v, want a finite positive number", r.Epsilon)
	case !positiveFinite(r.InitRange) || r.InitRange > 0.1:
		return r, fmt.Errorf("embed: InitRange = %v, want in (0, 0.1]", r.InitRange)
	}
	r.maxTries = 10 * r.Negatives
	return r, nil
}

func positiveFinite(x float64) bool { return x > 0 && !math.IsInf(x, 1) }
