// Runs SPARQL queries with Oxigraph (npm package oxigraph) for the Go
// tests of package sparql: node oxigraph.js DATA.nq < queries.json, where
// queries.json is [{"query": "..."}], prints {"loadMs": N, "results":
// [{"ids": [...], "ms": N}]} with the values of ?id of each query.
const fs = require('fs');
const oxigraph = require('oxigraph');

const store = new oxigraph.Store();
let t = process.hrtime.bigint();
store.load(fs.readFileSync(process.argv[2]), { format: 'application/n-quads' });
const loadMs = Number(process.hrtime.bigint() - t) / 1e6;
const queries = JSON.parse(fs.readFileSync(0, 'utf8'));
const results = [];
for (const q of queries) {
  t = process.hrtime.bigint();
  const ids = [];
  for (const binding of store.query(q.query)) {
    ids.push(binding.get('id').value);
  }
  results.push({ ids, ms: Number(process.hrtime.bigint() - t) / 1e6 });
}
process.stdout.write(JSON.stringify({ loadMs, size: store.size, results }));
