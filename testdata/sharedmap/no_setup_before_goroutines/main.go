package main

import (
	"fmt"
	"sync"
)

// open fills the files map before the writers start, and close empties it
// after they are done (badger's valueLog). Neither runs on a goroutine of
// the package, nor is it API that users call at any time: what orders them
// is the code that calls them, and the race detector agrees.
type valueLog struct {
	filesLock sync.RWMutex
	files     map[int]string
	wg        sync.WaitGroup
}

func (v *valueLog) open(n int) {
	for i := range n {
		v.files[i] = fmt.Sprint("vlog", i)
	}
}

func (v *valueLog) rotate(i int) {
	v.filesLock.Lock()
	defer v.filesLock.Unlock()
	v.files[i] = fmt.Sprint("vlog", i, "-new")
}

func (v *valueLog) read(i int) string {
	v.filesLock.RLock()
	defer v.filesLock.RUnlock()
	return v.files[i]
}

func (v *valueLog) has(i int) bool {
	v.filesLock.RLock()
	defer v.filesLock.RUnlock()
	_, ok := v.files[i]
	return ok
}

func (v *valueLog) drop(i int) {
	v.filesLock.Lock()
	defer v.filesLock.Unlock()
	delete(v.files, i)
}

func (v *valueLog) start() {
	for g := range 3 {
		v.wg.Go(func() {
			for i := range 4 {
				v.rotate(g*10 + i)
				_ = v.read(i)
				if v.has(g*10 + i) {
					v.drop(g*10 + i)
				}
			}
		})
	}
}

func (v *valueLog) close() int {
	v.wg.Wait()
	n := len(v.files)
	clear(v.files)
	return n
}

func main() {
	v := &valueLog{files: map[int]string{}}
	v.open(4)
	v.start()
	fmt.Println(v.close())
}
