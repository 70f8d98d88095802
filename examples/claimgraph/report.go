// The report command: a readable overview of a whole claim graph.
//
//	claimgraph report [FILE] [--trust TRUST] [--json]
//	claimgraph                      (the report of testdata/kim-putin.yaml)
//
// FILE defaults to testdata/kim-putin.yaml under the module root, found by
// walking up from the current directory to the go.mod of the module, so
// that "go run ./examples/claimgraph" works from anywhere in the repository.
// Text is wrapped to 100 columns. --trust TRUST weighs the verdicts of
// the claim columns, the supporters they silence and the trust
// section's verdict labels by the trust of the sources (trustfile.go).
//
// # Sections and columns
//
// The report is the list of sections in reportSections, printed in that
// order. A section has a JSON key and two functions: one writes its text,
// heading included, and one returns its JSON value; a new section is one
// more entry there. Likewise claimColumns lists the claim columns (the
// number of independent origins, the verdict): a column's value is printed
// under every claim that the report and the query commands show, and added
// to the "columns" object of the claim's JSON value as text and to its
// "column_values" object typed.
//
// # JSON
//
// With --json it prints one object with "file" and one key per section
// (keys in alphabetical order):
//
//	{
//	  "file": "testdata/kim-putin.yaml",
//	  "counts": {"entities": 4, "sources": 3, "claims": 4, "appearances": 5,
//	             "supports": 2, "contradictions": 1, "derivations": 1},
//	  "contradictions": [{"relation": relation, "a": claim, "b": claim,
//	                      "resolved_by_time": false}, ...],
//	  "most_supported": [{"claim": claim, "supporters": 2,
//	                      "chains": [{"supporter": "id", "depth": 1, "supports": "id",
//	                                  "next": -1}, ...]}, ...],
//	  "speakers": [{"speaker": entity, "count": 2, "claims": ["id", ...]}, ...],
//	  "trust": {"iterations": 3, "converged": true, "sources": [...], ...}
//	}
//
// where claim, entity and relation are the values described in common.go,
// and "trust" is the section described in report_verdicts.go;
// "a" is the relation's From claim and "b" its To claim; "resolved_by_time"
// is true for a contradiction that time leaves not live (the verdicts do
// not weigh it), and "time" says how (left out when live): "resolved-by-time"
// (the two claims never hold together) or "relation-lapsed" (they do, but
// not while the relation holds); the text marks it with
// timeline.Status.Words ("resolved by time (never both holding)",
// "relation lapsed (not valid while both hold)"). The speaker of the
// claims attributed to nobody is null. "chains" is the tree of the
// shortest support chains to the claim (graph.View.SupportTree), as in the
// support command: one entry per transitive supporter, with the claim it
// supports next on its chain ("supports") and that claim's entry
// ("next", an index into "chains", -1 when it is the claim itself).
// Supporters the verdicts silence (rejected, they lend nothing), and
// the chains through them, are neither counted nor listed.
//
// # Cost
//
// The report costs about the size of the graph: claims are ranked by
// counting their supporters (graph.View.MostSupported), and chains are
// built for the top ones only, as trees no bigger than their supporters.
// The contradictions section shows both claims of each pair with their
// sources, each claim described once (pairs). The text lists a claim's
// sources in full the first time it shows the claim; a claim it shows
// again with more than maxRelisted sources refers back to that pair
// ("sources: 12, listed under 1 above"), so that a claim in n sources
// that n claims contradict prints its sources once and the text grows
// with the graph. The JSON, a document for scripts, gives each pair
// whole, both claims with all their sources: there the bytes written grow
// with n² (the memory does not, the pairs being written one at a time,
// jsonArray).

package main

import (
	"cmp"
	"fmt"
	"io"
	"slices"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/timeline"
)

// reportSection is one section of the report. See the comment at the top
// of this file.
type reportSection struct {
	key  string                                        // JSON key, snake_case, unique
	text func(e *env, w io.Writer, v graph.View) error // writes the section's text, heading included
	json func(e *env, v graph.View) (any, error)       // returns the section's JSON value
}

