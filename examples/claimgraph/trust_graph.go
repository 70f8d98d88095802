// The claim-graph mode of the trust command:
//
//	claimgraph trust FILE [--algorithm NAME] [--max-iterations N] [--tolerance X] [--top N] [--json]
//
// It maps the claim graph in FILE onto a truth-discovery data set with
// truth.FromGraph — sources assert the claims that appear in them, claims
// joined by contradictions are the competing values of one object (named
// after its first claim), supports are TruthFinder implications — and
// prints the same report, and with --json the same JSON object, as the
// triples mode (see trust.go): "sources" are source IDs, "objects" are named
// after their first claim and "value" is the ID of the chosen claim.
package main

import (
	"github.com/claimgraph/claimgraph/sources/truth"
)

func init() { trustClaimGraph = runTrustGraph }

func runTrustGraph(e *env, file string, alg truth.Algorithm, opts truth.Options, asJSON bool, top int) int {
	g, code := loadGraph(e, "trust", file)
	if code != 0 {
		return code
	}
	d, _ := truth.FromGraph(g.View)
	r, err := truth.Discover(d, alg, opts)
	if err != nil {
		return e.fail("trust", err)
	}
	return emitTrust(e, d, r, top, asJSON)
}
