package main

import (
	"fmt"
	"sync"
)

// The write's key comes from a function value, which could use errs too:
// wrapping the statement in a lock could deadlock (minio's site
// replication calls globalDeploymentID() there).
var siteName = func(i int) string { return fmt.Sprint("site", i) }

func main() {
	errs := map[string]error{}
	var wg sync.WaitGroup
	for i := range 3 {
		wg.Add(1)
		go func() {
			defer wg.Done()
			errs[siteName(i)] = fmt.Errorf("site %d failed", i)
		}()
	}
	wg.Wait()
	fmt.Println(len(errs))
}
