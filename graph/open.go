package graph

import (
	"fmt"
	"io"
	"os"
	"strings"
)

// Open reads the graph file at path, in the format its name ends with,
// with default limits: ".jsonl" for the JSON Lines bulk format
// ([ReadJSONL]), ".json" for JSON ([ReadJSON]), ".nq" and ".ttl" not at
// all ([ErrFileFormat]: RDF, which package graph/rdf reads) and anything
// else for YAML ([ReadYAML]). Errors are those of the reader, an
// [ErrorList] of every problem with its file, line and column.
func Open(path string) (*Graph, error) { return ReadOptions{}.Open(path) }

// Open reads the graph file at path like [Open], within the limits of o
// and reporting to o.Progress.
func (o ReadOptions) Open(path string) (*Graph, error) {
	read, err := o.reader(path)
	if err != nil {
		return nil, err
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	defer f.Close()
	return read(f, path)
}

// Read reads a graph from r in the format name ends with, as [Open]
// reads a file of that name, within the limits of o: name is the file
// errors name. It serves a caller that opens the file itself, to look at
// what it opened before reading it (a server that must not wait on a
// FIFO put in the file's place, say).
func (o ReadOptions) Read(r io.Reader, name string) (*Graph, error) {
	read, err := o.reader(name)
	if err != nil {
		return nil, err
	}
	return read(r, name)
}

// reader returns the reader of o of the format name ends with.
func (o ReadOptions) reader(name string) (func(io.Reader, string) (*Graph, error), error) {
	switch formatOf(name) {
	case jsonlFormat:
		return o.ReadJSONL, nil
	case jsonFormat:
		return o.ReadJSON, nil
	case rdfFormat:
		return nil, rdfFile(name, "read it with package graph/rdf (rdf.Read)")
	}
	return o.ReadYAML, nil
}

// fileFormat is a format a file name names.
type fileFormat int

const (
	yamlFormat  fileFormat = iota // anything else
	jsonFormat                    // ".json"
	jsonlFormat                   // ".jsonl"
	rdfFormat                     // ".nq", ".ttl": neither read nor written here
)

// formatOf returns the format path names by its ending: the one rule
// [Open] reads and [Graph.Save] writes by.
func formatOf(path string) fileFormat {
	switch {
	case strings.HasSuffix(path, ".jsonl"):
		return jsonlFormat
	case strings.HasSuffix(path, ".json"):
		return jsonFormat
	case strings.HasSuffix(path, ".nq"), strings.HasSuffix(path, ".ttl"):
		return rdfFormat
	}
	return yamlFormat
}

// rdfFile is the error for the RDF file at path, which this package
// neither reads nor writes; what says what to do instead.
func rdfFile(path, what string) error {
	return fmt.Errorf("graph: %s: %w: an RDF file, not YAML, JSON or JSON Lines: %s", path, ErrFileFormat, what)
}