// reportSections lists the sections of the report, in the order the text
// prints them.
var reportSections = []reportSection{
	{"counts", countsText, countsJSON},
	{"contradictions", contradictionsText, contradictionsJSON},
	{"most_supported", supportedText, supportedJSON},
	{"speakers", speakersText, speakersJSON},
	{"trust", trustText, trustJSON},
}

// claimColumn is a value shown beside every claim that the commands print.
// See the comment at the top of this file.
type claimColumn struct {
	key string // label in text and JSON key in "columns" and "column_values", snake_case
	// value returns the value for a claim as text, "" to show nothing,
	// and as the typed JSON value of "column_values" (a number as a
	// number, the verdict as an object).
	value func(e *env, v graph.View, claim string) (string, any)
}

// claimColumns lists the claim columns, in the order they print.
var claimColumns = []claimColumn{
	{"independent_origins", independentOrigins},
	{"verdict", verdictColumn},
}

// columnValues returns the non-empty values of the claim columns for claim
// id, in column order.
func (e *env) columnValues(v graph.View, id string) []columnValue {
	var vals []columnValue
	for _, c := range claimColumns {
		if s, typed := c.value(e, v, id); s != "" {
			vals = append(vals, columnValue{Key: c.key, Value: s, Typed: typed})
		}
	}
	return vals
}

// runReport runs "claimgraph report [FILE]".
func runReport(e *env, args []string) int {
	fs, asJSON := newFlags("report", e)
	addTrust(fs, e)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	var path, name string
	switch len(pos) {
	case 0:
		if path, err = defaultPath(); err != nil {
			return e.fail("report", fmt.Errorf("cannot find the default %s (give FILE): %w", defaultFile, err))
		}
		name = defaultFile
	case 1:
		path, name = pos[0], pos[0]
	default:
		return e.usageError("report", "want at most 1 argument, FILE; got %d", len(pos))
	}
	g, code := loadGraph(e, "report", path)
	if g == nil {
		return code
	}
	if code := e.useTrust("report", g.View); code != 0 {
		return code
	}
	if *asJSON {
		doc := map[string]any{"file": name}
		for _, s := range reportSections {
			if doc[s.key], err = s.json(e, g.View); err != nil {
				return e.fail("report", err)
			}
		}
		return e.emit("report", false, nil, func(w io.Writer) error { return writeJSONFields(w, doc) })
	}
	return e.emit("report", false, nil, func(w io.Writer) error {
		fmt.Fprintf(w, "Report of %s\n", name)
		for _, s := range reportSections {
			fmt.Fprintln(w)
			if err := s.text(e, w, g.View); err != nil {
				return err
			}
		}
		return nil
	})
}

// list writes n numbered items: item writes item i and is given the
// number ("  1. ") to start its first line with and the indentation of
// the lines under it. With blank, an empty line separates items. Without
// items it writes "  none".
func list(w io.Writer, n int, blank bool, item func(i int, num, ind string)) {
	if n == 0 {
		fmt.Fprintln(w, "  none")
	}
	for i := range n {
		if blank && i > 0 {
			fmt.Fprintln(w)
		}
		num := fmt.Sprintf("  %d. ", i+1)
		item(i, num, strings.Repeat(" ", len(num)))
	}
}

// heading writes a section title, underlined.
func heading(w io.Writer, title string) {
	fmt.Fprintf(w, "%s\n%s\n", title, strings.Repeat("-", len(title)))
}

// jsonCounts is the JSON value of the counts section.
type jsonCounts struct {
	Entities       int `json:"entities"`
	Sources        int `json:"sources"`
	Claims         int `json:"claims"`
	Appearances    int `json:"appearances"`
	Supports       int `json:"supports"`
	Contradictions int `json:"contradictions"`
	Derivations    int `json:"derivations"`
}

