package spd

import (
	"math"
	"math/big"
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/internal/testutil"
)

// High-precision references for the accuracy tests.
//
// Every reference is computed in math/big arithmetic at bigPrec = 320 bits
// (about 96 decimal digits) from the float64 inputs exactly as given, by
// algorithms that share nothing with the code under test:
//
//   - the Cholesky factor P = LLᵀ by the textbook column algorithm;
//   - C = L⁻¹·X·L⁻ᵀ by forward substitution, twice;
//   - eigenvalues and eigenvectors of a symmetric matrix by the cyclic
//     Jacobi method (Golub & Van Loan, Matrix Computations, 4th ed.,
//     §8.5.2), with rotations from Rutishauser's formulas, run until every
//     off-diagonal entry is below 2⁻³⁰⁰ times the norm: its eigenvalues
//     then have absolute errors of that order, which is relative accuracy
//     to far below float64 rounding even for the eigenvalues 1e-24 ·‖C‖
//     that pencils with condition numbers 1e12 produce;
//   - exp and log of the eigenvalues by Taylor series with argument
//     halving, and by Newton's iteration on exp, all at the working
//     precision.
//
// The affine-invariant quantities then follow from their definitions:
// d(P, Q) = (Σ log² μᵢ)^{1/2} with μᵢ the eigenvalues of L⁻¹QL⁻ᵀ,
// Log_P(Q) = L·U·diag(log μ)·Uᵀ·Lᵀ and Exp_P(V) = L·U·diag(e^w)·Uᵀ·Lᵀ for
// L⁻¹VL⁻ᵀ = U·diag(w)·Uᵀ. With 320 bits the reference is exact to float64
// precision: each is rounded once, at the end.

const bigPrec = 320

func bf(x float64) *big.Float { return new(big.Float).SetPrec(bigPrec).SetFloat64(x) }
func bnew() *big.Float        { return new(big.Float).SetPrec(bigPrec) }

// bmat is an n×n row-major matrix of big.Floats.
type bmat struct {
	n int
	a []*big.Float
}

func newBmat(n int) bmat {
	m := bmat{n, make([]*big.Float, n*n)}
	for i := range m.a {
		m.a[i] = bnew()
	}
	return m
}

func bmatOf(x []float64, n int) bmat {
	m := bmat{n, make([]*big.Float, n*n)}
	for i, v := range x {
		m.a[i] = bf(v)
	}
	return m
}

func (m bmat) at(i, j int) *big.Float { return m.a[i*m.n+j] }

func (m bmat) float64s() []float64 {
	out := make([]float64, len(m.a))
	for i, v := range m.a {
		out[i], _ = v.Float64()
	}
	return out
}

// bmul returns A·B (tB: A·Bᵀ).
func bmul(a, b bmat, tB bool) bmat {
	return bmat{a.n, testutil.BigMul(a.a, false, b.a, tB, a.n, a.n, a.n, bigPrec)}
}

// bchol returns the lower-triangular Cholesky factor of the symmetric a.
func bchol(a bmat) bmat {
	n := a.n
	l := newBmat(n)
	t := bnew()
	for j := range n {
		s := bnew().Set(a.at(j, j))
		for k := 0; k < j; k++ {
			t.Mul(l.at(j, k), l.at(j, k))
			s.Sub(s, t)
		}
		if s.Sign() <= 0 {
			panic("bchol: not positive definite")
		}
		l.at(j, j).Sqrt(s)
		for i := j + 1; i < n; i++ {
			s := bnew().Set(a.at(i, j))
			for k := 0; k < j; k++ {
				t.Mul(l.at(i, k), l.at(j, k))
				s.Sub(s, t)
			}
			l.at(i, j).Quo(s, l.at(j, j))
		}
	}
	return l
}

// bsolveLower returns L⁻¹·X by forward substitution.
func bsolveLower(l, x bmat) bmat {
	return bmat{l.n, testutil.BigSolveLower(l.a, x.a, l.n, bigPrec)}
}

func btranspose(a bmat) bmat {
	n := a.n
	b := bmat{n, make([]*big.Float, n*n)}
	for i := range n {
		for j := range n {
			b.a[j*n+i] = a.a[i*n+j]
		}
	}
	return b
}

// bcongInv returns L⁻¹·X·L⁻ᵀ for symmetric X.
func bcongInv(l, x bmat) bmat {
	y := bsolveLower(l, x)               // L⁻¹X
	return bsolveLower(l, btranspose(y)) // L⁻¹(L⁻¹X)ᵀ = L⁻¹XL⁻ᵀ
}

