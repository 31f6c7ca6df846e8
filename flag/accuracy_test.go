package flag_test

import (
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/geodesic-go/geodesic/flag"
	"github.com/geodesic-go/geodesic/grassmann"
	"github.com/geodesic-go/geodesic/internal/testutil"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/stiefel"
)

// accuracyTypes are the flag types of the Log and Dist contracts.
var accuracyTypes = []flagType{
	{3, []int{1, 2}, 0}, {3, []int{1, 2, 3}, 0}, {4, []int{1, 2, 3, 4}, 0}, {5, []int{2, 5}, 0},
	{10, []int{1, 3}, 0}, {6, []int{1, 3, 4}, 0}, {8, []int{2, 4, 6}, 0}, {50, []int{2, 5}, 0},
	{200, []int{3, 6, 10}, 0},
}

// TestLogContract measures the Log and Dist contracts: for Y = Exp_X(v) with
// ‖v‖ ≤ R = LogRadius (0.9·π/2 for both metrics, 0.9·π/√2 for the
// Euclidean metric on complete flags), Log returns nil, Exp_X(Log_X Y) is
// the flag of Y to 1e-12 in chordal distance, and ‖Log_X Y − v‖ ≤
// 1e-10·‖v‖ (the geodesic found is the minimising one, which within the
// injectivity radius is v itself); and |Dist(X, Y) − ‖v‖| ≤ 64ε +
// 1e-12·‖v‖.
func TestLogContract(t *testing.T) {
	fracs := []float64{1e-8, 1e-3, 0.1, 0.3, 0.5, 0.7, 0.9, 1}
	trials := 4
	if testing.Short() {
		trials = 1
	}
	rng := newRand(101)
	for _, met := range []flag.Metric{flag.Canonical, flag.Euclidean} {
		var wEnd, wRel, wDist, wAbs worst
		cases := 0
		for _, ty := range accuracyTypes {
			f := flag.New(ty.n, ty.dims...).With(flag.WithMetric(met))
			rad := f.LogRadius()
			for _, fr := range fracs {
				for range trials {
					cases++
					x := point(f, rng)
					v := tangent(f, x, fr*rad, rng)
					y := make([]float64, len(x))
					f.Exp(y, x, v)
					w := make([]float64, len(x))
					at := fmt.Sprintf("%v ‖v‖ = %.3g·R", f, fr)
					if err := f.Log(w, x, y); err != nil {
						t.Errorf("%s: Log: %v", at, err)
						continue
					}
					if err := f.CheckTangent(x, w); err != nil {
						t.Errorf("%s: Log is not horizontal: %v", at, err)
					}
					// Dist against ‖v‖, the distance within the radius.
					nv := f.Norm(x, v)
					dd := math.Abs(f.Dist(x, y) - nv)
					wAbs.see(dd/eps, at)
					if dd > 64*eps+1e-12*nv {
						t.Errorf("%s: |Dist − ‖v‖| = %.3g", at, dd)
					}
					if nv >= 1e-2 {
						wDist.see(dd/nv, at)
					}
					y2 := make([]float64, len(x))
					f.Exp(y2, x, w)
					e := flagDist(ty.n, ty.dims)(y2, y) / math.Sqrt2
					wEnd.see(e, at)
					if e > 1e-12 {
						t.Errorf("%s: d_c(Exp(Log Y), Y) = %.3g > 1e-12", at, e)
					}
					d := make([]float64, len(x))
					for i := range d {
						d[i] = w[i] - v[i]
					}
					rel := f.Norm(x, d) / f.Norm(x, v)
					tol := 1e-10
					if fr < 1e-6 {
						tol = 1e-5 // the inputs are known to ε absolutely
					} else {
						wRel.see(rel, at)
					}
					if rel > tol {
						t.Errorf("%s: ‖Log(Exp v) − v‖/‖v‖ = %.3g > %g", at, rel, tol)
					}
				}
			}
		}
		t.Logf("%-9v within the radius (%d cases): worst d_c(Exp(Log Y), Y) = %.2g (%s); worst ‖Log(Exp v) − v‖/‖v‖ = %.2g (%s) for ‖v‖ ≥ 1e-3·R",
			met, cases, wEnd.v, wEnd.at, wRel.v, wRel.at)
		t.Logf("%-9v Dist against ‖v‖: worst relative error %.2g for ‖v‖ ≥ 1e-2 (%s); worst absolute error %.2gε (%s)",
			met, wDist.v, wDist.at, wAbs.v, wAbs.at)
	}
}

