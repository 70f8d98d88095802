package imports

import (
	"encoding/json"
	"fmt"
	"io"

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
	FromID aifID `json:"fromID"`
	ToID   aifID `json:"toID"`
}

// ReadAIF reads an argument map in the JSON form of the Argument
// Interchange Format that AIFdb exports ({"nodes": [...], "edges": [...],
// "locutions": [...]}) and returns its claims and relations as a batch
// for [graph.Graph.Apply]; name is the file name used in errors.
//
// Each I-node (information: a proposition) becomes a claim with the ID
// "aif-" followed by its node ID. An RA-node (rule application:
// inference) with premises P1..Pn and conclusion C gives "Pi supports C"
// for each premise. A CA-node (conflict) from A to B gives "A contradicts
// B": AIF's conflict is directed, claimgraph's contradiction is
// symmetric. Other nodes (L, YA, TA, MA, PA) and schemes that apply to
// other schemes (undercutters) are left out, having no counterpart in a
// claim graph. A pair of claims related twice in the same way gives one
// relation.
//
// A document without "nodes" is an error. Errors are [*ParseError]
// values pointing at the node or edge at fault.
func ReadAIF(r io.Reader, name string) (graph.Batch, error) {
	in, err := newInput(r, name)
	if err != nil {
		return graph.Batch{}, err
	}
	nodes := make(map[aifID]aifNode)
	nodeAt := make(map[aifID]int64)
	var order []aifID // nil until "nodes" is read
	type edgeAt struct {
		aifEdge
		off int64
	}
	var edges []edgeAt
	perr := in.object("AIF document", func(key string) (bool, *ParseError) {
		switch key {
		case "nodes":
			order = []aifID{}
			return true, list(in, "nodes", func(n aifNode, off int64) *ParseError {
				if n.NodeID == "" {
					return in.errAt(off, fmt.Errorf("%w: node without a nodeID", ErrFormat))
				}
				if _, dup := nodes[n.NodeID]; dup {
					return in.errAt(off, fmt.Errorf("%w: node %q given twice", ErrFormat, n.NodeID))
				}
				nodes[n.NodeID], nodeAt[n.NodeID] = n, off
				order = append(order, n.NodeID)
				return nil
			})
		case "edges":
			return true, list(in, "edges", func(e aifEdge, off int64) *ParseError {
				edges = append(edges, edgeAt{e, off})
				return nil
			})
		}
		return false, nil
	})
	if perr == nil {
		perr = in.end()
	}
	if perr == nil && order == nil {
		perr = in.missing("nodes")
	}
	if perr != nil {
		return graph.Batch{}, perr
	}

	// Premises and conclusions of each scheme node.
	into := make(map[aifID][]aifID)
	outOf := make(map[aifID][]aifID)
	for _, e := range edges {
		for _, id := range []aifID{e.FromID, e.ToID} {
			if _, ok := nodes[id]; !ok {
				return graph.Batch{}, in.errAt(e.off, fmt.Errorf("%w: edge names node %q, which is not in \"nodes\"", ErrFormat, id))
			}
		}
		into[e.ToID] = append(into[e.ToID], e.FromID)
		outOf[e.FromID] = append(outOf[e.FromID], e.ToID)
	}
	claimID := func(id aifID) string { return ID("aif-", string(id)) }
	var b graph.Batch
	for _, id := range order {
		if n := nodes[id]; n.Type == "I" {
			c := claims.Claim{ID: claimID(id), Text: n.Text}
			b.Claims = append(b.Claims, c)
			in.at[c.ID] = nodeAt[id]
		}
	}
	for _, id := range order {
		kind := claims.Supports
		switch nodes[id].Type {
		case "RA":
		case "CA":
			kind = claims.Contradicts
		default:
			continue
		}
		for _, from := range into[id] {
			for _, to := range outOf[id] {
				if nodes[from].Type != "I" || nodes[to].Type != "I" {
					continue // an undercutter or a scheme chain
				}
				in.addRelation(&b, claims.Relation{From: claimID(from), To: claimID(to), Kind: kind}, nodeAt[id])
			}
		}
	}
	if err := in.check(b); err != nil {
		return graph.Batch{}, err
	}
	return b, nil
}
