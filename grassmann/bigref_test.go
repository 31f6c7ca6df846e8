package grassmann_test

import (
	"math"
	"math/big"
	"sort"

	"github.com/geodesic-go/geodesic/internal/testutil"
)

// High-precision references for the accuracy tests.
//
// Every reference is computed from the float64 bases exactly as given, in
// refPrec-bit math/big arithmetic, by routes that share nothing with the
// package's algorithms (no SVD, no compensated residual, no atan2 pairing of
// separately computed values):
//
//   - each basis is orthonormalised by modified Gram–Schmidt applied twice,
//     so the references describe the subspaces the float64 data span, not
//     an idealised input;
//   - with orthonormal U, Y (n×p, big), M = UᵀY and R = Y − U·M =
//     (I − UUᵀ)Y are formed exactly to refPrec bits;
//   - cos²θ are the eigenvalues of MᵀM and sin²θ those of RᵀR =
//     Yᵀ(I − UUᵀ)Y, each found by the cyclic Jacobi eigenvalue method in big
//     arithmetic (Golub & Van Loan, 4th ed., §8.5) — the sines are not taken
//     as 1 − cos², so tiny angles keep all their digits;
//   - θᵢ = atan2(√sin²ᵢ, √cos²ᵢ), pairing ascending sin² with descending
//     cos² (the two matrices commute: MᵀM + RᵀR = I), rounded to float64
//     only at the end;
//   - the logarithm is the classical formula (Absil, Mahony & Sepulchre
//     2004; Edelman, Arias & Smith 1998, §3.8 for the geodesic between two
//     subspaces) Log_U(Y) = T·V·diag(arctan σᵢ/σᵢ)·Vᵀ with
//     T = (I − UUᵀ)Y(UᵀY)⁻¹ = R·M⁻¹ (M inverted by Gauss–Jordan in big)
//     and TᵀT = V·diag(σ²)·Vᵀ by Jacobi — an inverse where the package
//     uses a Procrustes alignment and two SVDs; only arctan(σ)/σ is
//     evaluated in float64, from σ correctly rounded.
//
// 300 bits leave about 240 bits after the cancellations of angles of 1e-10
// (sin² of 1e-20), far more than the 53 the comparisons need.
const refPrec = 300

type bigMat struct {
	r, c int
	a    []*big.Float
}

func newBig(r, c int) *bigMat {
	m := &bigMat{r: r, c: c, a: make([]*big.Float, r*c)}
	for i := range m.a {
		m.a[i] = new(big.Float).SetPrec(refPrec)
	}
	return m
}

func bigFrom(x []float64, r, c int) *bigMat {
	m := newBig(r, c)
	for i, v := range x {
		m.a[i].SetFloat64(v)
	}
	return m
}

func (m *bigMat) at(i, j int) *big.Float { return m.a[i*m.c+j] }

func bf() *big.Float { return new(big.Float).SetPrec(refPrec) }

// mulBig returns op(A)·op(B) with op = transpose when the flag is set.
func mulBig(a *bigMat, ta bool, b *bigMat, tb bool) *bigMat {
	ar, ac := a.r, a.c
	if ta {
		ar, ac = ac, ar
	}
	br, bc := b.r, b.c
	if tb {
		br, bc = bc, br
	}
	if ac != br {
		panic("mulBig: shape")
	}
	return &bigMat{r: ar, c: bc, a: testutil.BigMul(a.a, ta, b.a, tb, ar, ac, bc, refPrec)}
}

// orthonormalise applies modified Gram–Schmidt twice to the columns of m.
func orthonormalise(m *bigMat) *bigMat {
	q := newBig(m.r, m.c)
	for i := range m.a {
		q.a[i].Set(m.a[i])
	}
	cols := make([][]*big.Float, q.c)
	for j := range cols {
		cols[j] = make([]*big.Float, q.r)
		for i := range cols[j] {
			cols[j][i] = q.at(i, j)
		}
	}
	testutil.BigOrthonormalise(cols, refPrec)
	return q
}

