//go:build race

package grassmann_test

const raceEnabled = true
