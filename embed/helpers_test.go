package embed

import (
	"bytes"
	"testing"

	"github.com/geodesic-go/geodesic/data"
)

// mammals returns the WordNet mammals closure shipped in package data.
func mammals(t testing.TB) *Hierarchy {
	t.Helper()
	b, err := data.FS.ReadFile("wordnet/mammal_closure.tsv")
	if err != nil {
		t.Fatal(err)
	}
	h, err := ReadHierarchy(bytes.NewReader(b), "mammal_closure.tsv")
	if err != nil {
		t.Fatal(err)
	}
	return h
}
