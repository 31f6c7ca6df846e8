package spd

import (
	"math"
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// The log-Euclidean metric (Arsigny, Fillard, Pennec & Ayache, "Geometric
// means in a novel vector space structure on symmetric positive-definite
// matrices", SIAM J. Matrix Anal. Appl. 29, 2007): log is an isometry from
// the cone onto the Euclidean space (Sym(n), ⟨·,·⟩_F), so the geometry is
// flat, geodesics are t ↦ exp(log P + tξ), and
//
//	⟨U, V⟩_P = ⟨D log(P)[U], D log(P)[V]⟩_F
//	Exp_P(V) = exp(log P + D log(P)[V])
//	Log_P(Q) = D exp(log P)[log Q − log P]
//	d(P, Q)  = ‖log Q − log P‖_F
//	P_{P→Q}(V) = D exp(log Q)[D log(P)[V]].
//
// In the eigenbasis of P = Z·diag(λ)·Zᵀ, D log(P)[V] = Z·(F ∘ ZᵀVZ)·Zᵀ with
// the Loewner matrix F_ij = log[λᵢ, λⱼ] of first divided differences, and
// D exp(log P) multiplies by E_ij = 1/F_ij = exp[log λᵢ, log λⱼ]
// (Daleckii–Krein; Bhatia, Matrix Analysis, 1997, Thm V.3.3). The divided
// differences come from linalg.DivDiffLog, accurate to a few ulps even for
// equal or close eigenvalues.

// loewnerLog fills f with F_ij = log[λᵢ, λⱼ] (inv false) or its reciprocal
// exp[log λᵢ, log λⱼ] (inv true).
func loewnerLog(f, ev []float64, n int, inv bool) {
	for i, a := range ev {
		for j := i; j < n; j++ {
			x := linalg.DivDiffLog(a, ev[j])
			if inv {
				x = 1 / x
			}
			f[i*n+j] = x
			f[j*n+i] = x
		}
	}
}

// innerLE returns ⟨ku·U, kv·V⟩_P = Σ F²_ij Ũ_ij Ṽ_ij, Ũ = ZᵀUZ.
func (m *SPD) innerLE(p, u, v []float64, ku, kv float64, same bool) float64 {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(5*nn + n)
	defer w.Release()
	z, f, a, b, t, ev := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(n)
	if !eigPD(ev, z, p, n) {
		return math.NaN()
	}
	loewnerLog(f, ev, n, false)
	symInto(a, u, n, ku)
	congT(a, z, a, t, n)
	for i := range a {
		a[i] *= f[i]
	}
	if same {
		return dot(a, a)
	}
	symInto(b, v, n, kv)
	congT(b, z, b, t, n)
	for i := range b {
		b[i] *= f[i]
	}
	return dot(a, b)
}

// normLE returns ‖F ∘ (k·Ṽ)‖_F.
func (m *SPD) normLE(p, v []float64, k float64) float64 {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(4*nn + n)
	defer w.Release()
	z, f, a, t, ev := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(n)
	if !eigPD(ev, z, p, n) {
		return math.NaN()
	}
	loewnerLog(f, ev, n, false)
	symInto(a, v, n, k)
	congT(a, z, a, t, n)
	for i := range a {
		a[i] *= f[i]
	}
	return linalg.Nrm2(a)
}

// egradLE writes Z·(G̃ ⊘ (F ∘ F))·Zᵀ, the inverse of (D log)*·D log applied
// to G = sym(∇f).
func (m *SPD) egradLE(dst, p, egrad []float64) {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(4*nn + n)
	defer w.Release()
	z, f, a, t, ev := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(n)
	if !eigPD(ev, z, p, n) {
		linalg.FillNaN(dst)
		return
	}
	loewnerLog(f, ev, n, true) // E = 1/F
	symInto(a, egrad, n, 1)
	congT(a, z, a, t, n)
	for i := range a {
		a[i] *= f[i] * f[i]
	}
	cong(a, z, a, t, n)
	symInto(dst, a, n, 1)
}

// expLE writes exp(X), X = log P + D log(P)[V], from the eigendecomposition
// of X̃ = diag(log λ) + F ∘ Ṽ = Y·diag(ξ)·Yᵀ in the eigenbasis of P, as the
// Gram matrix N·Nᵀ with N = Z·Y·diag(e^{ξ/2}).
func (m *SPD) expLE(dst, p, v []float64) {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(5*nn + n)
	defer w.Release()
	z, f, a, t, y, ev := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(n)
	if !eigPD(ev, z, p, n) {
		linalg.FillNaN(dst)
		return
	}
	loewnerLog(f, ev, n, false)
	symInto(a, v, n, 1)
	congT(a, z, a, t, n)
	for i := range a {
		a[i] *= f[i]
	}
	symInto(a, a, n, 1)
	for i, x := range ev {
		a[i*n+i] += math.Log(x)
	}
	if err := linalg.EigSym(ev, y, a, n); err != nil {
		linalg.FillNaN(dst)
		return
	}
	matMul(t, false, z, false, y, n) // Z·Y
	for i := range ev {
		ev[i] = math.Exp(0.5 * ev[i])
	}
	scaleCols(t, ev, n)
	matMul(a, false, t, true, t, n)
	mirror(a, n)
	copy(dst, a)
}

// logLE writes Z·(E ∘ (Zᵀ·log Q·Z − diag(log λ)))·Zᵀ.
func (m *SPD) logLE(dst, p, q []float64) error {
	n, nn := m.n, m.n*m.n
	if linalg.Equal(p, q) {
		clear(dst)
		return nil
	}
	w := linalg.NewArena(5*nn + 2*n)
	defer w.Release()
	z, y, f, a, t := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn)
	ev, mu := w.Take(n), w.Take(n)
	if !eigPD(ev, z, p, n) {
		linalg.FillNaN(dst)
		return errBaseNotPD
	}
	if !eigPD(mu, y, q, n) {
		linalg.FillNaN(dst)
		return errTargetNotPD
	}
	m.logDiffLE(a, t, f, z, y, ev, mu)
	loewnerLog(f, ev, n, true)
	for i := range a {
		a[i] *= f[i]
	}
	cong(a, z, a, t, n)
	symInto(dst, a, n, 1)
	return nil
}

