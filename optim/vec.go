package optim

import "math"

// axpy computes dst += a·x.
func axpy(dst []float64, a float64, x []float64) {
	x = x[:len(dst)]
	for i := range dst {
		dst[i] += a * x[i]
	}
}

// scaleTo computes dst = a·x.
func scaleTo(dst []float64, a float64, x []float64) {
	x = x[:len(dst)]
	for i := range dst {
		dst[i] = a * x[i]
	}
}

// lincomb computes dst = a·x + b·y; dst may alias x or y.
func lincomb(dst []float64, a float64, x []float64, b float64, y []float64) {
	x = x[:len(dst)]
	y = y[:len(dst)]
	for i := range dst {
		dst[i] = a*x[i] + b*y[i]
	}
}

// finite reports whether v is neither NaN nor ±Inf.
func finite(v float64) bool { return !math.IsNaN(v) && !math.IsInf(v, 0) }

// badCost reports whether a cost value stops the run: NaN, or −Inf (a cost
// unbounded below). +Inf is allowed and means "outside the domain".
func badCost(f float64) bool { return math.IsNaN(f) || math.IsInf(f, -1) }
