// Command beam runs claimgraph's whole-data analyses as Apache Beam
// pipelines: truth discovery (which sources to trust, which values are
// true; package sources/truth) and the independent origins of every claim
// (package graph/provenance), over input sharded across files, on Beam's
// local Prism runner or on a cluster.
//
// Usage:
//
//	go run . --input 'shards/*.jsonl' --algorithm sums --output out.jsonl
//	go run . --input 'book/*.tsv' --columns 0,1,3 --tokens --algorithm investment --output out.jsonl
//	go run . --input 'shards/*.jsonl' --algorithm none --origins --output origins.jsonl
//
// Flags:
//
//	--input GLOB         the input shards, read in sorted order (required)
//	--format F           jsonl (the library's JSON Lines bulk format, each
//	                     shard starting with its header line) or triples
//	                     (source, object, value per line, as "claimgraph
//	                     trust --triples"); default: jsonl for *.jsonl
//	--algorithm NAMES    voting, sums, averagelog, investment,
//	                     pooledinvestment, truthfinder, accu, depen,
//	                     several joined by commas (one pipeline, the
//	                     input read once), or none (default sums)
//	--origins            also compute the independent origins of every
//	                     claim (jsonl only)
//	--output FILE        where to write the results as JSON Lines (required)
//	--columns S,O,V      triples: 0-based columns (default 0,1,2)
//	--delimiter C        triples: field delimiter (default tab, "," for *.csv)
//	--header             triples: skip each shard's first line
//	--tokens             triples: values are author lists compared as token
//	                     sets (truth.TokenSet), as for the Book data set
//	--max-iterations N   cap on iterations (default: the algorithm's, as in
//	                     the library: 20, 10 for pooledinvestment, 100 for
//	                     truthfinder)
//	--tolerance X        convergence tolerance (default 0.001)
//	--max-rounds N       jsonl: cap on the rounds that find the
//	                     components of contradictions and supports
//	                     (default 30)
//	--silent FILE        jsonl: the claims that lend nothing, read from the
//	                     JSON of "claimgraph verdicts --json" (its list
//	                     "silent"), so that votes are weighed as
//	                     claimgraph trust weighs them
//	                     (truth.FromGraphSilent); default none, as
//	                     truth.FromGraph
//	--block N            iterations per pipeline (default 5): the driver
//	                     runs each algorithm as pipelines of N iterations,
//	                     the state kept in files between them
//	--work DIR           where that state is kept, in a new directory
//	                     of its own (default: the system's temporary
//	                     directory; a local one is removed after; on a
//	                     cluster, a path its workers share, e.g.
//	                     gs://bucket/tmp)
//	--runner R           Beam's: prism (default, in this process), or
//	                     flink, spark, dataflow with their endpoint flags
//
// The output format is described in output.go. A claim graph maps onto
// truth discovery as truth.FromGraph maps it: every claim lends its
// votes. claimgraph trust weighs the verdicts' evidence with
// truth.FromGraphSilent, the claims the verdicts silenced (rejected)
// lending none; the verdicts (grounded semantics over the whole graph)
// are not computed by the pipeline, but given their silent claims
// (--silent) it weighs as FromGraphSilent does. The results equal those
// of the in-memory library (beam_test.go checks it).
package main
