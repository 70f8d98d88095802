package childtest

import (
	"testing"
	"time"
)

// Within runs fn and fails t with fn's error, or with what and the time
// allowed when fn has not returned within d: a test of a cost that was
// quadratic gives an input that takes well under d now and far more
// than d at the old cost. After a failure fn runs on in the background
// until the test binary exits.
func Within(t *testing.T, d time.Duration, what string, fn func() error) {
	t.Helper()
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
