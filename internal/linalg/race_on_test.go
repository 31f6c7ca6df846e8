//go:build race

package linalg_test

// raceEnabled reports whether the race detector is on; sync.Pool then drops
// items at random, so allocation counts are meaningless.
const raceEnabled = true
