package truth_test

import (
	"bytes"
	"runtime"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/sources/truth"
)

// shortestTriples returns n bytes or so of the shortest distinct triples,
// "0\t0\t0", "1\t1\t1", … with names in base 62: a source, an object and
// a fact a line of 6 to 9 bytes, the input that takes the most memory a
// byte.
func shortestTriples(n int) []byte {
	const digits = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ"
	var b bytes.Buffer
	for k := 0; b.Len() < n; k++ {
		var name []byte
		for x := k; ; x /= 62 {
			name = append(name, digits[x%62])
			if x < 62 {
				break
			}
		}
		b.Write(name)
		b.WriteByte('\t')
		b.Write(name)
		b.WriteByte('\t')
		b.Write(name)
		b.WriteByte('\n')
	}
	return b.Bytes()
}

// liveAfterRead returns the bytes of the heap that the data set read from
// in holds, with its index built, as a multiple of the input's size.
func liveAfterRead(tb testing.TB, in []byte) float64 {
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	d := truth.NewDataset()
	if err := d.ReadTriples(bytes.NewReader(in), "short.tsv", truth.ReadOptions{}); err != nil {
		tb.Fatal(err)
	}
	d.Freeze()
	runtime.GC()
	runtime.ReadMemStats(&after)
	runtime.KeepAlive(d)
	return float64(int64(after.HeapAlloc)-int64(before.HeapAlloc)) / float64(len(in))
}

// TestReadMemoryShortest: the data set read from the shortest distinct
// triples, its index built, holds at most 15 times its input (12.6 when
// measured; the peak of a read, growth and garbage included, is in the
// README's table of limits). It held 21 times when each name was also
// the key of a map.
func TestReadMemoryShortest(t *testing.T) {
	in := shortestTriples(1 << 20)
	if r := liveAfterRead(t, in); r > 15 {
		t.Errorf("the data set of %d bytes of shortest triples holds %.1f times its input, want at most 15", len(in), r)
	}
	if n := strings.Count(string(in), "\n"); n < 80_000 {
		t.Fatalf("only %d triples", n)
	}
}

// BenchmarkReadShortest reads 4 MiB of the shortest distinct triples and
// reports the heap its data set holds, index built, a byte of input
// ("live/B").
func BenchmarkReadShortest(b *testing.B) {
	in := shortestTriples(4 << 20)
	b.SetBytes(int64(len(in)))
	b.ReportAllocs()
	for b.Loop() {
		d := truth.NewDataset()
		if err := d.ReadTriples(bytes.NewReader(in), "short.tsv", truth.ReadOptions{}); err != nil {
			b.Fatal(err)
		}
		d.Freeze()
	}
	b.StopTimer()
	b.ReportMetric(liveAfterRead(b, in), "live/B")
}