// jacobiEig returns the eigenvalues of the symmetric matrix a (which it
// destroys) and, if vecs, the matrix whose columns are the eigenvectors, by
// the cyclic Jacobi method with the classical rotation choice (Golub & Van
// Loan, 4th ed., §8.5), iterated until the off-diagonal part is
// below 2^-(refPrec-20) of the Frobenius norm.
func jacobiEig(a *bigMat, vecs bool) ([]*big.Float, *bigMat) {
	n := a.r
	var v *bigMat
	if vecs {
		v = newBig(n, n)
		for i := 0; i < n; i++ {
			v.at(i, i).SetFloat64(1)
		}
	}
	fro := bf()
	t := bf()
	for i := range a.a {
		t.Mul(a.a[i], a.a[i])
		fro.Add(fro, t)
	}
	thresh := bf().SetMantExp(fro, -2*(refPrec-20))
	one := bf().SetFloat64(1)
	for sweep := 0; sweep < 100; sweep++ {
		off := bf()
		for i := 0; i < n; i++ {
			for j := 0; j < n; j++ {
				if i != j {
					t.Mul(a.at(i, j), a.at(i, j))
					off.Add(off, t)
				}
			}
		}
		if off.Cmp(thresh) <= 0 {
			break
		}
		for p := 0; p < n-1; p++ {
			for q := p + 1; q < n; q++ {
				apq := a.at(p, q)
				if apq.Sign() == 0 {
					continue
				}
				// τ = (a_qq − a_pp)/(2a_pq), t = sign(τ)/(|τ| + √(1+τ²)).
				tau := bf().Sub(a.at(q, q), a.at(p, p))
				tau.Quo(tau, bf().Mul(bf().SetFloat64(2), apq))
				r := bf().Mul(tau, tau)
				r.Add(r, one)
				r.Sqrt(r)
				tt := bf().Abs(tau)
				tt.Add(tt, r)
				tt.Quo(one, tt)
				if tau.Sign() < 0 {
					tt.Neg(tt)
				}
				c := bf().Mul(tt, tt)
				c.Add(c, one)
				c.Sqrt(c)
				c.Quo(one, c)
				s := bf().Mul(tt, c)
				// A ← JᵀAJ on rows and columns p, q.
				for k := 0; k < n; k++ {
					akp, akq := bf().Set(a.at(k, p)), bf().Set(a.at(k, q))
					a.at(k, p).Sub(bf().Mul(c, akp), bf().Mul(s, akq))
					a.at(k, q).Add(bf().Mul(s, akp), bf().Mul(c, akq))
				}
				for k := 0; k < n; k++ {
					apk, aqk := bf().Set(a.at(p, k)), bf().Set(a.at(q, k))
					a.at(p, k).Sub(bf().Mul(c, apk), bf().Mul(s, aqk))
					a.at(q, k).Add(bf().Mul(s, apk), bf().Mul(c, aqk))
				}
				if vecs {
					for k := 0; k < n; k++ {
						vkp, vkq := bf().Set(v.at(k, p)), bf().Set(v.at(k, q))
						v.at(k, p).Sub(bf().Mul(c, vkp), bf().Mul(s, vkq))
						v.at(k, q).Add(bf().Mul(s, vkp), bf().Mul(c, vkq))
					}
				}
			}
		}
	}
	w := make([]*big.Float, n)
	for i := range w {
		w[i] = bf().Set(a.at(i, i))
	}
	return w, v
}

// refGeom holds the orthonormalised bases and the residual.
type refGeom struct {
	n, p int
	u, y *bigMat // orthonormal bases
	m    *bigMat // UᵀY
	r    *bigMat // Y − U·M
}

func newRefGeom(u, y []float64, n, p int) *refGeom {
	g := &refGeom{n: n, p: p}
	g.u = orthonormalise(bigFrom(u, n, p))
	g.y = orthonormalise(bigFrom(y, n, p))
	g.m = mulBig(g.u, true, g.y, false)
	um := mulBig(g.u, false, g.m, false)
	g.r = newBig(n, p)
	for i := range g.r.a {
		g.r.a[i].Sub(g.y.a[i], um.a[i])
	}
	return g
}

