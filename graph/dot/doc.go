// Package dot draws a claim graph in the DOT language of Graphviz, for
// pictures of an argument: which claims support which, and which cannot
// hold together.
//
// # Drawing
//
// [Write] draws a [graph.View]: the whole graph, or the sub-graph around
// a claim that [graph.View.Neighbourhood] returns. [Options] chooses what
// is drawn besides the claims and the relations between them: entities,
// sources, origins, a focus claim, claims without any relation, claim IDs
// and a legend.
//
// # Style
//
//   - claims are rounded boxes with their text wrapped at [DefaultWrap]
//     characters, filled with the [Colour] of their verdict when
//     [Options.Verdict] gives one, and white otherwise;
//   - a support is a solid green arrow from the supporting claim;
//   - a contradiction is a red dashed line with a bar at both ends, since
//     it is symmetric; one that time leaves not live as of
//     [Options.Date] (the claims never hold together, the relation lapsed
//     while they do, or they hold together only at other dates: no
//     verdict of that date weighs it) is grey and dotted, its tooltip
//     saying which (package graph/timeline);
//   - entities are purple ellipses, sources grey note shapes; the links to
//     them are grey and labelled ("about", "said by", "in", "via", and the
//     kind of a derivation between sources);
//   - with [Options.Origins], a bold orange arrow leads from each claim to
//     each of its independent origins, drawn as sources;
//   - with [Options.IDs], a claim's ID is the first line of its box;
//   - with [Options.Legend], a key beside the graph gives the colour of
//     each verdict label drawn, the date the verdicts refer to
//     ([Options.Date], or all time) and the meaning of each kind of edge.
//
// # Text
//
// Every label and ID is written by [Quote], which escapes quotes and
// backslashes, turns line breaks into DOT's \n escape and keeps
// non-ASCII text as UTF-8, so that any claim text gives valid DOT.
// Output is deterministic: items come in the order they were added to
// the graph, which makes golden tests and diffs of drawings meaningful.
package dot
