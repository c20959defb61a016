// Package mapcopy reports a change made to a copy of a struct map value
// that is lost: a field of the copy is assigned, and nothing stores the copy
// back into the map or reads what was changed afterwards.
//
// A map value cannot be changed in place (m[k].n++ does not compile), so
// code reads it into a variable, and that variable is a copy. Assigning a
// field of the copy changes the copy alone; when the copy is then dropped
// the change is lost, silently. The copies it recognises are:
//
//	for k, v := range m { ... }   // v, declared with := (the key may be _)
//	v := m[k]                     // also v, ok := m[k], in a block, a case
//	                              // clause, or the init of an if or switch
//
// where the values of m are structs (a named struct type, a generic
// instance, not a type parameter). A change is an assignment (=, op=, ++,
// --) to a field of the copy reached through value fields only, promoted
// fields included, or to an element of an array field: v.n++, v.cfg.max = 5,
// v.buckets[i]++. It is lost when no read of the copy that may run after it
// reads what it changed: reading v as a whole (passing, returning, storing,
// appending, printing it, calling a method on it) reads everything; reading
// v.cfg reads the change to v.cfg.max; reading v.name does not. A read that
// only computes the new value of a field of the copy (v.mean = v.sum / v.n)
// is part of the change, unless it reads the copy as a whole (v.id =
// send(v) hands the changed copy on). A read may run after a change when it comes later
// in the code, or when both are in a loop inside the copy's scope: the
// value of a range loop is a new variable in each iteration (Go 1.22), and
// so is a copy declared inside a loop body.
//
// Each change is judged on its own: a store back (m[k] = v) reads the whole
// copy, so it sees the changes before it, but a change after the last
// store is lost (the store came too early), and is reported.
//
// The fix stores the copy back, m[k] = v, right after the statement that
// holds the last change, in the innermost statement list that holds every
// change and is not inside a loop within the copy's scope: inside the if
// that makes the only change, after the switch whose cases each make one,
// after the inner loop that accumulates into the copy. A range key written
// _ gets a name (k, key, k2, key2, ...) that nothing in the loop's body or
// its map mentions. Storing a value back under the key it was read from is
// allowed while ranging over the map. v, ok := m[k] stores the copy even
// when the key was absent, as m[k].n++ would if Go allowed it: the store
// goes inside if ok { ... } when the change is made there.
//
// Reported without a fix: the map or the key may have side effects (calls:
// storing back would evaluate them again); a statement between the read
// and the store changes the map (an insert, a delete, clear, an
// assignment) or the key (storing back could undo the delete or write
// another entry); a return, goto, or a break or continue that leaves the
// statements from the first change to the last could skip the store; the
// changes are in different branches with no statement list in common (the
// then and else of the if whose init reads the copy); a name of the store
// means something else where it would go; the change is made in a function
// literal, which may run at another time (reported only when nothing reads
// the copy at all).
//
// Left alone: maps of pointers (the change reaches the map), of maps,
// slices, interfaces, and, conservatively, of arrays; writes through a
// pointer field of the copy (v.p.x = 1), embedded pointers included, or
// into a slice or map field (v.tags[0] = t, v.counts[k]++), which change
// memory the map shares; a copy whose address is taken (&v, &v.f, v.arr[:],
// a pointer method called on v or on a field of it) anywhere, since a
// pointer may read it later; a copy assigned as a whole (v = other), or
// declared with = into a variable that outlives the loop or block (for k, v
// = range m, v = m[k]); a copy that a function literal reads; in a function
// with goto, a copy read anywhere after its declaration in what it changed.
// An earlier store of the copy under the same key is not a change to the
// map that the new store could undo.
// Calls between the read and the store are not taken to change the map,
// nor are writes through another name of the map or the key (m2 := m;
// delete(m2, k), or *p = "b" after p := &k): a store back after them is
// not seen to undo them.
//
// Before:
//
//	for _, s := range sessions {
//		s.Active = false
//	}
//
//	e := c.entries[k]
//	e.Seen = c.clock
//	return e.Value
//
// After:
//
//	for k, s := range sessions {
//		s.Active = false
//		sessions[k] = s
//	}
//
//	e := c.entries[k]
//	e.Seen = c.clock
//	c.entries[k] = e
//	return e.Value
package mapcopy
