package sphere

import (
	"math"
	"math/rand/v2"

	"gonum.org/v1/gonum/floats"
	"gonum.org/v1/gonum/stat/distuv"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

// RandomPoint writes a point drawn from the uniform (rotation-invariant)
// distribution on the sphere: a standard Gaussian vector normalised
// (Muller 1959).
func (s *Sphere) RandomPoint(dst []float64, rng *rand.Rand) {
	s.check(dst)
	for {
		for i := range dst {
			dst[i] = rng.NormFloat64()
		}
		nrm := linalg.Nrm2(dst)
		if nrm > 0 {
			floats.Scale(1/nrm, dst)
			return
		}
	}
}

// RandomTangent writes a standard Gaussian vector of T_p S: an ambient
// standard Gaussian projected onto T_p S, so E‖v‖² = n − 1.
func (s *Sphere) RandomTangent(dst, p []float64, rng *rand.Rand) {
	s.check(dst, p)
	g := linalg.GetFloats(s.n) // dst may alias p: draw into scratch
	defer linalg.PutFloats(g)
	for i := range *g {
		(*g)[i] = rng.NormFloat64()
	}
	s.Proj(dst, p, *g)
}

// RandomVonMisesFisher writes a sample of the von Mises–Fisher distribution
// with mean direction mu and concentration kappa ≥ 0, whose density on
// S^{n−1} is proportional to exp(κ⟨mu, x⟩). κ = 0 is the uniform
// distribution. It uses Wood's rejection sampler for the component
// w = ⟨mu, x⟩ (Wood 1994, "Simulation of the von Mises Fisher
// distribution"), with b = (n−1)/(2κ + √(4κ² + (n−1)²)) written without
// cancellation and 1 − w formed directly, so that very large κ keeps full
// relative accuracy in the spread around mu. It panics with a manifold.Error
// if kappa is negative or NaN; mu must be a unit vector.
func (s *Sphere) RandomVonMisesFisher(dst, mu []float64, kappa float64, rng *rand.Rand) {
	s.check(dst, mu)
	if !(kappa >= 0) {
		panic(manifold.Error("sphere: von Mises–Fisher concentration must be ≥ 0"))
	}
	if math.IsInf(kappa, 1) {
		copy(dst, mu)
		return
	}
	m := float64(s.n - 1)
	b := m / (2*kappa + math.Sqrt(4*kappa*kappa+m*m))
	x0 := (1 - b) / (1 + b)
	c := kappa*x0 + m*math.Log1p(-x0*x0)
	beta := distuv.Beta{Alpha: m / 2, Beta: m / 2, Src: rng}
	var w, omw float64 // w = ⟨mu, x⟩ and 1 − w
	for {
		z := beta.Rand()
		den := 1 - (1-b)*z
		omw = 2 * b * z / den
		w = 1 - omw
		u := rng.Float64()
		if kappa*w+m*math.Log1p(-x0*w)-c >= math.Log(u) {
			break
		}
	}
	// A uniform direction orthogonal to mu, scaled by √(1 − w²). The
	// projection is applied twice ("twice is enough", Parlett 1980, §6.9) so
	// that the direction is orthogonal to mu to working precision even when
	// the Gaussian draw was nearly parallel to mu.
	tp := linalg.GetFloats(s.n) // dst may alias mu
	defer linalg.PutFloats(tp)
	t := *tp
	var nt float64
	for nt == 0 {
		s.RandomTangent(t, mu, rng)
		s.Proj(t, mu, t)
		nt = linalg.Nrm2(t)
	}
	r := math.Sqrt(omw*(2-omw)) / nt
	for i, mi := range mu {
		dst[i] = w*mi + r*t[i]
	}
}
