package hyperbolic_test

import (
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/hyperbolic"
	"github.com/geodesic-go/geodesic/manifold"
)

// Two points 600 apart on the hyperboloid: x₀ of the far one is about
// 1e260, and the distance is still exact to the last digit, where
// acosh(−⟨x, y⟩_L) of the same points loses nothing only by luck and
// acosh(1 + ·) of nearby points returns 0.
func ExampleLorentz_Dist() {
	l := hyperbolic.NewLorentz(2)
	o := []float64{1, 0, 0}
	y := manifold.Exp(l, o, []float64{0, 600 * 0.6, 600 * 0.8})
	fmt.Printf("x₀ = %.3g, Dist = %.12g\n", y[0], l.Dist(o, y))

	near := manifold.Exp(l, o, []float64{0, 3e-12, 4e-12})
	fmt.Printf("Dist = %.12g, acosh(−⟨o, y⟩_L) = %g\n", l.Dist(o, near), math.Acosh(near[0]))
	// Output:
	// x₀ = 1.89e+260, Dist = 600
	// Dist = 5e-12, acosh(−⟨o, y⟩_L) = 0
}

// Exp of a tangent vector too long for float64 saturates at the last
// representable point of the geodesic instead of overflowing.
func ExampleLorentz_Exp_saturation() {
	l := hyperbolic.NewLorentz(2)
	o := []float64{1, 0, 0}
	y := manifold.Exp(l, o, []float64{0, 1e6, 0})
	fmt.Printf("finite: %v, on the model: %v, distance from the origin: %.2f\n",
		!math.IsInf(y[0], 0) && !math.IsNaN(y[0]), l.CheckPoint(y) == nil, l.Dist(o, y))
	// Output:
	// finite: true, on the model: true, distance from the origin: 707.70
}

// The same pair of points in the three models: the conversions are exact
// to rounding and the three distances agree.
func ExampleLorentzToBall() {
	const c = 0.5
	l := hyperbolic.NewLorentz(3, hyperbolic.WithCurvature(c))
	b := hyperbolic.NewPoincareBall(3, hyperbolic.WithCurvature(c))
	h := hyperbolic.NewHalfSpace(3, hyperbolic.WithCurvature(c))
	x, y := make([]float64, 4), make([]float64, 4)
	l.Origin(x)
	l.Exp(y, x, []float64{0, 1, 2, 2}) // ‖v‖ = 3
	xb, yb, xh, yh := make([]float64, 3), make([]float64, 3), make([]float64, 3), make([]float64, 3)
	hyperbolic.LorentzToBall(xb, x, c)
	hyperbolic.LorentzToBall(yb, y, c)
	hyperbolic.LorentzToHalfSpace(xh, x, c)
	hyperbolic.LorentzToHalfSpace(yh, y, c)
	fmt.Printf("ball origin %.4f, half-space origin %.4f\n", xb, xh)
	fmt.Printf("Lorentz %.12f\nball    %.12f\nhalf    %.12f\n", l.Dist(x, y), b.Dist(xb, yb), h.Dist(xh, yh))
	// Output:
	// ball origin [0.0000 0.0000 0.0000], half-space origin [0.0000 0.0000 1.4142]
	// Lorentz 3.000000000000
	// ball    3.000000000000
	// half    3.000000000000
}

// A point at the float64 edge of the ball, 1 − 2⁻⁵³ along an axis, is 37.43
// from the origin; the boundary itself is not a point of Hⁿ.
func ExamplePoincareBall_CheckPoint() {
	b := hyperbolic.NewPoincareBall(2)
	edge := []float64{1 - 0x1p-53, 0}
	fmt.Println(b.CheckPoint(edge), b.Dist([]float64{0, 0}, edge))
	fmt.Println(b.CheckPoint([]float64{1, 0}))
	// The float64 nearest to (0.6, 0.8) is outside by 4.4e-17 in ‖x‖².
	fmt.Println(b.CheckPoint([]float64{0.6, 0.8}))
	// Output:
	// <nil> 37.42994775023705
	// hyperbolic: point is not strictly inside the ball of radius 1/√c (√c‖x‖ − 1 ≥ 0): residual 0 exceeds tolerance 0
	// hyperbolic: point is not strictly inside the ball of radius 1/√c (√c‖x‖ − 1 ≥ 0): residual 2.22e-17 exceeds tolerance 0
}

