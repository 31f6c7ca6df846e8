package testutil

import (
	"testing"

	"github.com/geodesic-go/geodesic/manifold"
)

// MustPanic reports an error unless fn panics with a manifold.Error (the
// type of every programming-error panic in geodesic, DESIGN §2).
func MustPanic(t testing.TB, what string, fn func()) {
	t.Helper()
	defer func() {
		t.Helper()
		r := recover()
		if r == nil {
			t.Errorf("%s: no panic", what)
			return
		}
		if _, ok := r.(manifold.Error); !ok {
			t.Errorf("%s: panicked with %T %v, want a manifold.Error", what, r, r)
		}
	}()
	fn()
}
