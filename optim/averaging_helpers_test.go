package optim_test

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/mat"
)

// avgFrame returns a random n×p orthonormal frame (row-major): the Q factor
// of a Gaussian matrix (gonum's QR), with the columns' signs fixed so that
// R has a positive diagonal (Haar distributed).
func avgFrame(rng *rand.Rand, n, p int) []float64 {
	a := mat.NewDense(n, p, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < p; j++ {
			a.Set(i, j, rng.NormFloat64())
		}
	}
	return avgQF(a)
}

// avgQF returns the orthonormal factor Q of the thin QR factorisation
// A = QR with diag(R) > 0, by modified Gram–Schmidt with one
// reorthogonalisation (Giraud, Langou & Rozložník 2005), so that tall
// frames never need an n×n matrix.
func avgQF(a *mat.Dense) []float64 {
	n, p := a.Dims()
	out := make([]float64, n*p)
	for i := 0; i < n; i++ {
		for j := 0; j < p; j++ {
			out[i*p+j] = a.At(i, j)
		}
	}
	for j := 0; j < p; j++ {
		for pass := 0; pass < 2; pass++ {
			for k := 0; k < j; k++ {
				var d float64
				for i := 0; i < n; i++ {
					d += out[i*p+k] * out[i*p+j]
				}
				for i := 0; i < n; i++ {
					out[i*p+j] -= d * out[i*p+k]
				}
			}
		}
		var s float64
		for i := 0; i < n; i++ {
			s += out[i*p+j] * out[i*p+j]
		}
		s = math.Sqrt(s)
		for i := 0; i < n; i++ {
			out[i*p+j] /= s
		}
	}
	return out
}

// avgNoisy returns qf(C + σ·Z), Z Gaussian: a frame near c.
func avgNoisy(rng *rand.Rand, c []float64, n, p int, sigma float64) []float64 {
	a := mat.NewDense(n, p, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < p; j++ {
			a.Set(i, j, c[i*p+j]+sigma*rng.NormFloat64())
		}
	}
	return avgQF(a)
}

// flagBlocks returns the column ranges of the blocks of the flag type dims.
func flagBlocks(dims []int) [][2]int {
	var b [][2]int
	prev := 0
	for _, d := range dims {
		b = append(b, [2]int{prev, d})
		prev = d
	}
	return b
}

// projector returns X_i·X_iᵀ for the column block [lo, hi) of the n×p x.
func projector(x []float64, n, p, lo, hi int) *mat.SymDense {
	out := mat.NewSymDense(n, nil)
	for a := 0; a < n; a++ {
		for b := a; b < n; b++ {
			var s float64
			for c := lo; c < hi; c++ {
				s += x[a*p+c] * x[b*p+c]
			}
			out.SetSym(a, b, s)
		}
	}
	return out
}

// flagDistRef returns the chordal flag distance (½Σ_i‖X_iX_iᵀ − Y_iY_iᵀ‖²_F)^{1/2}
// from the explicit projectors: independent of the code under test, and
// accurate to about 1e-8 absolute (the projectors are formed in float64).
func flagDistRef(x, y []float64, n int, dims []int) float64 {
	p := dims[len(dims)-1]
	var s float64
	for _, b := range flagBlocks(dims) {
		px := projector(x, n, p, b[0], b[1])
		py := projector(y, n, p, b[0], b[1])
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				d := px.At(i, j) - py.At(i, j)
				s += d * d
			}
		}
	}
	return math.Sqrt(s / 2)
}

// weightedProjector returns P_i = Σ_j w_j X_i⁽ʲ⁾X_i⁽ʲ⁾ᵀ for block [lo, hi),
// with w normalised to sum 1 (nil: equal).
func weightedProjector(data [][]float64, w []float64, n, p, lo, hi int) *mat.SymDense {
	out := mat.NewSymDense(n, nil)
	var sum float64
	for j := range data {
		sum += weightOf(w, j)
	}
	for j, x := range data {
		out.AddSym(out, scaleSym(weightOf(w, j)/sum, projector(x, n, p, lo, hi)))
	}
	return out
}

func weightOf(w []float64, j int) float64 {
	if w == nil {
		return 1
	}
	return w[j]
}

func scaleSym(a float64, s *mat.SymDense) *mat.SymDense {
	var out mat.SymDense
	out.ScaleSym(a, s)
	return &out
}

// topEigvecs returns the n×k frame of the eigenvectors of the k largest
// eigenvalues of the symmetric s (gonum's EigenSym), and all eigenvalues in
// ascending order.
func topEigvecs(s *mat.SymDense, k int) ([]float64, []float64) {
	var eig mat.EigenSym
	if !eig.Factorize(s, true) {
		panic("EigenSym failed")
	}
	vals := eig.Values(nil)
	var v mat.Dense
	eig.VectorsTo(&v)
	n := len(vals)
	out := make([]float64, n*k)
	for i := 0; i < n; i++ {
		for c := 0; c < k; c++ {
			out[i*k+c] = v.At(i, n-1-c)
		}
	}
	return out, vals
}

// subspaceDist returns ‖XXᵀ − YYᵀ‖_F/√2 for n×p bases (a Grassmann chordal
// distance from explicit projectors).
func subspaceDist(x, y []float64, n, p int) float64 {
	return flagDistRef(x, y, n, []int{p})
}
