// Command no_per_connection_client gives each connection a client of its
// own, whose read loop remembers the topics the client subscribed to: the
// map lives as long as the connection, not the process.
package main

import (
	"bufio"
	"fmt"
	"net"
	"os"
	"strconv"
	"sync"
)

type client struct {
	conn   net.Conn
	topics map[string]bool
}

type server struct {
	mu     sync.Mutex
	served int
}

func (s *server) acceptLoop(ln net.Listener) {
	for {
		conn, err := ln.Accept()
		if err != nil {
			return
		}
		s.handle(conn)
	}
}

func (s *server) handle(conn net.Conn) {
	c := &client{conn: conn, topics: map[string]bool{}}
	go c.readLoop(s)
}

func (c *client) readLoop(s *server) {
	defer c.conn.Close()
	rd := bufio.NewReader(c.conn)
	for {
		line, err := rd.ReadString('\n')
		if err != nil {
			break
		}
		c.topics[line] = true
		fmt.Fprintln(c.conn, len(c.topics))
	}
	s.mu.Lock()
	s.served++
	s.mu.Unlock()
}

func main() {
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		panic(err)
	}
	defer ln.Close()
	s := &server{}
	go s.acceptLoop(ln)
	for i := range connections() {
		c, err := net.Dial("tcp", ln.Addr().String())
		if err != nil {
			panic(err)
		}
		fmt.Fprintln(c, "topic"+strconv.Itoa(i))
		if _, err := bufio.NewReader(c).ReadString('\n'); err != nil {
			panic(err)
		}
		c.Close()
	}
	fmt.Println("connections:", connections())
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
