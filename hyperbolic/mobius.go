package hyperbolic

import (
	"math"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/manifold"
)

// The gyrovector operations of the Poincaré ball of radius 1/√c (Ungar 2008,
// "A Gyrovector Space Approach to Hyperbolic Geometry"; Ganea, Bécigneul &
// Hofmann 2018, "Hyperbolic neural networks", §2), the building blocks of
// hyperbolic neural-network layers. Each takes the curvature c as its last
// argument, writes into dst (which may alias any input), panics with a
// manifold.Error on a length mismatch or a c outside [MinCurvature,
// MaxCurvature], and keeps its result at least BallMinGap inside the ball
// like PoincareBall.Project (the exact result of an operation on points of
// the ball is in the ball, but may be beyond what float64 can represent).
// Inputs are assumed inside the ball; a NaN entry gives NaN entries.

// MobiusAdd writes the Möbius sum
//
//	x ⊕_c y = ((1 + 2c⟨x, y⟩ + c‖y‖²)·x + (1 − c‖x‖²)·y) / (1 + 2c⟨x, y⟩ + c²‖x‖²‖y‖²)
//
// (Ungar 2008; Ganea et al. 2018). It is evaluated in the
// equivalent form
//
//	x ⊕_c y = (c‖s‖²·x + δ_x·s)/(c‖s‖² + δ_xδ_y),   s = x + y,  δ_x = 1 − c‖x‖²,
//
// (both coefficients and the denominator are sums of non-negative terms,
// since 1 + 2c⟨x, y⟩ + c‖y‖² = c‖s‖² + δ_x), so that no digits are lost
// near the boundary or when y ≈ −x; then 1 − c‖x ⊕ y‖² = δ_xδ_y/(c‖s‖² + δ_xδ_y).
// MobiusAdd(x, 0) = x and MobiusAdd(0, y) = y.
func MobiusAdd(dst, x, y []float64, c float64) {
	checkCurvature(c)
	checkLen(len(x), dst, y)
	dx, _ := ballGap(c, x)
	dy, _ := ballGap(c, y)
	var ss float64
	for i, xi := range x {
		si := xi + y[i]
		ss += si * si
	}
	den := c*ss + dx*dy
	ka, kb := c*ss/den, dx/den
	var rr float64
	for i, xi := range x {
		ri := ka*xi + kb*(xi+y[i])
		dst[i] = ri
		rr += ri * ri
	}
	if dx*dy < 0x1p-40*den || !(c*rr < 1-0x1p-40) {
		clampGap(c, dst)
	}
}

// ballAtanh returns atanh(√c‖x‖) and √c‖x‖ without loss near the boundary:
// atanh ρ = ln(1 + ρ) − ½ ln(1 − ρ²) with 1 − ρ² = 1 − c‖x‖² from ballGap.
func ballAtanh(c float64, x []float64) (at, rho float64) {
	gap, _ := ballGap(c, x)
	rho = math.Sqrt(c) * linalg.Nrm2(x)
	if rho < 0.5 {
		return math.Atanh(rho), rho
	}
	return math.Log1p(rho) - 0.5*math.Log(gap), rho
}

// MobiusScalarMul writes the Möbius scalar multiple
//
//	r ⊗_c x = tanh(r·atanh(√c‖x‖))·x/(√c‖x‖)
//
// (Ungar 2008; Ganea et al. 2018), with atanh(√c‖x‖)
// evaluated from the gap 1 − c‖x‖² so that points near the boundary keep
// their distance from the origin. Special cases are: r ⊗ 0 = 0; 0 ⊗ x = 0;
// 1 ⊗ x = x to rounding; (−1) ⊗ x = −x.
func MobiusScalarMul(dst []float64, r float64, x []float64, c float64) {
	checkCurvature(c)
	checkLen(len(x), dst)
	at, rho := ballAtanh(c, x)
	if rho == 0 {
		for i, xi := range x {
			dst[i] = r * xi
		}
		return
	}
	t, sech2 := tanhSech2(math.Abs(r) * at)
	k := math.Copysign(t, r) / rho // tanh(·)/(√c‖x‖)
	for i, xi := range x {
		dst[i] = k * xi
	}
	if sech2 < 0x1p-40 {
		clampGap(c, dst)
	}
}

