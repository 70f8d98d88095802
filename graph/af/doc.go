// Package af is claimgraph's abstract argumentation engine: Dung-style
// frameworks of arguments and attacks, their grounded, complete, preferred
// and stable extensions, the ICCMA acceptance problems, the DF-QuAD gradual
// semantics for bipolar frameworks, and the ASPARTIX, TGF and ICCMA 2023
// file formats.
//
// # Frameworks
//
// A [Framework] holds arguments numbered 0..n-1 and the attacks between
// them. [New] makes n unnamed arguments (known by their 1-based numbers, as
// in ICCMA files); [Framework.AddArgument] adds a named one;
// [Framework.Attack] records an attack. Attacks are stored as a flat list
// until the first query, which builds compact adjacency arrays in linear
// time, so that building a framework of a million arguments and millions of
// attacks costs a few bytes per attack:
//
//	f := af.New(3)
//	_ = f.Attack(0, 1) // errors only for indices out of range
//	_ = f.Attack(1, 2)
//	lab := af.Grounded(f)
//	fmt.Println(lab.In()) // [0 2]
//
// [Framework.Attackers] and [Framework.Targets] iterate over the
// neighbours of an argument in O(degree).
//
// # Semantics
//
// [Grounded] returns the grounded [Labelling] in O(arguments + attacks): an
// argument is [In] when all its attackers are [Out], [Out] when one of its
// attackers is [In], and [Undec] otherwise. Its [Labelling.In] is the
// grounded extension, the sceptical core every other semantics here
// contains.
//
// [Extensions] enumerates the extensions under a [Semantics] ([CO], [GR],
// [PR], [ST]); [SomeExtension], [Credulous] and [Sceptical] answer the ICCMA
// problems SE, DC and DS; [Extensions] answers EE. [ParseProblem] reads an
// ICCMA problem name such as "DC-CO" into a [Problem], a [Task] and a
// [Semantics], and [Problems] lists them all. Grounded questions are answered in linear time at
// any size. The others are NP- or coNP-hard in general; they are solved by
// exact search over the arguments the grounded labelling leaves [Undec]
// (every complete extension is the grounded extension plus a complete
// extension of that undecided rest). Past [MaxExact] undecided arguments
// they return [ErrTooLarge] rather than run for hours.
//
// # Gradual semantics
//
// A [Bipolar] framework gives each argument a base score in [0, 1] and has
// both attacks and supports. [DFQuAD] computes DF-QuAD strengths: exactly,
// in topological order, when the graph is acyclic, and otherwise one
// strongly connected component at a time, by bounds that hold every fixed
// point (a mixed-monotone iteration, with interval Newton steps on small
// components) and the centre of the bounds as the strength; the
// [Strengths] result gives the bounds and the proven error.
//
// # Formats
//
// [Read], [ReadFile], [ReadAPX], [ReadTGF] and [ReadI23] read the formats
// [APX], [TGF] and [I23]; [Write] and its per-format forms write them.
// [FormatOf] picks a format from a file extension. Malformed input gives a
// [*ParseError] with a 1-based line and column that wraps [ErrSyntax],
// [ErrUnknownArgument] or [ErrDuplicateArgument]; no input makes a reader
// panic. [ReadExtensions] reads the "[[a1,a7],[]]" notation of ICCMA
// reference solutions.
//
// # Concurrency
//
// Queries on a [Framework] (including [Grounded] and the other semantics)
// may run concurrently; adding arguments or attacks may not run
// concurrently with anything else. A [Bipolar] is read-only during
// [DFQuAD].
package af