// countsJSON returns the counts of v.
func countsJSON(_ *env, v graph.View) (any, error) {
	c := v.Counts()
	return jsonCounts{c.Entities, c.Sources, c.Claims, c.Appearances, c.Supports, c.Contradictions, c.Derivations}, nil
}

// countsText writes the counts of v.
func countsText(_ *env, w io.Writer, v graph.View) error {
	c := v.Counts()
	heading(w, "Counts")
	rows := []struct {
		n    int
		what string
	}{
		{c.Entities, "entities"},
		{c.Sources, "sources"},
		{c.Derivations, "derivation links between sources"},
		{c.Claims, "claims"},
		{c.Appearances, "appearances of claims in sources"},
		{c.Supports, "support relations"},
		{c.Contradictions, "contradictions"},
	}
	for _, r := range rows {
		fmt.Fprintf(w, "  %6d  %s\n", r.n, r.what)
	}
	return nil
}

// contradictionPair is a contradiction with both of its claims.
type contradictionPair struct {
	rel   claims.Relation
	a, b  claimInfo
	apart timeline.Status // not live (apart), 0 when live
}

// pairs returns every contradiction of v with its claims. Each claim is
// described once and shared by its pairs, so that a claim in n sources
// that n claims contradict is not copied, nor its provenance worked out,
// n times: O(contradictions + the appearances of their claims). The
// text lists a long list of sources once (maxRelisted); the JSON shows
// the claim with its sources in every pair.
func pairs(e *env, v graph.View) ([]contradictionPair, error) {
	var ps []contradictionPair
	seen := map[string]claimInfo{}
	describe := func(id string) (claimInfo, error) {
		ci, ok := seen[id]
		if ok {
			return ci, nil
		}
		ci, err := e.describeClaim(v, id)
		seen[id] = ci
		return ci, err
	}
	for r := range v.ContradictionPairs() {
		a, err := describe(r.From)
		if err != nil {
			return nil, err
		}
		b, err := describe(r.To)
		if err != nil {
			return nil, err
		}
		ps = append(ps, contradictionPair{r, a, b, apart(v, r)})
	}
	return ps, nil
}

// jsonPair is the JSON value of a contradiction pair.
type jsonPair struct {
	Relation       jsonRelation `json:"relation"`
	A              jsonClaim    `json:"a"`
	B              jsonClaim    `json:"b"`
	ResolvedByTime bool         `json:"resolved_by_time"`
	Time           string       `json:"time,omitempty"`
}

// contradictionsJSON returns every contradiction of v.
// Its value is written one pair at a time (jsonArray): each pair shows
// both claims with their sources, so that the text can be far larger
// than the graph (a claim in n sources that n claims contradict).
func contradictionsJSON(e *env, v graph.View) (any, error) {
	ps, err := pairs(e, v)
	return jsonArray{len(ps), func(i int) any {
		p := ps[i]
		return jsonPair{relationJSON(p.rel), p.a.json(), p.b.json(), p.apart != 0, apartText(p.apart)}
	}}, err
}

// maxRelisted is how many sources of a claim the contradictions text
// lists again under each pair that shows it; a claim with more refers
// back to the first pair that lists them.
const maxRelisted = 3

// contradictionsText writes every contradiction of v with the texts and
// sources of both claims, a long list of sources once (maxRelisted).
func contradictionsText(e *env, w io.Writer, v graph.View) error {
	ps, err := pairs(e, v)
	if err != nil {
		return err
	}
	heading(w, fmt.Sprintf("Contradictions (%d)", len(ps)))
	listed := map[string]int{} // the pair under which a claim's sources are listed
	side := func(c claimInfo, i int, first, indent string) {
		j, ok := listed[c.ID]
		if !ok || len(c.Sources) <= maxRelisted {
			if !ok {
				listed[c.ID] = i
			}
			c.write(w, first, indent)
			return
		}
		c.head(w, first, indent)
		wrap(w, indent, indent, fmt.Sprintf("sources: %d, listed under %d above", len(c.Sources), j+1))
	}
	list(w, len(ps), true, func(i int, num, ind string) {
		p := ps[i]
		wrap(w, num, ind, p.a.ID+" contradicts "+p.b.ID)
		if p.apart != 0 {
			wrap(w, ind, ind, p.apart.Words())
		}
		if line := relationLine(p.rel); line != "" {
			wrap(w, ind, ind, line)
		}
		side(p.a, i, ind+"A: ", ind+"   ")
		side(p.b, i, ind+"B: ", ind+"   ")
	})
	return nil
}

