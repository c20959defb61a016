package main

import "net/http"

// Headers holds the headers to send to each host.
type Headers map[string]http.Header
