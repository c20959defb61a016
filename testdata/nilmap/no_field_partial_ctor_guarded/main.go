// Command no_field_partial_ctor_guarded makes the map field on some paths
// of its constructor, and every write checks it first.
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
	if d.Labels == nil {
		d.Labels = map[int][]string{}
	}
	d.Labels[stream] = append(d.Labels[stream], labels...)
}

func main() {
	d := NewDescriptor(1, nil)
	d.Merge(2, []string{"env"})
	fmt.Println(d.Rows, d.Labels)
}
