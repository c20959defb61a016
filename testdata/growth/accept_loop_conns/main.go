// Command accept_loop_conns serves each accepted connection on a goroutine
// of its own, which registers the client and never unregisters it.
package main

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"strconv"
	"sync"
	"time"
)

type server struct {
	mu      sync.Mutex
	clients map[string]time.Time
}

func (s *server) acceptLoop(ln net.Listener) {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		go s.serve(conn)
	}
}

func (s *server) serve(conn net.Conn) {
	defer conn.Close()
	s.mu.Lock()
	s.clients[conn.RemoteAddr().String()] = time.Now()
	s.mu.Unlock()
	fmt.Fprintln(conn, "hello")
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	s := &server{clients: map[string]time.Time{}}
	go s.acceptLoop(ln)
	for range connections() {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			panic(err)
		}
		if _, err := bufio.NewReader(c).ReadString('\n'); err != nil {
			panic(err)
		}
		c.Close()
	}
	s.mu.Lock()
	fmt.Println("len:", len(s.clients))
	s.mu.Unlock()
}

// connections is how many connections to open: the first argument, or 10.
func connections() int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			return n
		}
	}
	return 10
}
