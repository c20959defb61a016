package sharedmap

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
		{"Must be called under the server lock.", true},
		{"Must be called with c.mu held.", true},
		{"s.mu must be held by the caller.", true},

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
		// What the function does with its own lock, or with locks as data.
		{"It holds the lock only while reading the map.", false},
		{"It avoids holding c.mu while dialing.", false},
		{"Snapshot copies the map while holding the read lock.", false},
		{"Update runs fn with the lock held.", false},
		{"Release releases all locks held by owner.", false},
		{"Locks returns the locks currently held.", false},
		{"Acquire blocks until the named lock is held.", false},
		{"Get is lock-free: it reads under a lock-free snapshot.", false},
		{"newTable allocates a map to hold the per-key locks.", false},
		{"runs under the server lock", false},
		{"Do not call this with the lock held.", false},
		{"It must be called without holding mu.", false},
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
		{"lock not held when called, but the map is owned by the loop goroutine.", true},
		{"no lock here, but the map is owned by the loop goroutine.", false},
		{"we don't hold the lock while dialing, but we store the result below.", false},
		{"no lock needed for reads, but writes must take mu.", false},
		{"lock must not be held when calling this, but the caller must hold rmu.", false},
		{"lock not held on entry, but callers must take it first.", false},
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

func TestSaysNoLockNeeded(t *testing.T) {
	for _, tc := range []struct {
		s    string
		want bool
	}{
		{"safe to read cancels because only written to in other parts of xds client callbacks, which are sync", true},
		{"this runs single-threaded during start-up", true},
		{"we read the map without locking: it is immutable once built", true},
		{"no need to lock here", true},

		{"not safe to read m without holding mu", false},
		{"it is unsafe to iterate over m here", false},
		{"the map is not safe to access concurrently", false},
		{"the returned map is a copy and is safe to modify", false},
		{"there's no locking order issue here", false},
		{"writes must never happen without locking", false},
	} {
		if got := saysNoLockNeeded(tc.s); got != tc.want {
			t.Errorf("saysNoLockNeeded(%q) = %v, want %v", tc.s, got, tc.want)
		}
	}
}

func TestLockedName(t *testing.T) {
	for name, want := range map[string]bool{
		"addLocked": true, "hasIssuerNoLock": true, "flush_locked": true, "matchNolock": true,
		"IsBlocked": false, "markUnlocked": false, "isDeadlocked": false, "Clocked": false, "Locked": false,
	} {
		if got := lockedName(name); got != want {
			t.Errorf("lockedName(%q) = %v, want %v", name, got, want)
		}
	}
}
