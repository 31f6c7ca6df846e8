//go:build race

package flag_test

const raceEnabled = true
