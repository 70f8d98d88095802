// The html and serve commands: the explorer of package graph/explore, as
// one self-contained page or served live.
//
//	claimgraph html FILE [-o OUT.html] [--title TEXT] [--max-dates N] [--trust TRUST] [--json]
//	claimgraph serve FILE [--addr 127.0.0.1:8080] [--public] [--title TEXT] [--max-dates N] [--trust TRUST]
//
// html writes one HTML file that needs no network (it works from file://):
// the claim graph with search, filters, a side panel per claim and a date
// control; see package graph/explore. Without -o it writes the page to
// standard output; with -o it writes OUT through a temporary file in the
// same directory renamed into place, so a failure leaves no partial page.
// A FILE that fails check gives the same problems as check, on standard
// error, and no page. --max-dates bounds the dated verdict states computed
// (default 64; -1 for all, each a run of the verdicts: html says on
// standard error how many when they are more than 64); --trust TRUST
// weighs the verdicts of every state by the trust of the sources
// (explore.Options.Verdict; trustfile.go), and serve checks its IDs
// against FILE as it starts. With --json it prints, after writing -o
// (required then):
//
//	{"output": "explorer.html", "claims": 67, "dates": 14, "states": 16, "bytes": 412345}
//
// where "dates" counts the dates at which something changes and "states"
// the verdict states in the page (all time, then one per interval).
//
// serve serves the same page at http://ADDR/, its version at /version
// and the cg: vocabulary of the RDF export at /vocab.ttl. The page asks for the version every second and reloads when
// it changed; the server looks at FILE's modification time and size on
// each request and rebuilds the page when they change, so that a desk
// editing the YAML in one window watches the graph in another. While the
// file has problems the page lists them, as check does; so it does when
// FILE is not a regular file (a FIFO put in its place), which it does not
// open, as opening a FIFO waits for a writer. When FILE is gone (removed,
// or renamed away), the page keeps the graph last read and lists above
// it, as a problem, that FILE is gone and since when; once FILE is back
// it is read again and the notice goes. While the page is rebuilt,
// other requests get the last one. It is read-only
// (GET and HEAD only), listens on 127.0.0.1:8080 by default, refuses an
// address that is not loopback unless --public is given, and shuts down
// cleanly on interrupt. Without --public it also answers only requests
// whose Host header is localhost, 127.0.0.1 (or another loopback IP) or
// [::1] with its port, and 421 Misdirected Request to any other: a site
// whose name is rebound to 127.0.0.1 (DNS rebinding) cannot read the graph
// from a reader's browser. With --public the page lists the problems of a
// FILE that fails to load by file, line, column and kind only ("syntax
// error", "unknown field", "invalid ID", ...), never their messages,
// which quote the input (a key, an ID, an offending byte, the start of a
// file that is no graph): FILE may be switched by a symlink (ln -sf) to
// any file the server can read, whose text is no business of whoever
// reaches the server; "claimgraph check FILE" prints the problems whole.
// On loopback the page lists them as check prints them.
package main

import (
	"bytes"
	"cmp"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"net"
	"net/http"
	"os"
	"os/signal"
	"path/filepath"
	"strconv"
	"strings"
	"sync"
	"syscall"
	"time"

	"github.com/claimgraph/claimgraph/claims"
	"github.com/claimgraph/claimgraph/graph"
	"github.com/claimgraph/claimgraph/graph/explore"
	"github.com/claimgraph/claimgraph/graph/rdf"
	"github.com/claimgraph/claimgraph/sources"
)

// htmlReport is the --json output of html.
type htmlReport struct {
	Output string `json:"output"`
	Claims int    `json:"claims"`
	Dates  int    `json:"dates"`
	States int    `json:"states"`
	Bytes  int64  `json:"bytes"`
}

// loadChecked loads the graph at path for cmd, printing the problems of a
// file that fails to load the way check prints them, to standard error.
func loadChecked(e *env, cmd, path string) (*graph.Graph, int) {
	g, err := e.open(path)
	if err != nil {
		printProblems(e.stderr, problems(path, err))
		fmt.Fprintf(e.stderr, "claimgraph %s: %s has problems; nothing written\n", cmd, path)
		return nil, 1
	}
	return g, 0
}

