// Package imports reads argument maps and fact checks made by other tools
// into claims and relations for a claim graph.
//
// # Readers
//
//   - [ReadArgdown] reads the JSON export of Argdown ("argdown json"):
//     statements, arguments (premise-conclusion structures, or a gist
//     that becomes a claim of its own), their support, attack and
//     contradictory relations, and tags (entities the claims are about).
//   - [ReadAIF] reads the JSON of the Argument Interchange Format as
//     AIFdb exports it, or as OVA saves it under "AIF": I-nodes, RA-nodes
//     (inference, a support) and CA-nodes (conflict, a contradiction).
//   - [ReadFactCheck] reads a response of the Google Fact Check Tools
//     API's claims:search method: claims, their claimants and reviews,
//     and the reviews' ratings as [Rating] values.
//
// [ReadArgdown] and [ReadAIF] return a [Result]: a [graph.Batch] for
// [graph.Graph.Apply], and a [Warning] with its position for every
// element of the input left out because a claim graph has no counterpart
// for it (an undercut, a dialogue node, an unknown key). [ReadFactCheck]
// returns the batch and the ratings. Every batch is already checked:
// applying it to an empty graph succeeds. IDs are made from the input's
// names or numbers with [ID] and a prefix per format ("ad-", "aif-",
// "fc-"), so that imports from different tools do not collide.
//
// # Errors
//
// Bad input is reported as a [*ParseError] with the 1-based line and
// column of the item at fault (a node, an edge, a statement, a relation,
// a claim) and is never a panic. [ErrSyntax] is malformed JSON,
// [ErrFormat] JSON that is not the format read (among it a key that an
// object gives twice, reported at the second with the position of the
// first, as the graph's own JSON reader refuses it, where encoding/json
// would keep the last value silently), [ErrTooLarge] input over
// [MaxBytes]; an AIF node or edge ID given twice wraps
// [graph.ErrDuplicateID] too. Problems found by checking the batch as a
// graph wrap the [graph.Error], so graph's and claims' sentinels match with [errors.Is].
// Where a reader goes on past a problem (the problems of the batch as a
// graph, every date of a Fact Check response that does not parse), it
// reports them all: an [ErrorList] of [*ParseError] values when there
// are several, which [errors.As] and [errors.Is] see through.
package imports
