// The --trust flag: the trust of sources, read from a JSON file, with
// which every command that weighs evidence weighs it.
//
//	claimgraph COMMAND FILE ... --trust TRUST.json
//
// TRUST.json is either an object mapping source IDs to a trust in
// [0, 1],
//
//	{"tass-report": 0.9, "kcna-statement": 0.2}
//
// or the document that "claimgraph trust FILE --json" prints, of which
// it reads the "sources" list ({"source": ID, "trust": T, ...}; every
// other key is left alone), so that
//
//	claimgraph trust g.yaml --json > t.json && claimgraph verdicts g.yaml --trust t.json
//
// weighs the verdicts by the trust truth discovery estimated. An object
// whose "sources" is a list is such a document; in the other form every
// value is a trust.
//
// With --trust every origin weighs the trust of its source and a source
// the file leaves out weighs verdict.DefaultUnknownTrust (0.5, neither
// trusted nor distrusted; verdict.Options.Trust): a claim's evidence is
// then no longer the count of its origins, and a rating that needs two
// origins needs their weight. A primary source (a video, an official
// statement...; sources.Kind.Primary) trusted at verdict.EstablishedTrust
// (0.9) or more rates the claims it backs True when the verdicts accept
// them (verdict.DefaultRatings), which no run without --trust does.
//
// The commands that weigh evidence take it: the verdicts and everything
// that shows them (verdicts, queue, report, about, contradictions,
// support, sources, draw, html, serve, export --format jsonld and the
// claim-graph mode of trust, which silences the claims the verdicts
// reject), stale (timeline.Options.Verdict) and diff, which weighs OLD
// and NEW with the same trust (diff.Options.Verdict). One run weighs
// evidence with one trust (env.verdictOptions). export takes it only
// with --format jsonld and without --verdicts, whose ratings are given;
// the triples mode of trust takes none.
//
// Each key must be the ID of a source of the graph (for diff, of OLD or
// NEW); an ID merged into another source is refused, naming the source
// to give instead: evidence counts origins by their sources' own IDs,
// and one source may not get two trusts.
// Every problem — malformed JSON, a value that is not a number in [0, 1]
// (a string such as "NaN", a number too large to hold, one below 0 or
// above 1), an ID given twice, a key "sources", "source" or "trust"
// given twice (encoding/json would keep the last silently), a file that
// is not an object (null) — is printed as
// TRUST.json:LINE:COL with the ID, and the command exits 2 as on a bad
// flag. serve checks the IDs against FILE as it starts; a source removed
// from FILE later just goes unweighed.
//
// A UTF-8 byte-order mark at the start is skipped, as graph files have
// it, and invalid UTF-8 is refused at its line and column (sidejson.go). The file is read whole, at most 64 MiB (maxSideFile), in time and
// memory linear in its size; checking it against a graph costs
// O(entries).

package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"slices"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/verdict"
)

// The problems of a --trust file, wrapped in a *trustError.
var (
	errTrustShape  = errors.New(`want an object of source ID to trust, or the document of trust --json (a "sources" list)`)
	errTrustValue  = errors.New("not a number in [0, 1]")
	errTrustTwice  = errors.New("given twice")
	errTrustSource = errors.New("not a source of the graph")
)

// trustError is a problem of the --trust file at a place in it,
// about the source ID it names ("" for none).
type trustError struct {
	claims.Position
	ID     string
	Err    error  // one of the errTrust errors above, or a JSON error
	Detail string // what the sentence adds after Err, "" for nothing
}

func (e *trustError) Error() string {
	var b strings.Builder
	b.WriteString(e.Position.String())
	b.WriteString(": ")
	if e.ID != "" {
		fmt.Fprintf(&b, "source %s: ", claims.Quote(e.ID))
	}
	b.WriteString(e.Err.Error())
	if e.Detail != "" {
		b.WriteString(": " + e.Detail)
	}
	return b.String()
}

func (e *trustError) Unwrap() error { return e.Err }

// trustFlag is the value of --trust: the trust of each source ID of
// the file, read when the flag is parsed.
type trustFlag struct {
	path   string
	values map[string]float64 // by source ID; nil without --trust
	offs   map[string]int     // byte offset of each ID's entry in data
	data   []byte             // the file, for the positions of problems
}