func runHTML(e *env, args []string) int {
	fs, asJSON := newFlags("html", e)
	out := fs.String("o", "", "write the page to `FILE` (default standard output)")
	opts := explorerFlags(fs, e)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return 2
	}
	if len(pos) != 1 {
		return e.usageError("html", "want 1 argument, FILE; got %d", len(pos))
	}
	if *asJSON && *out == "" {
		return e.usageError("html", "--json needs -o: the page cannot share standard output")
	}
	if msg := outProblem("html", pos[0], *out, "html writes HTML", ".html", ".htm"); msg != "" {
		return e.usageError("html", "%s", msg)
	}
	g, code := loadChecked(e, "html", pos[0])
	if g == nil {
		return code
	}
	if code := e.useTrust("html", g.View); code != 0 {
		return code
	}
	opts.File, opts.Verdict = pos[0], e.verdictOptions()
	m, err := explore.Build(g, *opts)
	if err != nil {
		return e.fail("html", err)
	}
	rep := htmlReport{Output: *out, Claims: len(m.Claims), Dates: len(m.Dates), States: len(m.States)}
	if opts.MaxDates < 0 && len(m.States) > explore.DefaultMaxDates+1 {
		// All dates, as asked: say what it cost, one run of the verdicts a date.
		fmt.Fprintf(e.stderr, "claimgraph html: --max-dates -1: verdicts computed for all %s, more than the default %d\n",
			plural(len(m.States)-1, "dated state"), explore.DefaultMaxDates)
	}
	write := func(w io.Writer) error {
		cw := &countingWriter{w: w}
		err := m.WriteHTML(cw)
		rep.Bytes = cw.n
		return err
	}
	if *out == "" {
		err = write(e.stdout)
	} else {
		err = graph.SaveWith(*out, write)
	}
	if err != nil {
		return e.fail("html", err)
	}
	if *asJSON {
		if err := writeJSON(e.stdout, rep); err != nil {
			return e.fail("html", err)
		}
	}
	return 0
}

// explorerFlags adds the flags html and serve share to fs, filling in the
// options they return once fs is parsed, and --trust, which e keeps.
func explorerFlags(fs *flag.FlagSet, e *env) *explore.Options {
	var o explore.Options
	addTrust(fs, e)
	fs.StringVar(&o.Title, "title", "", "title of the page (default the FILE's name)")
	fs.Func("max-dates", "dated verdict states to compute, the latest first (0: 64, -1: all)", func(s string) error {
		n, err := strconv.Atoi(s)
		if err != nil || n < -1 {
			return errors.New("want a whole number of dates, 0 for 64 or -1 for all")
		}
		o.MaxDates = n
		return nil
	})
	return &o
}

// errNotLoopback reports a serve address that is not a loopback address.
var errNotLoopback = errors.New("not a loopback address: anyone who can reach this machine could read the graph; give --public to allow it")

// loopback reports whether addr (host:port) listens on loopback only.
func loopback(addr string) (bool, error) {
	host, _, err := net.SplitHostPort(addr)
	if err != nil {
		return false, err
	}
	if host == "localhost" {
		return true, nil
	}
	ip := net.ParseIP(host)
	return ip != nil && ip.IsLoopback(), nil
}

// localHost reports whether host, the Host header of a request, names
// this machine by a loopback name on port: localhost, 127.0.0.1 (or
// another loopback IP) or [::1], with port, or without one when port is
// 80. A name that only resolves to loopback, as one rebound by DNS
// does, is not such a name.
func localHost(host, port string) bool {
	name, p, err := net.SplitHostPort(host)
	if err != nil { // no port: the default one
		name, p = strings.TrimSuffix(strings.TrimPrefix(host, "["), "]"), "80"
	}
	if p != port {
		return false
	}
	if strings.EqualFold(name, "localhost") {
		return true
	}
	ip := net.ParseIP(name)
	return ip != nil && ip.IsLoopback()
}

