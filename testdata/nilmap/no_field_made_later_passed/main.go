package main

import "fmt"

type response struct {
	state map[string]string
}

func restore(resp *response, saved map[string]string) {
	resp.state = make(map[string]string, len(saved))
	for k, v := range saved {
		resp.state[k] = v
	}
}

// start hands resp to restore before it writes: restore makes the map on
// that path.
func start(saved map[string]string, resp *response) {
	if saved != nil {
		restore(resp, saved)
		resp.state["restored"] = "yes"
		return
	}
	resp.state = map[string]string{"restored": "no"}
}

func main() {
	a, b := &response{}, &response{}
	start(map[string]string{"u": "1"}, a)
	start(nil, b)
	fmt.Println(a.state["restored"], b.state["restored"])
}
