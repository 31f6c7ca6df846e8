package grassmann_test

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/grassmann"
	"github.com/geodesic-go/geodesic/internal/testutil"
	"github.com/geodesic-go/geodesic/manifold"
)

// polarRef returns the orthonormal polar factor W·Vᵀ of the n×p matrix a
// from gonum's SVD (an independent route: RetractPolar uses an
// eigendecomposition of ΔᵀΔ or the arctan form of the geodesic step).
func polarRef(a []float64, n, p int) []float64 {
	var svd mat.SVD
	if !svd.Factorize(mat.NewDense(n, p, a), mat.SVDThin) {
		panic("SVD failed")
	}
	var w, v, u mat.Dense
	svd.UTo(&w)
	svd.VTo(&v)
	u.Mul(&w, v.T())
	return mat.DenseCopyOf(&u).RawMatrix().Data
}

// qrRef returns qf(a), the orthonormal factor with a positive diagonal of
// R, by Gram–Schmidt with reorthogonalisation ("twice is enough") in plain
// loops — an independent route: RetractQR uses Householder QR (LAPACK
// Dgeqrf/Dorgqr) with a sign fix. The two agree to O(ε·κ(a)).
func qrRef(a []float64, n, p int) []float64 {
	q := append([]float64(nil), a...)
	for j := 0; j < p; j++ {
		for pass := 0; pass < 2; pass++ {
			for k := 0; k < j; k++ {
				var d float64
				for i := 0; i < n; i++ {
					d += q[i*p+k] * q[i*p+j]
				}
				for i := 0; i < n; i++ {
					q[i*p+j] -= d * q[i*p+k]
				}
			}
		}
		var nn float64
		for i := 0; i < n; i++ {
			nn += q[i*p+j] * q[i*p+j]
		}
		nn = math.Sqrt(nn)
		for i := 0; i < n; i++ {
			q[i*p+j] /= nn
		}
	}
	return q
}

// TestRetractions compares RetractPolar with the SVD polar factor of Y + Δ
// and RetractQR with Gram–Schmidt, on both sides of RetractPolar's switch
// from the eigendecomposition (‖Δ‖ ≤ 1) to the SVD form, and checks that
// the two retractions span the same subspace.
func TestRetractions(t *testing.T) {
	rng := rand.New(rand.NewPCG(301, 302))
	var wPolar, wQR, wSpan worst
	for _, sh := range [][2]int{{3, 1}, {3, 2}, {6, 3}, {50, 5}, {300, 12}} {
		n, p := sh[0], sh[1]
		np := n * p
		g := grassmann.New(n, p)
		y, v, r, a := make([]float64, np), make([]float64, np), make([]float64, np), make([]float64, np)
		rq := make([]float64, np)
		for _, norm := range []float64{1e-8, 1e-2, 0.5, 1, 1 + 1e-9, 2, 10, 100} {
			for _, kind := range []string{"random", "rank1"} {
				g.RandomPoint(y, rng)
				tangentOfKind(g, v, y, kind, rng)
				s := norm / testutil.Frob(v)
				for i := range v {
					v[i] *= s
				}
				for i := range a {
					a[i] = y[i] + v[i]
				}
				at := fmt.Sprintf("Gr(%d,%d) ‖Δ‖=%g %s", n, p, norm, kind)
				g.RetractPolar(r, y, v)
				// The polar factor of Y + Δ has condition 1/σ_min(Y + Δ) = 1
				// and Y + Δ is known to ε·‖Y + Δ‖: scale by max(1, ‖Δ‖).
				wPolar.see(testutil.DiffNorm(r, polarRef(a, n, p))/max(1, norm), at)
				g.RetractQR(rq, y, v)
				wQR.see(testutil.DiffNorm(rq, qrRef(a, n, p))/max(1, norm), at)
				wSpan.see(g.ChordalDist(r, rq)/max(1, norm), at)
			}
		}
	}
	t.Logf("RetractPolar vs SVD polar factor: worst %.3g (%s)", wPolar.err, wPolar.at)
	t.Logf("RetractQR vs Gram–Schmidt:        worst %.3g (%s)", wQR.err, wQR.at)
	t.Logf("ChordalDist(polar, QR):           worst %.3g (%s)", wSpan.err, wSpan.at)
	for _, c := range []struct {
		name string
		w    worst
	}{{"RetractPolar", wPolar}, {"RetractQR", wQR}, {"span(polar) = span(QR)", wSpan}} {
		if !(c.w.err <= 1e-13) {
			t.Errorf("%s: error %.3g > 1e-13·max(1, ‖Δ‖) at %s", c.name, c.w.err, c.w.at)
		}
	}
}

