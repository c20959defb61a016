// Command field_partial_ctor merges into a descriptor whose constructor
// makes the map field only when it has entries for it (loki's
// DataobjSectionDescriptor, fixed in bb48b9c247).
package main

import "fmt"

// Descriptor sums sections.
type Descriptor struct {
	Rows   int
	Labels map[int][]string
}

// NewDescriptor makes a descriptor of one stream.
func NewDescriptor(stream int, labels []string) *Descriptor {
	d := &Descriptor{Rows: 1}
	if len(labels) > 0 {
		d.Labels = map[int][]string{stream: labels}
	}
	return d
}

// Merge adds a stream.
func (d *Descriptor) Merge(stream int, labels []string) {
	d.Rows++
	if len(labels) == 0 {
		return
	}
	d.Labels[stream] = append(d.Labels[stream], labels...)
}

func main() {
	d := NewDescriptor(1, nil)
	d.Merge(2, []string{"env"})
	fmt.Println(d.Rows, d.Labels)
}
