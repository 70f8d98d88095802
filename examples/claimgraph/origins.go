// The provenance commands: where a claim comes from, and where reporting
// goes round in circles (package graph/provenance).
//
//	claimgraph origins  FILE CLAIM-ID [--depth N] [--json]
//	claimgraph circular FILE [--json]
//
// origins prints the independent origins of a claim: one group per
// distinct origin, with its class (primary, unresolved or circular) and the
// chain from each appearance's source to it, then the cycles of derivation
// among the sources that carry the claim. A source carries a claim when the
// claim appears in it or it is the Via of an appearance; derivation is
// followed only between such sources (the per-claim rule).
//
// circular prints every cycle of derivation among the sources, the cycles
// among the sources that carry each claim (Via links included), and the
// claims that look corroborated but rest on fewer independent origins than
// the sources they appear in (false corroboration).
//
// With --json they print one object:
//
//	origins:  {"claim": "id", "appearances": 4, "sources": ["id", ...], "independent": 1,
//	           "origins": [{"source": "id", "kind": "video", "class": "primary",
//	                        "cycle": null, "appearances": [0, 1], "starts": [1, 2],
//	                        "steps": [{"source": "v", "link": "", "to": "", "next": -1},
//	                                  {"source": "a", "link": "quotes", "to": "v", "next": 0},
//	                                  ...]}, ...],
//	           "cycles": [cycle, ...]}
//	circular: {"cycles": [cycle, ...],
//	           "claims": [{"claim": "id", "cycles": [cycle, ...]}, ...],
//	           "false_corroboration": [{"claim": "id", "appearances": 4, "sources": 4,
//	                                    "publishers": 4, "origins": 1}, ...]}
//
// where cycle is {"sources": ["a", "b"], "loop": ["a", "b", "a"]}: the
// sources of the cycle by ID, and one shortest loop through the first.
// "appearances" of an origin are indexes into the claim's appearances, in
// file order; "cycle" is the cycle of an origin of class circular. The
// chains from the appearances to the origin are a tree of "steps"
// (provenance.Group.Steps): each source on them once, with the source it
// draws on next ("to", by "link") and that source's step ("next", an
// index into "steps"); at the origin "to" and "link" are "" and "next" is
// -1. starts[i] is the step of the source of appearances[i]; its chain is
// read by following "next". So each chain is printed once, sharing its
// rest with the others, and the output grows with the sources, not with
// the square of a long line of relays as when every chain was written out
// ("chains" with "sources", "links" and "path", before). --depth N keeps
// the steps within N links of the origin; starts[i] is -1 for an
// appearance whose source is farther. "claims" lists only the claims
// with cycles. Lists are empty, never null.

package main

import (
	"flag"
	"fmt"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/provenance"
)

type jsonCycle struct {
	Sources []string `json:"sources"`
	Loop    []string `json:"loop"`
}

type jsonStep struct {
	Source string `json:"source"`
	Link   string `json:"link"`
	To     string `json:"to"`
	Next   int    `json:"next"`
}

type jsonOrigin struct {
	Source      string     `json:"source"`
	Kind        string     `json:"kind"`
	Class       string     `json:"class"`
	Cycle       *jsonCycle `json:"cycle"`
	Appearances []int      `json:"appearances"`
	Starts      []int      `json:"starts"`
	Steps       []jsonStep `json:"steps"`
}

type jsonOrigins struct {
	Claim       string       `json:"claim"`
	Appearances int          `json:"appearances"`
	Sources     []string     `json:"sources"`
	Independent int          `json:"independent"`
	Origins     []jsonOrigin `json:"origins"`
	Cycles      []jsonCycle  `json:"cycles"`
}

type jsonClaimCycles struct {
	Claim  string      `json:"claim"`
	Cycles []jsonCycle `json:"cycles"`
}

type jsonCorroboration struct {
	Claim       string `json:"claim"`
	Appearances int    `json:"appearances"`
	Sources     int    `json:"sources"`
	Publishers  int    `json:"publishers"`
	Origins     int    `json:"origins"`
}

type jsonCircular struct {
	Cycles             []jsonCycle         `json:"cycles"`
	Claims             []jsonClaimCycles   `json:"claims"`
	FalseCorroboration []jsonCorroboration `json:"false_corroboration"`
}