// serveConfig is what serve serves.
type serveConfig struct {
	file, addr string
	public     bool
	opts       explore.Options
	maxBytes   int64         // --max-bytes, 0 for the reader's default
	maxItems   int           // --max-items, 0 for the reader's default
	grace      time.Duration // for requests under way at an interrupt, 0 for 5 s
}

func runServe(e *env, args []string) int {
	cfg, code := serveArgs(e, args)
	if code != 0 {
		return code
	}
	// serve writes no file and stops gracefully on its own: main's handler,
	// which exits at once (graph.HandleSignals), gives way to it.
	signal.Reset(os.Interrupt, syscall.SIGTERM)
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	return serveFile(ctx, e, cfg, nil)
}

// serveArgs returns what the command line args of serve ask to serve,
// and a nonzero exit status when it must stop.
func serveArgs(e *env, args []string) (serveConfig, int) {
	fs, _ := newFlags("serve", e)
	addr := fs.String("addr", "127.0.0.1:8080", "listen on `HOST:PORT`")
	public := fs.Bool("public", false, "allow an address that is not loopback; FILE's problems are then served without their messages, which quote FILE")
	opts := explorerFlags(fs, e)
	pos, err := parseArgs(fs, args)
	if err != nil {
		return serveConfig{}, 2
	}
	if len(pos) != 1 {
		return serveConfig{}, e.usageError("serve", "want 1 argument, FILE; got %d", len(pos))
	}
	if e.trust.values != nil {
		// The IDs of --trust are checked against FILE as it is now; a
		// source removed later goes unweighed.
		g, code := loadChecked(e, "serve", pos[0])
		if g == nil {
			return serveConfig{}, code
		}
		if code := e.useTrust("serve", g.View); code != 0 {
			return serveConfig{}, code
		}
	}
	opts.Verdict = e.verdictOptions()
	return serveConfig{file: pos[0], addr: *addr, public: *public, opts: *opts, maxBytes: int64(e.maxBytes), maxItems: int(e.maxItems)}, 0
}

// serveFile runs the server of cfg until ctx is done. ready, when not nil,
// is called with the page's URL once the server listens.
func serveFile(ctx context.Context, e *env, cfg serveConfig, ready func(url string)) int {
	ok, err := loopback(cfg.addr)
	if err != nil {
		return e.usageError("serve", "--addr %s: %v", cfg.addr, err)
	}
	if !ok && !cfg.public {
		return e.usageError("serve", "--addr %s: %v", cfg.addr, errNotLoopback)
	}
	// A server runs until interrupted: what it says goes out at once,
	// not when the command ends and run flushes its buffers.
	e.stdout, e.stderr = flushing{e.stdout}, flushing{e.stderr}
	s := &server{cfg: cfg, log: e.stderr}
	s.cfg.opts.File, s.cfg.opts.Live = cfg.file, true
	if _, err := s.refresh(); err != nil {
		return e.fail("serve", err)
	}
	if s.problems != nil {
		printProblems(e.stderr, s.problems)
		fmt.Fprintf(e.stderr, "claimgraph serve: %s has problems; not serving\n", cfg.file)
		return 1
	}
	ln, err := net.Listen("tcp", cfg.addr)
	if err != nil {
		return e.fail("serve", err)
	}
	url := "http://" + ln.Addr().String() + "/"
	if !cfg.public {
		_, s.port, _ = net.SplitHostPort(ln.Addr().String())
	}
	fmt.Fprintf(e.stdout, "serving %s at %s (interrupt to stop)\n", cfg.file, url)
	// An idle connection is closed after a while; a write has no
	// deadline, as a big page may take long to a slow client.
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 2 * time.Minute}
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ln) }()
	if ready != nil {
		ready(url)
	}
	select {
	case err := <-done:
		return e.fail("serve", err)
	case <-ctx.Done():
	}
	grace := cfg.grace
	if grace == 0 {
		grace = 5 * time.Second
	}
	shut, cancel := context.WithTimeout(context.Background(), grace)
	defer cancel()
	if srv.Shutdown(shut) != nil {
		// A client that neither ends its request nor reads the answer
		// would hold the server for ever: close what is still open.
		fmt.Fprintf(e.stderr, "claimgraph serve: closing connections still open after %v\n", grace)
		srv.Close()
	}
	<-done
	fmt.Fprintln(e.stdout, "stopped")
	return 0
}

