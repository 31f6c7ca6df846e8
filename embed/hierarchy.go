package embed

import (
	"bufio"
	"bytes"
	"compress/gzip"
	"errors"
	"fmt"
	"io"
	"os"
	"slices"
	"sort"
	"strings"
)

// Edge is one pair of a hierarchy: Ancestor is a (transitive) ancestor of
// Child, both given as node ids.
type Edge struct {
	Child, Ancestor int
}

// Hierarchy is a set of nodes with names and a relation between them, read as
// "Ancestor is an ancestor of Child". Training and evaluation use the
// relation as given: pass the transitive closure of a hierarchy (as in the
// WordNet files shipped in data/wordnet) or build it with Closure.
//
// Node ids are 0 … Len()−1, in the byte order of the names, so a hierarchy
// read from the same pairs in any order gets the same ids (and a seeded
// training run the same embedding). The edges are deduplicated, free of self
// edges and sorted by (Child, Ancestor).
//
// A Hierarchy is immutable and safe for concurrent use; the slices its
// methods return must not be modified.
type Hierarchy struct {
	names  []string
	index  map[string]int
	edges  []Edge
	ancOff []int32 // ancestors of u are anc[ancOff[u]:ancOff[u+1]], sorted
	anc    []int32
}

// maxNodes bounds the number of nodes (ids are stored as int32).
const maxNodes = 1<<31 - 1

// NewHierarchy builds a hierarchy from (child, ancestor) name pairs. Duplicate
// pairs are merged and self pairs (child = ancestor) dropped. It returns an
// error for an empty name.
func NewHierarchy(pairs [][2]string) (*Hierarchy, error) {
	b := newBuilder()
	for i, p := range pairs {
		if p[0] == "" || p[1] == "" {
			return nil, fmt.Errorf("embed: pair %d: empty node name", i)
		}
		b.add(p[0], p[1])
	}
	return b.build()
}

// LoadHierarchy reads a hierarchy from the edge-list file at path; see
// ReadHierarchy for the format. A file whose name ends in ".gz" or whose
// content starts with the gzip magic bytes is decompressed.
func LoadHierarchy(path string) (*Hierarchy, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("embed: %w", err)
	}
	defer f.Close()
	var r io.Reader = f
	if strings.HasSuffix(path, ".gz") {
		zr, err := gzip.NewReader(bufio.NewReaderSize(f, 1<<16))
		if err != nil {
			return nil, fmt.Errorf("embed: %s: %w", path, err)
		}
		defer zr.Close()
		r = zr
	}
	return ReadHierarchy(r, path)
}

// ReadHierarchy reads a hierarchy from r, a text edge list with one pair per
// line, "child<TAB>ancestor" (the format of data/wordnet/mammal_closure.tsv).
// Input starting with the gzip magic bytes (1f 8b) is decompressed. Blank
// lines and lines starting with '#' are skipped, a trailing "\r" is
// ignored, duplicate pairs are merged and self pairs dropped. Any other line
// that does not consist of exactly two non-empty tab-separated fields is an
// error naming the source (name, for messages only) and the line number.
func ReadHierarchy(r io.Reader, name string) (*Hierarchy, error) {
	br := bufio.NewReaderSize(r, 1<<16)
	if magic, err := br.Peek(2); err == nil && magic[0] == 0x1f && magic[1] == 0x8b {
		zr, err := gzip.NewReader(br)
		if err != nil {
			return nil, fmt.Errorf("embed: %s: %w", name, err)
		}
		defer zr.Close()
		br = bufio.NewReaderSize(zr, 1<<16)
	}
	b := newBuilder()
	sc := bufio.NewScanner(br)
	sc.Buffer(make([]byte, 0, 1<<16), 1<<24)
	line := 0
	for sc.Scan() {
		line++
		s := sc.Bytes()
		s = bytes.TrimSuffix(s, []byte{'\r'})
		if len(s) == 0 || s[0] == '#' {
			continue
		}
		i := bytes.IndexByte(s, '\t')
		if i < 0 {
			return nil, fmt.Errorf("embed: %s:%d: want \"child<TAB>ancestor\", found no tab in %q", name, line, clip(s))
		}
		child, anc := s[:i], s[i+1:]
		if bytes.IndexByte(anc, '\t') >= 0 {
			return nil, fmt.Errorf("embed: %s:%d: want two tab-separated fields, found more in %q", name, line, clip(s))
		}
		if len(child) == 0 || len(anc) == 0 {
			return nil, fmt.Errorf("embed: %s:%d: empty node name in %q", name, line, clip(s))
		}
		b.addBytes(child, anc)
		if len(b.names) > maxNodes {
			return nil, fmt.Errorf("embed: %s:%d: more than %d nodes", name, line, maxNodes)
		}
	}
	if err := sc.Err(); err != nil {
		if errors.Is(err, bufio.ErrTooLong) {
			return nil, fmt.Errorf("embed: %s:%d: line longer than 16 MiB", name, line+1)
		}
		return nil, fmt.Errorf("embed: %s: after line %d: %w", name, line, err)
	}
	return b.build()
}

