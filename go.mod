module github.com/mapfix/mapfix

go 1.26.8

require (
	github.com/dave/dst v0.28.0 // indirect
	github.com/sergi/go-diff v1.4.0 // indirect
	golang.org/x/mod v0.42.0 // indirect
	golang.org/x/sync v0.24.0 // indirect
	golang.org/x/tools v0.52.0 // indirect
)