// TestLogBeyond checks the rest of the contract: beyond the radius (up to
// 3 times it, and for random pairs) every nil return of Log is a
// horizontal vector whose endpoint is the flag of Y (to 1e-12); any error
// wraps manifold.ErrNotConverged (forced here by an iteration limit of 1)
// and leaves dst untouched; and Dist is finite, symmetric, at least the
// distance between the subspaces V_i (a Riemannian submersion onto
// Gr(n, n_i) for the canonical metric) and at most ‖Log‖.
func TestLogBeyond(t *testing.T) {
	rng := newRand(202)
	for _, met := range []flag.Metric{flag.Canonical, flag.Euclidean} {
		var ok, failed int
		var wEnd worst
		for _, ty := range accuracyTypes {
			f := flag.New(ty.n, ty.dims...).With(flag.WithMetric(met))
			for trial := 0; trial < 8; trial++ {
				x := point(f, rng)
				y := point(f, rng)
				if trial%2 == 0 {
					f.Exp(y, x, tangent(f, x, f.LogRadius()*(1+2*rng.Float64()), rng))
				}
				at := fmt.Sprintf("%v trial %d", f, trial)
				w := make([]float64, len(x))
				err := f.Log(w, x, y)
				d := f.Dist(x, y)
				if d2 := f.Dist(y, x); d2 != d || !(d >= 0) || math.IsInf(d, 0) {
					t.Errorf("%s: Dist(x, y) = %v, Dist(y, x) = %v", at, d, d2)
				}
				if err != nil {
					failed++
					if !errors.Is(err, manifold.ErrNotConverged) {
						t.Errorf("%s: Log error %v does not wrap ErrNotConverged", at, err)
					}
					continue
				}
				ok++
				y2 := make([]float64, len(x))
				f.Exp(y2, x, w)
				e := f.ChordalDist(y2, y)
				wEnd.see(e, at)
				if e > 1e-12 {
					t.Errorf("%s: d_c(Exp(Log Y), Y) = %.3g > 1e-12 for a nil error", at, e)
				}
				if err := f.CheckTangent(x, w); err != nil {
					t.Errorf("%s: Log is not horizontal: %v", at, err)
				}
				if nw := f.Norm(x, w); d > nw*(1+1e-12) {
					t.Errorf("%s: Dist = %.17g > ‖Log‖ = %.17g", at, d, nw)
				}
				if met == flag.Canonical {
					for i := 0; i < f.NumBlocks(); i++ {
						lb := subspaceDist(f, x, y, i)
						if d < lb*(1-1e-12) {
							t.Errorf("%s: Dist = %.17g < Grassmann distance of V_%d = %.17g", at, d, i, lb)
						}
					}
				}
			}
			// Forced failure: one iteration cannot converge (unless Y is
			// already aligned, which a random pair is not).
			g := f.With(flag.WithLogMaxIter(1))
			x, y := point(f, rng), point(f, rng)
			w := make([]float64, len(x))
			for i := range w {
				w[i] = 7
			}
			// Types whose alignment alone solves the problem (blocks of
			// size 1 with p = n, or Grassmann-like Fl(p, n; n)) converge.
			if err := g.Log(w, x, y); err != nil {
				if !errors.Is(err, manifold.ErrNotConverged) {
					t.Errorf("%v: forced failure: error %v does not wrap ErrNotConverged", f, err)
				}
				for _, v := range w {
					if v != 7 {
						t.Errorf("%v: forced failure: dst was written", f)
						break
					}
				}
				// A lower bound on the distance for both metrics: the
				// Grassmann distances of the V_i (g_1 ≥ g_½ ≥ their
				// pull-backs).
				var lb float64
				for i := 0; i < f.NumBlocks(); i++ {
					lb = math.Max(lb, subspaceDist(f, x, y, i))
				}
				if d := g.Dist(x, y); !(d >= lb*(1-1e-12)) || math.IsInf(d, 0) {
					t.Errorf("%v: forced failure: Dist bound %v, want finite ≥ the lower bound %v", f, d, lb)
				}
			}
		}
		t.Logf("%-9v beyond the radius: %d verified, %d not converged; worst d_c(Exp(Log Y), Y) = %.2g (%s)", met, ok, failed, wEnd.v, wEnd.at)
	}
}

