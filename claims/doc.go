// Package claims is the vocabulary of claimgraph: claims, the entities
// they are about, their appearances in sources, the relations between
// claims, and the dates and periods during which claims hold. It holds no
// graph code; package [github.com/claimgraph/claimgraph/graph] puts these
// values into a graph and answers questions about them.
//
// # Claims and appearances
//
// A [Claim] is one proposition ("Kim Jong Un's staff wiped down the chair
// he used"). An [Appearance] is one utterance of it: in a source, by a
// speaker, on a date, with the verbatim quote when there is one. Ten
// articles repeating one proposition are one Claim with ten appearances.
// An [Entity] is who or what claims are about or who utters them.
//
// # Relations
//
// A [Relation] joins two claims: [Supports] is directed (From lends
// strength to To), [Contradicts] is symmetric (the two cannot both hold).
// Every relation carries its own provenance: the sources that state it,
// a note, a confidence and who asserted it.
//
// # Time
//
// A [Date] may be partial — a year, a month or a day — and stands for the
// interval of days it covers, so that comparisons are honest: the year
// 2024 neither precedes nor follows 19 June 2024. A [Validity] says when
// the state of affairs a claim describes holds: from a date, until a date
// (exclusive), explicitly still holding, or at a point in time.
// [HoldTogether] says whether two claims, and the relation between them,
// hold on one same day of a date: a contradiction between claims whose
// validities never overlap is resolved by time, not open.
//
// # Inferences
//
// Data must state only what its material states. A value that had to be
// inferred ("last year" in an article of 2025) is marked with an
// [Inference] giving the field and the sentence it comes from.
//
// # Validation
//
// [Entity.Check], [Claim.Check] and [Relation.Check] validate an item on
// its own and return every problem as a [FieldError] naming the item, the
// field and one of the sentinel errors ([ErrInvalidID], [ErrMissingField],
// [ErrInvalidDate], ...), matched with [errors.Is]. References between
// items are checked by the graph that holds them.
//
// # Positions
//
// A [Position] is a place in an input file. Every reader of this module
// (graph's YAML, JSON and JSON Lines, af's framework files, imports, the
// truth-discovery triples) embeds one in its error type and prints it with
// [Position.Prefix], so that all their messages read "pkg: FILE:LINE:COL:
// problem" ("pkg: LINE:COL: problem" when the file has no name). It lives
// here, in the package every reader already imports or can import without
// a cycle, because this package imports nothing but the standard library.
package claims
