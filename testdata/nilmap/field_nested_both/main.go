// Command field_nested_both writes a map of maps field that both the
// constructor and the write leave unmade.
package main

import "fmt"

// Tracker counts events per user and kind.
type Tracker struct {
	events map[string]map[string]int
}

func newTracker() *Tracker { return &Tracker{} }

// Track records one event.
func (t *Tracker) Track(user, kind string) {
	// One more event.
	t.events[user][kind]++
}

func main() {
	t := newTracker()
	t.Track("ann", "click")
	t.Track("ann", "click")
	t.Track("bob", "view")
	fmt.Println(t.events["ann"]["click"], t.events["bob"]["view"])
}
