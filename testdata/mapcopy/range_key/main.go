// Command range_key retries every failed job: the retry count is bumped on
// a copy of each job.
package main

import "fmt"

type job struct {
	Failed  bool
	Retries int
}

func retry(jobs map[string]job, paused map[string]bool) {
	for name, j := range jobs {
		if !j.Failed || paused[name] {
			continue
		}
		j.Retries++ // the count goes into the copy
	}
}

func main() {
	jobs := map[string]job{"build": {Failed: true}, "test": {Failed: true, Retries: 2}, "lint": {}}
	fmt.Println("before:", jobs)
	retry(jobs, map[string]bool{"test": true})
	fmt.Println("after:", jobs)
}
