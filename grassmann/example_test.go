package grassmann_test

import (
	"errors"
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/grassmann"
	"github.com/geodesic-go/geodesic/manifold"
)

// Two planes through the origin of R³ that share the x-axis and meet at an
// angle of 0.5 rad have principal angles 0 and 0.5: their geodesic distance
// is 0.5 and their chordal distance sin 0.5.
func ExampleGrassmann_Dist() {
	g := grassmann.New(3, 2)
	a := 0.5
	x := []float64{ // span(e₁, e₂), rows of the 3×2 basis
		1, 0,
		0, 1,
		0, 0,
	}
	y := []float64{ // span(e₁, cos a·e₂ + sin a·e₃)
		1, 0,
		0, math.Cos(a),
		0, math.Sin(a),
	}
	th := make([]float64, 2)
	g.PrincipalAngles(th, x, y)
	fmt.Printf("angles %.4f\n", th)
	fmt.Printf("Dist %.4f, ChordalDist %.4f (sin 0.5 = %.4f)\n", g.Dist(x, y), g.ChordalDist(x, y), math.Sin(a))
	// Output:
	// angles [0.0000 0.5000]
	// Dist 0.5000, ChordalDist 0.4794 (sin 0.5 = 0.4794)
}

// Principal angles stay accurate where the cosines alone round to 1.
func ExampleGrassmann_PrincipalAngles() {
	g := grassmann.New(4, 2)
	t1, t2 := 1e-12, 1e-9
	x := []float64{1, 0, 0, 1, 0, 0, 0, 0}
	y := []float64{
		math.Cos(t1), 0,
		0, math.Cos(t2),
		math.Sin(t1), 0,
		0, math.Sin(t2),
	}
	th := make([]float64, 2)
	g.PrincipalAngles(th, x, y)
	fmt.Println(th, math.Acos(math.Cos(t1)))
	// Output:
	// [1e-12 1e-09] 0
}

// The logarithm is the velocity of the shortest geodesic, horizontal at the
// base point (XᵀΔ = 0) and of length Dist; Exp follows it back to the same
// subspace, though not necessarily to the same basis.
func ExampleGrassmann_Log() {
	g := grassmann.New(3, 1) // lines through the origin of R³
	x := []float64{1, 0, 0}
	y := []float64{-1, -1, 0} // the line at 45° from x, given by a basis pointing away
	v := make([]float64, 3)
	if err := g.Log(v, x, y); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("Log = %.4f, ‖Log‖ = %.4f, Dist = %.4f (π/4 = %.4f)\n", v, g.Norm(x, v), g.Dist(x, y), math.Pi/4)
	z := manifold.Exp(g, x, v)
	fmt.Printf("Exp = %.4f, same line as y: %v\n", z, g.SameSubspace(z, y, 1e-12))
	// Output:
	// Log = [0.0000 0.7854 0.0000], ‖Log‖ = 0.7854, Dist = 0.7854 (π/4 = 0.7854)
	// Exp = [0.7071 0.7071 0.0000], same line as y: true
}

// Two perpendicular lines are in each other's cut locus: every rotation
// towards the other line is a shortest path, and Log says so.
func ExampleGrassmann_Log_cutLocus() {
	g := grassmann.New(3, 1)
	v := make([]float64, 3)
	err := g.Log(v, []float64{1, 0, 0}, []float64{0, 0, 1})
	fmt.Println(errors.Is(err, manifold.ErrCutLocus))
	fmt.Println(err)
	// Output:
	// true
	// grassmann: Log: the largest principal angle is π/2 to working precision (cos θ = 0 ≤ 7.11e-15): manifold: point is in the cut locus
}

// A point of Gr(n, p) is a subspace, and any orthonormal basis of it
// represents it: compare bases with SameSubspace or a distance, never entry
// by entry.
func ExampleGrassmann_SameSubspace() {
	g := grassmann.New(3, 2)
	x := []float64{1, 0, 0, 1, 0, 0}
	s := 1 / math.Sqrt2
	y := []float64{s, -s, s, s, 0, 0} // x rotated by 45° within its plane
	fmt.Println(g.SameSubspace(x, y, 1e-12), g.Dist(x, y) < 1e-15)
	// Output:
	// true true
}

// The polar and QR retractions give different bases of the same subspace.
// Here Y + Δ has the rows (1, 0), (0, 1), (0.3, 0.4). Polar: ΔᵀΔ = 0.25·wwᵀ
// with w = (0.6, 0.8), so (I + ΔᵀΔ)^{-1/2} = I + (1/√1.25 − 1)·wwᵀ, whose
// rows are (0.9620, −0.0507) and (−0.0507, 0.9324). QR: Gram–Schmidt on the
// columns gives (1, 0, 0.3)/√1.09 and (−0.1101, 1, 0.3670)/1.0709.
func ExampleGrassmann_RetractQR() {
	g := grassmann.New(3, 2)
	x := []float64{1, 0, 0, 1, 0, 0}
	v := []float64{0, 0, 0, 0, 0.3, 0.4} // horizontal: xᵀv = 0
	a, b := make([]float64, 6), make([]float64, 6)
	g.RetractPolar(a, x, v)
	g.RetractQR(b, x, v)
	fmt.Printf("polar %.4f\nqr    %.4f\nsame subspace: %v\n", a, b, g.SameSubspace(a, b, 1e-12))
	// Output:
	// polar [0.9620 -0.0507 -0.0507 0.9324 0.2683 0.3578]
	// qr    [0.9578 -0.1028 0.0000 0.9338 0.2873 0.3427]
	// same subspace: true
}

// Riemannian gradient descent for the dominant 2-dimensional invariant
// subspace of a symmetric matrix: maximise tr(YᵀAY) over Gr(3, 2).
func Example_dominantSubspace() {
	g := grassmann.New(3, 2)
	a := []float64{ // eigenvalues 3, 2, 1 with eigenvectors e₁, e₃, e₂
		3, 0, 0,
		0, 1, 0,
		0, 0, 2,
	}
	y := []float64{0.6, 0, 0, 0.6, 0.8, 0.8}
	g.Project(y, y) // any starting basis; Project makes it orthonormal
	grad, step := make([]float64, 6), make([]float64, 6)
	for k := 0; k < 200; k++ {
		// ∇f(Y) = −AY for f(Y) = −½tr(YᵀAY).
		for i := 0; i < 3; i++ {
			for j := 0; j < 2; j++ {
				var s float64
				for l := 0; l < 3; l++ {
					s += a[i*3+l] * y[l*2+j]
				}
				grad[i*2+j] = -s
			}
		}
		g.EGradToRGrad(grad, y, grad)
		for i := range step {
			step[i] = -grad[i] / 3
		}
		g.Retract(y, y, step)
	}
	want := []float64{1, 0, 0, 0, 0, 1} // span(e₁, e₃)
	fmt.Println("distance to span(e₁, e₃) below 1e-12:", g.Dist(y, want) < 1e-12)
	// Output:
	// distance to span(e₁, e₃) below 1e-12: true
}
