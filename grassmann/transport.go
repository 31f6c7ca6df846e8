package grassmann

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// Transport writes the configured vector transport of Δ ∈ T_X to T_Y
// (Projection unless WithTransport says otherwise).
func (g *Grassmann) Transport(dst, x, y, v []float64) {
	if g.transp == Parallel {
		g.ParallelTransport(dst, x, y, v)
		return
	}
	g.TransportProjection(dst, x, y, v)
}

// TransportProjection writes (I − YYᵀ)Δ, the projection of Δ onto the
// horizontal space at the representative Y (Absil, Mahony & Sepulchre 2008,
// §8.1.3). It is a vector transport, not an isometry, and costs two n×p·p×p
// products.
func (g *Grassmann) TransportProjection(dst, x, y, v []float64) {
	g.check(x)
	g.Proj(dst, y, v)
}

// ParallelTransport writes the parallel transport of the horizontal Δ at X
// along the minimising geodesic from span(X) to span(Y), as a horizontal
// lift at the given representative Y.
//
// With Log_X(Y) = Û·Θ·V̂ᵀ computed as in Log, the geodesic ends at the
// representative Y* = Y·W (W orthogonal p×p), where the transported vector
// is (Edelman, Arias & Smith 1998, eq. 2.68, at t = 1)
//
//	Δ* = −X·V̂·sin Θ·ÛᵀΔ + Û·cos Θ·ÛᵀΔ + (I − ÛÛᵀ)Δ,
//
// and the horizontal lift of the same tangent vector at Y = Y*·Wᵀ is
// Δ*·Wᵀ (horizontal lifts at YO and Y are related by right multiplication
// with O; Absil, Mahony & Sepulchre 2004, §3). It is computed as
// Δ·Wᵀ − X·(V̂ sin Θ ÛᵀΔ Wᵀ) + Û·((cos Θ − I) ÛᵀΔ Wᵀ), with
// cos θ − 1 = −2 sin²(θ/2), without n×n matrices. It is an isometry from
// T_X onto T_Y, maps Log_X(Y) to −Log_Y(X), and agrees with an RK4
// integration of the transport equation Δ̇ + Y(ẎᵀΔ) = 0 to 1e-12 (see the
// package documentation).
//
// Special cases are:
//
//	ParallelTransport(X, X, Δ) = Δ exactly when X and Y hold equal values;
//	on Gr(n, n) the result is 0;
//	if span(Y) is in the cut locus of span(X) to working precision (see
//	CutLocusTolerance) the minimising geodesic is not unique and the result
//	is TransportProjection(X, Y, Δ) instead (as it is in the never observed
//	event that an SVD fails to converge);
//	a NaN entry gives NaN.
func (g *Grassmann) ParallelTransport(dst, x, y, v []float64) {
	g.check(dst, x, y, v)
	n, p := g.n, g.p
	if p == n {
		clear(dst)
		return
	}
	if linalg.Equal(x, y) {
		copy(dst, v)
		return
	}
	ar := linalg.NewArena(2*n*p + 8*p*p + 2*p)
	defer ar.Release()
	ld, err := g.logParts(&ar, x, y)
	if err != nil {
		g.Proj(dst, y, v)
		return
	}
	a, aw, d := ar.Take(p*p), ar.Take(p*p), ar.Take(p*p)
	out := ar.Take(n * p)
	linalg.MulAtB(a, ld.uh, v, p, n, p)                  // ÛᵀΔ
	linalg.Gemm(false, true, p, p, p, 1, a, ld.w, 0, aw) // ÛᵀΔ·Wᵀ
	for i, th := range ld.th {
		sn, h := math.Sin(th), math.Sin(th/2)
		for j := range p {
			a[i*p+j] = sn * aw[i*p+j] // sin Θ·ÛᵀΔWᵀ
			aw[i*p+j] *= -2 * h * h   // (cos Θ − I)·ÛᵀΔWᵀ
		}
	}
	linalg.Gemm(true, false, p, p, p, 1, ld.vt, a, 0, d) // V̂ sin Θ ÛᵀΔ Wᵀ
	linalg.Gemm(false, true, n, p, p, 1, v, ld.w, 0, out)
	linalg.Gemm(false, false, n, p, p, -1, x, d, 1, out)
	linalg.Gemm(false, false, n, p, p, 1, ld.uh, aw, 1, out)
	copy(dst, out)
}