// TestRetractHuge checks that both retractions stay orthonormal for ‖Δ‖
// from 1e-300 to 1e300, random and rank-one.
func TestRetractHuge(t *testing.T) {
	rng := rand.New(rand.NewPCG(303, 304))
	const eps = 0x1p-52
	for _, sh := range [][2]int{{3, 2}, {50, 5}} {
		n, p := sh[0], sh[1]
		np := n * p
		g := grassmann.New(n, p)
		y, v, z := make([]float64, np), make([]float64, np), make([]float64, np)
		for e := -300.0; e <= 300; e += 20 {
			for _, kind := range []string{"random", "rank1"} {
				g.RandomPoint(y, rng)
				tangentOfKind(g, v, y, kind, rng)
				s := math.Pow(10, e) / testutil.Frob(v)
				for i := range v {
					v[i] *= s
				}
				for _, r := range []struct {
					name string
					f    func(dst, y, v []float64)
				}{{"RetractPolar", g.RetractPolar}, {"RetractQR", g.RetractQR}} {
					r.f(z, y, v)
					if d := orthDefect(z, n, p); !(d <= 16*eps*math.Sqrt(float64(p))) {
						t.Errorf("Gr(%d,%d) %s ‖Δ‖=1e%g %s: ‖ZᵀZ − I‖_F = %.3g", n, p, r.name, e, kind, d)
					}
				}
			}
		}
	}
}

// TestInverseRetract checks InverseRetractPolar against the known value
// ‖Δ‖_F = ‖tan θ‖₂ (θ the principal angles from the high-precision
// reference), that R_X(Δ) spans span(Y), that the QR and polar inverses
// agree, and the cut locus.
func TestInverseRetract(t *testing.T) {
	rng := rand.New(rand.NewPCG(305, 306))
	var wNorm, wSpan worst
	for _, sh := range [][2]int{{3, 1}, {4, 2}, {10, 3}} {
		n, p := sh[0], sh[1]
		np := n * p
		g := grassmann.New(n, p)
		d, dq, r := make([]float64, np), make([]float64, np), make([]float64, np)
		for _, top := range largestAngles() {
			if top > math.Pi/2-1e-3 {
				continue
			}
			u, y := pairWithAngles(rng, n, p, anglesFor(rng, min(p, n-p), top, "random"))
			want, _ := newRefGeom(u, y, n, p).angles()
			var tn float64
			for _, th := range want {
				tn += math.Tan(th) * math.Tan(th)
			}
			tn = math.Sqrt(tn)
			at := fmt.Sprintf("Gr(%d,%d) θmax=%.3g", n, p, top)
			if err := g.InverseRetractPolar(d, u, y); err != nil {
				t.Fatalf("%s: %v", at, err)
			}
			if err := g.InverseRetractQR(dq, u, y); err != nil {
				t.Fatalf("%s: %v", at, err)
			}
			if testutil.DiffNorm(d, dq) != 0 {
				t.Errorf("%s: InverseRetractQR differs from InverseRetractPolar", at)
			}
			// ‖tan θ‖ has condition ≈ 1/cos θ_max relative to the data.
			wNorm.see(math.Abs(testutil.Frob(d)-tn)/tn*math.Cos(top), at)
			// X + Δ is rounded to ε·‖X + Δ‖, ‖Δ‖ = ‖tan θ‖ up to 1e3 here.
			g.RetractPolar(r, u, d)
			wSpan.see(g.ChordalDist(r, y)/max(1, tn), at)
			g.RetractQR(r, u, d)
			wSpan.see(g.ChordalDist(r, y)/max(1, tn), at)
		}
		// Cut locus: one principal angle of exactly π/2.
		u, y := pairWithAngles(rng, n, p, anglesFor(rng, min(p, n-p), math.Pi/2, "single"))
		for i := range d {
			d[i] = 7
		}
		err := g.InverseRetractPolar(d, u, y)
		if !errors.Is(err, manifold.ErrCutLocus) {
			t.Errorf("Gr(%d,%d): InverseRetractPolar at a right angle returned %v, want ErrCutLocus", n, p, err)
		}
		for _, x := range d {
			if x != 7 {
				t.Fatalf("Gr(%d,%d): InverseRetractPolar wrote dst on error", n, p)
			}
		}
	}
	t.Logf("‖InverseRetractPolar‖ vs ‖tan θ‖: worst relative error·cos θ_max %.3g (%s)", wNorm.err, wNorm.at)
	t.Logf("ChordalDist(R_X(InverseRetract(X, Y)), Y)/max(1, ‖Δ‖): worst %.3g (%s)", wSpan.err, wSpan.at)
	if !(wNorm.err <= 1e-13) {
		t.Errorf("‖InverseRetractPolar‖: relative error·cos θ_max %.3g > 1e-13 at %s", wNorm.err, wNorm.at)
	}
	if !(wSpan.err <= 1e-13) {
		t.Errorf("span(R_X(InverseRetract(X, Y))) ≠ span(Y): chordal distance %.3g·max(1, ‖Δ‖) at %s", wSpan.err, wSpan.at)
	}
}

