package manifoldtest

import (
	"math/rand/v2"
	"strings"
)

// aliasCase is one dst-first method with valid inputs.
type aliasCase struct {
	method string
	args   []string                                  // names of the inputs after dst
	in     [][]float64                               // valid inputs
	call   func(dst []float64, in [][]float64) error // the method; the error of Log-like methods
}

// checkAliasing: for every method that writes into dst, calling it with dst
// equal to each of its slice inputs in turn (the other inputs being fresh
// copies) gives the same bits and the same error-ness as the call with a
// separate dst.
func checkAliasing(c *ctx) {
	m := c.m()
	for i := 0; i < c.trials(); i++ {
		p := c.point()
		v := c.tangent(p, 0.5*min(1, c.maxDist(p)))
		q := c.newVec()
		m.Exp(q, p, c.tangent(p, 0.5*min(1, c.maxDist(p))))
		x := c.ambient(p)
		seed := c.rng.Uint64()
		cases := []aliasCase{
			{"Proj", []string{"p", "x"}, [][]float64{p, x}, func(d []float64, a [][]float64) error { m.Proj(d, a[0], a[1]); return nil }},
			{"EGradToRGrad", []string{"p", "egrad"}, [][]float64{p, x}, func(d []float64, a [][]float64) error { m.EGradToRGrad(d, a[0], a[1]); return nil }},
			{"Exp", []string{"p", "v"}, [][]float64{p, v}, func(d []float64, a [][]float64) error { m.Exp(d, a[0], a[1]); return nil }},
			{"Retract", []string{"p", "v"}, [][]float64{p, v}, func(d []float64, a [][]float64) error { m.Retract(d, a[0], a[1]); return nil }},
			{"Transport", []string{"p", "q", "v"}, [][]float64{p, q, v}, func(d []float64, a [][]float64) error { m.Transport(d, a[0], a[1], a[2]); return nil }},
			{"RandomTangent", []string{"p"}, [][]float64{p}, func(d []float64, a [][]float64) error {
				m.RandomTangent(d, a[0], rand.New(rand.NewPCG(seed, 1)))
				return nil
			}},
		}
		if c.s.useLg {
			cases = append(cases, aliasCase{"Log", []string{"p", "q"}, [][]float64{p, q}, func(d []float64, a [][]float64) error { return m.Log(d, a[0], a[1]) }})
		}
		if ir := c.s.invr; ir != nil {
			r := c.newVec()
			m.Retract(r, p, v)
			cases = append(cases, aliasCase{"InverseRetract", []string{"p", "q"}, [][]float64{p, r}, func(d []float64, a [][]float64) error { return ir.InverseRetract(d, a[0], a[1]) }})
		}
		if pt := c.s.pt; pt != nil {
			cases = append(cases, aliasCase{"ParallelTransport", []string{"p", "q", "v"}, [][]float64{p, q, v}, func(d []float64, a [][]float64) error {
				pt.ParallelTransport(d, a[0], a[1], a[2])
				return nil
			}})
		}
		if hc := c.s.hess; hc != nil {
			eh := c.ambient(p)
			cases = append(cases, aliasCase{"EHessToRHess", []string{"p", "egrad", "ehess", "v"}, [][]float64{p, x, eh, v}, func(d []float64, a [][]float64) error {
				hc.EHessToRHess(d, a[0], a[1], a[2], a[3])
				return nil
			}})
		}
		if pr := c.s.proj; pr != nil {
			y := clone(x)
			for j := range y {
				y[j] = p[j] + 0.1*x[j]
			}
			cases = append(cases, aliasCase{"Project", []string{"x"}, [][]float64{y}, func(d []float64, a [][]float64) error { pr.Project(d, a[0]); return nil }})
		}
		for _, ac := range cases {
			copies := func() [][]float64 {
				in := make([][]float64, len(ac.in))
				for j, a := range ac.in {
					in[j] = clone(a)
				}
				return in
			}
			want := c.newVec()
			wantErr := ac.call(want, copies())
			sig := ac.method + "(dst, " + strings.Join(ac.args, ", ") + ")"
			for j, name := range ac.args {
				in := copies()
				err := ac.call(in[j], in)
				if (err == nil) != (wantErr == nil) {
					c.errorf("trial %d: %s with dst = %s returned error %v, without aliasing %v", i, sig, name, err, wantErr)
					continue
				}
				if k := firstBitDiff(in[j], want); k >= 0 && wantErr == nil {
					c.errorf("trial %d: %s with dst = %s differs at [%d]: %v, without aliasing %v", i, sig, name, k, in[j][k], want[k])
				}
			}
		}
	}
}
