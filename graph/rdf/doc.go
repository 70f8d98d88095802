// Package rdf writes a claim graph as RDF, in N-Quads and Turtle, for
// triple stores and linked-data tools.
//
// # Vocabularies
//
// Items are described with schema.org ([Schema]) and W3C PROV-O ([PROV]),
// plus a small vocabulary of our own, [CG] (https://claimgraph.github.io/ns#),
// for what neither has: support and contradiction between claims,
// appearances, validity periods, derivation kinds.
//
// # Mapping
//
// Every entity, source and claim gets the IRI [Options.Base] + ID
// (default [DefaultBase], so urn:claimgraph:kim-jong-un) and a
// schema:identifier with its ID.
//
//   - An entity is a schema:Person, schema:Organization, schema:Country,
//     schema:Place, schema:Event, schema:CreativeWork (a document) or
//     schema:Thing, with schema:name, schema:alternateName per alias and
//     schema:sameAs its Wikidata IRI.
//   - A source is a prov:Entity and a schema:NewsArticle (news articles
//     and wires), schema:VideoObject, schema:SocialMediaPosting,
//     schema:Report, schema:Person (an informant) or schema:CreativeWork,
//     with cg:sourceKind giving the exact kind, schema:name (the title),
//     schema:publisher, schema:author, schema:url and schema:datePublished.
//     A derivation is prov:wasDerivedFrom, and also prov:wasQuotedFrom for
//     quotes, cg:cites, cg:republishes or cg:translates for the others.
//   - A claim is a schema:Claim with schema:text, schema:about its
//     entities, schema:appearance each distinct source it appears in and
//     schema:author each distinct speaker. Each appearance is also a blank
//     node (cg:hasAppearance), a cg:Appearance and prov:Entity with
//     schema:isPartOf its source, prov:wasAttributedTo its speaker,
//     schema:datePublished, cg:quote and prov:wasDerivedFrom the source it
//     came via. A structured statement is cg:subject, cg:predicate and
//     cg:object.
//   - A relation is the direct statement FROM cg:supports TO or FROM
//     cg:contradicts TO (cg:contradicts is symmetric and written once),
//     and, for its provenance, a blank node per relation — a cg:Support or
//     cg:Contradiction with cg:from, cg:to, prov:wasDerivedFrom its
//     sources, cg:confidence (xsd:decimal) and cg:assertedBy (free text,
//     so not prov:wasAttributedTo, whose object must be an agent). A node
//     per relation is simpler to query than RDF reification and carries
//     the same information. The matching decisions are FROM cg:sameAs TO
//     and FROM cg:distinctFrom TO, with a cg:SameAs or cg:Distinction
//     node; they are not owl:sameAs, which would merge the two claims'
//     every statement.
//   - Validity is cg:validFrom, cg:validUntil (exclusive), cg:validAt,
//     cg:stillHolds and, for an event, cg:occurred; notes are
//     rdfs:comment.
//
// Dates are literals of the XSD type of their precision: xsd:gYear,
// xsd:gYearMonth or xsd:date. prov:generatedAtTime is not written: its
// range is xsd:dateTime, and a date with a time of day would state more
// than the data knows. Inference records (the sentence a value was
// inferred from) are not exported; the YAML and JSON formats keep them.
//
// # Writing
//
// [Triples] returns the statements in a fixed order; [WriteNQuads] and
// [WriteTurtle] write the same statements, escaped as the N-Triples
// grammar requires, so the output of a graph never changes between runs.
package rdf
