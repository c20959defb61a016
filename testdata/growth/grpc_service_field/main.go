// Command grpc_service_field implements a gRPC-style service whose method
// counts pings per client in a field of the service, which the server
// keeps for as long as it serves.
package main

import (
	"context"
	"fmt"
	"os"
	"strconv"
	"sync"

	"github.com/mapfix/mapfix/testdata/growth/grpc_service_field/pb"
)

type pingService struct {
	mu      sync.Mutex
	byPeer  map[string]int
	started int
}

func (p *pingService) Ping(ctx context.Context, req *pb.PingRequest) (int, error) {
	p.mu.Lock()
	defer p.mu.Unlock()
	p.byPeer[req.Client]++
	return p.byPeer[req.Client], nil
}

func main() {
	srv := &pb.Server{}
	svc := &pingService{byPeer: map[string]int{}}
	pb.RegisterPingServer(srv, svc)
	for i := range requests() {
		if _, err := srv.Handle(context.Background(), &pb.PingRequest{Client: "c" + strconv.Itoa(i)}); err != nil {
			panic(err)
		}
	}
	svc.mu.Lock()
	fmt.Println("len:", len(svc.byPeer))
	svc.mu.Unlock()
}

// requests is how many requests to simulate: the first argument, or 10.
func requests() int {
	if len(os.Args) > 1 {
		if n, err := strconv.Atoi(os.Args[1]); err == nil {
			return n
		}
	}
	return 10
}
