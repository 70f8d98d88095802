// Package graph holds claims, the entities they are about and the
// sources that carry them as one graph, links claims by support and
// contradiction, and answers the questions a fact-checker asks of it.
//
// # Building a graph
//
// Create a graph with [New] and add items with [Graph.AddEntity],
// [Graph.AddSource], [Graph.AddClaim] and [Graph.AddRelation], or many at
// once with [Graph.Apply] and a [Batch], which applies all of its items
// or none. Or read one from YAML with [Load] or [ReadYAML]. Every change
// is validated: unknown or duplicate IDs, a claim that both supports and
// contradicts another, a relation of a claim to itself. A change that
// fails leaves the graph exactly as it was.
//
// Besides supports and contradicts, a relation may record a person's
// claim-matching decision (see package graph/match): same_as or
// distinct_from. Such decisions are stored, read and written like the
// others, but bear on no verdict: the support and contradiction queries
// and [View.Links] leave them out.
//
// # Removing, replacing and merging
//
// A [Batch] also changes what the graph holds, all or nothing like any
// batch: Remove names entities, sources and claims to remove, and
// RemoveRelations relations; removing an item that something the batch
// keeps still names is an error ([ErrReferenced]) naming every such
// reference. An item listed in Remove and given again among the batch's
// items is replaced in place: same ID, same place in the order of items.
// A [Merge] folds one claim, entity or source into another of its kind;
// the merged ID stays an alias, written to files in the item's merged
// field, so that every per-ID query and [View.Resolve] finds the item it
// was merged into. Merged lists are checked like IDs (valid, never an
// item's ID of any kind, one item each), and a reference naming a merged
// ID, in a file or a change, reads as the item it names ([ErrMerged]
// when a change removes or merges it again). [Graph.ApplyYAML] applies a batch file, with remove,
// remove_relations and merge sections, reporting problems at their
// place in the file. A change costs O(its size and the degrees of the
// vertices it touches and of their neighbours): removed items stay as
// tombstones, so nothing is renumbered or rebuilt.
//
// # Queries
//
// A [View] answers queries; every [Graph] embeds the view of all of it,
// and [Graph.At] gives the view as of a date, holding only the claims and
// relations valid then. The query helpers are:
//
//   - look-ups: [View.Claim], [View.Entity], [View.Source], [View.KindOf];
//   - iteration in a stable order (the order of addition):
//     [View.Claims], [View.Entities], [View.Sources], [View.Relations],
//     and [View.Links], the relations by the positions of their claims,
//     for whole-graph algorithms;
//   - support: [View.Supporters], [View.Supported], the transitive
//     [View.SupportTree] (every supporter with the next claim of its
//     shortest chain, linear in its size) or [View.SupportChains] (each
//     chain written out, up to the square of that), and the claims with
//     the most transitive supporters, [View.MostSupported];
//     [View.SupportTreeExcept] and [View.MostSupportedExcept] leave out
//     the claims that lend nothing (such as a verdict's silent ones);
//     their maxDepth counts links, 0 for no limit;
//   - contradiction: [View.Contradictions] of a claim, and every pair
//     with [View.ContradictionPairs]; whether time resolves one,
//     [View.Resolved] (and [Link.Resolved] on a link);
//   - where and by whom: [View.SourcesOf], [View.Speakers],
//     [View.ClaimsIn], [View.ClaimsAbout], [View.ClaimsBy], and
//     [View.DerivedBy] between sources;
//   - explanation: [View.ShortestPath] between two claims, and the
//     sub-graph around a claim with [View.Neighbourhood], whose depth 0
//     is the claim alone (every depth-taking query refuses a depth below
//     0 with [ErrNegativeDepth]);
//   - size: [View.Counts];
//   - one state of the graph for a whole-graph analysis: [View.Snapshot].
//
// # Cost
//
// The graph keeps its data once, in dense tables with an adjacency list
// per vertex in each direction, so a query about one item costs
// O(degree) of that item and never walks or copies the whole graph.
// Transitive queries cost the size of the part they reach, and what they
// return is never bigger: chains come as trees ([ChainTree]) whose nodes
// name the next claim, because n claims supporting each other in a line
// have chains of n²/2 links in all.
//
// # The dependency github.com/dominikbraun/graph
//
// [Graph.Underlying] exposes the same storage, read-only and as of one
// snapshot (its algorithms read it in several calls), as a graph of
// github.com/dominikbraun/graph (v0.23.0), so that that library's
// algorithms run on the claim graph: shortest paths, strongly connected
// components, topological sorts (see the example of [Graph.Underlying]).
// This module does not call them on its own hot paths. In v0.23.0
// AdjacencyMap and PredecessorMap copy the whole graph into maps of maps
// on every call, and Size, BFS, DFS, ShortestPath,
// StronglyConnectedComponents and the topological sorts start with one of
// them, so each call costs O(vertices + edges) in time and allocations
// however little of the graph it needs; StronglyConnectedComponents also
// recurses once per vertex of a chain. Instead [View.ShortestPath] is a
// breadth-first search over the claims' own adjacency, and packages
// provenance and af find strongly connected components with an iterative
// Tarjan over compressed sparse rows; a test of package provenance checks
// its cycles against the dependency's StronglyConnectedComponents.
//
// # Concurrency and consistency
//
// A Graph is safe for concurrent use by any number of readers and
// writers. Each change holds the write lock for its whole duration, so a
// reader never sees half of a change. A query about one item holds the
// read lock for the query. Iterators on a live view take the read lock
// item by item (or a few hundred items at a time), never while their
// loop bodies run, so these may call any method of the graph, changes
// included, and a change applied meanwhile shows in the rest of the
// loop.
//
// A whole-graph analysis must see one state of the graph: its claims,
// relations and sources, read in several passes, must agree. It runs on
// [View.Snapshot], a view that later changes do not affect, which every
// analysis of this module (provenance, verdicts, truth discovery, the
// timeline's stale and conflict lists, DOT, RDF and ClaimReview export,
// the explore page, claim matching)
// takes on entry; a change applied while one runs is wholly in its
// result or not at all. A snapshot shares all of the graph's storage and
// costs O(1); the first change after it copies the per-vertex adjacency
// list headers, which a change rewrites in place: O(vertices) time and
// 48 bytes per vertex (about 55 MB at a million claims), once per
// snapshot that a change follows, kept until the snapshot is dropped.
// The first removal, replacement or merge after it copies the item
// tables and the ID index as well, O(items), so that the snapshot still
// finds every item it holds by its ID and by the IDs merged into it then.
// Writers never wait for an analysis, and a snapshot iterates without
// locking. Nor do they wait for a slow writer of a file or a network
// connection: [Graph.WriteYAML] and [Graph.WriteJSON] build the document
// under the read lock and write it without, and [Graph.WriteJSONL]
// writes a snapshot, so that the io.Writer may itself query or change
// the graph.
// Holding the read lock for the whole analysis instead would cost no
// memory, but a writer would wait for the analysis to end (verdicts on a
// million claims take seconds), and, since a waiting writer blocks new
// readers, so would every other query.
//
// Values returned by queries are the caller's: the slices and pointers
// of returned claims, entities, sources, relations and paths are copies,
// so appending to c.About or writing into c.Appearances[0] cannot change
// the graph. A list of items shares one array per field among its
// items, each item's piece clipped to its length; iterators copy a few
// hundred items at a time the same way. The copies cost the bytes the
// items' slices hold (about 400 per claim of three appearances), in a
// few allocations per query or per few hundred items iterated.
//
// # The YAML format
//
// [Load] and [ReadYAML] read, and [Graph.Save] and [Graph.WriteYAML]
// write, a human-writable, git-friendly YAML format described in the
// project's README. Reading is strict: unknown fields, duplicate keys,
// bad dates and bad references are errors. Writing is deterministic.
// [Graph.Save] replaces the file atomically.
//
// Every key of the YAML, JSON and JSON Lines formats is described once,
// in one table per kind of item that all the readers and writers share;
// [FormatFields] returns the description, the README's list of fields
// is generated from it, and an unknown key is reported with the keys
// its item allows.
//
// [ReadOptions] bounds what a read accepts, so that hostile input fails
// fast with [ErrLimit] at the position where the limit was crossed: the
// size of the input (default 16 MiB, 32 MiB for JSON: [ErrTooLarge]),
// the nesting of collections (default 100), the nodes that aliases add
// (default 1 million), the nodes visited with aliases expanded (default
// 50 million) and the items, one per 16 bytes. The defaults keep a
// read's peak memory under 4 GiB whatever the input. JSON Lines, the
// format of large graphs, is bounded by its items ([ReadOptions.MaxItems],
// [ErrTooManyItems]) and its size (512 MiB): at most 10.1 GiB measured
// at the defaults. Depth and
// alias expansion are checked in one pass over the parsed document
// before anything is expanded, so an alias bomb such as "billion laughs"
// costs no more than its text. Duplicate keys and a second document in
// the stream are [ErrSyntax] errors.
//
// # The JSON format
//
// [Graph.WriteJSON] and [ReadJSON] use the same shape as the YAML format,
// field for field, so the two round-trip into each other without loss;
// JSON errors carry positions like YAML ones.
//
// # The JSON Lines bulk format
//
// For graphs of hundreds of thousands of claims and more, [Graph.WriteJSONL]
// and [ReadJSONL] use one JSON object per line: a header
// {"claimgraph":1}, then {"entity":{…}}, {"source":{…}}, {"claim":{…}} or
// {"relation":{…}} with the fields of the JSON format. It reads several
// times faster than YAML and keeps no per-field positions for valid
// items; a problem is still reported at its line and column.
//
// # Opening a file
//
// [Open] reads a file in the format its name ends with: ".jsonl" for JSON
// Lines, ".json" for JSON, anything else for YAML. [ReadOptions.Open]
// does the same within the limits of its options.
//
// # Progress
//
// Long work reports how far it has got to an optional callback that takes
// a [Progress]: a stage, the units done and their total. A read reports
// the bytes read through [ReadOptions].Progress ([StageRead], with the
// file's size as total) and then the start of decoding ([StageDecode]);
// the whole-graph analyses of other packages (verdict.Options,
// provenance.Index, truth.Options) report their stages in claims or
// iterations with the same type, and [Ticker] is the helper they share to
// report a loop a bounded number of times. Within a stage Done never
// decreases, and a finished stage ends with Done == Total. A nil callback
// costs a comparison per read or per item (BenchmarkReadProgress).
//
// # Errors
//
// Problems with input are reported as an [ErrorList] of every problem
// found, each an [*Error] with its [claims.Position] (the file, the
// 1-based line and column), the offending ID and field. Use [errors.As] to get them and [errors.Is] with
// the sentinels ([ErrNotFound], [ErrDuplicateID], [ErrUnknownReference],
// [ErrConflictingRelation], ...) or those of package claims to branch on
// the kind of problem. Messages start with "graph: " once: the sentinels
// carry no package name. What a read accepts but a reader should hear of
// (a review's URL that is not a web address) goes to [ReadOptions].Warn,
// as an [*Error] located the same way.
package graph
