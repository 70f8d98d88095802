package imports

import (
	"encoding/json"
	"fmt"
	"io"
	"strconv"
	"strings"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
)

// aifID is a node or edge ID of AIFdb, which writes them as strings or as
// numbers.
type aifID string

func (id *aifID) UnmarshalJSON(b []byte) error {
	var n json.Number
	if err := json.Unmarshal(b, &n); err == nil {
		*id = aifID(n)
		return nil
	}
	var s string
	if err := json.Unmarshal(b, &s); err != nil {
		return fmt.Errorf("want a string or a number for an ID, found %s", b)
	}
	*id = aifID(s)
	return nil
}

type aifNode struct {
	NodeID aifID  `json:"nodeID"`
	Text   string `json:"text"`
	Type   string `json:"type"`
}

type aifEdge struct {
	EdgeID aifID `json:"edgeID"` // optional; unique when given
	FromID aifID `json:"fromID"`
	ToID   aifID `json:"toID"`
}

// ReadAIF reads an argument map in the JSON form of the Argument
// Interchange Format that AIFdb exports ({"nodes": [...], "edges": [...],
// "locutions": [...]}), or that OVA saves, with the same document under
// "AIF" beside OVA's layout ({"AIF": {...}, "OVA": {...}}). It returns the
// claims and relations for [graph.Graph.Apply], with a [Warning] for each
// element left out; name is the file name used in errors and warnings.
//
// Each I-node (information: a proposition) becomes a claim with the ID
// "aif-" followed by its node ID. An RA-node (rule application:
// inference) with premises P1..Pn and conclusion C gives "Pi supports C"
// for each premise. A CA-node (conflict) from A to B gives "A contradicts
// B": AIF's conflict is directed, claimgraph's contradiction is
// symmetric. A pair of claims related twice in the same way gives one
// relation. AIF gives an inference one conclusion and a conflict one
// conflicted node: a scheme node with two or more claims as conclusions
// is left out with a warning that names it, so that the relations (at
// most one a premise edge) and the warnings (at most one an edge) grow
// with the input, never with the product of a node's premises and
// conclusions.
//
// What has no counterpart in a claim graph is left out, each with a
// warning at the node or key: dialogue nodes (L, YA, TA: one warning per
// type, at the first), other node types and nodes without a type,
// undercuts (a CA-node aimed at an RA-node: an attack on the inference,
// where claimgraph's relations hold between claims), scheme nodes linked
// to other scheme nodes, scheme nodes without premise or conclusion or
// with several conclusions, a premise that is also the conclusion (a
// claim supporting or contradicting itself), and top-level keys other than "nodes" and
// "edges" (such as "locutions" and OVA's "OVA" and "text").
//
// A document without "nodes", or with "nodes" or "edges" twice, is an
// error, as is a nodeID or an edgeID (optional) given to two nodes or
// edges: at the second, naming the ID and the position of the first,
// wrapping [ErrFormat] and [graph.ErrDuplicateID]. Errors are
// [*ParseError] values pointing at the node or edge at fault.
func ReadAIF(r io.Reader, name string) (Result, error) {
	in, err := newInput(r, name)
	if err != nil {
		return Result{}, err
	}
	nodes := make(map[aifID]aifNode)
	nodeAt := make(map[aifID]int64)
	var order []aifID // nil until "nodes" is read
	type edgeAt struct {
		aifEdge
		off int64
	}
	var edges []edgeAt
	sawEdges, wrapped := false, false
	var doc func(key string) (bool, *ParseError)
	doc = func(key string) (bool, *ParseError) {
		switch key {
		case "nodes":
			if order != nil {
				return true, in.errAt(in.key, fmt.Errorf("%w: \"nodes\" given twice", ErrFormat))
			}
			order = []aifID{}
			return true, list(in, "nodes", func(n aifNode, off int64) *ParseError {
				if n.NodeID == "" {
					return in.errAt(off, fmt.Errorf("%w: node without a nodeID", ErrFormat))
				}
				if first, dup := nodeAt[n.NodeID]; dup {
					return in.twice(off, first, "node", n.NodeID)
				}
				nodes[n.NodeID], nodeAt[n.NodeID] = n, off
				order = append(order, n.NodeID)
				return nil
			})
		case "edges":
			if sawEdges {
				return true, in.errAt(in.key, fmt.Errorf("%w: \"edges\" given twice", ErrFormat))
			}
			sawEdges = true
			edgeIDs := make(map[aifID]int64)
			return true, list(in, "edges", func(e aifEdge, off int64) *ParseError {
				if e.EdgeID != "" {
					if first, dup := edgeIDs[e.EdgeID]; dup {
						return in.twice(off, first, "edge", e.EdgeID)
					}
					edgeIDs[e.EdgeID] = off
				}
				edges = append(edges, edgeAt{e, off})
				return nil
			})
		case "AIF":
			// OVA's wrapper: the AIF document, beside OVA's own keys.
			if wrapped || order != nil || sawEdges {
				return true, in.errAt(in.key, fmt.Errorf("%w: \"AIF\" beside another AIF document", ErrFormat))
			}
			wrapped = true
			return true, in.object("AIF document", doc)
		}
		in.warn(in.key, "key %q left out: a claim graph keeps the I-nodes and the inferences and conflicts between them", key)
		return false, nil
	}
	perr := in.object("AIF document", doc)
	if perr == nil {
		perr = in.end()
	}
	if perr == nil && order == nil {
		perr = in.missing("nodes")
	}
	if perr != nil {
		return Result{}, perr
	}

	// Premises and conclusions of each scheme node.
	into := make(map[aifID][]aifID)
	outOf := make(map[aifID][]aifID)
	for _, e := range edges {
		for _, id := range []aifID{e.FromID, e.ToID} {
			if _, ok := nodes[id]; !ok {
				return Result{}, in.errAt(e.off, fmt.Errorf("%w: edge names node %q, which is not in \"nodes\"", ErrFormat, id))
			}
		}
		into[e.ToID] = append(into[e.ToID], e.FromID)
		outOf[e.FromID] = append(outOf[e.FromID], e.ToID)
	}
	claimID := func(id aifID) string { return ID("aif-", string(id)) }
	var b graph.Batch
	dialogue := make(map[string]int) // L, YA, TA nodes seen, by type
	for _, id := range order {
		n := nodes[id]
		switch n.Type {
		case "I":
			c := claims.Claim{ID: claimID(id), Text: n.Text}
			b.Claims = append(b.Claims, c)
			in.at[c.ID] = nodeAt[id]
		case "RA", "CA":
		case "L", "YA", "TA":
			if dialogue[n.Type]++; dialogue[n.Type] == 1 {
				in.warn(nodeAt[id], "%s-nodes left out, this one and every other: they are the dialogue (locutions, illocutions, transitions), not claims", n.Type)
			}
		case "":
			in.warn(nodeAt[id], "node %q has no type: left out", id)
		default:
			in.warn(nodeAt[id], "node %q of type %q left out: only I-, RA- and CA-nodes have a counterpart", id, n.Type)
		}
	}
	for _, id := range order {
		n := nodes[id]
		kind := claims.Supports
		switch n.Type {
		case "RA":
		case "CA":
			kind = claims.Contradicts
		default:
			continue
		}
		premises, conclusions := distinct(into[id]), distinct(outOf[id])
		if len(premises) == 0 || len(conclusions) == 0 {
			in.warn(nodeAt[id], "%s-node %q has no premise or no conclusion: left out", n.Type, id)
			continue
		}
		// Each edge is looked at once, so that the relations and
		// warnings grow with the edges, never with their product.
		var claimsIn []aifID // premises that are claims
		for _, from := range premises {
			switch {
			case nodes[from].Type == "I":
				claimsIn = append(claimsIn, from)
			case n.Type == "RA" && nodes[from].Type == "CA":
				// An undercut of this inference, warned at its CA-node.
			default:
				in.warn(nodeAt[id], "%s-node %q has %s-node %q as a premise: left out, relations hold between claims (I-nodes)",
					n.Type, id, nodes[from].Type, from)
			}
		}
		var to []aifID // conclusions that are claims
		for _, c := range conclusions {
			switch {
			case nodes[c].Type == "I":
				to = append(to, c)
			case n.Type == "CA" && nodes[c].Type == "RA":
				in.warn(nodeAt[id], "CA-node %q undercuts the inference %q (an attack on the step, not on a claim): left out", id, c)
			default:
				in.warn(nodeAt[id], "%s-node %q has %s-node %q as a conclusion: left out, relations hold between claims (I-nodes)",
					n.Type, id, nodes[c].Type, c)
			}
		}
		if len(to) > 1 {
			in.warn(nodeAt[id], "%s-node %q has %d claims (I-nodes %s) as conclusions, where AIF gives an inference one conclusion and a conflict one conflicted node: left out",
				n.Type, id, len(to), quoteSome(to, 3))
			continue
		}
		for _, from := range claimsIn {
			for _, c := range to { // at most one
				if from == c {
					in.warn(nodeAt[id], "%s-node %q has I-node %q as premise and conclusion, relating a claim to itself, which a claim graph cannot hold: left out",
						n.Type, id, from)
					continue
				}
				in.addRelation(&b, claims.Relation{From: claimID(from), To: claimID(c), Kind: kind}, nodeAt[id])
			}
		}
	}
	if err := in.check(b); err != nil {
		return Result{}, err
	}
	return in.result(b), nil
}

