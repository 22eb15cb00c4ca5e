import CPrefetch

/// An open-addressing map from 64-bit hashes (already well mixed: FNV-1a, ``TermHash``) to
/// `Int32`, without the per-lookup SipHash of `Dictionary`. Entries are never removed. Each slot
/// holds its key and its value side by side, so that a probe reads one cache line: the token memo
/// of ``TermTable`` is megabytes large, and its probes were the vectors stage's main cost.
package struct HashIndex: Sendable, Equatable {
    /// A key (0: empty) and its value.
    @usableFromInline struct Slot: Sendable, Equatable {
        @usableFromInline var key: UInt64
        @usableFromInline var value: Int32
    }

    @usableFromInline var slots = [Slot](repeating: Slot(key: 0, value: 0), count: 1024)
    private var used = 0

    /// An empty index.
    package init() {}

    /// The value stored for `hash`; setting nil is not allowed. Lookups are inlinable: other
    /// modules probe it per term.
    package subscript(hash: UInt64) -> Int32? {
        @inlinable @inline(__always) get {
            let key = HashIndex.storedKey(hash)
            // Raw buffers: the probe runs once per token, and the array's subscript was not inlined.
            return slots.withUnsafeBufferPointer { slots in
                let mask = slots.count - 1
                var slot = HashIndex.firstSlot(key, mask: mask)
                while true {
                    let stored = slots[slot]
                    if stored.key == key { return stored.value }
                    if stored.key == 0 { return nil }
                    slot = (slot + 1) & mask
                }
            }
        }
        set {
            guard let newValue else { preconditionFailure("HashIndex never removes") }
            // Grows past three quarters full: a smaller table misses the cache less, and linear
            // probes stay within a line or two.
            if (used + 1) * 4 > slots.count * 3 { grow() }
            let key = HashIndex.storedKey(hash)
            let mask = slots.count - 1
            var slot = HashIndex.firstSlot(key, mask: mask)
            while slots[slot].key != 0 && slots[slot].key != key { slot = (slot + 1) & mask }
            if slots[slot].key == 0 { used += 1 }
            slots[slot] = Slot(key: key, value: newValue)
        }
    }

    /// The key stored for `hash`: 0 marks an empty slot, so a hash of 0 is stored as 1.
    @usableFromInline @inline(__always)
    static func storedKey(_ hash: UInt64) -> UInt64 { hash == 0 ? 1 : hash }

    /// The slot where the linear probe for `key` starts, in a table of `mask + 1` slots.
    @usableFromInline @inline(__always)
    static func firstSlot(_ key: UInt64, mask: Int) -> Int { Int(truncatingIfNeeded: key ^ (key >> 29)) & mask }

    /// Asks for the cache line of the slot where a probe for `hash` starts.
    @inline(__always)
    package func prefetch(_ hash: UInt64) {
        slots.withUnsafeBufferPointer { slots in
            isnad_prefetch(slots.baseAddress! + HashIndex.firstSlot(HashIndex.storedKey(hash), mask: slots.count - 1))
        }
    }

    private mutating func grow() {
        let old = slots
        slots = [Slot](repeating: Slot(key: 0, value: 0), count: old.count * 2)
        let mask = slots.count - 1
        for entry in old where entry.key != 0 {
            var slot = HashIndex.firstSlot(entry.key, mask: mask)
            while slots[slot].key != 0 { slot = (slot + 1) & mask }
            slots[slot] = entry
        }
    }
}
