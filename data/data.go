// Package data embeds the data files shipped with geodesic, so that the
// geodesic command and the examples run from any directory. See README.md in
// this directory for each file's source and license.
package data

import "embed"

// FS holds the shipped data files by name, e.g. "cities.csv".
//
//go:embed *.csv
var FS embed.FS
