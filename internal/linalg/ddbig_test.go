package linalg_test

import (
	"math"
	"math/big"
	"math/rand/v2"

	"github.com/geodesic-go/geodesic/internal/linalg"
	"github.com/geodesic-go/geodesic/internal/testutil"
)

// math/big references for the double-double kernels. Every reference is
// computed at bigPrec bits from the exact values of the inputs (a DD is the
// exact sum Hi + Lo) by textbook algorithms written out here, sharing
// nothing with the code under test.

const bigPrec = 400

// u2 is the square of the float64 unit roundoff, 2⁻¹⁰⁶: the scale of
// double-double rounding errors.
const u2 = 0x1p-106

func bflt(x float64) *big.Float { return new(big.Float).SetPrec(bigPrec).SetFloat64(x) }
func bzero() *big.Float         { return new(big.Float).SetPrec(bigPrec) }

func bdd(x linalg.DD) *big.Float {
	return bzero().Add(bflt(x.Hi), bflt(x.Lo))
}

// relErrBig returns |got − want|/|want| (|got − want| if want = 0).
func relErrBig(got, want *big.Float) float64 {
	d := bzero().Sub(got, want)
	d.Abs(d)
	if want.Sign() != 0 {
		d.Quo(d, bzero().Abs(want))
	}
	f, _ := d.Float64()
	return f
}

// randDD returns a random normalised DD with exponent in [−e, e].
func randDD(rng *rand.Rand, e int) linalg.DD {
	hi := (1 + rng.Float64()) * math.Ldexp(1, rng.IntN(2*e+1)-e)
	if rng.IntN(2) == 0 {
		hi = -hi
	}
	lo := (rng.Float64() - 0.5) * math.Ldexp(hi, -53)
	s, t := linalg.TwoSum(hi, lo)
	return linalg.DD{Hi: s, Lo: t}
}

// bmatrix is an n×n row-major big.Float matrix.
type bmatrix struct {
	n int
	a []*big.Float
}

func newBmatrix(n int) bmatrix {
	m := bmatrix{n, make([]*big.Float, n*n)}
	for i := range m.a {
		m.a[i] = bzero()
	}
	return m
}

func bmatrixOfDD(x []linalg.DD, n int) bmatrix {
	m := bmatrix{n, make([]*big.Float, n*n)}
	for i, v := range x {
		m.a[i] = bdd(v)
	}
	return m
}

func bmatrixOf(x []float64, n int) bmatrix {
	m := bmatrix{n, make([]*big.Float, n*n)}
	for i, v := range x {
		m.a[i] = bflt(v)
	}
	return m
}

func (m bmatrix) at(i, j int) *big.Float { return m.a[i*m.n+j] }

// mul returns A·B (B transposed if tB).
func (m bmatrix) mul(b bmatrix, tB bool) bmatrix {
	return bmatrix{m.n, testutil.BigMul(m.a, false, b.a, tB, m.n, m.n, m.n, bigPrec)}
}

func (m bmatrix) transpose() bmatrix {
	n := m.n
	c := bmatrix{n, make([]*big.Float, n*n)}
	for i := range n {
		for j := range n {
			c.a[j*n+i] = m.a[i*n+j]
		}
	}
	return c
}

// frob returns ‖A‖_F as a float64.
func (m bmatrix) frob() float64 {
	s := bzero()
	for _, v := range m.a {
		s.Add(s, bzero().Mul(v, v))
	}
	f, _ := s.Sqrt(s).Float64()
	return f
}

// relDiff returns ‖got − want‖_F/‖want‖_F.
func relDiff(got, want bmatrix) float64 {
	d := newBmatrix(got.n)
	for i := range d.a {
		d.a[i].Sub(got.a[i], want.a[i])
	}
	return d.frob() / want.frob()
}