// maxSupported is how many claims the report shows support chains for.
const maxSupported = 5

// supportedClaim is a claim with its support chains.
type supportedClaim struct {
	claim  claimInfo
	chains graph.ChainTree
}

// mostSupported returns the claims of v with the most transitive
// supporters that lend, at most maxSupported of them, most supporters
// first and in the order of the graph among equals, with their chains.
// A supporter the verdicts of the same run silence (verdict.Result.Silent:
// rejected, it lends nothing) is not counted, nor are the chains through
// it, so that the report never shows as support what its verdicts
// refuse. Claims without such supporters are left out. The claims are
// ranked by counting (graph.View.MostSupportedExcept) and only their
// chains are built, so that it costs about the size of the graph, not
// the square of its chains.
func mostSupported(e *env, v graph.View) ([]supportedClaim, error) {
	vr, err := e.verdicts(v)
	if err != nil {
		return nil, err
	}
	var out []supportedClaim
	for _, s := range v.MostSupportedExcept(maxSupported, vr.Silent) {
		ci, err := e.describeClaim(v, s.Claim)
		if err != nil {
			return nil, err
		}
		t, err := v.SupportTreeExcept(s.Claim, 0, vr.Silent)
		if err != nil {
			return nil, err
		}
		out = append(out, supportedClaim{ci, t})
	}
	return out, nil
}

// jsonChainNode is the JSON value of one supporter in a tree of support
// chains (graph.ChainTree).
type jsonChainNode struct {
	Supporter string `json:"supporter"`
	Depth     int    `json:"depth"`
	Supports  string `json:"supports"`
	Next      int    `json:"next"`
}

// chainsJSON returns the JSON values of the nodes of t, never nil.
func chainsJSON(t graph.ChainTree) []jsonChainNode {
	out := make([]jsonChainNode, len(t.Nodes))
	for i, n := range t.Nodes {
		out[i] = jsonChainNode{Supporter: n.Claim, Depth: n.Depth, Supports: t.Root, Next: n.Next}
		if n.Next >= 0 {
			out[i].Supports = t.Nodes[n.Next].Claim
		}
	}
	return out
}

// writeChains prints the support chains of t at indent, one line per
// supporter with the next claim of its chain ("depth 2: a -supports-> b"),
// so that each chain is printed once, sharing its rest with the lines
// above.
func writeChains(w io.Writer, indent string, t graph.ChainTree) {
	for _, n := range t.Nodes {
		next := t.Root
		if n.Next >= 0 {
			next = t.Nodes[n.Next].Claim
		}
		wrap(w, fmt.Sprintf("%sdepth %d: ", indent, n.Depth), indent+"    ", n.Claim+" -supports-> "+next)
	}
}

// jsonSupported is the JSON value of a most-supported claim.
type jsonSupported struct {
	Claim      jsonClaim       `json:"claim"`
	Supporters int             `json:"supporters"`
	Chains     []jsonChainNode `json:"chains"`
}

// supportedJSON returns the most-supported claims of v.
func supportedJSON(e *env, v graph.View) (any, error) {
	top, err := mostSupported(e, v)
	out := make([]jsonSupported, 0, len(top))
	for _, s := range top {
		out = append(out, jsonSupported{s.claim.json(), len(s.chains.Nodes), chainsJSON(s.chains)})
	}
	return out, err
}

