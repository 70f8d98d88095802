package graph

import (
	"bytes"
	"fmt"

	"github.com/claimgraph/claimgraph/claims"
)

// DefaultMaxItems is the default of [ReadOptions.MaxItems]: 8 Mi items
// of JSON Lines, room for the generated graph of 1.6 million claims
// (the 1M-claim graph of graph/synth holds 5.1 million items: claims,
// relations, sources and entities). What a bulk read holds grows with
// its items (the graph it builds: up to about 1 KB an item, for the
// smallest claims), so this limit, with [DefaultMaxBulkBytes], bounds
// its peak; the README's table of limits has the measurements.
const DefaultMaxItems = 8 << 20

// checkItems refuses data, JSON Lines named name, when a line that is
// not blank comes after line max+1 (the header and max items). It
// counts line breaks first, so that input within the limit costs one
// pass of bytes.Count; past it, it finds the first such line. The error
// is an [ErrorList] of one [ErrTooManyItems] at that line.
func checkItems(data []byte, name string, max int) error {
	if bytes.Count(data, []byte{'\n'}) <= max {
		return nil // at most max+1 lines
	}
	off := 0
	for range max + 1 {
		off += bytes.IndexByte(data[off:], '\n') + 1
	}
	line := max + 2
	for off < len(data) {
		end := bytes.IndexByte(data[off:], '\n')
		if end < 0 {
			end = len(data) - off
		}
		if !isBlank(data[off : off+end]) {
			return ErrorList{&Error{Position: claims.Position{File: name, Line: line, Column: 1},
				Err: fmt.Errorf("%w: more than %d, one a line after the header; ReadOptions.MaxItems raises the limit", ErrTooManyItems, max)}}
		}
		off += end + 1
		line++
	}
	return nil
}
