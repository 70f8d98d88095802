package af

import (
	"bufio"
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"github.com/claimgraph/claimgraph/graph/internal/childtest"
)

// TestPeakMemory measures the peak resident memory of the readers on
// dense inputs of the size asked for, in a child process, for the table
// in the README ("How errors are reported"):
//
//	CLAIMGRAPH_PEAK=64 go test -run TestPeakMemory -v ./graph/af
func TestPeakMemory(t *testing.T) {
	mib := 0
	fmt.Sscan(os.Getenv("CLAIMGRAPH_PEAK"), &mib)
	if mib <= 0 {
		t.Skip("set CLAIMGRAPH_PEAK to the input size in MiB to measure")
	}
	dir := filepath.Join(os.TempDir(), "claimgraph-peak")
	write := func(name string, line func(w *bufio.Writer, i int)) string {
		path := filepath.Join(dir, name)
		if childtest.Child(t) {
			return path
		}
		os.MkdirAll(dir, 0o755)
		f, err := os.Create(path)
		if err != nil {
			t.Fatal(err)
		}
		w := bufio.NewWriter(f)
		for i := 0; w.Size()+w.Buffered() >= 0; i++ {
			if st, _ := f.Stat(); st.Size()+int64(w.Buffered()) >= int64(mib)<<20 {
				break
			}
			line(w, i)
		}
		if err := w.Flush(); err != nil {
			t.Fatal(err)
		}
		f.Close()
		return path
	}
	const n = 1 << 16 // arguments
	cases := []struct {
		name, path string
		format     Format
	}{
		{"i23, 65,536 arguments", write("dense.i23", func(w *bufio.Writer, i int) {
			if i == 0 {
				fmt.Fprintf(w, "p af %d\n", n)
				return
			}
			fmt.Fprintf(w, "%d %d\n", 1+i%n, 1+(i/n+i)%n)
		}), I23},
		{"i23, the most arguments the header may declare", write("args.i23", func(w *bufio.Writer, i int) {
			most := min(DefaultMaxArguments, freeArguments+mib<<20-64)
			if i == 0 {
				fmt.Fprintf(w, "p af %d\n", most)
				return
			}
			fmt.Fprintf(w, "%d %d\n", 1+(i*7919)%most, 1+i%most)
		}), I23},
		{"apx, 65,536 arguments", write("dense.apx", func(w *bufio.Writer, i int) {
			if i < n {
				fmt.Fprintf(w, "arg(a%d).\n", i)
				return
			}
			fmt.Fprintf(w, "att(a%d,a%d).\n", i%n, (i/n+i)%n)
		}), APX},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			msg, rss := childtest.Run(t, 16<<30, func() error {
				_, err := ReadFile(c.path, c.format)
				return err
			})
			info, err := os.Stat(c.path)
			if err != nil {
				t.Fatal(err)
			}
			t.Logf("| %s | %.1f MiB | %d MiB | %.1f× | %.80s", c.name, float64(info.Size())/(1<<20), rss>>20, float64(rss)/float64(info.Size()), msg)
		})
	}
}
