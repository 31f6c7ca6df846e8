package embed

import (
	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/hyperbolic"
	"github.com/geodesic-go/geodesic/manifold"
)

// Embedding is a set of named points of hyperbolic space of curvature −c.
//
// Coords holds Len() rows of Width() coordinates, row i the point of node
// Names[i], in the coordinates of package hyperbolic: for PoincareBall a
// point of the ball of radius 1/√c (Width = Dim); for Lorentz a point
// (x₀, x₁, …, x_n) of the hyperboloid ⟨x, x⟩_L = −1/c, time first
// (Width = Dim + 1), of which the spatial part x_{1:} is the coordinate of
// record (x₀ = √(1/c + ‖x_{1:}‖²) is implied, as in package hyperbolic).
type Embedding struct {
	Model     Model
	Curvature float64 // c; 0 is read as 1
	Dim       int     // n, the dimension of the hyperbolic space
	Names     []string
	Coords    []float64
}

// Len returns the number of points, len(Coords)/Width().
func (e *Embedding) Len() int { return len(e.Coords) / e.Width() }

// Width returns the number of coordinates of a point: Dim for the ball,
// Dim+1 for the hyperboloid.
func (e *Embedding) Width() int {
	if e.Model == Lorentz {
		return e.Dim + 1
	}
	return e.Dim
}

// Point returns row i of Coords (not a copy).
func (e *Embedding) Point(i int) []float64 {
	w := e.Width()
	return e.Coords[i*w : (i+1)*w]
}

func (e *Embedding) curvature() float64 {
	if e.Curvature == 0 {
		return 1
	}
	return e.Curvature
}

// Manifold returns the model as a manifold of package hyperbolic: a
// *hyperbolic.PoincareBall or a *hyperbolic.Lorentz of dimension Dim and
// curvature −c.
func (e *Embedding) Manifold() manifold.Manifold {
	c := hyperbolic.WithCurvature(e.curvature())
	if e.Model == Lorentz {
		return hyperbolic.NewLorentz(e.Dim, c)
	}
	return hyperbolic.NewPoincareBall(e.Dim, c)
}

// Dist returns the hyperbolic distance between points i and j, computed by
// package hyperbolic.
func (e *Embedding) Dist(i, j int) float64 {
	return e.Manifold().Dist(e.Point(i), e.Point(j))
}

// Validate checks the shape of the embedding (Dim ≥ 1, a valid curvature,
// len(Coords) a multiple of Width(), len(Names) = Len() unless Names is nil)
// and that every point is finite and, for the ball, strictly inside it.
func (e *Embedding) Validate() error {
	if e.Model != PoincareBall && e.Model != Lorentz {
		return fmt.Errorf("embed: unknown model %v", e.Model)
	}
	if e.Dim < 1 {
		return fmt.Errorf("embed: embedding dimension %d, want ≥ 1", e.Dim)
	}
	c := e.curvature()
	if !(c >= hyperbolic.MinCurvature && c <= hyperbolic.MaxCurvature) {
		return fmt.Errorf("embed: embedding curvature %v out of range", e.Curvature)
	}
	w := e.Width()
	if len(e.Coords)%w != 0 {
		return fmt.Errorf("embed: %d coordinates is not a multiple of the width %d", len(e.Coords), w)
	}
	if e.Names != nil && len(e.Names) != e.Len() {
		return fmt.Errorf("embed: %d names for %d points", len(e.Names), e.Len())
	}
	for i := 0; i < e.Len(); i++ {
		p := e.Point(i)
		var ss float64
		for _, x := range p {
			if math.IsNaN(x) || math.IsInf(x, 0) {
				return fmt.Errorf("embed: point %d has a non-finite coordinate", i)
			}
		}
		if e.Model == PoincareBall {
			for _, x := range p {
				ss += x * x
			}
			if !(c*ss < 1) {
				return fmt.Errorf("embed: point %d is not inside the ball (c‖x‖² = %v)", i, c*ss)
			}
		}
	}
	return nil
}

// BallCoords returns the points in the Poincaré ball of radius 1/√c, Len()
// rows of Dim coordinates: a copy of Coords for the ball, the image under
// hyperbolic.LorentzToBall for the hyperboloid. For Dim = 2 this is what a
// Poincaré-disk plot draws.
func (e *Embedding) BallCoords() []float64 {
	n := e.Dim
	out := make([]float64, e.Len()*n)
	if e.Model == PoincareBall {
		copy(out, e.Coords)
		return out
	}
	c := e.curvature()
	for i := 0; i < e.Len(); i++ {
		hyperbolic.LorentzToBall(out[i*n:(i+1)*n], e.Point(i), c)
	}
	return out
}

// unitBall returns the points in the unit ball (coordinates scaled by √c),
// N rows of Dim, and their gaps 1 − ‖y‖²: for the hyperboloid formed as
// y = a/(1 + a₀), 1 − ‖y‖² = 2/(1 + a₀) with a = √c·x_{1:} and
// a₀ = √(1 + ‖a‖²), which keeps the gap accurate however far out.
func (e *Embedding) unitBall() (y, gap []float64) {
	n := e.Dim
	N := e.Len()
	y = make([]float64, N*n)
	gap = make([]float64, N)
	s := math.Sqrt(e.curvature())
	for i := 0; i < N; i++ {
		p := e.Point(i)
		yi := y[i*n : (i+1)*n]
		var ss float64
		if e.Model == PoincareBall {
			for j, x := range p {
				yi[j] = s * x
				ss += yi[j] * yi[j]
			}
			gap[i] = 1 - ss
			continue
		}
		for j, x := range p[1:] {
			a := s * x
			yi[j] = a
			ss += a * a
		}
		a0 := math.Sqrt(1 + ss)
		for j := range yi {
			yi[j] /= 1 + a0
		}
		gap[i] = 2 / (1 + a0)
	}
	return y, gap
}
