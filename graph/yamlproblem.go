package graph

import (
	"bytes"
	"errors"
	"io"

	"go.yaml.in/yaml/v3"
)

// parserProblems are the problems that yaml.v3's parser, rather than
// its scanner, reports. It gives them at the wrong place: at the line
// before the collection it was parsing (a 0-based line, where the rest
// of its messages have 1-based ones), which for a key indented one
// space too few is the line above the list of claims, however far down
// the key is. findParserProblem finds the place again.
var parserProblems = map[string]bool{
	"did not find expected <document start>": true,
	"did not find expected node content":     true,
	"did not find expected '-' indicator":    true,
	"did not find expected key":              true,
	"did not find expected ',' or ']'":       true,
	"did not find expected ',' or '}'":       true,
	"found undefined tag handle":             true,
	"found duplicate %YAML directive":        true,
	"found incompatible YAML document":       true,
	"found duplicate %TAG directive":         true,
}

// scannerLookahead is how many bytes past the start of a token the
// scanner of yaml.v3 has read when it hands the token on.
const scannerLookahead = 4

// findParserProblem returns the offset in data of the first character
// of the line that holds the token yaml.v3's parser failed at with the
// error msg, or -1 when it cannot tell. data has passed checkChars.
//
// The parser is fed one byte at a time, so that it reads no further
// than its scanner must: at most scannerLookahead bytes past the token,
// or to the next line when the token could be a key. The token is then
// on the line of the last text read, less the look-ahead, or on an
// earlier one (a plain scalar of several lines, a key whose line the
// scanner left): the first line from which the text before fails alike
// holds it. Each line is looked at by parsing the text up to its end,
// from the last line back, 1, 2, 4, … lines at a time and then by
// halves, so that the usual problem, on the last line, costs one parse
// more of the text up to it, and any costs log₂ of the lines it spans.
func findParserProblem(data []byte, msg string) int {
	r := &oneByteReader{data: data}
	if err := firstYAMLError(r); err == nil || err.Error() != msg {
		return -1
	}
	last := r.off - scannerLookahead
	if r.off == len(data) {
		last = len(data) - 1 // the end of the input: no look-ahead
	}
	last = len(bytes.TrimRight(data[:max(last+1, 0)], " \t\r\n")) - 1
	if last < 0 {
		return -1
	}
	// Lines are numbered by their end: ends[i] is the offset after the
	// line break that ends the i-th line back from the last one.
	lineEnd := func(off int) int {
		if i := bytes.IndexByte(data[off:], '\n'); i >= 0 {
			return off + i + 1
		}
		return len(data)
	}
	lineStart := func(off int) int { return bytes.LastIndexByte(data[:off], '\n') + 1 }
	fails := func(end int) bool {
		err := firstYAMLError(bytes.NewReader(data[:end]))
		return err != nil && err.Error() == msg
	}
	// good is the start of a line known not to hold the problem (-1:
	// none known), bad that of a line that holds it or comes after it.
	bad, good := lineStart(last), -1
	for step := 1; good < 0 && bad > 0; step *= 2 {
		start := bad
		for i := 0; i < step && start > 0; i++ {
			start = lineStart(start - 1)
		}
		if fails(lineEnd(start)) {
			bad = start
		} else {
			good = start
		}
	}
	for good >= 0 {
		// Halve the lines after good up to bad.
		var starts []int
		for s := lineEnd(good); s < bad; s = lineEnd(s) {
			starts = append(starts, s)
		}
		if len(starts) == 0 {
			break
		}
		mid := starts[len(starts)/2]
		if fails(lineEnd(mid)) {
			bad = mid
		} else {
			good = mid
		}
	}
	// The line's first character, past its indentation.
	off := bad
	for off < len(data) && (data[off] == ' ' || data[off] == '\t') {
		off++
	}
	return off
}

// firstYAMLError returns the first error of decoding the YAML documents
// of r, or nil when there is none.
func firstYAMLError(r io.Reader) error {
	dec := yaml.NewDecoder(r)
	for {
		var n yaml.Node
		if err := dec.Decode(&n); err != nil {
			if errors.Is(err, io.EOF) {
				return nil
			}
			return err
		}
	}
}

// oneByteReader reads data one byte a call, counting what it read.
type oneByteReader struct {
	data []byte
	off  int
}

func (r *oneByteReader) Read(p []byte) (int, error) {
	if r.off == len(r.data) {
		return 0, io.EOF
	}
	if len(p) == 0 {
		return 0, nil
	}
	p[0] = r.data[r.off]
	r.off++
	return 1, nil
}
