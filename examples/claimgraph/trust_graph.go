// The claim-graph mode of the trust command:
//
//	claimgraph trust FILE [--algorithm NAME] [--max-iterations N] [--tolerance X] [--top N] [--json]
//
// It maps the claim graph in FILE onto a truth-discovery data set with
// truth.FromGraph — a question (object) is a set of claims that contradict
// each other pairwise, named after its claims joined by " | "; a claim's
// votes are its independent origins, not every source it appears in;
// supports are TruthFinder implications — and prints the same report, and
// with --json the same JSON object, as the triples mode (see trust.go):
// "sources" are source IDs, "value" is the ID of the chosen claim. A
// source that asserts no contested claim has no trust estimate and is left
// out of "sources" (counts.sources still counts it).
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
	return emitTrust(e, d, r, r.Known, top, asJSON)
}
