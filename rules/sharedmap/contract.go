package sharedmap

import (
	"go/ast"
	"regexp"
	"slices"
	"strings"

	"github.com/mapfix/mapfix/rules/internal/astutil"
	"golang.org/x/tools/go/types/typeutil"
)

// What a function's name and comments say about the locks it runs under.
// Code bases write that contract in prose more often than in code: "Lock
// should be held." (nats-server, hundreds of times), "s.mu must be held",
// "Write lock is held on entry", names ending in Locked or NoLock. An
// access in such a function is the caller's business, not a missed lock.

// lockedByContract reports a function whose name or comments say that it
// runs with the lock held, or without it on purpose. The answer is kept:
// every access in fd, and every call of it, asks again.
func (r *run) lockedByContract(fd *ast.FuncDecl) bool {
	if c, ok := r.contract[fd]; ok {
		return c
	}
	c := lockedName(fd.Name.Name) || fd.Doc != nil && saysHeld(fd.Doc.Text()) || forTests(fd) ||
		r.saysUnlocked(r.fileOf(fd), fd)
	r.contract[fd] = c
	return c
}

// lockedName reports a name that says its caller holds the lock: addLocked,
// hasIssuerNoLock, flush_locked. At a word boundary: IsBlocked and
// markUnlocked say nothing of the caller's lock.
func lockedName(name string) bool {
	for _, suffix := range []string{"Locked", "NoLock", "Nolock", "_locked", "_nolock"} {
		if strings.HasSuffix(name, suffix) && len(name) > len(suffix) {
			return true
		}
	}
	return false
}

var (
	// A sentence ends at a period, semicolon or colon followed by a space,
	// or at a blank line; "s.mu" stays whole.
	sentenceEnd = regexp.MustCompile(`[.;:](\s|$)|\n\s*\n`)
	lockWord    = regexp.MustCompile(`\b(rw|r|w)?lock(s|ed|ing)?\b|\bmutex(es)?\b|\w*mtx\b|\w*mu\b`)
	heldWord    = regexp.MustCompile(`\bheld\b|\bholding\b|\b(must|should|shall|caller|callers|to) (also )?hold\b|` +
		`\bholds (the |a )?\w*\s?(lock|mutex|mu)\b|(lock|mutex|mtx|mu)\b\S* (is|are|must be|should be) (already )?locked\b|\bunder (the |a )?\w*\s?lock\b`)
	// A contract speaks of the caller or of entry; "It holds the lock
	// only while reading" or "Locks returns the locks currently held"
	// describe the function's own work.
	entryWord = regexp.MustCompile(`\b(caller|callers|caller's|entry|must|should|shall|assumes?|assumed|expects?|expected|requires?|required)\b|\bcalled (with|while|under)\b`)
	negation  = regexp.MustCompile(`\b(not|never|without|no)\b|n't\b`)
	mustWord  = regexp.MustCompile(`\b(must|should|need|needs|has to|have to)\b`)
)

// saysHeld reports a doc comment with a sentence that says a lock is held
// when the function is called: one that names a lock, says it is held,
// speaks of the caller or of entry, and does not deny it ("Lock not held
// on entry").
func saysHeld(doc string) bool {
	doc = strings.ToLower(doc)
	for _, s := range sentenceEnd.Split(doc, -1) {
		s = strings.Join(strings.Fields(s), " ")
		if lockWord.MatchString(s) && heldWord.MatchString(s) && entryWord.MatchString(s) &&
			!negation.MatchString(s) && !strings.Contains(s, "lock-free") {
			return true
		}
	}
	return false
}

// unlockedWords are what a comment says when code runs without the lock on
// purpose.
var unlockedWords = []string{"single-threaded", "single threaded", "absence of a lock", "absence of the lock",
	"no need to lock", "no lock needed", "lock is not needed", "does not need the lock", "doesn't need the lock",
	"need not hold", "needn't hold", "safe to read", "safe to access", "safe to write", "safe to iterate",
	"safe to modify", "safe without", "without locking"}

