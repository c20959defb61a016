package main

import "fmt"

type request struct {
	user     string
	previous map[string]string
}

type response struct {
	state map[string]string
}

// prestart makes resp.state on the first start only; on a restart it
// writes the saved user into resp.state and returns before that make.
// The make says the field arrives without a map, so the restart's write
// panics (nomad's dynamic users hook, fixed by making the map before both
// paths).
func prestart(req *request, resp *response) error {
	if req.previous != nil {
		if u, ok := req.previous["user"]; ok {
			resp.state["user"] = u
			return nil
		}
	}
	resp.state = make(map[string]string, 1)
	resp.state["user"] = req.user
	return nil
}

func main() {
	first := &response{}
	prestart(&request{user: "nobody"}, first)
	again := &response{}
	prestart(&request{previous: first.state}, again)
	fmt.Println(first.state["user"], again.state["user"])
}
