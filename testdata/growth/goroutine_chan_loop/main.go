// Command goroutine_chan_loop records when each user was last seen, from
// events a goroutine receives on a channel, in a package map that nothing
// deletes from.
package main

import (
	"fmt"
	"os"
	"strconv"
	"time"
)

type event struct {
	user string
	at   time.Time
}

var lastSeen = map[string]time.Time{}

func main() {
	events := make(chan event)
	done := make(chan struct{})
	go func() {
		for ev := range events {
			lastSeen[ev.user] = ev.at
		}
		close(done)
	}()
	for i := range count() {
		events <- event{user: "user" + strconv.Itoa(i), at: time.Now()}
	}
	close(events)
	<-done
	fmt.Println("len:", len(lastSeen))
}

// count is how many events to send: the first argument, or 10.
func count() int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			return n
		}
	}
	return 10
}