func cyclesJSON(cs []provenance.Cycle) []jsonCycle {
	out := make([]jsonCycle, len(cs))
	for i, c := range cs {
		out[i] = jsonCycle{Sources: c.Sources, Loop: c.Loop}
	}
	return out
}

func originsJSON(r provenance.Report, depth int) jsonOrigins {
	out := jsonOrigins{Claim: r.Claim, Appearances: r.Appearances, Sources: r.Sources,
		Independent: r.Independent(), Origins: []jsonOrigin{}, Cycles: cyclesJSON(r.Cycles)}
	for _, g := range r.Groups {
		starts, steps := cutSteps(g, depth)
		o := jsonOrigin{Source: g.Origin.Source, Kind: g.Origin.Kind.String(), Class: g.Origin.Class.String(),
			Appearances: g.Appearances, Starts: starts, Steps: steps}
		if c := g.Origin.Cycle; c != nil {
			o.Cycle = &jsonCycle{Sources: c.Sources, Loop: c.Loop}
		}
		out.Origins = append(out.Origins, o)
	}
	return out
}

// cutSteps returns the steps of the chains of g as JSON, keeping those
// within depth links of the origin (all when depth is 0), and the index
// of each appearance's step among them, -1 when it is cut. It costs
// O(steps): a step's Next comes before it.
func cutSteps(g provenance.Group, depth int) (starts []int, steps []jsonStep) {
	dist := make([]int, len(g.Steps))  // links to the origin
	index := make([]int, len(g.Steps)) // in steps, -1 when cut
	steps = make([]jsonStep, 0, len(g.Steps))
	for i, st := range g.Steps {
		if st.Next >= 0 {
			dist[i] = dist[st.Next] + 1
		}
		index[i] = -1
		if depth > 0 && dist[i] > depth {
			continue
		}
		j := jsonStep{Source: st.Source, Next: -1}
		if st.Next >= 0 {
			j.Link, j.To, j.Next = st.Link.String(), g.Steps[st.Next].Source, index[st.Next]
		}
		index[i] = len(steps)
		steps = append(steps, j)
	}
	starts = make([]int, len(g.Starts))
	for i, k := range g.Starts {
		starts[i] = index[k]
	}
	return starts, steps
}

// runOrigins runs "claimgraph origins FILE CLAIM-ID [--depth N]".
func runOrigins(e *env, args []string) int {
	var depth depthFlag
	g, id, asJSON, code := loadArgs(e, "origins", args, func(fs *flag.FlagSet) { addDepth(fs, &depth) })
	if code != 0 {
		return code
	}
	r, err := provenance.Origins(g.View, id)
	if err != nil {
		return e.fail("origins", err)
	}
	doc := originsJSON(r, int(depth))
	return e.emit("origins", asJSON, doc, func(w io.Writer) error {
		doc.write(w, int(depth))
		return nil
	})
}

// write prints the origins of a claim as text: for each origin, the
// chain from each appearance's source in turn, one line per link ("a
// -quotes-> b"), down to the first link already printed, so that each
// link is printed once; an appearance's source that is the origin itself
// is a line of its own.
func (doc jsonOrigins) write(w io.Writer, depth int) {
	fmt.Fprintf(w, "%s: %s in %s, %s\n", doc.Claim, plural(doc.Appearances, "appearance"),
		plural(len(doc.Sources), "source"), plural(doc.Independent, "independent origin"))
	for i, o := range doc.Origins {
		fmt.Fprintf(w, "\norigin %d: %s (%s, %s), %s\n", i+1, o.Source, o.Kind, o.Class,
			plural(len(o.Appearances), "appearance"))
		if o.Cycle != nil {
			fmt.Fprintf(w, "  a cycle with no exit: %s\n", strings.Join(o.Cycle.Loop, " -> "))
		}
		printed := make([]bool, len(o.Steps))
		cut := 0
		for _, k := range o.Starts {
			if k < 0 {
				cut++
			}
			if k >= 0 && !printed[k] && o.Steps[k].To == "" {
				printed[k] = true
				wrap(w, "  ", "      ", o.Steps[k].Source)
			}
			for ; k >= 0 && !printed[k] && o.Steps[k].To != ""; k = o.Steps[k].Next {
				printed[k] = true
				st := o.Steps[k]
				wrap(w, "  ", "      ", fmt.Sprintf("%s -%s-> %s", st.Source, st.Link, st.To))
			}
		}
		if cut > 0 {
			wrap(w, "  ", "  ", fmt.Sprintf("(and %s more than --depth %s from the origin)",
				plural(cut, "appearance"), plural(depth, "link")))
		}
	}
	fmt.Fprintln(w)
	cycles := make([]provenance.Cycle, len(doc.Cycles))
	for i, c := range doc.Cycles {
		cycles[i] = provenance.Cycle{Sources: c.Sources, Loop: c.Loop}
	}
	writeCycles(w, "circular reporting among its sources", cycles)
}

