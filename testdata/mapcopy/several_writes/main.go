// Command several_writes resets an account in several steps.
package main

import "fmt"

type account struct {
	Balance int
	Frozen  bool
	Reason  string
}

func freeze(accounts map[string]account, id, why string) {
	a, ok := accounts[id]
	if !ok {
		return
	}
	a.Frozen = true
	a.Reason = why
	fmt.Println("frozen", id)
	a.Balance = 0
}

func main() {
	accounts := map[string]account{"x1": {Balance: 100}}
	fmt.Println("before:", accounts)
	freeze(accounts, "x1", "fraud")
	fmt.Println("after:", accounts)
}
