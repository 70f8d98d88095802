// The edit command: change a YAML graph file in place, keeping its
// comments.
//
//	claimgraph edit FILE [--remove ID]... [--with-relations] [--merge FROM=INTO]... [--drop-published] [--json]
//	claimgraph edit FILE --apply BATCH.yaml [--drop-published] [--json]
//
// --remove removes an entity, source or claim; its relations must go
// too, and --with-relations removes them with it (without it, a relation
// left is an error naming it; a batch file lists them in
// remove_relations, and --with-relations without --remove is a usage
// error, exit 2, rather than ignored), --merge folds FROM into INTO (claims,
// entities or sources; FROM stays an alias of INTO; written FROM=INTO,
// or FROM:INTO when neither ID has a colon, as IDs may hold colons and
// never "="), --apply applies a
// batch file (remove, remove_relations and merge sections besides the
// usual ones; see graph.ApplyYAML), which then holds the whole change
// (--remove or --merge beside it is a usage error). The flags' changes
// are one batch, all or nothing. The change is made in the file's text (graph.EditYAML): what
// it does not touch keeps its bytes, comments and blank lines included;
// what a merge moves keeps its comments, and only the other comments
// inside a removed or merged-away item go. It is
// written atomically and left unchanged on any error, every problem
// printed as FILE:LINE:COL: message with exit status 1: a removal that
// something still names at the reference in FILE (with --apply, at the
// batch file's entry, the message ending "at FILE:LINE:COL"); any other
// problem of --remove or --merge names the flag instead of a position
// ("--merge zz:a: merge "zz": from: not found: …"). Every problem is
// reported, those of what the batch removes or merges beside those of
// what it adds or replaces.
//
// A published rating is public: an edit that removes a claim with a
// published review, or replaces it by one without, is refused, naming
// the claim and the rating, unless --drop-published is given (then a
// note names each review dropped). Merging the claim into the one that
// replaces it keeps the review instead (graph.Merge). Two claims whose
// reviews conflict (both published and differing, two fact-checks of
// two wordings) do not merge, the problem naming the route:
// --drop-published merges them, keeping INTO's review and dropping
// FROM's, with a note (a batch file says so with drop_review: true on
// the merge, graph.Merge.DropReview, and still needs --drop-published
// to drop a published rating). A source merged into one it derives
// from, or that derives from it, loses the derivation between the two,
// which the merge makes one source, with a note. It is not
// saved when FILE changed on disk while it ran, and it refuses JSON,
// JSON Lines and RDF (.nq, .ttl) files, which have no comments to keep,
// with a message saying so.
//
// With --json it prints one object:
//
//	{"file": "desk.yaml", "written": true, "problems": [], "notes": []}
//
// "problems" holds every problem as "FILE:LINE:COL: message" (or the
// message alone when there is no position); "written" is false when
// there is one. "notes" says, for each --merge of two claims with a
// review, which review the merge kept and which it dropped (a published
// review stays over an unpublished one; see graph.Merge), each
// derivation a merge of two sources dropped, what of its own (note,
// statement, validity, inferences) each claim merged away dropped, the
// claim kept keeping its own, and, with --drop-published, each
// published review the edit removed.

package main

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

// strList is a flag that may be given many times.
type strList []string

func (l *strList) String() string     { return strings.Join(*l, ",") }
func (l *strList) Set(s string) error { *l = append(*l, s); return nil }

type editReport struct {
	File     string   `json:"file"`
	Written  bool     `json:"written"`
	Problems []string `json:"problems"`
	Notes    []string `json:"notes"`
}

// reviewNotes says, for each merge of claims that both have a review,
// which review the merge keeps (see graph.Merge: a published review stays
// over an unpublished one; other pairs are refused, and need no note,
// unless --drop-published keeps INTO's: two published ones are noted by
// droppedReviews, two unpublished ones here),
// so that no review is dropped without a word. It reads g, the graph
// of the file (runEdit loads it once for both checks), and says nothing
// when g is nil (the file did not load).
func reviewNotes(g *graph.Graph, merges []graph.Merge) []string {
	if len(merges) == 0 || g == nil {
		return nil
	}
	var notes []string
	for _, m := range merges {
		into, ok := g.Claim(m.Into)
		from, ok2 := g.Claim(m.From)
		if !ok || !ok2 || into.Review == nil || from.Review == nil || *into.Review == *from.Review {
			continue
		}
		kept, dropped, keptID, droppedID := into.Review, from.Review, m.Into, m.From
		if from.Review.Status == claims.Published {
			kept, dropped, keptID, droppedID = from.Review, into.Review, m.From, m.Into
		}
		switch {
		case kept.Status == claims.Published && dropped.Status != claims.Published:
			notes = append(notes, fmt.Sprintf("merging %s into %s keeps the published review of %s; the %s review of %s is dropped",
				m.From, m.Into, keptID, dropped.Status, droppedID))
		case m.DropReview && kept.Status != claims.Published:
			// Two unpublished reviews, --drop-published keeping INTO's
			// (two published ones are droppedReviews').
			notes = append(notes, fmt.Sprintf("merging %s into %s keeps the %s review of %s; the %s review of %s is dropped",
				m.From, m.Into, into.Review.Status, m.Into, from.Review.Status, m.From))
		}
	}
	return notes
}

