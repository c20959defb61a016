// Package nilmap reports writes that can hit a nil map, which panic with
// "assignment to entry in nil map".
//
// Making a map makes only that map: the inner maps of a map of maps, a map
// variable declared without a value, and the map fields of a struct value
// made without them all start nil, and reading them works, so the code
// runs until the first write. The rule reports such a write, with an
// assignment, op=, ++ or --, maps.Copy into it, or a call of a method that
// writes into its receiver (below), when nothing before it on every path
// makes the map:
//
//   - M[a][b] = v (any depth), when M[a] is not known to be non-nil: no
//     earlier M[a] = <non-nil>, if M[a] == nil { M[a] = … },
//     if _, ok := M[a]; !ok { M[a] = … }, or a write into M[a], on every
//     path, with the same side-effect-free a assigned nowhere since; and
//     nothing else in the package stores inner maps into M. When M comes
//     from the caller (a parameter), also nothing in the package stores
//     inner maps into any map of M's type, and that type is not a named
//     type of another package, whose constructors may fill it.
//   - m[k] = v, where m is a variable declared without a value, or a named
//     result, that nothing has assigned on any path that reaches the write.
//   - m[k] = v, where such a variable is assigned on some of the paths that
//     reach the write and keeps its nil on others (var h map[K]V;
//     if env != "" { h = parse(env) }; h[k] = v), when nothing changes it
//     out of sight (its address taken, a pointer method, a closure) and
//     nothing correlates the write with the assignments, which the flow
//     analysis cannot tell: no loop below the declaration holds both the
//     write and an assignment (if i == 0 { m = make(T) }; m[x] = 1), and
//     the conditions that decide whether the write runs share no
//     variable, field or function with those that decide whether an
//     assignment runs (if want { m = make(T) }; ...; if want { m[k] = v }).
//     The conditions of a statement are the headers of the if, switch,
//     case, select, for and range statements around it below the
//     declaration, and of each earlier statement below the declaration
//     that may skip it (one that holds a return, break, continue, goto or
//     a call that does not return: if !want { return }); a statement
//     around or before both counts for neither, nor does an if around the
//     write whose every branch, down to a plain else, writes into the map
//     (it decides which write runs, not whether one does). A write that runs on every
//     path from the declaration, or in the same block as the if that
//     assigns, after it, has no conditions of its own and is reported.
//   - x.f[k] = v, where x is a struct value made in the same function
//     without f (T{...} leaving it out, &T{...}, new(T), var x T) and
//     nothing has assigned x.f since.
//   - t.f[k] = v in a function that gets t from its caller, or from a
//     call of another package's function or method (every assignment of
//     the local t is one: a container's Get hands back what the package
//     stored), and does not check t.f for nil first, when the package
//     makes a T without f and hands it out (returns or stores it), and
//     nothing in the package fills f outside such a nil check, takes &t.f,
//     or stores a T made with f into a field (re-making it in place: a
//     literal, or a call of a function of the package that makes its T
//     with f in a literal, as tp.t = NewTranslator(…) replaces the zero
//     Translator of hugo's translation provider). The message names where.
//     A function that also makes a T with f made in place in another
//     literal (T{f: make(…)}) builds two kinds of T on purpose, and its T
//     without f is not counted (trace.NewReader: a Reader of an old format
//     without its ordering's maps, one of the current format with them);
//     a T with f made by another function does not exempt.
//     A T handed out with f filled on some paths only (a constructor that
//     makes f when it was given entries for it) counts too, when nothing
//     correlates the write with the fill: the conditions that decide
//     whether the write runs (within the closure that holds it, if one
//     does) mention no field of the package (a flag the value keeps:
//     if s.caching { s.cache[k] = v }) and nothing but local variables
//     that the conditions of the fill mention (if tracing on both sides).
//     A T returned with an error is handed out only on a failure, unless
//     the error is what a method of the T says (return t, t.init()): then
//     it is handed out whenever that check passes.
//   - t.f[k] = v in a function that gets t from its caller, takes a lock
//     (calls Lock or RLock) before the write and does not check t.f for
//     nil first, when a function of the package that also takes a lock
//     sets that field to nil (x.f = nil): a cache that Stop or an abort
//     sets to nil while a request that will still write into it waits on
//     the lock. A reset by a function that takes no lock is the end of a
//     phase (go/types clears its maps once a check is done) and is not
//     evidence; nor is a write by a function that takes none (it runs
//     under its caller's lock, which nilmap does not follow).
//   - p.f[k] = v, where p is a parameter (not the receiver) and its
//     function makes p.f (p.f = make(…) or a literal) further down, on a
//     path that the write's does not reach (the write's block returns or
//     panics first, with no loop around it), and nothing before the write
//     mentions p.f or hands p itself to anything: the make says that the
//     field arrives without a map (nomad's Prestart wrote response.State
//     on the restart path and returned; only the first start made it).
//   - m[k] = v, where m is a local variable assigned a map result of a
//     function of the package (m := parse(s), k, m, err := load()) and
//     nothing has assigned, nil-checked or measured it since, when that
//     function has a return that is not a failure and leaves that result
//     nil by omission: a variable or named result still nil there on some
//     path (minio's ParseMetadata returned its context, never made, with a
//     nil error), or another such function's result returned unchecked.
//     An explicit return nil is the function's way to say "none" (for an
//     invalid input), which callers are expected to know: it does not
//     count. A failure returns a non-nil error last, or the constant false
//     among its results (the caller checks ok); naked returns are not
//     followed. A variable tracked before the assignment
//     (var m T; if … { m = load() }) is judged as a variable instead.
//   - m[k] = v, where m is an unexported package-level map that nothing in
//     the package assigns.
//
// Methods that write into their receiver map, whose calls count as writes
// wherever m[k] = v does: of other packages, net/url.Values Set and Add,
// net/http.Header Set and Add, net/textproto.MIMEHeader Set and Add, and
// google.golang.org/grpc/metadata.MD Set and Append when the call passes a
// value (with none they return before writing); of the package's own
// named map types, a method with a value receiver whose body writes
// recv[k] (=, op=, ++, --), or calls such a method on recv, in a statement
// of its top level with nothing before it that returns, branches or
// assigns recv. maps.Copy into the receiver does not count (it writes
// nothing from an empty source), nor does a pointer receiver (it can make
// the map), nor Del, Get, Values, Has, Encode: reading and deleting are
// fine on a nil map.
//
// A map field given in a literal from another value's same field
// (T{m: old.m}) or from a local this function has made on every path before
// (if m == nil { m = url.Values{} }; T{m: m}) is not the package filling
// the field its own way: another T made without it is still reported.
//
// Reads, delete, len and range are fine on a nil map and are not reported.
// The rule errs towards silence: calls are assumed to change nothing,
// values whose address is taken or that a closure uses are not followed,
// and a map that may or may not have been assigned is left alone, except
// for the uncorrelated variable writes above.
//
// Fixes: a nil check before the write, one per level and outermost first,
// with the inner type as the file names it (adding an import if needed);
// for a variable, m := make(T) where it is declared (or an assignment
// right after the declaration, or at the top of the function for a named
// result; also when some paths assign it, which then overwrite the made
// map); for a struct value, the field in the literal or an assignment
// right after the value is made; for a field across functions, a lazy nil
// check before the write, only when the write reaches the caller's value
// (through a pointer); for a function's result, a nil check that makes it
// before the write. There is no fix when the key has side effects,
// when the type cannot be written in the file, when the receiver is a copy,
// or when initializing the map early would change what other code sees
// (it compares the map with nil where it may be nil, or hands it out
// where some path leaves it nil and no path has written into it, whether
// or not another path assigned it).
//
// Before:
//
//	hits := map[string]map[string]int{}
//	for _, r := range reqs {
//		hits[r.Tenant][r.Path]++
//	}
//
//	cfg := Config{Name: name}
//	for _, p := range ports {
//		cfg.Ports[p] = true
//	}
//
// After:
//
//	hits := map[string]map[string]int{}
//	for _, r := range reqs {
//		if hits[r.Tenant] == nil {
//			hits[r.Tenant] = make(map[string]int)
//		}
//		hits[r.Tenant][r.Path]++
//	}
//
//	cfg := Config{Name: name, Ports: make(map[int]bool)}
//	for _, p := range ports {
//		cfg.Ports[p] = true
//	}
package nilmap
