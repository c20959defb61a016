package main

import (
	"fmt"
	"sort"
	"sync"
)

// The summaries are built by the functions that return them or are handed
// them, while they hold the read lock of the stats they summarize (minio's
// replication stats): that lock guards r.byBucket, not the summary's maps.
type summary struct {
	totals map[string]int
	peers  map[string]int
}

type stats struct {
	sync.RWMutex
	byBucket map[string]int
}

func (r *stats) add(bucket string, n int) {
	r.Lock()
	r.byBucket[bucket] += n
	r.Unlock()
}

func (r *stats) bucketSummary(bucket string) (qs summary) {
	qs.totals = make(map[string]int)
	r.RLock()
	defer r.RUnlock()
	qs.totals[bucket] = r.byBucket[bucket]
	return qs
}

func (r *stats) nodeSummary() (qs summary) {
	qs.totals = make(map[string]int)
	r.RLock()
	defer r.RUnlock()
	for b, n := range r.byBucket {
		qs.totals[b] = n
	}
	return qs
}

func (r *stats) fillPeers(s *summary) {
	r.RLock()
	defer r.RUnlock()
	s.peers["local"] = len(r.byBucket)
}

func (r *stats) fillRemote(s *summary) {
	r.RLock()
	defer r.RUnlock()
	s.peers["remote"] = len(r.byBucket) * 2
}

func main() {
	r := &stats{byBucket: map[string]int{}}
	var wg sync.WaitGroup
	for g := range 4 {
		wg.Go(func() {
			for i := range 20 {
				r.add(fmt.Sprint("b", (g+i)%3), 1)
				_ = r.bucketSummary("b0")
				_ = r.nodeSummary()
				s := summary{peers: map[string]int{}}
				r.fillPeers(&s)
				r.fillRemote(&s)
			}
		})
	}
	wg.Wait()
	s := r.nodeSummary()
	s.peers = map[string]int{}
	r.fillPeers(&s)
	r.fillRemote(&s)
	keys := make([]string, 0, len(s.totals))
	for k := range s.totals {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	for _, k := range keys {
		fmt.Println(k, s.totals[k])
	}
	fmt.Println(r.bucketSummary("b1").totals, s.peers)
}
