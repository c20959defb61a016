//go:build !linux

package rewrite

import "io/fs"

// statOf is what of fi says whether a file changed: its size and its
// modification time.
func statOf(fi fs.FileInfo) statSum {
	return statSum{Size: fi.Size(), Mtime: fi.ModTime().UnixNano()}
}
