// Package inner has a map type whose inner maps have an unexported type.
package inner

type set map[string]bool

// Index maps a name to a set of tags.
type Index map[string]set
