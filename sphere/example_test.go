package sphere_test

import (
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/sphere"
)

// The distance between the north pole and a point on the equator is π/2,
// and the logarithm points along the meridian with that length.
func ExampleSphere_Log() {
	s := sphere.New(3)
	north := []float64{0, 0, 1}
	equator := []float64{1, 0, 0}
	v := make([]float64, 3)
	if err := s.Log(v, north, equator); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("Log = %.4f, Dist = %.4f (π/2 = %.4f)\n", v, s.Dist(north, equator), math.Pi/2)
	// Output:
	// Log = [1.5708 0.0000 0.0000], Dist = 1.5708 (π/2 = 1.5708)
}

// Walking a quarter of a great circle from the north pole.
func ExampleSphere_Exp() {
	s := sphere.New(3)
	north := []float64{0, 0, 1}
	q := manifold.Exp(s, north, []float64{0, math.Pi / 2, 0})
	fmt.Printf("%.4f\n", q)
	// Output:
	// [0.0000 1.0000 0.0000]
}

// Distances stay accurate far below where acos(⟨p, q⟩) returns 0.
func ExampleSphere_Dist() {
	s := sphere.New(3)
	p := []float64{1, 0, 0}
	q := []float64{1, 1e-200, 0}
	fmt.Println(s.Dist(p, q), math.Acos(p[0]*q[0]+p[1]*q[1]))
	// Output:
	// 1e-200 0
}

// At the antipode the logarithm is not defined: Log says so.
func ExampleSphere_Log_antipode() {
	s := sphere.New(3)
	v := make([]float64, 3)
	err := s.Log(v, []float64{0, 0, 1}, []float64{0, 0, -1})
	fmt.Println(err)
	// Output:
	// sphere: Log of an antipodal point (‖tangent part‖ = 0): manifold: point is in the cut locus
}

// Parallel transport along the equator from (1, 0, 0) to (0, 1, 0) carries
// the equator's own direction (0, 1, 0) to (−1, 0, 0) and leaves the pole
// direction (0, 0, 1) alone.
func ExampleSphere_ParallelTransport() {
	s := sphere.New(3)
	p, q := []float64{1, 0, 0}, []float64{0, 1, 0}
	a := make([]float64, 3)
	b := make([]float64, 3)
	s.ParallelTransport(a, p, q, []float64{0, 1, 0})
	s.ParallelTransport(b, p, q, []float64{0, 0, 1})
	fmt.Printf("%.4f %.4f\n", a, b)
	// Output:
	// [-1.0000 0.0000 0.0000] [0.0000 0.0000 1.0000]
}

// Points along the shortest great-circle arc between two points.
func ExampleSphere_geodesic() {
	s := sphere.New(2)
	p, q := []float64{1, 0}, []float64{0, 1}
	for _, t := range []float64{0, 0.5, 1} {
		x, err := manifold.Geodesic(s, p, q, t)
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("t=%.1f %.4f\n", t, x)
	}
	// Output:
	// t=0.0 [1.0000 0.0000]
	// t=0.5 [0.7071 0.7071]
	// t=1.0 [0.0000 1.0000]
}
