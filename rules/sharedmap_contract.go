package rules

import (
	"go/ast"
	"regexp"
	"strings"
)

// What a function's name and comments say about the locks it runs under.
// Code bases write that contract in prose more often than in code: "Lock
// should be held." (nats-server, hundreds of times), "s.mu must be held",
// "Write lock is held on entry", names ending in Locked or NoLock. An
// access in such a function is the caller's business, not a missed lock.

// lockedByContract reports a function whose name or comments say that it
// runs with the lock held, or without it on purpose.
func (r *smRun) lockedByContract(f *ast.File, fd *ast.FuncDecl) bool {
	name := fd.Name.Name
	for _, suffix := range []string{"Locked", "locked", "NoLock", "Nolock", "nolock"} {
		if strings.HasSuffix(name, suffix) && len(name) > len(suffix) {
			return true
		}
	}
	if fd.Doc != nil && saysHeld(fd.Doc.Text()) {
		return true
	}
	if forTests(fd) {
		return true
	}
	return r.saysUnlocked(f, fd)
}

var (
	// A sentence ends at a period, semicolon or colon followed by a space,
	// or at a blank line; "s.mu" stays whole.
	sentenceEnd = regexp.MustCompile(`[.;:](\s|$)|\n\s*\n`)
	lockWord    = regexp.MustCompile(`\b(rw|r|w)?lock(s|ed|ing)?\b|\bmutex(es)?\b|\w*mtx\b|\w*mu\b`)
	heldWord    = regexp.MustCompile(`\bheld\b|\bholding\b|\b(must|should|shall|caller|callers|to) (also )?hold\b|` +
		`\bholds (the |a )?\w*\s?(lock|mutex|mu)\b|(lock|mutex|mtx|mu)\b\S* (is|are|must be|should be) (already )?locked\b|\bunder (the |a )?\w*\s?lock\b`)
	negation = regexp.MustCompile(`\b(not|never|without|no)\b|n't\b`)
)

// saysHeld reports a doc comment with a sentence that says a lock is held
// when the function runs: one that names a lock and says it is held, and
// does not deny it ("Lock not held on entry").
func saysHeld(doc string) bool {
	doc = strings.ToLower(doc)
	for _, s := range sentenceEnd.Split(doc, -1) {
		s = strings.Join(strings.Fields(s), " ")
		if lockWord.MatchString(s) && heldWord.MatchString(s) && !negation.MatchString(s) {
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
	"safe to modify", "safe without", "without locking", "no locking"}

// saysUnlocked reports a function whose comments (its doc or inside its
// body) say that it runs without the lock on purpose.
func (r *smRun) saysUnlocked(f *ast.File, fd *ast.FuncDecl) bool {
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
		text := strings.ToLower(strings.Join(strings.Fields(cg.Text()), " "))
		for _, w := range unlockedWords {
			if strings.Contains(text, w) {
				return true
			}
		}
		if explainsNoLock(text) {
			return true
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
	return strings.Contains(doc, "for testing purposes only") || strings.Contains(doc, "only for testing") ||
		strings.Contains(doc, "only for tests") || strings.Contains(doc, "only used in tests") ||
		strings.Contains(doc, "only used for testing") || strings.Contains(doc, "only be used in tests") ||
		strings.Contains(doc, "only be used for testing")
}

// explainsNoLock reports a sentence that says the lock is not held and
// why that is fine: "Lock not held on entry, but session is in the locked
// map." The author has reasoned about this access; a report would only
// repeat the question they answered.
func explainsNoLock(text string) bool {
	for _, s := range sentenceEnd.Split(text, -1) {
		before, _, found := strings.Cut(s, " but ")
		if found && lockWord.MatchString(before) && negation.MatchString(before) {
			return true
		}
	}
	return false
}

// runsInDecl reports whether an access runs under the contract of its
// enclosing function declaration: directly, or in function literals run in
// place or handed to a call as a callback (such as a tree walk's visitor),
// but not on a goroutine nor stored for later.
func (r *smRun) runsInDecl(path []ast.Node) bool {
	for i, n := range path {
		fl, ok := n.(*ast.FuncLit)
		if !ok || r.litKinds[fl] == litSync {
			continue
		}
		if r.litKinds[fl] == litEntry || i == 0 {
			return false
		}
		c, ok := path[i-1].(*ast.CallExpr)
		if !ok || c.Fun == ast.Expr(fl) {
			return false
		}
	}
	return true
}

// fileOf returns the file of the package that holds n.
func (r *smRun) fileOf(n ast.Node) *ast.File {
	for _, f := range r.Files {
		if f.FileStart <= n.Pos() && n.Pos() < f.FileEnd {
			return f
		}
	}
	return nil
}
