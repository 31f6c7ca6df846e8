package embed

import (
	"bytes"
	"compress/gzip"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
)

func TestReadHierarchy(t *testing.T) {
	in := "# a comment\n" +
		"dog\tmammal\r\n" +
		"cat\tmammal\n" +
		"\n" +
		"dog\tmammal\n" + // duplicate
		"mammal\tmammal\n" + // self pair, dropped
		"dog\tanimal\n" +
		"mammal\tanimal\n"
	h, err := ReadHierarchy(strings.NewReader(in), "t.tsv")
	if err != nil {
		t.Fatal(err)
	}
	if want := []string{"animal", "cat", "dog", "mammal"}; !slices.Equal(h.Names(), want) {
		t.Fatalf("names %v, want %v (byte order)", h.Names(), want)
	}
	want := []Edge{{1, 3}, {2, 0}, {2, 3}, {3, 0}} // cat→mammal, dog→animal, dog→mammal, mammal→animal
	if !slices.Equal(h.Edges(), want) {
		t.Fatalf("edges %v, want %v", h.Edges(), want)
	}
	dog, _ := h.Index("dog")
	if got := h.Ancestors(dog); !slices.Equal(got, []int32{0, 3}) {
		t.Errorf("Ancestors(dog) = %v", got)
	}
	cat, _ := h.Index("cat")
	animal, _ := h.Index("animal")
	mammal, _ := h.Index("mammal")
	if h.IsAncestor(cat, animal) || !h.IsAncestor(cat, mammal) || !h.Related(mammal, dog) || h.Related(cat, dog) || h.Related(dog, dog) {
		t.Error("IsAncestor/Related wrong")
	}
	if _, ok := h.Index("bird"); ok {
		t.Error("Index(bird) found")
	}
}

func TestReadHierarchyOrderIndependent(t *testing.T) {
	a, _ := ReadHierarchy(strings.NewReader("x\ty\nz\ty\nx\tw\n"), "a")
	b, _ := ReadHierarchy(strings.NewReader("x\tw\nz\ty\nx\ty\n"), "b")
	if !slices.Equal(a.Names(), b.Names()) || !slices.Equal(a.Edges(), b.Edges()) {
		t.Error("the ids depend on the line order")
	}
}

func TestReadHierarchyErrors(t *testing.T) {
	for _, c := range []struct{ in, want string }{
		{"a\tb\nab\n", "f.tsv:2: want \"child<TAB>ancestor\", found no tab in \"ab\""},
		{"a\tb\tc\n", "f.tsv:1: want two tab-separated fields"},
		{"a\tb\n\tb\n", "f.tsv:2: empty node name"},
		{"a\t\n", "f.tsv:1: empty node name"},
	} {
		_, err := ReadHierarchy(strings.NewReader(c.in), "f.tsv")
		if err == nil || !strings.Contains(err.Error(), c.want) {
			t.Errorf("%q: error %v, want it to contain %q", c.in, err, c.want)
		}
	}
	if _, err := LoadHierarchy(filepath.Join(t.TempDir(), "missing.tsv")); err == nil {
		t.Error("no error for a missing file")
	}
	p := filepath.Join(t.TempDir(), "bad.tsv.gz")
	os.WriteFile(p, []byte("a\tb\n"), 0o644)
	if _, err := LoadHierarchy(p); err == nil || !strings.Contains(err.Error(), "bad.tsv.gz") {
		t.Errorf("non-gzip .gz file: error %v", err)
	}
}

func TestReadHierarchyGzip(t *testing.T) {
	var buf bytes.Buffer
	zw := gzip.NewWriter(&buf)
	zw.Write([]byte("b\ta\nc\tb\nc\ta\n"))
	zw.Close()
	// By magic bytes, whatever the name.
	h, err := ReadHierarchy(bytes.NewReader(buf.Bytes()), "plain-name")
	if err != nil || h.Len() != 3 || len(h.Edges()) != 3 {
		t.Fatalf("gzip by magic: %v, %v", h, err)
	}
	// By extension, through LoadHierarchy.
	dir := t.TempDir()
	p := filepath.Join(dir, "h.tsv.gz")
	if err := os.WriteFile(p, buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
	h2, err := LoadHierarchy(p)
	if err != nil || !slices.Equal(h2.Edges(), h.Edges()) {
		t.Fatalf("LoadHierarchy(.gz): %v", err)
	}
}

func TestMammalsFile(t *testing.T) {
	h := mammals(t)
	if h.Len() != 1180 || len(h.Edges()) != 6540 {
		t.Fatalf("mammals: %d nodes, %d pairs, want 1180, 6540 (data/wordnet/README.md)", h.Len(), len(h.Edges()))
	}
	root, ok := h.Index("mammal.n.01")
	if !ok || len(h.Ancestors(root)) != 0 {
		t.Fatal("mammal.n.01 missing or not a root")
	}
	// The file is transitively closed.
	c, err := h.Closure()
	if err != nil || !slices.Equal(c.Edges(), h.Edges()) {
		t.Errorf("the mammals file is not closed: %v", err)
	}
}

func TestClosureReduction(t *testing.T) {
	h, _ := NewHierarchy([][2]string{{"b", "a"}, {"c", "a"}, {"d", "b"}, {"e", "d"}})
	c, err := h.Closure()
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, e := range c.Edges() {
		got = append(got, c.Name(e.Child)+c.Name(e.Ancestor))
	}
	if want := []string{"ba", "ca", "da", "db", "ea", "eb", "ed"}; !slices.Equal(got, want) {
		t.Errorf("closure %v, want %v", got, want)
	}
	if r := c.Reduction(); !slices.Equal(r.Edges(), h.Edges()) {
		t.Errorf("reduction of the closure %v, want %v", r.Edges(), h.Edges())
	}
	cyc, _ := NewHierarchy([][2]string{{"a", "b"}, {"b", "c"}, {"c", "a"}})
	if _, err := cyc.Closure(); err == nil || !strings.Contains(err.Error(), "cycle") {
		t.Errorf("cycle: error %v", err)
	}
	if _, err := NewHierarchy([][2]string{{"a", ""}}); err == nil {
		t.Error("empty name accepted")
	}
}
