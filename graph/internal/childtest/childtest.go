package childtest

import (
	"bytes"
	"errors"
	"os"
	"os/exec"
	"regexp"
	"runtime"
	"strconv"
	"strings"
	"testing"
)

const env = "CLAIMGRAPH_CHILDTEST"

const marker = "childtest result: "

// Run runs fn in a child process, the test binary running only t's test
// again, with its address space limited (RLIMIT_AS) to limit bytes more
// than it has when Run starts (the Go runtime reserves much address
// space it does not use, all of it at start). It
// returns the error fn returned, as text ("" for nil), and the child's
// peak resident size in bytes (VmHWM when fn returns: the parent's
// rusage would count the parent's own size, which the child's counter
// inherits through fork). A child that fails (out of memory: the Go
// runtime exits with status 2) fails the test.
//
// In the child, Run calls fn, prints the result and exits, so that the
// code of the test before Run runs in both processes and the code after
// it only in the parent. Run skips the test where RLIMIT_AS is not
// available (not Linux) and under the race detector.
func Run(t *testing.T, limit uint64, fn func() error) (msg string, maxRSS int64) {
	t.Helper()
	if runtime.GOOS != "linux" {
		t.Skip("childtest: needs RLIMIT_AS (Linux)")
	}
	if race {
		t.Skip("childtest: the race detector reserves more address space than the limit allows; runs without -race")
	}
	if os.Getenv(env) == t.Name() {
		limit += status("VmSize:")
		if err := limitAS(limit); err != nil {
			os.Stdout.WriteString("childtest: setrlimit: " + err.Error() + "\n")
			os.Exit(3)
		}
		text := ""
		if err := fn(); err != nil {
			text = err.Error()
		}
		hwm := status("VmHWM:")
		os.Stdout.WriteString(marker + strconv.FormatUint(hwm, 10) + " " + strings.ReplaceAll(text, "\n", `\n`) + "\n")
		os.Exit(0)
	}
	var pattern []string
	for _, part := range strings.Split(t.Name(), "/") {
		pattern = append(pattern, "^"+regexp.QuoteMeta(part)+"$")
	}
	cmd := exec.Command(os.Args[0], "-test.run="+strings.Join(pattern, "/"), "-test.count=1")
	cmd.Env = append(os.Environ(), env+"="+t.Name())
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		var exit *exec.ExitError
		errors.As(err, &exit)
		tail := stderr.String()
		if len(tail) > 2000 {
			tail = tail[:2000]
		}
		t.Fatalf("child process under a %d MiB limit failed: %v\n%s", limit>>20, err, tail)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if rest, ok := strings.CutPrefix(line, marker); ok {
			hwm, text, _ := strings.Cut(rest, " ")
			n, _ := strconv.ParseInt(hwm, 10, 64)
			return strings.ReplaceAll(text, `\n`, "\n"), n
		}
	}
	t.Fatalf("child process printed no result:\n%s", out)
	return "", 0
}

// Child reports whether the test, or one of its subtests, runs as the
// child of [Run], so that a test can prepare, in the parent alone, what
// the child will read.
func Child(t *testing.T) bool {
	name := os.Getenv(env)
	return name == t.Name() || strings.HasPrefix(name, t.Name()+"/")
}

// status returns a size in bytes from /proc/self/status, such as
// "VmSize:", or 0.
func status(key string) uint64 {
	text, err := os.ReadFile("/proc/self/status")
	if err != nil {
		return 0
	}
	for _, line := range strings.Split(string(text), "\n") {
		if rest, ok := strings.CutPrefix(line, key); ok {
			kb, _ := strconv.ParseUint(strings.TrimSpace(strings.TrimSuffix(strings.TrimSpace(rest), "kB")), 10, 64)
			return kb << 10
		}
	}
	return 0
}
