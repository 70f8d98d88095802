// Flags and JSON output shared by the commands.

package main

import (
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"maps"
	"math"
	"os"
	"slices"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

// newFlags returns a flag set for cmd that reports errors instead of
// exiting, with the flags every command has: --json, whose value it
// returns, and --quiet, which sets e.quiet.
func newFlags(cmd string, e *env) (*flag.FlagSet, *bool) {
	fs := flag.NewFlagSet("claimgraph "+cmd, flag.ContinueOnError)
	// A bad flag is one line, as every usage error is (usageError): the
	// flag package's sentence, which it writes before it calls Usage,
	// then the command's usage line. -h, with no sentence, lists the
	// flags.
	var said strings.Builder
	fs.SetOutput(&said)
	fs.Usage = func() {
		if msg := strings.TrimSpace(said.String()); msg != "" {
			said.Reset()
			e.usageError(cmd, "%s", msg)
			return
		}
		if e.cmd != nil && e.cmd.name == cmd {
			fmt.Fprintf(e.stderr, "usage: claimgraph %s %s\n", cmd, e.cmd.args)
		}
		fs.SetOutput(e.stderr)
		fs.PrintDefaults()
		fs.SetOutput(&said)
	}
	asJSON := fs.Bool("json", false, "print one JSON document instead of text")
	fs.BoolVar(&e.quiet, "quiet", false, "show no progress on standard error")
	fs.Var(&e.maxBytes, "max-bytes", "read input files of up to `SIZE` bytes (64MiB, 2GiB; default: the reader's own, 16 MiB for YAML, 32 MiB for JSON and RDF, 512 MiB for JSON Lines)")
	fs.Var(&e.maxItems, "max-items", "read JSON Lines input of up to `N` items (default 8388608)")
	return fs, asJSON
}

// countFlag is the value of --max-items: a whole number, 0 meaning the
// reader's default. Anything else is a usage error.
type countFlag int

func (c *countFlag) String() string {
	if *c == 0 {
		return ""
	}
	return strconv.Itoa(int(*c))
}

func (c *countFlag) Set(v string) error {
	n, err := strconv.Atoi(v)
	if err != nil || n < 0 {
		return errors.New("want a number of items, such as 16777216")
	}
	*c = countFlag(n)
	return nil
}

// sizeFlag is the value of --max-bytes: a size in bytes, written as a
// whole number with an optional unit, KiB, MiB or GiB; 0 means the
// reader's default. Anything else is a usage error.
type sizeFlag int64

func (s *sizeFlag) String() string {
	if *s == 0 {
		return ""
	}
	return strconv.FormatInt(int64(*s), 10)
}

func (s *sizeFlag) Set(v string) error {
	shift := 0
	for _, u := range []struct {
		suffix string
		shift  int
	}{{"KiB", 10}, {"MiB", 20}, {"GiB", 30}} {
		if rest, ok := strings.CutSuffix(v, u.suffix); ok {
			v, shift = rest, u.shift
			break
		}
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 || n > math.MaxInt64>>shift {
		return errors.New("want a size in bytes, such as 64MiB or 2GiB")
	}
	*s = sizeFlag(n << shift)
	return nil
}

// parseArgs parses args with fs, allowing flags after positional
// arguments ("claimgraph support FILE ID --json"), and returns the
// positional arguments in order. A lone "--" ends flag parsing.
func parseArgs(fs *flag.FlagSet, args []string) ([]string, error) {
	var pos []string
	for {
		if err := fs.Parse(args); err != nil {
			return nil, err
		}
		rest := fs.Args()
		if len(rest) == 0 {
			return pos, nil
		}
		if rest[0] == "--" {
			return append(pos, rest[1:]...), nil
		}
		pos = append(pos, rest[0])
		args = rest[1:]
	}
}

// given reports whether the flag name was set on the command line.
func given(fs *flag.FlagSet, name string) bool {
	set := false
	fs.Visit(func(f *flag.Flag) { set = set || f.Name == name })
	return set
}

// writeJSON prints v as indented JSON followed by a newline, with DEL
// and the C1 controls escaped (jsonSafe).
func writeJSON(w io.Writer, v any) error {
	return indentedJSON(jsonSafe{w}, "", v)
}

// indentedJSON writes v as writeJSON does, with prefix before every line
// but the first.
func indentedJSON(w io.Writer, prefix string, v any) error {
	enc := json.NewEncoder(w)
	enc.SetIndent(prefix, "  ")
	enc.SetEscapeHTML(false)
	return enc.Encode(v)
}

// jsonArray is a JSON array of n elements, element i being elem(i), that
// writeJSONFields writes one element at a time: an array whose text is
// far larger than the values it is made from (a claim's sources repeated
// in every contradiction of a report) is never held whole in memory.
type jsonArray struct {
	n    int
	elem func(i int) any
}

// MarshalJSON returns a as one array, for an encoder that takes it whole.
func (a jsonArray) MarshalJSON() ([]byte, error) {
	all := make([]any, a.n)
	for i := range all {
		all[i] = a.elem(i)
	}
	var b strings.Builder
	err := indentedJSON(&b, "", all)
	return []byte(b.String()), err
}

// writeJSONFields prints the object doc as writeJSON does, byte for byte,
// but each jsonArray in it one element at a time: its memory is that of
// the largest element, not of the whole text.
func writeJSONFields(w io.Writer, doc map[string]any) error {
	keys := slices.Sorted(maps.Keys(doc))
	if len(keys) == 0 {
		return writeJSON(w, doc)
	}
	w = jsonSafe{w}
	var b strings.Builder // one key and value, or one element, at a time
	flush := func() error {
		_, err := io.WriteString(w, b.String())
		b.Reset()
		return err
	}
	encode := func(prefix string, v any) error {
		var e strings.Builder
		if err := indentedJSON(&e, prefix, v); err != nil {
			return err
		}
		b.WriteString(strings.TrimSuffix(e.String(), "\n"))
		return nil
	}
	b.WriteString("{")
	for i, k := range keys {
		b.WriteString("\n  ")
		if err := encode("", k); err != nil {
			return err
		}
		b.WriteString(": ")
		if a, ok := doc[k].(jsonArray); ok && a.n > 0 {
			b.WriteString("[")
			for j := range a.n {
				if j > 0 {
					b.WriteString(",")
				}
				b.WriteString("\n    ")
				if err := encode("    ", a.elem(j)); err != nil {
					return err
				}
				if err := flush(); err != nil {
					return err
				}
			}
			b.WriteString("\n  ]")
		} else if err := encode("  ", doc[k]); err != nil {
			return err
		}
		if i < len(keys)-1 {
			b.WriteString(",")
		}
		if err := flush(); err != nil {
			return err
		}
	}
	b.WriteString("\n}\n")
	return flush()
}

// writeFile writes data to the file at path safely: graph.SaveWith, the
// one way every command writes its -o file.
func writeFile(path string, data []byte) error {
	return graph.SaveWith(path, func(w io.Writer) error { _, err := w.Write(data); return err })
}

// dateFlag is the value of a date flag (--at, --date): a date, YYYY,
// YYYY-MM or YYYY-MM-DD. Left out, it is the zero Date (all time, no
// date); given, it must be a date: an empty value, as a script passing
// an unset $DATE gives, is a usage error naming the flag, not all time,
// as an empty DATE of `at` is.
type dateFlag struct {
	date claims.Date
	text string // as given
}

// addDate adds the date flag name to fs.
func addDate(fs *flag.FlagSet, name, usage string) *dateFlag {
	d := new(dateFlag)
	fs.Var(d, name, usage)
	return d
}

// String returns the date as given, "" when the flag was left out
// (flag.Value).
func (d *dateFlag) String() string {
	if d == nil {
		return ""
	}
	return d.text
}

// Set parses the date given (flag.Value): an empty one is refused, as
// leaving the flag out is how to ask for all time.
func (d *dateFlag) Set(s string) error {
	if s == "" {
		return errors.New("empty date: want YYYY, YYYY-MM or YYYY-MM-DD, or leave the flag out")
	}
	t, err := claims.ParseDate(s)
	if err != nil {
		return err
	}
	d.date, d.text = t, s
	return nil
}

// depthFlag is the value of a --depth flag: how many links of a chain to
// follow, 0 for all. A negative or non-integer value is a usage error.
type depthFlag int

// addDepth adds --depth to fs, for commands that print chains.
func addDepth(fs *flag.FlagSet, d *depthFlag) {
	fs.Var(d, "depth", "follow chains at most `N` links (0: no limit)")
}

func (d *depthFlag) String() string { return strconv.Itoa(int(*d)) }

func (d *depthFlag) Set(s string) error {
	n, err := strconv.Atoi(s)
	if err != nil || n < 0 {
		return errors.New("want a whole number of links, at least 0 (0: no limit)")
	}
	*d = depthFlag(n)
	return nil
}

// maxSideFile bounds the side files a command reads besides its graph
// (verdicts, decisions, batch files): they hold one line per claim or
// change, so 64 MiB is far above any real one, and a larger file (or
// /dev/zero) is refused before it is read whole.
const maxSideFile = 64 << 20

// syntaxAt returns the offset of the character at fault and the message
// (without "json: ") of err when it is a JSON syntax error, the one
// reading of it that the side files' readers share.
func syntaxAt(err error) (off int, msg string, ok bool) {
	var se *json.SyntaxError
	if !errors.As(err, &se) {
		return 0, "", false
	}
	return int(se.Offset) - 1, strings.TrimPrefix(se.Error(), "json: "), true
}

// readSide reads the side file at path, at most maxSideFile bytes.
// Errors name path.
func readSide(path string) ([]byte, error) { return readLimited(path, maxSideFile) }

// readLimited reads the file at path, refusing one of more than limit
// bytes: a regular file by its size, before reading it, anything else
// (a pipe, /dev/zero) once limit+1 bytes have come. Errors name path.
func readLimited(path string, limit int64) ([]byte, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	tooLarge := fmt.Errorf("%s: larger than %d bytes: not a side file of this tool", path, limit)
	if info, err := f.Stat(); err == nil && info.Mode().IsRegular() && info.Size() > limit {
		return nil, tooLarge
	}
	data, err := io.ReadAll(io.LimitReader(f, limit+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", path, err)
	}
	if int64(len(data)) > limit {
		return nil, tooLarge
	}
	return data, nil
}
