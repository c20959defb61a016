// Command no_field_decoded_filled restores its state from JSON and makes
// the map field when the snapshot has none, before keeping it.
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

func (s *State) restore(b []byte) error {
	var data Data
	if err := json.Unmarshal(b, &data); err != nil {
		return err
	}
	if data.Members == nil {
		data.Members = map[string]int{}
	}
	s.data = data
	return nil
}

func (s *State) upsert(name string, port int) {
	s.data.Members[name] = port
}

func main() {
	s := &State{data: Data{Members: map[string]int{}}}
	if err := s.restore([]byte(`{"Index": 3}`)); err != nil {
		panic(err)
	}
	s.upsert("a", 1)
	fmt.Println(s.data.Index, s.data.Members)
}
