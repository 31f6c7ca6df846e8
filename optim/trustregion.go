package optim

import (
	"github.com/geodesic-go/geodesic/internal/linalg"

	"fmt"
	"math"

	"github.com/geodesic-go/geodesic/manifold"
)

// DefaultFDStep is the default step of the finite-difference Hessian
// approximation, Manopt's 2⁻¹⁴ (Boumal 2015, "Riemannian trust regions with
// finite-difference Hessian approximations are globally convergent").
const DefaultFDStep = 0x1p-14

// TrustRegion is the Riemannian trust-region method with the truncated
// conjugate-gradient inner solver of Steihaug and Toint (Absil, Baker &
// Gallivan 2007, "Trust-region methods on Riemannian manifolds"; Absil,
// Mahony & Sepulchre 2008, ch. 7; Boumal 2023, §6.4 and §6.5).
//
// At x_k it minimises, approximately, the model
//
//	m_k(η) = f(x_k) + ⟨grad f(x_k), η⟩ + ½⟨η, Hess f(x_k)[η]⟩,   ‖η‖ ≤ Δ_k,
//
// by truncated CG from η = 0, stopping at the boundary, on negative
// curvature, after MaxInner inner iterations, or when the residual satisfies
// ‖r_j‖ ≤ ‖r_0‖·min(‖r_0‖^θ, κ) (superlinear local convergence for θ > 0;
// quadratic for θ = 1 with an exact Hessian). The step is accepted when
//
//	ρ_k = (f(x_k) − f(R_{x_k}(η)) + ε)/(m_k(0) − m_k(η) + ε) > ρ',
//
// where ε = 10³·eps·max(1, |f(x_k)|) keeps ρ meaningful when both
// differences are at rounding level (Manopt's rho_regularization). The
// radius becomes Δ/4 if ρ < 1/4 and min(2Δ, Δ̄) if ρ > 3/4 and η reached the
// boundary (or followed negative curvature).
//
// Hessian-vector products come from Problem.RHessVec, or from
// Problem.HessVec converted by the manifold's EHessToRHess (which requires
// manifold.HessianConverter and a Euclidean Problem.Grad); otherwise, or if
// FiniteDifference is set, from the finite difference of transported
// gradients
//
//	Hess f(x)[v] ≈ (T_{y→x}(grad f(y)) − grad f(x))/h,   y = R_x(h·v),
//
// with h = FDStep/‖v‖ (Boumal 2023, §10.6; Boumal 2015), and Result.Notes
// says so. Each such product costs one gradient evaluation.
//
// The zero value is ready to use: Δ̄ = the manifold's injectivity radius if
// it reports a finite one, else √(dim M); Δ_0 = Δ̄/8; ρ' = 0.1; κ = 0.1;
// θ = 1; MaxInner = dim M; FDStep = 2⁻¹⁴.
type TrustRegion struct {
	// MaxRadius is Δ̄ > 0; 0 means the default above.
	MaxRadius float64
	// InitialRadius is Δ_0 ∈ (0, Δ̄]; 0 means Δ̄/8.
	InitialRadius float64
	// Accept is the acceptance threshold ρ' ∈ [0, 1/4); 0 means 0.1.
	Accept float64
	// Kappa is the κ ∈ (0, 1) of the inner stopping rule; 0 means 0.1.
	Kappa float64
	// Theta is the θ > 0 of the inner stopping rule; 0 means 1.
	Theta float64
	// MaxInner limits the inner iterations; 0 means dim M.
	MaxInner int
	// FiniteDifference forces the finite-difference Hessian even when an
	// exact one is available.
	FiniteDifference bool
	// FDStep is the finite-difference step (in the metric norm); 0 means
	// DefaultFDStep.
	FDStep float64
}

// String returns "rtr".
func (o *TrustRegion) String() string { return "rtr" }

type hessSource int

const (
	hessRiemannian hessSource = iota
	hessConverted
	hessFD
)

type trParams struct {
	maxR, r0, accept, kappa, theta, fdStep float64
	maxInner                               int
	src                                    hessSource
	hc                                     manifold.HessianConverter
	note                                   string
}