// logDiffLE writes into a the matrix Zᵀ·log Q·Z − diag(log λ) = Zᵀ(log Q −
// log P)Z, exactly symmetric, for P = Z·diag(ev)·Zᵀ and Q = Y·diag(mu)·Yᵀ;
// t and b are scratch.
func (m *SPD) logDiffLE(a, t, b, z, y, ev, mu []float64) {
	n := m.n
	matMul(b, true, z, false, y, n) // B = Zᵀ·Y
	copy(t, b)
	for i := range mu {
		mu[i] = math.Log(mu[i])
	}
	scaleCols(t, mu, n)
	matMul(a, false, t, true, b, n) // B·diag(log μ)·Bᵀ
	symInto(a, a, n, 1)
	for i, x := range ev {
		a[i*n+i] -= math.Log(x)
	}
}

// distLE returns ‖Zᵀ(log Q − log P)Z‖_F.
func (m *SPD) distLE(p, q []float64) float64 {
	n, nn := m.n, m.n*m.n
	if linalg.Equal(p, q) {
		return 0
	}
	w := linalg.NewArena(5*nn + 2*n)
	defer w.Release()
	z, y, b, a, t := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn)
	ev, mu := w.Take(n), w.Take(n)
	if !eigPD(ev, z, p, n) || !eigPD(mu, y, q, n) {
		return math.NaN()
	}
	m.logDiffLE(a, t, b, z, y, ev, mu)
	return linalg.Nrm2(a)
}

// transportLE writes D exp(log Q)[D log(P)[V]] =
// Y·(E_Q ∘ (Bᵀ·(F_P ∘ Ṽ)·B))·Yᵀ, B = ZᵀY.
func (m *SPD) transportLE(dst, p, q, v []float64) {
	n, nn := m.n, m.n*m.n
	if linalg.Equal(p, q) {
		symInto(dst, v, n, 1)
		return
	}
	w := linalg.NewArena(6*nn + 2*n)
	defer w.Release()
	z, y, f, a, t, b := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn)
	ev, mu := w.Take(n), w.Take(n)
	if !eigPD(ev, z, p, n) || !eigPD(mu, y, q, n) {
		linalg.FillNaN(dst)
		return
	}
	loewnerLog(f, ev, n, false)
	symInto(a, v, n, 1)
	congT(a, z, a, t, n)
	for i := range a {
		a[i] *= f[i]
	}
	matMul(b, true, z, false, y, n) // B = Zᵀ·Y
	congT(a, b, a, t, n)            // Bᵀ·(F ∘ Ṽ)·B
	loewnerLog(f, mu, n, true)
	for i := range a {
		a[i] *= f[i]
	}
	cong(a, y, a, t, n)
	symInto(dst, a, n, 1)
}

