package spd

import (
	"math"
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// The log-Cholesky metric (Z. Lin, "Riemannian geometry of symmetric
// positive definite matrices via Cholesky decomposition", SIAM J. Matrix
// Anal. Appl. 40, 2019). The Cholesky map L ↦ LLᵀ is a diffeomorphism from
// the lower-triangular matrices with positive diagonal onto the cone; on
// them Lin's metric
//
//	g̃_L(X, Y) = Σ_{i>j} X_ij Y_ij + Σ_i X_ii Y_ii / L_ii²
//
// makes θ(L) = (⌊L⌋, log D(L)) an isometry onto Euclidean space
// R^{n(n+1)/2}: the manifold is flat and complete. It is pushed forward to
// the cone, where the tangent vector V at P = LLᵀ corresponds to
//
//	X = L·(L⁻¹VL⁻ᵀ)_½,  V = L·Xᵀ + X·Lᵀ,  (A)_½ = ⌊A⌋ + D(A)/2,
//
// and Exp, Log, the distance and parallel transport are those of the
// Euclidean coordinates θ (Lin 2019, Props. 7–10).

// lcTangent writes into x the lower-triangular X = L·(L⁻¹VL⁻ᵀ)_½ of the
// tangent vector k·V at P = LLᵀ.
func lcTangent(x, l, v []float64, n int, k float64) {
	symInto(x, v, n, k)
	linalg.CongruenceInvLower(x, l, x, n)
	for i := range n {
		x[i*n+i] *= 0.5
		clear(x[i*n+i+1 : i*n+n])
	}
	linalg.MulLower(l, false, x, n, n)
}

// lcCoords overwrites the lower-triangular X by its Euclidean coordinates
// dθ: the strict lower part is kept and X_ii becomes X_ii/L_ii.
func lcCoords(x, l []float64, n int) {
	for i := range n {
		x[i*n+i] /= l[i*n+i]
	}
}

// lcPush writes dst = K·Xᵀ + X·Kᵀ, exactly symmetric, for lower-triangular
// K and X; t is scratch. dst may alias x.
func lcPush(dst, k, x, t []float64, n int) {
	for i := range n {
		for j := range n {
			t[i*n+j] = x[j*n+i]
		}
	}
	linalg.MulLower(k, false, t, n, n) // K·Xᵀ
	for i := range n {
		dst[i*n+i] = 2 * t[i*n+i]
		for j := i + 1; j < n; j++ {
			s := t[i*n+j] + t[j*n+i]
			dst[i*n+j] = s
			dst[j*n+i] = s
		}
	}
}

// innerLC returns g̃_L(X_U, X_V).
func (m *SPD) innerLC(p, u, v []float64, ku, kv float64, same bool) float64 {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(3 * nn)
	defer w.Release()
	l, a, b := w.Take(nn), w.Take(nn), w.Take(nn)
	if !linalg.Cholesky(l, p, n) {
		return math.NaN()
	}
	lcTangent(a, l, u, n, ku)
	lcCoords(a, l, n)
	if same {
		return dot(a, a)
	}
	lcTangent(b, l, v, n, kv)
	lcCoords(b, l, n)
	return dot(a, b)
}

// normLC returns ‖dθ(k·V)‖₂.
func (m *SPD) normLC(p, v []float64, k float64) float64 {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(2 * nn)
	defer w.Release()
	l, a := w.Take(nn), w.Take(nn)
	if !linalg.Cholesky(l, p, n) {
		return math.NaN()
	}
	lcTangent(a, l, v, n, k)
	lcCoords(a, l, n)
	return linalg.Nrm2(a)
}

// egradLC writes L·Xᵀ + X·Lᵀ with X = ⌊H⌋ + D(L)²·D(H), H = 2·sym(∇f)·L:
// the θ-gradient of f(LLᵀ) is (⌊H⌋, D(L)·D(H)), and a θ-vector c maps to
// the L-tangent ⌊c⌋ + D(L)·D(c).
func (m *SPD) egradLC(dst, p, egrad []float64) {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(3 * nn)
	defer w.Release()
	l, h, t := w.Take(nn), w.Take(nn), w.Take(nn)
	if !linalg.Cholesky(l, p, n) {
		linalg.FillNaN(dst)
		return
	}
	symInto(h, egrad, n, 2)
	linalg.MulLowerRight(l, false, h, n, n) // H = 2G·L
	for i := range n {
		lii := l[i*n+i]
		h[i*n+i] *= lii * lii
		clear(h[i*n+i+1 : i*n+n])
	}
	lcPush(dst, l, h, t, n)
}

// expLC writes K·Kᵀ, K = ⌊L⌋ + ⌊X⌋ + D(L)·exp(D(X)·D(L)⁻¹).
func (m *SPD) expLC(dst, p, v []float64) {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(3 * nn)
	defer w.Release()
	l, x, k := w.Take(nn), w.Take(nn), w.Take(nn)
	if !linalg.Cholesky(l, p, n) {
		linalg.FillNaN(dst)
		return
	}
	lcTangent(x, l, v, n, 1)
	for i := range n {
		for j := 0; j < i; j++ {
			k[i*n+j] = l[i*n+j] + x[i*n+j]
		}
		lii := l[i*n+i]
		k[i*n+i] = lii * math.Exp(x[i*n+i]/lii)
		clear(k[i*n+i+1 : i*n+n])
	}
	matMul(x, false, k, true, k, n) // K·Kᵀ
	mirror(x, n)
	copy(dst, x)
}

// lcLogCoords writes into y the lower-triangular Y = Log_L(K) in the
// Cholesky space: ⌊K⌋ − ⌊L⌋ and L_ii·log(K_ii/L_ii), the latter as
// L_ii·log1p((K_ii − L_ii)/L_ii), accurate for nearby factors.
func lcLogCoords(y, l, k []float64, n int) {
	for i := range n {
		for j := 0; j < i; j++ {
			y[i*n+j] = k[i*n+j] - l[i*n+j]
		}
		lii := l[i*n+i]
		y[i*n+i] = lii * math.Log1p((k[i*n+i]-lii)/lii)
		clear(y[i*n+i+1 : i*n+n])
	}
}

// logLC writes L·Yᵀ + Y·Lᵀ, Y = Log_L(K), Q = KKᵀ.
func (m *SPD) logLC(dst, p, q []float64) error {
	n, nn := m.n, m.n*m.n
	if linalg.Equal(p, q) {
		clear(dst)
		return nil
	}
	w := linalg.NewArena(4 * nn)
	defer w.Release()
	l, k, y, t := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn)
	if !linalg.Cholesky(l, p, n) {
		linalg.FillNaN(dst)
		return errBaseNotPD
	}
	if !linalg.Cholesky(k, q, n) {
		linalg.FillNaN(dst)
		return errTargetNotPD
	}
	lcLogCoords(y, l, k, n)
	lcPush(dst, l, y, t, n)
	return nil
}

