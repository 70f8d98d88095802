package main

import (
	"bytes"
	"strings"
	"testing"
)

// TestBadFlagValuesExitZero: --tolerance Inf and an -fo that contradicts
// the file exited 0, --tolerance NaN exited 1 with a dump of a Go
// struct; each now exits 2 with a sentence.
func TestBadFlagValuesExitZero(t *testing.T) {
	apx := writeTemp(t, "f.apx", "arg(a).\narg(b).\natt(a,b).\n")
	for _, tt := range []struct {
		args []string
		want string
	}{
		{[]string{"trust", miniFile, "--tolerance", "Inf"}, "--tolerance must be finite numbers, not negative"},
		{[]string{"trust", miniFile, "--tolerance", "NaN"}, "--tolerance must be finite numbers, not negative"},
		{[]string{"trust", miniFile, "--tolerance", "-1"}, "not negative"},
		{[]string{"af", "-p", "SE-GR", "-f", apx, "-fo", "tgf"}, "-fo tgf, but " + apx + " is named as apx"},
	} {
		var out, errb bytes.Buffer
		code := run(tt.args, &out, &errb)
		if code != 2 || !strings.Contains(errb.String(), tt.want) || strings.Contains(errb.String(), "{") {
			t.Errorf("%v: exit %d, stderr %q; want 2 and %q", tt.args, code, errb.String(), tt.want)
		}
	}
	// The format of the file's own extension, given or not, reads it.
	if out := runOK(t, "af", "-p", "SE-GR", "-f", apx, "-fo", "apx"); out != "w a\n" {
		t.Errorf("-fo apx: %q", out)
	}
}
