package optim_test

import (
	"math/rand/v2"
	"testing"

	"github.com/geodesic-go/geodesic/optim"
	"github.com/geodesic-go/geodesic/sphere"
)

// TestFrechetProblemGradient checks FrechetProblem's gradient −Σ Log_x(yᵢ)
// against its cost by the Taylor slope of CheckGradient (the remainder of
// f(R_x(tv)) − f(x) − t⟨grad, v⟩ must fall like t²).
func TestFrechetProblemGradient(t *testing.T) {
	rng := rand.New(rand.NewPCG(31, 32))
	s := sphere.New(5)
	pts := make([][]float64, 4)
	for i := range pts {
		pts[i] = make([]float64, 5)
		s.RandomPoint(pts[i], rng)
	}
	x := make([]float64, 5)
	s.RandomPoint(x, rng)
	c, err := optim.CheckGradient(s, optim.FrechetProblem(s, pts), x, rng)
	if err != nil {
		t.Fatal(err)
	}
	if c.Verdict != optim.Passed && c.Verdict != optim.Exact {
		t.Errorf("FrechetProblem gradient: %v", c)
	}
}
