package spd

import (
	"math"
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// The Bures–Wasserstein metric (R. Bhatia, T. Jain & Y. Lim, "On the
// Bures–Wasserstein distance between positive definite matrices", Expo.
// Math. 37, 2019; L. Malagò, L. Montrucchio & G. Pistone, "Wasserstein
// Riemannian geometry of Gaussian densities", Inf. Geom. 1, 2018):
//
//	⟨U, V⟩_P = ½ tr(L_P[U]·V),  P·L_P[U] + L_P[U]·P = U,
//	Exp_P(V) = (I + X)·P·(I + X),  X = L_P[V],
//	Log_P(Q) = (T − I)·P + P·(T − I),  T = P^{-1/2}(P^{1/2}QP^{1/2})^{1/2}P^{-1/2},
//	d(P, Q)  = ‖(T − I)·P^{1/2}‖_F = W₂(N(0, P), N(0, Q)).
//
// With P = Z·diag(λ)·Zᵀ the Lyapunov operator is diagonal in the
// eigenbasis: L_P[V]~_ij = Ṽ_ij/(λᵢ + λⱼ), Ṽ = ZᵀVZ.
//
// T − I is computed without cancellation. Let C = P^{1/2}QP^{1/2} and
// X' = C^{1/2} − P (P is the square root of P^{1/2}·P·P^{1/2}); then
// T − I = P^{-1/2}X'P^{-1/2} and X' solves the Sylvester equation
//
//	C^{1/2}·X' + X'·P = C − P² = P^{1/2}(Q − P)P^{1/2},
//
// whose right-hand side is formed from Q − P. In the eigenbasis of P, with
// d = √λ, R̃ = D·Zᵀ(Q − P)Z·D and C̃ = R̃ + Λ² = W·diag(c)·Wᵀ, the solution is
// Ỹ = W·[(WᵀR̃)_ij/(√cᵢ + λⱼ)], and
//
//	Log~_ij = Ỹ_ij·(dᵢ/dⱼ + dⱼ/dᵢ),  d² = Σ_ij Ỹ²_ij/λᵢ.

// innerBW returns ½ Σ Ũ_ij Ṽ_ij/(λᵢ + λⱼ) for ku·U, kv·V.
func (m *SPD) innerBW(p, u, v []float64, ku, kv float64, same bool) float64 {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(4*nn + n)
	defer w.Release()
	z, a, b, t, ev := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(n)
	if !eigPD(ev, z, p, n) {
		return math.NaN()
	}
	symInto(a, u, n, ku)
	congT(a, z, a, t, n)
	for i, li := range ev {
		for j, lj := range ev {
			a[i*n+j] /= math.Sqrt(2 * (li + lj))
		}
	}
	if same {
		return dot(a, a)
	}
	symInto(b, v, n, kv)
	congT(b, z, b, t, n)
	for i, li := range ev {
		for j, lj := range ev {
			b[i*n+j] /= math.Sqrt(2 * (li + lj))
		}
	}
	return dot(a, b)
}

// normBW returns (½ Σ Ṽ²_ij/(λᵢ + λⱼ))^{1/2} for k·V.
func (m *SPD) normBW(p, v []float64, k float64) float64 {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(3*nn + n)
	defer w.Release()
	z, a, t, ev := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(n)
	if !eigPD(ev, z, p, n) {
		return math.NaN()
	}
	symInto(a, v, n, k)
	congT(a, z, a, t, n)
	for i, li := range ev {
		for j, lj := range ev {
			a[i*n+j] /= math.Sqrt(2 * (li + lj))
		}
	}
	return linalg.Nrm2(a)
}

// egradBW writes 2(GP + PG), G = sym(∇f): then ½tr(L_P[2(GP + PG)]V) =
// tr(GV).
func (m *SPD) egradBW(dst, p, egrad []float64) {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(3 * nn)
	defer w.Release()
	g, ps, c := w.Take(nn), w.Take(nn), w.Take(nn)
	symInto(g, egrad, n, 1)
	symInto(ps, p, n, 1)
	matMul(c, false, g, false, ps, n) // G·P
	for i := range n {
		dst[i*n+i] = 4 * c[i*n+i]
		for j := i + 1; j < n; j++ {
			x := 2 * (c[i*n+j] + c[j*n+i])
			dst[i*n+j] = x
			dst[j*n+i] = x
		}
	}
}

// ehessBW writes 2(ĖP + PĖ) + 2(PXG + GXP), X = L_P[V] (see EHessToRHess).
func (m *SPD) ehessBW(dst, p, egrad, ehess, v []float64) {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(6*nn + n)
	defer w.Release()
	z, x, ps, a, b, t, ev := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(n)
	if !eigPD(ev, z, p, n) {
		linalg.FillNaN(dst)
		return
	}
	symInto(x, v, n, 1)
	congT(x, z, x, t, n)
	for i, li := range ev {
		for j, lj := range ev {
			x[i*n+j] /= li + lj
		}
	}
	cong(x, z, x, t, n) // X = L_P[V]
	symInto(ps, p, n, 1)
	symInto(a, egrad, n, 1)
	matMul(t, false, x, false, a, n)  // X·G
	matMul(b, false, ps, false, t, n) // P·X·G
	symInto(a, ehess, n, 1)
	matMul(t, false, a, false, ps, n) // Ė·P
	for i := range n {
		dst[i*n+i] = 4 * (t[i*n+i] + b[i*n+i])
		for j := i + 1; j < n; j++ {
			s := 2 * ((t[i*n+j] + t[j*n+i]) + (b[i*n+j] + b[j*n+i]))
			dst[i*n+j] = s
			dst[j*n+i] = s
		}
	}
}

// expBW writes (I + X)P(I + X). In the eigenbasis, X̃ = Ṽ ⊘ (λᵢ + λⱼ);
// when ‖X̃‖_F ≤ ½ it forms P + V + Z·(J·Jᵀ)·Zᵀ, J = X̃·Λ^{1/2}, which keeps P
// and V exact, and otherwise the Gram matrix N·Nᵀ, N = Z·(I + X̃)·Λ^{1/2},
// positive semidefinite whatever the rounding.
func (m *SPD) expBW(dst, p, v []float64) {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(3*nn + 2*n)
	defer w.Release()
	z, x, t, ev, d := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(n), w.Take(n)
	if !eigPD(ev, z, p, n) {
		linalg.FillNaN(dst)
		return
	}
	symInto(x, v, n, 1)
	congT(x, z, x, t, n)
	for i, li := range ev {
		for j, lj := range ev {
			x[i*n+j] /= li + lj
		}
	}
	for i, li := range ev {
		d[i] = math.Sqrt(li)
	}
	small := linalg.Nrm2(x) <= 0.5
	if !small {
		for i := range n {
			x[i*n+i]++
		}
	}
	scaleCols(x, d, n)               // (X̃ or I + X̃)·Λ^{1/2}
	matMul(t, false, z, false, x, n) // N = Z·(…)
	matMul(x, false, t, true, t, n)  // N·Nᵀ
	if small {
		for i := range n {
			pi, vi := p[i*n+i], v[i*n+i]
			dst[i*n+i] = (pi + vi) + x[i*n+i]
			for j := i + 1; j < n; j++ {
				s := ((0.5*p[i*n+j] + 0.5*p[j*n+i]) + (0.5*v[i*n+j] + 0.5*v[j*n+i])) + x[i*n+j]
				dst[i*n+j] = s
				dst[j*n+i] = s
			}
		}
		return
	}
	mirror(x, n)
	copy(dst, x)
}

// bwSolve computes, for P = Z·diag(ev)·Zᵀ and Q, the solution Ỹ of the
// Sylvester equation in the eigenbasis of P (see the file comment) into y,
// exactly symmetric. It reports false if Q is not positive definite.
// a, b, c, t are n×n scratch, cv is n scratch.
func (m *SPD) bwSolve(y, z, ev, q, p, a, b, c, t, cv []float64) bool {
	n := m.n
	for i := range a {
		a[i] = q[i] - p[i]
	}
	symInto(a, a, n, 1)
	congT(a, z, a, t, n)
	for i, li := range ev {
		di := math.Sqrt(li)
		for j, lj := range ev {
			a[i*n+j] *= di * math.Sqrt(lj) // R̃
		}
	}
	copy(b, a)
	for i, li := range ev {
		b[i*n+i] += li * li // C̃ = R̃ + Λ²
	}
	if !eigPD(cv, c, b, n) {
		return false
	}
	matMul(t, true, c, false, a, n) // Wᵀ·R̃
	for i, ci := range cv {
		sc := math.Sqrt(ci)
		for j, lj := range ev {
			t[i*n+j] /= sc + lj
		}
	}
	matMul(y, false, c, false, t, n) // Ỹ = W·(…)
	symInto(y, y, n, 1)
	return true
}

// logBW writes Z·(Ỹ_ij(dᵢ/dⱼ + dⱼ/dᵢ))·Zᵀ.
func (m *SPD) logBW(dst, p, q []float64) error {
	n, nn := m.n, m.n*m.n
	if linalg.Equal(p, q) {
		clear(dst)
		return nil
	}
	w := linalg.NewArena(6*nn + 2*n)
	defer w.Release()
	z, y, a, b, c, t := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn)
	ev, cv := w.Take(n), w.Take(n)
	if !eigPD(ev, z, p, n) {
		linalg.FillNaN(dst)
		return errBaseNotPD
	}
	if !linalg.AllFinite(q) || !m.bwSolve(y, z, ev, q, p, a, b, c, t, cv) {
		linalg.FillNaN(dst)
		return errTargetNotPD
	}
	for i, li := range ev {
		di := math.Sqrt(li)
		for j, lj := range ev {
			dj := math.Sqrt(lj)
			y[i*n+j] *= di/dj + dj/di
		}
	}
	cong(y, z, y, t, n)
	symInto(dst, y, n, 1)
	return nil
}