// subspaceDist returns the Grassmann distance between the i-th subspaces
// of the flags x and y.
func subspaceDist(f *flag.Flag, x, y []float64, i int) float64 {
	n, _ := f.Shape()
	_, hi := f.BlockRange(i)
	a, b := make([]float64, n*hi), make([]float64, n*hi)
	f.Subspace(a, x, i)
	f.Subspace(b, y, i)
	return grassmann.New(n, hi).Dist(a, b)
}

// rotationAngle returns the angle θ ∈ [0, π] of the 3×3 rotation m as
// atan2(‖m − mᵀ‖_F/(2√2), (tr m − 1)/2) (sin θ and cos θ from the skew
// and the trace parts of m = I + sin θ·K + (1 − cos θ)K²), accurate at
// every angle.
func rotationAngle(m []float64) float64 {
	var s float64
	for i := 0; i < 3; i++ {
		for j := 0; j < 3; j++ {
			d := m[i*3+j] - m[j*3+i]
			s += d * d
		}
	}
	return math.Atan2(math.Sqrt(s)/(2*math.Sqrt2), (m[0]+m[4]+m[8]-1)/2)
}

// TestDistRotations checks Dist on Fl(1, 2, 3; 3) and Fl(1, 2; 3) with the
// canonical metric against the closed form min_D θ(R₁ᵀR₂D) over the four
// sign matrices D of determinant +1 (see FromRotation), and with the
// Euclidean metric on Fl(1, 2, 3; 3) against √2 times it, for random pairs
// (up to the diameter) and pairs at angles from 1e-10 to 0.1. The
// relative error must be below 1e-12 for θ ≥ 1e-3; everywhere the absolute
// error must be below 8ε + 1e-12·θ: both Dist and the reference start from
// float64 products R₁ᵀR₂, whose rounding moves the angle by O(ε).
func TestDistRotations(t *testing.T) {
	rng := newRand(303)
	full := flag.New(3, 1, 2, 3)
	part := flag.New(3, 1, 2)
	fullE := full.With(flag.WithMetric(flag.Euclidean))
	signs := [][3]float64{{1, 1, 1}, {1, -1, -1}, {-1, 1, -1}, {-1, -1, 1}}
	var wr, wa worst
	for trial := 0; trial < 300; trial++ {
		r1 := testutil.Haar(rng, 3, false)
		var r2 []float64
		if trial%3 == 0 {
			r2 = testutil.MatMul(r1, haarNear(rng, math.Pow(10, -1-9*rng.Float64())), 3, 3, 3)
		} else {
			r2 = testutil.Haar(rng, 3, false)
		}
		want := math.Inf(1)
		m := testutil.MatMul(transpose(r1, 3, 3), r2, 3, 3, 3)
		// haar may return det −1; the sign matrices D with det(MD) = +1
		// are then the negatives of those listed.
		sd := math.Copysign(1, det(m, 3))
		for _, s := range signs {
			md := append([]float64(nil), m...)
			for i := 0; i < 3; i++ {
				for j := 0; j < 3; j++ {
					md[i*3+j] *= sd * s[j]
				}
			}
			want = math.Min(want, rotationAngle(md))
		}
		x9, y9, x6, y6 := make([]float64, 9), make([]float64, 9), make([]float64, 6), make([]float64, 6)
		flag.FromRotation(x9, r1)
		flag.FromRotation(y9, r2)
		flag.FromRotation(x6, r1)
		flag.FromRotation(y6, r2)
		for _, c := range []struct {
			name      string
			got, want float64
		}{
			{"Fl(1,2,3;3)", full.Dist(x9, y9), want},
			{"Fl(1,2;3)", part.Dist(x6, y6), want},
			{"Fl(1,2,3;3) Euclidean", fullE.Dist(x9, y9), math.Sqrt2 * want},
		} {
			at := fmt.Sprintf("%s θ = %.3g", c.name, want)
			abs := math.Abs(c.got - c.want)
			wa.see(abs, at)
			if abs > 8*eps+1e-12*c.want {
				t.Errorf("trial %d %s: Dist = %.17g, closed form %.17g (abs %.3g)", trial, c.name, c.got, c.want, abs)
			}
			if want >= 1e-3 {
				rel := abs / c.want
				wr.see(rel, at)
				if rel > 1e-12 {
					t.Errorf("trial %d %s: Dist = %.17g, closed form %.17g (rel %.3g)", trial, c.name, c.got, c.want, rel)
				}
			}
		}
	}
	t.Logf("Dist against the rotation-angle closed form: worst relative error %.2g for θ ≥ 1e-3 (%s); worst absolute error %.2g = %.2gε (%s)",
		wr.v, wr.at, wa.v, wa.v/eps, wa.at)
}

