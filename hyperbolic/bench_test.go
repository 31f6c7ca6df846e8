package hyperbolic

import (
	"math"
	"math/rand/v2"
	"strconv"
	"testing"
)

var sink float64

// BenchmarkHyperbolic times every method of every model at n = 2, 10, 100
// (op=dist/model=lorentz/n=10), with allocations reported.
func BenchmarkHyperbolic(b *testing.B) {
	for _, n := range []int{2, 10, 100} {
		for _, m := range []struct {
			name string
			m    full
		}{
			{"lorentz", NewLorentz(n)},
			{"ball", NewPoincareBall(n)},
			{"halfspace", NewHalfSpace(n)},
		} {
			rng := rand.New(rand.NewPCG(1, 2))
			mm := m.m
			k := size(mm)
			p, q, u, v, dst := make([]float64, k), make([]float64, k), make([]float64, k), make([]float64, k), make([]float64, k)
			mm.RandomPoint(p, rng)
			mm.RandomTangent(u, p, rng)
			mm.RandomTangent(v, p, rng)
			mm.Exp(q, p, u)
			ops := []struct {
				name string
				f    func()
			}{
				{"inner", func() { sink = mm.Inner(p, u, v) }},
				{"norm", func() { sink = mm.Norm(p, v) }},
				{"proj", func() { mm.Proj(dst, p, q) }},
				{"egradtorgrad", func() { mm.EGradToRGrad(dst, p, q) }},
				{"ehesstorhess", func() { mm.EHessToRHess(dst, p, q, u, v) }},
				{"exp", func() { mm.Exp(dst, p, v) }},
				{"log", func() { _ = mm.Log(dst, p, q) }},
				{"dist", func() { sink = mm.Dist(p, q) }},
				{"retract", func() { mm.Retract(dst, p, v) }},
				{"inverseretract", func() { _ = mm.InverseRetract(dst, p, q) }},
				{"transport", func() { mm.Transport(dst, p, q, v) }},
				{"paralleltransport", func() { mm.ParallelTransport(dst, p, q, v) }},
				{"project", func() { mm.Project(dst, q) }},
				{"checkpoint", func() { _ = mm.CheckPoint(q) }},
				{"randompoint", func() { mm.RandomPoint(dst, rng) }},
				{"randomtangent", func() { mm.RandomTangent(dst, p, rng) }},
			}
			for _, op := range ops {
				b.Run("op="+op.name+"/model="+m.name+"/n="+strconv.Itoa(n), func(b *testing.B) {
					b.ReportAllocs()
					for b.Loop() {
						op.f()
					}
				})
			}
		}
	}
}

// BenchmarkMobius times the gyrovector operations and the conversions.
func BenchmarkMobius(b *testing.B) {
	for _, n := range []int{2, 10, 100} {
		rng := rand.New(rand.NewPCG(3, 4))
		ball := NewPoincareBall(n)
		x, y, z, dst := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
		ball.RandomPoint(x, rng)
		ball.RandomPoint(y, rng)
		ball.RandomPoint(z, rng)
		mat := make([]float64, n*n)
		for i := range mat {
			mat[i] = rng.NormFloat64() / math.Sqrt(float64(n))
		}
		var pts []float64
		for range 8 {
			ball.RandomPoint(z, rng)
			pts = append(pts, z...)
		}
		lx, hx := make([]float64, n+1), make([]float64, n)
		BallToLorentz(lx, x, 1)
		BallToHalfSpace(hx, x, 1)
		ops := []struct {
			name string
			f    func()
		}{
			{"mobiusadd", func() { MobiusAdd(dst, x, y, 1) }},
			{"mobiusscalarmul", func() { MobiusScalarMul(dst, 0.7, x, 1) }},
			{"mobiusmatvec", func() { MobiusMatVec(dst, mat, n, n, x, 1) }},
			{"gyration", func() { Gyration(dst, x, y, z, 1) }},
			{"gyromidpoint/k=8", func() { GyroMidpoint(dst, pts, nil, 1) }},
			{"balltolorentz", func() { BallToLorentz(lx, x, 1) }},
			{"lorentztoball", func() { LorentzToBall(dst, lx, 1) }},
			{"balltohalfspace", func() { BallToHalfSpace(hx, x, 1) }},
			{"halfspacetoball", func() { HalfSpaceToBall(dst, hx, 1) }},
			{"lorentztohalfspace", func() { LorentzToHalfSpace(hx, lx, 1) }},
			{"halfspacetolorentz", func() { HalfSpaceToLorentz(lx, hx, 1) }},
		}
		for _, op := range ops {
			b.Run("op="+op.name+"/n="+strconv.Itoa(n), func(b *testing.B) {
				b.ReportAllocs()
				for b.Loop() {
					op.f()
				}
			})
		}
	}
}
