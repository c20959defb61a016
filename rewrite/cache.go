package rewrite

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/gob"
	"encoding/hex"
	"encoding/json"
	"errors"
	"fmt"
	"hash"
	"io"
	"io/fs"
	"maps"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"time"

	"golang.org/x/mod/modfile"
)

// The result cache lets a dry run whose inputs have not changed return
// the result of the run before without loading or checking anything: the
// pre-commit hook run again on the same files, an editor's save hook, a CI
// job re-run. Asking the go command which files make the packages (go
// list -deps) would cost a third of a small run, hit or miss; the key
// takes a superset instead, found with one quick go env:
//
//   - this mapfix binary (a new build, say with a fixed rule, starts over);
//   - the go command's settings, as go env reports them (its version, so
//     GOROOT's packages; GOOS, GOARCH, GOFLAGS, cgo flags; go env -w);
//   - the options, the working directory and the arguments;
//   - the source of every file of the main modules' trees that a build
//     can read (Go, cgo and assembly files, go.mod, go.sum, go.work,
//     vendor/modules.txt), and of the directories that go.mod or go.work
//     name by path (replace, use).
//
// The rest of the build, the module cache and GOROOT, is read-only and
// named by versions that the key holds (go.sum, GOVERSION). Any change in
// a main module's tree, even to a package the run does not load, misses:
// the key errs on the side of checking again. What it leaves out: C
// headers outside the trees (cgo's system includes) and a GOROOT edited
// in place. Rules count by name: a caller of Run that changes what a rule
// of a name does must change its binary or its cache directory.
//
// Only dry runs without errors are kept: a write changes the inputs, and
// an error may be a passing failure of the go command (a module proxy that
// did not answer). -new-from-rev depends on the git history; it is not
// cached either.

// cacheVersion changes whenever an entry or the key changes meaning.
const cacheVersion = "mapfix result cache 1"

const (
	cacheTrimEvery = 24 * time.Hour     // how often old entries are looked for
	cacheKeepFor   = 5 * 24 * time.Hour // entries unused this long are removed
	cacheTouchAge  = time.Hour          // a hit older than this is marked used
)

// envVars are the go command's settings that the key takes from go env:
// all it prints but GOGCCFLAGS, which names a fresh temporary directory
// each time and costs a run of the C compiler to compute.
var envVars = strings.Fields(`AR CC CGO_CFLAGS CGO_CPPFLAGS CGO_CXXFLAGS CGO_ENABLED
	CGO_FFLAGS CGO_LDFLAGS CXX GCCGO GO111MODULE GOAMD64 GOARCH GOARM GOARM64
	GO386 GOMIPS GOMIPS64 GOPPC64 GORISCV64 GOWASM GOAUTH GOBIN GODEBUG GOENV
	GOEXE GOEXPERIMENT GOFIPS140 GOFLAGS GOHOSTARCH GOHOSTOS GOINSECURE GOMOD
	GOMODCACHE GONOPROXY GONOSUMDB GOOS GOPATH GOPRIVATE GOPROXY GOROOT GOSUMDB
	GOTOOLCHAIN GOTOOLDIR GOVCS GOVERSION GOWORK PKG_CONFIG`)

