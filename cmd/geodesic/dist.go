package main

import (
	"bufio"
	"fmt"
	"io"
	"math"
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

const distAbout = `Computes the matrix of pairwise Riemannian distances D[i][j] = d(x_i, x_j)
of a point set, in parallel over the rows (--threads goroutines). The output
is exactly symmetric with a zero diagonal and does not depend on --threads:
each pair i < j is computed once, by the manifold's Dist.

Output: text on stdout (default: one row per line, space-separated), or
-o out.npy (N×N float64), out.csv (one row per line) or out.json ([N][N]),
out.txt (the text form). Infinite distances (St(n, n): frames of opposite
orientation) are written as +Inf, and as null in JSON.

Input as for "geodesic mean": .npy, .csv or .json; see its --help.

` + manifoldHelp

func distCmd(args []string, stdout, stderr io.Writer) int {
	c := newCommand("dist", "geodesic dist --manifold name [flags] points.{npy,csv,json}", distAbout)
	var mf manifoldFlags
	mf.register(c.fs)
	out := c.fs.String("o", "", "write the matrix to `file` (.npy, .csv, .json or .txt); default: text on stdout")
	threads := c.fs.Int("threads", 0, "number of goroutines (0: GOMAXPROCS)")
	quiet := c.fs.Bool("quiet", false, "no progress output")
	pos, done, code := c.parse(args, stdout, stderr)
	if done {
		return code
	}
	if err := runDist(pos, &mf, *out, *threads, *quiet, stdout, stderr); err != nil {
		return c.fail(stderr, err)
	}
	return 0
}

func runDist(pos []string, mf *manifoldFlags, out string, threads int, quiet bool, stdout, stderr io.Writer) error {
	if len(pos) != 1 {
		return usagef("want one input file, got %d arguments", len(pos))
	}
	if threads < 0 {
		return usagef("--threads %d: want ≥ 0", threads)
	}
	if out != "" {
		if err := checkOutputPath("-o", out, "npy", "json", "csv", "txt"); err != nil {
			return err
		}
	}
	f, sp, err := mf.loadPoints(pos[0])
	if err != nil {
		return err
	}
	n := len(f.pts)
	prog := newProgress(stderr, quiet, "dist", "pairs", n*(n-1)/2, time.Second)
	d, err := distMatrix(sp, f.pts, threads, prog)
	prog.finish()
	if err != nil {
		return fmt.Errorf("%s: %v", f.path, err)
	}

	inf := 0
	for i := range n {
		for j := i + 1; j < n; j++ {
			v := d[i*n+j]
			if math.IsNaN(v) {
				return fmt.Errorf("%s: the distance between points %d and %d is NaN", f.path, i, j)
			}
			if math.IsInf(v, 0) {
				inf++
			}
		}
	}
	if inf > 0 {
		fmt.Fprintf(stderr, "geodesic dist: warning: %d distances are infinite (no curve on %s joins those points)\n", inf, sp.desc)
	}

	write := func(w io.Writer, format string) error {
		switch format {
		case "npy":
			return writeNPY(w, []int{n, n}, d)
		case "json":
			return writeJSONMatrix(w, d, n)
		case "csv":
			rows := make([][]float64, n)
			for i := range rows {
				rows[i] = d[i*n : (i+1)*n]
			}
			return writeCSVRows(w, rows)
		default:
			bw := bufio.NewWriter(w)
			writeMatrixText(bw, d, n)
			return bw.Flush()
		}
	}
	if out == "" {
		return write(stdout, "txt")
	}
	var o outputs
	if err := o.add(out, func(w io.Writer) error { return write(w, ext(out)) }); err != nil {
		return err
	}
	if err := o.commit(); err != nil {
		return err
	}
	fmt.Fprintf(stdout, "%d×%d distance matrix of the points of %s on %s; wrote %s\n", n, n, f.path, sp.desc, out)
	return nil
}

// distMatrix returns the n×n matrix of distances, row-major. A pool of
// workers takes rows i in turn and computes d(x_i, x_j) for j > i, writing
// both D[i][j] and D[j][i]: every entry is written exactly once, by the same
// computation whatever the number of workers, so the result is
// deterministic, exactly symmetric, and zero on the diagonal.
//
// A panic of the manifold (which valid points should never cause) is
// turned into an error rather than taking the process down.
func distMatrix(sp *space, pts [][]float64, threads int, prog *progress) ([]float64, error) {
	n := len(pts)
	d := make([]float64, n*n)
	if threads == 0 {
		threads = runtime.GOMAXPROCS(0)
	}
	threads = max(1, min(threads, n))
	var next, pairs atomic.Int64
	var wg sync.WaitGroup
	var once sync.Once
	var failure error
	for range threads {
		wg.Go(func() {
			i := -1
			defer func() {
				if r := recover(); r != nil {
					once.Do(func() { failure = fmt.Errorf("distance from point %d: %v", i, r) })
					next.Store(int64(n)) // stop the other workers
				}
			}()
			for {
				i = int(next.Add(1) - 1)
				if i >= n {
					return
				}
				for j := i + 1; j < n; j++ {
					v := sp.m.Dist(pts[i], pts[j])
					d[i*n+j], d[j*n+i] = v, v
				}
				prog.update(int(pairs.Add(int64(n-1-i))), "")
			}
		})
	}
	wg.Wait()
	return d, failure
}

// writeJSONMatrix writes an n×n matrix as nested JSON arrays, one row per
// line, non-finite values as null.
func writeJSONMatrix(w io.Writer, d []float64, n int) error {
	bw := bufio.NewWriter(w)
	bw.WriteString("[")
	for i := range n {
		if i > 0 {
			bw.WriteString(",")
		}
		bw.WriteString("\n  [")
		for j := range n {
			if j > 0 {
				bw.WriteString(", ")
			}
			v := d[i*n+j]
			if math.IsNaN(v) || math.IsInf(v, 0) {
				bw.WriteString("null")
			} else {
				bw.WriteString(formatFloat(v))
			}
		}
		bw.WriteString("]")
	}
	bw.WriteString("\n]\n")
	return bw.Flush()
}