// loopText writes a cycle's loop as "a -> b -> a".
func loopText(c provenance.Cycle) string { return strings.Join(c.Loop, " -> ") }

// writeCycles writes a titled list of cycles, or "none".
func writeCycles(w io.Writer, title string, cs []provenance.Cycle) {
	if len(cs) == 0 {
		fmt.Fprintf(w, "%s: none\n", title)
		return
	}
	fmt.Fprintf(w, "%s: %d\n", title, len(cs))
	for _, c := range cs {
		wrap(w, "  ", "      ", loopText(c))
	}
}

// circular computes the answer of the circular command, reporting its
// progress to progress (which may be nil).
func circular(v graph.View, progress func(graph.Progress)) (jsonCircular, error) {
	x := provenance.New(v)
	x.Progress = progress
	out := jsonCircular{Cycles: cyclesJSON(x.Cycles()), Claims: []jsonClaimCycles{}, FalseCorroboration: []jsonCorroboration{}}
	n := 0
	if progress != nil {
		n = v.Counts().Claims
	}
	tick := graph.NewTicker(progress, "cycles", n)
	for c := range v.Claims() {
		tick.Tick()
		r, err := x.Of(c)
		if err != nil {
			return out, err
		}
		if len(r.Cycles) > 0 {
			out.Claims = append(out.Claims, jsonClaimCycles{Claim: c.ID, Cycles: cyclesJSON(r.Cycles)})
		}
	}
	tick.Finish()
	fc, err := x.FalseCorroboration()
	if err != nil {
		return out, err
	}
	for _, f := range fc {
		out.FalseCorroboration = append(out.FalseCorroboration, jsonCorroboration(f))
	}
	return out, nil
}

// runCircular runs "claimgraph circular FILE".
func runCircular(e *env, args []string) int {
	fs, asJSON := newFlags("circular", e)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		return e.usageError("circular", "want 1 argument, FILE; got %d", len(pos))
	}
	g, code := loadGraph(e, "circular", pos[0])
	if code != 0 {
		return code
	}
	res, err := circular(g.View, e.onProgress())
	if err != nil {
		return e.fail("circular", err)
	}
	return e.emit("circular", *asJSON, res, res.write)
}

// write prints the answer of the circular command as text.
func (res jsonCircular) write(w io.Writer) error {
	fmt.Fprintf(w, "derivation cycles among sources: ")
	if len(res.Cycles) == 0 {
		fmt.Fprintln(w, "none")
	} else {
		fmt.Fprintln(w, len(res.Cycles))
		for _, c := range res.Cycles {
			wrap(w, "  ", "      ", strings.Join(c.Loop, " -> "))
		}
	}
	// A claim may go round more than one cycle: the count says so
	// when the lines that follow are more than the claims.
	cycles := 0
	for _, c := range res.Claims {
		cycles += len(c.Cycles)
	}
	fmt.Fprintf(w, "\ncircular reporting by claim: %d", len(res.Claims))
	if cycles != len(res.Claims) {
		fmt.Fprintf(w, " (%s)", plural(cycles, "cycle"))
	}
	fmt.Fprintln(w)
	for _, c := range res.Claims {
		for _, cy := range c.Cycles {
			wrap(w, "  ", "      ", c.Claim+": "+strings.Join(cy.Loop, " -> "))
		}
	}
	fmt.Fprintf(w, "\nfalse corroboration: %s\n", plural(len(res.FalseCorroboration), "claim"))
	for _, f := range res.FalseCorroboration {
		wrap(w, "  ", "      ", fmt.Sprintf("%s: %s in %s (%s), %s", f.Claim,
			plural(f.Appearances, "appearance"), plural(f.Sources, "source"),
			plural(f.Publishers, "publisher"), plural(f.Origins, "independent origin")))
	}
	return nil
}
