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
	switch {
	case strings.HasSuffix(path, ".jsonl"):
		read = o.ReadJSONL
	case strings.HasSuffix(path, ".json"):
		read = o.ReadJSON
	}
	f, err := os.Open(path)
	if err != nil {
		return nil, fmt.Errorf("graph: %w", err)
	}
	defer f.Close()
	return read(f, path)
}
