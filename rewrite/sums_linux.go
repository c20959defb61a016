//go:build linux

package rewrite

import (
	"io/fs"
	"syscall"
)

// statOf is what of fi says whether a file changed: its size, its
// modification time, its change time (which no tool sets back) and its
// inode (a file replaced by another).
func statOf(fi fs.FileInfo) statSum {
	st := statSum{Size: fi.Size(), Mtime: fi.ModTime().UnixNano()}
	if s, ok := fi.Sys().(*syscall.Stat_t); ok {
		st.Ctime = int64(s.Ctim.Sec)*1e9 + int64(s.Ctim.Nsec)
		st.Ino = uint64(s.Ino)
	}
	return st
}
