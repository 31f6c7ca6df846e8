package optim_test

import (
	"context"
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/flag"
	"github.com/geodesic-go/geodesic/optim"
	"github.com/geodesic-go/geodesic/sphere"
)

// The Karcher mean and the geometric median of five points of the unit
// sphere S²: the north pole, three points around it and an outlier on the
// equator. The median is the pole itself.
func ExampleKarcherMean() {
	s := sphere.New(3)
	tilt := func(theta, phi float64) []float64 {
		return []float64{math.Sin(theta) * math.Cos(phi), math.Sin(theta) * math.Sin(phi), math.Cos(theta)}
	}
	data := [][]float64{tilt(0, 0), tilt(0.1, 0), tilt(0.1, 2*math.Pi/3), tilt(0.1, 4*math.Pi/3), tilt(math.Pi/2, 0)}
	mean, err := optim.KarcherMean(context.Background(), s, data, nil, nil)
	if err != nil {
		panic(err)
	}
	median, err := optim.GeometricMedian(context.Background(), s, data, nil, nil)
	if err != nil {
		panic(err)
	}
	north := []float64{0, 0, 1}
	fmt.Printf("mean:   %.3f rad from the pole (%v)\n", s.Dist(mean.X, north), mean.Status)
	fmt.Printf("median: %.3f rad from the pole (%v)\n", s.Dist(median.X, north), median.Status)
	// Output:
	// mean:   0.314 rad from the pole (gradient norm below tolerance)
	// median: 0.000 rad from the pole (gradient norm below tolerance)
}

// The chordal flag mean and median of lines inside planes of R⁴ (the flag
// type (1, 2)): five copies of a flag near e₁ ⊂ span(e₁, e₂) and one
// outlier.
func ExampleFlagMedian() {
	n, dims := 4, []int{1, 2}
	frame := func(a, b float64) []float64 {
		// Columns (cos a, sin a, 0, 0) and (−sin a·cos b, cos a·cos b, sin b, 0).
		return []float64{
			math.Cos(a), -math.Sin(a) * math.Cos(b),
			math.Sin(a), math.Cos(a) * math.Cos(b),
			0, math.Sin(b),
			0, 0,
		}
	}
	data := [][]float64{frame(0.01, 0), frame(-0.01, 0.01), frame(0, -0.01), frame(0.02, 0.02), frame(-0.02, 0), frame(1.2, 1.3)}
	mean, err := optim.FlagMean(context.Background(), data, n, dims, nil, &optim.FlagOptions{OrientSigns: true})
	if err != nil {
		panic(err)
	}
	median, err := optim.FlagMedian(context.Background(), data, n, dims, nil, &optim.FlagOptions{OrientSigns: true})
	if err != nil {
		panic(err)
	}
	fl := flag.New(n, dims...)
	ref := frame(0, 0)
	fmt.Printf("mean:   chordal distance %.4f from e₁ ⊂ span(e₁, e₂), first column %+.3f\n", fl.ChordalDist(mean.X, ref), mean.X[0])
	fmt.Printf("median: chordal distance %.4f from e₁ ⊂ span(e₁, e₂), first column %+.3f\n", fl.ChordalDist(median.X, ref), median.X[0])
	// Output:
	// mean:   chordal distance 0.0641 from e₁ ⊂ span(e₁, e₂), first column +0.999
	// median: chordal distance 0.0019 from e₁ ⊂ span(e₁, e₂), first column +1.000
}
