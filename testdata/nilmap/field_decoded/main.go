// Command field_decoded restores its state from JSON, which leaves the map
// field nil when the snapshot has none, then adds to it (dapr's placement
// state, fixed in 9e441a105a).
package main

import (
	"encoding/json"
	"fmt"
)

// Data is the state as it is saved.
type Data struct {
	Index   uint64
	Members map[string]int
}

// State holds the current data.
type State struct {
	data Data
}

func newState() *State {
	return &State{data: Data{Members: map[string]int{}}}
}

func (s *State) restore(b []byte) error {
	var data Data
	if err := json.Unmarshal(b, &data); err != nil {
		return err
	}
	s.data = data
	return nil
}

func (s *State) upsert(name string, port int) {
	if _, ok := s.data.Members[name]; !ok {
		s.data.Members[name] = port
	}
}

func main() {
	s := newState()
	if err := s.restore([]byte(`{"Index": 3}`)); err != nil {
		panic(err)
	}
	s.upsert("a", 1)
	fmt.Println(s.data.Index, s.data.Members)
}
