package optim_test

import (
	"context"
	"errors"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/optim"
	"github.com/geodesic-go/geodesic/spd"
	"github.com/geodesic-go/geodesic/sphere"
)

// The log-Euclidean and log-Cholesky means in closed form, against gonum
// (EigenSym, Cholesky), and KarcherMean for those metrics, which starts at
// them and confirms them at iteration 0.
func TestSPDClosedForms(t *testing.T) {
	rng := rand.New(rand.NewPCG(40, 41))
	n, count := 4, 7
	w := randWeights(rng, count)
	wsum := floats.Sum(w)
	data := make([][]float64, count)
	mats := make([]*mat.SymDense, count)
	logSum := mat.NewSymDense(n, nil)
	lbar := mat.NewDense(n, n, nil)
	for j := range data {
		mats[j] = spdMatrix(n, 1, rng)
		data[j] = dense(mats[j])
		logSum.AddSym(logSum, scaleSym(w[j]/wsum, symFunc(mats[j], math.Log)))
		var ch mat.Cholesky
		ch.Factorize(mats[j])
		var l mat.TriDense
		ch.LTo(&l)
		for a := 0; a < n; a++ {
			for b := 0; b < a; b++ {
				lbar.Set(a, b, lbar.At(a, b)+w[j]/wsum*l.At(a, b))
			}
			lbar.Set(a, a, lbar.At(a, a)+w[j]/wsum*math.Log(l.At(a, a)))
		}
	}
	for a := 0; a < n; a++ {
		lbar.Set(a, a, math.Exp(lbar.At(a, a)))
	}
	wantLE := dense(symFunc(logSum, math.Exp))
	var lc mat.Dense
	lc.Mul(lbar, lbar.T())
	wantLC := lc.RawMatrix().Data

	le, err := optim.LogEuclideanMean(data, n, w)
	if err != nil {
		t.Fatal(err)
	}
	if d := relDiff(le, wantLE); d > 1e-13 {
		t.Errorf("LogEuclideanMean: relative error %.3g", d)
	}
	lcm, err := optim.LogCholeskyMean(data, n, w)
	if err != nil {
		t.Fatal(err)
	}
	if d := relDiff(lcm, wantLC); d > 1e-13 {
		t.Errorf("LogCholeskyMean: relative error %.3g", d)
	}
	for _, c := range []struct {
		metric spd.Metric
		want   []float64
	}{{spd.LogEuclidean, wantLE}, {spd.LogCholesky, wantLC}} {
		res := mustAverage(t, false, spd.New(n, spd.WithMetric(c.metric)), data, w, nil)
		if d := relDiff(res.X, c.want); d > 1e-13 || res.Iterations != 0 {
			t.Errorf("KarcherMean %v: relative error %.3g after %d iterations", c.metric, d, res.Iterations)
		}
	}
}

// The Bures–Wasserstein barycentre: the fixed-point iteration and the
// generic KarcherMean agree, and the result satisfies the barycentre
// equation S = Σ_j w_j (S^{1/2}X_jS^{1/2})^{1/2} (Álvarez-Esteban et al.
// 2016, Thm 4.2), checked with gonum.
func TestBuresWassersteinMean(t *testing.T) {
	rng := rand.New(rand.NewPCG(42, 43))
	n, count := 5, 12
	w := randWeights(rng, count)
	data := make([][]float64, count)
	for j := range data {
		data[j] = dense(spdMatrix(n, 0.7, rng))
	}
	fp, err := optim.BuresWassersteinMean(context.Background(), data, n, w, nil)
	if err != nil || fp.Status != optim.GradientConverged {
		t.Fatalf("%v, %v", fp, err)
	}
	km := mustAverage(t, false, spd.New(n, spd.WithMetric(spd.BuresWasserstein)), data, w, nil)
	if d := relDiff(km.X, fp.X); d > 1e-9 {
		t.Errorf("KarcherMean and BuresWassersteinMean differ by %.3g", d)
	}
	if math.Abs(km.F-fp.F) > 1e-12*fp.F {
		t.Errorf("F: %.15g vs %.15g", km.F, fp.F)
	}
	s := mat.NewSymDense(n, fp.X)
	rs := symFunc(s, math.Sqrt)
	sum := mat.NewSymDense(n, nil)
	for j, x := range data {
		var c mat.Dense
		c.Mul(rs, mat.NewSymDense(n, x))
		c.Mul(&c, rs)
		sum.AddSym(sum, scaleSym(w[j]/floats.Sum(w), symFunc(symmetrize(&c), math.Sqrt)))
	}
	if d := relDiff(dense(sum), fp.X); d > 1e-9 {
		t.Errorf("barycentre equation: relative residual %.3g", d)
	}
	t.Logf("fixed point: %v; Karcher: %v", fp, km)
}

