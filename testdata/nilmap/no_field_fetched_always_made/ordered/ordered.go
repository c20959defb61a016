// Package ordered is a map that remembers the order of its keys.
package ordered

// Map maps keys to values in insertion order.
type Map[K comparable, V any] struct {
	keys []K
	m    map[K]V
}

// New makes an empty Map.
func New[K comparable, V any]() *Map[K, V] {
	return &Map[K, V]{m: make(map[K]V)}
}

// Get returns the value of k.
func (o *Map[K, V]) Get(k K) (V, bool) {
	v, ok := o.m[k]
	return v, ok
}

// Set sets the value of k.
func (o *Map[K, V]) Set(k K, v V) {
	if _, ok := o.m[k]; !ok {
		o.keys = append(o.keys, k)
	}
	o.m[k] = v
}

// Keys returns the keys in insertion order.
func (o *Map[K, V]) Keys() []K { return o.keys }