// bjacobi returns the eigenvalues and eigenvectors (columns of u) of the
// symmetric a by the cyclic Jacobi method.
func bjacobi(a0 bmat) ([]*big.Float, bmat) {
	n := a0.n
	a := newBmat(n)
	for i := range a.a {
		a.a[i].Set(a0.a[i])
	}
	u := newBmat(n)
	for i := range n {
		u.at(i, i).SetInt64(1)
	}
	norm := bnew()
	t := bnew()
	for _, v := range a.a {
		t.Mul(v, v)
		norm.Add(norm, t)
	}
	tol := bnew().Mul(norm, new(big.Float).SetMantExp(big.NewFloat(1), -600)) // (2⁻³⁰⁰‖A‖)²
	// Entries below 2⁻³¹⁰‖A‖ are not rotated: they move the eigenvalues by
	// less than the 2⁻³⁰⁰‖A‖ aimed at, and rotating one only replaces it by
	// rounding noise, which repeated can drive exponents apart without
	// bound (and math/big's addition time with them).
	skip := bnew().Mul(norm, new(big.Float).SetMantExp(big.NewFloat(1), -620))
	one := bf(1)
	for sweep := 0; sweep < 100; sweep++ {
		off := bnew()
		for i := range n {
			for j := range n {
				if i != j {
					t.Mul(a.at(i, j), a.at(i, j))
					off.Add(off, t)
				}
			}
		}
		if off.Cmp(tol) <= 0 {
			break
		}
		for p := 0; p < n; p++ {
			for q := p + 1; q < n; q++ {
				apq := a.at(p, q)
				if apq.Sign() == 0 || t.Mul(apq, apq).Cmp(skip) <= 0 {
					continue
				}
				// θ = (a_qq − a_pp)/(2a_pq), t = sign(θ)/(|θ| + √(θ² + 1)).
				theta := bnew().Sub(a.at(q, q), a.at(p, p))
				theta.Quo(theta, bnew().Mul(bf(2), apq))
				r := bnew().Mul(theta, theta)
				r.Add(r, one)
				r.Sqrt(r)
				den := bnew().Abs(theta)
				den.Add(den, r)
				tt := bnew().Quo(one, den)
				if theta.Sign() < 0 {
					tt.Neg(tt)
				}
				c := bnew().Mul(tt, tt)
				c.Add(c, one)
				c.Sqrt(c)
				c.Quo(one, c)
				s := bnew().Mul(tt, c)
				// A ← JᵀAJ on rows and columns p, q; U ← UJ.
				for k := range n {
					brot(a.at(k, p), a.at(k, q), c, s)
				}
				for k := range n {
					brot(a.at(p, k), a.at(q, k), c, s)
				}
				for k := range n {
					brot(u.at(k, p), u.at(k, q), c, s)
				}
			}
		}
	}
	w := make([]*big.Float, n)
	for i := range n {
		w[i] = bnew().Set(a.at(i, i))
	}
	return w, u
}

// bfuncCong returns L·U·diag(f)·Uᵀ·Lᵀ for the eigenvectors U (columns) and
// the values f.
func bfuncCong(l bmat, f []*big.Float, u bmat) bmat {
	n := l.n
	lu := bmul(l, u, false)
	d := newBmat(n)
	for i := range n {
		for k := range n {
			d.at(k, i).Mul(lu.at(k, i), f[i])
		}
	}
	return bmul(d, lu, true)
}

// refAI returns the high-precision affine-invariant distance and logarithm
// Log_P(Q) (if q is not nil) and Exp_P(V) (if v is not nil).
func refAI(p, q, v []float64, n int) (dist float64, log, exp []float64) {
	l := bchol(bmatOf(p, n))
	if q != nil {
		mu, u := bjacobi(bcongInv(l, bmatOf(q, n)))
		logs := make([]*big.Float, n)
		ss := bnew()
		for i, m := range mu {
			logs[i] = blog(m)
			ss.Add(ss, bnew().Mul(logs[i], logs[i]))
		}
		dist, _ = bnew().Sqrt(ss).Float64()
		log = bfuncCong(l, logs, u).float64s()
	}
	if v != nil {
		w, u := bjacobi(bcongInv(l, bmatOf(v, n)))
		for i := range w {
			w[i] = bexp(w[i])
		}
		exp = bfuncCong(l, w, u).float64s()
	}
	return dist, log, exp
}

// withSpectrum returns U·diag(eigs)·Uᵀ for a Haar U, evaluated in float64
// and made exactly symmetric by mirroring the upper triangle. The float64
// result is the data; its own eigenvalues differ from eigs by rounding.
func withSpectrum(rng *rand.Rand, eigs []float64) []float64 {
	n := len(eigs)
	u := haar(rng, n)
	a := make([]float64, n*n)
	for i := range n {
		for j := i; j < n; j++ {
			var s float64
			for k := range n {
				s += u[i*n+k] * eigs[k] * u[j*n+k]
			}
			a[i*n+j] = s
			a[j*n+i] = s
		}
	}
	return a
}

// logSpectrum returns n eigenvalues log-uniform in [1, kappa], with both
// ends present.
func logSpectrum(rng *rand.Rand, n int, kappa float64) []float64 {
	e := make([]float64, n)
	for i := range e {
		e[i] = math.Pow(kappa, rng.Float64())
	}
	e[0], e[n-1] = 1, kappa
	return e
}

// frobRel returns ‖a − b‖_F/‖b‖_F.
func frobRel(a, b []float64) float64 {
	var d, s float64
	for i := range a {
		d = math.Hypot(d, a[i]-b[i])
		s = math.Hypot(s, b[i])
	}
	return d / s
}

// bexp and blog are eˣ and log x at bigPrec bits (testutil.BigExp, BigLog).
func bexp(x *big.Float) *big.Float { return testutil.BigExp(x, bigPrec) }
func blog(x *big.Float) *big.Float { return testutil.BigLog(x, bigPrec) }

// haar returns a Haar-distributed orthogonal n×n matrix (testutil.Haar).
func haar(rng *rand.Rand, n int) []float64 { return testutil.Haar(rng, n, false) }

// brot applies the plane rotation (x, y) ← (c·x − s·y, s·x + c·y) in place.
func brot(x, y, c, s *big.Float) {
	nx := bnew().Mul(c, x)
	nx.Sub(nx, bnew().Mul(s, y))
	ny := bnew().Mul(s, x)
	ny.Add(ny, bnew().Mul(c, y))
	x.Set(nx)
	y.Set(ny)
}
