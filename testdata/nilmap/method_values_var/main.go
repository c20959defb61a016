// Command method_values_var builds a query string in a url.Values that is
// declared without a value: Set writes into it (VictoriaMetrics'
// newNomadWatcher).
package main

import (
	"fmt"
	"net/url"
)

func queryArgs(stale bool, namespace, region string) string {
	var qa url.Values
	if stale {
		qa.Set("stale", "")
	}
	if namespace != "" {
		qa.Set("namespace", namespace)
	}
	if region != "" {
		qa.Set("region", region)
	}
	return qa.Encode()
}

func main() {
	fmt.Println(queryArgs(false, "", ""))
	fmt.Println(queryArgs(true, "default", "eu"))
}