// randomTangentLE writes Z·(E ∘ S)·Zᵀ for a standard Gaussian S of Sym(n).
func (m *SPD) randomTangentLE(dst, p []float64, rng *rand.Rand) {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(4*nn + n)
	defer w.Release()
	z, f, a, t, ev := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(n)
	ok := eigPD(ev, z, p, n)
	gaussSym(a, n, 1, rng)
	if !ok {
		linalg.FillNaN(dst)
		return
	}
	loewnerLog(f, ev, n, true)
	for i := range a {
		a[i] *= f[i]
	}
	cong(a, z, a, t, n)
	symInto(dst, a, n, 1)
}

// ehessLE writes the Riemannian Hessian in the chart θ = log P, an isometry
// onto (Sym(n), ⟨·,·⟩_F): with f̃ = f∘exp, ξ = D log(P)[V], G = sym(∇f),
// Ė = sym(∇²f[V]),
//
//	Hess f(P)[V] = D exp(θ)[∇²f̃(θ)[ξ]],
//	∇²f̃(θ)[ξ]   = D exp(θ)[Ė] + D²exp(θ)[ξ, G],
//
// and in the eigenbasis of P, with xᵢ = log λᵢ,
// D²exp(θ)[ξ, G]~_ij = Σ_k exp[xᵢ, x_k, xⱼ]·(ξ̃_ik G̃_kj + G̃_ik ξ̃_kj).
// The triple sum costs O(n³) second divided differences.
func (m *SPD) ehessLE(dst, p, egrad, ehess, v []float64) {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(7*nn + 2*n)
	defer w.Release()
	z, e, xi, g, h, t, r := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn)
	ev, x := w.Take(n), w.Take(n)
	if !eigPD(ev, z, p, n) {
		linalg.FillNaN(dst)
		return
	}
	for i, l := range ev {
		x[i] = math.Log(l)
	}
	loewnerLog(e, ev, n, true) // E = 1/F = exp[xᵢ, xⱼ]
	symInto(xi, v, n, 1)
	congT(xi, z, xi, t, n)
	for i := range xi {
		xi[i] /= e[i] // ξ̃ = F ∘ Ṽ
	}
	symInto(g, egrad, n, 1)
	congT(g, z, g, t, n)
	symInto(h, ehess, n, 1)
	congT(h, z, h, t, n)
	for i := range n {
		for j := i; j < n; j++ {
			var s float64
			for k := range n {
				c := dd2Exp(x, e, n, i, k, j)
				s += c * (xi[i*n+k]*g[k*n+j] + g[i*n+k]*xi[k*n+j])
			}
			val := e[i*n+j] * (e[i*n+j]*h[i*n+j] + s)
			r[i*n+j] = val
			r[j*n+i] = val
		}
	}
	cong(r, z, r, t, n)
	symInto(dst, r, n, 1)
}

// dd2Exp returns exp[xᵢ, x_k, xⱼ] given the table e of first divided
// differences exp[x_a, x_b]: with the three sorted, a ≥ b ≥ c, it is
// (exp[a, b] − exp[b, c])/(a − c) from the table when a − c ≥ 1 (where the
// subtraction loses at most two bits, see linalg.DivDiff2Exp), and
// linalg.DivDiff2Exp's cancellation-free series otherwise.
func dd2Exp(x, e []float64, n, i, k, j int) float64 {
	a, b, c := i, k, j
	if x[a] < x[b] {
		a, b = b, a
	}
	if x[b] < x[c] {
		b, c = c, b
	}
	if x[a] < x[b] {
		a, b = b, a
	}
	if h := x[a] - x[c]; h >= 1 {
		return (e[a*n+b] - e[b*n+c]) / h
	}
	return linalg.DivDiff2Exp(x[a], x[b], x[c])
}
