package main

import (
	"errors"
	"flag"
	"fmt"
	"math"
	"strconv"
	"strings"

	gflag "github.com/geodesic-go/geodesic/flag"
	"github.com/geodesic-go/geodesic/grassmann"
	"github.com/geodesic-go/geodesic/hyperbolic"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/spd"
	"github.com/geodesic-go/geodesic/sphere"
	"github.com/geodesic-go/geodesic/stiefel"
)

// manifoldFlags are the flags that choose the manifold of a point set.
type manifoldFlags struct {
	name      string
	metric    string
	model     string
	curvature float64
	flagType  intList
	n, p      int
	shape     string
	tol       float64
	project   bool
}

const manifoldHelp = `The manifold and the shape of a point:
  sphere      S^{n-1}, unit vectors of length n (any r×c array of unit Frobenius norm)
  grassmann   Gr(n, p), n×p orthonormal bases of p-dimensional subspaces
  stiefel     St(n, p), n×p orthonormal frames; --metric euclidean (default) or canonical
  spd         n×n symmetric positive definite matrices; --metric ai (affine-invariant,
              default), le (log-Euclidean), lc (log-Cholesky) or bw (Bures–Wasserstein)
  hyperbolic  H^n of curvature −c (--curvature c, default 1); --model lorentz (default:
              points (x0, x1, …, xn) of length n+1, time first), ball (Poincaré ball,
              length n) or halfspace (upper half-space, length n)
  flag        Fl(n1 < … < nk; n), n×nk orthonormal frames, --flag-type n1,…,nk;
              --metric canonical (default) or euclidean
An N×r×c array (npy, or JSON [N][r][c]) gives the shape of a point. Points given
flat (npy N×d, JSON [N][d], CSV rows) are row-major; their shape follows from the
manifold (sphere, hyperbolic: a vector; spd: √d×√d; flag: d/nk × nk) or needs
--p, --n or --shape r,c (grassmann, stiefel).`

func (mf *manifoldFlags) register(fs *flag.FlagSet) {
	fs.StringVar(&mf.name, "manifold", "", "`name`: sphere, grassmann, stiefel, spd, hyperbolic or flag (required)")
	fs.StringVar(&mf.metric, "metric", "", "`metric`: stiefel euclidean|canonical, spd ai|le|lc|bw, flag canonical|euclidean")
	fs.StringVar(&mf.model, "model", "lorentz", "hyperbolic `model`: lorentz, ball or halfspace")
	fs.Float64Var(&mf.curvature, "curvature", 1, "hyperbolic: the curvature is −`c`")
	fs.Var(&mf.flagType, "flag-type", "flag: the dimensions `n1,…,nk` of the nested subspaces, e.g. 1,3")
	fs.IntVar(&mf.n, "n", 0, "ambient dimension `n` (checked against the data, or used to shape flat points)")
	fs.IntVar(&mf.p, "p", 0, "number of columns `p` of grassmann and stiefel points")
	fs.StringVar(&mf.shape, "shape", "", "shape `r,c` of one point, for flat input")
	fs.Float64Var(&mf.tol, "tol", 1e-10, "`tolerance` of the check that every point is on the manifold")
	fs.BoolVar(&mf.project, "project", false, "replace every point by the nearest point of the manifold before the check")
}

// space is a manifold built for a point set, with what the commands need
// to know about it.
type space struct {
	m         manifold.Manifold
	desc      string // "Gr(5, 2)", "SPD(3), affine-invariant metric", …
	r, c      int    // the shape of a point as read and written
	tolerance float64
	// flag manifolds: n and the flag type, for FlagMean and FlagMedian.
	flagN    int
	flagDims []int
}

