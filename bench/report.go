package bench

import (
	"encoding/json"
	"fmt"
	"io"
	"math"
	"time"
)

// SchemaName is the value of Report.Schema: it marks a JSON document as a
// geodesic benchmark report.
const SchemaName = "geodesic-bench"

// SchemaVersion is the version of the report schema this package writes,
// documented field by field in SCHEMA.md. It changes when a field is
// removed or changes meaning; adding a field does not change it, and
// readers ignore fields they do not know.
const SchemaVersion = 1

// Report is the result of a Run: the environment, the settings and one
// Result per workload. Its JSON form (WriteJSON, ReadJSON) is the schema of
// SCHEMA.md.
type Report struct {
	// Schema is SchemaName.
	Schema string `json:"schema"`
	// SchemaVersion is the SchemaVersion the report was written with.
	SchemaVersion int `json:"schema_version"`
	// Env describes the machine, the toolchain and the code measured.
	Env Env `json:"env"`
	// Settings are the run's effective settings.
	Settings Settings `json:"settings"`
	// ElapsedSeconds is the wall time of the whole run.
	ElapsedSeconds float64 `json:"elapsed_seconds"`
	// Results holds one entry per workload, in the order run.
	Results []Result `json:"results"`
}

// Settings are the effective settings of a run, defaults filled in.
type Settings struct {
	// Quick is true for a quick-mode run.
	Quick bool `json:"quick"`
	// Repeats is the number of timed samples wanted per workload.
	Repeats int `json:"repeats"`
	// BudgetSeconds is the time budget per workload.
	BudgetSeconds float64 `json:"budget_seconds"`
	// SampleSeconds is the target duration of one sample.
	SampleSeconds float64 `json:"sample_seconds"`
	// Filter is the regular expression workload names were matched
	// against, empty for all.
	Filter string `json:"filter,omitempty"`
	// Kinds and Sizes are the kinds and size classes selected, empty for
	// all.
	Kinds []Kind `json:"kinds,omitempty"`
	Sizes []Size `json:"sizes,omitempty"`
}

// Result is the measurement of one workload.
type Result struct {
	// Name, Kind, Op, Problem, Manifold, Variant, Size, Params and
	// Elements are copied from the Workload.
	Name     string         `json:"name"`
	Kind     Kind           `json:"kind"`
	Op       string         `json:"op"`
	Problem  string         `json:"problem,omitempty"`
	Manifold string         `json:"manifold"`
	Variant  string         `json:"variant,omitempty"`
	Size     Size           `json:"size"`
	Params   map[string]int `json:"params,omitempty"`
	Elements int            `json:"elements"`

	// SamplesNs holds the time per operation of each sample, in
	// nanoseconds, in the order taken.
	SamplesNs []float64 `json:"samples_ns"`
	// OpsPerSample is the number of consecutive operations each sample
	// timed (chosen so that a sample lasts about Settings.SampleSeconds).
	OpsPerSample int `json:"ops_per_sample"`
	// Time summarises SamplesNs.
	Time TimeStats `json:"time_ns"`
	// AllocsPerOp and BytesPerOp are the heap allocations (count and
	// bytes) per operation, measured over the first sample from
	// runtime.MemStats (all goroutines, as testing.B does).
	AllocsPerOp float64 `json:"allocs_per_op"`
	BytesPerOp  float64 `json:"bytes_per_op"`
	// Truncated is true when the time budget ended the sampling before
	// Settings.Repeats samples were taken.
	Truncated bool `json:"truncated,omitempty"`
	// WallSeconds is the time spent on the workload, setup, warm-up and
	// calibration included.
	WallSeconds float64 `json:"wall_seconds"`
	// Outcome is the outcome of the last timed run of an iterative
	// workload, with the trace of the warm-up run; nil for operations.
	Outcome *Outcome `json:"outcome,omitempty"`
	// Error is set when the workload could not be prepared or failed; the
	// measurements are then absent.
	Error string `json:"error,omitempty"`
}

// Find returns the result named name, or nil.
func (r *Report) Find(name string) *Result {
	for i := range r.Results {
		if r.Results[i].Name == name {
			return &r.Results[i]
		}
	}
	return nil
}

// WriteJSON writes the report as indented JSON.
func (r *Report) WriteJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(r)
}

