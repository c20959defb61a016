package rewrite

import (
	"bytes"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"io/fs"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"
)

// A sumCache keeps the hash of each file of the source trees between runs,
// with the file's stat (size, modification and change times, inode), as
// git's index does: a run re-reads only the files whose stat changed, where
// hashing every file of a large repository cost a tenth of a pre-commit
// run. A file modified within racyWindow before its hash was recorded may
// have changed again within the same tick of the file system's clock
// without its stat showing it; its hash is not reused.
type sumCache struct {
	name  string    // its file in the cache directory; "" for none
	stamp time.Time // when old was recorded
	old   map[string]statSum
	now   map[string]statSum
	dirty bool
}

type statSum struct {
	Size, Mtime, Ctime int64
	Ino                uint64
	Sum                []byte
}

const racyWindow = 2 * time.Second // coarser than any file system's clock that Go runs on

// sumsReused counts the hashes taken from a sumCache, for tests.
var sumsReused atomic.Int64

// loadSums reads the sums recorded for the trees roots in the cache
// directory dir.
func loadSums(dir string, roots []string) *sumCache {
	h := sha256.Sum256([]byte(strings.Join(roots, "\x00")))
	c := &sumCache{name: filepath.Join(dir, "sums-"+hex.EncodeToString(h[:])), now: map[string]statSum{}}
	data, err := os.ReadFile(c.name)
	if err != nil {
		return c
	}
	var rec struct {
		Stamp time.Time
		Files map[string]statSum
	}
	if gob.NewDecoder(bytes.NewReader(data)).Decode(&rec) == nil {
		c.stamp, c.old = rec.Stamp, rec.Files
	}
	return c
}

// sum returns the hash of the file name, whose stat is fi.
func (c *sumCache) sum(name string, fi fs.FileInfo) ([]byte, error) {
	st := statOf(fi)
	if old, ok := c.old[name]; ok && old.Size == st.Size && old.Mtime == st.Mtime && old.Ctime == st.Ctime && old.Ino == st.Ino &&
		fi.ModTime().Before(c.stamp.Add(-racyWindow)) {
		c.now[name] = old
		sumsReused.Add(1)
		return old.Sum, nil
	}
	sum, err := fileSum(name)
	if err != nil {
		return nil, err
	}
	st.Sum = sum
	c.now[name] = st
	c.dirty = true
	return sum, nil
}

// save records the sums of this run, when any was computed or a file is
// gone, stamped with a time taken before the files were read.
func (c *sumCache) save(stamp time.Time) {
	if !c.dirty && len(c.now) == len(c.old) {
		return
	}
	var buf bytes.Buffer
	rec := struct {
		Stamp time.Time
		Files map[string]statSum
	}{stamp, c.now}
	if gob.NewEncoder(&buf).Encode(rec) == nil {
		writeEntry(filepath.Dir(c.name), filepath.Base(c.name), buf.Bytes())
	}
}
