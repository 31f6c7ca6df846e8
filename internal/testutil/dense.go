package testutil

// Scaled returns a new slice holding a·x.
func Scaled(a float64, x []float64) []float64 {
	y := make([]float64, len(x))
	for i := range x {
		y[i] = a * x[i]
	}
	return y
}

// MatMul returns the r×c product A·B of the row-major r×k matrix a and k×c
// matrix b, by plain loops in i, l, j order (each entry accumulated over l
// in increasing order), sharing no code with the BLAS.
func MatMul(a, b []float64, r, k, c int) []float64 {
	out := make([]float64, r*c)
	for i := 0; i < r; i++ {
		for l := 0; l < k; l++ {
			ail := a[i*k+l]
			for j := 0; j < c; j++ {
				out[i*c+j] += ail * b[l*c+j]
			}
		}
	}
	return out
}
