package rdf

import _ "embed"

// Vocabulary is the definition of the [CG] vocabulary in Turtle: RDFS
// and OWL classes and properties with domains, ranges, labels and
// comments, cg:contradicts an owl:SymmetricProperty. It defines every cg:
// term that [Triples] writes. The explorer serves it at /vocab.ttl.
//
//go:embed vocab.ttl
var Vocabulary string