// supportedText writes the support chains of the most-supported claims.
func supportedText(e *env, w io.Writer, v graph.View) error {
	top, err := mostSupported(e, v)
	if err != nil {
		return err
	}
	heading(w, fmt.Sprintf("Most-supported claims (top %d by transitive supporters that lend: none the verdicts reject)", maxSupported))
	list(w, len(top), true, func(i int, num, ind string) {
		s := top[i]
		n := len(s.chains.Nodes)
		s.claim.write(w, num, ind)
		wrap(w, ind, ind, plural(n, "transitive supporter")+":")
		writeChains(w, ind+"  ", s.chains)
	})
	return nil
}

// speakerClaims is a speaker with the claims attributed to it; the zero
// entity stands for nobody.
type speakerClaims struct {
	speaker claims.Entity
	claims  []string
}

// bySpeaker returns the claims of v per speaker: most claims first, then
// by name and ID, and the claims attributed to nobody last. O(appearances
// + speakers' size): it looks each speaker up once, where
// graph.View.Speakers for each claim copied a speaker (its aliases) for
// every claim it said, quadratic in a speaker of many claims and
// aliases.
func bySpeaker(v graph.View) ([]speakerClaims, error) {
	index := map[string]int{}
	var out []speakerClaims
	var last []int // by speaker: the number of the last claim counted for it
	var nobody speakerClaims
	k := 0
	for c := range v.Claims() {
		k++
		said := false
		for _, a := range c.Appearances {
			id, _ := v.Resolve(a.Speaker) // the ID an alias names
			if id == "" {
				continue
			}
			i, ok := index[id]
			if !ok {
				e, _ := v.Entity(id)
				i = len(out)
				index[id] = i
				out = append(out, speakerClaims{speaker: e})
				last = append(last, 0)
			}
			said = true
			if last[i] != k {
				last[i] = k
				out[i].claims = append(out[i].claims, c.ID)
			}
		}
		if !said {
			nobody.claims = append(nobody.claims, c.ID)
		}
	}
	slices.SortFunc(out, func(a, b speakerClaims) int {
		return cmp.Or(cmp.Compare(len(b.claims), len(a.claims)),
			strings.Compare(a.speaker.Name, b.speaker.Name), strings.Compare(a.speaker.ID, b.speaker.ID))
	})
	if len(nobody.claims) > 0 {
		out = append(out, nobody)
	}
	return out, nil
}

// jsonSpeaker is the JSON value of a speaker's claims.
type jsonSpeaker struct {
	Speaker *jsonEntity `json:"speaker"`
	Count   int         `json:"count"`
	Claims  []string    `json:"claims"`
}

// speakersJSON returns the claims of v per speaker.
func speakersJSON(_ *env, v graph.View) (any, error) {
	sp, err := bySpeaker(v)
	out := make([]jsonSpeaker, 0, len(sp))
	for _, s := range sp {
		j := jsonSpeaker{Count: len(s.claims), Claims: s.claims}
		if s.speaker.ID != "" {
			e := entityJSON(s.speaker)
			j.Speaker = &e
		}
		out = append(out, j)
	}
	return out, err
}

// speakersText writes the claims of v per speaker.
func speakersText(_ *env, w io.Writer, v graph.View) error {
	sp, err := bySpeaker(v)
	if err != nil {
		return err
	}
	heading(w, "Claims per speaker")
	if len(sp) == 0 {
		fmt.Fprintln(w, "  none")
	}
	for _, s := range sp {
		who := "(no speaker)"
		if s.speaker.ID != "" {
			who = fmt.Sprintf("%s (%s)", s.speaker.Name, s.speaker.ID)
		}
		wrap(w, "  ", "      ", fmt.Sprintf("%s: %d", who, len(s.claims)))
		wrap(w, "      ", "      ", strings.Join(s.claims, ", "))
	}
	return nil
}
