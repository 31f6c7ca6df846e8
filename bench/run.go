package bench

import (
	"context"
	"errors"
	"fmt"
	"math"
	"runtime"
	"time"
)

// Defaults of Config. A zero field means its default.
const (
	// DefaultRepeats is the number of timed samples per workload.
	DefaultRepeats = 10
	// DefaultBudget is the time budget per workload.
	DefaultBudget = time.Second
	// DefaultSampleTime is the target duration of one sample.
	DefaultSampleTime = 10 * time.Millisecond

	// QuickRepeats, QuickBudget and QuickSampleTime are the defaults in
	// quick mode; quick mode also caps Repeats at QuickRepeats.
	QuickRepeats    = 3
	QuickBudget     = 100 * time.Millisecond
	QuickSampleTime = time.Millisecond
)

// Config selects the workloads of a Run and how they are measured. The zero
// value runs every registered workload with the defaults.
type Config struct {
	// Filter, if not empty, is a regular expression (package regexp) that
	// a workload's Name must match, e.g. "op=(exp|log)/manifold=sphere".
	Filter string
	// Kinds and Sizes, if not empty, restrict the run to these kinds and
	// size classes.
	Kinds []Kind
	Sizes []Size
	// Quick selects quick mode, for CI: only SizeTiny workloads (unless
	// Sizes says otherwise), at most QuickRepeats samples, and the quick
	// defaults of Budget and SampleTime. A quick run of the whole registry
	// takes a few seconds.
	Quick bool
	// Repeats is the number of timed samples per workload (≥ 1); 0 means
	// DefaultRepeats (QuickRepeats in quick mode).
	Repeats int
	// Budget is the time allowed per workload: sampling stops when setup,
	// warm-up, calibration and the samples so far have used it, even if
	// fewer than Repeats samples were taken (but never before the first
	// sample). 0 means DefaultBudget (QuickBudget in quick mode).
	Budget time.Duration
	// SampleTime is the target duration of one sample: fast operations
	// are repeated in a batch that lasts about this long, and each sample
	// records the batch time divided by the batch size. 0 means
	// DefaultSampleTime (QuickSampleTime in quick mode).
	SampleTime time.Duration
	// Workloads, if not nil, replaces the Registry as the list to select
	// from (for custom workloads and tests).
	Workloads []Workload
	// Progress, if not nil, is called on the calling goroutine before and
	// after each workload.
	Progress func(Progress)
}

// Progress reports the progress of a Run.
type Progress struct {
	// Index is the position of the workload in the run (from 0) and Total
	// the number of workloads.
	Index, Total int
	// Name is the workload's name.
	Name string
	// Result is nil when the workload starts and its result when it is
	// done.
	Result *Result
	// Elapsed is the time since Run started.
	Elapsed time.Duration
}

// settings returns the effective settings of cfg.
func (cfg Config) settings() (Settings, error) {
	s := Settings{Quick: cfg.Quick, Filter: cfg.Filter, Kinds: cfg.Kinds, Sizes: cfg.Sizes}
	rep, budget, sample := cfg.Repeats, cfg.Budget, cfg.SampleTime
	if rep < 0 || budget < 0 || sample < 0 {
		return s, errors.New("bench: Repeats, Budget and SampleTime must not be negative")
	}
	if cfg.Quick {
		if rep == 0 || rep > QuickRepeats {
			rep = QuickRepeats
		}
		if budget == 0 {
			budget = QuickBudget
		}
		if sample == 0 {
			sample = QuickSampleTime
		}
	}
	if rep == 0 {
		rep = DefaultRepeats
	}
	if budget == 0 {
		budget = DefaultBudget
	}
	if sample == 0 {
		sample = DefaultSampleTime
	}
	s.Repeats, s.BudgetSeconds, s.SampleSeconds = rep, seconds(budget), seconds(sample)
	return s, nil
}

