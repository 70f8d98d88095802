package graph

import (
	"fmt"
	"unicode/utf8"
)

// The YAML parser builds a node of about 150 bytes, and allocates about
// 250 bytes in all, for every node of the input, however few bytes the
// node takes: a flow sequence "[a,a,a,…]" costs a hundred times its size.
// So before the parser runs, a byte scanner checks the characters
// (reporting a control character or invalid UTF-8 at its line and
// column, where the parser gives no position) and counts the nodes, and
// a document with more than the node budget is refused before its node
// tree is built. The same budget bounds the JSON scanner's nodes.

// The node budget of an input of n bytes: at most [ReadOptions.MaxNodes],
// and at most freeNodes plus one node per bytesPerNode bytes. Documents
// laid out as the writers lay them out take 8 (dense generated data) to
// 25 bytes (kim-putin.yaml) per node.
const (
	freeNodes    = 1 << 16
	bytesPerNode = 4
)

// The item budget of a YAML or JSON document of n bytes: at most
// freeNodes items (entities, sources, claims, relations) plus one per
// bytesPerItem bytes. The smallest item a file can hold, a claim with an
// ID and a text of one letter each ("- {id: a, text: b}"), takes 18
// bytes; a list of empty items ("[{}, {}, …]") held some 200 bytes of
// item and more of problems for every 4 bytes of input, 260 times the
// input at peak.
const bytesPerItem = 16

// itemBudget returns the item budget of a document of n bytes.
func itemBudget(n int) int { return freeNodes + n/bytesPerItem }

// nodeBudget returns the node budget of an input of n bytes under o.
func nodeBudget(n int, maxNodes int) int {
	return min(maxNodes, freeNodes+n/bytesPerNode)
}

// overBudget is the error for an input of n bytes with more nodes than
// its budget; what names the nodes ("YAML nodes").
func overBudget(what string, n, budget, maxNodes int) error {
	if budget == maxNodes {
		return fmt.Errorf("%w: more than %d %s", ErrLimit, maxNodes, what)
	}
	return fmt.Errorf("%w: more than %d %s in %d bytes (the limit is %d and one more per %d bytes)", ErrLimit, budget, what, n, freeNodes, bytesPerNode)
}

// checkChars returns the offset of the first character that YAML does
// not allow (a control character other than tab, line feed and carriage
// return, a surrogate, U+FFFE, U+FFFF) or of invalid UTF-8, with the
// error, or -1.
func checkChars(data []byte) (int, error) {
	for i := 0; i < len(data); {
		c := data[i]
		if c < utf8.RuneSelf {
			if c < 0x20 && c != '\t' && c != '\n' && c != '\r' || c == 0x7f {
				return i, fmt.Errorf("%w: control character %U not allowed", ErrSyntax, rune(c))
			}
			i++
			continue
		}
		r, size := utf8.DecodeRune(data[i:])
		switch {
		case r == utf8.RuneError && size == 1:
			return i, fmt.Errorf("%w: invalid UTF-8 (byte %#02x)", ErrSyntax, c)
		case r == 0x85, r >= 0xA0 && r <= 0xD7FF, r >= 0xE000 && r <= 0xFFFD, r >= 0x10000:
		default:
			return i, fmt.Errorf("%w: control character %U not allowed", ErrSyntax, r)
		}
		i += size
	}
	return -1, nil
}

