// Command partial_env_headers parses headers only when they are given,
// then adds an authorization header under another condition (grafana/k6's
// getExporter): without headers it writes into a nil map.
package main

import (
	"encoding/base64"
	"fmt"
	"strings"
)

func parseHeaders(raw string) (map[string]string, error) {
	headers := make(map[string]string)
	for _, h := range strings.Split(raw, ",") {
		k, v, ok := strings.Cut(h, "=")
		if !ok {
			return nil, fmt.Errorf("invalid header %q", h)
		}
		headers[k] = v
	}
	return headers, nil
}

func exporterHeaders(raw, user, password string) (map[string]string, error) {
	var headers map[string]string
	var err error
	if raw != "" {
		headers, err = parseHeaders(raw)
		if err != nil {
			return nil, err
		}
	}

	// if a user was configured, use basic auth
	if user != "" {
		auth := []byte(user + ":" + password)
		headers["Authorization"] = "Basic " + base64.StdEncoding.EncodeToString(auth)
	}
	return headers, nil
}

func main() {
	h, err := exporterHeaders("a=1", "u", "p")
	fmt.Println(len(h), h["Authorization"], err)
	h, err = exporterHeaders("", "u", "p")
	fmt.Println(len(h), h["Authorization"], err)
}