// server serves the explorer page of one file and rebuilds it when the
// file changes.
type server struct {
	cfg serveConfig
	log io.Writer
	// port, when set, is the port the server listens on and requests
	// must name with a loopback host in their Host header (see
	// localHost); --public leaves it empty and every Host is served.
	port string

	// now is the clock of the notice of a file gone; nil for time.Now.
	now func() time.Time
	// beforeOpen, when set, is called after the file is looked up and
	// before it is opened: tests put another file in its place there.
	beforeOpen func()

	// build is held while the page is rebuilt, and while model is read
	// or set; mu while the fields below it are: a slow read of the file
	// never holds mu, so requests meanwhile are served the last page.
	build    sync.Mutex
	model    *explore.Model // of the graph last read, kept while the file is gone
	mu       sync.Mutex
	stamp    string // modification time and size of the file the page was built from; gonePrefix and when while it is gone
	page     []byte
	problems []jsonProblem // of the file as last read; nil when it loaded
}

// gonePrefix begins the version of a page built while the file is gone,
// which no stamp of a file begins with.
const gonePrefix = "gone-"

// refresh rebuilds the page when the file's modification time or size
// changed since the last build, and returns the version of the page.
// While another request rebuilds it, it returns the last page's version
// rather than wait. A file that is not a regular file (a FIFO, a device,
// a directory, put in its place) is a problem, shown on the page, and is
// not opened: opening a FIFO would wait for a writer. A file gone (or
// that cannot be looked up) after the first page keeps the graph last
// read, with the problem that it is gone and since when, until it is
// back.
func (s *server) refresh() (string, error) {
	s.mu.Lock()
	last, built := s.stamp, s.page != nil
	s.mu.Unlock()
	fi, statErr := os.Stat(s.cfg.file)
	var stamp string
	var since time.Time
	switch {
	case statErr != nil && !built:
		return "", statErr
	case statErr != nil && strings.HasPrefix(last, gonePrefix):
		return last, nil // still gone: the notice says since when
	case statErr != nil:
		since = time.Now()
		if s.now != nil {
			since = s.now()
		}
		stamp = gonePrefix + strconv.FormatInt(since.UnixNano(), 10)
	default:
		stamp = fmt.Sprintf("%d-%d-%d", fi.ModTime().UnixNano(), fi.Size(), fi.Mode().Type())
	}
	if stamp == last {
		return last, nil
	}
	if !s.build.TryLock() {
		if built {
			return last, nil
		}
		s.build.Lock() // the first page: wait for it
	}
	defer s.build.Unlock()
	page, probs, err := s.makePage(stamp, fi, statErr, since)
	if err != nil {
		return "", err
	}
	switch {
	case statErr != nil:
		fmt.Fprintf(s.log, "claimgraph serve: %s\n", problemLine(probs[0]))
	case built:
		fmt.Fprintf(s.log, "claimgraph serve: %s changed, reloaded (%s)\n", s.cfg.file, plural(len(probs), "problem"))
	}
	s.mu.Lock()
	s.stamp, s.page, s.problems = stamp, page, probs
	s.mu.Unlock()
	return stamp, nil
}

// makePage builds the page of version stamp, with build held, and
// returns it with the problems it lists: of the file of info fi, or of
// the file gone since then, when statErr (of os.Stat) is not nil. A page
// of a file gone keeps the graph last read; with none, it is an error
// page.
func (s *server) makePage(stamp string, fi os.FileInfo, statErr error, since time.Time) ([]byte, []jsonProblem, error) {
	var buf bytes.Buffer
	var probs []jsonProblem
	var err error
	switch {
	case statErr != nil:
		probs = []jsonProblem{goneProblem(s.cfg.file, since, statErr)}
		if s.model == nil { // never loaded: no graph to keep
			err = s.errorPage(&buf, stamp, linesOf(probs))
			break
		}
		probs[0].Message += "; the graph shown is the one last read from it"
		m := *s.model
		m.Version, m.Problems = stamp, linesOf(probs)
		err = m.WriteHTML(&buf)
	default:
		var g *graph.Graph
		var f *os.File
		if f, err = s.openRegular(fi); err == nil {
			g, err = graph.ReadOptions{MaxBytes: s.cfg.maxBytes, MaxItems: s.cfg.maxItems}.Read(f, s.cfg.file)
			f.Close()
		}
		if err != nil {
			probs = problems(s.cfg.file, err)
			lines := linesOf(probs)
			if s.cfg.public {
				lines = publicLines(s.cfg.file, err)
			}
			err = s.errorPage(&buf, stamp, lines)
			break
		}
		opts := s.cfg.opts
		opts.Version = stamp
		var m *explore.Model
		if m, err = explore.Build(g, opts); err == nil {
			s.model = m
			err = m.WriteHTML(&buf)
		}
	}
	return buf.Bytes(), probs, err
}