// twice reports the node or edge at offset off, whose ID the one at first
// has already: an error wrapping [ErrFormat] and [graph.ErrDuplicateID].
func (in *input) twice(off, first int64, what string, id aifID) *ParseError {
	at := claims.PositionAt(in.name, in.data, int(first))
	return in.errAt(off, fmt.Errorf("%w: %w: %s %s given twice; first at %s", ErrFormat, graph.ErrDuplicateID, what, claims.Quote(string(id)), at))
}

// distinct returns ids without repeats, in their order: an edge given
// twice links its nodes once.
func distinct(ids []aifID) []aifID {
	seen := make(map[aifID]bool, len(ids))
	out := ids[:0:0]
	for _, id := range ids {
		if !seen[id] {
			seen[id] = true
			out = append(out, id)
		}
	}
	return out
}

// quoteSome quotes the first n of ids, with the count of the rest:
// "\"1\", \"2\", \"3\" and 997 more".
func quoteSome(ids []aifID, n int) string {
	var parts []string
	for _, id := range ids[:min(n, len(ids))] {
		parts = append(parts, strconv.Quote(string(id)))
	}
	s := strings.Join(parts, ", ")
	if len(ids) > n {
		s += fmt.Sprintf(" and %d more", len(ids)-n)
	}
	return s
}
