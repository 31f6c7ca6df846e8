package spd

import (
	"errors"
	"fmt"

	"github.com/geodesic-go/geodesic/manifold"
)

// ErrNotPositiveDefinite is wrapped by the errors that Log and
// InverseRetract return when a point they are given is not positive
// definite to working precision (its Cholesky factorisation or its
// eigenvalues say so), or has a NaN or infinite entry.
var ErrNotPositiveDefinite = errors.New("spd: matrix is not positive definite")

// Errors returned on data-dependent failures, allocated once so that the
// methods stay allocation-free.
var (
	errBaseNotPD   = fmt.Errorf("spd: base point p: %w", ErrNotPositiveDefinite)
	errTargetNotPD = fmt.Errorf("spd: target point q: %w", ErrNotPositiveDefinite)
	errNotInImage  = fmt.Errorf("spd: InverseRetractSecondOrder: 2R − P is not positive definite, so R is not in the image of the second-order retraction: %w", manifold.ErrCutLocus)
	errEig         = fmt.Errorf("spd: symmetric eigensolver: %w", manifold.ErrNotConverged)
)