func (o *TrustRegion) params(m manifold.Manifold, x []float64, p Problem) (q trParams, err error) {
	if o == nil {
		return q, errNilMethod
	}
	bad := func(name string, v float64) error {
		return fmt.Errorf("optim: TrustRegion.%s = %v is out of range", name, v)
	}
	q.maxR = o.MaxRadius
	if q.maxR == 0 {
		q.maxR = math.Sqrt(float64(max(m.Dim(), 1)))
		if ir, ok := manifold.AsInjectivityRadiuser(m); ok && x != nil {
			if v := ir.InjectivityRadius(x); v > 0 && !math.IsInf(v, 0) {
				q.maxR = v
			}
		}
	}
	if !(q.maxR > 0) || math.IsInf(q.maxR, 0) {
		return q, bad("MaxRadius", o.MaxRadius)
	}
	q.r0 = o.InitialRadius
	if q.r0 == 0 {
		q.r0 = q.maxR / 8
	}
	if !(q.r0 > 0 && q.r0 <= q.maxR) {
		return q, bad("InitialRadius", o.InitialRadius)
	}
	if o.Accept == 0 {
		q.accept = 0.1
	} else if q.accept = o.Accept; !(q.accept >= 0 && q.accept < 0.25) {
		return q, bad("Accept", o.Accept)
	}
	if q.kappa, err = unitParam("TrustRegion.Kappa", o.Kappa, 0.1, 0, 1); err != nil {
		return q, err
	}
	if q.theta, err = unitParam("TrustRegion.Theta", o.Theta, 1, 0, math.Inf(1)); err != nil {
		return q, err
	}
	if q.fdStep, err = unitParam("TrustRegion.FDStep", o.FDStep, DefaultFDStep, 0, math.Inf(1)); err != nil {
		return q, err
	}
	q.maxInner = o.MaxInner
	switch {
	case q.maxInner == 0:
		q.maxInner = max(m.Dim(), 1)
	case q.maxInner < 0:
		return q, fmt.Errorf("optim: TrustRegion.MaxInner = %d is negative", o.MaxInner)
	}
	// The Hessian source.
	hc, hasHC := manifold.AsHessianConverter(m)
	switch {
	case o.FiniteDifference:
		q.src = hessFD
		q.note = "rtr: FiniteDifference set: Hessian-vector products by finite differences of transported gradients"
	case p.RHessVec != nil:
		q.src = hessRiemannian
	case p.HessVec != nil && p.RGrad == nil && p.Grad != nil && hasHC:
		q.src, q.hc = hessConverted, hc
	case p.HessVec != nil && !hasHC:
		q.src = hessFD
		q.note = fmt.Sprintf("rtr: %s has no EHessToRHess (manifold.HessianConverter), so Problem.HessVec is not used: Hessian-vector products by finite differences of transported gradients", name(m))
	case p.HessVec != nil:
		q.src = hessFD
		q.note = "rtr: Problem.HessVec needs the Euclidean gradient Problem.Grad for its conversion, but the gradient comes from Problem.RGrad: Hessian-vector products by finite differences of transported gradients"
	default:
		q.src = hessFD
		q.note = "rtr: the problem has no Hessian: Hessian-vector products by finite differences of transported gradients"
	}
	return q, nil
}

func (o *TrustRegion) prepare(r *runner) error {
	if _, err := o.params(r.m, r.x, r.p); err != nil {
		return err
	}
	return r.needGradient("trust regions")
}

// hessian computes Hessian-vector products at the current iterate.
type hessian struct {
	r   *runner
	q   *trParams
	ehv []float64 // Euclidean product (converted source)
	// finite differences: the displaced point, its gradients, the scaled v
	xh, gh, egh, hv []float64
}

// apply writes Hess f(x)[v] into dst and reports whether it is finite.
func (h *hessian) apply(dst, v []float64) bool {
	r := h.r
	r.hevals++
	switch h.q.src {
	case hessRiemannian:
		r.p.RHessVec(dst, r.x, v)
	case hessConverted:
		r.p.HessVec(h.ehv, r.x, v)
		if !linalg.AllFinite(h.ehv) {
			return false
		}
		h.q.hc.EHessToRHess(dst, r.x, r.eg, h.ehv, v)
	default:
		nv := r.m.Norm(r.x, v)
		if nv == 0 {
			clear(dst)
			return true
		}
		t := h.q.fdStep / nv
		scaleTo(h.hv, t, v)
		r.m.Retract(h.xh, r.x, h.hv)
		if !r.gradient(h.gh, h.egh, h.xh) {
			return false
		}
		r.m.Transport(dst, h.xh, r.x, h.gh)
		lincomb(dst, 1/t, dst, -1/t, r.g)
	}
	return linalg.AllFinite(dst)
}

