package flag_test

import (
	"strconv"
	"strings"
	"testing"

	"github.com/geodesic-go/geodesic/flag"
	"github.com/geodesic-go/geodesic/internal/testutil"
)

var benchSink float64

// BenchmarkFlag times every operation at Fl(1, 2; 3) (3×2), Fl(2, 5; 50)
// (50×5) and Fl(3, 6, 10; 1000) (1000×10), with the canonical metric, and
// Log and Dist also with the Euclidean metric. "near" variants use a
// target at distance 1e-6 (ChordalDist then takes the doubled-precision
// residual); the far target is at distance 0.7.
func BenchmarkFlag(b *testing.B) {
	for _, ty := range []flagType{{3, []int{1, 2}, 0}, {50, []int{2, 5}, 0}, {1000, []int{3, 6, 10}, 0}} {
		tyName := make([]string, len(ty.dims))
		for i, d := range ty.dims {
			tyName[i] = strconv.Itoa(d)
		}
		suffix := "/n=" + strconv.Itoa(ty.n) + "/type=" + strings.Join(tyName, ",")
		for _, met := range []flag.Metric{flag.Canonical, flag.Euclidean} {
			rng := newRand(1)
			f := flag.New(ty.n, ty.dims...).With(flag.WithMetric(met))
			x := point(f, rng)
			u, v := tangent(f, x, 0.7, rng), tangent(f, x, 0.3, rng)
			far, near := make([]float64, len(x)), make([]float64, len(x))
			f.Exp(far, x, u)
			f.Exp(near, x, testutil.Scaled(1e-6/0.7, u))
			amb := make([]float64, len(x))
			for i := range amb {
				amb[i] = rng.NormFloat64()
			}
			dst := make([]float64, len(x))
			ops := []struct {
				name string
				fn   func()
			}{
				{"log", func() { _ = f.Log(dst, x, far) }},
				{"log-near", func() { _ = f.Log(dst, x, near) }},
				{"dist", func() { benchSink = f.Dist(x, far) }},
			}
			if met == flag.Canonical {
				ops = append(ops, []struct {
					name string
					fn   func()
				}{
					{"inner", func() { benchSink = f.Inner(x, u, v) }},
					{"norm", func() { benchSink = f.Norm(x, v) }},
					{"proj", func() { f.Proj(dst, x, amb) }},
					{"egradtorgrad", func() { f.EGradToRGrad(dst, x, amb) }},
					{"ehesstorhess", func() { f.EHessToRHess(dst, x, amb, amb, v) }},
					{"exp", func() { f.Exp(dst, x, v) }},
					{"chordaldist", func() { benchSink = f.ChordalDist(x, far) }},
					{"chordaldist-near", func() { benchSink = f.ChordalDist(x, near) }},
					{"retractpolar", func() { f.RetractPolar(dst, x, v) }},
					{"retractqr", func() { f.RetractQR(dst, x, v) }},
					{"transport", func() { f.Transport(dst, x, far, v) }},
					{"project", func() { f.Project(dst, amb) }},
					{"randompoint", func() { f.RandomPoint(dst, rng) }},
					{"randomtangent", func() { f.RandomTangent(dst, x, rng) }},
					{"checkpoint", func() { _ = f.CheckPoint(x) }},
					{"checktangent", func() { _ = f.CheckTangent(x, v) }},
				}...)
			}
			for _, op := range ops {
				name := "op=" + op.name + suffix
				if met != flag.Canonical {
					name += "/metric=" + met.String()
				}
				b.Run(name, func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						op.fn()
					}
				})
			}
		}
	}
}
