// Package testutil holds the small reference helpers that the manifold
// packages' tests share: an RK4 integrator for checking closed-form
// geodesics against their differential equations, plain-loop norms and
// products that share no code with the BLAS kernels under test, and the
// math/big reference kernels (products, forward substitution, Gram–Schmidt,
// dot products, exp and log) of the accuracy tests, and routes through
// gonum (Haar matrices, f(A) by mat.EigenSym, Fréchet derivatives of exp by
// mat.Dense.Exp) that share nothing with internal/linalg.
//
// It is imported only from _test.go files. Everything here is deliberately
// naive (fixed-order loops, no pooling) so that the reference values it
// produces are reproducible and independent of internal/linalg.
package testutil
