// Command no_method_call calls methods on a changed copy.
package main

import "fmt"

type temp struct{ C float64 }

func (t temp) F() float64 { return t.C*9/5 + 32 }

func (t *temp) Round() { t.C = float64(int(t.C)) }

func main() {
	temps := map[string]temp{"oslo": {-3.5}}
	t := temps["oslo"]
	t.C += 1
	fmt.Println(t.F())

	u := temps["oslo"]
	u.C = 7.7
	u.Round()
}
