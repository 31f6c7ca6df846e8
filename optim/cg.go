package optim

import (
	"fmt"
	"math"
)

// CGVariant selects the conjugate-gradient parameter β_k of
// ConjugateGradient.
//
// In the formulas g = grad f(x_{k+1}), g_k = grad f(x_k), d_k the previous
// direction, T the manifold's vector transport from x_k to x_{k+1},
// y = g − T(g_k), and D = ⟨g, T(d_k)⟩ − ⟨g_k, d_k⟩ (the Riemannian
// denominator of Sato 2016, which needs no transport of g_k). Inner products
// and norms are those of the metric at the point the vectors live at. A
// denominator that is not positive, or a non-finite β, gives β = 0 (a
// restart). See Sato 2021, ch. 4, and Sato 2022, "Riemannian conjugate
// gradient methods: general framework and specific algorithms with
// convergence analyses".
type CGVariant int

const (
	// HagerZhang (Hager & Zhang 2005; Sato 2021, §4.5), the default:
	//
	//	β = ⟨y − 2T(d_k)·‖y‖²/⟨T(d_k), y⟩, g⟩/⟨T(d_k), y⟩,
	//
	// bounded below by −1/(‖T(d_k)‖·min(0.01, ‖g_k‖)) as in their paper.
	HagerZhang CGVariant = iota
	// FletcherReeves (Fletcher & Reeves 1964; Ring & Wirth 2012; Sato &
	// Iwai 2015): β = ‖g‖²/‖g_k‖².
	FletcherReeves
	// PolakRibierePlus (Polak & Ribière 1969, Polyak 1969, with the
	// nonnegative truncation of Gilbert & Nocedal 1992):
	// β = max(0, ⟨g, y⟩/‖g_k‖²).
	PolakRibierePlus
	// HestenesStiefel (Hestenes & Stiefel 1952; Sakai & Iiduka 2020):
	// β = ⟨g, y⟩/D.
	HestenesStiefel
	// DaiYuan (Dai & Yuan 1999; Sato 2016): β = ‖g‖²/D.
	DaiYuan
)

// String returns the variant's short name: "hz", "fr", "pr+", "hs" or "dy".
func (v CGVariant) String() string {
	switch v {
	case HagerZhang:
		return "hz"
	case FletcherReeves:
		return "fr"
	case PolakRibierePlus:
		return "pr+"
	case HestenesStiefel:
		return "hs"
	case DaiYuan:
		return "dy"
	}
	return fmt.Sprintf("CGVariant(%d)", int(v))
}

// ConjugateGradient is the Riemannian nonlinear conjugate-gradient method
// (Absil, Mahony & Sepulchre 2008, §8.3; Ring & Wirth 2012; Sato & Iwai
// 2015; Sato 2021; Boumal 2023, §4.7):
//
//	x_{k+1} = R_{x_k}(t_k·d_k),   d_{k+1} = −grad f(x_{k+1}) + β_k·T(d_k),
//
// with β_k from Variant, T the manifold's vector transport, and t_k from a
// strong Wolfe line search (c1 = Armijo, c2 = Curvature; see the package
// documentation). The direction is reset to −grad f (a restart) when
//
//   - it is not a clear descent direction: ⟨grad f, d⟩ > −10⁻⁶·‖grad f‖·‖d‖;
//   - Powell's test signals lost conjugacy: |⟨g, T(g_k)⟩| ≥ ν·‖g‖²
//     (Powell 1977), ν = PowellRestart;
//   - every RestartEvery iterations.
//
// The zero value is ready to use: Hager–Zhang, PreviousStep initial step,
// c1 = 1e-4, c2 = 0.1, Powell's test with ν = 0.2, restarts every dim M
// iterations. (Powell's test matters most for Fletcher–Reeves and Dai–Yuan,
// which without it can take many short steps: 95 and 120 iterations instead
// of 18 on the Rayleigh test problem of the package documentation.)
type ConjugateGradient struct {
	// Variant selects β_k; the zero value is HagerZhang.
	Variant CGVariant
	// InitialStep selects the first trial step of the line search;
	// DefaultStep means PreviousStep.
	InitialStep InitialStep
	// Armijo is the sufficient-decrease constant c1 ∈ (0, 1/2); 0 means
	// 1e-4.
	Armijo float64
	// Curvature is the strong Wolfe constant c2 ∈ (c1, 1); 0 means 0.1
	// (Nocedal & Wright 2006, §3.1). Fletcher–Reeves needs c2 < 1/2 to
	// guarantee descent.
	Curvature float64
	// PowellRestart is Powell's ν > 0; 0 means 0.2 (Powell's value),
	// negative switches the test off.
	PowellRestart float64
	// RestartEvery forces a restart every RestartEvery iterations; 0 means
	// dim M, negative never.
	RestartEvery int
}

// String returns "cg-" followed by the variant's short name, e.g. "cg-hz".
func (o *ConjugateGradient) String() string {
	if o == nil {
		return "cg"
	}
	return "cg-" + o.Variant.String()
}

type cgParams struct {
	variant CGVariant
	init    InitialStep
	c1, c2  float64
	nu      float64
	every   int
}

