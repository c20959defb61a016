// Package capacity builds a table of squares with range over an integer:
// the map gets exactly n entries, so make should be told.
package capacity

// Squares maps 0..n-1 to their squares.
func Squares(n int) map[int]int {
	sq := make(map[int]int) // want `^map sq is filled with n entries right after it is made; give make a size hint$`
	// range over int: exactly n iterations.
	for i := range n {
		sq[i] = i * i
	}
	return sq
}
