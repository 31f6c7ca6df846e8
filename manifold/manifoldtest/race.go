//go:build race

package manifoldtest

// raceEnabled is true when built with -race, under which sync.Pool drops
// items at random and allocation counts are meaningless.
const raceEnabled = true
