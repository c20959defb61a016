// Command no_call_explicit_nil writes into a map that its function
// returns as nil on purpose for an invalid input, which the caller has
// ruled out (minio's Checksum.AsMap): an explicit return nil is the
// function's way to say "none".
package main

import "fmt"

type checksum struct{ kind, value string }

func (c *checksum) valid() bool { return c != nil && c.kind != "" }

func (c *checksum) asMap() map[string]string {
	if !c.valid() {
		return nil
	}
	return map[string]string{c.kind: c.value}
}

func main() {
	c := &checksum{"crc32", "abc"}
	m := c.asMap()
	m["algo"] = c.kind
	fmt.Println(m)
}