// saysUnlocked reports a function whose comments (its doc or inside its
// body) say that it runs without the lock on purpose.
func (r *run) saysUnlocked(f *ast.File, fd *ast.FuncDecl) bool {
	if f == nil {
		return false
	}
	start := fd.Pos()
	if fd.Doc != nil {
		start = fd.Doc.Pos()
	}
	for _, cg := range f.Comments {
		if cg.Pos() < start || cg.Pos() >= fd.End() {
			continue
		}
		for _, s := range sentenceEnd.Split(strings.ToLower(cg.Text()), -1) {
			s = strings.Join(strings.Fields(s), " ")
			if saysNoLockNeeded(s) || explainsNoLock(s) {
				return true
			}
		}
	}
	return false
}

// saysNoLockNeeded reports a sentence with one of unlockedWords that the
// rest of the sentence does not turn around ("not safe to read m without
// mu", "unsafe to iterate") and that is not about a value handed back
// ("The returned map is a copy and is safe to modify").
func saysNoLockNeeded(s string) bool {
	if strings.Contains(s, "unsafe") || strings.Contains(s, "return") || strings.Contains(s, "copy") {
		return false
	}
	for _, w := range unlockedWords {
		if before, after, found := strings.Cut(s, w); found {
			return !negation.MatchString(before + " " + after)
		}
	}
	return false
}

// forTests reports a function of the package's code that only tests call,
// by its name (CloseForTesting, resetForTest) or its doc ("For testing
// purposes only."): go test -race judges the code that tests run.
func forTests(fd *ast.FuncDecl) bool {
	name := fd.Name.Name
	if strings.HasSuffix(name, "ForTesting") || strings.HasSuffix(name, "ForTest") || strings.HasSuffix(name, "ForTests") {
		return true
	}
	if fd.Doc == nil {
		return false
	}
	doc := strings.ToLower(strings.Join(strings.Fields(fd.Doc.Text()), " "))
	return slices.ContainsFunc(testOnlyWords, func(w string) bool { return strings.Contains(doc, w) })
}

// testOnlyWords are what a doc comment says of a function only tests call.
var testOnlyWords = []string{"for testing purposes only", "only for testing", "only for tests", "only used in tests",
	"only used for testing", "only be used in tests", "only be used for testing"}

// explainsNoLock reports a sentence that says the lock is not held on
// entry and why that is fine: "Lock not held on entry, but session is in
// the locked map." The author has reasoned about this access; a report
// would only repeat the question they answered. A sentence that goes on
// with what must be done ("..., but writes must take mu") gives no such
// reason.
func explainsNoLock(s string) bool {
	before, after, found := strings.Cut(s, " but ")
	if !found || !lockWord.MatchString(before) || !negation.MatchString(before) {
		return false
	}
	if !strings.Contains(before, "entry") && !strings.Contains(before, "when called") {
		return false
	}
	return !mustWord.MatchString(after)
}

// runsInDecl reports whether an access runs under the contract of its
// enclosing function declaration: directly, in function literals run in
// place, or in ones handed as a callback to a call (a tree walk's visitor,
// a logger's formatter, also through a conversion to a func type), which
// runs them before it returns unless it is known to do otherwise. Not in a
// literal run on a goroutine, stored, or handed to a function of this
// package that does not only call it (a startGoRoutine helper), nor to
// context.AfterFunc and the like.
func (r *run) runsInDecl(path []ast.Node) bool {
	for i, n := range path {
		fl, ok := n.(*ast.FuncLit)
		if !ok || r.litKinds[fl] == litSync {
			continue
		}
		if r.litKinds[fl] == litEntry || i == 0 {
			return false
		}
		j := i - 1
		c, ok := path[j].(*ast.CallExpr)
		for ok && j > 0 && astutil.IsConversion(r.Info, c) {
			c, ok = path[j-1].(*ast.CallExpr)
			j--
		}
		if !ok || c.Fun == ast.Expr(fl) || astutil.IsConversion(r.Info, c) || r.callee(c) != nil {
			return false
		}
		if fn := typeutil.StaticCallee(r.Info, c); fn != nil && fn.Pkg() != nil && asyncFuncs[fn.Pkg().Path()+"."+fn.Name()] {
			return false
		}
	}
	return true
}

// asyncFuncs run the function they are given later, on another goroutine.
var asyncFuncs = map[string]bool{"context.AfterFunc": true, "runtime.SetFinalizer": true, "runtime.AddCleanup": true}

// fileOf returns the file of the package that holds n.
func (r *run) fileOf(n ast.Node) *ast.File {
	for _, f := range r.Files {
		if f.FileStart <= n.Pos() && n.Pos() < f.FileEnd {
			return f
		}
	}
	return nil
}
