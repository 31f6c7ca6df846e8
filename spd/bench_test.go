package spd

import (
	"math/rand/v2"
	"strconv"
	"testing"
)

var benchSink float64

// BenchmarkSPD runs every operation of every metric at n = 3, 10 and 100:
// go test -run '^$' -bench . ./spd
func BenchmarkSPD(b *testing.B) {
	metricName := map[Metric]string{AffineInvariant: "ai", LogEuclidean: "le", LogCholesky: "lc", BuresWasserstein: "bw"}
	for _, n := range []int{3, 10, 100} {
		for _, g := range allMetrics {
			rng := rand.New(rand.NewPCG(1, 2))
			m := New(n, WithMetric(g))
			nn := n * n
			p, q, u, v, x, r, dst := make([]float64, nn), make([]float64, nn), make([]float64, nn), make([]float64, nn), make([]float64, nn), make([]float64, nn), make([]float64, nn)
			m.RandomPoint(p, rng)
			m.RandomTangent(u, p, rng)
			m.RandomTangent(v, p, rng)
			s := min(1, 0.5*m.InjectivityRadius(p))
			k := s / m.Norm(p, u)
			for i := range u {
				u[i] *= k
			}
			m.Exp(q, p, u)
			m.Retract(r, p, u)
			for i := range x {
				x[i] = rng.NormFloat64()
			}
			ops := []struct {
				name string
				f    func()
			}{
				{"inner", func() { benchSink = m.Inner(p, u, v) }},
				{"norm", func() { benchSink = m.Norm(p, v) }},
				{"proj", func() { m.Proj(dst, p, x) }},
				{"egradtorgrad", func() { m.EGradToRGrad(dst, p, x) }},
				{"ehesstorhess", func() { m.EHessToRHess(dst, p, x, u, v) }},
				{"exp", func() { m.Exp(dst, p, v) }},
				{"log", func() { _ = m.Log(dst, p, q) }},
				{"dist", func() { benchSink = m.Dist(p, q) }},
				{"retract", func() { m.Retract(dst, p, v) }},
				{"inverseretract", func() { _ = m.InverseRetract(dst, p, r) }},
				{"transport", func() { m.Transport(dst, p, q, v) }},
				{"paralleltransport", func() { m.ParallelTransport(dst, p, q, v) }},
				{"project", func() { m.Project(dst, x) }},
				{"randompoint", func() { m.RandomPoint(dst, rng) }},
				{"randomtangent", func() { m.RandomTangent(dst, p, rng) }},
				{"checkpoint", func() { _ = m.CheckPoint(p) }},
			}
			for _, op := range ops {
				if op.name == "paralleltransport" && g == BuresWasserstein {
					continue
				}
				b.Run("op="+op.name+"/metric="+metricName[g]+"/n="+strconv.Itoa(n), func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						op.f()
					}
				})
			}
		}
	}
}

// BenchmarkSPDIllConditioned runs the affine-invariant Exp, Log and Dist on
// points with condition number cond, where they take the double-double
// path (cond = 1e8, 1e12), next to cond = 1e4 (float64 path), and, as
// path=float64, the float64 path forced on the same data (inaccurate there:
// it measures the slowdown of the extended path):
// go test -run '^$' -bench IllConditioned ./spd
func BenchmarkSPDIllConditioned(b *testing.B) {
	for _, n := range []int{3, 10, 100} {
		for _, cond := range []float64{1e4, 1e8, 1e12} {
			for _, f64 := range []bool{false, true} {
				if f64 && cond < 1e8 {
					continue
				}
				benchIllConditioned(b, n, cond, f64)
			}
		}
	}
}

func benchIllConditioned(b *testing.B, n int, cond float64, f64 bool) {
	rng := rand.New(rand.NewPCG(3, 4))
	m := New(n)
	m.float64Only = f64
	nn := n * n
	p := withSpectrum(rng, logSpectrum(rng, n, cond))
	q := withSpectrum(rng, logSpectrum(rng, n, cond))
	l := make([]float64, nn)
	if !linalgCholesky(l, p, n) {
		b.Fatal("Cholesky failed")
	}
	v := tangentAt(rng, l, n, 2)
	dst := make([]float64, nn)
	for _, op := range []struct {
		name string
		f    func()
	}{
		{"exp", func() { m.Exp(dst, p, v) }},
		{"log", func() { _ = m.Log(dst, p, q) }},
		{"dist", func() { benchSink = m.Dist(p, q) }},
	} {
		name := "op=" + op.name + "/metric=ai/n=" + strconv.Itoa(n) + "/cond=" + strconv.FormatFloat(cond, 'g', -1, 64)
		if f64 {
			name += "/path=float64"
		}
		b.Run(name, func(b *testing.B) {
			b.ReportAllocs()
			for b.Loop() {
				op.f()
			}
		})
	}
}
