package graph

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"os/signal"
	"path/filepath"
	"strings"
	"sync"
)

// Save writes the graph to the file at path, safely, as [SaveWith] does,
// in the format its name ends with, as [Open] reads it: ".jsonl" for JSON
// Lines, ".json" for JSON, ".nq" and ".ttl" not at all ([ErrFileFormat]:
// RDF, which package graph/rdf writes; the file is left as it is) and
// anything else for YAML. So a file opened and saved under the same name
// keeps its format, and YAML never lands in a file named for another.
func (g *Graph) Save(path string) error {
	if formatOf(path) == rdfFormat {
		return g.Encode(io.Discard, path)
	}
	return SaveWith(path, func(w io.Writer) error { return g.Encode(w, path) })
}

// Encode writes the graph to w in the format the file name path ends
// with, as [Graph.Save] writes it to that file (with the same
// [ErrFileFormat] for RDF, writing nothing).
func (g *Graph) Encode(w io.Writer, path string) error {
	switch formatOf(path) {
	case jsonlFormat:
		return g.WriteJSONL(w)
	case jsonFormat:
		return g.WriteJSON(w)
	case rdfFormat:
		return rdfFile(path, "write it with package graph/rdf (rdf.WriteNQuads, rdf.WriteTurtle)")
	}
	return g.WriteYAML(w)
}

// SaveWith writes to the file at path whatever write writes (YAML, JSON,
// DOT, RDF, HTML...), safely: write fills a temporary file in the
// target's directory, which is synced to disk and renamed over the
// target. If any step fails, or the process is stopped by a signal whose
// handler calls [AbortSaves], the file at path is left exactly as it was
// and the temporary file is removed. What write is given is buffered.
//
// The rules, the same for every output:
//
//   - A new file gets mode 0644, whatever the umask; an existing file
//     keeps its mode.
//   - A symbolic link is followed, through any number of links: the file
//     it points to is replaced (even when it does not exist yet) and the
//     link stays a link.
//   - An existing file that its permission bits make read-only (no write
//     bit at all, as chmod a-w leaves it) is refused with [ErrNotWritable],
//     for every user, root included; so is one the user may not write
//     by the system's access rules. Replacing a file by renaming needs no
//     write permission on it, so without this rule a save would silently
//     overwrite a file its owner protected.
//   - An existing file that is not a regular one (a device such as
//     /dev/stdout, a named pipe) cannot be replaced: it is written
//     directly, without the guarantees above.
//   - Errors name path, never the temporary file.
func SaveWith(path string, write func(io.Writer) error) error {
	return SaveFile(path, func(f *os.File) error {
		w := bufio.NewWriterSize(f, 64<<10)
		if err := write(w); err != nil {
			return err
		}
		return w.Flush()
	})
}

// SaveFile is [SaveWith] for writers that need the temporary file itself:
// fill is given it open for writing, and may also have another program
// write to it by its name (f.Name()), as Graphviz does with "dot -o".
// Whatever is in the file when fill returns is what path then holds;
// fill must not close f.
func SaveFile(path string, fill func(f *os.File) error) (err error) {
	if fi, err := os.Stat(path); err == nil && !fi.Mode().IsRegular() && !fi.IsDir() {
		return writeDevice(path, fill)
	}
	target, err := followLinks(path)
	if err != nil {
		return fmt.Errorf("graph: saving %s: %w", path, err)
	}
	mode := os.FileMode(0o644)
	switch fi, statErr := os.Stat(target); {
	case statErr == nil && fi.IsDir():
		return fmt.Errorf("graph: saving %s: is a directory", path)
	case statErr == nil:
		mode = fi.Mode().Perm()
		if mode&0o222 == 0 || !writable(target) {
			return fmt.Errorf("graph: saving %s: %w", path, ErrNotWritable)
		}
	case !errors.Is(statErr, fs.ErrNotExist):
		return fmt.Errorf("graph: saving %s: %w", path, statErr)
	}
	tmp, err := inflight.create(target)
	if err != nil {
		var pe *fs.PathError
		if errors.As(err, &pe) {
			// The temporary file's name means nothing to the user, and
			// renamed cannot replace a pattern's "*": the target's
			// directory is what failed.
			err = fmt.Errorf("%s: %w", filepath.Dir(target), pe.Err)
		}
		return fmt.Errorf("graph: saving %s: %w", path, err)
	}
	name := tmp.Name()
	defer func() {
		if err != nil {
			tmp.Close()
			inflight.remove(name)
			err = renamed{fmt.Errorf("graph: saving %s: %w", path, err), name, path}
		}
	}()
	if err = fill(tmp); err != nil {
		return err
	}
	if err = tmp.Chmod(mode); err != nil {
		return err
	}
	if err = tmp.Sync(); err != nil {
		return err
	}
	if err = tmp.Close(); err != nil {
		return err
	}
	if err = inflight.commit(name, target); err != nil {
		return err
	}
	syncDir(filepath.Dir(target))
	return nil
}

