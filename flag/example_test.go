package flag_test

import (
	"errors"
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/flag"
	"github.com/geodesic-go/geodesic/manifold"
)

// A flag manifold is described by its type: Fl(1, 3, 7; 10) holds a line
// inside a 3-space inside a 7-space of R¹⁰. Points are 10×7 matrices whose
// column blocks 0:1, 1:3 and 3:7 span the successive pieces.
func ExampleNew() {
	f := flag.New(10, 1, 3, 7)
	fmt.Println(f, "dim", f.Dim())
	fmt.Println("type", f.Type(), "blocks", f.Blocks())
	for i := 0; i < f.NumBlocks(); i++ {
		lo, hi := f.BlockRange(i)
		fmt.Printf("block %d: columns [%d, %d)\n", i, lo, hi)
	}
	fmt.Println(f.With(flag.WithMetric(flag.Euclidean)))
	// Output:
	// Fl(1,3,7;10) dim 35
	// type [1 3 7] blocks [1 2 4]
	// block 0: columns [0, 1)
	// block 1: columns [1, 3)
	// block 2: columns [3, 7)
	// Fl(1,3,7;10) Euclidean
}

// A rotation of R³ gives the flag of its columns, span(r₁) ⊂ span(r₁, r₂).
// The flag forgets the signs of the columns, so the way back picks the
// representative whose first two columns have a positive largest entry
// and whose determinant is +1.
func ExampleToRotation() {
	c, s := math.Cos(0.3), math.Sin(0.3)
	r := []float64{ // rotation by 0.3 about e₃, then its first two columns negated
		-c, s, 0,
		-s, -c, 0,
		0, 0, 1,
	}
	x := make([]float64, 6) // a point of Fl(1, 2; 3)
	flag.FromRotation(x, r)
	back := make([]float64, 9)
	flag.ToRotation(back, x)
	for i := 0; i < 3; i++ {
		fmt.Printf("%6.3f\n", back[3*i:3*i+3])
	}
	f := flag.New(3, 1, 2)
	y := make([]float64, 6)
	flag.FromRotation(y, back)
	fmt.Println("same flag:", f.SameFlag(x, y, 1e-15))
	// Output:
	// [ 0.955 -0.296  0.000]
	// [ 0.296  0.955  0.000]
	// [ 0.000  0.000  1.000]
	// same flag: true
}

// With the canonical metric the distance between the flags of two
// rotations is the smallest rotation angle between them, up to the column
// signs the flags forget: a rotation by 2.5 about e₃ is a rotation by
// π − 2.5 once two columns are negated.
func ExampleFlag_Dist() {
	f := flag.New(3, 1, 2, 3) // complete flags of R³
	rot := func(t float64) []float64 {
		c, s := math.Cos(t), math.Sin(t)
		return []float64{c, -s, 0, s, c, 0, 0, 0, 1}
	}
	x := make([]float64, 9)
	flag.FromRotation(x, rot(0))
	for _, t := range []float64{0.5, 2.5} {
		y := make([]float64, 9)
		flag.FromRotation(y, rot(t))
		fmt.Printf("angle %.1f: Dist %.4f\n", t, f.Dist(x, y))
	}
	fmt.Printf("π − 2.5 = %.4f\n", math.Pi-2.5)
	// Output:
	// angle 0.5: Dist 0.5000
	// angle 2.5: Dist 0.6416
	// π − 2.5 = 0.6416
}

// Log finds the horizontal velocity of the geodesic between two flags,
// whatever representatives are given; Exp follows it to the target flag.
func ExampleFlag_Log() {
	f := flag.New(4, 1, 2)
	rng := newRand(1)
	x := point(f, rng)
	v := tangent(f, x, 0.8, rng)
	y := make([]float64, len(x))
	f.Exp(y, x, v)
	y = rotate(f, y, blockRotation(f, rng)) // another representative of the same flag
	w := make([]float64, len(x))
	if err := f.Log(w, x, y); err != nil {
		fmt.Println(err)
		return
	}
	z := make([]float64, len(x))
	f.Exp(z, x, w)
	fmt.Printf("‖Log‖ = %.6f, Dist = %.6f\n", f.Norm(x, w), f.Dist(x, y))
	fmt.Println("recovers v:", f.Norm(x, scaledDiff(w, v)) < 1e-12, "reaches Y:", f.SameFlag(z, y, 1e-12))
	// Output:
	// ‖Log‖ = 0.800000, Dist = 0.800000
	// recovers v: true reaches Y: true
}

func scaledDiff(a, b []float64) []float64 {
	d := make([]float64, len(a))
	for i := range a {
		d[i] = a[i] - b[i]
	}
	return d
}

// ChordalDist is the root sum of squares of the blocks' Grassmann chordal
// distances; it stays accurate for flags a tiny angle apart, where the
// textbook m_i − ‖X_iᵀY_i‖² cancels to nothing.
func ExampleFlag_ChordalDist() {
	f := flag.New(3, 1, 2)
	t := 1e-9
	x := []float64{1, 0, 0, 1, 0, 0}
	y := []float64{ // e₁ tilted by t towards e₃; e₂ unchanged
		math.Cos(t), 0,
		0, 1,
		math.Sin(t), 0,
	}
	naive := 1 - (x[0]*y[0]+x[2]*y[2]+x[4]*y[4])*(x[0]*y[0]+x[2]*y[2]+x[4]*y[4])
	fmt.Printf("ChordalDist %.6g, naive %.6g, sin t = %.6g\n", f.ChordalDist(x, y), math.Sqrt(math.Max(naive, 0)), math.Sin(t))
	// Output:
	// ChordalDist 1e-09, naive 0, sin t = 1e-09
}

// When no verified geodesic is found, Log says so instead of returning a
// wrong vector, and Dist still returns the length of a curve joining the
// flags (an upper bound on the distance).
func ExampleFlag_Log_notConverged() {
	f := flag.New(6, 2, 4).With(flag.WithLogMaxIter(1))
	rng := newRand(3)
	x, y := point(f, rng), point(f, rng)
	w := make([]float64, len(x))
	err := f.Log(w, x, y)
	fmt.Println(errors.Is(err, manifold.ErrNotConverged))
	d := f.Dist(x, y)
	fmt.Println(d > 0, !math.IsInf(d, 0))
	// Output:
	// true
	// true true
}
