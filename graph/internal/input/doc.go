// Package input holds what the readers of the graph packages (graph,
// graph/af, graph/imports) share about raw input: reading all of it
// within a size limit, deciding from a file's size, before reading a
// byte, that it is too large; dropping a byte-order mark; and cutting
// long values short before they are quoted in a message.
package input