// distLC returns ‖θ(K) − θ(L)‖₂.
func (m *SPD) distLC(p, q []float64) float64 {
	n, nn := m.n, m.n*m.n
	if linalg.Equal(p, q) {
		return 0
	}
	w := linalg.NewArena(3 * nn)
	defer w.Release()
	l, k, y := w.Take(nn), w.Take(nn), w.Take(nn)
	if !linalg.Cholesky(l, p, n) || !linalg.Cholesky(k, q, n) {
		return math.NaN()
	}
	for i := range n {
		for j := 0; j < i; j++ {
			y[i*n+j] = k[i*n+j] - l[i*n+j]
		}
		lii := l[i*n+i]
		y[i*n+i] = math.Log1p((k[i*n+i] - lii) / lii)
		clear(y[i*n+i+1 : i*n+n])
	}
	return linalg.Nrm2(y)
}

// transportLC writes K·X'ᵀ + X'·Kᵀ, X' = ⌊X⌋ + D(K)·D(L)⁻¹·D(X): the
// θ-coordinates of the vector are unchanged (Lin 2019, Prop. 10).
func (m *SPD) transportLC(dst, p, q, v []float64) {
	n, nn := m.n, m.n*m.n
	if linalg.Equal(p, q) {
		symInto(dst, v, n, 1)
		return
	}
	w := linalg.NewArena(4 * nn)
	defer w.Release()
	l, k, x, t := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn)
	if !linalg.Cholesky(l, p, n) || !linalg.Cholesky(k, q, n) {
		linalg.FillNaN(dst)
		return
	}
	lcTangent(x, l, v, n, 1)
	for i := range n {
		x[i*n+i] *= k[i*n+i] / l[i*n+i]
	}
	lcPush(dst, k, x, t, n)
}

// randomTangentLC pushes forward a standard Gaussian of the θ-coordinates.
func (m *SPD) randomTangentLC(dst, p []float64, rng *rand.Rand) {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(3 * nn)
	defer w.Release()
	l, x, t := w.Take(nn), w.Take(nn), w.Take(nn)
	ok := linalg.Cholesky(l, p, n)
	for i := range n {
		for j := 0; j < i; j++ {
			x[i*n+j] = rng.NormFloat64()
		}
		x[i*n+i] = l[i*n+i] * rng.NormFloat64()
		clear(x[i*n+i+1 : i*n+n])
	}
	if !ok {
		linalg.FillNaN(dst)
		return
	}
	lcPush(dst, l, x, t, n)
}

// ehessLC writes the Riemannian Hessian in the isometric chart θ. With
// f̃(θ) = f(L(θ)L(θ)ᵀ), dL = X_V the L-tangent of V, G = sym(∇f) and
// Ė = sym(∇²f[V]), the θ-Hessian applied to dθ(V) is the θ-covector of
//
//	dθ' ↦ 2⟨Ė·L, dL'⟩ + 2⟨G·dL, dL'⟩ + Σᵢ 2(GL)_ii·L_ii·dθ_ii·dθ'_ii,
//
// dL' = ⌊dθ'⌋ + D(L)·diag(dθ'), the last term from the second derivative
// of L_ii = exp(θ_ii); it is pushed forward like a gradient.
func (m *SPD) ehessLC(dst, p, egrad, ehess, v []float64) {
	n, nn := m.n, m.n*m.n
	w := linalg.NewArena(6 * nn)
	defer w.Release()
	l, x, g, he, hb, t := w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn), w.Take(nn)
	if !linalg.Cholesky(l, p, n) {
		linalg.FillNaN(dst)
		return
	}
	lcTangent(x, l, v, n, 1)                // dL = X_V
	symInto(g, egrad, n, 2)                 // 2G
	matMul(hb, false, g, false, x, n)       // 2G·dL
	linalg.MulLowerRight(l, false, g, n, n) // 2G·L
	symInto(he, ehess, n, 2)
	linalg.MulLowerRight(l, false, he, n, n) // 2Ė·L
	for i := range n {
		for j := 0; j < i; j++ {
			he[i*n+j] += hb[i*n+j]
		}
		lii := l[i*n+i]
		dth := x[i*n+i] / lii
		c := (he[i*n+i]+hb[i*n+i])*lii + g[i*n+i]*lii*dth // θ-covector, diagonal
		he[i*n+i] = lii * c                               // back to an L-tangent
		clear(he[i*n+i+1 : i*n+n])
	}
	lcPush(dst, l, he, t, n)
}
