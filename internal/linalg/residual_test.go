package linalg_test

import (
	"math"
	"math/big"
	"math/rand/v2"
	"strconv"
	"testing"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// residualExact returns B − A·X rounded once from an exact math/big
// evaluation (2200 bits hold every product of two float64s and their sums
// exactly), and Σ|terms| for the error bound.
func residualExact(b, a, x []float64, m, k, n int) (want, mag []float64) {
	const prec = 2200
	want = make([]float64, m*n)
	mag = make([]float64, m*n)
	for i := range m {
		for j := range n {
			s := new(big.Float).SetPrec(prec).SetFloat64(b[i*n+j])
			t := new(big.Float).SetPrec(prec)
			g := math.Abs(b[i*n+j])
			for l := range k {
				t.SetFloat64(a[i*k+l])
				t.Mul(t, new(big.Float).SetPrec(prec).SetFloat64(x[l*n+j]))
				s.Sub(s, t)
				g += math.Abs(a[i*k+l] * x[l*n+j])
			}
			want[i*n+j], _ = s.Float64()
			mag[i*n+j] = g
		}
	}
	return want, mag
}

// residualGauss returns an r×c matrix with standard Gaussian entries.
func residualGauss(rng *rand.Rand, r, c int) []float64 {
	s := make([]float64, r*c)
	for i := range s {
		s[i] = rng.NormFloat64()
	}
	return s
}

// residualCase returns a case with heavy cancellation: Q has orthonormal
// columns, Y = Q·C + δ·N with a tiny perturbation δ, and M = fl(QᵀY), so
// that Y − Q·M is of size δ while its terms are of size 1.
func residualCase(rng *rand.Rand, m, k int, delta float64) (y, q, mm []float64) {
	qk := make([]float64, m*k)
	linalg.QR(qk, nil, residualGauss(rng, m, k), m, k)
	c := residualGauss(rng, k, k)
	y = make([]float64, m*k)
	linalg.Mul(y, qk, c, m, k, k)
	for i := range y {
		y[i] += delta * rng.NormFloat64()
	}
	mm = make([]float64, k*k)
	linalg.MulAtB(mm, qk, y, k, m, k)
	return y, qk, mm
}

func TestResidualDot2Accuracy(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	const eps = 0x1p-52
	var worst float64
	for _, d := range [][2]int{{3, 1}, {3, 2}, {10, 3}, {50, 5}, {200, 12}} {
		m, k := d[0], d[1]
		for _, delta := range []float64{1, 1e-3, 1e-8, 1e-12, 1e-15, 0} {
			y, q, mm := residualCase(rng, m, k, delta)
			got := make([]float64, m*k)
			linalg.ResidualDot2(got, y, q, mm, m, k, k)
			want, mag := residualExact(y, q, mm, m, k, k)
			g2 := float64((k+1)*(k+1)) * eps * eps * 1.01
			for i := range got {
				bound := eps*math.Abs(want[i]) + g2*mag[i] + math.SmallestNonzeroFloat64
				e := math.Abs(got[i] - want[i])
				if e > bound {
					t.Fatalf("m=%d k=%d δ=%g: entry %d = %v, exact %v: error %.3g > bound %.3g", m, k, delta, i, got[i], want[i], e, bound)
				}
				if want[i] != 0 {
					worst = max(worst, e/math.Abs(want[i]))
				}
			}
		}
	}
	t.Logf("worst relative error of an entry: %.3g", worst)
}

func TestResidualDot2Shapes(t *testing.T) {
	rng := rand.New(rand.NewPCG(33, 34))
	// Rectangular X (k×n with n ≠ k) and aliasing.
	m, k, n := 7, 3, 5
	a, x, b := residualGauss(rng, m, k), residualGauss(rng, k, n), residualGauss(rng, m, n)
	want, _ := residualExact(b, a, x, m, k, n)
	got := make([]float64, m*n)
	linalg.ResidualDot2(got, b, a, x, m, k, n)
	for i := range got {
		if math.Abs(got[i]-want[i]) > 1e-15*math.Abs(want[i]) {
			t.Fatalf("entry %d = %v, want %v", i, got[i], want[i])
		}
	}
	bb := append([]float64(nil), b...)
	linalg.ResidualDot2(bb, bb, a, x, m, k, n) // dst = b
	for i := range bb {
		if bb[i] != got[i] {
			t.Fatalf("dst = b: entry %d = %v, want %v", i, bb[i], got[i])
		}
	}
	// dst = a (square shapes so that the lengths agree).
	sa, sx, sb := residualGauss(rng, 4, 4), residualGauss(rng, 4, 4), residualGauss(rng, 4, 4)
	ref := make([]float64, 16)
	linalg.ResidualDot2(ref, sb, sa, sx, 4, 4, 4)
	linalg.ResidualDot2(sa, sb, sa, sx, 4, 4, 4)
	for i := range ref {
		if sa[i] != ref[i] {
			t.Fatalf("dst = a: entry %d = %v, want %v", i, sa[i], ref[i])
		}
	}
	// k = 0: D = B.
	d0 := make([]float64, 6)
	b0 := residualGauss(rng, 2, 3)
	linalg.ResidualDot2(d0, b0, nil, nil, 2, 0, 3)
	for i := range d0 {
		if d0[i] != b0[i] {
			t.Fatalf("k = 0: D ≠ B")
		}
	}
	// NaN propagates.
	b[3] = math.NaN()
	linalg.ResidualDot2(got, b, a, x, m, k, n)
	if !math.IsNaN(got[3]) {
		t.Errorf("NaN in B: entry = %v, want NaN", got[3])
	}
	// Length mismatch panics.
	defer func() {
		if recover() == nil {
			t.Errorf("no panic on a length mismatch")
		}
	}()
	linalg.ResidualDot2(got[:1], b, a, x, m, k, n)
}

func TestResidualDot2Allocs(t *testing.T) {
	rng := rand.New(rand.NewPCG(35, 36))
	m, k := 50, 5
	y, q, mm := residualCase(rng, m, k, 1e-9)
	dst := make([]float64, m*k)
	linalg.ResidualDot2(dst, y, q, mm, m, k, k)
	if a := testing.AllocsPerRun(20, func() { linalg.ResidualDot2(dst, y, q, mm, m, k, k) }); a != 0 {
		t.Errorf("ResidualDot2 allocates %.0f times per call", a)
	}
}

func BenchmarkResidualDot2(b *testing.B) {
	rng := rand.New(rand.NewPCG(37, 38))
	for _, d := range [][2]int{{50, 5}, {1000, 10}} {
		m, k := d[0], d[1]
		y, q, mm := residualCase(rng, m, k, 1e-9)
		dst := make([]float64, m*k)
		b.Run("op=dot2/n="+strconv.Itoa(m)+"/p="+strconv.Itoa(k), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				linalg.ResidualDot2(dst, y, q, mm, m, k, k)
			}
		})
		b.Run("op=plain/n="+strconv.Itoa(m)+"/p="+strconv.Itoa(k), func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				copy(dst, y)
				linalg.Gemm(false, false, m, k, k, -1, q, mm, 1, dst)
			}
		})
	}
}
