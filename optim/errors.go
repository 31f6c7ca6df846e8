package optim

import (
	"errors"
	"fmt"
	"math"
)

var errNilMethod = errors.New("optim: nil method")

// armijoParam resolves a sufficient-decrease constant: 0 means 1e-4, and it
// must lie in (0, 1/2).
func armijoParam(name string, v float64) (float64, error) {
	if v == 0 {
		return 1e-4, nil
	}
	if !(v > 0 && v < 0.5) {
		return 0, fmt.Errorf("optim: %s = %v is not in (0, 1/2)", name, v)
	}
	return v, nil
}

// unitParam resolves a parameter that must lie in the open interval
// (lo, hi), with 0 meaning def.
func unitParam(name string, v, def, lo, hi float64) (float64, error) {
	if v == 0 {
		return def, nil
	}
	if !(v > lo && v < hi) || math.IsNaN(v) {
		return 0, fmt.Errorf("optim: %s = %v is not in (%v, %v)", name, v, lo, hi)
	}
	return v, nil
}