// TestRetractPolarNoDrift runs a fixed-step Riemannian gradient ascent of
// tr(YᵀAY), A = Q·diag(λ)·Qᵀ with λ evenly spread over [0, 6], step 0.1,
// with the default polar retraction. Proj leaves a rounding-size vertical
// part F = YᵀΔ ≈ −0.2·E·YᵀAY in each step (E = YᵀY − I); had the
// retraction assumed Δ horizontal, as (Y + Δ)(I + ΔᵀΔ)^{-1/2} does, the
// error would evolve as E ← E − 0.4·sym(E·YᵀAY), growing by |1 − 0.4λ| ≈ 1.4
// per step near the top eigenspace (it reached 0.2 within 120 steps). The
// retraction must return an orthonormal basis whatever Δ's vertical part.
func TestRetractPolarNoDrift(t *testing.T) {
	rng := rand.New(rand.NewPCG(21, 22))
	const n, p = 30, 4
	g := grassmann.New(n, p)
	q := make([]float64, n*(n-1)) // orthonormal columns q_k
	grassmann.New(n, n-1).RandomPoint(q, rng)
	a := make([]float64, n*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			var s float64
			for k := 0; k < n-1; k++ {
				s += q[i*(n-1)+k] * (6 * float64(k) / float64(n-2)) * q[j*(n-1)+k]
			}
			a[i*n+j] = s
		}
	}
	y := make([]float64, n*p)
	step := make([]float64, n*p)
	g.RandomPoint(y, rng)
	var worst float64
	for it := 0; it < 300; it++ {
		// The Euclidean gradient of tr(YᵀAY) is 2AY; ascend with step 0.1.
		for i := 0; i < n; i++ {
			for j := 0; j < p; j++ {
				var s float64
				for k := 0; k < n; k++ {
					s += a[i*n+k] * y[k*p+j]
				}
				step[i*p+j] = 0.2 * s
			}
		}
		g.EGradToRGrad(step, y, step)
		g.Retract(y, y, step)
		for i := 0; i < p; i++ {
			for j := 0; j < p; j++ {
				var s float64
				for k := 0; k < n; k++ {
					s += y[k*p+i] * y[k*p+j]
				}
				if i == j {
					s--
				}
				worst = math.Max(worst, math.Abs(s))
			}
		}
	}
	if worst > 1e-13 {
		t.Errorf("along 300 polar-retraction steps ‖YᵀY − I‖_max reached %.3g", worst)
	}
}
