package bench

import (
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"
)

// TestReflectedDiag checks the closed form of QΛQ, Q = I − 2wwᵀ, against
// gonum's matrix products, and that Qeⱼ is the eigenvector of λⱼ.
func TestReflectedDiag(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	const n = 7
	lam := make([]float64, n)
	for i := range lam {
		lam[i] = rng.NormFloat64()
	}
	w := householder(n, rng)
	q := mat.NewDense(n, n, nil)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			v := -2 * w[i] * w[j]
			if i == j {
				v++
			}
			q.Set(i, j, v)
		}
	}
	var want mat.Dense
	want.Mul(q, mat.NewDiagDense(n, lam))
	want.Mul(&want, q)
	got := mat.NewDense(n, n, reflectedDiag(lam, w))
	if !mat.EqualApprox(got, &want, 1e-14) {
		t.Errorf("reflectedDiag =\n%v\nwant\n%v", mat.Formatted(got), mat.Formatted(&want))
	}
	for j := 0; j < n; j++ {
		v := mat.NewVecDense(n, reflectedBasis(w, j))
		var av mat.VecDense
		av.MulVec(got, v)
		av.AddScaledVec(&av, -lam[j], v)
		if r := av.Norm(2); r > 1e-14 {
			t.Errorf("‖Av − λv‖ = %g for j = %d", r, j)
		}
	}

	// symMul agrees with a plain product, for p = 1 and p > 1.
	for _, p := range []int{1, 3} {
		x := make([]float64, n*p)
		for i := range x {
			x[i] = rng.NormFloat64()
		}
		dst := make([]float64, n*p)
		newSymMul(got.RawMatrix().Data, n, p).mul(dst, x)
		var ax mat.Dense
		ax.Mul(got, mat.NewDense(n, p, x))
		if !mat.EqualApprox(mat.NewDense(n, p, dst), &ax, 1e-13) {
			t.Errorf("symMul p = %d disagrees with mat.Mul", p)
		}
	}
}

// TestMajorityFlags checks that the flag data are orthonormal frames and
// that the stated minima match a direct evaluation of the chordal costs.
func TestMajorityFlags(t *testing.T) {
	fd := majorityFlags(50, []int{1, 3, 5})
	const p = 5
	var mean, median float64
	for _, x := range fd.data {
		xm := mat.NewDense(50, p, x)
		var g mat.Dense
		g.Mul(xm.T(), xm)
		if !mat.EqualApprox(&g, eye(p), 1e-14) {
			t.Fatal("a data point is not an orthonormal frame")
		}
		d := fd.chordalError(x)
		mean += d * d / float64(len(fd.data))
		median += d / float64(len(fd.data))
	}
	if math.Abs(mean-fd.meanF) > 1e-13 || math.Abs(median-fd.medianF) > 1e-13 {
		t.Errorf("costs at the answer %g, %g; stated %g, %g", mean, median, fd.meanF, fd.medianF)
	}
	sm := mat.NewDense(50, p, fd.start)
	var g mat.Dense
	g.Mul(sm.T(), sm)
	if !mat.EqualApprox(&g, eye(p), 1e-14) {
		t.Error("the start is not an orthonormal frame")
	}
}

func eye(n int) *mat.Dense {
	m := mat.NewDense(n, n, nil)
	for i := 0; i < n; i++ {
		m.Set(i, i, 1)
	}
	return m
}
