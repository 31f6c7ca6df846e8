package bench

import (
	"github.com/geodesic-go/geodesic/flag"
	"github.com/geodesic-go/geodesic/manifold"
)

// The flag manifold Fl(n₁ < … < n_k; n) under its default (canonical)
// metric, at the shapes of the other frame manifolds: Fl(1, 2; 3),
// Fl(1, 3, 5; 50) and Fl(2, 5, 10; 1000).
func init() {
	register(15, func() []Workload {
		var specs []opSpec
		for _, sz := range []struct {
			s    Size
			n    int
			dims []int
		}{{SizeTiny, 3, []int{1, 2}}, {SizeMedium, 50, []int{1, 3, 5}}, {SizeTall, 1000, []int{2, 5, 10}}} {
			n, dims := sz.n, sz.dims
			ps := []param{{"n", n}}
			for i, d := range dims {
				ps = append(ps, param{"n" + string(rune('1'+i)), d})
			}
			specs = append(specs, opSpec{manifold: "flag", variant: "metric=canonical", size: sz.s, params: ps,
				new: func() manifold.Manifold { return flag.New(n, dims...) }})
		}
		return opWorkloads(specs)
	})
}
