// The diff command: what changed between two versions of a claim graph
// file, and first what it did to the verdicts.
//
//	claimgraph diff OLD NEW [--at DATE] [--trust TRUST] [--json]
//
// It lists every claim whose verdict, rating, strength (by 0.01 or more),
// number of independent origins (its own and those its supporters
// lend, as its rating weighs them), weight of evidence (under --trust)
// or published rating (the desk's
// review, "published rating Unproven → False") changed, and every claim
// of OLD merged into another ("b: undecided → merged into a
// (accepted)") or, a merge undone, of NEW that OLD had merged into
// another ("b: merged into a (accepted) → accepted"), and every ID OLD
// had merged into a claim that NEW merges into another or into none
// ("b: merged into a (accepted) → merged into c (undecided): b moved
// from a to c"), each with the reason in one line, then the items added,
// removed, changed (with the keys of the fields that differ) and merged
// (an ID of OLD that NEW keeps as an alias); see package graph/diff. The
// order of a list whose order means nothing (appearances, about,
// aliases, derived_from, a relation's sources, merged) is no change. With --at DATE the verdicts are those
// of DATE, while the items are compared over all time (a validity moved
// is a changed field, not an item removed), and a claim accepted because
// time leaves its contradictions unweighed says so ("p1 not holding at
// 2024", "contradiction with p1 resolved by time (never both holding)").
// --trust TRUST weighs the verdicts of both files with the same trust of
// sources (diff.Options.Verdict; trustfile.go): each of its IDs must be a
// source of OLD or NEW.
// The exit status is 1 when a verdict
// changed, so that CI can stop on it, 0 when none did, and 2 on any
// trouble — a usage error, a file that cannot be read or is invalid, a
// failed write — as diff(1) does, so that trouble never reads as "a
// verdict changed".
//
// It holds one graph at a time: OLD is read, summarized
// (graph/diff.Summarize), let go and collected before NEW is read, so
// that NEW is read into the memory OLD held. While OLD is summarized,
// NEW's file is read ahead into the system's page cache (warm), which
// costs the process no memory.
//
// With --json it prints one object:
//
//	{
//	  "date": "",
//	  "verdicts": [{"claim": "talks-not-against-anyone",
//	                "old": {"present": true, "label": "rejected", "rating": "False", "strength": 0.13, "origins": 1, "lent": 0, "capped": false, "evidence": 1, "published": ""},
//	                "new": {"present": true, "label": "accepted", "rating": "Unproven", "strength": 0.5, "origins": 1, "lent": 0, "capped": false, "evidence": 1, "published": ""},
//	                "causes": ["weapons-sale-on-agenda removed"],
//	                "why": "nothing contradicts it",
//	                "reason": "talks-not-against-anyone: rejected → accepted: weapons-sale-on-agenda removed; nothing contradicts it; 1 independent origin (1 own)",
//	                "merged_into": "",
//	                "old_merged_into": ""}],
//	  "added": [{"kind": "claim", "id": "x", "fields": []}],
//	  "removed": [{"kind": "relation", "id": "a supports b", "fields": []}],
//	  "changed": [{"kind": "claim", "id": "a", "fields": ["text", "appearances"]}],
//	  "merged": [{"kind": "claim", "from": "b", "into": "a"}]
//	}
//
// A claim absent from one file has "present": false there and label
// "absent". "published" is the rating of the desk's published review
// of the claim ("" for none); "rating" is the computed verdict's. For a
// claim of OLD merged into another, "merged_into" names that claim and
// "new" is its verdict, which look-ups by the merged ID now give; it is
// "" otherwise. The other way round, for a claim OLD had merged into
// another and NEW has on its own again (a merge undone),
// "old_merged_into" names the claim OLD merged it into and "old" is that
// claim's verdict in OLD, which look-ups by the ID gave ("b: merged into
// a (accepted) → accepted: b split from a, …"); it is "" otherwise.
// Both are set for an ID OLD merged into one claim and NEW into another
// ("b moved from a to c"); "new" is absent for one NEW merges into none.
// "origins" counts the claim's independent origins as its
// rating weighs them (verdict.Verdict.Independent): its own and those its
// supporters lend, of which "lent" are lent; the reason says "2
// independent origins (1 own, 1 lent)". "capped": true says "origins" and
// "lent" are lower bounds (more origins were lent than package
// graph/evidence counts: "at least 65 (1 own, at least 64 lent,
// capped)"). "evidence" is the weight of the claim's evidence, as
// verdicts prints it: "origins" when every origin weighs 1; under
// --trust, where a change of it is a change of the verdict even when
// the count stands, the reason gives it after the origins ("2
// independent origins (2 own), evidence 0.2 → 1.4"). "causes" lists what changed around the claim; "why", set
// when the label changed ("" otherwise), what holds the new label: the
// claims that reject it or leave it open, or "nothing contradicts it";
// it never names a claim NEW rejects. Where time decides, the causes say
// so: "contradiction with p1 resolved by time (never both holding)", or
// "p1 not holding at 2024" for a claim compared --at a date. "reason" is the line the text
// output prints. Every list is an array, never null; the order is that of
// package graph/diff: verdicts whose label changed first, then by claim
// ID; items in file order.