// ReadJSON reads a report written by WriteJSON, or by another tool that
// follows SCHEMA.md. It returns an error if the document is not a report
// (wrong or missing schema name) or has a schema version this package does
// not know (0 or newer than SchemaVersion).
func ReadJSON(rd io.Reader) (*Report, error) {
	var r Report
	dec := json.NewDecoder(rd)
	if err := dec.Decode(&r); err != nil {
		return nil, fmt.Errorf("bench: reading report: %w", err)
	}
	if r.Schema != SchemaName {
		return nil, fmt.Errorf("bench: not a benchmark report: schema %q, want %q", r.Schema, SchemaName)
	}
	if r.SchemaVersion < 1 || r.SchemaVersion > SchemaVersion {
		return nil, fmt.Errorf("bench: report schema version %d not supported (this package reads 1 to %d)", r.SchemaVersion, SchemaVersion)
	}
	return &r, nil
}

// jfloat is a float64 that JSON-encodes NaN and ±Inf as null and decodes
// null as NaN, since JSON has no non-finite numbers.
type jfloat float64

func (f jfloat) MarshalJSON() ([]byte, error) {
	x := float64(f)
	if math.IsNaN(x) || math.IsInf(x, 0) {
		return []byte("null"), nil
	}
	return json.Marshal(x)
}

func (f *jfloat) UnmarshalJSON(b []byte) error {
	if string(b) == "null" {
		*f = jfloat(math.NaN())
		return nil
	}
	var x float64
	if err := json.Unmarshal(b, &x); err != nil {
		return err
	}
	*f = jfloat(x)
	return nil
}

// outcomeJSON is the JSON form of Outcome.
type outcomeJSON struct {
	Status      string      `json:"status,omitempty"`
	Converged   bool        `json:"converged"`
	Iterations  int         `json:"iterations"`
	FuncEvals   int         `json:"func_evals"`
	GradEvals   int         `json:"grad_evals"`
	HessEvals   int         `json:"hess_evals"`
	Cost        jfloat      `json:"cost"`
	GradNorm    jfloat      `json:"grad_norm"`
	Optimum     jfloat      `json:"optimum"`
	FinalError  jfloat      `json:"final_error"`
	ErrorMetric string      `json:"error_metric,omitempty"`
	Tolerance   jfloat      `json:"tolerance"`
	Trace       []traceJSON `json:"trace,omitempty"`
}

type traceJSON struct {
	Iter     int    `json:"iter"`
	Cost     jfloat `json:"cost"`
	GradNorm jfloat `json:"grad_norm"`
}

// MarshalJSON writes the outcome with non-finite numbers as null.
func (o Outcome) MarshalJSON() ([]byte, error) {
	j := outcomeJSON{
		Status: o.Status, Converged: o.Converged, Iterations: o.Iterations,
		FuncEvals: o.FuncEvals, GradEvals: o.GradEvals, HessEvals: o.HessEvals,
		Cost: jfloat(o.Cost), GradNorm: jfloat(o.GradNorm), Optimum: jfloat(o.Optimum),
		FinalError: jfloat(o.FinalError), ErrorMetric: o.ErrorMetric, Tolerance: jfloat(o.Tolerance),
	}
	for _, t := range o.Trace {
		j.Trace = append(j.Trace, traceJSON{t.Iter, jfloat(t.Cost), jfloat(t.GradNorm)})
	}
	return json.Marshal(j)
}

// UnmarshalJSON reads an outcome, with null (or an absent number) read as
// NaN.
func (o *Outcome) UnmarshalJSON(b []byte) error {
	nan := jfloat(math.NaN())
	j := outcomeJSON{Cost: nan, GradNorm: nan, Optimum: nan, FinalError: nan, Tolerance: nan}
	if err := json.Unmarshal(b, &j); err != nil {
		return err
	}
	*o = Outcome{
		Status: j.Status, Converged: j.Converged, Iterations: j.Iterations,
		FuncEvals: j.FuncEvals, GradEvals: j.GradEvals, HessEvals: j.HessEvals,
		Cost: float64(j.Cost), GradNorm: float64(j.GradNorm), Optimum: float64(j.Optimum),
		FinalError: float64(j.FinalError), ErrorMetric: j.ErrorMetric, Tolerance: float64(j.Tolerance),
	}
	for _, t := range j.Trace {
		o.Trace = append(o.Trace, TracePoint{t.Iter, float64(t.Cost), float64(t.GradNorm)})
	}
	return nil
}

// seconds converts a duration to float seconds for the report.
func seconds(d time.Duration) float64 { return d.Seconds() }
