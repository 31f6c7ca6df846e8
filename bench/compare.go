package bench

import "math"

// DefaultNoise is the noise floor of Compare: changes of the median time
// by less than 5% are never flagged.
const DefaultNoise = 0.05

// Verdict is Compare's judgement of one workload.
type Verdict string

// The verdicts.
const (
	// Unchanged: the ratio of the medians is within the tolerance.
	Unchanged Verdict = "unchanged"
	// Regression: the new median exceeds the old by more than the
	// tolerance.
	Regression Verdict = "regression"
	// Improvement: the old median exceeds the new by more than the
	// tolerance.
	Improvement Verdict = "improvement"
	// Added: the workload is only in the new report.
	Added Verdict = "added"
	// Removed: the workload is only in the old report.
	Removed Verdict = "removed"
	// Invalid: one side has no samples (an Error, or a run that was
	// stopped), so there is nothing to compare.
	Invalid Verdict = "invalid"
)

// Delta compares one workload across two reports.
type Delta struct {
	// Name is the workload's name.
	Name string `json:"name"`
	// Old and New are the workload's results in each report; one of them
	// is nil for Added and Removed.
	Old *Result `json:"old,omitempty"`
	New *Result `json:"new,omitempty"`
	// Ratio is New.Time.Median/Old.Time.Median: above 1 is slower. It is
	// 0 when either side is missing or has no samples.
	Ratio float64 `json:"ratio"`
	// Tolerance is the relative change τ the noise rule allows (see
	// Compare); 0 when Ratio is.
	Tolerance float64 `json:"tolerance"`
	// Verdict is the judgement of the time.
	Verdict Verdict `json:"verdict"`
	// AllocRegression is true when the allocations per operation grew:
	// New.AllocsPerOp > Old.AllocsPerOp·(1 + noise) + 0.5. (Allocation
	// counts are nearly deterministic, so only the noise floor applies.)
	AllocRegression bool `json:"alloc_regression,omitempty"`
}

// Compare compares the workloads of two reports by name, in the order of
// new followed by the workloads only old has, and judges each change of
// the median time against the noise of the two runs.
//
// The noise rule. Let m₀, m₁ be the old and new medians and ρ₀, ρ₁ their
// relative spreads, ρ = IQR/median (TimeStats.RelSpread; 0 for a single
// sample). The tolerance is
//
//	τ = max(noise, ρ₀ + ρ₁),
//
// and with the ratio q = m₁/m₀ the verdict is Regression if q > 1 + τ,
// Improvement if q < 1/(1 + τ), and Unchanged otherwise. The median of a
// run on a noisy machine moves by up to about its own IQR between repeated
// runs, so a change larger than the two IQRs together is one the spreads
// do not explain: for two runs of equal spread ρ it means (to first order
// in ρ) that their interquartile boxes do not overlap and are separated by
// a gap of at least ρ·m₀, a conservative version of the box-overlap test
// of a box plot. noise is the
// floor below which no change is flagged, however tight the runs (timer
// resolution, frequency scaling and cache placement move medians by a few
// percent between processes); noise ≤ 0 means DefaultNoise. The rule is
// symmetric: swapping the reports swaps Regression and Improvement.
func Compare(old, new *Report, noise float64) []Delta {
	if noise <= 0 {
		noise = DefaultNoise
	}
	var out []Delta
	seen := make(map[string]bool)
	if new != nil {
		for i := range new.Results {
			nr := &new.Results[i]
			seen[nr.Name] = true
			var or *Result
			if old != nil {
				or = old.Find(nr.Name)
			}
			out = append(out, compareOne(nr.Name, or, nr, noise))
		}
	}
	if old != nil {
		for i := range old.Results {
			or := &old.Results[i]
			if !seen[or.Name] {
				out = append(out, Delta{Name: or.Name, Old: or, Verdict: Removed})
			}
		}
	}
	return out
}

func compareOne(name string, old, cur *Result, noise float64) Delta {
	d := Delta{Name: name, Old: old, New: cur}
	switch {
	case old == nil:
		d.Verdict = Added
		return d
	case len(old.SamplesNs) == 0 || len(cur.SamplesNs) == 0 || old.Time.Median <= 0 || cur.Time.Median <= 0:
		d.Verdict = Invalid
		return d
	}
	d.Ratio = cur.Time.Median / old.Time.Median
	d.Tolerance = math.Max(noise, old.Time.RelSpread()+cur.Time.RelSpread())
	switch {
	case d.Ratio > 1+d.Tolerance:
		d.Verdict = Regression
	case d.Ratio < 1/(1+d.Tolerance):
		d.Verdict = Improvement
	default:
		d.Verdict = Unchanged
	}
	d.AllocRegression = cur.AllocsPerOp > old.AllocsPerOp*(1+noise)+0.5
	return d
}
