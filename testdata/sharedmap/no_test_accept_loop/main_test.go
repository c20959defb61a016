package main

import (
	"bufio"
	"fmt"
	"net"
	"path/filepath"
	"testing"
)

type fakeServer struct {
	net.Listener
	enabled map[string]bool
}

func (fs *fakeServer) listen() {
	for {
		c, err := fs.Accept()
		if err != nil {
			return
		}
		go fs.handle(c)
	}
}

func (fs *fakeServer) handle(c net.Conn) {
	defer c.Close()
	sc := bufio.NewScanner(c)
	for sc.Scan() {
		fs.enabled[sc.Text()] = true
		fmt.Fprintln(c, "ok")
	}
}

func TestEnable(t *testing.T) {
	ln, err := net.Listen("unix", filepath.Join(t.TempDir(), "sock"))
	if err != nil {
		t.Fatal(err)
	}
	fs := &fakeServer{Listener: ln, enabled: map[string]bool{}}
	go fs.listen()
	c, err := net.Dial("unix", ln.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	r := bufio.NewScanner(c)
	for _, p := range []string{"bgp", "ospf"} {
		fmt.Fprintln(c, p)
		r.Scan()
	}
	c.Close()
	ln.Close()
}
