// Package data embeds the data files shipped with geodesic, so that the
// geodesic command and the examples run from any directory. See README.md in
// this directory for each file's source and license.
package data

import "embed"

// FS holds the shipped data files by name, e.g. "cities.csv" or
// "wordnet/mammal_closure.tsv".
//
//go:embed *.csv wordnet/mammal_closure.tsv wordnet/LICENSE-WordNet-3.0
var FS embed.FS
