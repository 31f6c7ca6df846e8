package linalg

import "github.com/geodesic-go/geodesic/manifold"

const errAndersonDim = manifold.Error("linalg: Anderson: dimension exceeds the capacity")

// Anderson is the state of Anderson acceleration (Anderson, "Iterative
// procedures for nonlinear integral equations", J. ACM 12, 1965; Walker &
// Ni, "Anderson acceleration for fixed-point iterations", SIAM J. Numer.
// Anal. 49, 2011) of a fixed-point iteration x ← G(x) in R^dim, written
// with the residual f(x) = G(x) − x. Each Step records the differences
// Δxⱼ = x − x_prev and Δfⱼ = f − f_prev of consecutive iterates in a ring of
// at most m = min(depth, dim) columns, solves the least-squares problem
//
//	γ = argmin ‖f − ΔF·γ‖₂
//
// and moves to x + f − (ΔX + ΔF)·γ, the mixing-parameter-1 ("undamped")
// form of Walker & Ni. The least-squares problem is solved through its
// normal equations (ΔFᵀΔF + 10⁻¹²·tr(ΔFᵀΔF)·I)·γ = ΔFᵀf, the small relative
// ridge keeping them solvable when the differences are nearly dependent, by
// CholeskyInPlace and two triangular substitutions, all in plain float64
// with sums accumulated in a fixed order, so the iterates are reproducible
// bit for bit. When the history is empty or the normal equations are
// numerically singular (a non-positive pivot, a zero trace or a non-finite
// γ) the step is the plain fixed-point step x + f.
//
// The zero value is not usable: get one from NewAnderson, then Reset it
// before each iteration. An Anderson holds slices of the caller's
// workspace and allocates nothing.
type Anderson struct {
	maxDim, depth  int       // capacity
	dim, m         int       // current dimension and depth min(depth, dim)
	hist, head     int       // columns read by the solve; next column written
	havePrev       bool      // xPrev, fPrev hold the previous iterate
	xPrev, fPrev   []float64 // maxDim
	dX, dF         []float64 // m columns of dim entries each, column-major
	gram, rhs, gam []float64 // the normal equations
}

// AndersonWorkSize returns the number of elements NewAnderson takes from
// its arena for dimensions up to dim and the given depth.
func AndersonWorkSize(dim, depth int) int {
	m := min(depth, dim)
	return 2*dim + 2*m*dim + m*m + 2*m
}

// NewAnderson returns an Anderson state for problems of dimension up to
// dim (≥ 0) combining up to depth (≥ 0) previous iterates, with its
// workspace, AndersonWorkSize(dim, depth) elements, taken from ar. It is
// Reset to dimension dim.
func NewAnderson(ar *Arena, dim, depth int) Anderson {
	if dim < 0 || depth < 0 {
		panic(errNegDim)
	}
	m := min(depth, dim)
	a := Anderson{maxDim: dim, depth: depth}
	a.xPrev = ar.Take(dim)
	a.fPrev = ar.Take(dim)
	a.dX = ar.Take(m * dim)
	a.dF = ar.Take(m * dim)
	a.gram = ar.Take(m * m)
	a.rhs = ar.Take(m)
	a.gam = ar.Take(m)
	a.Reset(dim)
	return a
}

// Reset starts a new iteration in dimension dim (at most the dimension
// given to NewAnderson) with an empty history and depth min(depth, dim).
func (a *Anderson) Reset(dim int) {
	if dim < 0 || dim > a.maxDim {
		panic(errAndersonDim)
	}
	a.dim, a.m = dim, min(a.depth, dim)
	a.hist, a.head = 0, 0
	a.havePrev = false
}

// Restart forgets the previous iterate and the whole history (the ring
// position included), keeping the dimension: the next Step takes the plain
// step and later ones use only differences recorded after the restart.
func (a *Anderson) Restart() {
	a.hist, a.head = 0, 0
	a.havePrev = false
}

// Step advances the iterate x (length dim, updated in place) given its
// residual f = G(x) − x (length dim, not modified): it records the
// differences to the previous iterate, then writes the accelerated
// iterate x + f − (ΔX + ΔF)·γ, or x + f when there is no usable history.
// It reports whether the step was accelerated.
func (a *Anderson) Step(x, f []float64) bool {
	dim, m := a.dim, a.m
	checkLen(x, dim)
	checkLen(f, dim)
	if a.havePrev && m > 0 {
		col := a.head
		for i := range dim {
			a.dX[col*dim+i] = x[i] - a.xPrev[i]
			a.dF[col*dim+i] = f[i] - a.fPrev[i]
		}
		a.head = (a.head + 1) % m
		a.hist = min(a.hist+1, m)
	}
	copy(a.xPrev[:dim], x)
	copy(a.fPrev[:dim], f)
	a.havePrev = true
	h := a.hist
	if h == 0 || !andersonSolve(a.gam[:h], a.gram[:h*h], a.rhs[:h], a.dF[:m*dim], f, dim, h) {
		for i := range dim {
			x[i] += f[i]
		}
		return false
	}
	// x ← x + f − (ΔX + ΔF)·γ.
	for i := range dim {
		t := x[i] + f[i]
		for j := range h {
			t -= (a.dX[j*dim+i] + a.dF[j*dim+i]) * a.gam[j]
		}
		x[i] = t
	}
	return true
}

// andersonSolve solves the Anderson least-squares problem
// min_γ ‖f − ΔF·γ‖ (the columns of ΔF stored as the first m runs of dim
// entries of dF) through its normal equations with the relative ridge
// 10⁻¹²·tr, by CholeskyInPlace. It reports false if the system is
// numerically singular or γ is not finite.
func andersonSolve(gam, gram, rhs, dF, f []float64, dim, m int) bool {
	var tr float64
	for i := range m {
		fi := dF[i*dim : (i+1)*dim]
		for j := 0; j <= i; j++ {
			fj := dF[j*dim : (j+1)*dim]
			var s float64
			for t := range dim {
				s += fi[t] * fj[t]
			}
			gram[i*m+j] = s
			gram[j*m+i] = s
		}
		var s float64
		for t := range dim {
			s += fi[t] * f[t]
		}
		rhs[i] = s
		tr += gram[i*m+i]
	}
	if !(tr > 0) {
		return false
	}
	for i := range m {
		gram[i*m+i] += 1e-12 * tr
	}
	if !CholeskyInPlace(gram, m) { // gram = LLᵀ, L in the lower triangle
		return false
	}
	for i := range m {
		s := rhs[i]
		for t := range i {
			s -= gram[i*m+t] * gam[t]
		}
		gam[i] = s / gram[i*m+i]
	}
	for i := m - 1; i >= 0; i-- {
		s := gam[i]
		for t := i + 1; t < m; t++ {
			s -= gram[t*m+i] * gam[t]
		}
		gam[i] = s / gram[i*m+i]
	}
	return AllFinite(gam)
}