// AbortSaves removes the temporary files of the saves in progress and
// makes every later save fail, so that a program stopped by a signal
// leaves no partial file behind. The package installs no signal handler
// unless asked ([HandleSignals]): a program calls AbortSaves from its own,
// then exits:
//
//	c := make(chan os.Signal, 1)
//	signal.Notify(c, os.Interrupt, syscall.SIGTERM)
//	go func() { <-c; graph.AbortSaves(); os.Exit(1) }()
//
// The saves in progress then fail; their targets are left as they were.
func AbortSaves() { inflight.abort() }

// writeDevice fills path, an existing file that is not a regular one (a
// device such as /dev/stdout or /dev/null, a named pipe), directly: it
// cannot be replaced by renaming.
func writeDevice(path string, fill func(f *os.File) error) error {
	f, err := os.OpenFile(path, os.O_WRONLY, 0)
	if err != nil {
		return fmt.Errorf("graph: saving %s: %w", path, err)
	}
	if err := fill(f); err != nil {
		f.Close()
		return fmt.Errorf("graph: saving %s: %w", path, err)
	}
	if err := f.Close(); err != nil {
		return fmt.Errorf("graph: saving %s: %w", path, err)
	}
	return nil
}

// HandleSignals installs, when called (the package installs nothing by
// itself), a handler that on the first of sigs, by default an interrupt
// and SIGTERM, calls [AbortSaves] and exits with the shell's status for the
// signal, 128 plus its number. It is for programs that want nothing else
// done on those signals.
func HandleSignals(sigs ...os.Signal) {
	if len(sigs) == 0 {
		sigs = defaultSignals
	}
	c := make(chan os.Signal, 1)
	signal.Notify(c, sigs...)
	go func() {
		sig := <-c
		AbortSaves()
		os.Exit(exitCode(sig))
	}()
}

// errAborted reports a save attempted after [AbortSaves].
var errAborted = errors.New("saves aborted")

// inflight is the set of temporary files of the saves in progress.
var inflight temps

// temps tracks temporary files, so that AbortSaves can remove them.
// Creating, renaming and removing happen under its lock, so that a file is
// never created untracked nor renamed after an abort.
type temps struct {
	mu      sync.Mutex
	names   map[string]bool
	aborted bool
}

// create makes a temporary file beside target and tracks it.
func (t *temps) create(target string) (*os.File, error) {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.aborted {
		return nil, errAborted
	}
	dir, base := filepath.Split(target)
	if dir == "" {
		dir = "."
	}
	f, err := os.CreateTemp(dir, "."+base+".tmp-*")
	if err != nil {
		return nil, err
	}
	if t.names == nil {
		t.names = make(map[string]bool)
	}
	t.names[f.Name()] = true
	return f, nil
}

// commit renames the temporary file name over target.
func (t *temps) commit(name, target string) error {
	t.mu.Lock()
	defer t.mu.Unlock()
	if t.aborted {
		return errAborted
	}
	delete(t.names, name)
	if err := os.Rename(name, target); err != nil {
		os.Remove(name)
		return err
	}
	return nil
}

// remove removes the temporary file name.
func (t *temps) remove(name string) {
	t.mu.Lock()
	defer t.mu.Unlock()
	delete(t.names, name)
	os.Remove(name)
}

// abort removes every tracked file and refuses what follows.
func (t *temps) abort() {
	t.mu.Lock()
	defer t.mu.Unlock()
	t.aborted = true
	for name := range t.names {
		os.Remove(name)
	}
	clear(t.names)
}

// maxLinks is how many symbolic links followLinks follows before giving up,
// as Linux does.
const maxLinks = 40

// followLinks follows path through symbolic links to the file they name,
// which need not exist.
func followLinks(path string) (string, error) {
	for range maxLinks {
		fi, err := os.Lstat(path)
		if err != nil || fi.Mode()&fs.ModeSymlink == 0 {
			return path, nil // a missing file is created; a real one replaced
		}
		link, err := os.Readlink(path)
		if err != nil {
			return "", err
		}
		if !filepath.IsAbs(link) {
			link = filepath.Join(filepath.Dir(path), link)
		}
		path = link
	}
	return "", errors.New("too many levels of symbolic links")
}

// syncDir syncs directory dir so that a rename in it survives a crash;
// file systems that cannot sync a directory are left to their own
// guarantees.
func syncDir(dir string) {
	if d, err := os.Open(dir); err == nil {
		d.Sync()
		d.Close()
	}
}

// renamed is a save error whose message names the user's path instead of
// the temporary file; it unwraps to the original error.
type renamed struct {
	err       error
	tmp, path string
}

func (r renamed) Error() string { return strings.ReplaceAll(r.err.Error(), r.tmp, r.path) }
func (r renamed) Unwrap() error { return r.err }
