// Package dot draws claim graphs in the DOT language of Graphviz.
//
// # Drawing
//
// [Write] draws the claims of a [graph.View] as rounded boxes with
// wrapped labels, supports as green arrows and contradictions as red
// dashed lines, and, when [Options] asks for them, entities and sources
// as shapes of their own. Claims with a verdict ([Options.Verdict]) are
// filled with the colour of its label ([Colour]). To draw the
// neighbourhood of one claim, pass the graph that
// [graph.View.Neighbourhood] returns.
//
// # Why not the dependency's draw package
//
// github.com/dominikbraun/graph/draw writes "strict" graphs, in map order
// (so the output changes from run to run), and does not escape quotes
// embedded in labels. This package writes its own DOT: deterministic, in
// the order items were added, with every string passed through [Quote].
//
// # Rendering
//
// The output is plain DOT text; render it with the dot program, e.g.
// "dot -Tsvg graph.dot -o graph.svg", or with the draw command of
// examples/claimgraph, which calls dot when it is installed.
package dot
