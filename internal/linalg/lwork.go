package linalg

import (
	"sync"
	"sync/atomic"
)

// LAPACK work sizes depend only on the problem dimensions, so each one is
// queried (lwork = −1) once per size and kept in a copy-on-write map: readers
// load an immutable map through an atomic pointer, without locks or
// allocation; a new size takes the mutex and publishes an extended copy.

type lworkOp uint8

const (
	opQR    lworkOp = iota // Dgeqrf + Dorgqr, m×n
	opSVD                  // Dgesvd 'S','S', m×n
	opSVDN                 // Dgesvd 'N','N', m×n
	opSyev                 // Dsyev, n×n
	opSchur                // Dgehrd + Dorghr + Dhseqr, n×n
)

type lworkKey struct {
	op   lworkOp
	m, n int
}

// maxLworkEntries bounds the cache; sizes beyond it are queried every call.
const maxLworkEntries = 4096

var (
	lworkMu  sync.Mutex
	lworkTab atomic.Pointer[map[lworkKey]int]
)

// cachedLwork returns the work size stored for k, computing and storing it
// with query on a miss. query must return the optimal lwork.
func cachedLwork(k lworkKey, query func(k lworkKey) int) int {
	if t := lworkTab.Load(); t != nil {
		if v, ok := (*t)[k]; ok {
			return v
		}
	}
	v := query(k)
	lworkMu.Lock()
	defer lworkMu.Unlock()
	old := lworkTab.Load()
	var n int
	if old != nil {
		if _, ok := (*old)[k]; ok {
			return v
		}
		n = len(*old)
	}
	if n >= maxLworkEntries {
		return v
	}
	t := make(map[lworkKey]int, n+1)
	if old != nil {
		for kk, vv := range *old {
			t[kk] = vv
		}
	}
	t[k] = v
	lworkTab.Store(&t)
	return v
}