// countYAML counts the nodes of a YAML document closely enough to bound
// the parser's memory: each scalar, alias, flow collection, "- " entry
// and value after ": " counts one, an explicit key "? " two; the null value of a flow mapping's
// key without ":" counts one; comments, quoted text and the lines of
// block scalars count nothing. It returns the nodes counted, stopping at
// the first node past budget, and that node's offset, or -1 when the
// document is within budget.
//
// It also returns deep, the offset of the first flow collection that
// is certainly nested deeper than maxDepth levels (the top level is 0),
// or -1: for the parser's own limit of nesting, which stops it before
// the walk that measures the depth exactly (see decoder.shape).
//
// It is a scanner of bytes, not a parser: on malformed input it counts
// something and leaves the error to the parser. Time O(len(data)),
// memory O(nesting of flow collections).
func countYAML(data []byte, budget, maxDepth int) (nodes, off, deep int) {
	type level struct {
		mapping bool // a flow mapping
		entry   bool // the current entry has a key
		colon   bool // the current entry has a ":"
	}
	var flow []level
	pending := false  // a ":" or "- " counted the node that follows
	atStart := true   // at the start of a line, in its indentation
	indent := 0       // indentation of the current line
	lineOff := 0      // offset of the start of the current line
	startCol := 0     // column of the first node of the current line's chain
	blockIndent := -1 // skipping the lines of a block scalar indented more than this
	outer := 0        // levels at least around the outermost flow collection
	deep = -1
	count := func() bool {
		nodes++
		return nodes <= budget
	}
	// closeEntry ends an entry of the innermost flow collection.
	closeEntry := func() bool {
		top := &flow[len(flow)-1]
		ok := true
		if top.mapping && top.entry && !top.colon {
			ok = count() // the implicit null value
		}
		top.entry, top.colon = false, false
		pending = false
		return ok
	}
	isBlank := func(j int) bool {
		return j >= len(data) || data[j] == ' ' || data[j] == '\t' || data[j] == '\n' || data[j] == '\r'
	}
	isFlowInd := func(c byte) bool { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}' }
	i := 0
	for i < len(data) {
		c := data[i]
		if c == '\n' {
			i++
			atStart, indent, lineOff = true, 0, i
			if len(flow) == 0 {
				pending = false
			}
			continue
		}
		if atStart {
			if c == ' ' {
				indent++
				i++
				continue
			}
			atStart = false
			if blockIndent >= 0 {
				if indent > blockIndent || c == '\r' {
					for i < len(data) && data[i] != '\n' {
						i++
					}
					continue
				}
				blockIndent = -1
			}
			if len(flow) == 0 {
				startCol = indent
			}
		}
		col := i - lineOff // in bytes; a quoted scalar over lines leaves it approximate
		switch {
		case c == ' ' || c == '\t' || c == '\r':
			i++
		case c == '#' && (i == 0 || isBlank(i-1)):
			for i < len(data) && data[i] != '\n' {
				i++
			}
		case c == '[' || c == '{':
			if !pending && !count() {
				return nodes, i, deep
			}
			if len(flow) > 0 {
				flow[len(flow)-1].entry = true
			} else if outer = 0; pending {
				outer = 1 // the value of a block collection's entry
			}
			flow = append(flow, level{mapping: c == '{'})
			if deep < 0 && outer+len(flow)-1 > maxDepth {
				deep = i
			}
			pending = false
			i++
		case (c == ']' || c == '}') && len(flow) > 0:
			if !closeEntry() {
				return nodes, i, deep
			}
			flow = flow[:len(flow)-1]
			i++
		case c == ',' && len(flow) > 0:
			if !closeEntry() {
				return nodes, i, deep
			}
			i++
		case c == ':' && (isBlank(i+1) || len(flow) > 0 && i+1 < len(data) && isFlowInd(data[i+1])):
			if !count() { // the value, null when nothing follows
				return nodes, i, deep
			}
			if len(flow) > 0 {
				flow[len(flow)-1].colon = true
			}
			pending = true
			i++
		case c == '-' && len(flow) == 0 && isBlank(i+1):
			if !count() { // the entry, null when nothing follows
				return nodes, i, deep
			}
			pending = true
			startCol = col
			i++
		case c == '?' && isBlank(i+1):
			// An explicit key: the key and its value, either null when
			// nothing follows.
			nodes++ // the key; count adds the value
			if !count() {
				return nodes, i, deep
			}
			if len(flow) > 0 {
				flow[len(flow)-1].entry, flow[len(flow)-1].colon = true, true
			} else {
				startCol = col
			}
			pending = true
			i++
		case (c == '|' || c == '>') && len(flow) == 0:
			if !pending && !count() {
				return nodes, i, deep
			}
			pending = false
			blockIndent = startCol
			for i < len(data) && data[i] != '\n' {
				i++
			}
		case c == '&' || c == '!':
			// An anchor or a tag: part of the node that follows.
			for i < len(data) && !isBlank(i) && !(len(flow) > 0 && isFlowInd(data[i])) {
				i++
			}
		default:
			// A scalar (quoted or plain) or an alias.
			if !pending && !count() {
				return nodes, i, deep
			}
			if len(flow) > 0 {
				flow[len(flow)-1].entry = true
			} else if !pending {
				startCol = col
			}
			pending = false
			i = skipScalar(data, i, len(flow) > 0)
		}
	}
	return nodes, -1, deep
}

// skipScalar returns the offset after the scalar or alias at i: a quoted
// scalar up to its closing quote (across lines), a plain one up to the
// end of the line, a ": " or " #", and, in a flow collection, a flow
// indicator.
func skipScalar(data []byte, i int, flow bool) int {
	switch q := data[i]; q {
	case '"', '\'':
		for i++; i < len(data); i++ {
			switch {
			case q == '"' && data[i] == '\\':
				i++
			case data[i] == q && q == '\'' && i+1 < len(data) && data[i+1] == '\'':
				i++
			case data[i] == q:
				return i + 1
			}
		}
		return len(data)
	}
	for i++; i < len(data); i++ {
		switch c := data[i]; {
		case c == '\n':
			return i
		case c == ':' && (i+1 == len(data) || data[i+1] == ' ' || data[i+1] == '\t' || data[i+1] == '\n' || data[i+1] == '\r'):
			return i
		case c == '#' && (data[i-1] == ' ' || data[i-1] == '\t'):
			return i
		case flow && (c == ',' || c == '[' || c == ']' || c == '{' || c == '}' || c == ':'):
			return i
		}
	}
	return i
}