const eps = 0x1p-52

// haarNear returns the rotation by angle th about a random axis
// (Rodrigues' formula).
func haarNear(rng interface{ NormFloat64() float64 }, th float64) []float64 {
	a := [3]float64{rng.NormFloat64(), rng.NormFloat64(), rng.NormFloat64()}
	na := math.Sqrt(a[0]*a[0] + a[1]*a[1] + a[2]*a[2])
	for i := range a {
		a[i] /= na
	}
	k := []float64{0, -a[2], a[1], a[2], 0, -a[0], -a[1], a[0], 0}
	k2 := testutil.MatMul(k, k, 3, 3, 3)
	s, h := math.Sin(th), math.Sin(th/2)
	r := make([]float64, 9)
	for i := range r {
		r[i] = s*k[i] + 2*h*h*k2[i]
	}
	r[0]++
	r[4]++
	r[8]++
	return r
}

func transpose(a []float64, r, c int) []float64 {
	t := make([]float64, r*c)
	for i := 0; i < r; i++ {
		for j := 0; j < c; j++ {
			t[j*r+i] = a[i*c+j]
		}
	}
	return t
}

// TestDistGrassmann checks Dist against the Grassmann distance where the
// two coincide by an isometry: a one-block flag Fl(p; n) is Gr(n, p) for
// both metrics, and the two-block complete flag Fl(p, n; n) with the
// canonical metric is Gr(n, p) too (O(n)/(O(p) × O(n − p)) with the same
// normal metric), while with the Euclidean metric its distance is √2 times
// the Grassmann one (‖A‖² counts each off-diagonal block twice). The
// second comparison exercises the iterative Log, which does not know it
// is on a Grassmann manifold.
func TestDistGrassmann(t *testing.T) {
	rng := newRand(404)
	var w worst
	for _, sh := range [][2]int{{3, 1}, {4, 2}, {7, 3}, {30, 4}} {
		n, p := sh[0], sh[1]
		g := grassmann.New(n, p)
		one := flag.New(n, p)
		two := flag.New(n, p, n)
		twoE := two.With(flag.WithMetric(flag.Euclidean))
		for trial := 0; trial < 20; trial++ {
			xf, yf := point(two, rng), point(two, rng)
			if trial%2 == 0 {
				two.Exp(yf, xf, tangent(two, xf, 1.4*rng.Float64(), rng))
			}
			x, y := make([]float64, n*p), make([]float64, n*p)
			two.Subspace(x, xf, 0)
			two.Subspace(y, yf, 0)
			want := g.Dist(x, y)
			if want > 1.5 {
				continue // near the cut locus of Gr (π/2) the comparison is ill-conditioned
			}
			for _, c := range []struct {
				name      string
				got, want float64
			}{
				{"Fl(p;n)", one.Dist(x, y), want},
				{"Fl(p,n;n)", two.Dist(xf, yf), want},
				{"Fl(p,n;n) Euclidean", twoE.Dist(xf, yf), math.Sqrt2 * want},
			} {
				rel := math.Abs(c.got-c.want) / c.want
				w.see(rel, fmt.Sprintf("%s n=%d p=%d d=%.3g", c.name, n, p, want))
				if rel > 1e-12 {
					t.Errorf("%s n=%d p=%d: Dist = %.17g, Grassmann %.17g (rel %.3g)", c.name, n, p, c.got, c.want, rel)
				}
			}
		}
	}
	t.Logf("worst relative difference from the Grassmann distance: %.2g (%s)", w.v, w.at)
}

