package optim_test

import (
	"context"
	"fmt"
	"math"
	"math/rand/v2"
	"strings"
	"testing"

	"gonum.org/v1/gonum/mat"

	"github.com/geodesic-go/geodesic/flag"
	"github.com/geodesic-go/geodesic/optim"
	"github.com/geodesic-go/geodesic/stiefel"
)

// The tables of the package documentation. Each is seeded and printed by
//
//	go test ./optim/ -run 'TestAveragingTables' -v
//
// (about 5 s); they are skipped with -short and under the race detector.
// Besides printing, each table asserts the qualitative claims the
// documentation makes of it.

// flagBaselines returns the estimates of the centre of the flags in data
// by the methods of the outlier and noise tables.
func flagBaselines(t *testing.T, data [][]float64, n int, dims []int) map[string][]float64 {
	ctx := context.Background()
	p := dims[len(dims)-1]
	out := map[string][]float64{}
	med, err := optim.FlagMedian(ctx, data, n, dims, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	out["median"] = med.X
	mean, err := optim.FlagMean(ctx, data, n, dims, nil, nil)
	if err != nil {
		t.Fatal(err)
	}
	out["mean"] = mean.X
	// Euclidean: the orthonormal factor of the arithmetic mean of the
	// frames (it depends on the representatives; here they are consistent).
	avg := mat.NewDense(n, p, nil)
	for _, x := range data {
		avg.Add(avg, mat.NewDense(n, p, x))
	}
	out["euclidean"] = avgQF(avg)
	// Grassmann: the chordal mean of each block's subspaces, orthonormalised
	// in nesting order.
	blocks := mat.NewDense(n, p, nil)
	for _, b := range flagBlocks(dims) {
		m := b[1] - b[0]
		sub := make([][]float64, len(data))
		for j, x := range data {
			sub[j] = make([]float64, n*m)
			for r := 0; r < n; r++ {
				copy(sub[j][r*m:(r+1)*m], x[r*p+b[0]:r*p+b[1]])
			}
		}
		g, err := optim.GrassmannMean(sub, n, m, nil)
		if err != nil {
			t.Fatal(err)
		}
		for r := 0; r < n; r++ {
			for c := 0; c < m; c++ {
				blocks.Set(r, b[0]+c, g[r*m+c])
			}
		}
	}
	out["grassmann"] = avgQF(blocks)
	// Draper et al.: the leading left singular vectors of all columns.
	dr, err := optim.DraperFlagMean(data, n, dims, nil)
	if err != nil {
		t.Fatal(err)
	}
	out["draper"] = dr
	return out
}

var flagMethods = []string{"median", "mean", "euclidean", "grassmann", "draper"}

// flagTable averages, over trials, the chordal distance of each method's
// estimate from the centre, for each row's data model.
func flagTable(t *testing.T, title string, rows []float64, label func(float64) string, gen func(rng *rand.Rand, row float64) ([]float64, [][]float64), n int, dims []int, trials int) map[string][]float64 {
	errs := map[string][]float64{}
	var b strings.Builder
	fmt.Fprintf(&b, "\n%s\n%-10s", title, "")
	for _, m := range flagMethods {
		fmt.Fprintf(&b, " %10s", m)
	}
	for k, row := range rows {
		sum := map[string]float64{}
		for tr := 0; tr < trials; tr++ {
			rng := rand.New(rand.NewPCG(uint64(1000*k+tr), 77))
			centre, data := gen(rng, row)
			for m, x := range flagBaselines(t, data, n, dims) {
				sum[m] += flagDistRef(x, centre, n, dims) / float64(trials)
			}
		}
		fmt.Fprintf(&b, "\n%-10s", label(row))
		for _, m := range flagMethods {
			errs[m] = append(errs[m], sum[m])
			fmt.Fprintf(&b, " %10.2e", sum[m])
		}
	}
	t.Log(b.String())
	return errs
}

func TestAveragingTables(t *testing.T) {
	if testing.Short() || raceEnabled {
		t.Skip("tables: skipped with -short and under the race detector (the same code is raced by the other tests)")
	}
	t.Run("outliers", tableOutliers)
	t.Run("noise", tableNoise)
	t.Run("rotations", tableRotations)
	t.Run("iterations", tableIterations)
}

// Fl(1, 3; 10), 100 points: inliers qf(C + 0.001·Z), a share of the points
// replaced by uniformly random flags.
func tableOutliers(t *testing.T) {
	n, dims := 10, []int{1, 3}
	var rows []float64
	for k := 0; k <= 19; k += 2 {
		rows = append(rows, float64(k))
	}
	rows = append(rows, 19)
	errs := flagTable(t, "chordal distance to the centre, Fl(1,3;10), 100 points, noise 0.001, mean of 20 trials", rows,
		func(r float64) string { return fmt.Sprintf("%.0f%% out", r) },
		func(rng *rand.Rand, r float64) ([]float64, [][]float64) {
			return flagCloud(rng, n, dims, 100, int(r), 0.001)
		},
		n, dims, 20)
	for k := range rows {
		if errs["median"][k] > 1e-3 {
			t.Errorf("%v%% outliers: median error %.3g", rows[k], errs["median"][k])
		}
		if rows[k] >= 5 && errs["mean"][k] < 10*errs["median"][k] {
			t.Errorf("%v%% outliers: mean error %.3g, median %.3g", rows[k], errs["mean"][k], errs["median"][k])
		}
	}
}

// The same at 10% outliers, for inlier noise from 0.02 to 0.82.
func tableNoise(t *testing.T) {
	n, dims := 10, []int{1, 3}
	var rows []float64
	for s := 0.02; s < 0.83; s += 0.1 {
		rows = append(rows, s)
	}
	errs := flagTable(t, "chordal distance to the centre, Fl(1,3;10), 100 points, 10% outliers, mean of 20 trials", rows,
		func(r float64) string { return fmt.Sprintf("σ=%.2f", r) },
		func(rng *rand.Rand, s float64) ([]float64, [][]float64) { return flagCloud(rng, n, dims, 100, 10, s) },
		n, dims, 20)
	// The median's advantage fades as the inliers spread as far as the
	// outliers; it is never much worse than the mean.
	if errs["median"][0] > errs["mean"][0]/1.5 {
		t.Errorf("σ = %.2f: median error %.3g, mean error %.3g", rows[0], errs["median"][0], errs["mean"][0])
	}
	for k := range rows {
		if errs["median"][k] > 1.05*errs["mean"][k] {
			t.Errorf("σ = %.2f: median error %.3g > mean error %.3g", rows[k], errs["median"][k], errs["mean"][k])
		}
	}
}

// Rotations as quaternions (w, x, y, z).
type quat [4]float64

func quatMul(a, b quat) quat {
	return quat{
		a[0]*b[0] - a[1]*b[1] - a[2]*b[2] - a[3]*b[3],
		a[0]*b[1] + a[1]*b[0] + a[2]*b[3] - a[3]*b[2],
		a[0]*b[2] - a[1]*b[3] + a[2]*b[0] + a[3]*b[1],
		a[0]*b[3] + a[1]*b[2] - a[2]*b[1] + a[3]*b[0],
	}
}

func quatNormalize(q quat) quat {
	s := math.Sqrt(q[0]*q[0] + q[1]*q[1] + q[2]*q[2] + q[3]*q[3])
	return quat{q[0] / s, q[1] / s, q[2] / s, q[3] / s}
}

// randomQuat is a uniformly distributed rotation (a normalised Gaussian
// 4-vector; Shoemake 1992).
func randomQuat(rng *rand.Rand) quat {
	return quatNormalize(quat{rng.NormFloat64(), rng.NormFloat64(), rng.NormFloat64(), rng.NormFloat64()})
}

// axisAngle is the rotation by angle θ about a uniformly random axis.
func axisAngle(rng *rand.Rand, theta float64) quat {
	a := [3]float64{rng.NormFloat64(), rng.NormFloat64(), rng.NormFloat64()}
	s := math.Sqrt(a[0]*a[0]+a[1]*a[1]+a[2]*a[2]) / math.Sin(theta/2)
	return quat{math.Cos(theta / 2), a[0] / s, a[1] / s, a[2] / s}
}

// quatToMatrix returns the row-major 3×3 rotation of q.
func quatToMatrix(q quat) []float64 {
	w, x, y, z := q[0], q[1], q[2], q[3]
	return []float64{
		1 - 2*(y*y+z*z), 2 * (x*y - w*z), 2 * (x*z + w*y),
		2 * (x*y + w*z), 1 - 2*(x*x+z*z), 2 * (y*z - w*x),
		2 * (x*z - w*y), 2 * (y*z + w*x), 1 - 2*(x*x+y*y),
	}
}

// matrixToQuat returns a unit quaternion of the rotation r (Shepperd's
// method: the largest of the four squared components first).
func matrixToQuat(r []float64) quat {
	tr := r[0] + r[4] + r[8]
	c := [4]float64{1 + tr, 1 + r[0] - r[4] - r[8], 1 - r[0] + r[4] - r[8], 1 - r[0] - r[4] + r[8]}
	k := 0
	for i := 1; i < 4; i++ {
		if c[i] > c[k] {
			k = i
		}
	}
	s := 2 * math.Sqrt(c[k])
	var q quat
	switch k {
	case 0:
		q = quat{s / 4, (r[7] - r[5]) / s, (r[2] - r[6]) / s, (r[3] - r[1]) / s}
	case 1:
		q = quat{(r[7] - r[5]) / s, s / 4, (r[1] + r[3]) / s, (r[2] + r[6]) / s}
	case 2:
		q = quat{(r[2] - r[6]) / s, (r[1] + r[3]) / s, s / 4, (r[5] + r[7]) / s}
	default:
		q = quat{(r[3] - r[1]) / s, (r[2] + r[6]) / s, (r[5] + r[7]) / s, s / 4}
	}
	return quatNormalize(q)
}

// rotationAngle returns the angle of the rotation between a and b, in
// degrees, from the relative quaternion (2·atan2(‖v‖, |w|), accurate at
// every angle).
func rotationAngle(a, b quat) float64 {
	r := quatMul(quat{a[0], -a[1], -a[2], -a[3]}, b)
	v := math.Sqrt(r[1]*r[1] + r[2]*r[2] + r[3]*r[3])
	return 2 * math.Atan2(v, math.Abs(r[0])) * 180 / math.Pi
}

// quaternionAverage is the average of Markley, Cheng, Crassidis & Oshman
// (2007, "Averaging quaternions", J. Guid. Control Dyn. 30): the
// eigenvector of the largest eigenvalue of Σ q_j q_jᵀ.
func quaternionAverage(qs []quat) quat {
	m := mat.NewSymDense(4, nil)
	for _, q := range qs {
		for i := 0; i < 4; i++ {
			for j := i; j < 4; j++ {
				m.SetSym(i, j, m.At(i, j)+q[i]*q[j])
			}
		}
	}
	v, _ := topEigvecs(m, 1)
	return quatNormalize(quat{v[0], v[1], v[2], v[3]})
}

// flagRotation returns the rotation of an oriented Fl(1, 2, 3; 3) frame:
// the frame itself, or with its last column negated if its determinant is
// −1.
func flagRotation(x []float64) []float64 {
	r := append([]float64(nil), x...)
	if mat.Det(mat.NewDense(3, 3, r)) < 0 {
		r[2], r[5], r[8] = -r[2], -r[5], -r[8]
	}
	return r
}

// Rotation averaging: 250 rotations, inliers R_c·exp(θ·[a]×) with a
// uniform axis and θ ~ N(0, (5°)²), the rest uniform outliers.
func tableRotations(t *testing.T) {
	const count, trials = 250, 10
	ctx := context.Background()
	so3 := stiefel.New(3, 3)
	methods := []string{"flag median", "flag mean", "quaternion", "karcher", "weiszfeld"}
	var b strings.Builder
	fmt.Fprintf(&b, "\nmean angular error (degrees), 250 rotations, 5° inlier noise, mean of %d trials\n%-9s", trials, "outliers")
	for _, m := range methods {
		fmt.Fprintf(&b, " %11s", m)
	}
	var errs []map[string]float64
	rows := []float64{2.5, 5, 10, 20, 40, 60, 80}
	for k, share := range rows {
		sum := map[string]float64{}
		for tr := 0; tr < trials; tr++ {
			rng := rand.New(rand.NewPCG(uint64(100*k+tr), 78))
			qc := randomQuat(rng)
			out := int(math.Round(share / 100 * count))
			qs := make([]quat, count)
			data := make([][]float64, count)
			for j := range qs {
				if j < out {
					qs[j] = randomQuat(rng)
				} else {
					qs[j] = quatMul(qc, axisAngle(rng, 5*math.Pi/180*rng.NormFloat64()))
				}
				data[j] = make([]float64, 9)
				flag.FromRotation(data[j], quatToMatrix(qs[j]))
			}
			o := &optim.FlagOptions{OrientSigns: true}
			med, err := optim.FlagMedian(ctx, data, 3, []int{1, 2, 3}, nil, o)
			if err != nil {
				t.Fatal(err)
			}
			mean, err := optim.FlagMean(ctx, data, 3, []int{1, 2, 3}, nil, o)
			if err != nil {
				t.Fatal(err)
			}
			km, err := optim.KarcherMean(ctx, so3, data, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			wz, err := optim.GeometricMedian(ctx, so3, data, nil, nil)
			if err != nil {
				t.Fatal(err)
			}
			for m, q := range map[string]quat{
				"flag median": matrixToQuat(flagRotation(med.X)),
				"flag mean":   matrixToQuat(flagRotation(mean.X)),
				"quaternion":  quaternionAverage(qs),
				"karcher":     matrixToQuat(km.X),
				"weiszfeld":   matrixToQuat(wz.X),
			} {
				sum[m] += rotationAngle(q, qc) / trials
			}
		}
		errs = append(errs, sum)
		fmt.Fprintf(&b, "\n%-9s", fmt.Sprintf("%.1f%%", share))
		for _, m := range methods {
			fmt.Fprintf(&b, " %11.3f", sum[m])
		}
	}
	t.Log(b.String())
	for k, share := range rows {
		if share <= 40 && errs[k]["flag median"] > 1 {
			t.Errorf("%.1f%% outliers: flag median error %.3g°", share, errs[k]["flag median"])
		}
	}
}

// Iteration counts of KarcherMean and GeometricMedian on every manifold,
// for 12 points symmetric about a centre, started at one of them (error:
// the distance from the centre), and 100 points Exp_c(t·u), u a random unit tangent vector and t
// uniform in [0, s] (error: the gradient norm reached).
func tableIterations(t *testing.T) {
	var b strings.Builder
	fmt.Fprintf(&b, "\n%-27s %5s | %-14s %-14s | %-14s %-14s", "manifold", "s", "mean, sym.", "median, sym.", "mean, cloud", "median, cloud")
	rng := rand.New(rand.NewPCG(50, 51))
	for _, am := range avgManifolds() {
		r, cols := am.m.Shape()
		c := make([]float64, r*cols)
		am.m.RandomPoint(c, rng)
		s := am.tangentScale(c)
		sym := symmetricCloud(am.m, c, 6, s, rng)
		var cloud [][]float64
		for j := 0; j < 100; j++ {
			cloud = append(cloud, expAt(am.m, c, unitTangent(am.m, c, rng), s*rng.Float64()))
		}
		fmt.Fprintf(&b, "\n%-27s %5.2f", am.name, s)
		for k, data := range [][][]float64{sym, sym, cloud, cloud} {
			if k == 2 {
				fmt.Fprintf(&b, " |")
			}
			var o *optim.MeanOptions
			if k < 2 {
				o = &optim.MeanOptions{Init: sym[0]}
			}
			res := mustAverage(t, k%2 == 1, am.m, data, nil, o)
			e := res.GradNorm
			if k < 2 {
				e = am.m.Dist(res.X, c)
				if e > 1e-9 {
					t.Errorf("%s: %.3g from the centre", am.name, e)
				}
			}
			if k == 0 {
				fmt.Fprintf(&b, " |")
			}
			fmt.Fprintf(&b, " %3d it %7.1e", res.Iterations, e)
		}
	}
	t.Log(b.String())
}