// build chooses the shape of a point from the file and the flags, and
// builds the manifold. fileShape is the shape of one point in the file
// ([d] for flat points, [r, c] for matrices).
func (mf *manifoldFlags) build(fileShape []int) (*space, error) {
	if mf.name == "" {
		return nil, usagef("--manifold is required (sphere, grassmann, stiefel, spd, hyperbolic or flag)")
	}
	if err := mf.checkApplicable(); err != nil {
		return nil, err
	}
	if mf.tol <= 0 || math.IsNaN(mf.tol) {
		return nil, usagef("--tol %v: want a positive tolerance", mf.tol)
	}
	r, c, err := mf.pointShape(fileShape)
	if err != nil {
		return nil, err
	}
	sp := &space{r: r, c: c, tolerance: mf.tol}
	var cerr error
	if err := manifold.Maybe(func() { cerr = mf.construct(sp) }); err != nil {
		return nil, err
	}
	if cerr != nil {
		return nil, cerr
	}
	return sp, nil
}

// checkApplicable rejects flags that do not apply to the chosen manifold.
func (mf *manifoldFlags) checkApplicable() error {
	switch mf.name {
	case "sphere", "grassmann", "stiefel", "spd", "hyperbolic", "flag":
	default:
		return usagef("--manifold %q: unknown manifold (want sphere, grassmann, stiefel, spd, hyperbolic or flag)", mf.name)
	}
	if mf.metric != "" && mf.name != "stiefel" && mf.name != "spd" && mf.name != "flag" {
		return usagef("--metric applies to stiefel, spd and flag, not to %s", mf.name)
	}
	if mf.name != "hyperbolic" && mf.model != "lorentz" {
		return usagef("--model applies to hyperbolic, not to %s", mf.name)
	}
	if mf.name != "hyperbolic" && mf.curvature != 1 {
		return usagef("--curvature applies to hyperbolic, not to %s", mf.name)
	}
	if (mf.name == "flag") != (len(mf.flagType) > 0) {
		if mf.name == "flag" {
			return usagef("--manifold flag needs --flag-type, e.g. --flag-type 1,3")
		}
		return usagef("--flag-type applies to flag, not to %s", mf.name)
	}
	if mf.p != 0 && mf.name != "grassmann" && mf.name != "stiefel" {
		return usagef("--p applies to grassmann and stiefel (for flag give --flag-type), not to %s", mf.name)
	}
	if mf.n < 0 || mf.p < 0 {
		return usagef("--n and --p must be positive")
	}
	return nil
}

// pointShape returns the r×c shape of one point.
func (mf *manifoldFlags) pointShape(fileShape []int) (r, c int, err error) {
	if mf.shape != "" {
		var sh intList
		if err := sh.Set(mf.shape); err != nil || len(sh) != 2 || sh[0] < 1 || sh[1] < 1 {
			return 0, 0, usagef("--shape %q: want two positive integers r,c", mf.shape)
		}
		r, c = sh[0], sh[1]
		if d := prod(fileShape); d != r*c || (len(fileShape) == 2 && (fileShape[0] != r || fileShape[1] != c)) {
			return 0, 0, fmt.Errorf("--shape %d,%d does not match the points of the file, of shape %s", r, c, shapeString(fileShape))
		}
		return r, c, nil
	}
	if len(fileShape) == 2 {
		return fileShape[0], fileShape[1], nil
	}
	d := fileShape[0]
	switch mf.name {
	case "sphere", "hyperbolic":
		return d, 1, nil
	case "spd":
		n := mf.n
		if n == 0 {
			n = int(math.Round(math.Sqrt(float64(d))))
		}
		if n*n != d {
			if mf.n != 0 {
				return 0, 0, fmt.Errorf("points have %d values, not the %d of an %d×%d matrix (--n %d)", d, n*n, n, n, n)
			}
			return 0, 0, fmt.Errorf("points have %d values, not the n² of an n×n SPD matrix", d)
		}
		return n, n, nil
	case "flag":
		p := mf.flagType[len(mf.flagType)-1]
		if p < 1 || d%p != 0 {
			return 0, 0, fmt.Errorf("points have %d values, not a multiple of nk = %d (--flag-type %s)", d, p, mf.flagType.String())
		}
		return d / p, p, nil
	default: // grassmann, stiefel
		switch {
		case mf.p != 0:
			if d%mf.p != 0 {
				return 0, 0, fmt.Errorf("points have %d values, not a multiple of --p %d", d, mf.p)
			}
			return d / mf.p, mf.p, nil
		case mf.n != 0:
			if d%mf.n != 0 {
				return 0, 0, fmt.Errorf("points have %d values, not a multiple of --n %d", d, mf.n)
			}
			return mf.n, d / mf.n, nil
		}
		return 0, 0, usagef("flat points of length %d on %s need --p (or --n, or --shape n,p)", d, mf.name)
	}
}

