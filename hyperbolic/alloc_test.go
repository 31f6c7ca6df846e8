package hyperbolic

import (
	"github.com/geodesic-go/geodesic/internal/linalg"

	"math"
	"math/rand/v2"
	"testing"
)

// TestZeroAllocs checks that the hot methods of every model, the Möbius
// operations and the conversions allocate nothing, including the slow paths
// (far points, saturation).
func TestZeroAllocs(t *testing.T) {
	if raceEnabled {
		t.Skip("allocation counts are unreliable under the race detector")
	}
	rng := rand.New(rand.NewPCG(33, 34))
	for _, n := range []int{2, 10, 100} {
		for _, retr := range []Retraction{Exponential, Projective} {
			for _, m := range allModels(n, WithRetraction(retr)) {
				k := size(m)
				p, q, u, v, dst, far := make([]float64, k), make([]float64, k), make([]float64, k), make([]float64, k), make([]float64, k), make([]float64, k)
				m.RandomPoint(p, rng)
				m.RandomTangent(u, p, rng)
				m.RandomTangent(v, p, rng)
				m.Exp(q, p, u)
				huge := append([]float64{}, v...)
				scaleTo(huge, 1e300/linalg.MaxAbs(v))
				m.Exp(far, p, huge) // saturated: as far as the model goes
				ops := map[string]func(){
					"Inner":             func() { _ = m.Inner(p, u, v) },
					"Norm":              func() { _ = m.Norm(p, v) },
					"Proj":              func() { m.Proj(dst, p, q) },
					"EGradToRGrad":      func() { m.EGradToRGrad(dst, p, q) },
					"EHessToRHess":      func() { m.EHessToRHess(dst, p, q, u, v) },
					"Exp":               func() { m.Exp(dst, p, v) },
					"Exp saturated":     func() { m.Exp(dst, p, huge) },
					"Log":               func() { _ = m.Log(dst, p, q) },
					"Log far":           func() { _ = m.Log(dst, p, far) },
					"Dist":              func() { _ = m.Dist(p, q) },
					"Dist far":          func() { _ = m.Dist(p, far) },
					"Retract":           func() { m.Retract(dst, p, v) },
					"InverseRetract":    func() { _ = m.InverseRetract(dst, p, q) },
					"Transport":         func() { m.Transport(dst, p, q, v) },
					"ParallelTransport": func() { m.ParallelTransport(dst, p, q, v) },
					"ParallelTransport far": func() {
						m.ParallelTransport(dst, p, far, v)
					},
					"Project":      func() { m.Project(dst, q) },
					"CheckPoint":   func() { _ = m.CheckPoint(p) },
					"CheckTangent": func() { _ = m.CheckTangent(p, v) },
					"RandomTangent": func() {
						m.RandomTangent(dst, p, rng)
					},
					"RandomPoint": func() { m.RandomPoint(dst, rng) },
				}
				for name, f := range ops {
					f()
					if a := testing.AllocsPerRun(20, f); a != 0 {
						t.Errorf("%v: %s allocates %.0f times per call", m, name, a)
					}
				}
			}
		}
		b := NewPoincareBall(n)
		x, y, z, dst := make([]float64, n), make([]float64, n), make([]float64, n), make([]float64, n)
		b.RandomPoint(x, rng)
		b.RandomPoint(y, rng)
		b.RandomPoint(z, rng)
		mat := make([]float64, n*n)
		for i := range mat {
			mat[i] = rng.NormFloat64() / math.Sqrt(float64(n))
		}
		pts := append(append(append([]float64{}, x...), y...), z...)
		lx, hx := make([]float64, n+1), make([]float64, n)
		ops := map[string]func(){
			"MobiusAdd":          func() { MobiusAdd(dst, x, y, 1) },
			"MobiusScalarMul":    func() { MobiusScalarMul(dst, 0.7, x, 1) },
			"MobiusMatVec":       func() { MobiusMatVec(dst, mat, n, n, x, 1) },
			"Gyration":           func() { Gyration(dst, x, y, z, 1) },
			"GyroMidpoint":       func() { GyroMidpoint(dst, pts, nil, 1) },
			"BallToLorentz":      func() { BallToLorentz(lx, x, 1) },
			"LorentzToBall":      func() { LorentzToBall(dst, lx, 1) },
			"BallToHalfSpace":    func() { BallToHalfSpace(hx, x, 1) },
			"HalfSpaceToBall":    func() { HalfSpaceToBall(dst, hx, 1) },
			"LorentzToHalfSpace": func() { LorentzToHalfSpace(hx, lx, 1) },
			"HalfSpaceToLorentz": func() { HalfSpaceToLorentz(lx, hx, 1) },
		}
		for name, f := range ops {
			f()
			if a := testing.AllocsPerRun(20, f); a != 0 {
				t.Errorf("n=%d: %s allocates %.0f times per call", n, name, a)
			}
		}
	}
}
