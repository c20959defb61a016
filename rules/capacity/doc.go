// Package capacity reports a map that is made empty and then, in the statements
// that follow it in the same block, filled from a source whose size was
// known before the map was made.
//
// A map made without a size hint starts small and grows as it is filled:
// each growth allocates a larger table and moves every entry into it, and
// the garbage collector has to clean up after each one. When the number of
// entries is known up front, make(map[K]V, n) allocates the table once.
//
// The fills it recognises, each inserting exactly once per iteration with a
// top-level statement X[key] = val of the loop body that no continue, break
// or goto can skip, are:
//
//	for k, v := range S { ... }     // S a slice, array, array pointer or map: len(S)
//	for i := range n { ... }        // n
//	for i := 0; i < n; i++ { ... }  // n
//	maps.Copy(X, S)                 // len(S)
//
// and several of them in a row, whose hints add up. A range may also sit
// alone in an if len(S) > 0 { … } over the same S, which changes no count.
// Single inserts X[k] = v among them, bare or as a statement of the body of
// an if without else, count one entry each (at most one: the hint is an
// upper bound), added last; inserts under an if are not enough on their
// own, since a map filled only from optional fields may stay small. The
// insert of a loop may sit in the body of a presence check of its own key,
// if _, ok := X[k]; !ok { … } or, for a map of bools set to true,
// if !X[k] { … }, with nothing else in the loop body using the map: a
// dedup, which leaves the map as large as inserting every time would (a
// group-by, which adds to the entry after the check, is left alone). A
// loop that looks its key up and leaves when it is missing
// (_, ok := X[k]; if !ok { return }; X[k] = v) only updates entries and
// adds none: it is no fill (the hint would count its source twice). Keys
// may repeat, which
// makes the hint an upper bound, as it is for a slice; but a map that counts
// or groups (m[k]++, m[k] += v, m[k] = append(m[k], v)) repeats them by
// design and is left alone, and so is a constant hint of 8 or less, which
// changes nothing since a map holds 8 entries from its first insert on. A loop may still
// return or panic before it inserts; a counted loop may not leave early at
// all, since n is not bounded by anything that already exists. The source
// must be an expression without side effects (variables, fields, index
// expressions, constants) that is in scope where the map is made and that
// nothing changes in between, and nothing in between may use the map.
// When a slice or map to range over is returned by a call right below the
// map's make, the fix declares the call's result first, under a new name.
//
// The map may also be made lazily, by the last statement of an
// if X == nil { … } with no else right before the fills (the hint then
// counts only when the map is made), or be an empty map that a struct
// literal assigned to a variable v puts in its field f, filled as v.f by
// the statements after the assignment. A call is declared first for a
// field reached through a pointer only when it is a function of strings or
// bytes with arguments without side effects: if the pointer is nil, the
// assignment panics, and such a call has no effect to run before it.
//
// Before:
//
//	byID := make(map[int]*User)
//	for _, u := range users {
//		byID[u.ID] = u
//	}
//
//	seen := map[string]bool{}
//	for _, f := range strings.Fields(line) {
//		seen[f] = true
//	}
//
// After:
//
//	byID := make(map[int]*User, len(users))
//	for _, u := range users {
//		byID[u.ID] = u
//	}
//
//	fields := strings.Fields(line)
//	seen := make(map[string]bool, len(fields))
//	for _, f := range fields {
//		seen[f] = true
//	}
package capacity
