package linalg

import (
	"math/bits"
	"sync"
)

// floatPools[k] holds *[]float64 whose capacity is at least 1<<k. This is the
// size-class scheme of gonum/mat/pool.go: a request for n elements is served
// from class ⌈log₂ n⌉, so at most half of a pooled slice is wasted.
var (
	floatPools [64]sync.Pool
	intPools   [64]sync.Pool
)

// sizeClass returns ⌈log₂ n⌉ (0 for n ≤ 1): the class whose slices hold n
// elements.
func sizeClass(n int) int {
	if n <= 1 {
		return 0
	}
	return bits.Len(uint(n - 1))
}

// capClass returns ⌊log₂ c⌋, the class a slice of capacity c ≥ 1 may serve.
func capClass(c int) int { return bits.Len(uint(c)) - 1 }

// GetFloats returns a pooled slice of length n. Its contents are unspecified
// (stale data from an earlier user); use GetFloatsZeroed when zeros are
// needed. Return it with PutFloats once no reference to it remains. After
// warm-up, GetFloats and PutFloats allocate nothing.
//
// Slices are pooled by power-of-two capacity classes, as in gonum's mat
// package (gonum/mat/pool.go). GetFloats panics if n < 0.
func GetFloats(n int) *[]float64 {
	if n < 0 {
		panic(errPoolClass)
	}
	k := sizeClass(n)
	if v := floatPools[k].Get(); v != nil {
		s := v.(*[]float64)
		*s = (*s)[:n]
		return s
	}
	s := make([]float64, n, 1<<k)
	return &s
}

// GetFloatsZeroed is GetFloats with the n elements set to zero.
func GetFloatsZeroed(n int) *[]float64 {
	s := GetFloats(n)
	clear(*s)
	return s
}

// PutFloats returns a slice obtained from GetFloats (or any slice the caller
// gives up) to the pool. The caller must not use *s afterwards. A nil pointer
// or a slice of capacity zero is ignored.
func PutFloats(s *[]float64) {
	if s == nil || cap(*s) == 0 {
		return
	}
	floatPools[capClass(cap(*s))].Put(s)
}

// GetInts returns a pooled []int of length n with unspecified contents, for
// pivot vectors. Return it with PutInts.
func GetInts(n int) *[]int {
	if n < 0 {
		panic(errPoolClass)
	}
	k := sizeClass(n)
	if v := intPools[k].Get(); v != nil {
		s := v.(*[]int)
		*s = (*s)[:n]
		return s
	}
	s := make([]int, n, 1<<k)
	return &s
}

// PutInts returns a slice obtained from GetInts to the pool.
func PutInts(s *[]int) {
	if s == nil || cap(*s) == 0 {
		return
	}
	intPools[capClass(cap(*s))].Put(s)
}

// Arena hands out consecutive pieces of one pooled slice, so that a method
// needing several temporaries makes a single pool round trip and, after
// warm-up, allocates nothing. Use it as
//
//	ar := linalg.NewArena(n1 + n2)
//	defer ar.Release()
//	a, b := ar.Take(n1), ar.Take(n2)
type Arena struct {
	buf  *[]float64
	rest []float64
}

// NewArena returns an Arena holding n elements from the pool.
func NewArena(n int) Arena {
	b := GetFloats(n)
	return Arena{buf: b, rest: *b}
}

// Take returns the next n elements (contents unspecified). It panics if
// fewer than n remain.
func (a *Arena) Take(n int) []float64 {
	s := a.rest[:n:n]
	a.rest = a.rest[n:]
	return s
}

// Release returns the arena's storage to the pool; no slice taken from it
// may be used afterwards.
func (a *Arena) Release() { PutFloats(a.buf) }