// TestDistBounds checks Dist against independent bounds for random pairs
// within the radius, canonical metric: the Grassmann distances of the
// subspaces V_i and of the block subspaces span X_i are lower bounds (the
// maps onto Gr are Riemannian submersions), and the Stiefel distance to
// the Procrustes-aligned representative Y·blkdiag(Q_i) is an upper bound
// (its minimising geodesic projects to a curve of no greater length).
func TestDistBounds(t *testing.T) {
	rng := newRand(505)
	for _, ty := range accuracyTypes[:8] {
		f := flag.New(ty.n, ty.dims...)
		n, p := f.Shape()
		st := stiefel.New(n, p, stiefel.WithMetric(stiefel.Canonical))
		for trial := 0; trial < 6; trial++ {
			x := point(f, rng)
			y := make([]float64, n*p)
			f.Exp(y, x, tangent(f, x, f.LogRadius()*rng.Float64(), rng))
			y = rotate(f, y, blockRotation(f, rng))
			d := f.Dist(x, y)
			for i := 0; i < f.NumBlocks(); i++ {
				if lb := subspaceDist(f, x, y, i); d < lb*(1-1e-12) {
					t.Errorf("%v: Dist = %.17g < Grassmann distance of V_%d = %.17g", f, d, i, lb)
				}
				lo, hi := f.BlockRange(i)
				xi, yi := make([]float64, n*(hi-lo)), make([]float64, n*(hi-lo))
				f.CopyBlock(xi, x, i)
				f.CopyBlock(yi, y, i)
				if hi-lo < n {
					if lb := grassmann.New(n, hi-lo).Dist(xi, yi); d < lb*(1-1e-12) {
						t.Errorf("%v: Dist = %.17g < Grassmann distance of block %d = %.17g", f, d, i, lb)
					}
				}
			}
			ya := rotate(f, y, procrustes(f, x, y))
			if p == n && det(testutil.MatMul(transpose(x, n, n), ya, n, n, n), n) < 0 {
				continue // other component of O(n): no Stiefel geodesic
			}
			if ub := st.Dist(x, ya); d > ub*(1+1e-12) {
				t.Errorf("%v: Dist = %.17g > Stiefel distance to the aligned representative %.17g", f, d, ub)
			}
		}
	}
}

// procrustes returns blkdiag(Q_i) with Q_i the orthogonal polar factor of
// Y_iᵀX_i (computed here by Newton's iteration Q ← (Q + Q⁻ᵀ)/2, plain
// loops), which maximises tr(X_iᵀY_iQ_i).
func procrustes(f *flag.Flag, x, y []float64) []float64 {
	n, p := f.Shape()
	q := make([]float64, p*p)
	for b := 0; b < f.NumBlocks(); b++ {
		lo, hi := f.BlockRange(b)
		m := hi - lo
		a := make([]float64, m*m) // Y_iᵀX_i
		for l := 0; l < n; l++ {
			for i := 0; i < m; i++ {
				for j := 0; j < m; j++ {
					a[i*m+j] += y[l*p+lo+i] * x[l*p+lo+j]
				}
			}
		}
		for it := 0; it < 100; it++ {
			inv := invert(a, m)
			for i := 0; i < m; i++ {
				for j := 0; j < m; j++ {
					a[i*m+j] = (a[i*m+j] + inv[j*m+i]) / 2
				}
			}
		}
		for i := 0; i < m; i++ {
			copy(q[(lo+i)*p+lo:(lo+i)*p+hi], a[i*m:(i+1)*m])
		}
	}
	return q
}