func runEdit(e *env, args []string) int {
	fs, asJSON := newFlags("edit", e)
	var remove, merge strList
	fs.Var(&remove, "remove", "remove the entity, source or claim `ID` (repeatable)")
	fs.Var(&merge, "merge", "merge `FROM=INTO` (or FROM:INTO when neither ID has a colon; repeatable)")
	withRels := fs.Bool("with-relations", false, "remove the relations of each --remove claim too")
	dropPublished := fs.Bool("drop-published", false, "remove claims even when they carry a published review, which goes with them; a --merge of two claims whose reviews conflict keeps INTO's and drops FROM's")
	apply := fs.String("apply", "", "apply the batch file `BATCH.yaml`")
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		return e.usageError("edit", "want 1 argument, FILE; got %d", len(pos))
	}
	if len(remove)+len(merge) == 0 && *apply == "" {
		return e.usageError("edit", "nothing to do: give --remove, --merge or --apply")
	}
	if *withRels && len(remove) == 0 {
		return e.usageError("edit", "--with-relations removes the relations of the items --remove names: give --remove, or list the relations in the batch file's remove_relations")
	}
	// The flags become one batch file, applied with --apply's.
	b := flagBatch{at: map[int]string{}}
	var loaded *graph.Graph // FILE's graph, when a flag needed it
	var code int
	b.printf("claimgraph: 1\n")
	if len(remove) > 0 {
		b.printf("remove:\n")
		for _, id := range remove {
			b.flag("--remove " + claims.Cut(id))
			b.printf("  - %q\n", id)
		}
		if *withRels {
			if loaded, code = loadGraph(e, "edit", pos[0]); code != 0 {
				return code
			}
			b.relationsOf(loaded, remove)
		}
	}
	var merges []graph.Merge
	if len(merge) > 0 {
		b.printf("merge:\n")
		for _, m := range merge {
			from, into, ok := splitMerge(m)
			if !ok {
				return e.usageError("edit", "--merge: want FROM=INTO, or FROM:INTO when neither ID has a colon; got %q", m)
			}
			b.flag("--merge " + claims.Cut(m))
			b.printf("  - {from: %q, into: %q, drop_review: %t}\n", from, into, *dropPublished)
			merges = append(merges, graph.Merge{Into: into, From: from, DropReview: *dropPublished})
		}
	}
	batch := []byte(b.String())
	name := "command line"
	if *apply != "" {
		if len(remove)+len(merge) > 0 {
			return e.usageError("edit", "--apply takes the whole change: put --remove and --merge in the batch file")
		}
		if batch, err = readSide(*apply); err != nil {
			return e.fail("edit", err)
		}
		name = *apply
	}
	rep := editReport{File: pos[0], Problems: []string{}, Notes: []string{}}
	if loaded == nil && (len(merges) > 0 || removes(batch)) {
		loaded, _ = e.readOptions().Load(pos[0]) // nil on error: the edit reports it
	}
	after := edited(loaded, pos[0], batch, name, e.readOptions())
	notes := append(reviewNotes(loaded, merges), derivationNotes(loaded, after)...)
	notes = append(notes, claimNotes(loaded, after)...)
	dropped := droppedReviews(loaded, after)
	if len(dropped) > 0 && !*dropPublished {
		for _, d := range dropped {
			rep.Problems = append(rep.Problems, d.words+": give --drop-published to "+d.route)
		}
	} else if err := e.readOptions().EditYAMLWith(pos[0], bytes.NewReader(batch), name); err != nil {
		e.sizeHint("edit", err)
		var list graph.ErrorList
		if *apply == "" && errors.As(err, &list) {
			// The batch the flags make is no file: a problem a reference
			// causes is at the reference, in FILE, and any other names
			// the flag it comes from ("--merge b:a: …").
			for _, p := range list {
				switch {
				case p.Ref.Line > 0:
					p.Position, p.Ref = p.Ref, claims.Position{}
				case p.File == name:
					p.Position = claims.Position{File: b.at[p.Line]}
				}
				if errors.Is(p.Err, graph.ErrConflictingReview) {
					p.Err = fmt.Errorf("%w (on the command line: give --drop-published)", p.Err)
				}
			}
			list.Sort()
			rep.Problems = problemLines(list)
		} else {
			rep.Problems = problemLines(err)
		}
	} else {
		rep.Written, rep.Notes = true, append(rep.Notes, notes...) // [] rather than null in --json
		for _, d := range dropped {
			rep.Notes = append(rep.Notes, d.words)
		}
	}
	if code := e.emit("edit", *asJSON, rep, rep.write); code != 0 {
		return code
	}
	if !rep.Written {
		return 1
	}
	return 0
}

