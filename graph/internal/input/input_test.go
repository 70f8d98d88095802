package input

import (
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func TestReadAll(t *testing.T) {
	data, err := ReadAll(strings.NewReader("abc"), 3, nil)
	if err != nil || string(data) != "abc" {
		t.Errorf("at the limit: %q, %v", data, err)
	}
	// A stream: read to one byte past the limit, no further.
	r := strings.NewReader("abcdef")
	_, err = ReadAll(r, 3, nil)
	var big *TooLarge
	if !errors.As(err, &big) || big.Size != -1 || string(big.Data) != "abcd" || r.Len() != 2 {
		t.Errorf("stream: %v, %+v, %d unread", err, big, r.Len())
	}
	// A file: refused from its size, unread.
	path := filepath.Join(t.TempDir(), "f")
	if err := os.WriteFile(path, []byte("abcdef"), 0o644); err != nil {
		t.Fatal(err)
	}
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	_, err = ReadAll(f, 3, nil)
	if !errors.As(err, &big) || big.Size != 6 || big.Data != nil || err.Error() != "larger than 3 bytes (6 bytes)" {
		t.Errorf("file: %v", err)
	}
	if off, _ := f.Seek(0, 1); off != 0 {
		t.Errorf("file read to %d", off)
	}
	if got := string(TrimBOM([]byte(BOM + "x"))); got != "x" {
		t.Errorf("TrimBOM: %q", got)
	}
}