func bigSqrtF(x *big.Float) float64 {
	if x.Sign() <= 0 {
		return 0
	}
	f, _ := bf().Sqrt(x).Float64()
	return f
}

// angles returns the principal angles ascending, and their sines.
func (g *refGeom) angles() (theta, sines []float64) {
	cos2, _ := jacobiEig(mulBig(g.m, true, g.m, false), false)
	sin2, _ := jacobiEig(mulBig(g.r, true, g.r, false), false)
	sort.Slice(cos2, func(i, j int) bool { return cos2[i].Cmp(cos2[j]) > 0 })
	sort.Slice(sin2, func(i, j int) bool { return sin2[i].Cmp(sin2[j]) < 0 })
	theta = make([]float64, g.p)
	sines = make([]float64, g.p)
	for i := range theta {
		s, c := bigSqrtF(sin2[i]), bigSqrtF(cos2[i])
		theta[i] = math.Atan2(s, c)
		sines[i] = s
	}
	return theta, sines
}

// invertBig inverts the square matrix a by Gauss–Jordan elimination with
// partial pivoting.
func invertBig(a *bigMat) *bigMat {
	n := a.r
	w := newBig(n, 2*n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			w.at(i, j).Set(a.at(i, j))
		}
		w.at(i, n+i).SetFloat64(1)
	}
	t := bf()
	for col := 0; col < n; col++ {
		piv := col
		for i := col + 1; i < n; i++ {
			if bf().Abs(w.at(i, col)).Cmp(bf().Abs(w.at(piv, col))) > 0 {
				piv = i
			}
		}
		for j := 0; j < 2*n; j++ {
			x, y := w.at(col, j), w.at(piv, j)
			tmp := bf().Set(x)
			x.Set(y)
			y.Set(tmp)
		}
		d := bf().Set(w.at(col, col))
		for j := 0; j < 2*n; j++ {
			w.at(col, j).Quo(w.at(col, j), d)
		}
		for i := 0; i < n; i++ {
			if i == col {
				continue
			}
			f := bf().Set(w.at(i, col))
			for j := 0; j < 2*n; j++ {
				t.Mul(f, w.at(col, j))
				w.at(i, j).Sub(w.at(i, j), t)
			}
		}
	}
	out := newBig(n, n)
	for i := 0; i < n; i++ {
		for j := 0; j < n; j++ {
			out.at(i, j).Set(w.at(i, n+j))
		}
	}
	return out
}

// log returns the horizontal lift of Log_U(Y) at the float64 representative
// u. Gram–Schmidt gives U with u = U·O, O = Uᵀu (p×p, I + O(ε)), and the
// lifts at two bases of one subspace are related by the same right factor:
// the lift at u is the lift at U times O.
func (g *refGeom) log(u []float64) []float64 {
	n, p := g.n, g.p
	t := mulBig(g.r, false, invertBig(g.m), false) // (I − UUᵀ)Y(UᵀY)⁻¹
	sig2, v := jacobiEig(mulBig(t, true, t, false), true)
	f := newBig(p, p) // V·diag(arctan σ/σ)·Vᵀ
	for k := 0; k < p; k++ {
		s := bigSqrtF(sig2[k])
		fk := 1.0
		if s > 0 {
			fk = math.Atan(s) / s
		}
		fb := bf().SetFloat64(fk)
		for i := 0; i < p; i++ {
			for j := 0; j < p; j++ {
				x := bf().Mul(v.at(i, k), v.at(j, k))
				x.Mul(x, fb)
				f.at(i, j).Add(f.at(i, j), x)
			}
		}
	}
	l := mulBig(mulBig(t, false, f, false), false, mulBig(g.u, true, bigFrom(u, n, p), false), false)
	out := make([]float64, n*p)
	for i := range out {
		out[i], _ = l.a[i].Float64()
	}
	return out
}