// removes reports whether batch may remove, replace or merge an item:
// whether it says "remove" or "merge" at all (a quick test before
// loading anything).
func removes(batch []byte) bool {
	return bytes.Contains(batch, []byte("remove")) || bytes.Contains(batch, []byte("merge"))
}

// edited returns the graph of file as batch (read as name) leaves it,
// applied to a copy loaded from file, for the notes and checks that
// compare it with g, the graph of file (nil when it did not load). It
// is nil when g is, when batch removes and merges nothing, or when a
// load or the batch fails, as the edit then reports the problem itself.
// The file is read within o's limits.
func edited(g *graph.Graph, file string, batch []byte, name string, o graph.ReadOptions) *graph.Graph {
	if g == nil || !removes(batch) {
		return nil
	}
	o.Progress = nil // read a second time: once is shown
	after, err := o.Load(file)
	if err != nil || after.ApplyYAML(bytes.NewReader(batch), name) != nil {
		return nil
	}
	return after
}

// drop is a published review an edit drops: what says so, and the
// route that makes the edit keep it instead.
type drop struct{ words, route string }

// droppedReviews says, for each claim of g with a published review that
// after, g as the edit leaves it, has no longer — removed, replaced by a
// claim without a published review, or merged into a claim whose review
// stays (graph.Merge.DropReview) —, which claim and which review: a
// published rating is public, and the desk drops it only on purpose
// (--drop-published). It says nothing when after is nil.
func droppedReviews(g, after *graph.Graph) []drop {
	if after == nil {
		return nil
	}
	var out []drop
	for c := range g.Claims() {
		r := c.Review
		if r == nil || r.Status != claims.Published {
			continue
		}
		words := fmt.Sprintf("published %s", claims.Quote(r.Rating))
		if r.URL != "" {
			words += " at " + r.URL
		}
		now, ok := after.Claim(c.ID)
		switch {
		case !ok:
			out = append(out, drop{fmt.Sprintf("removing claim %s drops its review (%s)", c.ID, words), "remove it with its review, or merge the claim into the one that replaces it, which keeps the review"})
		case now.ID != c.ID && (now.Review == nil || *now.Review != *r):
			out = append(out, drop{fmt.Sprintf("merging claim %s into %s drops its review (%s); %s's stays", c.ID, now.ID, words, now.ID), "merge it so"})
		case now.Review == nil || now.Review.Status != claims.Published:
			out = append(out, drop{fmt.Sprintf("replacing claim %s drops its review (%s)", c.ID, words), "remove it with its review, or merge the claim into the one that replaces it, which keeps the review"})
		}
	}
	return out
}

