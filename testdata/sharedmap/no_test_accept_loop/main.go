// Command no_test_accept_loop keeps a count of what a fake server, in its
// test, was asked (tailscale's chirp tests): the test's server starts a
// goroutine per connection in its accept loop, but its one client never
// connects twice at once, and go test -race judges what tests run.
package main

import "fmt"

func main() {
	fmt.Println("see main_test.go")
}
