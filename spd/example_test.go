package spd_test

import (
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/spd"
)

// The four metrics measure the distance from I to Q = diag(4, 9)
// differently. For commuting matrices the affine-invariant and
// log-Euclidean distances are both ‖log Q‖_F = √(log²4 + log²9); the
// log-Cholesky distance compares the Cholesky factors I and diag(2, 3),
// √(log²2 + log²3); the Bures–Wasserstein distance is the 2-Wasserstein
// distance between N(0, I) and N(0, Q), √(tr I + tr Q − 2 tr Q^{1/2}) =
// √(2 + 13 − 10) = √5.
func Example_metrics() {
	p := []float64{1, 0, 0, 1}
	q := []float64{4, 0, 0, 9}
	for _, g := range []spd.Metric{spd.AffineInvariant, spd.LogEuclidean, spd.LogCholesky, spd.BuresWasserstein} {
		m := spd.New(2, spd.WithMetric(g))
		fmt.Printf("%-17s %.6f\n", g, m.Dist(p, q))
	}
	fmt.Printf("%-17s %.6f %.6f %.6f\n", "by hand", math.Hypot(math.Log(4), math.Log(9)), math.Hypot(math.Log(2), math.Log(3)), math.Sqrt(5))
	// Output:
	// affine-invariant  2.598001
	// log-Euclidean     2.598001
	// log-Cholesky      1.299000
	// Bures–Wasserstein 2.236068
	// by hand           2.598001 1.299000 2.236068
}

// The midpoint of the geodesic from I to diag(4, 9) is the geometric mean
// diag(2, 3) for the affine-invariant, log-Euclidean and log-Cholesky
// metrics (they agree on commuting matrices), and ((I + T)/2)² =
// diag(2.25, 4) for Bures–Wasserstein, whose geodesics interpolate the
// Brenier map T = diag(2, 3) linearly.
func Example_midpoint() {
	p := []float64{1, 0, 0, 1}
	q := []float64{4, 0, 0, 9}
	for _, g := range []spd.Metric{spd.AffineInvariant, spd.LogEuclidean, spd.LogCholesky, spd.BuresWasserstein} {
		mid, err := manifold.Geodesic(spd.New(2, spd.WithMetric(g)), p, q, 0.5)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%-17s %.4f\n", g, mid)
	}
	// Output:
	// affine-invariant  [2.0000 0.0000 0.0000 3.0000]
	// log-Euclidean     [2.0000 0.0000 0.0000 3.0000]
	// log-Cholesky      [2.0000 0.0000 0.0000 3.0000]
	// Bures–Wasserstein [2.2500 0.0000 0.0000 4.0000]
}

// The affine-invariant distance does not change under a congruence
// P ↦ APAᵀ: here A is a shear.
func ExampleSPD_Dist() {
	m := spd.New(2)
	p := []float64{1, 0, 0, 1}
	q := []float64{4, 0, 0, 9}
	// A = [[1, 2], [0, 1]]: APAᵀ = [[5, 2], [2, 1]], AQAᵀ = [[40, 18], [18, 9]].
	ap := []float64{5, 2, 2, 1}
	aq := []float64{40, 18, 18, 9}
	fmt.Printf("%.12f\n%.12f\n", m.Dist(p, q), m.Dist(ap, aq))
	fmt.Printf("%.12f (√(log²4 + log²9))\n", math.Hypot(math.Log(4), math.Log(9)))
	// Output:
	// 2.598000750370
	// 2.598000750370
	// 2.598000750370 (√(log²4 + log²9))
}

// Parallel transport for the affine-invariant metric from I to diag(4, 9)
// is V ↦ EVEᵀ with E = (QP⁻¹)^{1/2} = diag(2, 3).
func ExampleSPD_ParallelTransport() {
	m := spd.New(2)
	v := make([]float64, 4)
	m.ParallelTransport(v, []float64{1, 0, 0, 1}, []float64{4, 0, 0, 9}, []float64{0, 1, 1, 0})
	fmt.Printf("%.4f\n", v)
	// Output:
	// [0.0000 6.0000 6.0000 0.0000]
}

// CheckPoint says why a matrix is rejected. [[1, 2], [2, 1]] has
// eigenvalues −1 and 3.
func ExampleSPD_CheckPoint() {
	m := spd.New(2)
	fmt.Println(m.CheckPoint([]float64{1, 2, 2, 1}))
	fmt.Println(m.CheckPoint([]float64{1, 2, 2.5, 1}))
	fmt.Println(m.CheckPoint([]float64{2, 1, 1, 2}))
	// Output:
	// spd: matrix is not positive definite (−λmin/max|λ|, smallest eigenvalue λmin = -1, largest λmax = 3): residual 0.333 exceeds tolerance 0
	// spd: matrix is not symmetric (max|Pᵢⱼ − Pⱼᵢ|/max|Pᵢⱼ|): residual 0.2 exceeds tolerance 1e-10
	// <nil>
}

// A singular sample covariance S = [[1, 1], [1, 1]] (eigenvalues 0 and 2,
// mean eigenvalue μ = 1) is shrunk toward μ·I just enough to have smallest
// eigenvalue 0.5: α = (0.5 − 0)/(1 − 0) = 0.5.
func ExampleShrinkMinEig() {
	s := []float64{1, 1, 1, 1}
	dst := make([]float64, 4)
	alpha, err := spd.ShrinkMinEig(dst, s, 2, 0.5)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("α = %.2f, result %.2f, on the manifold: %v\n", alpha, dst, spd.New(2).CheckPoint(dst) == nil)
	// Output:
	// α = 0.50, result [1.00 0.50 0.50 1.00], on the manifold: true
}

// The Bures–Wasserstein metric has no closed-form parallel transport, and
// its exponential map leaves the cone at distance √λ_min(P): the
// capability helpers say so.
func ExampleNew() {
	p := []float64{4, 0, 0, 9}
	for _, g := range []spd.Metric{spd.AffineInvariant, spd.BuresWasserstein} {
		m := spd.New(2, spd.WithMetric(g))
		_, pt := manifold.AsParallelTransporter(m)
		fmt.Printf("%s: parallel transport %v, injectivity radius at diag(4, 9) %v\n", m, pt, m.InjectivityRadius(p))
	}
	// Output:
	// SPD(2, affine-invariant): parallel transport true, injectivity radius at diag(4, 9) +Inf
	// SPD(2, Bures–Wasserstein): parallel transport false, injectivity radius at diag(4, 9) 2
}
