//go:build !race

package flag_test

const raceEnabled = false
