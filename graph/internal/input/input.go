package input

import (
	"bytes"
	"fmt"
	"io"
	"io/fs"
)

// TooLarge reports an input larger than the limit. Size is the size a
// file declared, when it was refused before reading; Data then is nil.
// For a stream, Size is -1 and Data holds the first Max+1 bytes read, so
// that the caller can point at the first byte past the limit.
type TooLarge struct {
	Max  int64
	Size int64
	Data []byte
}

// Error says how large the input is allowed to be and, when known, how
// large it is: "larger than 100 bytes (250 bytes)".
func (e *TooLarge) Error() string {
	if e.Size >= 0 {
		return fmt.Sprintf("larger than %d bytes (%d bytes)", e.Max, e.Size)
	}
	return fmt.Sprintf("larger than %d bytes", e.Max)
}

// Size returns the size of r when r is a regular file that can say it
// (an *os.File), and -1 otherwise.
func Size(r io.Reader) int64 {
	f, ok := r.(interface{ Stat() (fs.FileInfo, error) })
	if !ok {
		return -1
	}
	info, err := f.Stat()
	if err != nil || !info.Mode().IsRegular() {
		return -1
	}
	return info.Size()
}

// ReadAll reads all of r, at most limit bytes. A regular file larger
// than limit is refused from its size without reading it; any other reader is
// read up to limit+1 bytes and no further. Either way the error is a
// *TooLarge. wrap, when not nil, stands between r and the reads (for
// progress reports); it is given r and the size of the file, or 0.
// Memory: one buffer of the input's size (limit+1 at most).
func ReadAll(r io.Reader, limit int64, wrap func(r io.Reader, size int64) io.Reader) ([]byte, error) {
	size := Size(r)
	if size > limit {
		return nil, &TooLarge{Max: limit, Size: size}
	}
	capacity := int64(512)
	if size > 0 {
		capacity += size // one buffer of the file's size, not doubling
	}
	if wrap != nil {
		r = wrap(r, max(size, 0))
	}
	buf := bytes.NewBuffer(make([]byte, 0, capacity))
	if _, err := buf.ReadFrom(io.LimitReader(r, limit+1)); err != nil {
		return nil, err
	}
	if int64(buf.Len()) > limit {
		return nil, &TooLarge{Max: limit, Size: -1, Data: buf.Bytes()}
	}
	return buf.Bytes(), nil
}

// BOM is the UTF-8 byte-order mark that some editors (Excel, Notepad)
// write at the start of a file.
const BOM = "\uFEFF"

// TrimBOM returns data without a leading byte-order mark.
func TrimBOM(data []byte) []byte { return bytes.TrimPrefix(data, []byte(BOM)) }