// bcholesky returns the Cholesky factor of the symmetric part of a.
func bcholesky(a bmatrix) bmatrix {
	n := a.n
	l := newBmatrix(n)
	t := bzero()
	for j := range n {
		s := bzero().Set(a.at(j, j))
		for k := range j {
			s.Sub(s, t.Mul(l.at(j, k), l.at(j, k)))
		}
		l.at(j, j).Sqrt(s)
		for i := j + 1; i < n; i++ {
			s := bzero().Add(a.at(i, j), a.at(j, i))
			s.Quo(s, bflt(2))
			for k := range j {
				s.Sub(s, t.Mul(l.at(i, k), l.at(j, k)))
			}
			l.at(i, j).Quo(s, l.at(j, j))
		}
	}
	return l
}

// bsolve returns L⁻¹·X by forward substitution.
func bsolve(l, x bmatrix) bmatrix {
	return bmatrix{l.n, testutil.BigSolveLower(l.a, x.a, l.n, bigPrec)}
}

// bjacobiEig returns the eigenvalues (unsorted) and eigenvectors of the
// symmetric a by cyclic Jacobi with Rutishauser's rotations, run until
// every off-diagonal entry is below 2⁻³⁶⁰·(|a_pp|·|a_qq|)^{1/2} (or exactly
// zero): relative accuracy far below double-double rounding for the graded
// matrices of the tests.
func bjacobiEig(a0 bmatrix) ([]*big.Float, bmatrix) {
	n := a0.n
	a := newBmatrix(n)
	for i := range a.a {
		a.a[i].Set(a0.a[i])
	}
	u := newBmatrix(n)
	for i := range n {
		u.at(i, i).SetInt64(1)
	}
	tiny := new(big.Float).SetMantExp(bflt(1), -360)
	one := bflt(1)
	for range 200 {
		done := true
		for p := range n {
			for q := p + 1; q < n; q++ {
				apq := a.at(p, q)
				if apq.Sign() == 0 {
					continue
				}
				lim := bzero().Mul(a.at(p, p), a.at(q, q))
				lim.Abs(lim).Sqrt(lim).Mul(lim, tiny)
				if bzero().Abs(apq).Cmp(lim) <= 0 {
					continue
				}
				done = false
				theta := bzero().Sub(a.at(q, q), a.at(p, p))
				theta.Quo(theta, bzero().Mul(bflt(2), apq))
				r := bzero().Mul(theta, theta)
				r.Add(r, one).Sqrt(r)
				den := bzero().Abs(theta)
				den.Add(den, r)
				tt := bzero().Quo(one, den)
				if theta.Sign() < 0 {
					tt.Neg(tt)
				}
				c := bzero().Mul(tt, tt)
				c.Add(c, one).Sqrt(c)
				c.Quo(one, c)
				s := bzero().Mul(tt, c)
				rot := func(x, y *big.Float) {
					nx := bzero().Mul(c, x)
					nx.Sub(nx, bzero().Mul(s, y))
					ny := bzero().Mul(s, x)
					ny.Add(ny, bzero().Mul(c, y))
					x.Set(nx)
					y.Set(ny)
				}
				for k := range n {
					rot(a.at(k, p), a.at(k, q))
				}
				for k := range n {
					rot(a.at(p, k), a.at(q, k))
				}
				for k := range n {
					rot(u.at(k, p), u.at(k, q))
				}
			}
		}
		if done {
			break
		}
	}
	w := make([]*big.Float, n)
	for i := range n {
		w[i] = bzero().Set(a.at(i, i))
	}
	return w, u
}

// sortedBig returns a copy of w in ascending order.
func sortedBig(w []*big.Float) []*big.Float {
	s := append([]*big.Float(nil), w...)
	for i := range s {
		for j := i + 1; j < len(s); j++ {
			if s[j].Cmp(s[i]) < 0 {
				s[i], s[j] = s[j], s[i]
			}
		}
	}
	return s
}

// bexpRef and blogRef are eˣ and log x at bigPrec bits (testutil.BigExp,
// BigLog: argument halving and the Taylor series; Newton's iteration).
func bexpRef(x *big.Float) *big.Float { return testutil.BigExp(x, bigPrec) }
func blogRef(x *big.Float) *big.Float { return testutil.BigLog(x, bigPrec) }