func (o *TrustRegion) run(r *runner) {
	q, _ := o.params(r.m, r.x, r.p)
	if q.note != "" {
		r.notes = append(r.notes, q.note)
	}
	h := &hessian{r: r, q: &q}
	switch q.src {
	case hessConverted:
		h.ehv = r.newVec()
	case hessFD:
		h.xh, h.gh, h.egh, h.hv = r.newVec(), r.newVec(), r.newEVec(), r.newVec()
	}
	var (
		eta, heta  = r.newVec(), r.newVec()
		res, delta = r.newVec(), r.newVec()
		hdelta     = r.newVec()
		xt, gt     = r.newVec(), r.newVec()
		egt        = r.newEVec()
		radius     = q.r0
	)
	for {
		if r.stationary() {
			return
		}
		boundary, ok := o.tcg(r, h, &q, radius, eta, heta, res, delta, hdelta)
		if !ok {
			return
		}
		// Model decrease m(0) − m(η) = −⟨g, η⟩ − ½⟨η, Hη⟩.
		mdec := -r.m.Inner(r.x, r.g, eta) - 0.5*r.m.Inner(r.x, eta, heta)
		r.m.Retract(xt, r.x, eta)
		ft := r.cost(xt)
		if badCost(ft) {
			r.fail(NotFinite)
			return
		}
		reg := 1e3 * 0x1p-52 * math.Max(1, math.Abs(r.f))
		rho := (r.f - ft + reg) / (mdec + reg)
		if !(mdec > 0) || math.IsInf(ft, 1) {
			rho = math.Inf(-1)
		}
		used := radius
		switch {
		case rho < 0.25:
			radius /= 4
		case rho > 0.75 && boundary:
			radius = math.Min(2*radius, q.maxR)
		}
		var step float64
		if rho > q.accept {
			if !r.gradient(gt, egt, xt) {
				r.fail(NotFinite)
				return
			}
			step = r.m.Norm(r.x, eta)
			r.x, xt = xt, r.x
			r.g, gt = gt, r.g
			r.eg, egt = egt, r.eg
			r.f = ft
			r.gnorm = r.m.Norm(r.x, r.g)
		}
		if r.next(step, used, radius) {
			return
		}
	}
}

// tcg runs the truncated conjugate-gradient method of Steihaug and Toint on
// the model at the current iterate (Absil, Baker & Gallivan 2007, Alg. 2;
// Boumal 2023, Alg. 6.3), leaving the step in eta and Hess f(x)[eta] in
// heta. It reports whether the step reached the trust-region boundary (or
// followed negative curvature), and ok = false if the run must stop.
func (o *TrustRegion) tcg(r *runner, h *hessian, q *trParams, radius float64, eta, heta, res, delta, hdelta []float64) (boundary, ok bool) {
	clear(eta)
	clear(heta)
	copy(res, r.g)
	scaleTo(delta, -1, r.g)
	rr := r.gnorm * r.gnorm
	r0 := r.gnorm
	tol := r0 * math.Min(math.Pow(r0, q.theta), q.kappa)
	r2 := radius * radius
	for j := 0; j < q.maxInner; j++ {
		if j > 0 && (r.interrupted() || r.evalLimited()) {
			return false, r.status == NotTerminated
		}
		if !h.apply(hdelta, delta) {
			r.fail(NotFinite)
			return false, false
		}
		kappa := r.m.Inner(r.x, delta, hdelta)
		ee := r.m.Inner(r.x, eta, eta)
		ed := r.m.Inner(r.x, eta, delta)
		dd := r.m.Inner(r.x, delta, delta)
		rd := r.m.Inner(r.x, res, delta) // = −rr in exact arithmetic
		if !(dd > 0) {
			return false, true
		}
		alpha := rr / kappa
		if kappa <= 0 || ee+2*alpha*ed+alpha*alpha*dd >= r2 {
			// Go to the boundary: τ ≥ 0 with ‖η + τδ‖ = Δ.
			disc := ed*ed + dd*(r2-ee)
			tau := (-ed + math.Sqrt(math.Max(disc, 0))) / dd
			if tau*rd+0.5*tau*tau*kappa < 0 || j == 0 {
				axpy(eta, tau, delta)
				axpy(heta, tau, hdelta)
			}
			return true, true
		}
		if alpha*rd+0.5*alpha*alpha*kappa >= 0 {
			// The model would not decrease (an inexact Hessian): stop.
			return false, true
		}
		axpy(eta, alpha, delta)
		axpy(heta, alpha, hdelta)
		axpy(res, alpha, hdelta)
		// Keep the residual tangent: on quotient manifolds such as the
		// Grassmannian, rounding errors with a vertical component are not
		// damped by the Hessian and would otherwise take over the CG
		// directions once the horizontal residual is small.
		r.m.Proj(res, r.x, res)
		rrOld := rr
		rr = r.m.Inner(r.x, res, res)
		if math.Sqrt(rr) <= tol {
			return false, true
		}
		beta := rr / rrOld
		lincomb(delta, -1, res, beta, delta)
	}
	return false, true
}
