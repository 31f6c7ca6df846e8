package main

import (
	"encoding/csv"
	"errors"
	"fmt"
	"io"
	"math"
	"os"
	"strconv"

	"github.com/geodesic-go/geodesic/data"
	"github.com/geodesic-go/geodesic/manifold"
	"github.com/geodesic-go/geodesic/sphere"
)

// earthRadiusKm is the mean Earth radius of IUGG (Moritz 2000), used to turn
// angles on the unit sphere into kilometres.
const earthRadiusKm = 6371.0088

type city struct {
	name     string
	lat, lon float64 // degrees
}

// unitVector maps latitude φ and longitude λ (degrees) to the point
// (cos φ cos λ, cos φ sin λ, sin φ) of S².
func unitVector(lat, lon float64) []float64 {
	φ, λ := lat*math.Pi/180, lon*math.Pi/180
	return []float64{math.Cos(φ) * math.Cos(λ), math.Cos(φ) * math.Sin(λ), math.Sin(φ)}
}

// latLon inverts unitVector.
func latLon(x []float64) (lat, lon float64) {
	return math.Atan2(x[2], math.Hypot(x[0], x[1])) * 180 / math.Pi, math.Atan2(x[1], x[0]) * 180 / math.Pi
}

// readCities reads a CSV file with a header and the columns name, latitude,
// longitude (decimal degrees). Errors name the file, the line and the field.
func readCities(path string) ([]city, error) {
	var src io.Reader
	if path == "" {
		f, err := data.FS.Open("cities.csv")
		if err != nil {
			return nil, err
		}
		defer f.Close()
		src, path = f, "cities.csv (shipped)"
	} else {
		f, err := os.Open(path)
		if err != nil {
			return nil, err
		}
		defer f.Close()
		src = f
	}
	r := csv.NewReader(src)
	r.FieldsPerRecord = 3
	var out []city
	for line := 1; ; line++ {
		rec, err := r.Read()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if line == 1 {
			continue // header
		}
		lat, err1 := strconv.ParseFloat(rec[1], 64)
		lon, err2 := strconv.ParseFloat(rec[2], 64)
		switch {
		case err1 != nil || math.IsNaN(lat) || lat < -90 || lat > 90:
			return nil, fmt.Errorf("%s:%d: latitude %q of %q is not a number in [-90, 90]", path, line, rec[1], rec[0])
		case err2 != nil || math.IsNaN(lon) || lon < -180 || lon > 180:
			return nil, fmt.Errorf("%s:%d: longitude %q of %q is not a number in [-180, 180]", path, line, rec[2], rec[0])
		}
		out = append(out, city{rec[0], lat, lon})
	}
	if len(out) < 2 {
		return nil, fmt.Errorf("%s: need at least two cities, found %d", path, len(out))
	}
	return out, nil
}

func tourCmd(args []string, stdout, stderr io.Writer) int {
	c := newCommand("tour", "geodesic tour [--data cities.csv]",
		"Great-circle distances, geodesic midpoints and parallel transport on S²,\nand the sphere's accuracy at distances of a millimetre.")
	path := c.fs.String("data", "", "CSV `file` with a header and the columns name,latitude,longitude (degrees); default: the shipped cities.csv")
	pos, done, code := c.parse(args, stdout, stderr)
	if done {
		return code
	}
	if len(pos) > 0 {
		return c.fail(stderr, usagef("unexpected argument %q", pos[0]))
	}
	cities, err := readCities(*path)
	if err != nil {
		return c.fail(stderr, err)
	}
	if err := tour(stdout, cities); err != nil {
		return c.fail(stderr, err)
	}
	return 0
}

func tour(w io.Writer, cities []city) error {
	s := sphere.New(3)
	pts := make([][]float64, len(cities))
	for i, c := range cities {
		pts[i] = unitVector(c.lat, c.lon)
	}
	fmt.Fprintf(w, "%d cities on the unit sphere S² (Earth radius %.1f km)\n\n", len(cities), earthRadiusKm)

	fmt.Fprintln(w, "Great-circle distances from the first city (sphere.Dist):")
	for i := 1; i < len(cities); i++ {
		fmt.Fprintf(w, "  %-12s → %-12s %8.1f km\n", cities[0].name, cities[i].name, s.Dist(pts[0], pts[i])*earthRadiusKm)
	}

	// The farthest pair, and the midpoint of its geodesic.
	bi, bj, best := 0, 1, -1.0
	for i := range pts {
		for j := i + 1; j < len(pts); j++ {
			if d := s.Dist(pts[i], pts[j]); d > best {
				bi, bj, best = i, j, d
			}
		}
	}
	mid, err := manifold.Geodesic(s, pts[bi], pts[bj], 0.5)
	if err != nil {
		return fmt.Errorf("midpoint of %s and %s: %w", cities[bi].name, cities[bj].name, err)
	}
	lat, lon := latLon(mid)
	fmt.Fprintf(w, "\nFarthest pair: %s – %s, %.1f km; the great circle's midpoint is at %.2f°, %.2f°\n",
		cities[bi].name, cities[bj].name, best*earthRadiusKm, lat, lon)

	// Parallel transport of "due north" along that geodesic: the heading a
	// gyroscope keeps, compared with the local north at the destination.
	p, q := pts[bi], pts[bj]
	north := []float64{0, 0, 1}
	s.Proj(north, p, north)
	heading := make([]float64, 3)
	s.ParallelTransport(heading, p, q, north)
	northQ := []float64{0, 0, 1}
	s.Proj(northQ, q, northQ)
	cos := s.Inner(q, heading, northQ) / (s.Norm(q, heading) * s.Norm(q, northQ))
	fmt.Fprintf(w, "A gyroscope pointing north at %s points %.1f° away from north on arrival at %s\n",
		cities[bi].name, math.Acos(math.Max(-1, math.Min(1, cos)))*180/math.Pi, cities[bj].name)

	// Accuracy at tiny distances: two points 1 mm apart.
	a := pts[0]
	v := make([]float64, 3)
	s.Proj(v, a, []float64{0, 0, 1})
	k := 1e-6 / earthRadiusKm / s.Norm(a, v) // 1 mm in radians
	for i := range v {
		v[i] *= k
	}
	b := make([]float64, 3)
	s.Exp(b, a, v)
	dot := a[0]*b[0] + a[1]*b[1] + a[2]*b[2]
	fmt.Fprintf(w, "\nTwo points 1 mm apart in %s: sphere.Dist gives %.6f mm; acos(⟨p, q⟩) gives %.6f mm\n",
		cities[0].name, s.Dist(a, b)*earthRadiusKm*1e6, math.Acos(math.Min(1, dot))*earthRadiusKm*1e6)
	return nil
}