// addTrust adds --trust to fs, for a command that weighs evidence.
func addTrust(fs *flag.FlagSet, e *env) {
	fs.Var(&e.trust, "trust", "weigh each origin by the trust in [0, 1] of its source, from `TRUST`: a JSON object of source ID to trust, or the output of trust --json (a source not in it weighs 0.5)")
}

func (t *trustFlag) String() string { return t.path }

// Set reads and parses the file at path; a problem is a *trustError.
func (t *trustFlag) Set(path string) error {
	s, err := readSideJSON(path)
	if err != nil {
		return err
	}
	n := trustFlag{path: path, data: s.data, values: map[string]float64{}, offs: map[string]int{}}
	if err := n.parse(); err != nil {
		return err
	}
	*t = n
	return nil
}

// problem returns the *trustError of err at byte offset off of the file.
func (t *trustFlag) problem(off int, id string, err error, detail string) error {
	return &trustError{claims.PositionAt(t.path, t.data, off), id, err, detail}
}

// member is one member of a JSON object or element of an array: its
// key ("" in an array), its value and the offset of its start.
type member struct {
	key string
	raw json.RawMessage
	off int
}

// members returns the members of the JSON object or array raw, valid
// JSON at offset base of the file, in order.
func members(raw []byte, base int) []member {
	dec := json.NewDecoder(bytes.NewReader(raw))
	start := func() int {
		off := int(dec.InputOffset())
		return base + off + len(raw[off:]) - len(bytes.TrimLeft(raw[off:], " \t\r\n,"))
	}
	open, _ := dec.Token()
	var out []member
	for dec.More() {
		m := member{off: start()}
		if open == json.Delim('{') {
			tok, _ := dec.Token()
			m.key, _ = tok.(string)
		}
		if dec.Decode(&m.raw) != nil {
			break // cannot happen: raw is valid
		}
		out = append(out, m)
	}
	return out
}

// parse reads t.data into t.values and t.offs.
func (t *trustFlag) parse() error {
	var top map[string]json.RawMessage
	if err := json.Unmarshal(t.data, &top); err != nil {
		if off, msg, ok := syntaxAt(err); ok {
			return t.problem(off, "", errors.New(msg), "")
		}
		var te *json.UnmarshalTypeError
		switch {
		case errors.As(err, &te):
			return t.problem(int(te.Offset)-1, "", errTrustShape, "")
		}
		return t.problem(0, "", err, "")
	}
	base := len(t.data) - len(bytes.TrimLeft(t.data, " \t\r\n"))
	if top == nil { // null
		return t.problem(base, "", errTrustShape, "")
	}
	entries := members(t.data[base:], base)
	// encoding/json keeps the last of two equal keys: a second "sources"
	// would choose the form, or the list, silently.
	if err := t.once(entries, "sources"); err != nil {
		return err
	}
	if list, ok := top["sources"]; ok && bytes.HasPrefix(bytes.TrimLeft(list, " \t\r\n"), []byte("[")) {
		for _, m := range entries {
			if m.key == "sources" {
				return t.parseDocument(m)
			}
		}
	}
	for _, m := range entries {
		if err := t.add(m.key, m.raw, m.off); err != nil {
			return err
		}
	}
	return nil
}

// parseDocument reads the "sources" list of the document of trust
// --json, the member m.
func (t *trustFlag) parseDocument(m member) error {
	at := m.off + bytes.IndexByte(t.data[m.off:], ':') + 1 // the list, after its key
	at += len(t.data[at:]) - len(bytes.TrimLeft(t.data[at:], " \t\r\n"))
	for _, el := range members(m.raw, at) {
		// The keys are read exactly, each once: encoding/json would match
		// "Source" and keep the last of two "trust" keys.
		var fields []member
		if bytes.HasPrefix(el.raw, []byte("{")) {
			fields = members(el.raw, el.off)
		}
		if err := t.once(fields, "source", "trust"); err != nil {
			return err
		}
		var id *string
		var trust json.RawMessage
		for _, f := range fields {
			switch f.key {
			case "source":
				json.Unmarshal(f.raw, &id) // a non-string leaves id nil
			case "trust":
				trust = f.raw
			}
		}
		if id == nil || trust == nil {
			return t.problem(el.off, "", errTrustShape, `each entry of "sources" is {"source": ID, "trust": T, ...}`)
		}
		if err := t.add(*id, trust, el.off); err != nil {
			return err
		}
	}
	return nil
}

