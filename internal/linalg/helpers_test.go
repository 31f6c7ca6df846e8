package linalg_test

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/internal/testutil"
)

func newRand() *rand.Rand { return rand.New(rand.NewPCG(1, 2)) }

// randMat returns an r×c matrix with standard Gaussian entries.
func randMat(rng *rand.Rand, r, c int) []float64 {
	s := make([]float64, r*c)
	for i := range s {
		s[i] = rng.NormFloat64()
	}
	return s
}

// randSym returns a random symmetric n×n matrix.
func randSym(rng *rand.Rand, n int) []float64 {
	a := randMat(rng, n, n)
	for i := range n {
		for j := i + 1; j < n; j++ {
			a[j*n+i] = a[i*n+j]
		}
	}
	return a
}

// randSkew returns a random skew-symmetric n×n matrix scaled to Frobenius
// norm scale.
func randSkew(rng *rand.Rand, n int, scale float64) []float64 {
	a := randMat(rng, n, n)
	for i := range n {
		a[i*n+i] = 0
		for j := i + 1; j < n; j++ {
			a[j*n+i] = -a[i*n+j]
		}
	}
	f := frob(a)
	for i := range a {
		a[i] *= scale / f
	}
	return a
}

// spdWithEigs returns Q·diag(eigs)·Qᵀ for a Haar orthogonal Q, exactly
// symmetric.
func spdWithEigs(rng *rand.Rand, eigs []float64) []float64 {
	n := len(eigs)
	q := haar(rng, n, false)
	a := make([]float64, n*n)
	for i := range n {
		for j := i; j < n; j++ {
			var s float64
			for k := range n {
				s += q[i*n+k] * eigs[k] * q[j*n+k]
			}
			a[i*n+j] = s
			a[j*n+i] = s
		}
	}
	return a
}

// randSPD returns a random SPD matrix with eigenvalues in [lo, hi].
func randSPD(rng *rand.Rand, n int, lo, hi float64) []float64 {
	eigs := make([]float64, n)
	for i := range eigs {
		eigs[i] = lo * math.Pow(hi/lo, rng.Float64())
	}
	return spdWithEigs(rng, eigs)
}

// mul returns the r×c product of a (r×k) and b (k×c) by the naive triple
// loop, an independent route from the BLAS.
func mul(a, b []float64, r, k, c int) []float64 {
	out := make([]float64, r*c)
	for i := range r {
		for j := range c {
			var s float64
			for l := range k {
				s += a[i*k+l] * b[l*c+j]
			}
			out[i*c+j] = s
		}
	}
	return out
}

func transpose(a []float64, r, c int) []float64 {
	out := make([]float64, r*c)
	for i := range r {
		for j := range c {
			out[j*r+i] = a[i*c+j]
		}
	}
	return out
}

func eye(n int) []float64 {
	out := make([]float64, n*n)
	for i := range n {
		out[i*n+i] = 1
	}
	return out
}

func frob(a []float64) float64 {
	var s float64
	for _, v := range a {
		s = math.Hypot(s, v)
	}
	return s
}

func sub(a, b []float64) []float64 {
	out := make([]float64, len(a))
	for i := range a {
		out[i] = a[i] - b[i]
	}
	return out
}

// relErr returns ‖got − want‖_F / ‖want‖_F, or the absolute error when want
// is zero.
func relErr(got, want []float64) float64 {
	d := frob(sub(got, want))
	w := frob(want)
	if w == 0 {
		return d
	}
	return d / w
}

// orthErr returns ‖QᵀQ − I‖_F for the n×p matrix q.
func orthErr(q []float64, n, p int) float64 {
	return frob(sub(mul(transpose(q, n, p), q, p, n, p), eye(p)))
}

func isExactlySymmetric(a []float64, n int) bool {
	for i := range n {
		for j := i + 1; j < n; j++ {
			if math.Float64bits(a[i*n+j]) != math.Float64bits(a[j*n+i]) {
				return false
			}
		}
	}
	return true
}

func isExactlySkew(a []float64, n int) bool {
	for i := range n {
		if a[i*n+i] != 0 {
			return false
		}
		for j := i + 1; j < n; j++ {
			if a[i*n+j] != -a[j*n+i] {
				return false
			}
		}
	}
	return true
}

func hasNaNOnly(a []float64) bool {
	for _, v := range a {
		if !math.IsNaN(v) {
			return false
		}
	}
	return true
}

// worst tracks the largest error seen by a test and logs it at the end.
type worst struct {
	t    *testing.T
	name string
	val  float64
}

func newWorst(t *testing.T, name string) *worst {
	w := &worst{t: t, name: name}
	t.Cleanup(func() { t.Logf("worst %s: %.3g", w.name, w.val) })
	return w
}

func (w *worst) see(v float64) float64 {
	if v > w.val || math.IsNaN(v) {
		w.val = v
	}
	return v
}

func dense(r, c int, s []float64) *mat.Dense {
	return mat.NewDense(r, c, append([]float64(nil), s...))
}

func flat(m mat.Matrix) []float64 {
	r, c := m.Dims()
	out := make([]float64, r*c)
	for i := range r {
		for j := range c {
			out[i*c+j] = m.At(i, j)
		}
	}
	return out
}

func nan() float64 { return math.NaN() }

// Shared reference helpers (internal/testutil): Haar-distributed orthogonal
// matrices, f(A) by gonum's mat.EigenSym, and the manifold.Error panic check.
var (
	haar       = testutil.Haar
	refSymFunc = testutil.SymFunc
	mustPanic  = testutil.MustPanic
)
