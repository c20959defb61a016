package main

import (
	"bytes"
	"os"
	"runtime/metrics"
	"runtime/pprof"
	"time"
)

// A peakProfiler keeps the heap profile of the moment the heap held the
// most. A profile written at exit says little about mapfix: it drops each
// package once its rules have run, so what it held at its peak (several
// packages type-checked at once, their fixes being re-checked) is gone by
// then. It samples the live heap and takes a profile each time the heap
// has grown by a tenth since the last one.
type peakProfiler struct {
	stop chan struct{}
	done chan struct{}
	best []byte // the profile at the largest heap seen
	peak uint64 // the heap's size then, in bytes
}

const heapObjects = "/memory/classes/heap/objects:bytes"

func startPeakProfiler() *peakProfiler {
	p := &peakProfiler{stop: make(chan struct{}), done: make(chan struct{})}
	go func() {
		defer close(p.done)
		sample := []metrics.Sample{{Name: heapObjects}}
		tick := time.NewTicker(20 * time.Millisecond)
		defer tick.Stop()
		for {
			metrics.Read(sample)
			if n := sample[0].Value.Uint64(); n > p.peak+p.peak/10 {
				var buf bytes.Buffer
				if pprof.Lookup("heap").WriteTo(&buf, 0) == nil {
					p.best, p.peak = buf.Bytes(), n
				}
			}
			select {
			case <-p.stop:
				return
			case <-tick.C:
			}
		}
	}()
	return p
}

// write stops the sampling and writes the profile of the peak to name.
func (p *peakProfiler) write(name string) error {
	close(p.stop)
	<-p.done
	return os.WriteFile(name, p.best, 0o666)
}
