package grassmann

import (
	"github.com/geodesic-go/geodesic/internal/linalg"
)

// eps is the machine epsilon 2⁻⁵².
const eps = 0x1p-52

// projInto writes dst = x − Y(Yᵀx) for the n×p matrices Y and x, using the
// n×p workspace t and the p×p workspace m. dst may alias y or x.
func projInto(dst, y, x, t, m []float64, n, p int) {
	linalg.MulAtB(m, y, x, p, n, p)
	linalg.Mul(t, y, m, n, p, p)
	for i, v := range x {
		dst[i] = v - t[i]
	}
}