// once returns the problem of a key among keys that two of ms, the
// members of one object, have, at the second; nil when none has.
func (t *trustFlag) once(ms []member, keys ...string) error {
	first := map[string]int{}
	for _, m := range ms {
		if !slices.Contains(keys, m.key) {
			continue
		}
		if prev, ok := first[m.key]; ok {
			return t.problem(m.off, "", errTrustTwice, fmt.Sprintf("key %q; first at %s", m.key, claims.PositionAt(t.path, t.data, prev)))
		}
		first[m.key] = m.off
	}
	return nil
}

// add records the trust raw of source id, whose entry is at offset off.
func (t *trustFlag) add(id string, raw json.RawMessage, off int) error {
	if prev, ok := t.offs[id]; ok {
		return t.problem(off, id, errTrustTwice, "first at "+claims.PositionAt(t.path, t.data, prev).String())
	}
	text := string(bytes.TrimSpace(raw))
	x, err := strconv.ParseFloat(text, 64)
	if text == "" || (text[0] != '-' && (text[0] < '0' || text[0] > '9')) || err != nil || !(x >= 0 && x <= 1) {
		if len(text) > 24 {
			text = text[:24] + "…"
		}
		return t.problem(off, id, errTrustValue, safe(text))
	}
	t.values[id], t.offs[id] = x, off
	return nil
}

// ids returns the source IDs of the file, in its order.
func (t *trustFlag) ids() []string {
	ids := make([]string, 0, len(t.offs))
	for id := range t.offs {
		ids = append(ids, id)
	}
	slices.SortFunc(ids, func(a, b string) int { return t.offs[a] - t.offs[b] })
	return ids
}

// unknown returns the IDs among ids that name no source of v, in order:
// an ID merged into a source is one.
func (t *trustFlag) unknown(v graph.View, ids []string) []string {
	var out []string
	for _, id := range ids {
		if _, aliased := v.Resolve(id); aliased {
			out = append(out, id)
		} else if k, ok := v.KindOf(id); !ok || k != graph.SourceVertex {
			out = append(out, id)
		}
	}
	return out
}

// maxTrustProblems is how many unknown IDs a command lists, the rest
// counted.
const maxTrustProblems = 10

// badTrust prints the problem of each ID of ids, which name no source
// of v, for cmd, and returns exit status 2.
func (e *env) badTrust(cmd string, v graph.View, ids []string) int {
	for i, id := range ids {
		if i == maxTrustProblems {
			fmt.Fprintf(e.stderr, "claimgraph %s: --trust: %s: and %s more\n", cmd, e.trust.path, plural(len(ids)-i, "unknown source"))
			break
		}
		detail := "no such ID"
		if canon, aliased := v.Resolve(id); aliased {
			detail = fmt.Sprintf("merged into %s: give the trust of %s", canon, canon)
		} else if k, ok := v.KindOf(id); ok {
			detail = "the ID of a " + k.String() + ", not of a source"
			if k == graph.EntityVertex {
				detail = "the ID of an entity, not of a source"
			}
		}
		err := e.trust.problem(e.trust.offs[id], id, errTrustSource, detail)
		fmt.Fprintf(e.stderr, "claimgraph %s: --trust: %s\n", cmd, safe(err.Error()))
	}
	return 2
}

// useTrust checks the --trust file, when given, against the graph of
// v: every ID must name a source of it. It returns exit status 2 after
// printing each problem, 0 when there is none.
func (e *env) useTrust(cmd string, v graph.View) int {
	if e.trust.values == nil {
		return 0
	}
	if bad := e.trust.unknown(v, e.trust.ids()); len(bad) > 0 {
		return e.badTrust(cmd, v, bad)
	}
	return 0
}

// verdictOptions returns the options of every verdict computation of
// the run, the one place they are made: the support reading of verdicts
// --support and the trust of --trust (nil without it), so that every
// command weighs evidence with the same trust. Progress is left to the
// caller.
func (e *env) verdictOptions() verdict.Options {
	return verdict.Options{Support: e.verdict.support, Trust: e.trust.values}
}
