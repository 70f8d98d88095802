// Command synth writes a generated claim graph (package graph/synth) for
// load tests and benchmarks of programs that use claimgraph:
//
//	go run ./examples/synth -claims 1000000 -o big.jsonl
//	go run ./examples/claimgraph report big.jsonl
//
// The format follows the output's extension: .jsonl for the JSON Lines
// bulk format (the one to use above 100k claims), .json for JSON, else
// YAML; without -o it writes YAML to standard output. The same flags
// always give the same graph. The output file is written safely
// (graph.SaveWith): an interrupt, a kill or a full disk leaves the old
// file as it was, and an interrupt or SIGTERM leaves no temporary file.
package main
