// Command partial_every_branch_writes diffs two optional groups: each side
// is flattened only when it exists, but the delay is written into both
// maps on every path, whichever branch of the if that tests the old
// group's delay runs (nomad's TaskGroup.Diff: an added group left the old
// map nil). The if decides which write runs, not whether one does, so its
// condition, which mentions the same group as the assignments', is no
// correlation.
package main

import "fmt"

type group struct {
	name  string
	delay *int
}

func diff(old, cur *group) (map[string]string, map[string]string) {
	var oldFlat, curFlat map[string]string
	if old == nil && cur == nil {
		return nil, nil
	} else if old == nil {
		old = &group{}
		curFlat = map[string]string{"name": cur.name}
	} else if cur == nil {
		cur = &group{}
		oldFlat = map[string]string{"name": old.name}
	} else {
		oldFlat = map[string]string{"name": old.name}
		curFlat = map[string]string{"name": cur.name}
	}
	if old.delay == nil {
		oldFlat["delay"] = ""
	} else {
		oldFlat["delay"] = fmt.Sprint(*old.delay)
	}
	if cur.delay == nil {
		curFlat["delay"] = ""
	} else {
		curFlat["delay"] = fmt.Sprint(*cur.delay)
	}
	return oldFlat, curFlat
}

func main() {
	d := 5
	fmt.Println(diff(&group{name: "a", delay: &d}, &group{name: "a"}))
	fmt.Println(diff(nil, &group{name: "b", delay: &d}))
	fmt.Println(diff(&group{name: "c"}, nil))
}
