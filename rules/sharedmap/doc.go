// Package sharedmap reports maps that several goroutines can touch at the same time
// without a lock, from two signals in the code itself.
//
// Inconsistent locking: a map held in a struct field or a package variable
// that most accesses (writes: index assignment, op=, ++, delete, clear;
// reads: index, comma-ok, range, len) make while holding the same mutex,
// in at least two functions and more functions than skip it (a function
// whose callers all hold it counts for it), or that every write makes
// holding it for writing, in at least two functions (functions whose name
// or doc says the caller holds the lock count as writers that hold it),
// or that at least two functions access holding it while a write skips it
// (readers that lock say that the map changes while they read: loki's
// MarkSeriesAsProcessed inserted without the lock its readers took),
// and some make without it, or write while holding only the read lock of
// a sync.RWMutex — where the package shows that the access can run
// alongside others: in code that runs on a goroutine the package starts or
// a handler it registers (see below), in an exported method of an exported
// type, in an exported function for a package variable, or in a function
// that takes the mutex itself or through what it calls (its author treats
// the map as shared: the read before the Lock or after the Unlock races).
// An access through a local that holds the map itself (conns := c.conns,
// never assigned again nor addressed) is an access to the field's map,
// unless the function, or what it calls, assigns the field (pending :=
// c.pending; c.pending = map[K]V{}: the local holds a map nothing else
// reaches). A call of a lock helper of the package (func lockAll() {
// all.mu.Lock() }) takes the locks the helper leaves held, and releases
// those it unlocks.
//
// Exempt: constructors building a value before it escapes; functions named
// ...Locked or ...NoLock, or whose doc comment says the caller holds a lock
// ("Lock should be held.", "The caller must hold s.mu", "Write lock is held
// on entry"), or whose comments say they run single-threaded or without the
// lock on purpose ("Lock not held on entry, but ...", "Safe to read cancels
// because ..."), or that are for tests only (...ForTesting, "For testing
// purposes only": go test -race judges them), with the function literals
// they run in place or hand to another package's function; functions whose
// every caller in the package holds the lock or is such a function (calls
// on a value the caller built itself, in a test or in a constructor before
// it starts goroutines, and calls from test functions that start no
// goroutine, aside; exported API that only tests call is not exempt, its
// users are out of sight); methods of unexported types that the package never
// names (no call, method value or goroutine of them: they run through an
// interface, under locks out of sight); accesses in test functions that
// start no goroutine themselves. After an if, a lock counts as held if a
// branch that reaches the code after it ends holding it, or if it was held
// before and a branch may be skipped ("if doLock { mu.Lock() }"). A map
// that nothing writes once built (outside constructors, init, sync.Once
// and tests before they start a goroutine) is not reported: its readers need no lock. Nor is a read that
// holds another mutex which every write holds too, or an access whose
// majority lock belongs to another value than the map (a syncer's lock
// held around a task's map is no evidence that it guards that map).
//
// Goroutine reach: a map written in code that runs on a goroutine, while
// another access to the same map can run at the same time and no lock is
// held at either. Goroutines are function literals, functions and methods
// started with go, sync.WaitGroup.Go, errgroup.Group.Go or time.AfterFunc,
// and HTTP handlers (http.HandleFunc, ServeMux.HandleFunc and any
// HandleFunc taking a handler function, http.HandlerFunc(f), ServeHTTP
// methods); what they run includes the functions and methods of the
// package they call statically (six calls deep). Two accesses can run at
// the same time when they are on two goroutines whose lifetimes overlap
// (spawned by one function before it joins, two handlers, a handler and a
// goroutine whose spawner starts serving), on one goroutine that runs
// several times at once (a go in a loop, unless it runs only on taking a
// token from a channel the goroutine gives back when it ends, or is in a
// _test.go file; a handler, which net/http runs for each request), or on a goroutine and in its spawner after the go and
// before the join (a Wait() call, a channel receive, a select, or a call
// into the package that does one of these). The map is a captured local
// (also where the goroutine hands it to a function of the package that
// accesses it through its parameter, and does not assign that parameter:
// go func() { prune(ids, metas) }(); reported without a fix, since the
// lock would have to reach the callee), a package variable, or a struct
// field; for a field both accesses must reach
// the same struct value, named by a variable of the function that spawned
// the goroutines or registered the handlers (or a package variable) and
// passed down as receiver or argument. Not reported: reads concurrent only
// with reads, maps made inside the goroutine, a local handed over through a
// channel, a local that a goroutine touches only after receiving from a
// channel of its spawner that nothing feeds before the spawner's access
// (the spawner's own sends, or workers that wait for them), sync.Map, accesses after anything named like a lock (or a send of
// struct{}{} on a semaphore), handlers declared or registered in _test.go
// files (a test's client mostly sends one request at a time), and function
// literals stored, sent, or passed to a function that is neither of this
// package and only calling it nor of a package known to call it in place
// (sort, slices, maps, strings, bytes, iter, path/filepath, io/fs, sync,
// testing, unicode, regexp, container/heap): where those run is not known.
//
// A concurrent map write is a fatal error that no recover catches.
//
// Before:
//
//	func (c *cache) put(k string, v int) {
//		c.mu.Lock()
//		c.m[k] = v
//		c.mu.Unlock()
//	}
//
//	func (c *cache) drop(k string) {
//		delete(c.m, k)
//	}
//
// After:
//
//	func (c *cache) drop(k string) {
//		c.mu.Lock()
//		delete(c.m, k)
//		c.mu.Unlock()
//	}
//
// and, for a local map written by goroutines:
//
//	seen := map[string]int{}
//	var seenMu sync.Mutex
//	for _, w := range words {
//		wg.Go(func() {
//			seenMu.Lock()
//			seen[w]++
//			seenMu.Unlock()
//		})
//	}
//
// for a package variable written by an HTTP handler (every access in the
// package outside init is wrapped; a return locks and defers the unlock):
//
//	var hits = map[string]int{}
//	var hitsMu sync.RWMutex
//
//	func count(w http.ResponseWriter, r *http.Request) {
//		hitsMu.Lock()
//		hits[r.URL.Path]++
//		hitsMu.Unlock()
//	}
//
//	func get(p string) int {
//		hitsMu.RLock()
//		defer hitsMu.RUnlock()
//		return hits[p]
//	}
//
// and for a struct field, when the struct is never copied by value:
//
//	type stats struct {
//		mu   sync.Mutex // guards hits
//		hits map[string]int
//	}
//
//	func (s *stats) run(words []string) { // go s.run(words) in a loop
//		for _, w := range words {
//			s.mu.Lock()
//			s.hits[w]++
//			s.mu.Unlock()
//		}
//	}
//
// A fix is left out, and the finding says why, where a wrap could deadlock
// (the statement calls package code that uses the map, takes a lock or
// calls a function value), would hold the lock across a channel operation,
// select, time.Sleep or WaitGroup.Wait, would change scoping (an if, switch
// or for header), would not hold it when the code runs (defer), where the
// accesses are in several files, where some already hold a lock, or where
// the struct is copied (value receivers, assignments, arguments, results,
// range values): go vet's copylocks would fail and copies would not share
// the lock.
package sharedmap
