package stiefel_test

import (
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/stiefel"
)

// Turning the first vector of a 2-frame in R⁴ towards e₃ by an angle t is
// a geodesic of length t for every metric of the family: the frame does not
// rotate within its own span (A = 0), and g_β(Δ, Δ) = β‖A‖² + ‖B‖² = t².
// Rotating the frame within its span by θ instead costs √(2β)·θ.
func ExampleStiefel_Dist() {
	x := []float64{
		1, 0,
		0, 1,
		0, 0,
		0, 0,
	}
	t := 0.8
	y := []float64{
		math.Cos(t), 0,
		0, 1,
		math.Sin(t), 0,
		0, 0,
	}
	th := 0.5
	z := []float64{ // X·R(θ)
		math.Cos(th), -math.Sin(th),
		math.Sin(th), math.Cos(th),
		0, 0,
		0, 0,
	}
	for _, met := range []stiefel.Metric{stiefel.Euclidean, stiefel.Canonical} {
		m := stiefel.New(4, 2, stiefel.WithMetric(met))
		fmt.Printf("%-9v Dist(X, Y) = %.4f  Dist(X, XR) = %.4f (√(2β)θ = %.4f)\n",
			met, m.Dist(x, y), m.Dist(x, z), math.Sqrt(2*met.Beta())*th)
	}
	// Output:
	// Euclidean Dist(X, Y) = 0.8000  Dist(X, XR) = 0.7071 (√(2β)θ = 0.7071)
	// canonical Dist(X, Y) = 0.8000  Dist(X, XR) = 0.5000 (√(2β)θ = 0.5000)
}

// Log inverts Exp within the injectivity radius, for every metric.
func ExampleStiefel_Log() {
	m := stiefel.New(5, 2, stiefel.WithMetric(stiefel.Canonical))
	x := []float64{1, 0, 0, 1, 0, 0, 0, 0, 0, 0}
	v := []float64{
		0, 0.3,
		-0.3, 0,
		0.5, 0.1,
		0, -0.7,
		0.2, 0,
	}
	y := manifold.Exp(m, x, v)
	w, err := manifold.Log(m, x, y)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("Log(Exp(v)) = %.6f\n", round(w, 1e-9))
	fmt.Printf("Dist = %.6f, ‖v‖ = %.6f\n", m.Dist(x, y), m.Norm(x, v))
	// Output:
	// Log(Exp(v)) = [0.000000 0.300000 -0.300000 0.000000 0.500000 0.100000 0.000000 -0.700000 0.200000 0.000000]
	// Dist = 0.938083, ‖v‖ = 0.938083
}

// The metric family in the parametrisation g_β(Δ, Δ) = tr(ΔᵀΔ) −
// (1 − β)·tr(ΔᵀXXᵀΔ) and Hüper et al.'s α = 1/(2β) − 1.
func ExampleFamily() {
	for _, met := range []stiefel.Metric{stiefel.Euclidean, stiefel.Canonical, stiefel.Family(0.25)} {
		fmt.Printf("%-9v β = %.2f α = %.2f\n", met, met.Beta(), met.Alpha())
	}
	// At X = [I; 0], Δ = [A; B] with ‖A‖² = 2, ‖B‖² = 1: ⟨Δ, Δ⟩ = 2β + 1.
	m := stiefel.New(3, 2, stiefel.WithMetric(stiefel.Family(0.25)))
	x := []float64{1, 0, 0, 1, 0, 0}
	d := []float64{0, 1, -1, 0, 1, 0}
	fmt.Println(m.Inner(x, d, d))
	// Output:
	// Euclidean β = 1.00 α = -0.50
	// canonical β = 0.50 α = 0.00
	// β=0.25    β = 0.25 α = 1.00
	// 1.5
}

// O(n) = St(n, n) has two connected components: no curve joins frames of
// opposite orientation.
func ExampleStiefel_Log_otherComponent() {
	m := stiefel.New(2, 2)
	x := []float64{1, 0, 0, 1}
	y := []float64{1, 0, 0, -1} // a reflection
	_, err := manifold.Log(m, x, y)
	fmt.Println(err)
	fmt.Println(m.Dist(x, y))
	// Output:
	// stiefel: Log: q is in the other connected component of O(n) (det(pᵀq) < 0), no geodesic joins the points: manifold: point is in the cut locus
	// +Inf
}

// Riemannian gradient descent with the Cayley retraction solves the
// orthogonal Procrustes problem max tr(XᵀM), whose answer X* is the polar
// factor of M, the nearest point to M that Project returns.
func ExampleStiefel_EGradToRGrad() {
	m := stiefel.New(3, 2, stiefel.WithMetric(stiefel.Canonical), stiefel.WithRetraction(stiefel.Cayley))
	mm := []float64{0, 2, 2, 0, 0, 0.5}
	x := []float64{1, 0, 0, 1, 0, 0}
	g := make([]float64, 6)
	eg := []float64{0, -2, -2, 0, 0, -0.5} // ∇(−tr(XᵀM)) = −M
	for range 200 {
		m.EGradToRGrad(g, x, eg)
		for i := range g {
			g[i] *= -0.25
		}
		m.Retract(x, x, g)
	}
	want := make([]float64, 6)
	m.Project(want, mm)
	fmt.Printf("X  = %.4f\nX* = %.4f\n", round(x, 1e-9), round(want, 1e-9))
	// Output:
	// X  = [0.0000 0.9701 1.0000 0.0000 0.0000 0.2425]
	// X* = [0.0000 0.9701 1.0000 0.0000 0.0000 0.2425]
}

// The QR retraction and its inverse (Kaneko, Fiori & Tanaka 2013).
func ExampleStiefel_InverseRetractQR() {
	m := stiefel.New(4, 2)
	x := []float64{1, 0, 0, 1, 0, 0, 0, 0}
	v := []float64{0, 0.2, -0.2, 0, 0.5, 0, 0, 1}
	y := make([]float64, 8)
	m.RetractQR(y, x, v)
	w := make([]float64, 8)
	if err := m.InverseRetractQR(w, x, y); err != nil {
		fmt.Println(err)
		return
	}
	fmt.Printf("%.6f\n", round(w, 1e-9))
	// Output:
	// [0.000000 0.200000 -0.200000 0.000000 0.500000 0.000000 0.000000 1.000000]
}

// round sets the entries smaller than tol in magnitude to +0, so that the
// printed output does not depend on the sign of rounding errors.
func round(x []float64, tol float64) []float64 {
	y := make([]float64, len(x))
	for i, v := range x {
		if math.Abs(v) >= tol {
			y[i] = v
		}
	}
	return y
}
