package explore

import (
	"bufio"
	_ "embed"
	"encoding/json"
	"html"
	"io"
	"strings"

	"github.com/claimgraph/claimgraph/graph"
)

//go:embed page.css
var pageCSS string

//go:embed page.js
var pageJS string

//go:embed page.html
var pageHTML string

// Write writes the explorer page of g to w: [Build], then
// [Model.WriteHTML].
func Write(w io.Writer, g *graph.Graph, opts Options) error {
	m, err := Build(g, opts)
	if err != nil {
		return err
	}
	return m.WriteHTML(w)
}

// WriteHTML writes the page of m to w: one HTML document holding its
// style, its script and m as JSON, that needs nothing else, so it works
// from a file:// address with no network. The JSON escapes <, > and &, so
// no text of the graph can end the script element that holds it.
func (m *Model) WriteHTML(w io.Writer) error {
	bw := bufio.NewWriterSize(w, 1<<16)
	head, tail, _ := strings.Cut(pageHTML, "{{MODEL}}")
	head = strings.NewReplacer(
		"{{TITLE}}", html.EscapeString(m.Title),
		"{{CSS}}", pageCSS,
		"{{PROBLEMS}}", problemsHTML(m.Problems),
	).Replace(head)
	tail = strings.Replace(tail, "{{JS}}", pageJS, 1)
	bw.WriteString(head)
	if err := json.NewEncoder(bw).Encode(m); err != nil {
		return err
	}
	bw.WriteString(tail)
	return bw.Flush()
}

// ErrorPage writes a page that lists problems (such as those of a file
// that fails to load) instead of a graph. When live, it polls for a new
// version like the explorer does, so that a served page recovers once the
// file is fixed.
func ErrorPage(w io.Writer, title string, problems []string, live bool, version string) error {
	var b strings.Builder
	b.WriteString("<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\"><link rel=\"icon\" href=\"data:,\"><title>")
	b.WriteString(html.EscapeString(title))
	b.WriteString("</title></head><body style=\"font-family:sans-serif\"><h1>")
	b.WriteString(html.EscapeString(title))
	b.WriteString("</h1><p>The file has problems; the explorer shows it again once they are fixed.</p>")
	b.WriteString(problemsHTML(problems))
	if live {
		v, _ := json.Marshal(version)
		b.WriteString("<script>setInterval(function(){fetch('version').then(function(r){return r.text()}).then(function(t){if(t!==")
		b.Write(v)
		b.WriteString(")location.reload()}).catch(function(){})},1000)</script>")
	}
	b.WriteString("</body></html>\n")
	_, err := io.WriteString(w, b.String())
	return err
}

// problemsHTML returns the element that lists problems, one a line,
// escaped, the same on the explorer page and on [ErrorPage]; "" for
// none.
func problemsHTML(problems []string) string {
	if len(problems) == 0 {
		return ""
	}
	var b strings.Builder
	b.WriteString(`<pre id="problems">`)
	for _, p := range problems {
		b.WriteString(html.EscapeString(p))
		b.WriteString("\n")
	}
	b.WriteString("</pre>")
	return b.String()
}