// errorPage writes the page of version stamp that lists lines, the
// problems of the file, instead of a graph.
func (s *server) errorPage(w io.Writer, stamp string, lines []string) error {
	title := s.cfg.opts.Title
	if title == "" {
		title = filepath.Base(s.cfg.file)
	}
	return explore.ErrorPage(w, title, lines, true, stamp)
}

// linesOf returns ps as check prints them, one a line.
func linesOf(ps []jsonProblem) []string {
	lines := make([]string, len(ps))
	for i, p := range ps {
		lines[i] = problemLine(p)
	}
	return lines
}

// openRegular opens the file to read it, when fi, of os.Stat, and the
// file opened are regular files, and otherwise returns errNotRegular: a
// file that was not regular when looked up is not opened (a device may
// act on being opened). It does not wait to open (O_NONBLOCK where the
// system has it): a FIFO put in the file's place after it was looked up
// would wait for a writer, holding build, and no page would be built
// again.
func (s *server) openRegular(fi os.FileInfo) (*os.File, error) {
	if !fi.Mode().IsRegular() {
		return nil, s.notRegular(fi)
	}
	if s.beforeOpen != nil {
		s.beforeOpen()
	}
	f, err := os.OpenFile(s.cfg.file, os.O_RDONLY|openNonblock, 0)
	if err != nil {
		return nil, err
	}
	if fi, err = f.Stat(); err != nil || !fi.Mode().IsRegular() {
		f.Close()
		if err == nil {
			err = s.notRegular(fi)
		}
		return nil, err
	}
	return f, nil
}

// notRegular is the problem of the file, of info fi, not a regular file.
func (s *server) notRegular(fi os.FileInfo) error {
	return fmt.Errorf("%s is %w (%s): serve reads a file that it can read whole", s.cfg.file, errNotRegular, fileType(fi.Mode()))
}

// errNotRegular is the problem of a FILE that is not a regular file.
var errNotRegular = errors.New("not a regular file")

// problemKinds are the errors, matched with errors.Is, whose own words
// name a problem's kind on a page served beyond loopback: the sentinels
// of the readers, the more specific first, and of the file system.
var problemKinds = []error{
	graph.ErrTooManyItems, graph.ErrTooLarge, graph.ErrLimit,
	graph.ErrSyntax, graph.ErrUnknownField, graph.ErrVersion, graph.ErrFileFormat,
	graph.ErrDuplicateID, graph.ErrUnknownReference, graph.ErrWrongKind,
	graph.ErrDuplicateRelation, graph.ErrDuplicateAppearance, graph.ErrConflictingRelation,
	claims.ErrInvalidID, claims.ErrMissingField, claims.ErrInvalidDate, claims.ErrInvalidValidity,
	claims.ErrInvalidKind, claims.ErrInvalidConfidence, claims.ErrInvalidWikidata,
	claims.ErrInvalidLang, claims.ErrSelfRelation, claims.ErrInvalidDigest, sources.ErrInvalidURL,
	errNotRegular, fs.ErrNotExist, fs.ErrPermission,
}

// unknownKind is the kind of a problem that matches none of problemKinds.
const unknownKind = "cannot be read as a claim graph"

// problemKind names the kind of the problem err in words of its own:
// those of the first of problemKinds it matches, else the system's for
// an error number, else unknownKind. Nothing of the input is in them.
func problemKind(err error) string {
	for _, k := range problemKinds {
		if errors.Is(err, k) {
			return k.Error()
		}
	}
	if t, ok := errnoText(err); ok {
		return t
	}
	return unknownKind
}

