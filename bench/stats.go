package bench

import (
	"math"
	"slices"
)

// TimeStats summarises the time per operation over the samples of one
// workload, in nanoseconds. Each sample times a batch of the same number of
// consecutive operations and contributes the batch time divided by that
// number.
type TimeStats struct {
	// Median is the median of the samples (the mean of the two middle
	// ones for an even count): the figure a report quotes.
	Median float64 `json:"median"`
	// Q1 and Q3 are the first and third quartiles (linear interpolation
	// between order statistics, the default "type 7" of R and NumPy).
	Q1 float64 `json:"q1"`
	Q3 float64 `json:"q3"`
	// IQR is Q3 − Q1, the interquartile range.
	IQR float64 `json:"iqr"`
	// MAD is the median absolute deviation from the median (unscaled).
	MAD float64 `json:"mad"`
	// Min, Max and Mean are the extremes and the arithmetic mean.
	Min  float64 `json:"min"`
	Max  float64 `json:"max"`
	Mean float64 `json:"mean"`
}

// RelSpread returns IQR/Median, the relative spread that Compare uses as the
// noise of a run; 0 when there are no samples.
func (s TimeStats) RelSpread() float64 {
	if s.Median <= 0 {
		return 0
	}
	return s.IQR / s.Median
}

// Summarize computes the statistics of samples (nanoseconds per operation).
// It returns the zero TimeStats for no samples.
func Summarize(samples []float64) TimeStats {
	if len(samples) == 0 {
		return TimeStats{}
	}
	s := slices.Clone(samples)
	slices.Sort(s)
	var sum float64
	for _, x := range s {
		sum += x
	}
	st := TimeStats{
		Median: quantile(s, 0.5),
		Q1:     quantile(s, 0.25),
		Q3:     quantile(s, 0.75),
		Min:    s[0],
		Max:    s[len(s)-1],
		Mean:   sum / float64(len(s)),
	}
	st.IQR = st.Q3 - st.Q1
	dev := make([]float64, len(s))
	for i, x := range s {
		dev[i] = math.Abs(x - st.Median)
	}
	slices.Sort(dev)
	st.MAD = quantile(dev, 0.5)
	return st
}

// quantile returns the q-quantile of the sorted s by linear interpolation
// between the order statistics at positions (len(s) − 1)·q.
func quantile(s []float64, q float64) float64 {
	h := float64(len(s)-1) * q
	lo := math.Floor(h)
	i := int(lo)
	if i+1 >= len(s) {
		return s[len(s)-1]
	}
	return s[i] + (h-lo)*(s[i+1]-s[i])
}
