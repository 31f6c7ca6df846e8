package main

import (
	"encoding/json"
	"math"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/spd"
	"github.com/geodesic-go/geodesic/sphere"
	"github.com/geodesic-go/geodesic/stiefel"
)

func randomPoints(m manifold.Manifold, n int, seed uint64) [][]float64 {
	rng := rand.New(rand.NewPCG(seed, 7))
	pts := make([][]float64, n)
	for i := range pts {
		pts[i] = manifold.NewPoint(m)
		m.RandomPoint(pts[i], rng)
	}
	return pts
}

// The distance matrix is exactly symmetric with a zero diagonal, equals the
// library's Dist entry by entry, and does not depend on the number of
// threads. On the sphere it also agrees with the independent formula
// atan2(‖p × q‖, p·q).
func TestDistMatrix(t *testing.T) {
	dir := t.TempDir()
	s := sphere.New(3)
	pts := randomPoints(s, 23, 1)
	in := npyPoints(t, dir, "s.npy", 3, 0, pts...)
	o1, o4 := filepath.Join(dir, "d1.npy"), filepath.Join(dir, "d4.npy")
	out := cliOK(t, "dist", "--manifold", "sphere", "--threads", "1", in, "-o", o1)
	assert.Equal(t, "23×23 distance matrix of the points of "+in+" on the sphere S^2 in R^3; wrote "+o1+"\n", out)
	cliOK(t, "dist", "--manifold", "sphere", "--threads", "4", in, "-o", o4)
	d1, d4 := readTestNPY(t, o1), readTestNPY(t, o4)
	assert.Equal(t, []int{23, 23}, d1.shape)
	assert.Equal(t, d1.data, d4.data, "threads change the result")
	n := len(pts)
	for i := range n {
		assert.Equal(t, 0.0, d1.data[i*n+i])
		for j := range n {
			assert.Equal(t, d1.data[i*n+j], d1.data[j*n+i])
			if i < j {
				assert.Equal(t, s.Dist(pts[i], pts[j]), d1.data[i*n+j])
				p, q := pts[i], pts[j]
				cross := math.Sqrt(math.Pow(p[1]*q[2]-p[2]*q[1], 2) + math.Pow(p[2]*q[0]-p[0]*q[2], 2) + math.Pow(p[0]*q[1]-p[1]*q[0], 2))
				assert.InDelta(t, math.Atan2(cross, p[0]*q[0]+p[1]*q[1]+p[2]*q[2]), d1.data[i*n+j], 1e-14)
			}
		}
	}
}

// Other manifolds, and every output format.
func TestDistFormats(t *testing.T) {
	dir := t.TempDir()
	st := stiefel.New(4, 2, stiefel.WithMetric(stiefel.Canonical))
	pts := randomPoints(st, 5, 2)
	in := npyPoints(t, dir, "st.npy", 4, 2, pts...)
	args := []string{"dist", "--manifold", "stiefel", "--metric", "canonical", in}
	want := make([]float64, 25)
	for i := range 5 {
		for j := i + 1; j < 5; j++ {
			want[i*5+j] = st.Dist(pts[i], pts[j])
			want[j*5+i] = want[i*5+j]
		}
	}

	// Text on stdout.
	assert.Equal(t, want, textPoint(t, cliOK(t, args...)))

	o := filepath.Join(dir, "d.json")
	cliOK(t, append(args, "-o", o)...)
	b, err := os.ReadFile(o)
	require.NoError(t, err)
	var m [][]float64
	require.NoError(t, json.Unmarshal(b, &m))
	require.Len(t, m, 5)
	for i := range m {
		assert.Equal(t, want[i*5:(i+1)*5], m[i])
	}

	o = filepath.Join(dir, "d.csv")
	cliOK(t, append(args, "-o", o)...)
	b, err = os.ReadFile(o)
	require.NoError(t, err)
	assert.Equal(t, want, textPoint(t, strings.ReplaceAll(string(b), ",", " ")))

	o = filepath.Join(dir, "d.txt")
	cliOK(t, append(args, "-o", o)...)
	b, err = os.ReadFile(o)
	require.NoError(t, err)
	assert.Equal(t, cliOK(t, args...), string(b))

	// SPD under the log-Euclidean metric from CSV.
	sp := spd.New(3, spd.WithMetric(spd.LogEuclidean))
	spts := randomPoints(sp, 4, 3)
	csv := writeFile(t, dir, "spd.csv", csvPoints(spts...))
	o = filepath.Join(dir, "spd.npy")
	cliOK(t, "dist", "--manifold", "spd", "--metric", "le", csv, "-o", o)
	d := readTestNPY(t, o)
	for i := range 4 {
		for j := range 4 {
			if i != j {
				assert.InDelta(t, sp.Dist(spts[i], spts[j]), d.data[i*4+j], 1e-12*(1+d.data[i*4+j]))
			}
		}
	}
}