func clip(s []byte) string {
	if len(s) > 80 {
		return string(s[:77]) + "..."
	}
	return string(s)
}

// builder interns names in order of appearance and collects raw pairs.
type builder struct {
	names []string
	index map[string]int32
	pairs [][2]int32
}

func newBuilder() *builder { return &builder{index: make(map[string]int32)} }

func (b *builder) id(s string) int32 {
	if i, ok := b.index[s]; ok {
		return i
	}
	i := int32(len(b.names))
	b.names = append(b.names, s)
	b.index[s] = i
	return i
}

func (b *builder) idBytes(s []byte) int32 {
	if i, ok := b.index[string(s)]; ok { // no allocation for the lookup
		return i
	}
	return b.id(string(s))
}

func (b *builder) add(child, anc string) {
	c, a := b.id(child), b.id(anc)
	if c != a {
		b.pairs = append(b.pairs, [2]int32{c, a})
	}
}

func (b *builder) addBytes(child, anc []byte) {
	c, a := b.idBytes(child), b.idBytes(anc)
	if c != a {
		b.pairs = append(b.pairs, [2]int32{c, a})
	}
}

// build renumbers the nodes in name order and sorts and deduplicates the
// pairs.
func (b *builder) build() (*Hierarchy, error) {
	n := len(b.names)
	order := make([]int32, n) // new id → old id
	for i := range order {
		order[i] = int32(i)
	}
	sort.Slice(order, func(i, j int) bool { return b.names[order[i]] < b.names[order[j]] })
	perm := make([]int32, n) // old id → new id
	names := make([]string, n)
	index := make(map[string]int, n)
	for newID, old := range order {
		perm[old] = int32(newID)
		names[newID] = b.names[old]
		index[names[newID]] = newID
	}
	pairs := b.pairs
	for i, p := range pairs {
		pairs[i] = [2]int32{perm[p[0]], perm[p[1]]}
	}
	return fromPairs(names, index, pairs), nil
}

// fromPairs builds a Hierarchy from pairs of ids in [0, len(names)); pairs is
// sorted and deduplicated in place.
func fromPairs(names []string, index map[string]int, pairs [][2]int32) *Hierarchy {
	slices.SortFunc(pairs, func(x, y [2]int32) int {
		if x[0] != y[0] {
			return int(x[0] - y[0])
		}
		return int(x[1] - y[1])
	})
	pairs = slices.Compact(pairs)
	n := len(names)
	h := &Hierarchy{
		names:  names,
		index:  index,
		edges:  make([]Edge, len(pairs)),
		ancOff: make([]int32, n+1),
		anc:    make([]int32, len(pairs)),
	}
	for i, p := range pairs {
		h.edges[i] = Edge{Child: int(p[0]), Ancestor: int(p[1])}
		h.anc[i] = p[1]
		h.ancOff[p[0]+1]++
	}
	for u := 0; u < n; u++ {
		h.ancOff[u+1] += h.ancOff[u]
	}
	return h
}

