package manifoldtest

import (
	"fmt"
	"runtime"
	"slices"
	"strings"
	"sync"
	"testing"

	"github.com/geodesic-go/geodesic/manifold"
)

// recorder is a testing.TB that records failures instead of reporting them,
// so that tests can assert what the suite says about a broken manifold.
// It embeds a real testing.TB only to satisfy the interface's unexported
// method; every method the suite may call is overridden. Fatal, FailNow and
// Skip end the calling goroutine with runtime.Goexit, as testing does, so
// the suite must run in a goroutine of its own (see runRecorded).
type recorder struct {
	testing.TB
	mu      sync.Mutex
	errs    []string
	logs    []string
	failed  bool
	skipped bool
}

func (r *recorder) record(msg string) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.errs = append(r.errs, msg)
	r.failed = true
}

func (r *recorder) Helper()                           {}
func (r *recorder) Name() string                      { return "recorder" }
func (r *recorder) Error(args ...any)                 { r.record(fmt.Sprint(args...)) }
func (r *recorder) Errorf(format string, args ...any) { r.record(fmt.Sprintf(format, args...)) }
func (r *recorder) Fatal(args ...any)                 { r.Error(args...); runtime.Goexit() }
func (r *recorder) Fatalf(format string, args ...any) { r.Errorf(format, args...); runtime.Goexit() }
func (r *recorder) FailNow()                          { r.Fail(); runtime.Goexit() }
func (r *recorder) Skip(args ...any)                  { r.Log(args...); r.SkipNow() }
func (r *recorder) Skipf(format string, args ...any)  { r.Logf(format, args...); r.SkipNow() }

func (r *recorder) Fail() {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.failed = true
}

func (r *recorder) Failed() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.failed
}

func (r *recorder) SkipNow() {
	r.mu.Lock()
	r.skipped = true
	r.mu.Unlock()
	runtime.Goexit()
}

func (r *recorder) Skipped() bool {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.skipped
}

func (r *recorder) Log(args ...any) {
	r.mu.Lock()
	defer r.mu.Unlock()
	r.logs = append(r.logs, fmt.Sprint(args...))
}

func (r *recorder) Logf(format string, args ...any) { r.Log(fmt.Sprintf(format, args...)) }

// runRecorded runs the suite on m against a recorder in a goroutine of its
// own and returns the recorder once the suite has finished (or called
// Goexit through Fatal).
func runRecorded(t testing.TB, m manifold.Manifold, cfg Config) *recorder {
	rec := &recorder{TB: t}
	done := make(chan struct{})
	go func() {
		defer close(done)
		Run(rec, m, cfg)
	}()
	<-done
	return rec
}

// failedChecks returns the sorted set of check names that the recorded
// failures blame, parsing the "name: check: detail" prefix of each message
// for the manifold name name.
func (r *recorder) failedChecks(name string) []string {
	var out []string
	for _, e := range r.errs {
		rest, ok := strings.CutPrefix(e, name+": ")
		if !ok {
			out = append(out, "?"+e)
			continue
		}
		check, _, _ := strings.Cut(rest, ": ")
		if !slices.Contains(out, check) {
			out = append(out, check)
		}
	}
	slices.Sort(out)
	return out
}

// TestRecorderFatal checks that the recorder's Fatal ends the goroutine and
// that runRecorded still returns.
func TestRecorderFatal(t *testing.T) {
	rec := &recorder{TB: t}
	done := make(chan struct{})
	reached := false
	go func() {
		defer close(done)
		rec.Fatalf("stop %d", 1)
		reached = true
	}()
	<-done
	if reached || !rec.Failed() || len(rec.errs) != 1 || rec.errs[0] != "stop 1" {
		t.Fatalf("Fatalf did not end the goroutine or record: reached=%v errs=%q", reached, rec.errs)
	}
}
