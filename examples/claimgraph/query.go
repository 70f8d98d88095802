// The query commands: what one claim or entity is linked to.
//
//	claimgraph contradictions FILE CLAIM-ID [--trust TRUST] [--json]
//	claimgraph support        FILE CLAIM-ID [--depth N] [--trust TRUST] [--json]
//	claimgraph about          FILE ENTITY-ID [--trust TRUST] [--json]
//	claimgraph sources        FILE CLAIM-ID [--trust TRUST] [--json]
//
// contradictions lists the claims that contradict the claim, each with its
// text and sources, and the sources of the claim itself; a contradiction
// that time leaves not live is marked with how, as the queue says it
// (timeline.Status.Words): "resolved by time (never both holding)",
// "relation lapsed (not valid while both hold)" ("resolved_by_time":
// true and "time": "resolved-by-time" or "relation-lapsed", left out
// when live): the verdicts do not weigh it. support lists the
// direct supporters and every support chain with its depth. about lists the claims about an entity. sources lists the
// sources a claim appears in, with the speaker, date and quote of each
// appearance (an appearance without a date takes the source's
// publication date), and the claim's evidence digest
// (evidence.Digests: its appearances, supporters, contradictions and
// independent origins, own and lent, over all time), the value a review
// records as its evidence. An
// ID the graph does not hold, or of the wrong kind, is an error
// (exit status 1) with the graph's message. An ID merged into another item
// (its merged list) shows that item, saying so on standard error. Each
// claim shown has the verdict column, which --trust TRUST weighs by the
// trust of the sources (trustfile.go).
//
// With --json each prints one object; claim, source, entity and relation
// are the values described in common.go:
//
//	contradictions: {"claim": claim, "contradictions": [{"claim": claim, "relation": relation,
//	                 "resolved_by_time": true, "time": "resolved-by-time"}, ...]}
//	support:        {"claim": claim, "supporters": [{"claim": claim, "relation": relation}, ...],
//	                 "chains": [{"supporter": "a", "depth": 2, "supports": "b", "next": 0}, ...]}
//	about:          {"entity": entity, "claims": [claim, ...]}
//	sources:        {"claim": claim, "evidence": "v2:2a0s1c2o:5f1c0e9a2b7d", "appearances": [{"source": source, "speaker": entity,
//	                 "date": "2024-06-19", "date_from_source": false, "quote": "...",
//	                 "via": "source-id", "note": "..."}, ...]}
//
// In "support", "chains" is the tree of the shortest support chains to the
// claim (graph.View.SupportTree): one entry per transitive supporter, in
// order of depth, with the claim it supports next on its chain
// ("supports") and that claim's entry ("next", an index into "chains", -1
// when it is the queried claim). A chain is read by following "next"; the
// text prints one line per supporter the same way ("depth 2: a -supports->
// b"). So each chain is printed once, sharing its rest with the shorter
// ones, and the output grows with the number of supporters, not with the
// square of a long chain as when every chain was written out in full (the
// "claims" and "path" of each chain, before). --depth N keeps the chains
// of at most N links.
// In "sources", "speaker" is null for an appearance attributed to nobody,
// and "date_from_source" is true when the date is the source's publication
// date because the appearance has none. Lists are empty, never null.

package main

import (
	"flag"
	"fmt"
	"io"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/evidence"
	"github.com/claimgraph/claimgraph/graph/timeline"
)

// query runs a query command: it loads the graph named by args, calls
// answer with its view and the ID, and prints the JSON document or the
// text that answer returns. answer returns the JSON value and a function
// that writes the text; flags add the command's own flags. Each shows
// the verdict column of its claims, and takes --trust.
func query(e *env, cmd string, args []string, answer func(v graph.View, id string) (any, func(io.Writer), error), flags ...func(*flag.FlagSet)) int {
	flags = append(flags, func(fs *flag.FlagSet) { addTrust(fs, e) })
	g, id, asJSON, code := loadArgs(e, cmd, args, flags...)
	if g == nil {
		return code
	}
	doc, text, err := answer(g.View, id)
	if err != nil {
		return e.fail(cmd, err)
	}
	return e.emit(cmd, asJSON, doc, func(w io.Writer) error { text(w); return nil })
}

// jsonLinked is a claim linked to the queried claim by a relation.
type jsonLinked struct {
	Claim          jsonClaim    `json:"claim"`
	Relation       jsonRelation `json:"relation"`
	ResolvedByTime bool         `json:"resolved_by_time,omitempty"`
	Time           string       `json:"time,omitempty"`
}