func prod(s []int) int {
	p := 1
	for _, v := range s {
		p *= v
	}
	return p
}

// construct builds the manifold for points of shape sp.r×sp.c.
func (mf *manifoldFlags) construct(sp *space) error {
	r, c := sp.r, sp.c
	checkN := func(n int, what string) error {
		if mf.n != 0 && mf.n != n {
			return fmt.Errorf("--n %d does not match the points: %s", mf.n, what)
		}
		return nil
	}
	switch mf.name {
	case "sphere":
		n := r * c
		if err := checkN(n, fmt.Sprintf("they have %d coordinates", n)); err != nil {
			return err
		}
		if n < 1 {
			return fmt.Errorf("points have no coordinates")
		}
		sp.m = sphere.New(n, sphere.WithTolerance(mf.tol))
		sp.desc = fmt.Sprintf("the sphere S^%d in R^%d", n-1, n)

	case "hyperbolic":
		if mf.curvature < hyperbolic.MinCurvature || mf.curvature > hyperbolic.MaxCurvature || math.IsNaN(mf.curvature) {
			return usagef("--curvature %v: want c in [%g, %g]", mf.curvature, hyperbolic.MinCurvature, hyperbolic.MaxCurvature)
		}
		d := r * c
		opts := []hyperbolic.Option{hyperbolic.WithCurvature(mf.curvature), hyperbolic.WithTolerance(mf.tol)}
		var n int
		switch mf.model {
		case "lorentz", "hyperboloid":
			n = d - 1
			if n < 1 {
				return fmt.Errorf("points have %d coordinate: a Lorentz point of H^n has n+1 ≥ 2", d)
			}
			if err := checkN(n, fmt.Sprintf("%d coordinates are a Lorentz point of H^%d", d, n)); err != nil {
				return err
			}
			sp.m = hyperbolic.NewLorentz(n, opts...)
		case "ball", "poincare":
			n = d
			if err := checkN(n, fmt.Sprintf("%d coordinates are a point of the ball model of H^%d", d, n)); err != nil {
				return err
			}
			sp.m = hyperbolic.NewPoincareBall(n, opts...)
		case "halfspace":
			n = d
			if err := checkN(n, fmt.Sprintf("%d coordinates are a point of the half-space model of H^%d", d, n)); err != nil {
				return err
			}
			sp.m = hyperbolic.NewHalfSpace(n, opts...)
		default:
			return usagef("--model %q: want lorentz, ball or halfspace", mf.model)
		}
		model := map[string]string{"lorentz": "Lorentz", "hyperboloid": "Lorentz", "ball": "Poincaré ball", "poincare": "Poincaré ball", "halfspace": "half-space"}[mf.model]
		sp.desc = fmt.Sprintf("H^%d, %s model, curvature −%s", n, model, formatFloat(mf.curvature))

	case "spd":
		if r != c {
			return fmt.Errorf("points of shape %d×%d are not square matrices", r, c)
		}
		if err := checkN(r, fmt.Sprintf("they are %d×%d", r, c)); err != nil {
			return err
		}
		var g spd.Metric
		switch strings.ToLower(mf.metric) {
		case "", "ai", "affine-invariant":
			g = spd.AffineInvariant
		case "le", "log-euclidean":
			g = spd.LogEuclidean
		case "lc", "log-cholesky":
			g = spd.LogCholesky
		case "bw", "bures-wasserstein":
			g = spd.BuresWasserstein
		default:
			return usagef("--metric %q: spd metrics are ai, le, lc and bw", mf.metric)
		}
		sp.m = spd.New(r, spd.WithMetric(g), spd.WithTolerance(mf.tol))
		sp.desc = fmt.Sprintf("SPD(%d), %s metric", r, g)

	case "grassmann", "stiefel":
		if c > r {
			return fmt.Errorf("points of shape %d×%d have more columns than rows: want n×p with p ≤ n", r, c)
		}
		if err := checkN(r, fmt.Sprintf("they are %d×%d", r, c)); err != nil {
			return err
		}
		if mf.p != 0 && mf.p != c {
			return fmt.Errorf("--p %d does not match the points: they are %d×%d", mf.p, r, c)
		}
		if mf.name == "grassmann" {
			sp.m = grassmann.New(r, c, grassmann.WithTolerance(mf.tol))
			sp.desc = fmt.Sprintf("Gr(%d, %d)", r, c)
			break
		}
		g := stiefel.Euclidean
		switch strings.ToLower(mf.metric) {
		case "", "euclidean":
		case "canonical":
			g = stiefel.Canonical
		default:
			return usagef("--metric %q: stiefel metrics are euclidean and canonical", mf.metric)
		}
		sp.m = stiefel.New(r, c, stiefel.WithMetric(g), stiefel.WithTolerance(mf.tol))
		sp.desc = fmt.Sprintf("St(%d, %d), %s metric", r, c, g)

	case "flag":
		dims := []int(mf.flagType)
		if p := dims[len(dims)-1]; p != c || c > r {
			return fmt.Errorf("points of shape %d×%d do not fit --flag-type %s: want n×%d with n ≥ %d", r, c, mf.flagType.String(), p, p)
		}
		for i, d := range dims {
			if d < 1 || (i > 0 && d <= dims[i-1]) || d > r {
				return usagef("--flag-type %s: want 1 ≤ n1 < … < nk ≤ n = %d", mf.flagType.String(), r)
			}
		}
		if err := checkN(r, fmt.Sprintf("they are %d×%d", r, c)); err != nil {
			return err
		}
		g := gflag.Canonical
		switch strings.ToLower(mf.metric) {
		case "", "canonical":
		case "euclidean":
			g = gflag.Euclidean
		default:
			return usagef("--metric %q: flag metrics are canonical and euclidean", mf.metric)
		}
		sp.m = gflag.New(r, dims...).With(gflag.WithMetric(g), gflag.WithTolerance(mf.tol))
		ds := make([]string, len(dims))
		for i, d := range dims {
			ds[i] = strconv.Itoa(d)
		}
		sp.desc = fmt.Sprintf("Fl(%s; %d)", strings.Join(ds, ", "), r)
		if g != gflag.Canonical {
			sp.desc += ", " + g.String() + " metric"
		}
		sp.flagN, sp.flagDims = r, dims
	}
	return nil
}

// loadPoints reads a point set, builds its manifold and checks every point:
// finite, and on the manifold within --tol (after projection with
// --project).
func (mf *manifoldFlags) loadPoints(path string) (*pointFile, *space, error) {
	f, err := readPointFile(path)
	if err != nil {
		return nil, nil, err
	}
	sp, err := mf.build(f.shape)
	if err != nil {
		var ue usageError
		if errors.As(err, &ue) {
			return nil, nil, err
		}
		return nil, nil, fmt.Errorf("%s: %v", path, err)
	}
	proj, _ := manifold.AsProjector(sp.m)
	for i, x := range f.pts {
		if err := checkFinite(x, sp.c); err != nil {
			return nil, nil, fmt.Errorf("%s: %v", f.where(i), err)
		}
		if mf.project && proj != nil {
			proj.Project(x, x)
		}
		if err := sp.m.CheckPoint(x); err != nil {
			hint := " (see --tol and --project)"
			if mf.project {
				hint = ""
			}
			return nil, nil, fmt.Errorf("%s: not on %s: %v%s", f.where(i), sp.desc, err, hint)
		}
	}
	return f, sp, nil
}
