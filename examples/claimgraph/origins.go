// The provenance commands: where a claim comes from, and where reporting
// goes round in circles (package graph/provenance).
//
//	claimgraph origins  FILE CLAIM-ID [--json]
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
//	                        "cycle": null, "appearances": [0, 1],
//	                        "chains": [{"sources": ["id", "id"], "links": ["quotes"],
//	                                    "path": "a -quotes-> b"}, ...]}, ...],
//	           "cycles": [cycle, ...]}
//	circular: {"cycles": [cycle, ...],
//	           "claims": [{"claim": "id", "cycles": [cycle, ...]}, ...],
//	           "false_corroboration": [{"claim": "id", "appearances": 4, "sources": 4,
//	                                    "publishers": 4, "origins": 1}, ...]}
//
// where cycle is {"sources": ["a", "b"], "loop": ["a", "b", "a"]}: the
// sources of the cycle by ID, and one shortest loop through the first.
// "appearances" of an origin are indexes into the claim's appearances, in
// file order, and chains[i] belongs to appearances[i]; "cycle" is the
// cycle of an origin of class circular. "claims" lists only the claims
// with cycles. Lists are empty, never null.

package main

import (
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

type jsonProvChain struct {
	Sources []string              `json:"sources"`
	Links   []provenance.LinkKind `json:"links"`
	Path    string                `json:"path"`
}

type jsonOrigin struct {
	Source      string          `json:"source"`
	Kind        string          `json:"kind"`
	Class       string          `json:"class"`
	Cycle       *jsonCycle      `json:"cycle"`
	Appearances []int           `json:"appearances"`
	Chains      []jsonProvChain `json:"chains"`
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

func originsJSON(r provenance.Report) jsonOrigins {
	out := jsonOrigins{Claim: r.Claim, Appearances: r.Appearances, Sources: r.Sources,
		Independent: r.Independent(), Origins: []jsonOrigin{}, Cycles: cyclesJSON(r.Cycles)}
	for _, g := range r.Groups {
		o := jsonOrigin{Source: g.Origin.Source, Kind: g.Origin.Kind.String(), Class: g.Origin.Class.String(),
			Appearances: g.Appearances, Chains: make([]jsonProvChain, len(g.Chains))}
		if c := g.Origin.Cycle; c != nil {
			o.Cycle = &jsonCycle{Sources: c.Sources, Loop: c.Loop}
		}
		for i, c := range g.Chains {
			links := c.Links
			if links == nil {
				links = []provenance.LinkKind{}
			}
			o.Chains[i] = jsonProvChain{Sources: c.Sources, Links: links, Path: c.String()}
		}
		out.Origins = append(out.Origins, o)
	}
	return out
}

// runOrigins runs "claimgraph origins FILE CLAIM-ID".
func runOrigins(e *env, args []string) int {
	g, id, asJSON, code := loadArgs(e, "origins", args)
	if code != 0 {
		return code
	}
	r, err := provenance.Origins(g.View, id)
	if err != nil {
		return e.fail("origins", err)
	}
	return e.emit("origins", asJSON, originsJSON(r), func(w io.Writer) error {
		writeOrigins(w, r)
		return nil
	})
}

// writeOrigins prints the origins of a claim as text.
func writeOrigins(w io.Writer, r provenance.Report) {
	fmt.Fprintf(w, "%s: %s in %s, %s\n", r.Claim, nplural(r.Appearances, "appearance", "appearances"),
		nplural(len(r.Sources), "source", "sources"), nplural(r.Independent(), "independent origin", "independent origins"))
	for i, gr := range r.Groups {
		o := gr.Origin
		fmt.Fprintf(w, "\norigin %d: %s (%s, %s), %s\n", i+1, o.Source, o.Kind, o.Class,
			nplural(len(gr.Appearances), "appearance", "appearances"))
		if o.Cycle != nil {
			fmt.Fprintf(w, "  a cycle with no exit: %s\n", loopText(*o.Cycle))
		}
		for _, c := range gr.Chains {
			wrap(w, "  ", "      ", c.String())
		}
	}
	writeCycles(w, "\ncircular reporting among its sources", r.Cycles)
}

// nplural writes n with the singular or plural noun: "1 source", "2 sources".
func nplural(n int, one, many string) string { return fmt.Sprintf("%d %s", n, plural(n, one, many)) }

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
	fmt.Fprintf(w, "\ncircular reporting by claim: %d\n", len(res.Claims))
	for _, c := range res.Claims {
		for _, cy := range c.Cycles {
			wrap(w, "  ", "      ", c.Claim+": "+strings.Join(cy.Loop, " -> "))
		}
	}
	fmt.Fprintf(w, "\nfalse corroboration: %s\n", nplural(len(res.FalseCorroboration), "claim", "claims"))
	for _, f := range res.FalseCorroboration {
		wrap(w, "  ", "      ", fmt.Sprintf("%s: %s in %s (%s), %s", f.Claim,
			nplural(f.Appearances, "appearance", "appearances"), nplural(f.Sources, "source", "sources"),
			nplural(f.Publishers, "publisher", "publishers"), nplural(f.Origins, "independent origin", "independent origins")))
	}
	return nil
}