// MobiusMatVec writes the Möbius matrix-vector product
//
//	M ⊗_c x = tanh((‖Mx‖/‖x‖)·atanh(√c‖x‖))·Mx/(√c‖Mx‖)
//
// (Ganea et al. 2018), the hyperbolic linear layer, for the
// rows×cols matrix m stored row-major (len(m) = rows·cols, len(x) = cols,
// len(dst) = rows). M ⊗ x = 0 if Mx = 0. It is Exp_0(M·Log_0(x)), so
// (MN) ⊗ x = M ⊗ (N ⊗ x) and r·I ⊗ x = r ⊗ x. dst may alias x or m.
func MobiusMatVec(dst, m []float64, rows, cols int, x []float64, c float64) {
	checkCurvature(c)
	if rows < 1 || cols < 1 || len(m) != rows*cols || len(x) != cols || len(dst) != rows {
		panic(errLength)
	}
	mxp := linalg.GetFloats(rows)
	defer linalg.PutFloats(mxp)
	mx := *mxp
	for i := range mx {
		mx[i] = dot(m[i*cols:(i+1)*cols], x)
	}
	at, rho := ballAtanh(c, x)
	nmx := linalg.Nrm2(mx)
	if nmx == 0 || rho == 0 {
		// Mx = 0, or x = 0: the product is 0 (times NaN if an entry was NaN).
		for i, v := range mx {
			dst[i] = 0 * v
		}
		return
	}
	sc := math.Sqrt(c)
	t, sech2 := tanhSech2(nmx / linalg.Nrm2(x) * at)
	k := t / (sc * nmx)
	if math.IsInf(nmx, 1) {
		k = 0
	}
	for i, v := range mx {
		dst[i] = k * v
	}
	if sech2 < 0x1p-40 {
		clampGap(c, dst)
	}
}

// Gyration writes gyr[u, v]w, the gyration of the Möbius gyrogroup,
//
//	gyr[u, v]w = ⊖(u ⊕ v) ⊕ (u ⊕ (v ⊕ w)) = w + 2(A·u + B·v)/D,
//	A = −c²⟨u, w⟩‖v‖² + c⟨v, w⟩ + 2c²⟨u, v⟩⟨v, w⟩,
//	B = −c²⟨v, w⟩‖u‖² − c⟨u, w⟩,
//	D = 1 + 2c⟨u, v⟩ + c²‖u‖²‖v‖² = c‖u + v‖² + (1 − c‖u‖²)(1 − c‖v‖²)
//
// (Ungar 2008, with the curvature restored; the last form of D is
// the stable one used). gyr[u, v] is an orthogonal map of Rⁿ (a rotation in
// the plane of u and v) that measures the failure of ⊕ to be associative
// and commutative: u ⊕ (v ⊕ w) = (u ⊕ v) ⊕ gyr[u, v]w and
// u ⊕ v = gyr[u, v](v ⊕ u). w need not be in the ball.
func Gyration(dst, u, v, w []float64, c float64) {
	checkCurvature(c)
	checkLen(len(u), dst, v, w)
	du, _ := ballGap(c, u)
	dv, _ := ballGap(c, v)
	var uu, vv, uv, uw, vw, ss float64
	for i, ui := range u {
		vi, wi := v[i], w[i]
		uu += ui * ui
		vv += vi * vi
		uv += ui * vi
		uw += ui * wi
		vw += vi * wi
		s := ui + vi
		ss += s * s
	}
	c2 := c * c
	a := -c2*uw*vv + c*vw + 2*c2*uv*vw
	b := -c2*vw*uu - c*uw
	den := c*ss + du*dv
	ka, kb := 2*a/den, 2*b/den
	for i, wi := range w {
		dst[i] = wi + ka*u[i] + kb*v[i]
	}
}

