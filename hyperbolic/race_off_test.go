//go:build !race

package hyperbolic

const raceEnabled = false