// claimNotes says, for each claim of g that after, g as the edit leaves
// it, has merged into another, what of its own the merge dropped: a
// merge moves a claim's appearances, relations and review (graph.Merge),
// and the claim kept keeps its own text, note, statement, validity and
// inferences, so those of the claim merged away go, which was silent (a
// valid_from that bounded when it held among them). It says nothing
// when after is nil, and costs O(claims of g).
func claimNotes(g, after *graph.Graph) []string {
	if after == nil {
		return nil
	}
	var notes []string
	for c := range g.Claims() {
		if id, _ := after.Resolve(c.ID); id == "" || id == c.ID {
			continue // kept, or removed
		}
		now, ok := after.Claim(c.ID)
		if !ok {
			continue // merged into an item of another kind: the edit refuses it
		}
		var lost []string
		if c.Note != "" && !strings.Contains(now.Note, c.Note) {
			lost = append(lost, "note")
		}
		if c.Statement != nil && (now.Statement == nil || *now.Statement != *c.Statement) {
			lost = append(lost, "statement")
		}
		if !c.Validity.IsZero() && c.Validity != now.Validity {
			lost = append(lost, "validity")
		}
		n := 0
		for _, inf := range c.Inferred {
			if !slices.Contains(now.Inferred, inf) {
				n++
			}
		}
		if n > 0 {
			lost = append(lost, plural(n, "inference"))
		}
		if len(lost) > 0 {
			notes = append(notes, fmt.Sprintf("merging claim %s into %s drops %s's %s; %s keeps its own",
				c.ID, now.ID, c.ID, andList(lost), now.ID))
		}
	}
	return notes
}

// andList joins words as "a, b and c".
func andList(words []string) string {
	if len(words) < 2 {
		return strings.Join(words, "")
	}
	return strings.Join(words[:len(words)-1], ", ") + " and " + words[len(words)-1]
}

// derivationNotes says, for each derivation of a source of g between
// two sources that after, g as the edit leaves it, has merged into one
// (a source merged into one it republishes, or that republishes it),
// that the merge dropped it: the merged source would derive from itself
// (graph.Merge). It says nothing when after is nil.
func derivationNotes(g, after *graph.Graph) []string {
	if after == nil {
		return nil
	}
	var notes []string
	for src := range g.Sources() {
		for _, d := range src.DerivedFrom {
			one, _ := after.Resolve(src.ID) // not after.Source, which copies src's derivations for each
			other, _ := after.Resolve(d.Source)
			if one != "" && one == other && src.ID != d.Source {
				notes = append(notes, fmt.Sprintf("the derivation %s %s %s is dropped: the merge makes the two one source, %s", src.ID, d.Kind, d.Source, one))
			}
		}
	}
	return notes
}

// splitMerge splits the value of --merge: FROM=INTO, as no ID holds an
// "=", or FROM:INTO with one colon, as IDs may hold colons
// ("desk:b=desk:a").
func splitMerge(m string) (from, into string, ok bool) {
	from, into, ok = strings.Cut(m, "=")
	if !ok && strings.Count(m, ":") == 1 {
		from, into, ok = strings.Cut(m, ":")
	}
	return from, into, ok && from != "" && into != ""
}

// flagBatch is the batch file the flags of edit make, with the flag
// that made each line, for its problems: the batch is no file.
// Each line's number is counted as it is written, so that a batch of n
// lines costs O(n), not the O(n²) of counting the batch anew a line.
type flagBatch struct {
	strings.Builder
	lines int            // the lines written so far
	at    map[int]string // the flag that made each line, by its number from 1
}

// printf writes to the batch.
func (b *flagBatch) printf(format string, a ...any) {
	s := fmt.Sprintf(format, a...)
	b.lines += strings.Count(s, "\n")
	b.WriteString(s)
}

// flag says that flag makes the next line written.
func (b *flagBatch) flag(flag string) { b.at[b.lines+1] = flag }

// relationsOf writes a remove_relations section with the relations of
// the claims of g that ids names, each once. An ID that is no claim adds
// nothing: the batch reports it.
func (b *flagBatch) relationsOf(g *graph.Graph, ids []string) {
	type key struct {
		from, to string
		kind     claims.RelationKind
	}
	seen := map[key]bool{}
	b.printf("remove_relations:\n")
	for _, id := range ids {
		rels, err := g.RelationsOf(id)
		if err != nil {
			continue
		}
		for _, r := range rels {
			if k := (key{r.From, r.To, r.Kind}); !seen[k] {
				seen[k] = true
				b.flag("--with-relations (--remove " + claims.Cut(id) + ")")
				b.printf("  - {from: %q, to: %q, kind: %s}\n", r.From, r.To, r.Kind)
			}
		}
	}
}

func (r editReport) write(w io.Writer) error {
	for _, p := range r.Problems {
		fmt.Fprintln(w, safe(p))
	}
	for _, n := range r.Notes {
		fmt.Fprintln(w, "note:", safe(n))
	}
	if r.Written {
		fmt.Fprintf(w, "edited %s\n", r.File)
	} else {
		fmt.Fprintf(w, "%s left unchanged: %s\n", r.File, plural(len(r.Problems), "problem"))
	}
	return nil
}
