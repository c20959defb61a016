// Command no_field_stored_ctor keeps a translator inside a provider. The
// provider starts as a zero value, whose translator has no map of funcs,
// but nothing writes into that placeholder: load stores a translator that
// newTranslator made, with its map, into the field first, and only
// newTranslator's own value is written into (hugo's TranslationProvider,
// whose NewResource stores NewTranslator's result in tp.t).
package main

import (
	"fmt"
	"strings"
)

type translator struct {
	lang  string
	funcs map[string]func(string) string
}

func newTranslator(lang string, keys []string) translator {
	t := translator{lang: lang, funcs: make(map[string]func(string) string)}
	t.init(keys)
	return t
}

func (t translator) init(keys []string) {
	for _, k := range keys {
		t.funcs[k] = strings.ToUpper
	}
}

type provider struct {
	t translator
}

func newProvider() *provider {
	return &provider{}
}

func (p *provider) load(lang string, keys []string) {
	p.t = newTranslator(lang, keys)
}

func main() {
	p := newProvider()
	p.load("en", []string{"hello"})
	fmt.Println(p.t.lang, p.t.funcs["hello"]("hello"))
}