// Möbius addition undoes itself from the left, and the Möbius difference
// gives the distance. By hand: ⟨a, b⟩ = −0.03, ‖a‖² = 0.29, ‖b‖² = 0.45, so
// a ⊕ b = (1.39a + 0.71b)/1.0705 = (0.482, 0.704)/1.0705, and
// d = acosh(1 + 2·0.8/(0.71·0.55)) = 2.3121.
func ExampleMobiusAdd() {
	const c = 1.0
	a := []float64{0.5, 0.2}
	b := []float64{-0.3, 0.6}
	sum := make([]float64, 2)
	hyperbolic.MobiusAdd(sum, a, b, c)
	back := make([]float64, 2)
	hyperbolic.MobiusAdd(back, []float64{-0.5, -0.2}, sum, c)
	fmt.Printf("a ⊕ b = %.6f, (−a) ⊕ (a ⊕ b) = %.6f\n", sum, back)

	diff := make([]float64, 2)
	hyperbolic.MobiusAdd(diff, []float64{-0.5, -0.2}, b, c)
	ball := hyperbolic.NewPoincareBall(2)
	fmt.Printf("2·atanh‖(−a) ⊕ b‖ = %.12f, Dist = %.12f\n", 2*math.Atanh(math.Hypot(diff[0], diff[1])), ball.Dist(a, b))
	// Output:
	// a ⊕ b = [0.450257 0.657637], (−a) ⊕ (a ⊕ b) = [-0.300000 0.600000]
	// 2·atanh‖(−a) ⊕ b‖ = 2.312096606926, Dist = 2.312096606926
}

// A hyperbolic linear layer followed by a Möbius bias: the building block
// of the hyperbolic neural networks of Ganea, Bécigneul & Hofmann (2018).
// By hand: Wx = (0.51, −0.23), and W ⊗ x = tanh((‖Wx‖/‖x‖)·atanh‖x‖)·Wx/‖Wx‖
// = 0.98172·Wx = (0.50068, −0.22580), to which the bias is Möbius-added.
func ExampleMobiusMatVec() {
	const c = 1.0
	x := []float64{0.1, -0.4, 0.3}
	w := []float64{ // 2×3, row-major
		0.5, -1, 0.2,
		1, 0.3, -0.7,
	}
	bias := []float64{0.05, -0.1}
	h := make([]float64, 2)
	hyperbolic.MobiusMatVec(h, w, 2, 3, x, c)
	hyperbolic.MobiusAdd(h, h, bias, c)
	fmt.Printf("%.6f\n", h)
	// Output:
	// [0.536422 -0.291131]
}

// The gyromidpoint of two points is the midpoint of the geodesic between
// them: here d(x, y) = acosh(1 + 2·0.74/(0.51·0.75)) = 2.26538.
func ExampleGyroMidpoint() {
	b := hyperbolic.NewPoincareBall(2)
	x, y := []float64{0.7, 0}, []float64{0, -0.5}
	m := make([]float64, 2)
	hyperbolic.GyroMidpoint(m, append(append([]float64{}, x...), y...), nil, 1)
	fmt.Printf("m = %.6f, d(x, m) = %.9f, d(m, y) = %.9f, d(x, y)/2 = %.9f\n",
		m, b.Dist(x, m), b.Dist(m, y), b.Dist(x, y)/2)
	// Output:
	// m = [0.342521 -0.166367], d(x, m) = 1.132689286, d(m, y) = 1.132689286, d(x, y)/2 = 1.132689286
}

// Parallel transport in the upper half-space along a vertical geodesic is a
// dilation: the height doubles and so does every vector, whose Riemannian
// length is unchanged.
func ExampleHalfSpace_ParallelTransport() {
	h := hyperbolic.NewHalfSpace(2)
	x, y := []float64{0, 1}, []float64{0, 2}
	v := []float64{0.3, 0.4}
	pv := make([]float64, 2)
	h.ParallelTransport(pv, x, y, v)
	fmt.Printf("%.4f, ‖v‖_x = %.4f, ‖Pv‖_y = %.4f\n", pv, h.Norm(x, v), h.Norm(y, pv))
	// Output:
	// [0.6000 0.8000], ‖v‖_x = 0.5000, ‖Pv‖_y = 0.5000
}
