// Command range_conditional marks overdue tasks, on copies of them.
package main

import "fmt"

type task struct {
	Due     int
	Overdue bool
}

func mark(tasks map[string]task, now int) (late []string) {
	for id, t := range tasks {
		if t.Due < now {
			// Late: flag it.
			t.Overdue = true
			late = append(late, id)
		}
	}
	return late
}

func main() {
	tasks := map[string]task{"a": {Due: 1}, "b": {Due: 9}}
	fmt.Println("before:", tasks)
	fmt.Println(mark(tasks, 5))
	fmt.Println("after:", tasks)
}