// invert returns the inverse of the m×m matrix a by Gauss–Jordan with
// partial pivoting.
func invert(a []float64, m int) []float64 {
	w := make([]float64, m*2*m)
	for i := 0; i < m; i++ {
		copy(w[i*2*m:i*2*m+m], a[i*m:(i+1)*m])
		w[i*2*m+m+i] = 1
	}
	for c := 0; c < m; c++ {
		piv := c
		for i := c + 1; i < m; i++ {
			if math.Abs(w[i*2*m+c]) > math.Abs(w[piv*2*m+c]) {
				piv = i
			}
		}
		for j := 0; j < 2*m; j++ {
			w[c*2*m+j], w[piv*2*m+j] = w[piv*2*m+j], w[c*2*m+j]
		}
		d := w[c*2*m+c]
		for j := 0; j < 2*m; j++ {
			w[c*2*m+j] /= d
		}
		for i := 0; i < m; i++ {
			if i != c {
				e := w[i*2*m+c]
				for j := 0; j < 2*m; j++ {
					w[i*2*m+j] -= e * w[c*2*m+j]
				}
			}
		}
	}
	out := make([]float64, m*m)
	for i := 0; i < m; i++ {
		copy(out[i*m:(i+1)*m], w[i*2*m+m:(i+1)*2*m])
	}
	return out
}

// det returns the determinant of the m×m matrix a by Gaussian elimination.
func det(a []float64, m int) float64 {
	w := append([]float64(nil), a...)
	d := 1.0
	for c := 0; c < m; c++ {
		piv := c
		for i := c + 1; i < m; i++ {
			if math.Abs(w[i*m+c]) > math.Abs(w[piv*m+c]) {
				piv = i
			}
		}
		if piv != c {
			for j := 0; j < m; j++ {
				w[c*m+j], w[piv*m+j] = w[piv*m+j], w[c*m+j]
			}
			d = -d
		}
		d *= w[c*m+c]
		for i := c + 1; i < m; i++ {
			e := w[i*m+c] / w[c*m+c]
			for j := c; j < m; j++ {
				w[i*m+j] -= e * w[c*m+j]
			}
		}
	}
	return d
}

// TestInvariance checks that Dist and ChordalDist do not depend on the
// representatives: replacing X and Y by X·blkdiag(Q_i) and Y·blkdiag(Q'_i)
// (reflections included) changes them by rounding only.
func TestInvariance(t *testing.T) {
	rng := newRand(606)
	var wd, wc worst
	for _, ty := range accuracyTypes {
		for _, met := range []flag.Metric{flag.Canonical, flag.Euclidean} {
			f := flag.New(ty.n, ty.dims...).With(flag.WithMetric(met))
			for trial := 0; trial < 4; trial++ {
				x := point(f, rng)
				y := make([]float64, len(x))
				f.Exp(y, x, tangent(f, x, f.LogRadius()*math.Pow(10, -3*rng.Float64()), rng))
				d, c := f.Dist(x, y), f.ChordalDist(x, y)
				x2 := rotate(f, x, blockRotation(f, rng))
				y2 := rotate(f, y, blockRotation(f, rng))
				at := fmt.Sprintf("%v d = %.3g", f, d)
				for _, pr := range [][2][]float64{{x2, y}, {x, y2}, {x2, y2}} {
					ed := math.Abs(f.Dist(pr[0], pr[1])-d) / d
					ec := math.Abs(f.ChordalDist(pr[0], pr[1])-c) / c
					wd.see(ed, at)
					wc.see(ec, at)
					if ed > 1e-12 || ec > 1e-13 {
						t.Errorf("%s: relative change under block rotations: Dist %.3g, ChordalDist %.3g", at, ed, ec)
					}
				}
			}
		}
	}
	t.Logf("worst relative change under block rotations: Dist %.2g (%s), ChordalDist %.2g (%s)", wd.v, wd.at, wc.v, wc.at)
}
