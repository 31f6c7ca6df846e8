package manifold

import (
	"errors"
	"fmt"
)

// Error is the type of the panics raised for programming errors that the
// caller could have avoided (slice length mismatch, invalid constructor
// arguments). Its text starts with the package name, as in
// "sphere: slice length mismatch".
type Error string

// Error implements the error interface.
func (e Error) Error() string { return string(e) }

// ErrCutLocus is returned (possibly wrapped) by Log and inverse retractions
// when the target point is, to working precision, in the cut locus of the
// base point, where no unique minimising geodesic exists.
var ErrCutLocus = errors.New("manifold: point is in the cut locus")

// ErrNotConverged is returned (possibly wrapped) when an iterative algorithm
// stopped at its iteration limit without meeting its tolerance.
var ErrNotConverged = errors.New("manifold: iteration did not converge")

// CheckError is returned by CheckPoint and CheckTangent. It names the
// manifold, the condition that failed, the measured residual and the
// tolerance it was compared to.
type CheckError struct {
	Manifold  string  // e.g. "sphere"
	What      string  // the condition that failed, e.g. "‖p‖ ≠ 1"
	Residual  float64 // the measured violation
	Tolerance float64 // the largest violation accepted
}

// Error implements the error interface.
func (e *CheckError) Error() string {
	return fmt.Sprintf("%s: %s: residual %.3g exceeds tolerance %.3g", e.Manifold, e.What, e.Residual, e.Tolerance)
}

// Maybe calls fn and returns the Error it panics with as an error value.
// Panics of any other type propagate.
func Maybe(fn func()) (err error) {
	defer func() {
		if r := recover(); r != nil {
			if e, ok := r.(Error); ok {
				err = e
				return
			}
			panic(r)
		}
	}()
	fn()
	return nil
}
