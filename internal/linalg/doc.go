// Package linalg holds the dense numerical kernels shared by the manifold
// packages: products, thin QR, thin SVD and the polar factor, symmetric
// eigendecompositions and functions of symmetric matrices with their Fréchet
// derivatives, the matrix exponential, the real Schur form, the logarithm of
// an orthogonal matrix, Sylvester and Lyapunov solvers, and the pooled
// workspaces all of them draw their temporaries from.
//
// # Conventions
//
// A matrix is a row-major []float64 with its dimensions passed explicitly:
// the r×c matrix M has M[i][j] = m[i*c+j], and a slice must have length
// exactly r*c. The destination comes first. Unless a function's documentation
// says otherwise, a destination may alias any input (the input is read, or
// copied into workspace, before the destination is written). Distinct outputs
// of one call (for example the q and r of QR) must not overlap each other.
//
// A slice of the wrong length or an invalid dimension is a programming error
// and panics with a manifold.Error whose text starts with "linalg: ".
// Failures that depend on the data are reported as errors: a wrapped
// manifold.ErrNotConverged when a LAPACK iteration fails, a wrapped
// manifold.ErrCutLocus from LogOrth, and ErrSingular from the Sylvester
// solvers. A NaN or ±Inf entry in the input of a factorisation gives NaN
// outputs and a nil error, never a panic.
//
// The kernels call gonum's blas64 and lapack64 on blas64.General views of the
// caller's slices. The real Schur form uses the Hessenberg reduction of
// gonum.org/v1/gonum/lapack/gonum directly (lapack64 does not wrap it) and a
// Francis QR iteration of its own (hqr.go), because gonum's Dhseqr allocates
// on every sweep.
//
// # Allocation
//
// Temporaries, including LAPACK work arrays, come from size-class pools
// (GetFloats, PutFloats); optimal LAPACK work sizes are queried once per
// problem size and cached. After warm-up every kernel allocates nothing for
// small sizes, and the n×p kernels (QR, SVD, Polar, thin products) allocate
// nothing for tall frames either. Products whose result has both dimensions
// above 192 go to gonum's parallel Dgemm, which allocates.
package linalg