// Run runs the workloads cfg selects, one after the other on the calling
// goroutine, and returns their report.
//
// Each workload is measured in these steps: a garbage collection; Setup
// (untimed); one warm-up run (Instance.Trace where there is one, which also
// records the trace for plots); a calibration that doubles (or predicts)
// the batch size until one batch lasts Config.SampleTime; then up to
// Config.Repeats timed samples of one batch each, within Config.Budget.
// The heap allocations are counted over the first sample, outside its
// timed interval. A workload whose Setup or Run fails gets a Result with
// Error set and the run goes on.
//
// Run returns an error for an invalid Config. If ctx is cancelled it stops
// within one batch and returns the report so far (the workload in progress
// is left out) with ctx.Err().
func Run(ctx context.Context, cfg Config) (*Report, error) {
	set, err := cfg.settings()
	if err != nil {
		return nil, err
	}
	ws, err := List(cfg)
	if err != nil {
		return nil, err
	}
	start := time.Now()
	rep := &Report{Schema: SchemaName, SchemaVersion: SchemaVersion, Env: Environment(), Settings: set, Results: []Result{}}
	budget := time.Duration(set.BudgetSeconds * float64(time.Second))
	sample := time.Duration(set.SampleSeconds * float64(time.Second))
	for i, w := range ws {
		if err := ctx.Err(); err != nil {
			rep.ElapsedSeconds = seconds(time.Since(start))
			return rep, err
		}
		if cfg.Progress != nil {
			cfg.Progress(Progress{Index: i, Total: len(ws), Name: w.Name, Elapsed: time.Since(start)})
		}
		res := measure(ctx, w, set.Repeats, budget, sample)
		if err := ctx.Err(); err != nil {
			rep.ElapsedSeconds = seconds(time.Since(start))
			return rep, err
		}
		rep.Results = append(rep.Results, res)
		if cfg.Progress != nil {
			cfg.Progress(Progress{Index: i, Total: len(ws), Name: w.Name, Result: &rep.Results[len(rep.Results)-1], Elapsed: time.Since(start)})
		}
	}
	rep.ElapsedSeconds = seconds(time.Since(start))
	return rep, nil
}

// maxBatch bounds the batch size of one sample.
const maxBatch = 1 << 30

// measure runs one workload; see Run.
func measure(ctx context.Context, w Workload, repeats int, budget, sample time.Duration) (res Result) {
	res = Result{
		Name: w.Name, Kind: w.Kind, Op: w.Op, Problem: w.Problem, Manifold: w.Manifold, Variant: w.Variant,
		Size: w.Size, Params: w.Params, Elements: w.Elements, SamplesNs: []float64{},
	}
	start := time.Now()
	defer func() {
		res.WallSeconds = seconds(time.Since(start))
		if r := recover(); r != nil {
			res.Error = fmt.Sprint("panic: ", r)
			res.SamplesNs, res.Time, res.Outcome = []float64{}, TimeStats{}, nil
		}
	}()
	runtime.GC()
	if w.Setup == nil {
		res.Error = "no Setup"
		return res
	}
	inst, err := w.Setup()
	if err != nil {
		res.Error = err.Error()
		return res
	}
	if inst == nil || inst.Run == nil {
		res.Error = "Setup returned no Run"
		return res
	}

	// Warm-up, traced where possible.
	var trace []TracePoint
	t0 := time.Now()
	var out *Outcome
	if inst.Trace != nil {
		out, err = inst.Trace(ctx)
		if out != nil {
			trace = out.Trace
		}
	} else {
		out, err = inst.Run(ctx, 1)
	}
	if err != nil {
		res.Error = err.Error()
		return res
	}
	one := time.Since(t0)
	if inst.Trace != nil {
		// The traced run is slower than a plain one; time a plain one
		// for the calibration unless that alone would break the budget.
		if time.Since(start)+one <= budget {
			t0 = time.Now()
			if out, err = inst.Run(ctx, 1); err != nil {
				res.Error = err.Error()
				return res
			}
			one = time.Since(t0)
		}
	}

	// Calibration: grow the batch until it lasts the sample time.
	n := 1
	for one < sample && n < maxBatch && time.Since(start) < budget {
		if ctx.Err() != nil {
			return res
		}
		next := 2 * n
		if one > 0 {
			// Aim 20% beyond the target, grow at most 100-fold.
			pred := float64(n) * 1.2 * float64(sample) / float64(one)
			next = int(math.Min(math.Max(pred, float64(n+1)), 100*float64(n)))
		}
		n = min(next, maxBatch)
		t0 = time.Now()
		if out, err = inst.Run(ctx, n); err != nil {
			res.Error = err.Error()
			return res
		}
		one = time.Since(t0)
	}
	res.OpsPerSample = n

	// Samples.
	var ms0, ms1 runtime.MemStats
	for k := 0; k < repeats; k++ {
		if k > 0 && time.Since(start) >= budget {
			res.Truncated = true
			break
		}
		if ctx.Err() != nil {
			return res
		}
		if k == 0 {
			runtime.ReadMemStats(&ms0)
		}
		t0 = time.Now()
		o, err := inst.Run(ctx, n)
		el := time.Since(t0)
		if k == 0 {
			runtime.ReadMemStats(&ms1)
			res.AllocsPerOp = float64(ms1.Mallocs-ms0.Mallocs) / float64(n)
			res.BytesPerOp = float64(ms1.TotalAlloc-ms0.TotalAlloc) / float64(n)
		}
		if err != nil {
			res.Error = err.Error()
			return res
		}
		if o != nil {
			out = o
		}
		res.SamplesNs = append(res.SamplesNs, float64(el.Nanoseconds())/float64(n))
	}
	res.Time = Summarize(res.SamplesNs)
	if out != nil {
		o := *out
		o.Trace = trace
		res.Outcome = &o
	}
	return res
}