package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"strings"
	"sync/atomic"

	"github.com/claimgraph/claimgraph/graph/diff"
)

type diffState struct {
	Present  bool    `json:"present"`
	Label    string  `json:"label"`
	Rating   string  `json:"rating"`
	Strength float64 `json:"strength"`
	Origins  int     `json:"origins"`
	Lent     int     `json:"lent"`
	Capped   bool    `json:"capped"`
	Evidence float64 `json:"evidence"`
	// Published is the rating of the desk's published review, "" for none.
	Published string `json:"published"`
}

type diffVerdict struct {
	Claim  string    `json:"claim"`
	Old    diffState `json:"old"`
	New    diffState `json:"new"`
	Causes []string  `json:"causes"`
	Why    string    `json:"why"`
	Reason string    `json:"reason"`
	Into   string    `json:"merged_into"`
	// OldInto names, for a claim OLD had merged into another (a merge
	// undone), that claim; "old" is then its verdict in OLD.
	OldInto string `json:"old_merged_into"`
}

type diffItem struct {
	Kind   string   `json:"kind"`
	ID     string   `json:"id"`
	Fields []string `json:"fields"`
}

type diffMerge struct {
	Kind string `json:"kind"`
	From string `json:"from"`
	Into string `json:"into"`
}

type diffReport struct {
	Date     string        `json:"date"`
	Verdicts []diffVerdict `json:"verdicts"`
	Added    []diffItem    `json:"added"`
	Removed  []diffItem    `json:"removed"`
	Changed  []diffItem    `json:"changed"`
	Merged   []diffMerge   `json:"merged"`
}

func runDiff(e *env, args []string) int {
	fs, asJSON := newFlags("diff", e)
	at := addDate(fs, "at", "compare the verdicts as of `DATE` (YYYY, YYYY-MM or YYYY-MM-DD); items are compared over all time")
	addTrust(fs, e)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 2 {
		return e.usageError("diff", "want 2 arguments, OLD and NEW; got %d", len(pos))
	}
	t := at.date
	// NEW is read once OLD is summarized and gone (one graph in memory
	// at a time): a NEW that is not there fails before that work.
	if _, err := os.Stat(pos[1]); err != nil {
		e.fail("diff", err)
		return 2
	}
	s, unknown, code := summarize(e, pos[0], pos[1], diff.Options{At: t, Verdict: e.verdictOptions()})
	if code != 0 {
		return 2
	}
	// OLD is gone, but its memory is free only once the collector has
	// seen so, which at OLD's size would be well into NEW's reading: NEW
	// would be read into fresh pages, each faulted in, while OLD's sat
	// free. Collected now, NEW takes OLD's place.
	runtime.GC()
	new, code := loadGraph(e, "diff", pos[1])
	if code != 0 {
		return 2
	}
	if unknown = e.trust.unknown(new.View, unknown); len(unknown) > 0 {
		return e.badTrust("diff", new.View, unknown)
	}
	r, err := s.Compare(new)
	if err != nil {
		e.fail("diff", err)
		return 2
	}
	rep := diffReportOf(r)
	if code := e.emit("diff", *asJSON, rep, func(w io.Writer) error { return writeDiff(w, r) }); code != 0 {
		return 2
	}
	if len(r.Verdicts) > 0 {
		return 1
	}
	return 0
}

// summarize reads the graph file at path and returns its summary for
// the comparison, and the IDs of --trust that name no source of it,
// which NEW must then have; the graph is gone once it returns. While it
// summarizes, the file next, to be read after, is read ahead (see warm).
func summarize(e *env, path, next string, opts diff.Options) (*diff.Summary, []string, int) {
	old, code := loadGraph(e, "diff", path)
	if code != 0 {
		return nil, nil, code
	}
	unknown := e.trust.unknown(old.View, e.trust.ids())
	w := warm(next)
	s, err := diff.Summarize(old, opts)
	w.stop()
	if err != nil {
		return nil, nil, e.fail("diff", err)
	}
	return s, unknown, 0
}

