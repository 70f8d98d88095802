"""Parse a JSON-LD file with rdflib (offline: the context must be inline)
and print what the Go test checks: the number of triples, then one line
per (predicate, object) of interest, tab-separated, sorted."""
import sys

import rdflib

g = rdflib.Graph()
g.parse(sys.argv[1], format="json-ld")
S = rdflib.Namespace("https://schema.org/")
print("triples\t%d" % len(g))
lines = []
for review in g.subjects(rdflib.RDF.type, S.ClaimReview):
    lines.append("claimReviewed\t" + str(g.value(review, S.claimReviewed)))
    rating = g.value(review, S.reviewRating)
    for p in ("ratingValue", "bestRating", "worstRating", "alternateName"):
        lines.append(p + "\t" + str(g.value(rating, S[p])))
    item = g.value(review, S.itemReviewed)
    lines.append("item type\t" + str(g.value(item, rdflib.RDF.type)))
    lines.append("item author\t" + str(g.value(g.value(item, S.author), S.name)))
    lines.append("item date\t" + str(g.value(item, S.datePublished)))
    lines.append("first appearance\t" + str(g.value(g.value(item, S.firstAppearance), S.url)))
    for w in g.objects(item, S.appearance):
        lines.append("appearance\t" + str(g.value(w, S.url)))
for line in sorted(lines):
    print(line)
