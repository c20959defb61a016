// Command call_nil_result writes into the context that parseContext
// returns, which is nil when the metadata has none (minio's
// ParseMetadata, fixed in 708ce680f1).
package main

import (
	"errors"
	"fmt"
	"strings"
)

// Context holds key-value pairs.
type Context map[string]string

// parseContext parses "k=v,k=v" from the metadata; without one, the
// context stays nil.
func parseContext(meta map[string]string) (key string, ctx Context, err error) {
	key, ok := meta["key"]
	if !ok {
		return "", nil, errors.New("no key")
	}
	if s, ok := meta["ctx"]; ok {
		ctx = Context{}
		for _, kv := range strings.Split(s, ",") {
			k, v, _ := strings.Cut(kv, "=")
			ctx[k] = v
		}
	}
	return key, ctx, nil
}

func unseal(meta map[string]string, bucket string) (string, error) {
	key, ctx, err := parseContext(meta)
	if err != nil {
		return "", err
	}
	if _, ok := ctx[bucket]; !ok {
		ctx[bucket] = "default"
	}
	return fmt.Sprint(key, ctx), nil
}

func main() {
	fmt.Println(unseal(map[string]string{"key": "k1", "ctx": "a=1"}, "b"))
	fmt.Println(unseal(map[string]string{"key": "k2"}, "b"))
}
