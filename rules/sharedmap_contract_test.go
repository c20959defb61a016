package rules

import "testing"

// The phrases are taken from real code bases' doc comments (nats-server,
// the Go standard library, etcd); the negative ones must keep the access
// reportable.
func TestSaysHeld(t *testing.T) {
	for _, tc := range []struct {
		doc  string
		want bool
	}{
		{"Used to remember a pending ack reply in a replicated consumer.\nLock should be held.\n", true},
		{"add URLs from the given array to the urls map only if not already present.\nremoteGateway write lock is assumed to be held on entry.\n", true},
		{"Write lock is held on entry.", true},
		{"checkMsgId will process and check for duplicates.\nmset.ddMu lock should be held.\n", true},
		{"trim drops old entries. The caller must hold mu.", true},
		{"The caller must hold\nthe lock.", true},
		{"c.mu must be held.", true},
		{"Assumes s.mu is locked.", true},
		{"called while holding the write lock", true},
		{"runs under the server lock", true},

		{"Lock not held on entry, but session is in the locked map.", false},
		{"Must not be called with the lock held.", false},
		{"Lock is never held here.", false},
		{"Set stores v under k.", false},
		{"hold returns the entries a peer holds.", false},
		{"Locked reports whether the account is locked out.", false},
		{"The cache holds entries for a minute.", false},
		{"The function acquires the lock itself.", false},
		{"Blocking: the caller must hold on to the result.", false},
		{"Waits until the clock has held still.", false},
	} {
		if got := saysHeld(tc.doc); got != tc.want {
			t.Errorf("saysHeld(%q) = %v, want %v", tc.doc, got, tc.want)
		}
	}
}

func TestExplainsNoLock(t *testing.T) {
	for _, tc := range []struct {
		text string
		want bool
	}{
		{"lock not held on entry, but session is in the locked map.", true},
		{"no lock here, but the map is owned by the loop goroutine.", true},
		{"lock not held on entry.", false},
		{"the lock is held, but not for long.", false},
		{"grows the table, but keeps the order.", false},
		{"do not pass messages before start(), but avoid blocking pause()", false},
		{"no deadlock here, but see below.", false},
	} {
		if got := explainsNoLock(tc.text); got != tc.want {
			t.Errorf("explainsNoLock(%q) = %v, want %v", tc.text, got, tc.want)
		}
	}
}
