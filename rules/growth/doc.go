// Package growth reports a map in long-lived state that gains an entry per
// request or per event, with keys that come from the request or the event,
// and that nothing in the package ever shrinks. Such a map grows with the
// traffic the process has served since it started: memory that is never
// given back, until the process is restarted or killed (and a client that
// sends new keys decides how fast).
//
// A map is long-lived when it is held by a package variable, by a field of
// a struct that the package keeps for the life of the process, or by a
// local variable captured by an HTTP handler or a callback that the package
// registers (the registration keeps it alive). A struct is kept when it is
// reached from a package variable, from the receiver of an HTTP handler
// method (ServeHTTP, or a method value registered as a handler or
// callback), from what a handler or callback captures, or from the
// receiver and arguments of a goroutine that its spawner does not wait for
// — following field selections, pointers and slice or array elements (not
// map elements), through local copies, and into the package's functions and
// methods that such code calls (six calls deep), so that a store that a
// constructor made and a server struct keeps is long-lived when the server
// is.
//
// Per request or per event means code that runs in:
//
//   - an HTTP handler: a function or method passed to http.HandleFunc,
//     ServeMux.HandleFunc or any call as a func(http.ResponseWriter,
//     *http.Request), converted with http.HandlerFunc(f), or a method named
//     Serve followed by a protocol (ServeHTTP, also with a next handler as
//     in Caddy, ServeDNS as in CoreDNS, ServeConn) that takes parameters,
//     or any function shaped like a handler wherever it is registered (it
//     takes an http.ResponseWriter and an *http.Request, or a gin, echo or
//     fiber request context first); the keys come from its parameters;
//   - a gRPC method: an exported method taking a context.Context first, of
//     a type of the package whose value is passed to another package's
//     Register…Server function; the keys come from its parameters;
//   - a for loop of a function started with go (not one whose spawner then
//     waits for it: a Wait() call, or a receive from a channel the spawner
//     made, which makes it a batch worker; main never waits); the keys come
//     from what the loop receives: a value received from a channel (v :=
//     <-ch, case v := <-ch, for v := range ch), or the result of a call of
//     another package's method that also returns an error (conn.Read,
//     ln.Accept, dec.Decode); a goroutine started in an endless for loop
//     (go s.serve(conn) after ln.Accept()) runs per event as a whole, and
//     its arguments, and what it captures from the iteration, are the
//     event;
//   - a callback registered with another package: a function passed to
//     another package's function or method named like a registration
//     (Handle…, Subscribe…, On…, Add…, Set… or Register… ending in
//     Handler, Listener, Hook, Callback or Func, Watch…, Listen…, Notify…,
//     GET, POST and the other HTTP verbs of routers; not a plain Register,
//     as plugin.Register(name, setup) takes a function that runs once per
//     configuration), or stored in a field of another package's struct
//     (http.Server.ConnState, httputil.ReverseProxy.Director,
//     tls.Config.GetCertificate; not cobra's or urfave/cli's commands, which
//     run once); the keys come from its parameters;
//
// and in the package's functions that such code calls, whose parameters
// carry the keys the call passes. A key comes from the request or the event
// when it is derived from those values: computed from them, selected or
// indexed from them, returned by a call that takes them (by a function of
// the package only when it returns something derived from them).
//
// An insert is m[k] = v, m[k] op= v, m[k]++ or m[k]--. A map is shrunk when
// anything in the package (outside _test.go files) deletes from it
// (delete, clear, maps.DeleteFunc), also through a local copy of it or a
// parameter it is passed as; or assigns it (a reset on a timer, in Close or
// Reset: m = make(…), m = nil, s.m = …), or replaces the struct that holds
// it (s.cache = newCache(), *s = Server{}), outside init, main and the
// function that builds that struct. A delete from a map whose origin is
// not known (a call's result, a range variable, a parameter of a function
// that the package does not call itself) counts for every map of the same
// type.
//
// Not reported: keys of small finite types (bool, int8, uint8, int16,
// uint16, named integer types with constants declared, reflect.Type, and
// arrays and structs of these with at most 65536 values in all); keys that
// are constants or otherwise not derived from the request or event; inserts
// that only update an entry that exists (under if _, ok := m[k]; ok, or
// after if !ok { return }) or that only run for constant keys (in a case
// of switch k listing constants); maps bounded by their length (the
// package compares len(m) with <, <=, > or >= against something other
// than 0 or 1 anywhere, as in if len(m) >= max { return }); maps written only in init, in main or
// in other setup that does not run per request or event; maps made per
// request; goroutines that their spawner waits for; handlers, goroutines
// and callbacks that test helpers (functions taking a *testing.T,
// testing.TB…) register or start; and code in _test.go files.
//
// The finding is reported on the first insert, once per map, and names
// where the map grows. There is no automatic fix: whether entries should
// be deleted when a session ends, expire after a while, or be capped by an
// LRU or a size bound is a design decision.
//
// Before:
//
//	var sessions = map[string]time.Time{}
//
//	func handleLogin(w http.ResponseWriter, r *http.Request) {
//		sessions[r.FormValue("user")] = time.Now() // one entry per user, forever
//	}
//
// After, deleting the entry when it is no longer needed:
//
//	func handleLogout(w http.ResponseWriter, r *http.Request) {
//		delete(sessions, r.FormValue("user"))
//	}
//
// or bounding the map (an LRU cache, or a size check):
//
//	if len(sessions) >= maxSessions {
//		http.Error(w, "too many sessions", http.StatusServiceUnavailable)
//		return
//	}
//	sessions[r.FormValue("user")] = time.Now()
package growth
