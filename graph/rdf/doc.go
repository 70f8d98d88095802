// Package rdf writes a claim graph as RDF, in N-Quads and Turtle, for
// triple stores and linked-data tools, and reads it back.
//
// # Vocabularies
//
// Items are described with schema.org ([Schema]) and W3C PROV-O ([PROV]),
// plus a small vocabulary of our own, [CG] (https://claimgraph.github.io/ns#),
// for what neither has: support and contradiction between claims,
// appearances, validity periods, derivation kinds, day bounds of dates.
// [Vocabulary] defines every cg: term in RDFS and OWL (the file
// vocab.ttl beside this package, served by "claimgraph serve" at
// /vocab.ttl).
//
// # Mapping
//
// Every entity, source and claim gets the IRI [Options.Base] + ID
// (default [DefaultBase], so urn:claimgraph:kim-jong-un) and a
// schema:identifier with its ID, and a cg:mergedId string for each ID
// merged into it (its merged list), so that references to those IDs
// still read as the item once the graph is read back. [Options.Check] refuses a base or graph
// name that is not an absolute IRI ("kp", "_:g", one with a space), since
// the output would not parse.
//
//   - An entity is a schema:Person, schema:Organization, schema:Country,
//     schema:Place, schema:Event, schema:CreativeWork (a document) or
//     schema:Thing, with schema:name, schema:alternateName per alias and
//     schema:sameAs its Wikidata IRI.
//   - A source is a prov:Entity and a schema:NewsArticle (news articles
//     and wires), schema:VideoObject, schema:SocialMediaPosting,
//     schema:Report or schema:CreativeWork (an informant's account is a
//     creative work too), with cg:sourceKind giving the exact kind,
//     schema:name (the title), schema:publisher, schema:url,
//     schema:datePublished and schema:author a node with the author's
//     schema:name (a link, as on claims; the data do not say whether the
//     author is a person or an organisation, so the node has no class).
//     A derivation is prov:wasDerivedFrom, and also prov:wasQuotedFrom for
//     quotes, cg:cites, cg:republishes or cg:translates for the others.
//   - A claim is a schema:Claim with schema:text, schema:inLanguage the
//     language of its text (a BCP 47 tag) when given, schema:about its
//     entities, schema:appearance each distinct source it appears in and
//     schema:author each distinct speaker. Each appearance is also a blank
//     node (cg:hasAppearance), a cg:Appearance and prov:Entity with
//     schema:isPartOf its source, prov:wasAttributedTo its speaker,
//     schema:datePublished, cg:quote, schema:inLanguage the language of
//     the quote when it differs, cg:aboutPast true when it speaks of a
//     time before its own date, and prov:wasDerivedFrom the source it
//     came via. A structured statement is cg:subject, cg:predicate and
//     cg:object; a subject or object that names an entity of the graph is
//     the entity's IRI, anything else a string.
//   - A relation is the direct statement FROM cg:supports TO, or for a
//     contradiction both FROM cg:contradicts TO and TO cg:contradicts FROM
//     (the property is declared symmetric, but SPARQL stores do not
//     reason by default, so a query from either end must find it),
//     and, for its provenance, a blank node per relation — a cg:Support or
//     cg:Contradiction with cg:from, cg:to, prov:wasDerivedFrom its
//     sources, cg:confidence (xsd:decimal) and cg:assertedBy (free text,
//     so not prov:wasAttributedTo, whose object must be an agent). A node
//     per relation is simpler to query than RDF reification and carries
//     the same information. The matching decisions are cg:sameAs and
//     cg:distinctFrom, symmetric and so written both ways like
//     cg:contradicts, with a cg:SameAs or cg:Distinction node; they are
//     not owl:sameAs, which would merge the two claims' every statement.
//   - Validity is cg:validFrom, cg:validUntil (exclusive), cg:validAt,
//     cg:stillHolds and, for an event, cg:occurred; notes are
//     rdfs:comment.
//
// Dates are literals of the XSD type of their precision: xsd:gYear,
// xsd:gYearMonth or xsd:date. A date filter in SPARQL compares only
// values of one type, so every publication date (of a source or an
// appearance) also has its first and last day as cg:earliest and
// cg:latest, xsd:date at every precision: FILTER(?latest >=
// "2025-09-01"^^xsd:date) finds the items of September 2025 whether
// dated to the day, the month or the year. prov:generatedAtTime is not written: its
// range is xsd:dateTime, and a date with a time of day would state more
// than the data knows. Inference records (the sentence a value was
// inferred from) and a desk's reviews (claims.Review) are not exported;
// the YAML and JSON formats keep them, and package graph/claimreview
// writes published reviews as ClaimReview.
//
// # Writing
//
// [Triples] returns the statements in a fixed order; [WriteNQuads] and
// [WriteTurtle] write the same statements, escaped as the N-Triples
// grammar requires, so the output of a graph never changes between runs.
//
// # Reading
//
// [Read] and [ReadBatch] read back what the writers write, loss-free for
// everything the mapping holds, and refuse statements the mapping does
// not make, with the file, line and column ([ParseError]). A direct
// relation statement (A cg:contradicts B) that no relation node repeats,
// as a SPARQL update may add, is read as a relation, not dropped. Source
// URLs are IRIs written as they are: the graph accepts no URL with a
// character an IRI may not hold (sources.EscapeURL encodes one). [Parse] is
// the underlying reader of statements: N-Quads, and the subset of Turtle
// that the writer and vocab.ttl use (prefixes, prefixed names, "a",
// blank node labels, double-quoted literals with a datatype, ";" and
// ","). [Limits] bounds the size of the input (checked from a file's size
// before a byte is read), of terms and of what prefixed names expand to,
// and the number of statements.
//
// # SPARQL
//
// The directory sparql/ beside this package has one query per question
// that the graph package answers (contradictions, support chains,
// sources, claims about an entity, by a speaker, origins...), each tested
// against Oxigraph and Virtuoso for the same answers as the Go helper;
// see its README.
package rdf
