package manifold_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/sphere"
)

// A mini-batch of three points on the sphere S² is one point of the power
// manifold (S²)³, stored as a 9×1 slice. Each copy of Log is the base's Log,
// and the distance is √(Σ dᵢ²).
func ExamplePower() {
	batch := manifold.NewPower(sphere.New(3), 3)
	fmt.Println(batch, "shape", fmt.Sprint(batch.Shape()), "dim", batch.Dim())

	// xᵢ = e₁ and yᵢ = (cos aᵢ, sin aᵢ, 0): dᵢ = aᵢ along the great circle
	// through e₁ and e₂, and d(x, y) = √(0.3² + 0.4² + 1.2²) = 1.3.
	x := []float64{1, 0, 0, 1, 0, 0, 1, 0, 0}
	var y []float64
	for _, a := range []float64{0.3, 0.4, 1.2} {
		y = append(y, math.Cos(a), math.Sin(a), 0)
	}
	v, err := manifold.Log(batch, x, y)
	if err != nil {
		fmt.Println(err)
		return
	}
	for i := range batch.K() {
		fmt.Printf("Log copy %d = %.2f\n", i, batch.Part(v, i))
	}
	fmt.Printf("Dist = %.4f\n", batch.Dist(x, y))
	// Output:
	// (S^2)^3 shape 9 1 dim 6
	// Log copy 0 = [0.00 0.30 0.00]
	// Log copy 1 = [0.00 0.40 0.00]
	// Log copy 2 = [0.00 1.20 0.00]
	// Dist = 1.3000
}

// An error from one copy names the copy and still wraps the base error.
func ExamplePower_Log() {
	batch := manifold.NewPower(sphere.New(2), 3)
	x := []float64{1, 0, 1, 0, 1, 0}
	y := []float64{0, 1, -1, 0, 1, 0} // copy 1 is antipodal
	_, err := manifold.Log(batch, x, y)
	fmt.Println(errors.Is(err, manifold.ErrCutLocus))
	fmt.Println(err)

	// Copy 2 is not on the circle: CheckPoint returns the sphere's
	// *CheckError with the copy named in What.
	err = batch.CheckPoint([]float64{1, 0, 0, 1, 0, 2})
	var ce *manifold.CheckError
	fmt.Println(errors.As(err, &ce), ce.Residual)
	fmt.Println(err)
	// Output:
	// true
	// manifold: power copy 1: sphere: Log of an antipodal point (‖tangent part‖ = 0): manifold: point is in the cut locus
	// true 1
	// sphere: power copy 2: point does not have unit norm (|‖p‖ − 1|): residual 1 exceeds tolerance 1e-10
}

// WithParallel splits a large batch over goroutines. The results are the
// same bits as a sequential run, whatever the number of workers.
func ExampleWithParallel() {
	const k = 10000 // 3·k ≥ manifold.PowerParallelThreshold
	seq := manifold.NewPower(sphere.New(3), k)
	par := manifold.NewPower(sphere.New(3), k, manifold.WithParallel(4))

	rng := rand.New(rand.NewPCG(1, 2))
	x, v := manifold.NewPoint(seq), manifold.NewPoint(seq)
	seq.RandomPoint(x, rng)
	seq.RandomTangent(v, x, rng)

	a, b := manifold.Exp(seq, x, v), manifold.Exp(par, x, v)
	same := seq.Norm(x, v) == par.Norm(x, v)
	for i := range a {
		same = same && a[i] == b[i]
	}
	fmt.Println("identical:", same)
	// Output:
	// identical: true
}

// The product S² × S¹ stores a point as the 3 + 2 entries of its parts one
// after the other; its metric and distance add up over the parts.
func ExampleProduct() {
	m := manifold.NewProduct(sphere.New(3), sphere.New(2))
	fmt.Println(m, "shape", fmt.Sprint(m.Shape()), "dim", m.Dim(), "offsets", m.Offsets())

	// d = √(d₁² + d₂²) = √((π/2)² + (π/2)²) = π/√2.
	x := []float64{0, 0, 1, 1, 0}
	y := []float64{1, 0, 0, 0, 1}
	fmt.Printf("Dist = %.6f, π/√2 = %.6f\n", m.Dist(x, y), math.Pi/math.Sqrt2)
	_, ok := manifold.AsParallelTransporter(m)
	fmt.Println("parallel transport:", ok)
	// Output:
	// S^2 × S^1 shape 5 1 dim 3 offsets [0 3 5]
	// Dist = 2.221441, π/√2 = 2.221441
	// parallel transport: true
}
