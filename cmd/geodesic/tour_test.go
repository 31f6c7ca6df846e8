package main

import (
	"bytes"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/geodesic-go/geodesic/sphere"
)

// haversine is the textbook great-circle formula (Sinnott 1984), an
// independent route to the distance between two latitude/longitude pairs.
func haversine(lat1, lon1, lat2, lon2 float64) float64 {
	r := math.Pi / 180
	dφ, dλ := (lat2-lat1)*r, (lon2-lon1)*r
	a := math.Sin(dφ/2)*math.Sin(dφ/2) + math.Cos(lat1*r)*math.Cos(lat2*r)*math.Sin(dλ/2)*math.Sin(dλ/2)
	return 2 * math.Atan2(math.Sqrt(a), math.Sqrt(1-a))
}

func TestCityDistancesMatchHaversine(t *testing.T) {
	cities, err := readCities("")
	require.NoError(t, err)
	s := sphere.New(3)
	for i := range cities {
		for j := range cities {
			a, b := cities[i], cities[j]
			got := s.Dist(unitVector(a.lat, a.lon), unitVector(b.lat, b.lon))
			want := haversine(a.lat, a.lon, b.lat, b.lon)
			assert.InDelta(t, want, got, 1e-12, "%s–%s", a.name, b.name)
		}
	}
}

func TestTourRuns(t *testing.T) {
	var out, errb bytes.Buffer
	require.Equal(t, 0, run([]string{"tour"}, &out, &errb), errb.String())
	// London–Paris is 343.5 km by the haversine formula on the same radius.
	want := haversine(51.5074, -0.1278, 48.8566, 2.3522) * earthRadiusKm
	if !strings.Contains(out.String(), "Paris") || !strings.Contains(out.String(), fmt.Sprintf("%.1f km", want)) {
		t.Errorf("tour output lacks London–Paris %.1f km:\n%s", want, out.String())
	}
	if !strings.Contains(out.String(), "sphere.Dist gives 1.000000 mm") {
		t.Errorf("tour output lacks the 1 mm accuracy line:\n%s", out.String())
	}
}

func TestBadInput(t *testing.T) {
	dir := t.TempDir()
	bad := filepath.Join(dir, "bad.csv")
	require.NoError(t, os.WriteFile(bad, []byte("name,latitude,longitude\nA,10,20\nB,95,0\n"), 0o644))
	var out, errb bytes.Buffer
	code := run([]string{"tour", "--data", bad}, &out, &errb)
	if code == 0 || !strings.Contains(errb.String(), "bad.csv:3") || !strings.Contains(errb.String(), "latitude") {
		t.Errorf("exit %d, stderr %q: want a non-zero exit naming bad.csv:3 and the latitude", code, errb.String())
	}
	assert.NotEqual(t, 0, run([]string{"tour", "--data", filepath.Join(dir, "missing.csv")}, &out, &errb), "missing file")
	assert.Equal(t, 2, run([]string{"frobnicate"}, &out, &errb), "unknown command")
}
