package graph

import (
	"fmt"
	"os"
	"strings"
)

// Open reads the graph file at path, in the format its name ends with,
// with default limits: ".jsonl" for the JSON Lines bulk format
// ([ReadJSONL]), ".json" for JSON ([ReadJSON]) and anything else for
// YAML ([ReadYAML]). Errors are those of the reader, an [ErrorList] of
// every problem with its file, line and column.
func Open(path string) (*Graph, error) { return ReadOptions{}.Open(path) }

// Open reads the graph file at path like [Open], within the limits of o
// and reporting to o.Progress.
func (o ReadOptions) Open(path string) (*Graph, error) {
	read := o.ReadYAML
	switch formatOf(path) {
	case jsonlFormat:
		read = o.ReadJSONL
	case jsonFormat:
		read = o.ReadJSON
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	defer f.Close()
	return read(f, path)
}

// fileFormat is a format a file name names.
type fileFormat int

const (
	yamlFormat  fileFormat = iota // anything else
	jsonFormat                    // ".json"
	jsonlFormat                   // ".jsonl"
)

// formatOf returns the format path names by its ending: the one rule
// [Open] reads and [Graph.Save] writes by.
func formatOf(path string) fileFormat {
	switch {
	case strings.HasSuffix(path, ".jsonl"):
		return jsonlFormat
	case strings.HasSuffix(path, ".json"):
		return jsonFormat
	}
	return yamlFormat
}
