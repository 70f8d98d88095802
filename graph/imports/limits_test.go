package imports

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/claimgraph/claimgraph/graph/internal/childtest"
)

// TestImportInvalidUTF8Replaced: encoding/json turned invalid UTF-8
// into U+FFFD; the importers report it at its position.
func TestImportInvalidUTF8Replaced(t *testing.T) {
	data, err := os.ReadFile("testdata/aif.json")
	if err != nil {
		t.Fatal(err)
	}
	bad := bytes.Replace(data, []byte("wiped"), []byte("wip\xffd"), 1)
	_, err = ReadAIF(bytes.NewReader(bad), "aif.json")
	if !errors.Is(err, ErrSyntax) || !strings.Contains(err.Error(), "aif.json:3:55: syntax error: invalid UTF-8 (byte 0xff)") {
		t.Errorf("got %v", err)
	}
}

// TestImportBOM: a byte-order mark made encoding/json fail ("invalid
// character 'ï'"); it is skipped.
func TestImportBOM(t *testing.T) {
	data, err := os.ReadFile("testdata/aif.json")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ReadAIF(bytes.NewReader(append([]byte("\uFEFF"), data...)), "aif.json"); err != nil {
		t.Error(err)
	}
}

// TestImportOversizeFileReadFirst: a file larger than MaxBytes was read
// (MaxBytes of it) before it was refused; its size refuses it unread, in
// a process that could not hold it.
func TestImportOversizeFileReadFirst(t *testing.T) {
	path := filepath.Join(t.TempDir(), "big.json")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := errors.Join(f.Truncate(MaxBytes+1), f.Close()); err != nil {
		t.Fatal(err)
	}
	msg, rss := childtest.Run(t, 128<<20, func() error {
		f, err := os.Open(path)
		if err != nil {
			return err
		}
		defer f.Close()
		_, err = ReadAIF(f, path)
		return err
	})
	if want := fmt.Sprintf("big.json: input too large: larger than %d bytes (%d bytes)", MaxBytes, MaxBytes+1); !strings.Contains(msg, want) {
		t.Errorf("got %q", msg)
	}
	t.Logf("%s; peak RSS %d MiB", msg, rss>>20)
}