// cacheKey computes the key of a run of o on tgt, or fails when an input
// cannot be read or the run is outside a module: then it is not cached.
func (o *Options) cacheKey(tgt target, tests bool) (string, *listCache, error) {
	var (
		wg    sync.WaitGroup
		self  []byte
		goenv []byte
		errs  [2]error
	)
	wg.Go(func() { self, errs[0] = selfHash() })
	wg.Go(func() {
		env := exec.Command("go", append([]string{"env", "-json"}, envVars...)...)
		env.Dir, env.Env = o.Dir, o.Env
		goenv, errs[1] = env.Output()
	})
	wg.Wait()
	if err := cmp.Or(errs[0], errs[1]); err != nil {
		return "", nil, err
	}
	var vars map[string]string
	if err := json.Unmarshal(goenv, &vars); err != nil {
		return "", nil, fmt.Errorf("go env: %w", err)
	}
	if vars["GO111MODULE"] == "off" {
		return "", nil, errors.New("GOPATH mode")
	}

	h := sha256.New()
	fmt.Fprintf(h, "mapfix %x\n", self)
	for _, k := range slices.Sorted(maps.Keys(vars)) {
		fmt.Fprintf(h, "env %s=%q\n", k, vars[k])
	}
	lc := &listCache{dir: o.Cache, base: hex.EncodeToString(h.Sum(nil)), goarch: vars["GOARCH"], files: map[string]string{}}
	fmt.Fprintln(h, cacheVersion)
	ruleNames := make([]string, len(o.Rules))
	for i, r := range o.Rules {
		ruleNames[i] = r.Name
	}
	fmt.Fprintf(h, "dir %q\nargs %q\nrules %q\nknown %q\ntags %q\ntests %v\nedits %v\n",
		o.Dir, o.Args, ruleNames, o.Known, o.Tags, tests, o.FindingEdits)
	for _, f := range slices.Sorted(maps.Keys(tgt.files)) {
		fmt.Fprintf(h, "file %q\n", f)
	}
	roots, err := sourceTrees(tgt, vars["GOWORK"])
	if err != nil {
		return "", nil, err
	}
	sc := loadSums(o.Cache, roots)
	stamp := time.Now()
	for _, root := range roots {
		if err := hashTree(h, root, lc.files, sc); err != nil {
			return "", nil, err
		}
	}
	sc.save(stamp)
	return hex.EncodeToString(h.Sum(nil)), lc, nil
}

// sourceTrees returns the directories whose files can make the packages
// that tgt selects, other than GOROOT and the module cache: the main
// modules (the workspace, when there is one) and the directories that
// their go.mod or go.work name by path. Nested trees are left out: their
// parent's walk covers them.
func sourceTrees(tgt target, gowork string) ([]string, error) {
	var roots []string
	add := func(base, path string) {
		if modfile.IsDirectoryPath(path) {
			if !filepath.IsAbs(path) {
				path = filepath.Join(base, path)
			}
			roots = append(roots, filepath.Clean(path))
		}
	}
	var mods []string
	if gowork != "" && gowork != "off" {
		data, err := os.ReadFile(gowork)
		if err != nil {
			return nil, err
		}
		wf, err := modfile.ParseWork(gowork, data, nil)
		if err != nil {
			return nil, err
		}
		base := filepath.Dir(gowork)
		roots = append(roots, base)
		for _, u := range wf.Use {
			add(base, u.Path)
			mods = append(mods, filepath.Join(base, u.Path))
		}
		for _, r := range wf.Replace {
			add(base, r.New.Path)
		}
	} else {
		for _, g := range tgt.groups {
			root := moduleRoot(g.dir)
			if root == "" {
				return nil, fmt.Errorf("%s: not in a module", g.dir)
			}
			roots = append(roots, root)
			mods = append(mods, root)
		}
	}
	for _, dir := range mods {
		name := filepath.Join(dir, "go.mod")
		data, err := os.ReadFile(name)
		if err != nil {
			return nil, err
		}
		mf, err := modfile.Parse(name, data, nil)
		if err != nil {
			return nil, err
		}
		for _, r := range mf.Replace {
			add(dir, r.New.Path)
		}
	}
	slices.Sort(roots)
	roots = slices.Compact(roots)
	return slices.DeleteFunc(roots, func(r string) bool {
		for _, other := range roots {
			if other != r && within(r, other) {
				return true
			}
		}
		return false
	}), nil
}

// buildExts are the extensions of the files the go command reads to build
// a package (go help buildmode, go/build's Package fields).
var buildExts = map[string]bool{
	".go": true, ".c": true, ".h": true, ".s": true, ".S": true, ".sx": true,
	".cc": true, ".cpp": true, ".cxx": true, ".hh": true, ".hpp": true, ".hxx": true,
	".m": true, ".f": true, ".F": true, ".for": true, ".f90": true,
	".swig": true, ".swigcxx": true, ".syso": true,
}

// buildNames are the other files of a tree that change a build.
var buildNames = map[string]bool{"go.mod": true, "go.sum": true, "go.work": true, "go.work.sum": true, "modules.txt": true}

