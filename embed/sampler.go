package embed

import (
	"math"
	"math/rand/v2"
)

// alias is Walker's alias table (Vose's construction) for drawing node ids
// from a fixed discrete distribution in O(1).
type alias struct {
	prob  []float64
	other []int32
}

// newAlias builds the table for the weights w (all ≥ 0, not all 0). The
// construction is deterministic.
func newAlias(w []float64) alias {
	n := len(w)
	var sum float64
	for _, x := range w {
		sum += x
	}
	a := alias{prob: make([]float64, n), other: make([]int32, n)}
	scaled := make([]float64, n)
	small := make([]int32, 0, n)
	large := make([]int32, 0, n)
	for i, x := range w {
		scaled[i] = x * float64(n) / sum
		if scaled[i] < 1 {
			small = append(small, int32(i))
		} else {
			large = append(large, int32(i))
		}
	}
	for len(small) > 0 && len(large) > 0 {
		s := small[len(small)-1]
		small = small[:len(small)-1]
		l := large[len(large)-1]
		a.prob[s] = scaled[s]
		a.other[s] = l
		scaled[l] -= 1 - scaled[s]
		if scaled[l] < 1 {
			large = large[:len(large)-1]
			small = append(small, l)
		}
	}
	for _, i := range large {
		a.prob[i] = 1
		a.other[i] = i
	}
	for _, i := range small { // rounding leftovers
		a.prob[i] = 1
		a.other[i] = i
	}
	return a
}

func (a *alias) draw(rng *rand.Rand) int32 {
	i := rng.IntN(len(a.prob))
	if rng.Float64() < a.prob[i] {
		return int32(i)
	}
	return a.other[i]
}

// degreeWeights returns degree(u)^p for the node degrees in the pair list
// (each pair counts once for its child and once for its ancestor).
func degreeWeights(n int, pairs []int32, p float64) []float64 {
	deg := make([]float64, n)
	for _, u := range pairs {
		deg[u]++
	}
	for i, d := range deg {
		deg[i] = math.Pow(d, p)
	}
	return deg
}

// seedMix derives a well-mixed 64-bit value from the arguments (SplitMix64's
// finaliser applied to a running combination).
func seedMix(xs ...uint64) uint64 {
	h := uint64(0x9e3779b97f4a7c15)
	for _, x := range xs {
		h ^= x + 0x9e3779b97f4a7c15 + (h << 6) + (h >> 2)
		h = (h ^ (h >> 30)) * 0xbf58476d1ce4e5b9
		h = (h ^ (h >> 27)) * 0x94d049bb133111eb
		h ^= h >> 31
	}
	return h
}