// distBW returns (Σ Ỹ²_ij·½(1/λᵢ + 1/λⱼ))^{1/2}.
func (m *SPD) distBW(p, q []float64) float64 {
	n, nn := m.n, m.n*m.n
	if linalg.Equal(p, q) {
		return 0
	}
	w := linalg.NewArena(6*nn + 2*n)
	defer w.Release()
	z, y, a, b, c, t := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn)
	ev, cv := w.Take(n), w.Take(n)
	if !eigPD(ev, z, p, n) || !linalg.AllFinite(q) || !m.bwSolve(y, z, ev, q, p, a, b, c, t, cv) {
		return math.NaN()
	}
	for i, li := range ev {
		for j, lj := range ev {
			y[i*n+j] *= math.Sqrt(0.5 * (1/li + 1/lj))
		}
	}
	return linalg.Nrm2(y)
}

// randomTangentBW writes Z·(√(2(λᵢ + λⱼ)) ∘ S)·Zᵀ.
func (m *SPD) randomTangentBW(dst, p []float64, rng *rand.Rand) {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(3*nn + n)
	defer w.Release()
	z, a, t, ev := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(n)
	ok := eigPD(ev, z, p, n)
	gaussSym(a, n, 1, rng)
	if !ok {
		linalg.FillNaN(dst)
		return
	}
	for i, li := range ev {
		for j, lj := range ev {
			a[i*n+j] *= math.Sqrt(2 * (li + lj))
		}
	}
	cong(a, z, a, t, n)
	symInto(dst, a, n, 1)
}

// injRadiusBW returns √λ_min(P).
func (m *SPD) injRadiusBW(p []float64) float64 {
	n := m.n
	w := linalg.NewArena(n)
	defer w.Release()
	ev := w.Take(n)
	if err := linalg.EigSymValues(ev, p, n); err != nil || !(ev[0] > 0) {
		return math.NaN()
	}
	return math.Sqrt(ev[0])
}
