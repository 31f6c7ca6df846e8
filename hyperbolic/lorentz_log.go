package hyperbolic

import (
	"github.com/geodesic-go/geodesic/internal/linalg"

	"errors"
	"math"
)

// ErrOverflow is returned (wrapped) by Log and the inverse retractions when
// the tangent vector asked for exists but its coordinates do not fit in
// float64: in the Lorentz model the coordinates of a tangent vector of
// length d at x are up to about √c·x₀·d, which overflows for base points
// near LorentzMaxNorm.
var ErrOverflow = errors.New("hyperbolic: result overflows float64")

// Log writes the logarithm Log_x(y), the tangent vector at x of length
// d = Dist(x, y) pointing along the geodesic towards y. With the points
// x̃ = (α, a), ỹ = (β, b) given by their spatial parts (see Dist) and
// f = ỹ − x̃, whose time coordinate (‖b‖² − ‖a‖²)/(α + β) is formed without
// cancellation,
//
//	Log_x(y) = κ·(f − 2X²·x̃),   X = sinh(√c·d/2),   κ = asinh(X)/(X√(1 + X²)).
//
// This is d·w/‖w‖_L for the tangent part w = ỹ + c⟨x̃, ỹ⟩_L·x̃ = f + c⟨x̃, f⟩_L·x̃
// of ỹ at x̃, with c⟨x̃, f⟩_L = −2X² and ‖w‖_L = (2X/√c)·√(1 + X²) (Nickel &
// Kiela 2018, rewritten so that nearby points lose no digits).
//
// Accuracy: every coordinate within 1e-12·max|Lᵢ| of a high-precision
// reference L for distances from 1e-12 to 700 when x is within 5/√c of the
// origin (measured worst 2.3e-13).
//
// Special cases are:
//
//	Log(x, x) = 0 exactly;
//	Log(x, y) writes NaN entries if an entry of x or y is NaN or infinite;
//	Log returns an error wrapping ErrOverflow, dst unspecified, when a
//	coordinate of the result overflows float64 (only for points near
//	LorentzMaxNorm, see ErrOverflow).
func (l *Lorentz) Log(dst, x, y []float64) error {
	l.check(dst, x, y)
	if !isFinite(x[0]) || !isFinite(y[0]) {
		linalg.FillNaN(dst)
		return nil
	}
	a, b := x[1:], y[1:]
	p := l.pair(a, b, true)
	if p.X.m == 0 {
		clear(dst)
		return nil
	}
	if p.X.m != p.X.m {
		linalg.FillNaN(dst)
		return nil
	}
	k1, r, mu := logCoeffs(p.X)
	alpha, f0 := p.alpha, p.f0
	for i, ai := range a {
		dst[i+1] = (k1*(b[i]-ai))*r - mu*ai
	}
	dst[0] = (k1*f0)*r - mu*alpha
	if !linalg.AllFinite(dst) {
		return errOverflow("Log")
	}
	return nil
}

func errOverflow(op string) error {
	return &wrapErr{"hyperbolic: " + op + ": result overflows float64", ErrOverflow}
}

// wrapErr is an error with its own text that wraps another.
type wrapErr struct {
	msg string
	err error
}

func (e *wrapErr) Error() string { return e.msg }
func (e *wrapErr) Unwrap() error { return e.err }

// logCoeffs returns k1 = asinh(X)/X, r = 1/√(1 + X²) and
// μ = 2·asinh(X)·X/√(1 + X²) for X > 0, without overflow.
func logCoeffs(x xf) (k1, r, mu float64) {
	switch {
	case x.e > -480 && x.e < 480:
		xv := x.float()
		as := math.Asinh(xv)
		s := math.Sqrt(1 + xv*xv)
		return as / xv, 1 / s, 2 * as * (xv / s)
	case x.e <= -480:
		// asinh X = X, √(1 + X²) = 1 to working precision.
		return 1, 1, 2 * x.mul(x).float()
	}
	// X ≥ 2⁴⁷⁹: √(1 + X²) = X to working precision.
	as := x.asinh()
	one := mkxf(1)
	return mkxf(as).quo(x).float(), one.quo(x).float(), 2 * as
}