func diffReportOf(r *diff.Report) diffReport {
	state := func(s diff.State) diffState {
		return diffState{Present: s.Present, Label: s.String(), Rating: s.Rating, Strength: round2(s.Strength), Origins: s.Origins, Lent: s.Lent, Capped: s.Capped, Evidence: s.Evidence, Published: s.Published}
	}
	items := func(list []diff.Item) []diffItem {
		out := make([]diffItem, 0, len(list))
		for _, it := range list {
			out = append(out, diffItem{Kind: it.Kind, ID: it.ID, Fields: orEmpty(it.Fields)})
		}
		return out
	}
	rep := diffReport{Date: r.Date.String(), Verdicts: make([]diffVerdict, 0, len(r.Verdicts)),
		Added: items(r.Added), Removed: items(r.Removed), Changed: items(r.Changed), Merged: make([]diffMerge, 0, len(r.Merged))}
	for _, v := range r.Verdicts {
		rep.Verdicts = append(rep.Verdicts, diffVerdict{Claim: v.Claim, Old: state(v.Old), New: state(v.New), Causes: orEmpty(v.Causes), Why: v.Why, Reason: v.Reason, Into: v.Into, OldInto: v.OldInto})
	}
	for _, m := range r.Merged {
		rep.Merged = append(rep.Merged, diffMerge(m))
	}
	return rep
}

// writeDiff prints the comparison as text: the verdict changes, then
// each list of items under a heading, empty lists left out.
func writeDiff(w io.Writer, r *diff.Report) error {
	fmt.Fprintf(w, "%s changed\n", plural(len(r.Verdicts), "verdict"))
	for _, v := range r.Verdicts {
		fmt.Fprintf(w, "  %s\n", safe(v.Reason))
	}
	for _, sec := range []struct {
		name  string
		items []diff.Item
	}{{"added", r.Added}, {"removed", r.Removed}, {"changed", r.Changed}} {
		if len(sec.items) == 0 {
			continue
		}
		fmt.Fprintf(w, "\n%s: %d\n", sec.name, len(sec.items))
		for _, it := range sec.items {
			fmt.Fprintf(w, "  %s %s", it.Kind, it.ID)
			if len(it.Fields) > 0 {
				fmt.Fprintf(w, " (%s)", strings.Join(it.Fields, ", "))
			}
			fmt.Fprintln(w)
		}
	}
	if len(r.Merged) > 0 {
		fmt.Fprintf(w, "\nmerged: %d\n", len(r.Merged))
		for _, m := range r.Merged {
			fmt.Fprintf(w, "  %s %s into %s\n", m.Kind, m.From, m.Into)
		}
	}
	return nil
}

// warming reads a file ahead of its use, in the background: see warm.
type warming struct {
	quit chan struct{}
	done chan struct{}
	read atomic.Int64 // the bytes read so far
}

// warm reads the file at path in the background, 1 MiB at a time,
// discarding what it reads, so that the system's page cache holds it
// when it is read for real. diff reads NEW ahead while OLD is summarized:
// OLD's verdicts keep one core busy for seconds, beside which NEW's disk
// reads cost no wall time, and no memory of the process (the page cache
// is the system's, outside its heap and RSS; holding NEW's bytes instead
// would add 0.44 of a graph to the heap's peak). On a file the cache
// holds already it costs a copy of the file, on a core the verdicts
// leave idle. Any error ends it quietly: the real read reports it.
func warm(path string) *warming {
	w := &warming{quit: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(w.done)
		f, err := os.Open(path)
		if err != nil {
			return
		}
		defer f.Close()
		// Only a regular file can be read twice: reading ahead of a pipe
		// (diff OLD <(zcat NEW.gz)) would eat what the real read needs,
		// and could wait forever on one that stays open.
		if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
			return
		}
		buf := make([]byte, 1<<20)
		for {
			select {
			case <-w.quit:
				return
			default:
			}
			n, err := f.Read(buf)
			w.read.Add(int64(n))
			if err != nil {
				return
			}
		}
	}()
	return w
}

// stop ends the reading ahead, if it is still going, and waits for it,
// so that it does not compete with the real read.
func (w *warming) stop() {
	close(w.quit)
	<-w.done
}