// GyroMidpoint writes the weighted gyromidpoint of the k points stored one
// after the other in x (len(x) = k·len(dst)) with weights w (nil for equal
// weights; otherwise len(w) = k, wᵢ ≥ 0, Σwᵢ > 0):
//
//	m = ½ ⊗_c (Σᵢ wᵢλᵢxᵢ / Σᵢ wᵢ(λᵢ − 1)),   λᵢ = 2/(1 − c‖xᵢ‖²)
//
// (Ungar 2008; the Möbius form of the Einstein midpoint used in hyperbolic
// attention and graph networks, Ganea et al. 2018; Bachmann, Bécigneul &
// Ganea 2020). The fraction is the Einstein midpoint in the Klein model and
// ½ ⊗ maps it back to the ball; equivalently m is the ball image of the
// Lorentz barycentre Y = Σᵢ wᵢXᵢ of the points, with Y₀ = Σᵢwᵢ(λᵢ − 1) and
// Y_{1:} = √c·Σᵢwᵢλᵢxᵢ. It is evaluated as
//
//	m = 2A·x̄/(Y₀ + √(W² + 4cA·Σᵢ aᵢ‖xᵢ − x̄‖²)),
//	aᵢ = wᵢ/(1 − c‖xᵢ‖²),  A = Σaᵢ,  x̄ = Σaᵢxᵢ/A,  W = Σwᵢ,
//
// where the square root is √(−⟨Y, Y⟩_L) written as a sum of non-negative
// terms (−⟨Xᵢ, Xⱼ⟩_L = 1 + 2c‖xᵢ − xⱼ‖²/(δᵢδⱼ) and the variance identity
// Σᵢⱼaᵢaⱼ‖xᵢ − xⱼ‖² = 2AΣᵢaᵢ‖xᵢ − x̄‖²): the textbook
// Y₀ + √(Y₀² − ‖Y_{1:}‖²) loses half the digits for points far from the
// origin. For two points with equal weights m is the midpoint of the
// geodesic between them. It panics with a manifold.Error if the lengths do
// not match, a weight is negative or the weights sum to 0.
func GyroMidpoint(dst, x, w []float64, c float64) {
	checkCurvature(c)
	n := len(dst)
	if n < 1 || len(x) < n || len(x)%n != 0 {
		panic(errLength)
	}
	k := len(x) / n
	if w != nil && len(w) != k {
		panic(errLength)
	}
	var wsum float64
	for _, wi := range w {
		if wi < 0 {
			panic(manifold.Error("hyperbolic: GyroMidpoint weights must be ≥ 0"))
		}
		wsum += wi
	}
	if w != nil && wsum == 0 {
		panic(manifold.Error("hyperbolic: GyroMidpoint weights must not all be 0"))
	}
	bp := linalg.GetFloatsZeroed(n) // x̄; dst may alias a point of x
	defer linalg.PutFloats(bp)
	bar := *bp
	var aSum, wTot, y0 float64
	for j := 0; j < k; j++ {
		wj := 1.0
		if w != nil {
			wj = w[j]
		}
		if wj == 0 {
			continue
		}
		xj := x[j*n : (j+1)*n]
		gap, ss := ballGap(c, xj)
		aj := wj / gap
		aSum += aj
		wTot += wj
		y0 += aj * (1 + c*ss)
		for i, v := range xj {
			bar[i] += aj * v
		}
	}
	for i := range bar {
		bar[i] /= aSum
	}
	var vsum float64
	for j := 0; j < k; j++ {
		wj := 1.0
		if w != nil {
			wj = w[j]
		}
		if wj == 0 {
			continue
		}
		xj := x[j*n : (j+1)*n]
		gap, _ := ballGap(c, xj)
		var d2 float64
		for i, v := range xj {
			d := v - bar[i]
			d2 += d * d
		}
		vsum += wj / gap * d2
	}
	s := math.Sqrt(wTot*wTot + 4*c*aSum*vsum)
	f := 2 * aSum / (y0 + s)
	for i, v := range bar {
		dst[i] = f * v
	}
	clampGap(c, dst)
}
