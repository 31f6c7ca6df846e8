//go:build race

package optim_test

// raceEnabled reports whether the race detector is on: it changes the
// allocations (sync.Pool drops items at random), so the memory test skips.
const raceEnabled = true
