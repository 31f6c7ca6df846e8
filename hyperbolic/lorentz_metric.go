package hyperbolic

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
)

// Inner returns the metric ⟨u, v⟩_x = ⟨u, v⟩_L = −u₀v₀ + Σᵢ uᵢvᵢ of
// T_x Hⁿ (Ratcliffe 2019, §3.2), evaluated in the spatial chart: for tangent
// vectors u₀ = ⟨x_{1:}, u_{1:}⟩/x₀, so
//
//	⟨u, v⟩_x = ⟨u_⊥, v_⊥⟩ + ⟨â, u_{1:}⟩⟨â, v_{1:}⟩·(1/c)/x₀²,
//
// with â = x_{1:}/‖x_{1:}‖, u_⊥ = u_{1:} − ⟨â, u_{1:}⟩â and x₀² = 1/c + ‖x_{1:}‖².
// The Minkowski form of the ambient coordinates of a tangent vector at a
// point far from the origin is a difference of terms x₀²c times larger than
// the result; this form is a sum of non-negative terms for u = v and loses
// only a factor √c·x₀ instead of c·x₀² (near the origin, √c‖x_{1:}‖ ≤ 4, the
// plain form u_{1:}ᵀv_{1:} − ⟨x_{1:}, u_{1:}⟩⟨x_{1:}, v_{1:}⟩/x₀² is used).
// The time coordinates u₀ and v₀ are not read, except that a NaN or ±Inf in
// them gives NaN.
func (l *Lorentz) Inner(x, u, v []float64) float64 {
	l.check(x, u, v)
	return l.tangentInner(x[1:], u[1:], v[1:], 1) + 0*u[0]*v[0]
}

// Norm returns ‖v‖_x = √⟨v, v⟩_x computed as in Inner, without spurious
// overflow or underflow. Special cases are: Norm(x, v) = NaN if an entry of
// v is NaN or infinite.
func (l *Lorentz) Norm(x, v []float64) float64 {
	l.check(x, v)
	return l.tangentNorm(x[1:], v[1:]) + 0*v[0]
}

// tangentNorm returns √g(v, v) for the spatial parts a of x and vs of v.
func (l *Lorentz) tangentNorm(a, vs []float64) float64 {
	g := l.tangentInner(a, vs, vs, 1)
	if g >= sqLo && g <= sqHi {
		return math.Sqrt(g)
	}
	ss := sumSq(vs)
	if ss >= sqLo && ss <= sqHi {
		return math.Sqrt(max(0, g))
	}
	if ss != ss {
		return ss
	}
	m := linalg.MaxAbs(vs)
	if m == 0 || math.IsInf(m, 1) {
		return m
	}
	// g is quadratic: evaluate it on v·2^−e and scale back.
	e := scaleExp(m)
	return math.Ldexp(math.Sqrt(max(0, l.tangentInner(a, vs, vs, math.Ldexp(1, -e)))), e)
}

// tangentInner returns g(s·u, s·v), g the metric of T_x Hⁿ in the spatial
// chart at the point with spatial part a (see Inner).
func (l *Lorentz) tangentInner(a, us, vs []float64, s float64) float64 {
	var aa, au, av, uv float64
	vs = vs[:len(us)]
	for i, ai := range a {
		ui, vi := us[i]*s, vs[i]*s
		aa += ai * ai
		au += ai * ui
		av += ai * vi
		uv += ui * vi
	}
	if l.c*aa <= 16 {
		return uv - au*(av/(l.r2+aa))
	}
	// Far from the origin: split off the radial parts,
	// g = (u − μ_u a)ᵀ(v − μ_v a) + (aᵀu)(aᵀv)/‖a‖²·(1/c)/x₀², μ_u = aᵀu/‖a‖².
	if aa >= sqLo && aa <= sqHi {
		mu, mv := au/aa, av/aa
		var p float64
		for i, ai := range a {
			p += math.FMA(-mu, ai, us[i]*s) * math.FMA(-mv, ai, vs[i]*s)
		}
		return p + (au*mv)*(l.r2/(l.r2+aa))
	}
	na := linalg.Nrm2(a)
	ia := 1 / na
	au, av = 0, 0
	for i, ai := range a {
		ah := ai * ia
		au += ah * (us[i] * s)
		av += ah * (vs[i] * s)
	}
	var p float64
	for i, ai := range a {
		ah := ai * ia
		p += math.FMA(-au, ah, us[i]*s) * math.FMA(-av, ah, vs[i]*s)
	}
	rx := l.r / hypot(l.r, na) // 1/(√c·x₀)
	return p + (au*rx)*(av*rx)
}

// Proj writes the orthogonal projection (in the Minkowski form) of the
// ambient z onto T_x Hⁿ,
//
//	Proj_x(z) = z + c⟨x, z⟩_L·x,
//
// which is tangent because ⟨x, x⟩_L = −1/c.
func (l *Lorentz) Proj(dst, x, z []float64) {
	l.check(dst, x, z)
	k := l.c * (dot(x[1:], z[1:]) - x[0]*z[0])
	for i, xi := range x {
		dst[i] = z[i] + k*xi
	}
}

// EGradToRGrad writes the Riemannian gradient
//
//	grad f(x) = Proj_x(J·∇f(x)) = J∇f(x) + c(xᵀ∇f(x))·x,  J = diag(−1, 1, …, 1),
//
// where ∇f is the Euclidean gradient of a smooth extension of f to Rⁿ⁺¹: J
// turns it into the Minkowski gradient, and Proj_x makes it tangent (Nickel
// & Kiela 2018; Boumal 2023, §7.6). Note ⟨x, Jg⟩_L = xᵀg.
func (l *Lorentz) EGradToRGrad(dst, x, egrad []float64) {
	l.check(dst, x, egrad)
	k := l.c * dot(x, egrad)
	g0, x0 := egrad[0], x[0]
	for i := 1; i < len(x); i++ {
		dst[i] = egrad[i] + k*x[i]
	}
	dst[0] = -g0 + k*x0
}

// EHessToRHess writes the Riemannian Hessian-vector product
//
//	Hess f(x)[v] = Proj_x(J·∇²f(x)[v]) + c(xᵀ∇f(x))·v
//	             = J·ehess + c(xᵀehess)·x + c(xᵀegrad)·v,
//
// given egrad = ∇f(x), ehess = ∇²f(x)[v] and v ∈ T_x Hⁿ. It is the
// tangential part of the derivative of the gradient field of EGradToRGrad:
// the Levi-Civita connection of a spacelike hypersurface of Minkowski space
// is the Minkowski-orthogonal projection of the ambient derivative (O'Neill
// 1983, Semi-Riemannian Geometry, ch. 4; Boumal 2023, §7.6 for c = 1).
func (l *Lorentz) EHessToRHess(dst, x, egrad, ehess, v []float64) {
	l.check(dst, x, egrad, ehess, v)
	kx := l.c * dot(x, ehess)
	kv := l.c * dot(x, egrad)
	h0 := ehess[0]
	v0, x0 := v[0], x[0]
	for i := 1; i < len(x); i++ {
		dst[i] = ehess[i] + kx*x[i] + kv*v[i]
	}
	dst[0] = -h0 + kx*x0 + kv*v0
}
