// Package pb stands for the code protoc-gen-go-grpc generates: a service
// interface, its request type, and the function that registers an
// implementation with a server, which calls it once per request.
package pb

import "context"

// A PingRequest says who is pinging.
type PingRequest struct {
	Client string
}

// PingServer is the service.
type PingServer interface {
	Ping(context.Context, *PingRequest) (int, error)
}

// A Server dispatches requests to the services registered with it.
type Server struct {
	ping PingServer
}

// RegisterPingServer registers impl with s.
func RegisterPingServer(s *Server, impl PingServer) { s.ping = impl }

// Handle serves one request.
func (s *Server) Handle(ctx context.Context, req *PingRequest) (int, error) {
	return s.ping.Ping(ctx, req)
}
