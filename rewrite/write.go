package rewrite

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
)

// writeFile replaces the file at path with src, atomically: the new bytes go
// to a temporary file in the same directory, which then takes the file's
// place, so a reader sees the old file or the new one, never a mix. The file
// keeps its mode. A file whose content is no longer old (edited since mapfix
// read it) is left alone. A symbolic link stays one: the file it points
// to is written.
func writeFile(path string, old, src []byte) error {
	path = realPath(path)
	cur, err := os.ReadFile(path)
	if err != nil {
		return err
	}
	if !bytes.Equal(cur, old) {
		return fmt.Errorf("%s changed on disk since mapfix read it; not written", path)
	}
	fi, err := os.Stat(path)
	if err != nil {
		return err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".mapfix-*")
	if err != nil {
		return err
	}
	defer os.Remove(tmp.Name()) // after a successful rename, there is nothing left to remove
	if _, err := tmp.Write(src); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Chmod(fi.Mode().Perm()); err != nil {
		tmp.Close()
		return err
	}
	if err := tmp.Close(); err != nil {
		return err
	}
	return os.Rename(tmp.Name(), path)
}