func (o *ConjugateGradient) params(dim int) (p cgParams, err error) {
	if o == nil {
		return p, errNilMethod
	}
	if o.Variant < HagerZhang || o.Variant > DaiYuan {
		return p, fmt.Errorf("optim: ConjugateGradient.Variant: unknown value %d", int(o.Variant))
	}
	p.variant = o.Variant
	if !o.InitialStep.valid() {
		return p, fmt.Errorf("optim: ConjugateGradient.InitialStep: unknown value %d", int(o.InitialStep))
	}
	p.init = o.InitialStep
	if p.init == DefaultStep {
		p.init = PreviousStep
	}
	if p.c1, err = armijoParam("ConjugateGradient.Armijo", o.Armijo); err != nil {
		return p, err
	}
	if p.c2, err = unitParam("ConjugateGradient.Curvature", o.Curvature, 0.1, p.c1, 1); err != nil {
		return p, err
	}
	if math.IsNaN(o.PowellRestart) || math.IsInf(o.PowellRestart, 0) {
		return p, fmt.Errorf("optim: ConjugateGradient.PowellRestart = %v", o.PowellRestart)
	}
	p.nu = o.PowellRestart
	if p.nu == 0 {
		p.nu = 0.2
	}
	p.every = o.RestartEvery
	switch {
	case p.every == 0:
		p.every = max(dim, 1)
	case p.every < 0:
		p.every = math.MaxInt
	}
	return p, nil
}

func (o *ConjugateGradient) prepare(r *runner) error {
	if _, err := o.params(r.m.Dim()); err != nil {
		return err
	}
	return r.needGradient("conjugate gradient")
}

func (o *ConjugateGradient) run(r *runner) {
	p, _ := o.params(r.m.Dim())
	ls := newLineSearch(r, true)
	d := r.newVec()
	gT := r.newVec() // T(g_k) at x_{k+1}
	y := r.newVec()
	rule := stepRule{kind: p.init}
	scaleTo(d, -1, r.g)
	sinceRestart := 0
	for {
		if r.stationary() {
			return
		}
		r.m.Proj(d, r.x, d) // see the package documentation, "Numerics"
		dphi0 := r.m.Inner(r.x, r.g, d)
		dnorm := r.m.Norm(r.x, d)
		if !(dphi0 <= -1e-6*r.gnorm*dnorm) {
			scaleTo(d, -1, r.g)
			r.m.Proj(d, r.x, d)
			dphi0 = r.m.Inner(r.x, r.g, d)
			dnorm = r.m.Norm(r.x, d)
			sinceRestart = 0
			if !(dphi0 < 0 && dnorm > 0) { // −grad f underflowed
				r.fail(LineSearchFailed)
				return
			}
		}
		t0 := rule.initial(dnorm, dphi0, r.f)
		t, ok := ls.wolfe(d, dnorm, dphi0, t0, p.c1, p.c2)
		if !ok {
			return
		}
		rule.accepted(t, t0, r.f)
		gkNorm2 := r.gnorm * r.gnorm
		r.m.Transport(gT, r.x, ls.xt, r.g)
		r.x, ls.xt = ls.xt, r.x
		r.g, ls.gt = ls.gt, r.g
		r.eg, ls.egt = ls.egt, r.eg
		r.f = ls.ft
		r.gnorm = r.m.Norm(r.x, r.g)
		dT := ls.dt // T(d_k) at x_{k+1}
		lincomb(y, 1, r.g, -1, gT)
		gg := r.gnorm * r.gnorm

		var beta float64
		switch p.variant {
		case FletcherReeves:
			beta = gg / gkNorm2
		case PolakRibierePlus:
			beta = math.Max(0, r.m.Inner(r.x, r.g, y)/gkNorm2)
		case HestenesStiefel:
			if den := r.m.Inner(r.x, r.g, dT) - dphi0; den > 0 {
				beta = r.m.Inner(r.x, r.g, y) / den
			}
		case DaiYuan:
			if den := r.m.Inner(r.x, r.g, dT) - dphi0; den > 0 {
				beta = gg / den
			}
		case HagerZhang:
			if dy := r.m.Inner(r.x, dT, y); dy > 0 {
				yy := r.m.Inner(r.x, y, y)
				beta = (r.m.Inner(r.x, y, r.g) - 2*yy*r.m.Inner(r.x, dT, r.g)/dy) / dy
				lower := -1 / (r.m.Norm(r.x, dT) * math.Min(0.01, math.Sqrt(gkNorm2)))
				beta = math.Max(beta, lower)
			}
		}
		if !finite(beta) {
			beta = 0
		}
		if p.nu > 0 && math.Abs(r.m.Inner(r.x, r.g, gT)) >= p.nu*gg {
			beta = 0
		}
		sinceRestart++
		if sinceRestart >= p.every {
			beta = 0
			sinceRestart = 0
		}
		if p.init == BarzilaiBorwein {
			// s = t·T(d_k), y = g − T(g_k).
			rule.setBB(t*t*r.m.Inner(r.x, dT, dT), t*r.m.Inner(r.x, dT, y), r.m.Inner(r.x, y, y))
		}
		lincomb(d, -1, r.g, beta, dT)
		step := t * dnorm
		if r.next(step, t, step) {
			return
		}
	}
}
