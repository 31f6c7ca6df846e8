package flag_test

import (
	"fmt"
	"math"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/flag"
	"github.com/geodesic-go/geodesic/grassmann"
)

// chordalTypes are the flag types of the ChordalDist tests (n ≥ 2p, for
// pairWithAngles).
var chordalTypes = []flagType{
	{2, []int{1}, 0}, {4, []int{1, 2}, 0}, {6, []int{1, 2, 3}, 0}, {6, []int{1, 3}, 0},
	{10, []int{2, 5}, 0}, {50, []int{2, 5}, 0}, {200, []int{3, 6, 10}, 0},
}

// TestChordalBig compares ChordalDist with the 300-bit reference of
// bigref_test.go, for pairs with prescribed block principal angles (the
// largest from 1e-10 to π/2, the others a random fraction of it, some
// zero), pairs Exp_X(v) with ‖v‖ from 1e-10 to 1, and random pairs. The
// contract: relative error ≤ 1e-12 for d_c ≥ 1e-10.
func TestChordalBig(t *testing.T) {
	rng := newRand(707)
	tops := []float64{1e-10, 1e-8, 1e-6, 1e-4, 1e-2, 0.3, 1, math.Pi/2 - 1e-3, math.Pi / 2}
	var w worst
	cases := 0
	check := func(f *flag.Flag, ty flagType, x, y []float64, what string) {
		cases++
		got := f.ChordalDist(x, y)
		want := refChordal(x, y, ty.n, ty.dims)
		rel := math.Abs(got-want) / want
		at := fmt.Sprintf("%v %s d_c = %.3g", f, what, want)
		if want >= 1e-10 {
			w.see(rel, at)
			if rel > 1e-12 {
				t.Errorf("%s: ChordalDist = %.17g, reference %.17g (rel %.3g)", at, got, want, rel)
			}
		}
	}
	for _, ty := range chordalTypes {
		f := flag.New(ty.n, ty.dims...)
		_, p := f.Shape()
		reps := 2
		if ty.n > 100 {
			reps = 1
		}
		for _, top := range tops {
			for range reps {
				th := make([]float64, p)
				for j := range th {
					switch rng.IntN(4) {
					case 0:
						th[j] = 0
					case 1:
						th[j] = top
					default:
						th[j] = top * rng.Float64()
					}
				}
				th[rng.IntN(p)] = top
				x, y := pairWithAngles(rng, f, th)
				check(f, ty, x, y, fmt.Sprintf("angles ≤ %.3g", top))
			}
		}
		for _, d := range []float64{1e-10, 1e-7, 1e-4, 1e-1, 1} {
			x := point(f, rng)
			y := make([]float64, len(x))
			f.Exp(y, x, tangent(f, x, d, rng))
			check(f, ty, x, y, fmt.Sprintf("Exp ‖v‖ = %.3g", d))
		}
		check(f, ty, point(f, rng), point(f, rng), "random")
	}
	t.Logf("ChordalDist against the 300-bit reference (%d cases): worst relative error %.2g (%s)", cases, w.v, w.at)
}

// TestChordalProjectors compares ChordalDist with the projector formula
// (½ Σ_i ‖X_iX_iᵀ − Y_iY_iᵀ‖²_F)^{1/2}, evaluated with gonum's dense
// products, for moderate distances (d_c ≥ 0.05, where the formula loses
// no more than a few digits to cancellation), and with the Grassmann
// chordal distance for one-block flags.
func TestChordalProjectors(t *testing.T) {
	rng := newRand(808)
	var w, wg worst
	for _, ty := range chordalTypes[:6] {
		f := flag.New(ty.n, ty.dims...)
		n, p := f.Shape()
		for trial := 0; trial < 10; trial++ {
			x := point(f, rng)
			y := point(f, rng)
			if trial%2 == 0 {
				f.Exp(y, x, tangent(f, x, 0.05+rng.Float64(), rng))
			}
			var ss float64
			for i := 0; i < f.NumBlocks(); i++ {
				lo, hi := f.BlockRange(i)
				m := hi - lo
				xi, yi := make([]float64, n*m), make([]float64, n*m)
				f.CopyBlock(xi, x, i)
				f.CopyBlock(yi, y, i)
				xm, ym := mat.NewDense(n, m, xi), mat.NewDense(n, m, yi)
				var px, py mat.Dense
				px.Mul(xm, xm.T())
				py.Mul(ym, ym.T())
				px.Sub(&px, &py)
				nf := mat.Norm(&px, 2)
				ss += nf * nf / 2
			}
			want := math.Sqrt(ss)
			if want < 0.05 {
				continue
			}
			got := f.ChordalDist(x, y)
			rel := math.Abs(got-want) / want
			at := fmt.Sprintf("%v d_c = %.3g", f, want)
			w.see(rel, at)
			if rel > 1e-12 {
				t.Errorf("%s: ChordalDist = %.17g, projector formula %.17g (rel %.3g)", at, got, want, rel)
			}
			if f.NumBlocks() == 1 {
				gd := grassmann.New(n, p).ChordalDist(x, y)
				e := math.Abs(got-gd) / gd
				wg.see(e, at)
				if e > 1e-13 {
					t.Errorf("%s: ChordalDist = %.17g, grassmann %.17g", at, got, gd)
				}
			}
		}
	}
	t.Logf("ChordalDist against the projector formula: worst relative difference %.2g (%s); against grassmann (one block) %.2g", w.v, w.at, wg.v)
}
