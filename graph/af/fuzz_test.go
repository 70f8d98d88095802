package af

import (
	"bytes"
	"errors"
	"testing"

	"github.com/google/go-cmp/cmp"
)

// fuzzRead is the body of the reader fuzz targets: reading must not panic,
// every error must be a *ParseError at line 1 or later, and an accepted
// input must come back the same after a write and a read.
func fuzzRead(t *testing.T, format Format, data []byte) {
	f, err := Read(bytes.NewReader(data), format)
	if err != nil {
		var pe *ParseError
		if !errors.As(err, &pe) {
			t.Fatalf("error %v is not a *ParseError", err)
		}
		if pe.Line < 1 || pe.Column < 1 {
			t.Fatalf("error %v at line %d, column %d", err, pe.Line, pe.Column)
		}
		return
	}
	if f.Len() > 1<<16 {
		// "p af 2000000000" is valid; its adjacency arrays would take
		// gigabytes, too much for a fuzz worker.
		return
	}
	var buf bytes.Buffer
	if err := Write(&buf, f, format); err != nil {
		t.Fatalf("write after read: %v", err)
	}
	g, err := Read(bytes.NewReader(buf.Bytes()), format)
	if err != nil {
		t.Fatalf("reading what was written: %v\n%q", err, buf.Bytes())
	}
	if diff := cmp.Diff(summarize(f), summarize(g)); diff != "" {
		t.Fatalf("round trip (-read +reread):\n%s", diff)
	}
}

func FuzzReadAPX(f *testing.F) {
	f.Add([]byte("arg(a).\narg(b).\natt(a,b).\n"))
	f.Add([]byte(`arg("x y"). att("x y","x y"). % c`))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, APX, data) })
}

func FuzzReadTGF(f *testing.F) {
	f.Add([]byte("a1\na2 label\n#\na1 a2\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, TGF, data) })
}

func FuzzReadI23(f *testing.F) {
	f.Add([]byte("p af 3\n1 2\n# c\n3 3\n"))
	f.Fuzz(func(t *testing.T, data []byte) { fuzzRead(t, I23, data) })
}

func FuzzReadExtensions(f *testing.F) {
	f.Add([]byte("[[a1,a7],[]]"))
	f.Fuzz(func(t *testing.T, data []byte) {
		_, err := ReadExtensions(bytes.NewReader(data))
		var pe *ParseError
		if err != nil && (!errors.As(err, &pe) || pe.Line < 1 || pe.Column < 1) {
			t.Fatalf("error %v is not a *ParseError with a position", err)
		}
	})
}

// FuzzReadLimits reads any input in every format under small limits: an
// input over MaxBytes fails with ErrInputTooLarge, an ICCMA header over
// its argument limit with ErrTooManyArguments, and nothing accepted has
// more arguments than the limits allow.
func FuzzReadLimits(f *testing.F) {
	f.Add([]byte("p af 3\n1 2\n"), uint8(I23))
	f.Add([]byte("p af 99999999\n"), uint8(I23))
	f.Add([]byte("\uFEFFarg(a).\natt(a,a).\n"), uint8(APX))
	f.Add([]byte("a\nb\n#\na b\n"), uint8(TGF))
	f.Fuzz(func(t *testing.T, data []byte, format uint8) {
		o := ReadOptions{MaxBytes: 64, MaxArguments: 40}
		fm := Formats()[int(format)%3]
		fw, err := o.Read(bytes.NewReader(data), fm)
		if len(data) > 64 {
			if !errors.Is(err, ErrInputTooLarge) {
				t.Fatalf("%d bytes over a limit of 64: %v", len(data), err)
			}
			return
		}
		if err != nil {
			var pe *ParseError
			if !errors.As(err, &pe) || pe.Line < 1 || pe.Column < 1 {
				t.Fatalf("error %v is not a *ParseError with a position", err)
			}
			return
		}
		if fm == I23 && fw.Len() > 40 {
			t.Fatalf("%d arguments over a limit of 40", fw.Len())
		}
	})
}
