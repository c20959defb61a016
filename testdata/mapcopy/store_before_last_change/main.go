// Command store_before_last_change stores a task's copy back, then sets its
// finish time on the copy: the store came too early, and the finish time
// never reaches the map.
package main

import "fmt"

type task struct {
	Phase    string
	Finished int
}

func finish(tasks map[string]task, id string, now int) {
	t := tasks[id]
	t.Phase = "done"
	tasks[id] = t
	t.Finished = now
}

func main() {
	tasks := map[string]task{"build": {Phase: "running"}}
	fmt.Println("before:", tasks)
	finish(tasks, "build", 42)
	fmt.Println("after:", tasks)
}
