package bench

import (
	"bufio"
	"os"
	"runtime"
	"runtime/debug"
	"strings"
	"time"
)

// modulePath is the module whose version a report records.
const modulePath = "github.com/geodesic-go/geodesic"

// Env describes where and on what code a run was made.
type Env struct {
	// Timestamp is the start of the run, in UTC.
	Timestamp time.Time `json:"timestamp"`
	// GoVersion is runtime.Version(), e.g. "go1.26.0".
	GoVersion string `json:"go_version"`
	// GonumVersion is the version of gonum.org/v1/gonum in the binary's
	// build information ("unknown" when the binary has none).
	GonumVersion string `json:"gonum_version"`
	// GeodesicVersion is the version of the geodesic module: its module
	// version when it is a dependency of the binary, "(devel)" for a build
	// inside the module, "unknown" without build information.
	GeodesicVersion string `json:"geodesic_version"`
	// VCSRevision, VCSTime and VCSModified are the version-control
	// information the go command stamps into binaries built inside a
	// checkout (empty otherwise, e.g. for test binaries).
	VCSRevision string `json:"vcs_revision,omitempty"`
	VCSTime     string `json:"vcs_time,omitempty"`
	VCSModified bool   `json:"vcs_modified,omitempty"`
	// GOOS and GOARCH are the target system and architecture.
	GOOS   string `json:"goos"`
	GOARCH string `json:"goarch"`
	// CPU is the processor model (the "model name" of /proc/cpuinfo on
	// Linux) or, where unknown, GOARCH.
	CPU string `json:"cpu"`
	// NumCPU is runtime.NumCPU() and GOMAXPROCS runtime.GOMAXPROCS(0).
	NumCPU     int `json:"num_cpu"`
	GOMAXPROCS int `json:"gomaxprocs"`
}

// Environment returns the environment of the running binary, with the
// current time as Timestamp.
func Environment() Env {
	e := Env{
		Timestamp:       time.Now().UTC().Truncate(time.Second),
		GoVersion:       runtime.Version(),
		GonumVersion:    "unknown",
		GeodesicVersion: "unknown",
		GOOS:            runtime.GOOS,
		GOARCH:          runtime.GOARCH,
		CPU:             cpuModel(),
		NumCPU:          runtime.NumCPU(),
		GOMAXPROCS:      runtime.GOMAXPROCS(0),
	}
	bi, ok := debug.ReadBuildInfo()
	if !ok {
		return e
	}
	if bi.Main.Path == modulePath {
		e.GeodesicVersion = bi.Main.Version
	}
	for _, d := range bi.Deps {
		v := d.Version
		if r := d.Replace; r != nil {
			if r.Version != "" {
				v = r.Version
			} else {
				v += " (replaced by " + r.Path + ")"
			}
		}
		switch d.Path {
		case "gonum.org/v1/gonum":
			e.GonumVersion = v
		case modulePath:
			e.GeodesicVersion = v
		}
	}
	for _, s := range bi.Settings {
		switch s.Key {
		case "vcs.revision":
			e.VCSRevision = s.Value
		case "vcs.time":
			e.VCSTime = s.Value
		case "vcs.modified":
			e.VCSModified = s.Value == "true"
		}
	}
	return e
}

// cpuModel returns the first "model name" of /proc/cpuinfo, or GOARCH.
func cpuModel() string {
	if runtime.GOOS == "linux" {
		if f, err := os.Open("/proc/cpuinfo"); err == nil {
			defer f.Close()
			sc := bufio.NewScanner(f)
			for sc.Scan() {
				k, v, ok := strings.Cut(sc.Text(), ":")
				if ok && strings.TrimSpace(k) == "model name" {
					if v = strings.TrimSpace(v); v != "" {
						return v
					}
				}
			}
		}
	}
	return runtime.GOARCH
}
