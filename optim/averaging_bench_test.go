package optim_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/optim"
	"github.com/geodesic-go/geodesic/spd"
	"github.com/geodesic-go/geodesic/sphere"
)

// BenchmarkFlagAverage times FlagMean and FlagMedian on Fl(1, 3; n) with
// N = 100 points: 90 inliers qf(C + σZ), σ = 0.3/√n (a perturbation of
// about 0.3 whatever n), and 10 uniform outliers.
func BenchmarkFlagAverage(b *testing.B) {
	dims := []int{1, 3}
	for _, op := range []string{"flagmean", "flagmedian"} {
		for _, n := range []int{10, 100, 10000} {
			b.Run(fmt.Sprintf("op=%s/n=%d/N=100", op, n), func(b *testing.B) {
				rng := rand.New(rand.NewPCG(60, 61))
				_, data := flagCloud(rng, n, dims, 100, 10, 0.3/math.Sqrt(float64(n)))
				fn := optim.FlagMean
				if op == "flagmedian" {
					fn = optim.FlagMedian
				}
				b.ReportAllocs()
				var res *optim.Result
				for b.Loop() {
					var err error
					res, err = fn(context.Background(), data, n, dims, nil, nil)
					if err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(res.Iterations), "iters/op")
				b.ReportMetric(float64(res.HessEvals), "Hv/op")
			})
		}
	}
}

// BenchmarkKarcherMean times KarcherMean and GeometricMedian of 1000 SPD
// 10×10 matrices (affine-invariant metric) and, as the tiny size, of 100
// points of S².
func BenchmarkKarcherMean(b *testing.B) {
	cases := []struct {
		label string
		m     manifold.Manifold
		count int
		scale float64
	}{
		{"sphere/n=3/N=100", sphere.New(3), 100, 1},
		{"spd/n=10/N=1000", spd.New(10), 1000, 1.5},
	}
	for _, op := range []string{"karcher", "median"} {
		for _, c := range cases {
			b.Run(fmt.Sprintf("op=%s/%s", op, c.label), func(b *testing.B) {
				rng := rand.New(rand.NewPCG(62, 63))
				r, cols := c.m.Shape()
				centre := make([]float64, r*cols)
				c.m.RandomPoint(centre, rng)
				data := make([][]float64, c.count)
				for j := range data {
					data[j] = expAt(c.m, centre, unitTangent(c.m, centre, rng), c.scale*rng.Float64())
				}
				fn := optim.KarcherMean
				if op == "median" {
					fn = optim.GeometricMedian
				}
				b.ReportAllocs()
				var res *optim.Result
				for b.Loop() {
					var err error
					res, err = fn(context.Background(), c.m, data, nil, nil)
					if err != nil {
						b.Fatal(err)
					}
				}
				b.ReportMetric(float64(res.Iterations), "iters/op")
			})
		}
	}
}
