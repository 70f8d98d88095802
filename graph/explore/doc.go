// Package explore makes the claimgraph explorer: one self-contained HTML
// page that shows a claim graph in the browser, to be clicked through
// rather than read.
//
// # The page
//
// [Write] (or [Build] then [Model.WriteHTML]) writes one HTML document
// holding its style, its script and the graph as JSON. It loads nothing
// else, so it works offline from a file:// address; the script is this
// package's own (page.js), with no library. The page shows
//
//   - the claim graph, supports as green arrows and contradictions as red
//     dashed lines, claims filled with the colour of their verdict, with
//     pan, zoom and a legend; sources and entities on demand;
//   - search by ID and text, and filters by entity, speaker, source and
//     verdict;
//   - a side panel for the selected claim: its text, every appearance
//     (source, speaker, date, quote), its independent origins with the
//     chain of derivation from each appearance (each link written once,
//     so the page grows with the sources), its contradictions and
//     supports, and its verdict with the rating and reasons, each
//     naming the other claim's own independent origins (not the
//     sources it appears in, relays included) and, for a derived attack,
//     the support step and contradiction it stands on, and the review
//     the desk published of the claim (Claim.Review), beside the
//     computed verdict, which is a suggestion;
//   - a date control: the view as of any day (claims not holding greyed
//     out, verdict colours as of that day), stepping through the dates at
//     which something changes, or all time.
//
// # Big graphs
//
// The page lays out only what it draws: the whole graph when it has at
// most 250 claims in relations, otherwise nothing until a claim is chosen
// (by search or a link), then that claim's neighbourhood up to a depth,
// at most 160 claims, which a double-click expands. The force layout is
// quadratic in the claims drawn, never in the graph. Search is a scan of
// one lower-cased string per claim, built on the first search; the
// indexes of claims by source and entity are built on first use. So the
// cost of opening the page is parsing the JSON, linear in the graph.
//
// # Verdicts and dates
//
// The dates at which something changes are the first days on which a
// claim or relation starts or stops holding. Between two of them every
// day has the same dated view, so [Build] computes the verdicts
// (verdict.Compute) once per interval and once for the undated graph, and
// stores each interval's verdicts as the difference from the one before.
// [Options.MaxDates] bounds the number of intervals computed.
//
// # The model
//
// [Model] is the JSON the page reads, its fields documented with the
// types. Items refer to each other by their index in their list (claims,
// sources, entities), names that repeat are codes into a table, and what
// the page can derive (plain origins, the origins of a reason's claim) is
// left out, so that a generated graph of 100,000 claims makes a page of
// 26 MB, which headless Chromium opens in 0.7 s on a 2-core machine
// (BenchmarkExplorerBrowser of examples/claimgraph). Relations, verdicts
// and reasons are JSON arrays, not objects, for there are hundreds of
// thousands of them.
package explore
