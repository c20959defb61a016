// Command nested_add_import sets headers per host; the inner type comes
// from a package that this file does not import.
package main

import "fmt"

func main() {
	hs := Headers{}
	for _, h := range []string{"a.example", "b.example"} {
		hs[h]["X-Host"] = []string{h}
	}
	fmt.Println(hs["a.example"].Get("X-Host"), hs["b.example"].Get("X-Host"))
}
