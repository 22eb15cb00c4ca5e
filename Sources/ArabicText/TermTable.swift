import CPrefetch

/// Dense ids for the terms one worker meets, with a memo of every token key it has analysed:
/// a word seen before costs one hash probe instead of a stop-word lookup, a stem and a term hash.
/// Ids are given in order of first appearance, so the same text always gets the same ids.
public struct TermTable: Sendable {
    /// The ``TermHash`` of each term, by id.
    public private(set) var hashes: [UInt64] = []
    /// Each term as text, by id.
    public private(set) var names: [String] = []
    /// Term hash → id.
    private var idOfTerm = HashIndex()
    /// Key hash (with the alef-maksura bit) → id, or ``stopWord``.
    private var idOfKey = HashIndex()

    private static let stopWord: Int32 = -1

    /// An empty table.
    public init() {}

    /// The number of terms.
    public var count: Int { hashes.count }

    /// The terms alone, without the memo that assigns ids: what is kept of a table once its
    /// documents are counted (the memo holds every distinct token key and is the larger part).
    public var terms: TermTable {
        var kept = TermTable()
        kept.hashes = hashes
        kept.names = names
        return kept
    }

    /// A token of the line being analysed, waiting for its id.
    private struct QueuedToken {
        let wordHash: UInt64
        let keyHash: UInt64
        /// Where its key ends in `queuedKeys` (it starts where the previous token's ends).
        let keyEnd: Int
        let kind: TokenKind
        let endsWithAlefMaksura: Bool
    }

    /// The tokens of the line being analysed, and their keys one after another.
    private var queued: [QueuedToken] = []
    private var queuedKeys: [Unicode.Scalar] = []

    /// Queues a token of the line being analysed and asks for its memo slot: the memo holds every
    /// key met and is megabytes large, so most of its probes missed the cache one after another;
    /// queued, a line's probes overlap.
    @inline(__always)
    mutating func queue(key: UnsafeBufferPointer<Unicode.Scalar>, kind: TokenKind, endsWithAlefMaksura: Bool, wordHash: UInt64) {
        let keyHash = TermHash.of(key) ^ (endsWithAlefMaksura ? 1 : 0)
        idOfKey.prefetch(keyHash)
        queuedKeys.append(contentsOf: key)
        queued.append(QueuedToken(wordHash: wordHash, keyHash: keyHash, keyEnd: queuedKeys.count, kind: kind, endsWithAlefMaksura: endsWithAlefMaksura))
    }

    /// Calls `body` with the word hash and the term id (nil for a stop word) of each queued token,
    /// in order, and empties the queue.
    @inline(__always)
    mutating func takeQueued(analyzer: Analyzer, _ body: (_ wordHash: UInt64, _ term: Int32?) -> Void) {
        // The queues are moved out while ids are assigned, and back, to keep their capacity.
        var tokens: [QueuedToken] = [], keys: [Unicode.Scalar] = []
        swap(&tokens, &queued)
        swap(&keys, &queuedKeys)
        keys.withUnsafeBufferPointer { keys in
            var start = 0
            for token in tokens {
                let key = UnsafeBufferPointer(rebasing: keys[start..<token.keyEnd])
                start = token.keyEnd
                body(token.wordHash, id(ofKey: key, hash: token.keyHash, kind: token.kind, endsWithAlefMaksura: token.endsWithAlefMaksura, analyzer: analyzer))
            }
        }
        tokens.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        swap(&tokens, &queued)
        swap(&keys, &queuedKeys)
    }

    /// The id of the term of a token whose key is `key` and whose memo hash (its ``TermHash``,
    /// the alef-maksura bit mixed in) is `keyHash`; nil for a stop word.
    @inline(__always)
    private mutating func id(ofKey key: UnsafeBufferPointer<Unicode.Scalar>, hash keyHash: UInt64, kind: TokenKind, endsWithAlefMaksura: Bool, analyzer: Analyzer) -> Int32? {
        if let known = idOfKey[keyHash] { return known == TermTable.stopWord ? nil : known }
        guard !analyzer.stopWords.contains(key, endsWithAlefMaksura: endsWithAlefMaksura) else {
            idOfKey[keyHash] = TermTable.stopWord
            return nil
        }
        let term = analyzer.term(kind, key)
        let termHash = TermHash.of(term)
        let id: Int32
        if let existing = idOfTerm[termHash] {
            id = existing
        } else {
            id = Int32(hashes.count)
            idOfTerm[termHash] = id
            hashes.append(termHash)
            names.append(String(scalars: term))
        }
        idOfKey[keyHash] = id
        return id
    }
}

/// An open-addressing map from 64-bit hashes (already well mixed: FNV-1a, ``TermHash``) to
/// `Int32`, without the per-lookup SipHash of `Dictionary`. Entries are never removed. Each slot
/// holds its key and its value side by side, so that a probe reads one cache line: the token memo
/// of ``TermTable`` is megabytes large, and its probes were the vectors stage's main cost.
public struct HashIndex: Sendable, Equatable {
    /// A key (0: empty) and its value.
    @usableFromInline struct Slot: Sendable, Equatable {
        @usableFromInline var key: UInt64
        @usableFromInline var value: Int32
    }

    @usableFromInline var slots = [Slot](repeating: Slot(key: 0, value: 0), count: 1024)
    private var used = 0

    /// An empty index.
    public init() {}

    /// The value stored for `hash`; setting nil is not allowed. Lookups are inlinable: other
    /// modules probe it per term.
    public subscript(hash: UInt64) -> Int32? {
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
    func prefetch(_ hash: UInt64) {
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
