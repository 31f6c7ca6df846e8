// Command geodesic runs geodesic's manifolds on files people already have.
//
// Usage:
//
//	geodesic tour [--data cities.csv]          great-circle geometry of real cities on S²
//	geodesic mean --manifold name points.npy   Karcher mean (chordal flag mean on flags)
//	geodesic median --manifold name points.npy geometric median (chordal flag median)
//	geodesic dist --manifold name points.npy   pairwise distance matrix
//	geodesic embed [edges.tsv]                 hyperbolic embedding of a hierarchy
//	                                           (default: the shipped WordNet mammals)
//	geodesic bench [--quick]                   the benchmark harness
//	geodesic help [command]
//
// Every command takes --help. Points are read from .npy (float64, C order),
// .csv (one flattened point per row) or .json (nested arrays) files; results
// are written to stdout or, with -o, to .npy, .csv, .json or .txt files,
// which appear only when the command succeeds. Errors are one line on
// stderr naming the file, the point and what is wrong; the exit status is 1
// for bad data and 2 for a bad command line.
package main

import (
	"fmt"
	"io"
	"os"
)

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// commands maps each subcommand to its entry point.
var commands = map[string]func(args []string, stdout, stderr io.Writer) int{
	"tour":   tourCmd,
	"mean":   meanCmd,
	"median": medianCmd,
	"dist":   distCmd,
	"embed":  embedCmd,
	"bench":  benchCmd,
}

// run executes one command line and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) == 0 {
		args = []string{"tour"}
	}
	if cmd, ok := commands[args[0]]; ok {
		return cmd(args[1:], stdout, stderr)
	}
	switch args[0] {
	case "help", "-h", "-help", "--help":
		if len(args) > 1 {
			if cmd, ok := commands[args[1]]; ok {
				return cmd([]string{"--help"}, stdout, stderr)
			}
			fmt.Fprintf(stderr, "geodesic help: unknown command %q\n", args[1])
			return 2
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
  mean    Karcher mean of points on a manifold (chordal flag mean on flags)
  median  geometric median of points on a manifold (chordal flag median)
  dist    pairwise distance matrix of points on a manifold
  embed   hyperbolic embedding of a hierarchy, with its reconstruction mean
          rank and MAP (default: the shipped WordNet mammals)
  bench   the benchmark harness: reports in JSON and Markdown, plots, comparisons
  help    this text; "geodesic help <command>" or "geodesic <command> --help"
          for a command's flags
`)
}
