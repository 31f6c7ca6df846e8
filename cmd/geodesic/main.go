// Command geodesic runs geodesic's manifolds on files people already have.
//
// Usage:
//
//	geodesic tour [--data cities.csv]   great-circle geometry of real cities on S²
//	                                    (default: the shipped data/cities.csv)
//	geodesic help [command]
//
// More commands (mean, median, dist, embed, bench) arrive with the packages
// they need; see the README.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes one command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		args = []string{"tour"}
	}
	switch args[0] {
	case "tour":
		return tourCmd(args[1:], stdout, stderr)
	case "help", "-h", "-help", "--help":
		if len(args) > 1 && args[1] == "tour" {
			return tourCmd([]string{"-help"}, stdout, stderr)
		}
		usage(stdout)
		return 0
	default:
		fmt.Fprintf(stderr, "geodesic: unknown command %q (try \"geodesic help\")\n", args[0])
		return 2
	}
}

func usage(w io.Writer) {
	fmt.Fprint(w, `geodesic: Riemannian geometry on matrix manifolds.

Commands:
  tour    great-circle distances, geodesics and the accuracy of the sphere
          on real city coordinates (default: the shipped data/cities.csv)
  help    this text; "geodesic help tour" for a command's flags
`)
}
