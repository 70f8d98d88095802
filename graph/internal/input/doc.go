// Package input holds what the readers of the graph packages (graph,
// graph/af, graph/imports) share about raw input: reading all of it
// within a size limit, deciding from a file's size, before reading a
// byte, that it is too large; and dropping a byte-order mark. Values
// quoted in messages are cut short by claims.Quote.
package input