// publicLines returns the problems of err, the error of reading file, as
// a page served beyond loopback (--public) lists them: each with its
// file, line and column and its kind (problemKind), then where to see
// them whole. The readers' messages quote the input (a key, an ID, a
// value, an offending byte, the start of a file that is no graph), and
// FILE may point to any file the server can read (ln -sf), so no message
// of theirs is served there.
func publicLines(file string, err error) []string {
	list := errorList(err)
	if len(list) == 0 {
		list = graph.ErrorList{{Err: err}}
	}
	lines := make([]string, 0, len(list)+1)
	for _, e := range list {
		lines = append(lines, problemLine(jsonProblem{File: cmp.Or(e.File, file), Line: e.Line, Column: e.Column, Message: problemKind(e.Err)}))
	}
	return append(lines, "(served with --public: the details, which may quote the file, are left out; claimgraph check "+file+" prints them)")
}

// goneProblem is the problem of file, which could not be looked up
// (err, of os.Stat) since then: gone, removed or renamed, or out of
// reach. It quotes nothing of the file, only its name.
func goneProblem(file string, since time.Time, err error) jsonProblem {
	why := "removed or renamed"
	var pe *fs.PathError
	if !errors.Is(err, fs.ErrNotExist) {
		why = err.Error()
		if errors.As(err, &pe) {
			why = pe.Err.Error()
		}
	}
	return jsonProblem{File: file, Message: fmt.Sprintf("gone since %s (%s)", since.Format("2006-01-02 15:04:05 -0700"), why)}
}

// fileType names the type of a file that is not a regular file.
func fileType(m os.FileMode) string {
	switch {
	case m&os.ModeNamedPipe != 0:
		return "a FIFO"
	case m.IsDir():
		return "a directory"
	case m&(os.ModeDevice|os.ModeCharDevice) != 0:
		return "a device"
	case m&os.ModeSocket != 0:
		return "a socket"
	}
	return "of mode " + m.Type().String()
}

// pageCSP is the Content-Security-Policy of every answer of serve: the
// page runs its own inline script and style, shows a data: icon and
// polls /version, and no other site may frame it.
const pageCSP = "default-src 'none'; script-src 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"

func (s *server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	h := w.Header()
	if r.ContentLength != 0 {
		// serve reads no body: answer and close rather than let net/http
		// read one first, with no deadline, that a client may never send.
		h.Set("Connection", "close")
	}
	h.Set("Cache-Control", "no-store")
	h.Set("X-Content-Type-Options", "nosniff")
	h.Set("Content-Security-Policy", pageCSP)
	if s.port != "" && !localHost(r.Host, s.port) {
		// DNS rebinding: a page of another site whose name now resolves
		// to 127.0.0.1 would otherwise read the graph.
		http.Error(w, "claimgraph serve answers only requests for localhost, 127.0.0.1 or [::1] on port "+s.port+"; give --public to serve any Host", http.StatusMisdirectedRequest)
		return
	}
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "read-only", http.StatusMethodNotAllowed)
		return
	}
	version, err := s.refresh()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	switch r.URL.Path {
	case "/":
		s.mu.Lock()
		page := s.page
		s.mu.Unlock()
		h.Set("Content-Type", "text/html; charset=utf-8")
		w.Write(page)
	case "/version":
		h.Set("Content-Type", "text/plain; charset=utf-8")
		io.WriteString(w, version)
	case "/vocab.ttl": // the cg: vocabulary of the RDF export
		h.Set("Content-Type", "text/turtle; charset=utf-8")
		io.WriteString(w, rdf.Vocabulary)
	default:
		http.NotFound(w, r)
	}
}

// flushing is a writer that flushes its buffered writer after each write.
type flushing struct{ w io.Writer }

func (f flushing) Write(p []byte) (int, error) {
	n, err := f.w.Write(p)
	if b, ok := f.w.(interface{ Flush() error }); ok && err == nil {
		err = b.Flush()
	}
	return n, err
}
