package main

import (
	"context"

	"github.com/geodesic-go/geodesic/optim"
)

// flagMedian runs the chordal flag median, reporting each reweighting step
// (not the inner trust-region iterations) to rec.
func flagMedian(ctx context.Context, pts [][]float64, sp *space, w []float64, opts *optim.FlagOptions, maxIter int, rec optim.Recorder) (*optim.Result, error) {
	inner := *opts.Settings
	inner.Recorder, inner.MaxIterations = nil, 0
	opts.Settings = &inner
	opts.Recorder = rec
	opts.MaxIterations = maxIter
	return optim.FlagMedian(ctx, pts, sp.flagN, sp.flagDims, w, opts)
}
