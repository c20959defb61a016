package main

import (
	"fmt"
	"sync"
	"time"
)

// The lock call carries the label that the session's loop jumps to, as in
// syncthing's relay server: it is still a lock call.
var (
	sessionMut = sync.RWMutex{}
	pending    = map[int]string{}
)

func register(id int) {
	sessionMut.Lock()
	pending[id] = "waiting"
	sessionMut.Unlock()
}

func serve(id int, joined <-chan bool) {
	for {
		select {
		case ok := <-joined:
			if !ok {
				goto done
			}
			return
		case <-time.After(time.Second):
			goto done
		}
	}
done:
	sessionMut.Lock()
	delete(pending, id)
	sessionMut.Unlock()
}

func count() int {
	sessionMut.RLock()
	defer sessionMut.RUnlock()
	return len(pending)
}

func main() {
	var wg sync.WaitGroup
	for id := range 4 {
		register(id)
		joined := make(chan bool)
		wg.Go(func() { serve(id, joined) })
		close(joined)
	}
	wg.Wait()
	fmt.Println(count())
}
