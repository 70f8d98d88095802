package childtest

import (
	"testing"
	"time"
)

// Within runs fn and fails t with fn's error, or with what and the time
// allowed when fn has not returned within d: a test of a cost that was
// quadratic gives an input that takes well under d now and far more
// than d at the old cost. After a failure fn runs on in the background
// until the test binary exits. It is a guard against a cost coming back,
// not a measure of it (the benchmarks measure): it skips under -short,
// and under the race detector, which slows the work past what d tells
// apart; the full go test runs it.
func Within(t *testing.T, d time.Duration, what string, fn func() error) {
	t.Helper()
	switch {
	case testing.Short():
		t.Skipf("%s: a long case, run without -short", what)
	case race:
		t.Skipf("%s: under the race detector the work takes longer than the %v that tells its cost", what, d)
	}
	done := make(chan error, 1)
	go func() { done <- fn() }()
	select {
	case err := <-done:
		if err != nil {
			t.Fatal(err)
		}
	case <-time.After(d):
		t.Fatalf("%s takes more than %v", what, d)
	}
}