// linked is a claim with the relation that links it to another.
type linked struct {
	claim claimInfo
	rel   claims.Relation
	apart timeline.Status // a contradiction time leaves not live, 0 when live
}

// linkedClaims describes the claims at the other end of rels from id.
func linkedClaims(e *env, v graph.View, id string, rels []claims.Relation) ([]linked, error) {
	out := make([]linked, 0, len(rels))
	for _, r := range rels {
		other, _ := r.Other(id)
		ci, err := e.describeClaim(v, other)
		if err != nil {
			return nil, err
		}
		out = append(out, linked{ci, r, apart(v, r)})
	}
	return out, nil
}

// linkedJSON returns the JSON values of ls, never nil.
func linkedJSON(ls []linked) []jsonLinked {
	out := make([]jsonLinked, 0, len(ls))
	for _, l := range ls {
		out = append(out, jsonLinked{l.claim.json(), relationJSON(l.rel), l.apart != 0, apartText(l.apart)})
	}
	return out
}

// writeLinked prints ls as a numbered list with each relation's
// provenance.
func writeLinked(w io.Writer, ls []linked) {
	list(w, len(ls), false, func(i int, num, ind string) {
		ls[i].claim.write(w, num, ind)
		if ls[i].apart != 0 {
			wrap(w, ind, ind, ls[i].apart.Words())
		}
		if line := relationLine(ls[i].rel); line != "" {
			wrap(w, ind+"relation: ", ind+"  ", line)
		}
	})
}

// withLinked describes claim id and the claims at the other end of rels,
// the result of query of the view (Contradictions or Supporters).
func withLinked(e *env, v graph.View, id string, query func(string) ([]claims.Relation, error)) (claimInfo, []linked, error) {
	rels, err := query(id)
	if err != nil {
		return claimInfo{}, nil, err
	}
	c, err := e.describeClaim(v, id)
	if err != nil {
		return claimInfo{}, nil, err
	}
	ls, err := linkedClaims(e, v, id, rels)
	return c, ls, err
}

// runContradictions runs "claimgraph contradictions FILE CLAIM-ID".
func runContradictions(e *env, args []string) int {
	return query(e, "contradictions", args, func(v graph.View, id string) (any, func(io.Writer), error) {
		c, ls, err := withLinked(e, v, id, v.Contradictions)
		if err != nil {
			return nil, nil, err
		}
		doc := struct {
			Claim          jsonClaim    `json:"claim"`
			Contradictions []jsonLinked `json:"contradictions"`
		}{c.json(), linkedJSON(ls)}
		return doc, func(w io.Writer) {
			c.write(w, "", "  ")
			fmt.Fprintf(w, "\ncontradicted by %s:\n", plural(len(ls), "claim"))
			writeLinked(w, ls)
		}, nil
	})
}

// runSupport runs "claimgraph support FILE CLAIM-ID [--depth N]".
func runSupport(e *env, args []string) int {
	var depth depthFlag
	return query(e, "support", args, func(v graph.View, id string) (any, func(io.Writer), error) {
		c, ls, err := withLinked(e, v, id, v.Supporters)
		if err != nil {
			return nil, nil, err
		}
		tree, err := v.SupportTree(id, int(depth))
		if err != nil {
			return nil, nil, err
		}
		doc := struct {
			Claim      jsonClaim       `json:"claim"`
			Supporters []jsonLinked    `json:"supporters"`
			Chains     []jsonChainNode `json:"chains"`
		}{c.json(), linkedJSON(ls), chainsJSON(tree)}
		return doc, func(w io.Writer) {
			c.write(w, "", "  ")
			fmt.Fprintf(w, "\nsupported directly by %s:\n", plural(len(ls), "claim"))
			writeLinked(w, ls)
			n := len(tree.Nodes)
			fmt.Fprintf(w, "\n%s", plural(n, "transitive supporter"))
			if depth > 0 {
				fmt.Fprintf(w, " within %s", plural(int(depth), "link"))
			}
			fmt.Fprintln(w, ", each with the next claim of its shortest chain:")
			writeChains(w, "  ", tree)
		}, nil
	}, func(fs *flag.FlagSet) { addDepth(fs, &depth) })
}

