// Command no_sent_after_change fills in a copy of a template and sends it:
// the copy is what the code wants, and storing it back would change the
// template for every later message.
package main

import "fmt"

type msg struct {
	To, Body string
	ID       int
}

var templates = map[string]msg{"welcome": {Body: "hi"}}

var sent []msg

func send(m msg) int {
	sent = append(sent, m)
	return len(sent)
}

func notify(user string) {
	m := templates["welcome"]
	m.To = user
	m.ID = send(m) // send reads m.To
}

func main() {
	notify("ann")
	notify("bob")
	fmt.Println(sent, templates)
}