// Len returns the number of nodes.
func (h *Hierarchy) Len() int { return len(h.names) }

// Names returns the node names indexed by id.
func (h *Hierarchy) Names() []string { return h.names }

// Name returns the name of node u.
func (h *Hierarchy) Name(u int) string { return h.names[u] }

// Index returns the id of the node with the given name.
func (h *Hierarchy) Index(name string) (int, bool) {
	i, ok := h.index[name]
	return i, ok
}

// Edges returns the pairs, sorted by (Child, Ancestor).
func (h *Hierarchy) Edges() []Edge { return h.edges }

// Ancestors returns the ids of the ancestors of u, in increasing order.
func (h *Hierarchy) Ancestors(u int) []int32 { return h.anc[h.ancOff[u]:h.ancOff[u+1]] }

// IsAncestor reports whether (u, a) is a pair of the hierarchy.
func (h *Hierarchy) IsAncestor(u, a int) bool {
	_, ok := slices.BinarySearch(h.Ancestors(u), int32(a))
	return ok
}

// Related reports whether u and v are distinct and (u, v) or (v, u) is a
// pair: the nodes that are never drawn as negatives for each other.
func (h *Hierarchy) Related(u, v int) bool {
	return u != v && (h.IsAncestor(u, v) || h.IsAncestor(v, u))
}

// Closure returns the transitive closure of the hierarchy: (u, a) is a pair
// of the result whenever a chain of pairs leads from u to a. It returns an
// error naming a node on a cycle if the relation has one.
func (h *Hierarchy) Closure() (*Hierarchy, error) {
	n := h.Len()
	const (
		white = iota
		grey
		black
	)
	state := make([]uint8, n)
	closed := make([][]int32, n)
	// Iterative depth-first search over the ancestor relation, post-order.
	type frame struct{ u, next int32 }
	var stack []frame
	for s := 0; s < n; s++ {
		if state[s] != white {
			continue
		}
		stack = append(stack[:0], frame{int32(s), 0})
		state[s] = grey
		for len(stack) > 0 {
			f := &stack[len(stack)-1]
			as := h.Ancestors(int(f.u))
			if int(f.next) < len(as) {
				a := as[f.next]
				f.next++
				switch state[a] {
				case grey:
					return nil, fmt.Errorf("embed: the hierarchy has a cycle through %q", h.names[a])
				case white:
					state[a] = grey
					stack = append(stack, frame{a, 0})
				}
				continue
			}
			u := f.u
			var set []int32
			for _, a := range as {
				set = append(set, a)
				set = append(set, closed[a]...)
			}
			slices.Sort(set)
			closed[u] = slices.Compact(set)
			state[u] = black
			stack = stack[:len(stack)-1]
		}
	}
	var pairs [][2]int32
	for u, set := range closed {
		for _, a := range set {
			pairs = append(pairs, [2]int32{int32(u), a})
		}
	}
	return fromPairs(h.names, h.index, pairs), nil
}

// Reduction returns the transitive reduction of a closed hierarchy: the pairs
// (u, a) for which no other ancestor w of u has a as an ancestor (for a tree
// closure, the child–parent edges). Useful to draw a hierarchy. The input
// should be transitively closed (see Closure).
func (h *Hierarchy) Reduction() *Hierarchy {
	var pairs [][2]int32
	for u := 0; u < h.Len(); u++ {
		as := h.Ancestors(u)
	next:
		for _, a := range as {
			for _, w := range as {
				if w != a && h.IsAncestor(int(w), int(a)) {
					continue next
				}
			}
			pairs = append(pairs, [2]int32{int32(u), a})
		}
	}
	return fromPairs(h.names, h.index, pairs)
}
