package optim_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/optim"
	"github.com/geodesic-go/geodesic/sphere"
)

// The smallest eigenvalue of a symmetric matrix is the minimum of the
// Rayleigh quotient xᵀAx on the unit sphere. For the matrix below it is
// 2 − √2, with eigenvector (1, −√2, 1)/2.
func ExampleMinimize() {
	a := [3][3]float64{{2, 1, 0}, {1, 2, 1}, {0, 1, 2}}
	mul := func(dst, x []float64) {
		for i := range dst {
			dst[i] = a[i][0]*x[0] + a[i][1]*x[1] + a[i][2]*x[2]
		}
	}
	ax := make([]float64, 3)
	p := optim.Problem{
		Cost: func(x []float64) float64 {
			mul(ax, x)
			return x[0]*ax[0] + x[1]*ax[1] + x[2]*ax[2]
		},
		Grad: func(g, x []float64) { // ∇(xᵀAx) = 2Ax
			mul(g, x)
			for i := range g {
				g[i] *= 2
			}
		},
		HessVec: func(hv, x, v []float64) { // ∇²(xᵀAx)[v] = 2Av
			mul(hv, v)
			for i := range hv {
				hv[i] *= 2
			}
		},
	}
	s := sphere.New(3)
	x0 := []float64{1, 0, 0}
	res, err := optim.Minimize(context.Background(), s, p, x0, &optim.Settings{GradTol: 1e-10}, &optim.TrustRegion{})
	if err != nil {
		fmt.Println(err)
		return
	}
	x := res.X
	if x[0] < 0 { // an eigenvector is defined up to sign
		x[0], x[1], x[2] = -x[0], -x[1], -x[2]
	}
	fmt.Println(res.Status)
	fmt.Printf("λ = %.6f (2 − √2 = %.6f)\n", res.F, 2-math.Sqrt2)
	fmt.Printf("x = [%.6f %.6f %.6f]\n", x[0], x[1], x[2])
	fmt.Println("converged:", res.GradNorm <= 1e-10)
	// Output:
	// gradient norm below tolerance
	// λ = 0.585786 (2 − √2 = 0.585786)
	// x = [0.500000 -0.707107 0.500000]
	// converged: true
}

// A training loop owned by the caller: streaming principal component
// analysis (Oja's rule) with the Riemannian Adam stepper. Each step sees one
// random sample aᵢ of a distribution with covariance C = diag(4, 1, 0.25);
// the cost −xᵀaᵢaᵢᵀx has expectation −xᵀCx, minimised on the sphere by the
// dominant eigenvector e₁.
func ExampleAdam_Step() {
	s := sphere.New(3)
	rng := rand.New(rand.NewPCG(1, 2))
	scale := []float64{2, 1, 0.5} // standard deviations: C = diag(4, 1, 0.25)
	x := []float64{0, 0.6, 0.8}
	opt := &optim.Adam{LearningRate: 0.05, Schedule: optim.Cosine{Steps: 3000}}
	a := make([]float64, 3)
	egrad := make([]float64, 3)
	for range 3000 {
		for i := range a {
			a[i] = scale[i] * rng.NormFloat64()
		}
		ax := a[0]*x[0] + a[1]*x[1] + a[2]*x[2]
		for i := range egrad { // ∇(−(aᵀx)²) = −2(aᵀx)a
			egrad[i] = -2 * ax * a[i]
		}
		if err := opt.Step(s, x, egrad); err != nil {
			fmt.Println(err)
			return
		}
	}
	angle := math.Acos(math.Min(1, math.Abs(x[0]))) * 180 / math.Pi
	fmt.Printf("steps: %d, angle to e₁ below 5°: %v\n", opt.Steps(), angle < 5)
	// Output:
	// steps: 3000, angle to e₁ below 5°: true
}

// CheckGradient tells a correct gradient from a wrong one by the slope of
// the Taylor remainder.
func ExampleCheckGradient() {
	s := sphere.New(5)
	c := []float64{1, 2, 3, 4, 5}
	good := optim.Problem{
		Cost: func(x []float64) float64 { // f(x) = cᵀx
			var f float64
			for i := range x {
				f += c[i] * x[i]
			}
			return f
		},
		Grad: func(g, x []float64) { copy(g, c) },
	}
	bad := good
	bad.Grad = func(g, x []float64) { copy(g, c); g[0] = 2 }
	for _, p := range []optim.Problem{good, bad} {
		rep, err := optim.CheckGradient(s, p, nil, rand.New(rand.NewPCG(1, 2)))
		if err != nil {
			fmt.Println(err)
			return
		}
		fmt.Printf("%v, slope %.1f\n", rep.Verdict, rep.Slope)
	}
	// Output:
	// passed, slope 2.0
	// FAILED, slope 1.0
}

// A History records every iteration, here of L-BFGS on a Karcher mean
// problem on the sphere given by its Riemannian gradient: the mean of
// points symmetric about the north pole is the pole.
func ExampleHistory() {
	s := sphere.New(3)
	north := []float64{0, 0, 1}
	var pts [][]float64
	for _, v := range [][]float64{{0.3, 0, 0}, {-0.3, 0, 0}, {0, 0.5, 0}, {0, -0.5, 0}} {
		pts = append(pts, manifold.Exp(s, north, v))
	}
	lg := make([]float64, 3)
	p := optim.Problem{
		Cost: func(x []float64) float64 {
			var f float64
			for _, q := range pts {
				d := s.Dist(x, q)
				f += d * d / 2
			}
			return f
		},
		RGrad: func(g, x []float64) { // grad ½Σd²(x, qᵢ) = −Σ Log_x(qᵢ)
			clear(g)
			for _, q := range pts {
				_ = s.Log(lg, x, q)
				for i := range g {
					g[i] -= lg[i]
				}
			}
		},
	}
	h := &optim.History{}
	res, err := optim.Minimize(context.Background(), s, p, []float64{0.6, 0, 0.8}, &optim.Settings{GradTol: 1e-12, Recorder: h}, &optim.LBFGS{})
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println("records:", len(h.Iterations) == res.Iterations+1)
	fmt.Printf("first cost %.4f, last cost %.4f (= 2·(0.3² + 0.5²)/2 = %.4f)\n", h.Costs()[0], res.F, 0.3*0.3+0.5*0.5)
	fmt.Println("distance to the pole below 1e-10:", s.Dist(res.X, north) < 1e-10)
	// Output:
	// records: true
	// first cost 1.1322, last cost 0.3400 (= 2·(0.3² + 0.5²)/2 = 0.3400)
	// distance to the pole below 1e-10: true
}