// hashTree writes to h the name and contents of each file below root that
// a build can read, in walk order, and records the hash of each by its
// absolute path in sums; sc gives the hashes of files that did not change.
// .git is left out: a commit that changes no file changes no result.
func hashTree(h hash.Hash, root string, sums map[string]string, sc *sumCache) error {
	fmt.Fprintf(h, "tree %q\n", root)
	return filepath.WalkDir(root, func(path string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(root, path)
		switch {
		case d.IsDir():
			if d.Name() == ".git" {
				return filepath.SkipDir
			}
		case d.Type().IsRegular() && (buildExts[filepath.Ext(path)] || buildNames[d.Name()]):
			fi, err := d.Info()
			if err != nil {
				return err
			}
			return hashFile(h, rel, path, fi, sums, sc)
		case d.Type()&fs.ModeSymlink != 0:
			// The go command follows links to files; their targets may
			// lie outside the tree.
			if fi, err := os.Stat(path); err == nil && fi.Mode().IsRegular() && buildExts[filepath.Ext(path)] {
				return hashFile(h, rel, path, fi, sums, sc)
			}
		}
		return nil
	})
}

func hashFile(h hash.Hash, rel, name string, fi fs.FileInfo, sums map[string]string, sc *sumCache) error {
	sum, err := sc.sum(name, fi)
	if err != nil {
		return err
	}
	fmt.Fprintf(h, "file %q %x\n", rel, sum)
	sums[name] = hex.EncodeToString(sum)
	return nil
}

// fileSum is the SHA-256 of the file's contents, read as a stream.
func fileSum(name string) ([]byte, error) {
	f, err := os.Open(name)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	h := sha256.New()
	if _, err := io.Copy(h, f); err != nil {
		return nil, err
	}
	return h.Sum(nil), nil
}

// within reports whether dir is root or below it.
func within(dir, root string) bool {
	rel, err := filepath.Rel(root, dir)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

var self struct {
	once sync.Once
	sum  []byte
	err  error
}

// selfHash is the hash of this program's executable, so that a new build
// of mapfix (a fixed rule) does not take the results of the old one.
func selfHash() ([]byte, error) {
	self.once.Do(func() {
		exe, err := os.Executable()
		if err != nil {
			self.err = err
			return
		}
		self.sum, self.err = fileSum(exe)
	})
	return self.sum, self.err
}

// cacheGet returns the result stored under key, if there is one that
// decodes.
func cacheGet(dir, key string) (*Result, bool) {
	name := filepath.Join(dir, key)
	data, err := os.ReadFile(name)
	if err != nil {
		return nil, false
	}
	res := &Result{}
	if err := gob.NewDecoder(bytes.NewReader(data)).Decode(res); err != nil {
		return nil, false
	}
	touch(name)
	return res, true
}

// touch marks the entry name as in use, not to be trimmed, if it was
// last marked more than cacheTouchAge ago.
func touch(name string) {
	if fi, err := os.Stat(name); err == nil && time.Since(fi.ModTime()) > cacheTouchAge {
		now := time.Now()
		os.Chtimes(name, now, now)
	}
}

// cachePut stores res under key. The cache is an optimization: failing to
// store is not an error of the run.
func cachePut(dir, key string, res *Result) {
	var buf bytes.Buffer
	if err := gob.NewEncoder(&buf).Encode(res); err != nil {
		return
	}
	writeEntry(dir, key, buf.Bytes())
}

// writeEntry stores data under key in the cache directory dir.
func writeEntry(dir, key string, data []byte) {
	if err := os.MkdirAll(dir, 0o777); err != nil {
		return
	}
	f, err := os.CreateTemp(dir, "tmp-")
	if err != nil {
		return
	}
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	// Renamed into place whole, so that a run at the same time reads the
	// entry whole or not at all.
	if err != nil || os.Rename(f.Name(), filepath.Join(dir, key)) != nil {
		os.Remove(f.Name())
		return
	}
	cacheTrim(dir)
}

// cacheTrim removes, once a day, the entries that no run used for
// cacheKeepFor, as the go command trims its build cache.
func cacheTrim(dir string) {
	stamp := filepath.Join(dir, "trim.txt")
	if fi, err := os.Stat(stamp); err == nil && time.Since(fi.ModTime()) < cacheTrimEvery {
		return
	}
	entries, err := os.ReadDir(dir)
	if err != nil {
		return
	}
	for _, e := range entries {
		if e.Name() == "trim.txt" {
			continue
		}
		if fi, err := e.Info(); err == nil && time.Since(fi.ModTime()) > cacheKeepFor {
			os.Remove(filepath.Join(dir, e.Name()))
		}
	}
	os.WriteFile(stamp, []byte(time.Now().UTC().Format(time.RFC3339)+"\n"), 0o666)
}
