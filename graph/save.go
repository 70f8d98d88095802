package graph

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
)

// Save writes the graph in the YAML format to the file at path, safely:
// it writes a temporary file in the same directory, syncs it to disk and
// renames it over path. If any step fails, the file at path is left
// exactly as it was and the temporary file is removed. A new file gets
// mode 0644; an existing file keeps its mode.
func (g *Graph) Save(path string) error {
	return SaveWith(path, g.WriteYAML)
}

// SaveWith saves to path safely, as [Graph.Save] does, whatever write
// writes: for other formats (JSON, DOT, RDF) that deserve the same care.
func SaveWith(path string, write func(io.Writer) error) (err error) {
	mode := os.FileMode(0o644)
	if fi, statErr := os.Stat(path); statErr == nil {
		mode = fi.Mode().Perm()
	}
	dir, base := filepath.Split(path)
	if dir == "" {
		dir = "."
	}
	tmp, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return fmt.Errorf("graph: saving %s: %w", path, err)
	}
	defer func() {
		if err != nil {
			tmp.Close()
			os.Remove(tmp.Name())
		}
	}()
	if err = write(tmp); err != nil {
		return fmt.Errorf("graph: saving %s: %w", path, err)
	}
	if err = tmp.Chmod(mode); err != nil {
		return fmt.Errorf("graph: saving %s: %w", path, err)
	}
	if err = tmp.Sync(); err != nil {
		return fmt.Errorf("graph: saving %s: %w", path, err)
	}
	if err = tmp.Close(); err != nil {
		return fmt.Errorf("graph: saving %s: %w", path, err)
	}
	if err = os.Rename(tmp.Name(), path); err != nil {
		return fmt.Errorf("graph: saving %s: %w", path, err)
	}
	return nil
}
