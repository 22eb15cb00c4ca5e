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
    public init() { queueBuffers = queueOwner.buffers }

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
    struct QueuedToken {
        let wordHash: UInt64
        let keyHash: UInt64
        /// Where its key ends in the queue's keys (it starts where the previous token's ends).
        let keyEnd: Int
        let kind: TokenKind
        let endsWithAlefMaksura: Bool
    }

    /// The tokens of the line being analysed and their keys. Appended to arrays, a token cost
    /// three calls (its count, its key, its entry), each checking that the array was not shared.
    /// The table keeps the queue's pointers beside the object that owns them, so that queueing
    /// a token reads no reference (each read of one was a retain and a release).
    private var queueOwner = LineQueue(QueueBuffers(tokenCapacity: 256, keyCapacity: 2_048))
    private var queueBuffers: QueueBuffers
    private var queuedCount = 0
    private var queuedKeyCount = 0

    /// Makes the queue this table's own before a line is queued: a copy of the table shares it
    /// until then (the queue is empty between lines, so nothing is copied).
    @inline(__always)
    mutating func beginLine() {
        if !isKnownUniquelyReferenced(&queueOwner) { replaceQueue(tokenCapacity: queueBuffers.tokenCapacity, keyCapacity: queueBuffers.keyCapacity) }
    }

    /// Queues a token of the line being analysed (after ``beginLine()``) and asks for its memo
    /// slot: the memo holds every key met and is megabytes large, so most of its probes missed
    /// the cache one after another; queued, a line's probes overlap.
    @inline(__always)
    mutating func queue(key: UnsafeBufferPointer<Unicode.Scalar>, kind: TokenKind, endsWithAlefMaksura: Bool, wordHash: UInt64) {
        let keyHash = TermHash.of(key) ^ (endsWithAlefMaksura ? 1 : 0)
        idOfKey.prefetch(keyHash)
        if queuedCount == queueBuffers.tokenCapacity || queuedKeyCount + key.count > queueBuffers.keyCapacity {
            replaceQueue(tokenCapacity: 2 * queueBuffers.tokenCapacity, keyCapacity: max(2 * queueBuffers.keyCapacity, queuedKeyCount + key.count))
        }
        if let start = key.baseAddress { (queueBuffers.keys + queuedKeyCount).initialize(from: start, count: key.count) }
        queuedKeyCount += key.count
        (queueBuffers.tokens + queuedCount).initialize(to: QueuedToken(wordHash: wordHash, keyHash: keyHash, keyEnd: queuedKeyCount, kind: kind, endsWithAlefMaksura: endsWithAlefMaksura))
        queuedCount += 1
    }

    /// A queue of the given capacities in place of the table's, with the line's tokens so far.
    @inline(never)
    private mutating func replaceQueue(tokenCapacity: Int, keyCapacity: Int) {
        let buffers = QueueBuffers(tokenCapacity: tokenCapacity, keyCapacity: keyCapacity)
        buffers.tokens.initialize(from: queueBuffers.tokens, count: queuedCount)
        buffers.keys.initialize(from: queueBuffers.keys, count: queuedKeyCount)
        queueOwner = LineQueue(buffers)
        queueBuffers = buffers
    }

    /// Calls `body` with the word hash and the term id (nil for a stop word) of each queued token,
    /// in order, and empties the queue.
    @inline(__always)
    mutating func takeQueued(analyzer: Analyzer, _ body: (_ wordHash: UInt64, _ term: Int32?) -> Void) {
        let buffers = queueBuffers
        var start = 0
        for t in 0..<queuedCount {
            let token = buffers.tokens[t]
            let key = UnsafeBufferPointer(start: buffers.keys + start, count: token.keyEnd - start)
            start = token.keyEnd
            body(token.wordHash, id(ofKey: key, hash: token.keyHash, kind: token.kind, endsWithAlefMaksura: token.endsWithAlefMaksura, analyzer: analyzer))
        }
        queuedCount = 0
        queuedKeyCount = 0
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

/// The buffers of ``TermTable``'s queue of tokens. A table writes to them only once it holds the
/// only reference to their owner (``TermTable/beginLine()``), so no two tables write to one queue.
private struct QueueBuffers: @unchecked Sendable {
    let tokens: UnsafeMutablePointer<TermTable.QueuedToken>
    let tokenCapacity: Int
    let keys: UnsafeMutablePointer<Unicode.Scalar>
    let keyCapacity: Int

    init(tokenCapacity: Int, keyCapacity: Int) {
        tokens = .allocate(capacity: tokenCapacity)
        self.tokenCapacity = tokenCapacity
        keys = .allocate(capacity: keyCapacity)
        self.keyCapacity = keyCapacity
    }
}

/// Owns a ``QueueBuffers`` and frees it with the last table that shares it.
private final class LineQueue: Sendable {
    let buffers: QueueBuffers

    init(_ buffers: QueueBuffers) { self.buffers = buffers }

    deinit {
        buffers.tokens.deallocate()
        buffers.keys.deallocate()
    }
}
