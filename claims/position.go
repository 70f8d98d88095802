package claims

import (
	"strconv"
	"unicode/utf8"
)

// Position is a place in an input file: a file name and a 1-based line
// and column. Like [go/token.Position] it is a small comparable value. The
// error types of every reader in this module embed it (graph.Error,
// af.ParseError, imports.ParseError, truth.ParseError), so that all of
// them print a position the same way, with [Position.Prefix].
//
// Each reader says what its column counts: bytes (af, truth) or
// characters (graph, imports). Embedded in an error, Position's fields
// read as the error's own (e.Line); its String method is promoted too,
// but fmt prints an error with its Error method, the whole message.
type Position struct {
	File   string // file name; "" when unknown
	Line   int    // 1-based line; 0 when unknown
	Column int    // 1-based column; 0 when unknown
}

// PositionAt returns the position of byte offset off in data, the text
// of file: its 1-based line, and its column counted in characters. An
// offset inside a character is taken to the character's start, and one
// out of range to the nearer end. It costs O(off).
func PositionAt(file string, data []byte, off int) Position {
	off = min(max(off, 0), len(data))
	for off > 0 && off < len(data) && !utf8.RuneStart(data[off]) {
		off-- // to the start of the character off falls in
	}
	line, start := 1, 0
	for i, c := range data[:off] {
		if c == '\n' {
			line, start = line+1, i+1
		}
	}
	return Position{File: file, Line: line, Column: 1 + utf8.RuneCount(data[start:off])}
}

// IsValid reports whether the position has a line.
func (p Position) IsValid() bool { return p.Line > 0 }

// String returns the position as "FILE:LINE:COL", leaving out what is
// unknown: "LINE:COL" without a file, "FILE:LINE" without a column,
// "FILE" without a line, and "" for the zero Position.
func (p Position) String() string {
	return string(p.appendTo(nil))
}

func (p Position) appendTo(b []byte) []byte {
	b = append(b, p.File...)
	if p.IsValid() {
		if p.File != "" {
			b = append(b, ':')
		}
		b = strconv.AppendInt(b, int64(p.Line), 10)
		if p.Column > 0 {
			b = append(b, ':')
			b = strconv.AppendInt(b, int64(p.Column), 10)
		}
	}
	return b
}

// Prefix returns the start of a message about a problem at p found by
// package pkg: "pkg: FILE:LINE:COL: ", or "pkg: " alone when p is zero.
// The package name comes once, from the error that carries the position;
// the error it wraps does not repeat it.
func (p Position) Prefix(pkg string) string {
	b := make([]byte, 0, len(pkg)+len(p.File)+24)
	b = append(b, pkg...)
	b = append(b, ": "...)
	n := len(b)
	if b = p.appendTo(b); len(b) > n {
		b = append(b, ": "...)
	}
	return string(b)
}
