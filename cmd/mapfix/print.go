package main

import (
	"bytes"
	"fmt"
	"io"
	"os"

	"github.com/mapfix/mapfix/rewrite"
)

const (
	ansiReset = "\x1b[0m"
	ansiBold  = "\x1b[1m"
	ansiRed   = "\x1b[31m"
	ansiGreen = "\x1b[32m"
	ansiCyan  = "\x1b[36m"
)

// colorOK reports whether w is a terminal that wants colour: escape codes in
// a file, a pipe or a hook's log would only be noise.
func colorOK(w io.Writer) bool {
	f, ok := w.(*os.File)
	if !ok || os.Getenv("NO_COLOR") != "" || os.Getenv("TERM") == "dumb" {
		return false
	}
	fi, err := f.Stat()
	return err == nil && fi.Mode()&os.ModeCharDevice != 0
}

func printFinding(w io.Writer, f rewrite.Finding, color bool) {
	pos := fmt.Sprintf("%s:%d:%d:", f.Pos.Filename, f.Pos.Line, f.Pos.Column)
	if color {
		pos = ansiBold + pos + ansiReset
	}
	msg := f.Message
	if !f.Fixable {
		msg += " (not fixed: " + f.Reason + ")"
	}
	fmt.Fprintf(w, "%s %s: %s\n", pos, f.Rule, msg)
}

func printDiffs(w io.Writer, res *rewrite.Result, color bool) {
	for _, c := range res.Changes {
		if !color {
			w.Write(c.Diff)
			continue
		}
		for _, line := range bytes.Split(bytes.TrimSuffix(c.Diff, []byte("\n")), []byte("\n")) {
			style := ""
			switch {
			case bytes.HasPrefix(line, []byte("---")), bytes.HasPrefix(line, []byte("+++")):
				style = ansiBold
			case len(line) == 0:
			case line[0] == '@':
				style = ansiCyan
			case line[0] == '+':
				style = ansiGreen
			case line[0] == '-':
				style = ansiRed
			}
			if style == "" {
				fmt.Fprintf(w, "%s\n", line)
			} else {
				fmt.Fprintf(w, "%s%s%s\n", style, line, ansiReset)
			}
		}
	}
}