// DraperFlagMean of subspaces of mixed dimensions: column q of the result
// is the q-th eigenvector of P = Σ w_j X_jX_jᵀ (formed explicitly, gonum's
// EigenSym), so each leading block spans the Grassmann mean in its
// dimension.
func TestDraperFlagMean(t *testing.T) {
	rng := rand.New(rand.NewPCG(44, 45))
	n := 12
	dimsOf := []int{1, 2, 3, 4, 2, 3, 1, 5, 2, 3}
	data := make([][]float64, len(dimsOf))
	w := randWeights(rng, len(data))
	c := avgFrame(rng, n, 5)
	p := mat.NewSymDense(n, nil)
	for j, d := range dimsOf {
		// Noisy copies of the leading d columns of c.
		lead := make([]float64, n*d)
		for r := 0; r < n; r++ {
			copy(lead[r*d:(r+1)*d], c[r*5:r*5+d])
		}
		data[j] = avgNoisy(rng, lead, n, d, 0.1)
		p.AddSym(p, scaleSym(w[j]/floats.Sum(w), projector(data[j], n, d, 0, d)))
	}
	dims := []int{1, 2, 4}
	got, err := optim.DraperFlagMean(data, n, dims, w)
	if err != nil {
		t.Fatal(err)
	}
	ref, _ := topEigvecs(p, 4)
	for q := 1; q <= 4; q++ {
		a := make([]float64, n*q)
		b := make([]float64, n*q)
		for r := 0; r < n; r++ {
			copy(a[r*q:(r+1)*q], got[r*4:r*4+q])
			copy(b[r*q:(r+1)*q], ref[r*4:r*4+q])
		}
		if d := subspaceDist(a, b, n, q); d > 1e-10 {
			t.Errorf("leading %d columns: %.3g from the top eigenvectors", q, d)
		}
	}
	for _, bad := range []struct {
		data [][]float64
		dims []int
		want string
	}{
		{[][]float64{data[0], {1, 2, 3}}, dims, "not a positive multiple of n = 12"},
		{data[:2], dims, "needs 4 directions, but the data have 3 columns"},
		{data, []int{3, 2}, "not strictly increasing"},
		{[][]float64{data[0]}, []int{1}, ""},
	} {
		_, err := optim.DraperFlagMean(bad.data, n, bad.dims, nil)
		if bad.want == "" {
			if err != nil {
				t.Errorf("valid input: %v", err)
			}
			continue
		}
		if err == nil || !strings.Contains(err.Error(), bad.want) {
			t.Errorf("error %v, want %q", err, bad.want)
		}
	}
	scaled := append([]float64(nil), data[1]...)
	floats.Scale(1.01, scaled)
	if _, err := optim.GrassmannMean([][]float64{data[4], scaled}, n, 2, nil); err == nil || !strings.Contains(err.Error(), "data[1] is not an orthonormal basis") {
		t.Errorf("GrassmannMean of a non-orthonormal basis: %v", err)
	}
	if _, err := optim.GrassmannMean(data[:1], n, 2, nil); err == nil || !strings.Contains(err.Error(), "len(data[0]) = 12") {
		t.Errorf("GrassmannMean of a basis of the wrong size: %v", err)
	}
}

func TestClosedFormErrors(t *testing.T) {
	ctx := context.Background()
	id := []float64{1, 0, 0, 1}
	notSPD := []float64{1, 2, 2, 1}
	for _, c := range []struct {
		name string
		err  error
		want string
	}{
		{"LE n", func() error { _, err := optim.LogEuclideanMean([][]float64{id}, 0, nil); return err }(), "n = 0"},
		{"LE spd", func() error { _, err := optim.LogEuclideanMean([][]float64{id, notSPD}, 2, nil); return err }(), "data[1] is not a point"},
		{"LC weights", func() error { _, err := optim.LogCholeskyMean([][]float64{id}, 2, []float64{-1}); return err }(), "negative"},
		{"BW empty", func() error { _, err := optim.BuresWassersteinMean(ctx, nil, 2, nil, nil); return err }(), "no data points"},
		{"BW init", func() error {
			_, err := optim.BuresWassersteinMean(ctx, [][]float64{id}, 2, nil, &optim.MeanOptions{Init: notSPD})
			return err
		}(), "Init is not symmetric positive definite"},
		{"geodesic antipodal", func() error {
			_, err := optim.GeodesicPoint(sphere.New(3), []float64{1, 0, 0}, []float64{-1, 0, 0}, 0.5)
			if !errors.Is(err, manifold.ErrCutLocus) {
				return errors.New("not ErrCutLocus")
			}
			return err
		}(), "cut locus"},
		{"geodesic t", func() error {
			_, err := optim.GeodesicPoint(sphere.New(3), []float64{1, 0, 0}, []float64{0, 1, 0}, math.Inf(1))
			return err
		}(), "t = +Inf"},
	} {
		if c.err == nil || !strings.Contains(c.err.Error(), c.want) || !strings.HasPrefix(c.err.Error(), "optim: ") {
			t.Errorf("%s: error %v, want %q", c.name, c.err, c.want)
		}
	}
}
