// Package nilmap reports writes that can hit a nil map, which panic with
// "assignment to entry in nil map".
//
// Making a map makes only that map: the inner maps of a map of maps, a map
// variable declared without a value, and the map fields of a struct value
// made without them all start nil, and reading them works, so the code
// runs until the first write. The rule reports such a write, with an
// assignment, op=, ++ or --, or maps.Copy into it, when nothing before it
// on every path makes the map:
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
//   - x.f[k] = v, where x is a struct value made in the same function
//     without f (T{...} leaving it out, &T{...}, new(T), var x T) and
//     nothing has assigned x.f since.
//   - t.f[k] = v in a function that gets t from its caller and does not
//     check t.f for nil first, when the package makes a T without f and
//     hands it out (returns or stores it), and nothing in the package
//     fills f outside such a nil check, takes &t.f, or stores a T made with
//     f into a field (re-making it in place). The message names where.
//   - m[k] = v, where m is an unexported package-level map that nothing in
//     the package assigns.
//
// Reads, delete, len and range are fine on a nil map and are not reported.
// The rule errs towards silence: calls are assumed to change nothing,
// values whose address is taken or that a closure uses are not followed,
// and a map that may or may not have been assigned is left alone.
//
// Fixes: a nil check before the write, one per level and outermost first,
// with the inner type as the file names it (adding an import if needed);
// for a variable, m := make(T) where it is declared (or an assignment
// right after the declaration, or at the top of the function for a named
// result); for a struct value, the field in the literal or an assignment
// right after the value is made; for a field across functions, a lazy nil
// check before the write, only when the write reaches the caller's value
// (through a pointer). There is no fix when the key has side effects,
// when the type cannot be written in the file, when the receiver is a copy,
// or when initializing the map early would change what other code sees
// (it compares the map with nil, or hands it out while it is still nil).
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