// runAbout runs "claimgraph about FILE ENTITY-ID".
func runAbout(e *env, args []string) int {
	return query(e, "about", args, func(v graph.View, id string) (any, func(io.Writer), error) {
		cs, err := v.ClaimsAbout(id)
		if err != nil {
			return nil, nil, err
		}
		ent, _ := v.Entity(id) // ClaimsAbout succeeded, so id is an entity
		infos := make([]claimInfo, 0, len(cs))
		jcs := make([]jsonClaim, 0, len(cs))
		for _, c := range cs {
			ci, err := e.describeClaim(v, c.ID)
			if err != nil {
				return nil, nil, err
			}
			infos = append(infos, ci)
			jcs = append(jcs, ci.json())
		}
		doc := struct {
			Entity jsonEntity  `json:"entity"`
			Claims []jsonClaim `json:"claims"`
		}{entityJSON(ent), jcs}
		return doc, func(w io.Writer) {
			wrap(w, "", "  ", fmt.Sprintf("%s (%s, %s)", ent.Name, ent.ID, ent.Kind))
			fmt.Fprintf(w, "\n%s about it:\n", plural(len(infos), "claim"))
			list(w, len(infos), false, func(i int, num, ind string) { infos[i].write(w, num, ind) })
		}, nil
	})
}

// jsonAppearance is the JSON value of one appearance of a claim.
type jsonAppearance struct {
	Source         jsonSource  `json:"source"`
	Speaker        *jsonEntity `json:"speaker"`
	Date           string      `json:"date"`
	DateFromSource bool        `json:"date_from_source"`
	Quote          string      `json:"quote"`
	Via            string      `json:"via"`
	Note           string      `json:"note"`
}

// runSources runs "claimgraph sources FILE CLAIM-ID".
func runSources(e *env, args []string) int {
	return query(e, "sources", args, func(v graph.View, id string) (any, func(io.Writer), error) {
		c, err := e.describeClaim(v, id)
		if err != nil {
			return nil, nil, err
		}
		apps := make([]jsonAppearance, 0, len(c.Appearances))
		speakers := map[string]*jsonEntity{} // each looked up once: Entity copies its aliases
		for _, a := range c.Appearances {
			src, _ := v.SourceInfo(a.Source) // the graph checked the reference
			j := jsonAppearance{Source: sourceJSON(src), Date: a.Date.String(), Quote: a.Quote, Via: a.Via, Note: a.Note}
			if a.Date.IsZero() {
				j.Date, j.DateFromSource = src.Published.String(), !src.Published.IsZero()
			}
			if sp, ok := speakers[a.Speaker]; ok {
				j.Speaker = sp
			} else if ent, ok := v.Entity(a.Speaker); ok && a.Speaker != "" {
				e := entityJSON(ent)
				j.Speaker, speakers[a.Speaker] = &e, &e
			}
			apps = append(apps, j)
		}
		digest, err := evidence.Digest(v, c.ID)
		if err != nil {
			return nil, nil, err
		}
		doc := struct {
			Claim       jsonClaim        `json:"claim"`
			Evidence    string           `json:"evidence"`
			Appearances []jsonAppearance `json:"appearances"`
		}{c.json(), digest, apps}
		return doc, func(w io.Writer) {
			wrap(w, "", "  ", c.ID)
			wrap(w, "  ", "  ", c.Text)
			wrap(w, "  ", "  ", "evidence digest: "+digest+" (what a review records as evidence)")
			fmt.Fprintf(w, "\n%s in %s:\n", plural(len(apps), "appearance"), plural(len(c.Sources), "source"))
			list(w, len(apps), false, func(i int, num, ind string) {
				src, _ := v.SourceInfo(apps[i].Source.ID)
				wrap(w, num, ind, sourceLabel(src))
				writeAppearance(w, ind, apps[i])
			})
		}, nil
	})
}

// writeAppearance prints the speaker, date, quote, via and note of a at
// indent, leaving out what it does not have.
func writeAppearance(w io.Writer, indent string, a jsonAppearance) {
	speaker := "nobody"
	if a.Speaker != nil {
		speaker = fmt.Sprintf("%s (%s)", a.Speaker.Name, a.Speaker.ID)
	}
	wrap(w, indent+"speaker: ", indent+"  ", speaker)
	switch {
	case a.Date == "":
		wrap(w, indent, indent, "date: unknown")
	case a.DateFromSource:
		wrap(w, indent, indent, "date: "+a.Date+" (the source's publication date)")
	default:
		wrap(w, indent, indent, "date: "+a.Date)
	}
	if a.Quote != "" {
		wrap(w, indent+"quote: ", indent+"  ", fmt.Sprintf("%q", a.Quote))
	}
	if a.Via != "" {
		wrap(w, indent+"via: ", indent+"  ", a.Via)
	}
	if a.Note != "" {
		wrap(w, indent+"note: ", indent+"  ", a.Note)
	}
}
